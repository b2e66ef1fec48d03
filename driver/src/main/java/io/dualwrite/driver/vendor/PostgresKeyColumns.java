package io.dualwrite.driver.vendor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated-key column of a PostgreSQL table, read from PostgreSQL's own catalog, for an insert
 * into a table MySQL's schema (the rewriter's catalog) does not know: in {@code PG_PRIMARY} started
 * while MySQL cannot be reached, PostgreSQL's insert then still returns its key as it does with
 * MySQL's schema.
 *
 * <p>The column is the one the rewriter's DDL makes of an AUTO_INCREMENT column ({@code GENERATED
 * BY DEFAULT AS IDENTITY}), or one a sequence fills ({@code serial}, a {@code nextval(...)}
 * default); a primary-key column first, then the first in column order, as MySQL has at most one
 * AUTO_INCREMENT column. The table is looked up by the name the rewriter prints, on the connection
 * that runs the insert, so under that session's {@code search_path}, as the insert is; the lookup
 * reads only the system catalogs and cannot fail for any name ({@code to_regclass}), so it never
 * aborts the application's transaction.
 *
 * <p>Cached per table in a bounded cache: a column once found is kept until the schema changes
 * through the driver ({@link #clear}, with the schema catalog); a table without one is asked again
 * after {@value #RECHECK_MILLIS} ms, as the schema catalog re-reads on a table it does not know.
 * Thread-safe.
 */
public final class PostgresKeyColumns {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresKeyColumns.class);

  static final long RECHECK_MILLIS = 5000;

  static final String QUERY =
      "SELECT a.attname FROM pg_catalog.pg_attribute a"
          + " WHERE a.attrelid = pg_catalog.to_regclass(pg_catalog.quote_ident(?))"
          + " AND a.attnum > 0 AND NOT a.attisdropped"
          + " AND (a.attidentity <> '' OR EXISTS (SELECT 1 FROM pg_catalog.pg_attrdef d"
          + " WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum"
          + " AND pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'))"
          + " ORDER BY EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid"
          + " AND i.indisprimary AND a.attnum = ANY (i.indkey)) DESC, a.attnum LIMIT 1";

  /** A table's column, null when it has none, and when that was read. */
  private record Entry(String column, long readAtNanos) {}

  private final Cache<String, Entry> columns = Caffeine.newBuilder().maximumSize(10_000).build();

  /** Changes with {@link #clear}: a lookup that overlapped a schema change is not kept. */
  private final AtomicLong generation = new AtomicLong();

  /**
   * The generated-key column of {@code table} (lower-case, unqualified), read on {@code pg}; null
   * when the table has none, is not there, or cannot be read now (then the insert that follows
   * reports PostgreSQL's own error).
   */
  public String column(Connection pg, String table) {
    Entry e = columns.getIfPresent(table);
    long now = System.nanoTime();
    if (e != null
        && (e.column() != null
            || now - e.readAtNanos() < TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS))) {
      return e.column();
    }
    long before = generation.get();
    String column;
    try (PreparedStatement ps = pg.prepareStatement(QUERY)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        column = rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e2) {
      LOG.debug("cannot read the generated-key column of a table from PostgreSQL", e2);
      return null;
    }
    if (generation.get() == before) {
      columns.put(table, new Entry(column, now));
    }
    return column;
  }

  /** After DDL: every table is read again. */
  public void clear() {
    generation.incrementAndGet();
    columns.invalidateAll();
  }
}
