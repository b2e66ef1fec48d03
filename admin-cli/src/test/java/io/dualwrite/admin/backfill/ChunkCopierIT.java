package io.dualwrite.admin.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One chunk of {@link ChunkCopier} on real servers: a key range PostgreSQL has nothing of goes
 * straight into the table by {@code COPY}; a range where PostgreSQL has rows (stale versions, rows
 * MySQL no longer has) goes through the temporary table, the upsert and the delete of extras; a
 * table whose keys the two databases order differently always takes the second way. Each ends with
 * the range equal on both sides.
 */
@ExtendWith(TestDatabases.class)
class ChunkCopierIT {

  @Test
  void anEmptyRangeIsCopiedStraightIntoTheTable(DatabasePair db) throws SQLException {
    create(db, "chunk_direct", "BIGINT", "bigint", 100);
    ChunkCopier.Chunk first;
    ChunkCopier.Chunk second;
    long direct;
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        ChunkCopier copier = new ChunkCopier(mysql, pg, 10, 1000)) {
      TableInfo t = TableInfo.read(mysql, pg, "chunk_direct");
      first = copier.copy(t, List.of(), List.of(), 60);
      second = copier.copy(t, first.lastKey(), List.of(), 60);
      direct = copier.directChunks();
    }
    assertThat(first.rows()).isEqualTo(60);
    assertThat(first.reachedEnd()).isFalse();
    assertThat(second.rows()).isEqualTo(40);
    assertThat(second.reachedEnd()).isTrue();
    assertThat(direct).as("chunks copied straight into the table").isEqualTo(2);
    assertThat(rows(db, "chunk_direct", false)).isEqualTo(rows(db, "chunk_direct", true));
  }

  @Test
  void aRangeWithRowsOnPostgresIsUpsertedAndItsExtrasDeleted(DatabasePair db) throws SQLException {
    create(db, "chunk_upsert", "BIGINT", "bigint", 100);
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("INSERT INTO chunk_upsert VALUES (10, 'stale'), (1000, 'not on MySQL')");
    }
    long direct;
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        ChunkCopier copier = new ChunkCopier(mysql, pg, 10, 1000)) {
      TableInfo t = TableInfo.read(mysql, pg, "chunk_upsert");
      ChunkCopier.Chunk c = copier.copy(t, List.of(), List.of(), 50); // holds the stale row 10
      c = copier.copy(t, c.lastKey(), List.of(), 30); // 51-80: empty on PostgreSQL
      c = copier.copy(t, c.lastKey(), List.of(), 30); // 81-100, and the open end holds row 1000
      assertThat(c.reachedEnd()).isTrue();
      direct = copier.directChunks();
    }
    assertThat(direct).as("only the range empty on PostgreSQL went straight in").isEqualTo(1);
    assertThat(rows(db, "chunk_upsert", false)).isEqualTo(rows(db, "chunk_upsert", true));
  }

  @Test
  void keysOrderedDifferentlyNeverGoStraightIn(DatabasePair db) throws SQLException {
    create(db, "chunk_text", "VARCHAR(20)", "varchar(20)", 30);
    long direct;
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres();
        ChunkCopier copier = new ChunkCopier(mysql, pg, 10, 1000)) {
      TableInfo t = TableInfo.read(mysql, pg, "chunk_text");
      assertThat(t.keyOrderAgrees()).isFalse();
      ChunkCopier.Chunk c = copier.copy(t, List.of(), List.of(), 100);
      assertThat(c.reachedEnd()).isTrue();
      direct = copier.directChunks();
    }
    assertThat(direct).isZero();
    assertThat(rows(db, "chunk_text", false)).isEqualTo(rows(db, "chunk_text", true));
  }

  /** {@code n} rows on MySQL (keys 1..n), the same empty table on PostgreSQL. */
  private static void create(DatabasePair db, String table, String mysqlKey, String pgKey, int n)
      throws SQLException {
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (id " + mysqlKey + " PRIMARY KEY, v VARCHAR(40))");
      StringBuilder b = new StringBuilder("INSERT INTO " + table + " VALUES ");
      for (int i = 1; i <= n; i++) {
        b.append(i > 1 ? ", " : "").append("(").append(i).append(", 'row ").append(i).append("')");
      }
      s.execute(b.toString());
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (id " + pgKey + " PRIMARY KEY, v varchar(40))");
    }
  }

  private static List<String> rows(DatabasePair db, String table, boolean postgres)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = postgres ? db.openPostgres() : db.openMysql();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, v FROM " + table)) {
      while (rs.next()) {
        out.add(rs.getString(1) + "=" + rs.getString(2));
      }
    }
    out.sort(null);
    return out;
  }
}
