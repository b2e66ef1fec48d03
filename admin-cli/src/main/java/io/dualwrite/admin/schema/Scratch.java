package io.dualwrite.admin.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What PostgreSQL's schema should be, in PostgreSQL's own words: the translated DDL is run in a
 * fresh schema inside a transaction that is rolled back, and that schema's catalog is read. So the
 * comparison never normalises types, defaults or index definitions by hand, and a statement
 * PostgreSQL would reject is found without touching the real schema.
 */
final class Scratch {
  private Scratch() {}

  /**
   * The expected snapshot of {@code plan}; objects that cannot be created there (refused by the
   * rewriter, rejected by PostgreSQL, or needing one of those) are added to {@code differences}.
   */
  static PgSnapshot expected(
      Connection pg,
      String liveSchema,
      MysqlSchema.Plan plan,
      List<SchemaDiff.Difference> differences)
      throws SQLException {
    String scratch =
        "dualwrite_schema_check_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    boolean autoCommit = pg.getAutoCommit();
    pg.setAutoCommit(false);
    try (Statement s = pg.createStatement()) {
      // never wait behind the application's locks: the scratch objects are new, the live ones
      // are only read by name
      s.execute("SET LOCAL lock_timeout = '10s'");
      s.execute("CREATE SCHEMA " + scratch);
      s.execute("SET LOCAL search_path = " + scratch + ", " + TranslatedTable.quote(liveSchema));
      Set<String> unavailable = new HashSet<>();
      for (SchemaObject o : plan.objects()) {
        if (o.isRefused()) {
          unavailable.add(o.name());
          differences.add(
              new SchemaDiff.Difference(o.describe(), "refused: " + o.refusal(), null, null));
          continue;
        }
        String blocked = null;
        for (String need : o.needs()) {
          if (unavailable.contains(need)) {
            blocked = need;
          }
        }
        String error = null;
        if (blocked != null) {
          error = "not compared: needs " + blocked + ", which cannot be created";
        } else {
          Savepoint sp = pg.setSavepoint();
          try {
            for (String sql : o.statements()) {
              s.execute(sql);
            }
            pg.releaseSavepoint(sp);
          } catch (SQLException e) {
            pg.rollback(sp);
            error =
                "PostgreSQL rejects its translation: "
                    + SchemaCommand.firstLine(e.getMessage())
                    + " [SQLState "
                    + e.getSQLState()
                    + "]";
          }
        }
        if (error != null) {
          if (o.kind() == SchemaObject.Kind.TABLE || o.kind() == SchemaObject.Kind.VIEW) {
            unavailable.add(o.name());
          }
          differences.add(new SchemaDiff.Difference(o.describe(), error, null, null));
        }
      }
      return PgSnapshot.read(pg, scratch);
    } finally {
      pg.rollback();
      pg.setAutoCommit(autoCommit);
    }
  }
}
