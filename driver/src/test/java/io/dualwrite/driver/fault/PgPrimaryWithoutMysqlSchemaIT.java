package io.dualwrite.driver.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Driver;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TcpProxy;
import io.dualwrite.testkit.TestDatabases;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code PG_PRIMARY} started while MySQL never answers (a TCP proxy that accepts connections and
 * never speaks): the driver has no schema from MySQL, so the tables' AUTO_INCREMENT columns come
 * from PostgreSQL's own catalog, and every insert returns PostgreSQL's generated keys as it does
 * with MySQL's schema: through {@code Statement} and {@code PreparedStatement}, single rows,
 * several rows and batches, for the identity column the driver's DDL makes and for a {@code serial}
 * column; none for a table without one, as MySQL gives none.
 */
@ExtendWith(TestDatabases.class)
class PgPrimaryWithoutMysqlSchemaIT {
  private static final String IDENTITY = "nokeys_identity";
  private static final String SERIAL = "nokeys_serial";
  private static final String PLAIN = "nokeys_plain";

  private TcpProxy proxy;
  private Connection c;

  @BeforeEach
  void startWithASilentMysql(DatabasePair db) throws Exception {
    Driver.shutdown();
    try (Connection healthy = DualWriteTestUrls.connect(db);
        Statement s = healthy.createStatement()) {
      for (String t : List.of(IDENTITY, SERIAL, PLAIN)) {
        s.execute("DROP TABLE IF EXISTS " + t);
      }
      // through the driver: PostgreSQL's table is the rewriter's translation of AUTO_INCREMENT
      s.execute(
          "CREATE TABLE "
              + IDENTITY
              + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))");
      s.execute("CREATE TABLE " + PLAIN + " (code INT PRIMARY KEY, v INT NOT NULL)");
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + SERIAL);
      s.execute("CREATE TABLE " + SERIAL + " (v INT NOT NULL, id BIGSERIAL PRIMARY KEY)");
    }
    Driver.shutdown();
    URI mysql = URI.create(db.mysql().jdbcUrl().substring("jdbc:".length()));
    proxy = new TcpProxy(mysql.getHost(), mysql.getPort());
    proxy.halfOpen(); // every connection accepted, never answered
    Properties props =
        DualWriteTestUrls.properties(
            db,
            "dualwrite.phase",
            "PG_PRIMARY",
            "dualwrite.mirrorTimeoutMillis",
            "1000",
            "dualwrite.instance",
            "pgp-no-mysql-schema");
    String url =
        "jdbc:dualwrite:mysql://127.0.0.1:"
            + proxy.port()
            + mysql.getRawPath()
            + (mysql.getRawQuery() == null ? "" : "?" + mysql.getRawQuery());
    c = DriverManager.getConnection(url, props);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (c != null) {
        c.close();
      }
    } finally {
      proxy.heal();
      proxy.closeLost();
      proxy.close();
      Driver.shutdown();
    }
  }

  @Test
  void statementInsertReturnsPostgresKey(DatabasePair db) throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "INSERT INTO " + IDENTITY + " (v, note) VALUES (1, 'stmt')",
                  Statement.RETURN_GENERATED_KEYS))
          .isEqualTo(1);
      assertThat(keys(s)).containsExactlyElementsOf(postgresIds(db, IDENTITY, "note = 'stmt'"));
      assertThat(s.execute("INSERT INTO " + SERIAL + " (v) VALUES (7)", new String[] {"id"}))
          .isFalse();
      assertThat(keys(s)).containsExactlyElementsOf(postgresIds(db, SERIAL, "v = 7"));
    }
  }

  @Test
  void statementMultiRowInsertReturnsEveryPostgresKey(DatabasePair db) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO " + IDENTITY + " (v, note) VALUES (1, 'multi'), (2, 'multi'), (3, 'multi')",
          Statement.RETURN_GENERATED_KEYS);
      List<Long> keys = keys(s);
      assertThat(keys).hasSize(3);
      assertThat(keys).containsExactlyElementsOf(postgresIds(db, IDENTITY, "note = 'multi'"));
    }
  }

  @Test
  void preparedInsertReturnsPostgresKey(DatabasePair db) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + IDENTITY + " (v, note) VALUES (?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < 3; i++) {
        ps.setInt(1, i);
        ps.setString(2, "prep" + i);
        assertThat(ps.executeUpdate()).isEqualTo(1);
        assertThat(keys(ps))
            .containsExactlyElementsOf(postgresIds(db, IDENTITY, "note = 'prep" + i + "'"));
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + SERIAL + " (v) VALUES (?)", new String[] {"id"})) {
      ps.setInt(1, 8);
      ps.executeUpdate();
      assertThat(keys(ps)).containsExactlyElementsOf(postgresIds(db, SERIAL, "v = 8"));
    }
  }

  @Test
  void preparedBatchReturnsEveryPostgresKey(DatabasePair db) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + IDENTITY + " (v, note) VALUES (?, 'batch')",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < 4; i++) {
        ps.setInt(1, i);
        ps.addBatch();
      }
      assertThat(ps.executeBatch()).containsExactly(1, 1, 1, 1);
      List<Long> keys = keys(ps);
      assertThat(keys).hasSize(4);
      assertThat(keys).containsExactlyElementsOf(postgresIds(db, IDENTITY, "note = 'batch'"));
    }
  }

  @Test
  void aTableWithoutAGeneratedColumnGivesNoKey() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO " + PLAIN + " (code, v) VALUES (1, 1)", Statement.RETURN_GENERATED_KEYS);
      assertThat(keys(s)).isEmpty();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + PLAIN + " (code, v) VALUES (?, 2)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setInt(1, 2);
      ps.addBatch();
      ps.setInt(1, 3);
      ps.addBatch();
      assertThat(ps.executeBatch()).containsExactly(1, 1);
      assertThat(keys(ps)).isEmpty();
    }
  }

  @Test
  void explicitIdsMovePostgresSequenceAsWithMysqlSchema(DatabasePair db) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO " + IDENTITY + " (id, v, note) VALUES (500, 1, 'explicit')",
          Statement.RETURN_GENERATED_KEYS);
      assertThat(keys(s)).containsExactly(500L);
      s.executeUpdate(
          "INSERT INTO " + IDENTITY + " (v, note) VALUES (2, 'after')",
          Statement.RETURN_GENERATED_KEYS);
      List<Long> after = keys(s);
      assertThat(after).containsExactlyElementsOf(postgresIds(db, IDENTITY, "note = 'after'"));
      assertThat(after.get(0)).as("no key PostgreSQL generates collides").isGreaterThan(500L);
    }
  }

  /** The generated keys, checking they look as Connector/J's do. */
  private static List<Long> keys(Statement s) throws SQLException {
    List<Long> keys = new ArrayList<>();
    try (ResultSet rs = s.getGeneratedKeys()) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
      assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("GENERATED_KEY");
      while (rs.next()) {
        keys.add(rs.getLong(1));
      }
    }
    return keys;
  }

  /** The ids PostgreSQL stored for the rows matching {@code where}, in id order. */
  private static List<Long> postgresIds(DatabasePair db, String table, String where)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT id FROM " + table + " WHERE " + where + " ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    assertThat(ids).as("rows on PostgreSQL").isNotEmpty();
    return ids;
  }
}
