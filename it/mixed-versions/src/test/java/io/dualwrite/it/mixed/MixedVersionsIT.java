package io.dualwrite.it.mixed;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application with its own HikariCP 5, Caffeine 2 and JSqlParser 4.9 uses the driver jar (which
 * carries HikariCP 7, Caffeine 3 and JSqlParser 5 relocated): the application's pool, cache and
 * parser are the old versions, the driver's are its own, and writes made through the application's
 * pool reach both databases alike.
 */
@ExtendWith(TestDatabases.class)
class MixedVersionsIT {

  @AfterAll
  static void stopDriverRuntimes() {
    io.dualwrite.driver.Driver.shutdown();
  }

  @Test
  void theApplicationsLibrariesAreItsOwnVersionsAndTheDriversAreRelocatedCopies() throws Exception {
    assertThat(jarOf(HikariDataSource.class)).endsWith("HikariCP-5.1.0.jar");
    assertThat(jarOf(Caffeine.class)).endsWith("caffeine-2.9.3.jar");
    assertThat(jarOf(CCJSqlParserUtil.class)).endsWith("jsqlparser-4.9.jar");

    String driverJar = ShadedDriverJarIT.driverJar().toString();
    for (String internal :
        List.of(
            "io.dualwrite.shaded.hikari.HikariDataSource",
            "io.dualwrite.shaded.caffeine.cache.Caffeine",
            "io.dualwrite.shaded.jsqlparser.parser.CCJSqlParserUtil",
            "io.dualwrite.shaded.resilience4j.circuitbreaker.CircuitBreaker",
            "io.dualwrite.shaded.rewriter.Rewriter")) {
      assertThat(jarOf(Class.forName(internal))).as(internal).isEqualTo(driverJar);
    }
  }

  @Test
  void writesThroughTheApplicationsHikari5PoolReachBothDatabases(DatabasePair db) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:dualwrite:" + db.mysql().jdbcUrl().substring("jdbc:".length()));
    config.setDataSourceProperties(driverProperties(db));
    config.setMaximumPoolSize(2);
    config.setPoolName("application-pool");

    // The application's Caffeine 2 cache: how many rows each table has, loaded through the pool.
    try (HikariDataSource pool = new HikariDataSource(config)) {
      LoadingCache<String, Long> rowCounts =
          Caffeine.newBuilder().maximumSize(10).build(table -> count(pool, table));

      execute(
          pool,
          "CREATE TABLE `orders` (`id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " `customer` VARCHAR(40) NOT NULL, `total` DECIMAL(10,2) NOT NULL,"
              + " `status` ENUM('new','paid','shipped') NOT NULL DEFAULT 'new',"
              + " `placed_at` DATETIME NOT NULL, UNIQUE KEY `uq_customer` (`customer`))");

      String insert =
          "INSERT INTO `orders` (`customer`, `total`, `placed_at`) VALUES (?, ?, NOW())";
      // The application's JSqlParser 4.9 reads its own statements (as a pagination or audit
      // plugin would) before they go to the driver, which parses them again with its own parser.
      assertThat(tableOf(insert)).isEqualTo("`orders`");
      try (Connection c = pool.getConnection();
          PreparedStatement ps = c.prepareStatement(insert)) {
        for (int i = 1; i <= 20; i++) {
          ps.setString(1, "customer-" + i);
          ps.setBigDecimal(2, new java.math.BigDecimal(i + ".25"));
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(20);
      }
      assertThat(rowCounts.get("orders")).isEqualTo(20L);

      String update =
          "UPDATE `orders` SET `status` = 'paid', `total` = `total` + 1 WHERE `id` % 3 = 0";
      assertThat(tableOf(update)).isEqualTo("`orders`");
      execute(pool, update);
      execute(
          pool,
          "INSERT INTO `orders` (`customer`, `total`, `placed_at`) VALUES ('customer-5', 99.5,"
              + " '2026-01-02 03:04:05') ON DUPLICATE KEY UPDATE `total` = VALUES(`total`),"
              + " `placed_at` = VALUES(`placed_at`),"
              + " `status` = 'shipped'");
      execute(pool, "DELETE FROM `orders` WHERE `id` > 18");
      rowCounts.invalidate("orders");
      assertThat(rowCounts.get("orders")).isEqualTo(18L);
    }

    String sql = "SELECT id, customer, total, status, placed_at FROM orders ORDER BY id";
    List<List<String>> onMysql;
    List<List<String>> onPostgres;
    try (Connection mysql = db.openMysql();
        Connection postgres = db.openPostgres()) {
      onMysql = rows(mysql, sql);
      onPostgres = rows(postgres, sql);
    }
    assertThat(onMysql).hasSize(18);
    assertThat(onMysql.get(4))
        .containsExactly("5", "customer-5", "99.50", "shipped", "2026-01-02T03:04:05");
    assertThat(onPostgres).isEqualTo(onMysql);
  }

  private static Properties driverProperties(DatabasePair db) {
    Properties p = db.mysql().properties();
    p.setProperty("dualwrite.postgres.url", db.postgres().jdbcUrl());
    p.setProperty("dualwrite.postgres.user", db.postgres().user());
    if (db.postgres().password() != null) {
      p.setProperty("dualwrite.postgres.password", db.postgres().password());
    }
    // The control store lives in the MySQL database and is reached through the driver's own,
    // relocated HikariCP 7: both pools run in the same JVM.
    p.setProperty("dualwrite.control", "primary");
    return p;
  }

  private static String tableOf(String sql) throws JSQLParserException {
    net.sf.jsqlparser.statement.Statement statement = CCJSqlParserUtil.parse(sql);
    if (statement instanceof Insert insert) {
      return insert.getTable().getName();
    }
    return ((Update) statement).getTable().getName();
  }

  private static void execute(HikariDataSource pool, String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(HikariDataSource pool, String table) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every value as text, timestamps in ISO form, so the two sides compare as strings. */
  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = rs.getObject(i);
          if (value instanceof java.sql.Timestamp t) {
            value = t.toLocalDateTime();
          } else if (value instanceof java.time.LocalDateTime) {
            // already comparable
          } else if (value != null && !(value instanceof String)) {
            value = value.toString();
          }
          row.add(String.valueOf(value));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static String jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
