package io.dualwrite.admin.verify;

import io.dualwrite.testkit.DatabasePair;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The benchmarks' two tables: {@code bench_single} (BIGINT key; INT, DECIMAL(12,2), VARCHAR,
 * DATETIME(6), DATE, TINYINT(1), CHAR(8), VARBINARY) and {@code bench_composite} ((INT, INT) key;
 * INT, DECIMAL(10,2), VARCHAR with a non-ASCII character, DATETIME(6), DOUBLE), {@code rows} rows
 * each, built by {@code INSERT ... SELECT} on the server (identical data on each side, not through
 * the driver).
 */
public final class BenchTables {
  private BenchTables() {}

  /** The tables, filled, on MySQL. */
  public static void mysql(DatabasePair db, int rows) throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      for (String t : List.of("bench_single", "bench_composite", "bench_digits")) {
        s.execute("DROP TABLE IF EXISTS " + t);
      }
      s.execute("CREATE TABLE bench_digits (n INT PRIMARY KEY)");
      s.execute("INSERT INTO bench_digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
      String numbers =
          "(SELECT d1.n + 10 * d2.n + 100 * d3.n + 1000 * d4.n + 10000 * d5.n + 100000 * d6.n"
              + " AS n FROM bench_digits d1, bench_digits d2, bench_digits d3, bench_digits d4,"
              + " bench_digits d5, bench_digits d6) x WHERE n < "
              + rows;
      s.execute(
          "CREATE TABLE bench_single (id BIGINT NOT NULL PRIMARY KEY, n INT NOT NULL,"
              + " amount DECIMAL(12,2), name VARCHAR(40), created DATETIME(6), day DATE,"
              + " flag TINYINT(1), code CHAR(8), payload VARBINARY(32))");
      s.execute(
          "INSERT INTO bench_single SELECT n + 1, (n * 7) MOD 100003, (n MOD 100000) / 100,"
              + " CONCAT('name-', n), TIMESTAMPADD(MICROSECOND, n * 1001, '2024-01-01 00:00:00'),"
              + " DATE_ADD('2020-01-01', INTERVAL n MOD 2000 DAY), n MOD 2,"
              + " CONCAT('c', n MOD 1000), UNHEX(LEFT(SHA2(n, 256), 32)) FROM "
              + numbers);
      s.execute(
          "CREATE TABLE bench_composite (a INT NOT NULL, b INT NOT NULL, qty INT,"
              + " price DECIMAL(10,2), note VARCHAR(60), at DATETIME(6), ratio DOUBLE,"
              + " PRIMARY KEY (a, b))");
      s.execute(
          "INSERT INTO bench_composite SELECT n DIV 50, n MOD 50, n MOD 97, (n MOD 5000) / 100,"
              + " CONCAT('note ', n, ' é'),"
              + " TIMESTAMPADD(MICROSECOND, n * 1001, '2024-01-01 00:00:00'), n * 0.25 FROM "
              + numbers);
      s.execute("DROP TABLE bench_digits");
    }
  }

  /** The same tables and rows on PostgreSQL, created by hand with the types the rewriter maps. */
  public static void postgres(DatabasePair db, int rows) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_single");
      s.execute("DROP TABLE IF EXISTS bench_composite");
      s.execute(
          "CREATE TABLE bench_single (id bigint NOT NULL PRIMARY KEY, n integer NOT NULL,"
              + " amount numeric(12,2), name varchar(40), created timestamp(6), day date,"
              + " flag smallint, code character(8), payload bytea)");
      s.execute(
          "INSERT INTO bench_single SELECT n + 1, (n * 7) % 100003, (n % 100000) / 100.0,"
              + " 'name-' || n, timestamp '2024-01-01' + n * 1001 * interval '1 microsecond',"
              + " date '2020-01-01' + (n % 2000), n % 2, 'c' || (n % 1000),"
              + " decode(left(encode(sha256(n::text::bytea), 'hex'), 32), 'hex')"
              + " FROM generate_series(0, "
              + (rows - 1)
              + ") n");
      s.execute(
          "CREATE TABLE bench_composite (a integer NOT NULL, b integer NOT NULL, qty integer,"
              + " price numeric(10,2), note varchar(60), at timestamp(6), ratio double precision,"
              + " PRIMARY KEY (a, b))");
      s.execute(
          "INSERT INTO bench_composite SELECT n / 50, n % 50, n % 97, (n % 5000) / 100.0,"
              + " 'note ' || n || ' é', timestamp '2024-01-01' + n * 1001 * interval '1"
              + " microsecond', n * 0.25 FROM generate_series(0, "
              + (rows - 1)
              + ") n");
      s.execute("ANALYZE bench_single");
      s.execute("ANALYZE bench_composite");
    }
  }
}
