package io.dualwrite.admin.backfill;

import io.dualwrite.admin.backfill.TableInfo.Col;
import io.dualwrite.admin.verify.KeyBound;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Copies one chunk of a table: in a MySQL transaction at REPEATABLE READ, reads the next rows in
 * primary-key order with a locking read (shared next-key locks on the rows and the gaps before
 * them), writes them to PostgreSQL ({@code COPY} straight into the table when PostgreSQL has no row
 * in that key range, else {@code COPY} into a temporary table, then one upsert, and removes rows
 * PostgreSQL has in that key range and MySQL has not), commits PostgreSQL, then ends the MySQL
 * transaction, which releases the locks. The driver commits an application's PostgreSQL write
 * before its MySQL write, and needs MySQL's row lock first: so no application write to these rows
 * can reach PostgreSQL between this chunk's read and its commit there (docs/consistency.md,
 * "Backfill").
 *
 * <p>One per worker thread, with its own pair of connections. Not thread-safe.
 */
final class ChunkCopier implements AutoCloseable {
  /** One copied chunk: the last key read, how many rows, and whether it reached the table's end. */
  record Chunk(List<String> lastKey, int rows, boolean reachedEnd) {}

  private final Connection mysql;
  private final Connection pg;
  private final boolean mariadb;
  private final boolean replicaRole;
  private final CopyManager copy;
  private final Map<String, String> tempTables = new HashMap<>();

  /**
   * @param lockWaitSeconds how long the chunk's locking read waits for an application's row lock on
   *     MySQL
   * @param pgLockTimeoutMillis how long its PostgreSQL writes wait for a row lock (an application
   *     transaction holding one may be waiting for this chunk's MySQL locks: the chunk gives way)
   */
  ChunkCopier(Connection mysql, Connection pg, int lockWaitSeconds, int pgLockTimeoutMillis)
      throws SQLException {
    this.mysql = mysql;
    this.pg = pg;
    this.mariadb =
        mysql.getMetaData().getDatabaseProductVersion().toLowerCase().contains("mariadb");
    try (Statement s = mysql.createStatement()) {
      s.execute("SET SESSION innodb_lock_wait_timeout = " + lockWaitSeconds);
    }
    mysql.setAutoCommit(false);
    mysql.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    pg.setAutoCommit(true);
    try (Statement s = pg.createStatement()) {
      s.execute("SET lock_timeout = '" + pgLockTimeoutMillis + "ms'");
      s.execute("SET statement_timeout = '300s'");
    }
    boolean replica;
    try (Statement s = pg.createStatement()) {
      // Rows are copied in key order, not in foreign-key order: a child row may come before its
      // parent. As pg_dump's data-only restore, checks and triggers are off for the copy itself
      // (superuser, or SET privilege on the parameter); else tables go parents first.
      s.execute("SET session_replication_role = replica");
      replica = true;
    } catch (SQLException e) {
      replica = false;
    }
    this.replicaRole = replica;
    pg.setAutoCommit(false);
    this.copy = pg.unwrap(PGConnection.class).getCopyAPI();
  }

  /** MySQL's Threads_running now. */
  long threadsRunning() throws SQLException {
    try {
      return Backfiller.threadsRunning(mysql);
    } finally {
      mysql.commit();
    }
  }

  /** Whether PostgreSQL's foreign-key checks are off for the copy (else parents go first). */
  boolean foreignKeysOff() {
    return replicaRole;
  }

  /**
   * Copies the rows after {@code after} (empty: from the first) up to {@code upTo} included (empty:
   * to the last), at most {@code limit}. On any failure both transactions are rolled back and the
   * exception is thrown: nothing was copied.
   */
  Chunk copy(TableInfo t, List<String> after, List<String> upTo, int limit) throws SQLException {
    try {
      return copyInTransactions(t, after, upTo, limit);
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(pg);
      rollbackQuietly(mysql);
      throw e;
    }
  }

