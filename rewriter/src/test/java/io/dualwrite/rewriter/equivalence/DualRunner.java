package io.dualwrite.rewriter.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.Binding;
import io.dualwrite.rewriter.InformationSchemaCatalog;
import io.dualwrite.rewriter.NonDeterministicCall;
import io.dualwrite.rewriter.PinnedStatement;
import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestServers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs MySQL statements on MariaDB as written and on PostgreSQL as the rewriter translates them,
 * and asserts what a {@link CorpusEntry} says about the two outcomes, using {@link Normalisation}.
 *
 * <p>Writes run inside a transaction on each side that is rolled back after the comparison, so
 * every write starts from the same fixture and one failure cannot cascade; before each write the
 * PostgreSQL sequence behind each written table's AUTO_INCREMENT column is set to MariaDB's next
 * value (the driver keeps them in step in production; here both sides must simply generate the same
 * keys). DDL runs in autocommit and reloads the rewriter's catalog afterwards.
 */
final class DualRunner implements AutoCloseable {
  /** The instant the runner "computes" for NOW()-style calls of a pinned statement. */
  static final LocalDateTime PINNED_NOW = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000);

  final Connection mysql;
  final Connection postgres;
  final String schema;
  private InformationSchemaCatalog catalog;
  private Rewriter rewriter;

  DualRunner(DatabasePair db) throws SQLException {
    this.mysql = db.openMysql();
    this.postgres = db.openPostgres();
    this.schema = db.name();
    if (!TestServers.get().isMariaDb()) {
      // MySQL 8+ caches information_schema.TABLES.AUTO_INCREMENT for a day; syncSequences needs
      // the current value after every statement (MariaDB has no such cache or variable).
      try (Statement s = mysql.createStatement()) {
        s.execute("SET SESSION information_schema_stats_expiry = 0");
      }
    }
  }

  /** The MySQL-side server's name for messages: {@code MariaDB} or {@code MySQL}. */
  static String mysqlServer() {
    return TestServers.get().isMariaDb() ? "MariaDB" : "MySQL";
  }

  /** (Re)loads the catalog from MariaDB's information_schema and builds a fresh rewriter. */
  void loadCatalog() throws SQLException {
    catalog = InformationSchemaCatalog.load(mysql, schema);
    // SHA1 is translated through pgcrypto when PostgreSQL has it, as a user would install it, and
    // a utf8mb4_0900_ai_ci column sorts and compares under the ICU collation a user creates; the
    // rest (UPPER/LOWER under C.utf8 on this lc_ctype C PostgreSQL) is learnt as the driver does
    try (Statement s = postgres.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
      s.execute(io.dualwrite.rewriter.Collations.CREATE_AI_CI);
    }
    catalog.postgres(io.dualwrite.rewriter.PostgresCapabilities.read(postgres));
    rewriter = Rewriter.builder().catalog(catalog).build();
  }

  void reloadCatalog() throws SQLException {
    catalog.reload();
    rewriter.invalidate();
  }

  Translation translate(String sql) {
    if (rewriter == null) {
      rewriter = Rewriter.builder().build();
    }
    return rewriter.translate(sql);
  }

  /** Runs {@code sql} on MariaDB as written. */
  void mysqlOnly(String sql) throws SQLException {
    try (Statement s = mysql.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Runs the translation of {@code sql} on PostgreSQL; fails when it is refused or rejected. A
   * session statement the driver handles itself (no PostgreSQL SQL) runs nowhere.
   */
  Translation postgresOnly(String sql) throws SQLException {
    Translation t = translate(sql);
    assertThat(t.isRefused()).as("refused: %s -> %s", sql, t.refusal()).isFalse();
    if (t.postgresSql() != null) {
      try (Statement s = postgres.createStatement()) {
        s.execute(t.postgresSql());
      } catch (SQLException e) {
        throw new AssertionError(
            "PostgreSQL rejects the translation\n MySQL:      "
                + sql
                + "\n PostgreSQL: "
                + t.postgresSql()
                + "\n error: "
                + e.getMessage(),
            e);
      }
    }
    return t;
  }

  /** Asserts what {@code e} says. Throws AssertionError (a meaning difference) or others. */
  void check(CorpusEntry e) throws Exception {
    Translation t = translate(e.sql());
    if (e.mode() == CorpusEntry.Mode.REFUSE) {
      assertThat(t.isRefused())
          .as(
              "expected a refusal '%s' of: %s\nbut got: %s",
              e.refusalCode(), e.sql(), t.postgresSql())
          .isTrue();
      if (!e.refusalCode().equals("*")) {
        assertThat(t.refusal().code())
            .as("refusal code of %s", e.sql())
            .startsWith(e.refusalCode());
      }
      assertThat(t.refusal().reason()).as("refusal reason").isNotBlank();
      assertThat(t.postgresSql()).isNull();
      return;
    }
    assertThat(t.isRefused()).as("refused: %s\n refusal: %s", e.sql(), t.refusal()).isFalse();
    assertThat(t.postgresSql()).as("no PostgreSQL SQL for %s", e.sql()).isNotNull();
    if (e.mysqlError() != null && !TestServers.get().isMariaDb()) {
      // MySQL is what users run: a statement it rejects has no result to compare against.
      Outcome my = runMysql(e, t);
      assertThat((Throwable) my.error)
          .as("%s: MySQL %s should reject it", e.id(), TestServers.get().mysqlVersion())
          .isNotNull();
      assertThat(my.error.getMessage()).as("MySQL's error for %s", e.id()).contains(e.mysqlError());
      return;
    }
    boolean write = t.kind().isWrite();
    boolean ddl = t.kind() == StatementKind.DDL;
    if (e.category().equals("p0.locking")) {
      assertThat(t.lockingRead()).as("lockingRead() of %s", e.sql()).isTrue();
    }
    if (write && e.category().equals("nondeterministic")) {
      assertThat(t.nonDeterministicCalls())
          .as("non-deterministic calls of %s", e.sql())
          .isNotEmpty();
      assertThat(t.pinned()).as("pinned statement for %s", e.sql()).isNotNull();
    }
    if (write) {
      assertThat(t.tablesWritten()).as("tablesWritten() of %s", e.sql()).isNotEmpty();
    }
    boolean transaction = write && !e.commit();
    if (transaction) {
      syncSequences(tablesOf(e, t));
      mysql.setAutoCommit(false);
      postgres.setAutoCommit(false);
    }
    try {
      switch (e.mode()) {
        case COMPARE -> compare(e, t, write || ddl);
        case EXPECT -> expect(e, t);
        case ERROR -> bothFail(e, t);
        case SHAPE -> shape(e, t);
        default -> throw new IllegalStateException(e.mode().toString());
      }
    } finally {
      if (transaction) {
        mysql.rollback();
        postgres.rollback();
        mysql.setAutoCommit(true);
        postgres.setAutoCommit(true);
      }
      if (ddl) {
        reloadCatalog();
      }
    }
  }

  private void compare(CorpusEntry e, Translation t, boolean changes) throws Exception {
    Outcome my = runMysql(e, t);
    if (my.error != null) {
      throw new IllegalStateException(
          "corpus error: " + mysqlServer() + " rejects " + e.id() + ": " + my.error.getMessage(),
          my.error);
    }
    Outcome pg = runPostgres(e, t);
    if (pg.error != null) {
      throw new AssertionError(
          "PostgreSQL rejects the translation" + show(e, t) + "\n error: " + pg.error.getMessage(),
          pg.error);
    }
    compareOutcomes(e, t, my, pg);
    if (changes) {
      for (String table : tablesOf(e, t)) {
        if (existsOnMysql(table)) {
          Optional<String> diff =
              Normalisation.difference(
                  dump(mysql, table, Normalisation.Side.MYSQL),
                  dump(postgres, table, Normalisation.Side.POSTGRES),
                  true,
                  clockColumns(table));
          if (diff.isPresent()) {
            throw new AssertionError(
                "table "
                    + table
                    + " differs after the statement"
                    + show(e, t)
                    + "\n "
                    + diff.get());
          }
        }
      }
    }
    for (String then : e.then()) {
      Translation tt = translate(then);
      assertThat(tt.isRefused()).as("check query refused: %s -> %s", then, tt.refusal()).isFalse();
      Normalisation.Result a = query(mysql, then, Normalisation.Side.MYSQL);
      Normalisation.Result b;
      try {
        b = query(postgres, tt.postgresSql(), Normalisation.Side.POSTGRES);
      } catch (SQLException ex) {
        throw new AssertionError(
            "check query fails on PostgreSQL: " + tt.postgresSql() + ": " + ex.getMessage(), ex);
      }
      Optional<String> diff =
          Normalisation.difference(a, b, CorpusEntry.hasTopLevelOrderBy(then), Set.of());
      if (diff.isPresent()) {
        throw new AssertionError(
            "after the statement, '" + then + "' differs" + show(e, t) + "\n " + diff.get());
      }
    }
  }

  private void compareOutcomes(CorpusEntry e, Translation t, Outcome my, Outcome pg) {
    if ((my.result == null) != (pg.result == null)) {
      throw new AssertionError(
          "one side returns rows, the other an update count"
              + show(e, t)
              + "\n MySQL: "
              + (my.result != null ? my.result : my.count)
              + "\n PostgreSQL: "
              + (pg.result != null ? pg.result : pg.count));
    }
    if (my.result != null) {
      Optional<String> diff = Normalisation.difference(my.result, pg.result, e.ordered(), Set.of());
      if (diff.isPresent()) {
        throw new AssertionError("results differ" + show(e, t) + "\n " + diff.get());
      }
    } else if (t.kind() != StatementKind.UPSERT
        && t.kind() != StatementKind.REPLACE
        && t.kind() != StatementKind.DDL) {
      if (my.count != pg.count) {
        throw new AssertionError(
            "update counts differ: " + my.count + " vs " + pg.count + show(e, t));
      }
    }
  }

  private void expect(CorpusEntry e, Translation t) throws Exception {
    Outcome pg = runPostgres(e, t);
    if (pg.error != null) {
      throw new AssertionError(
          "PostgreSQL rejects the translation" + show(e, t) + "\n error: " + pg.error.getMessage(),
          pg.error);
    }
    Normalisation.Result actual = pg.result;
    if (actual == null) {
      if (e.count() != null && e.count() != pg.count) {
        throw new AssertionError(
            "update count " + pg.count + ", MySQL 8 gives " + e.count() + show(e, t));
      }
      assertThat(e.then()).as("an expect-mode write needs a '-- then:' query").isNotEmpty();
      Translation tt = translate(e.then().get(0));
      assertThat(tt.isRefused()).as("check query refused: %s", tt.refusal()).isFalse();
      actual = query(postgres, tt.postgresSql(), Normalisation.Side.POSTGRES);
    }
    Normalisation.Result expected = expected(e.rows(), actual.columns().size());
    boolean ordered =
        actual == pg.result ? e.ordered() : CorpusEntry.hasTopLevelOrderBy(e.then().get(0));
    Optional<String> diff = Normalisation.difference(expected, actual, ordered, Set.of());
    if (diff.isPresent()) {
      throw new AssertionError(
          "PostgreSQL differs from the MySQL 8 documented result (expected first)"
              + show(e, t)
              + "\n "
              + diff.get());
    }
  }

  private static Normalisation.Result expected(List<List<Object>> rows, int width) {
    List<Normalisation.Column> columns = new ArrayList<>();
    int n = rows.isEmpty() ? width : rows.get(0).size();
    for (int c = 0; c < n; c++) {
      boolean json = false;
      boolean approx = false;
      for (List<Object> row : rows) {
        json |= row.get(c) instanceof Normalisation.Json;
        approx |= row.get(c) instanceof Normalisation.Approx;
      }
      columns.add(new Normalisation.Column(null, "expected", json, approx));
    }
    return new Normalisation.Result(columns, rows);
  }

  private void bothFail(CorpusEntry e, Translation t) throws Exception {
    Outcome my = runMysql(e, t);
    if (my.error == null) {
      throw new IllegalStateException(
          "corpus error: MariaDB accepts " + e.id() + ", expected an error");
    }
    Outcome pg = runPostgres(e, t);
    if (pg.error == null) {
      throw new AssertionError(
          "MySQL rejects the statement ("
              + my.error.getMessage()
              + ") but PostgreSQL accepts the translation"
              + show(e, t)
              + "\n PostgreSQL: "
              + (pg.result != null ? pg.result : pg.count + " rows"));
    }
  }

  /**
   * A read with NOW()/RAND()/UUID(): when the rewriter offers a pinned statement, the values are
   * compared exactly; otherwise both sides must return the same number of rows and columns, the
   * same kind of value in each cell (NULL where the other is NULL), date-times within two minutes
   * of each other and strings of the same length (a UUID is 36 characters on both sides).
   */
  private void shape(CorpusEntry e, Translation t) throws Exception {
    if (t.pinned() != null) {
      compare(e, t, false);
      return;
    }
    Outcome my = runMysql(e, t);
    if (my.error != null) {
      throw new IllegalStateException(
          "corpus error: " + mysqlServer() + " rejects " + e.id(), my.error);
    }
    Outcome pg = runPostgres(e, t);
    if (pg.error != null) {
      throw new AssertionError(
          "PostgreSQL rejects the translation" + show(e, t) + "\n error: " + pg.error.getMessage(),
          pg.error);
    }
    assertThat(my.result).as("MySQL result").isNotNull();
    assertThat(pg.result).as("PostgreSQL result" + show(e, t)).isNotNull();
    assertThat(pg.result.rows()).as("rows" + show(e, t)).hasSameSizeAs(my.result.rows());
    assertThat(pg.result.columns()).as("columns").hasSameSizeAs(my.result.columns());
    for (int r = 0; r < my.result.rows().size(); r++) {
      for (int c = 0; c < my.result.columns().size(); c++) {
        Object a = my.result.rows().get(r).get(c);
        Object b = pg.result.rows().get(r).get(c);
        String where =
            "row " + (r + 1) + " column " + (c + 1) + show(e, t) + "\n " + a + " vs " + b;
        if (a == null || b == null) {
          assertThat(b).as(where).isEqualTo(a);
          continue;
        }
        assertThat(b.getClass()).as(where).isEqualTo(a.getClass());
        if (a instanceof LocalDateTime x) {
          assertThat(Math.abs(ChronoUnit.SECONDS.between(x, (LocalDateTime) b)))
              .as(where)
              .isLessThanOrEqualTo(Normalisation.CLOCK_TOLERANCE_SECONDS);
        } else if (a instanceof String s) {
          assertThat(((String) b).length()).as(where).isEqualTo(s.length());
        }
      }
    }
  }

  /** One side's outcome: a result, an update count, or an error. */
  private record Outcome(Normalisation.Result result, long count, SQLException error) {}

  private Outcome runMysql(CorpusEntry e, Translation t) {
    PinnedStatement p = t.pinned();
    if (p != null) {
      return run(mysql, p.mysqlSql(), values(p.mysqlBindings(), e, t), Normalisation.Side.MYSQL);
    }
    return run(mysql, e.sql(), e.binds(), Normalisation.Side.MYSQL);
  }

  private Outcome runPostgres(CorpusEntry e, Translation t) {
    PinnedStatement p = t.pinned();
    if (p != null) {
      return run(
          postgres,
          p.postgresSql(),
          values(p.postgresBindings(), e, t),
          Normalisation.Side.POSTGRES);
    }
    List<Object> binds = new ArrayList<>();
    int[] map = t.parameterMap();
    for (int index : map) {
      binds.add(e.binds().get(index));
    }
    return run(postgres, t.postgresSql(), binds, Normalisation.Side.POSTGRES);
  }

  private static List<Object> values(List<Binding> bindings, CorpusEntry e, Translation t) {
    List<Object> out = new ArrayList<>();
    for (Binding b : bindings) {
      if (b instanceof Binding.AppParameter a) {
        out.add(e.binds().get(a.index()));
      } else if (b instanceof Binding.ComputedValue c) {
        out.add(computed(t.nonDeterministicCalls().get(c.callIndex()), c.callIndex()));
      } else {
        throw new IllegalStateException("unknown binding " + b);
      }
    }
    return out;
  }

  /**
   * The value a driver would compute once for a non-deterministic call: a fixed clock ({@link
   * #PINNED_NOW}, truncated to the call's fractional digits), a fixed UUID and RAND() value per
   * call, so results are reproducible.
   */
  static Object computed(NonDeterministicCall call, int index) {
    LocalDateTime now =
        PINNED_NOW
            .truncatedTo(ChronoUnit.SECONDS)
            .plusNanos(
                call.fractionalDigits() <= 0
                    ? 0
                    : (PINNED_NOW.getNano() / pow10(9 - call.fractionalDigits()))
                        * pow10(9 - call.fractionalDigits()));
    return switch (call.function().toUpperCase(Locale.ROOT)) {
      case "NOW", "CURRENT_TIMESTAMP", "SYSDATE", "LOCALTIME", "LOCALTIMESTAMP", "UTC_TIMESTAMP" ->
          now;
      case "CURDATE", "CURRENT_DATE", "UTC_DATE" -> now.toLocalDate();
      case "CURTIME", "CURRENT_TIME", "UTC_TIME" -> now.toLocalTime();
      case "UNIX_TIMESTAMP" -> now.toEpochSecond(ZoneOffset.UTC);
      case "UUID" ->
          UUID.nameUUIDFromBytes(("call" + index).getBytes(StandardCharsets.UTF_8)).toString();
      case "RAND" -> 0.25 + index * 0.125;
      default ->
          throw new IllegalStateException("the runner cannot compute " + call.function() + "()");
    };
  }

  private static int pow10(int n) {
    int p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  private static Outcome run(
      Connection c, String sql, List<Object> binds, Normalisation.Side side) {
    try {
      if (binds.isEmpty()) {
        try (Statement s = c.createStatement()) {
          return outcome(s, s.execute(sql), side);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < binds.size(); i++) {
          bind(ps, i + 1, binds.get(i), side);
        }
        return outcome(ps, ps.execute(), side);
      }
    } catch (SQLException e) {
      return new Outcome(null, -1, e);
    }
  }

  /**
   * Binds one value. On the MySQL side date-time values go as text: Connector/J takes MariaDB's
   * handshake version (5.5.5-10.11) for a server without fractional seconds and would drop the
   * microseconds of a java.time value, which real MySQL 8 keeps.
   */
  private static void bind(PreparedStatement ps, int index, Object value, Normalisation.Side side)
      throws SQLException {
    if (side == Normalisation.Side.MYSQL && value instanceof LocalDateTime t) {
      ps.setString(index, t.toLocalDate() + " " + t.toLocalTime().format(MYSQL_TIME));
    } else if (side == Normalisation.Side.MYSQL && value instanceof java.time.LocalTime t) {
      ps.setString(index, t.format(MYSQL_TIME));
    } else {
      ps.setObject(index, value);
    }
  }

  private static final java.time.format.DateTimeFormatter MYSQL_TIME =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  private static Outcome outcome(Statement s, boolean hasRows, Normalisation.Side side)
      throws SQLException {
    if (hasRows) {
      try (ResultSet rs = s.getResultSet()) {
        return new Outcome(Normalisation.read(rs, side), -1, null);
      }
    }
    return new Outcome(null, s.getLargeUpdateCount(), null);
  }

  static Normalisation.Result query(Connection c, String sql, Normalisation.Side side)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return Normalisation.read(rs, side);
    }
  }

  private static Set<String> tablesOf(CorpusEntry e, Translation t) {
    Set<String> tables = new LinkedHashSet<>(t.tablesWritten());
    tables.addAll(e.tables());
    return tables;
  }

  /** Full contents, ordered by primary key (all columns when there is none). */
  Normalisation.Result dump(Connection c, String table, Normalisation.Side side)
      throws SQLException {
    List<String> key = primaryKey(table);
    boolean my = side == Normalisation.Side.MYSQL;
    String q = my ? "`" : "\"";
    StringBuilder sql = new StringBuilder("SELECT * FROM " + q + table + q);
    if (!key.isEmpty()) {
      sql.append(" ORDER BY ");
      for (int i = 0; i < key.size(); i++) {
        sql.append(i == 0 ? "" : ", ")
            .append(q)
            .append(key.get(i).toLowerCase(Locale.ROOT))
            .append(q);
      }
    } else {
      sql.append(" ORDER BY 1");
    }
    return query(c, sql.toString(), side);
  }

  List<String> primaryKey(String table) throws SQLException {
    List<String> key = new ArrayList<>();
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          key.add(rs.getString(1));
        }
      }
    }
    return key;
  }

  boolean existsOnMysql(String table) throws SQLException {
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Columns whose value comes from the server clock (DEFAULT / ON UPDATE CURRENT_TIMESTAMP). */
  Set<String> clockColumns(String table) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND"
                + " TABLE_NAME = ? AND (LOWER(COLUMN_DEFAULT) LIKE 'current_timestamp%' OR"
                + " LOWER(EXTRA) LIKE '%on update%')")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /** Sets each written table's PostgreSQL sequence to MariaDB's next AUTO_INCREMENT value. */
  void syncSequences(Set<String> tables) throws SQLException {
    for (String table : tables) {
      String column = null;
      long next = 0;
      try (PreparedStatement ps =
          mysql.prepareStatement(
              "SELECT c.COLUMN_NAME, t.AUTO_INCREMENT FROM information_schema.COLUMNS c JOIN"
                  + " information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND"
                  + " t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ?"
                  + " AND c.EXTRA LIKE '%auto_increment%'")) {
        ps.setString(1, schema);
        ps.setString(2, table);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            column = rs.getString(1).toLowerCase(Locale.ROOT);
            next = rs.getLong(2);
          }
        }
      }
      if (column == null || next <= 0) {
        continue;
      }
      try (PreparedStatement ps =
          postgres.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
        ps.setString(1, "\"" + table + "\"");
        ps.setString(2, column);
        String sequence;
        try (ResultSet rs = ps.executeQuery()) {
          sequence = rs.next() ? rs.getString(1) : null;
        } catch (SQLException missing) {
          continue; // the table does not exist on PostgreSQL: the comparison will say so
        }
        if (sequence != null) {
          try (PreparedStatement set =
              postgres.prepareStatement("SELECT setval(?::regclass, ?, false)")) {
            set.setString(1, sequence);
            set.setLong(2, next);
            set.execute();
          }
        }
      }
    }
  }

  /** Syncs every table of the schema (after loading fixture data with explicit keys). */
  void syncAllSequences() throws SQLException {
    Set<String> tables = new LinkedHashSet<>();
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND"
                + " TABLE_TYPE = 'BASE TABLE'")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    syncSequences(tables);
  }

  private static String show(CorpusEntry e, Translation t) {
    return "\n MySQL:      "
        + (t.pinned() != null ? t.pinned().mysqlSql() : e.sql()).replace('\n', ' ')
        + (e.binds().isEmpty() ? "" : "  binds " + e.binds())
        + "\n PostgreSQL: "
        + (t.pinned() != null ? t.pinned().postgresSql() : t.postgresSql())
        + "\n kind: "
        + t.kind()
        + (t.session() == null ? "" : " " + t.session());
  }

  @Override
  public void close() throws SQLException {
    try {
      mysql.close();
    } finally {
      postgres.close();
    }
  }
}
