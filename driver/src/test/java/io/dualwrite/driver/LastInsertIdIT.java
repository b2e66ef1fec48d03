package io.dualwrite.driver;

import static io.dualwrite.driver.testing.TableComparison.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code LAST_INSERT_ID()} inside writes (the parent/child idiom of scripts and hand-written DAOs):
 * the driver reads MySQL's session value once per statement and binds it on both sides.
 */
@ExtendWith(TestDatabases.class)
class LastInsertIdIT {

  @BeforeEach
  void schema(DatabasePair db) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS lid_child");
      s.execute("DROP TABLE IF EXISTS lid_parent");
      s.execute(
          "CREATE TABLE lid_parent (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT"
              + " NULL)");
      s.execute(
          "CREATE TABLE lid_child (id BIGINT AUTO_INCREMENT PRIMARY KEY, parent_id BIGINT NOT"
              + " NULL, note VARCHAR(20))");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"DUAL_WRITE", "PG_PRIMARY"})
  void childRowsTakeTheParentsIdOnBothSides(String phase, DatabasePair db) throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    long parent;
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase);
        Statement s = c.createStatement()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.executeUpdate("INSERT INTO lid_parent (name) VALUES ('first')");
      s.executeUpdate("INSERT INTO lid_parent (name) VALUES ('second')");
      try (ResultSet rs = s.executeQuery("SELECT LAST_INSERT_ID()")) {
        rs.next();
        parent = rs.getLong(1);
      }
      // Every call of one statement sees the value from before it (the child's own new id is
      // not visible), as in MySQL.
      s.executeUpdate(
          "INSERT INTO lid_child (parent_id, note) VALUES (LAST_INSERT_ID(), 'a'),"
              + " (LAST_INSERT_ID(), 'b')");
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE lid_parent SET name = ? WHERE id = LAST_INSERT_ID()")) {
        ps.setString(1, "renamed");
        // LAST_INSERT_ID() is now the first child's id (the multi-row insert's first row): 1
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
    assertThat(seen).as("discrepancies").isEmpty();
    assertSameRows(db, "lid_parent", "id");
    assertSameRows(db, "lid_child", "id");
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), MIN(parent_id), MAX(parent_id) FROM lid_child WHERE note IN"
                    + " ('a', 'b')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
      assertThat(rs.getLong(2)).isEqualTo(parent);
      assertThat(rs.getLong(3)).isEqualTo(parent);
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT p.name FROM lid_parent p WHERE p.id = (SELECT MIN(id) FROM lid_child)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("renamed");
    }
  }

  @Test
  void aBatchSeesTheIdTheRowBeforeGenerated(DatabasePair db) throws SQLException {
    List<Discrepancy> seen = new CopyOnWriteArrayList<>();
    try (Connection c = DualWriteTestUrls.connect(db);
        Statement s = c.createStatement();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO lid_child (parent_id, note) VALUES (LAST_INSERT_ID(), ?)")) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
      s.executeUpdate("INSERT INTO lid_parent (name) VALUES ('p')");
      for (String note : List.of("x", "y", "z")) {
        ps.setString(1, note);
        ps.addBatch();
      }
      assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
    }
    assertThat(seen).as("discrepancies").isEmpty();
    assertSameRows(db, "lid_child", "id");
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.note, c.parent_id = p.id, c.parent_id = prev.id FROM lid_child c"
                    + " CROSS JOIN lid_parent p LEFT JOIN lid_child prev ON prev.id = c.id - 1"
                    + " ORDER BY c.id")) {
      // x points at the parent; y at x's id; z at y's id
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("x");
      assertThat(rs.getBoolean(2)).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(3)).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(3)).isTrue();
    }
  }
}