  private Chunk copyInTransactions(TableInfo t, List<String> after, List<String> upTo, int limit)
      throws SQLException {
    List<Col> cols = t.columns();
    List<Integer> written = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      if (!cols.get(i).pgGenerated()) {
        written.add(i);
      }
    }
    StringBuilder text = new StringBuilder(Math.max(64, limit * 64));
    List<String> lastKey = null;
    int rows = 0;
    try (PreparedStatement ps = mysql.prepareStatement(selectSql(t, after, upTo))) {
      int p = bindKey(ps, 1, t, after, false);
      p = bindKey(ps, p, t, upTo, true);
      ps.setInt(p, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
          int n = 0;
          for (int i : written) {
            if (n++ > 0) {
              text.append('\t');
            }
            CopyText.append(text, rs, i + 1, cols.get(i));
          }
          text.append('\n');
          lastKey = keyOf(rs, t);
        }
      }
    }
    boolean reachedEnd = rows < limit;
    // This chunk's key range: up to its last row, or to the part's end when it reached that (then
    // the locking read covered the gap up to it).
    List<String> chunkEnd = reachedEnd ? upTo : lastKey;
    if (rows > 0 && t.keyOrderAgrees() && rangeEmpty(t, after, chunkEnd)) {
      // Nothing of this key range is on PostgreSQL, and nothing can arrive there before this
      // chunk commits: the rows go straight into the table (no upsert, no extras to delete).
      copyIn(TableInfo.pq(t.pgName()), t, written, text);
      directChunks++;
    } else {
      String temp = tempTable(t, written);
      copyIn(temp, t, written, text);
      try (Statement s = pg.createStatement()) {
        if (rows > 0) {
          s.executeUpdate(upsertSql(t, written, temp));
        }
      }
      if (t.keyOrderAgrees()) {
        deleteExtras(t, temp, after, chunkEnd);
      }
    }
    // The MySQL session must still hold the locks when PostgreSQL commits: a connection that
    // died meanwhile released them. (If it dies after this check, its commit below fails and the
    // chunk is copied again, which makes PostgreSQL equal to what MySQL has then.)
    try (Statement s = mysql.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
    }
    pg.commit();
    mysql.commit();
    return new Chunk(lastKey == null ? after : lastKey, rows, reachedEnd);
  }

  private void copyIn(String target, TableInfo t, List<Integer> written, StringBuilder text)
      throws SQLException {
    try {
      copy.copyIn(
          "COPY " + target + " (" + pgList(t, written, null) + ") FROM STDIN",
          new StringReader(text.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY to PostgreSQL failed: " + e.getMessage(), "08006", e);
    }
  }

  /** Chunks written straight into their table (their key range was empty on PostgreSQL). */
  private long directChunks;

  long directChunks() {
    return directChunks;
  }

  /**
   * Whether PostgreSQL has no row in the chunk's key range. Read after the chunk's locking read on
   * MySQL returned: an application write of a row in the range that MySQL had already applied is on
   * PostgreSQL by then (the driver commits PostgreSQL first, and the locking read waited for
   * MySQL's row lock), and a later one waits for this chunk's locks on MySQL, so it reaches
   * PostgreSQL only after this chunk commits there. For keys that both databases order alike.
   */
  private boolean rangeEmpty(TableInfo t, List<String> after, List<String> upTo)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT NOT EXISTS (SELECT 1 FROM ");
    sql.append(TableInfo.pq(t.pgName())).append(" d WHERE TRUE");
    appendRange(sql, t, after, upTo);
    sql.append(")");
    try (PreparedStatement ps = pg.prepareStatement(sql.toString())) {
      bindRange(ps, t, after, upTo);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** {@code AND} the key of {@code d.} after {@code after} and up to {@code upTo} (if given). */
  private static void appendRange(
      StringBuilder sql, TableInfo t, List<String> after, List<String> upTo) {
    String row = "ROW(" + pgKeyList(t, "d.") + ")";
    String marks = "ROW(" + "?, ".repeat(t.key().size() - 1) + "?)";
    if (!after.isEmpty()) {
      sql.append(" AND ").append(row).append(" > ").append(marks);
    }
    if (!upTo.isEmpty()) {
      sql.append(" AND ").append(row).append(" <= ").append(marks);
    }
  }

  private static void bindRange(
      PreparedStatement ps, TableInfo t, List<String> after, List<String> upTo)
      throws SQLException {
    int p = 1;
    for (List<String> bound : List.of(after, upTo)) {
      for (int i = 0; i < bound.size(); i++) {
        Col k = t.keyColumns().get(i);
        if (k.binary()) {
          ps.setBytes(p++, HexFormat.of().parseHex(bound.get(i)));
        } else {
          ps.setObject(p++, bound.get(i), Types.OTHER);
        }
      }
    }
  }

  /** Rows PostgreSQL has in the chunk's key range that MySQL does not (a failure's leftovers). */
  private void deleteExtras(TableInfo t, String temp, List<String> after, List<String> upTo)
      throws SQLException {
    StringBuilder sql = new StringBuilder("DELETE FROM ").append(TableInfo.pq(t.pgName()));
    sql.append(" d WHERE TRUE");
    appendRange(sql, t, after, upTo);
    sql.append(" AND NOT EXISTS (SELECT 1 FROM ").append(temp).append(" x WHERE ");
    int n = 0;
    for (Col k : t.keyColumns()) {
      sql.append(n++ > 0 ? " AND " : "")
          .append("x.")
          .append(TableInfo.pq(k.pgName()))
          .append(" = d.")
          .append(TableInfo.pq(k.pgName()));
    }
    sql.append(")");
    try (PreparedStatement ps = pg.prepareStatement(sql.toString())) {
      bindRange(ps, t, after, upTo);
      ps.executeUpdate();
    }
  }

  private String tempTable(TableInfo t, List<Integer> written) throws SQLException {
    String name = tempTables.get(t.pgName());
    if (name != null) {
      return name;
    }
    name = "dualwrite_backfill_" + tempTables.size();
    try (Statement s = pg.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE "
              + name
              + " ON COMMIT DELETE ROWS AS SELECT "
              + pgList(t, written, null)
              + " FROM "
              + TableInfo.pq(t.pgName())
              + " WITH NO DATA");
      pg.commit();
    } catch (SQLException e) {
      rollbackQuietly(pg);
      throw e;
    }
    tempTables.put(t.pgName(), name);
    return name;
  }

  private String selectSql(TableInfo t, List<String> after, List<String> upTo) {
    StringBuilder sql = new StringBuilder("SELECT ");
    int n = 0;
    for (Col c : t.columns()) {
      sql.append(n++ > 0 ? ", " : "");
      if (c.mysqlType().equals("float")) {
        // the exact single-precision value: the text protocol rounds a FLOAT to 6 digits
        sql.append("(").append(TableInfo.mq(c.mysqlName())).append(" + 0E0)");
      } else {
        sql.append(TableInfo.mq(c.mysqlName()));
      }
    }
    sql.append(" FROM ").append(TableInfo.mq(t.mysqlName())).append(" FORCE INDEX (PRIMARY)");
    List<String> where = new ArrayList<>();
    if (!after.isEmpty()) {
      where.add(afterPredicate(t));
    }
    if (!upTo.isEmpty()) {
      where.add(upToPredicate(t));
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY ");
    n = 0;
    for (Col k : t.keyColumns()) {
      sql.append(n++ > 0 ? ", " : "").append(TableInfo.mq(k.mysqlName()));
    }
    sql.append(" LIMIT ?");
    sql.append(mariadb ? " LOCK IN SHARE MODE" : " FOR SHARE");
    return sql.toString();
  }

  /** {@code (k1 > ?) OR (k1 = ? AND k2 > ?) ...}: a range MySQL scans on the primary key. */
  static String afterPredicate(TableInfo t) {
    return KeyBound.sql(quotedKey(t), false);
  }

  /** The keys up to a part's last key, included ({@link KeyBound}). */
  static String upToPredicate(TableInfo t) {
    return KeyBound.sql(quotedKey(t), true);
  }

  private static List<String> quotedKey(TableInfo t) {
    List<String> out = new ArrayList<>();
    for (Col k : t.keyColumns()) {
      out.add(TableInfo.mq(k.mysqlName()));
    }
    return out;
  }

  /** Binds {@code key} (empty: nothing) for {@link #afterPredicate} or {@link #upToPredicate}. */
  static int bindKey(PreparedStatement ps, int p, TableInfo t, List<String> key, boolean upTo)
      throws SQLException {
    if (key.isEmpty()) {
      return p;
    }
    List<Col> keys = t.keyColumns();
    for (int j : KeyBound.bindOrder(keys.size(), upTo)) {
      if (keys.get(j).binary()) {
        ps.setBytes(p++, HexFormat.of().parseHex(key.get(j)));
      } else {
        ps.setString(p++, key.get(j));
      }
    }
    return p;
  }

  static List<String> keyOf(ResultSet rs, TableInfo t) throws SQLException {
    List<String> key = new ArrayList<>();
    for (int i : t.key()) {
      key.add(keyText(rs, i + 1, t.columns().get(i)));
    }
    return key;
  }

  /** A key column's value as checkpoints and part bounds store it: text, bytes as hex. */
  static String keyText(ResultSet rs, int column, Col c) throws SQLException {
    return c.binary() ? HexFormat.of().formatHex(rs.getBytes(column)) : rs.getString(column);
  }

  private static String upsertSql(TableInfo t, List<Integer> written, String temp) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(TableInfo.pq(t.pgName()))
            .append(" (")
            .append(pgList(t, written, null))
            .append(")")
            .append(t.pgIdentity() ? " OVERRIDING SYSTEM VALUE" : "")
            .append(" SELECT ")
            .append(pgList(t, written, null))
            .append(" FROM ")
            .append(temp)
            .append(" ON CONFLICT (")
            .append(pgKeyList(t, ""))
            .append(") DO ");
    StringBuilder set = new StringBuilder();
    for (int i : written) {
      if (t.key().contains(i)) {
        continue;
      }
      String c = TableInfo.pq(t.columns().get(i).pgName());
      set.append(set.length() > 0 ? ", " : "").append(c).append(" = EXCLUDED.").append(c);
    }
    sql.append(set.length() == 0 ? "NOTHING" : "UPDATE SET " + set);
    return sql.toString();
  }

  private static String pgList(TableInfo t, List<Integer> written, String prefix) {
    StringBuilder b = new StringBuilder();
    for (int i : written) {
      b.append(b.length() > 0 ? ", " : "")
          .append(prefix == null ? "" : prefix)
          .append(TableInfo.pq(t.columns().get(i).pgName()));
    }
    return b.toString();
  }

  private static String pgKeyList(TableInfo t, String prefix) {
    StringBuilder b = new StringBuilder();
    for (Col k : t.keyColumns()) {
      b.append(b.length() > 0 ? ", " : "").append(prefix).append(TableInfo.pq(k.pgName()));
    }
    return b.toString();
  }

  /**
   * Moves PostgreSQL's sequence of the AUTO_INCREMENT column past every copied key and past MySQL's
   * next value, never backwards.
   */
  void keepSequenceAhead(TableInfo t) throws SQLException {
    if (t.autoIncrement() == null) {
      return;
    }
    long mysqlNext = 0;
    try (PreparedStatement ps =
        mysql.prepareStatement(
            "SELECT auto_increment FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = ?")) {
      ps.setString(1, t.mysqlName());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          mysqlNext = rs.getLong(1);
        }
      }
    }
    mysql.commit();
    String column = t.autoIncrement().toLowerCase(java.util.Locale.ROOT);
    try {
      String sequence;
      try (PreparedStatement ps = pg.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
        ps.setString(1, TableInfo.pq(t.pgName()));
        ps.setString(2, column);
        try (ResultSet rs = ps.executeQuery()) {
          sequence = rs.next() ? rs.getString(1) : null;
        }
      }
      if (sequence != null) {
        try (PreparedStatement ps =
            pg.prepareStatement(
                "SELECT setval(CAST(? AS regclass), GREATEST(1, ?, COALESCE((SELECT max("
                    + TableInfo.pq(column)
                    + ") FROM "
                    + TableInfo.pq(t.pgName())
                    + "), 0), COALESCE(pg_sequence_last_value(CAST(? AS regclass)), 0)))")) {
          ps.setString(1, sequence);
          ps.setLong(2, mysqlNext - 1);
          ps.setString(3, sequence);
          ps.execute();
        }
      }
      pg.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(pg);
      throw e;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the failure that brought us here is what matters
    }
  }

  @Override
  public void close() {
    for (Connection c : List.of(pg, mysql)) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing
      }
    }
  }
}
