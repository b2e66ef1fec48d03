package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.driver.mirror.InsertedRowsMirror;
import io.dualwrite.rewriter.AutoIncrement;
import io.dualwrite.rewriter.KeyBinding;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.TableInfo;
import io.dualwrite.rewriter.Translation;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mirror's read-back of inserted rows: when a write's generated keys cannot be matched to its
 * rows, the rows it inserted are read back on the authoritative side, in the same held transaction,
 * and written with every column explicit on the other side ({@link InsertedRowsMirror} does the
 * reading and writing; this class decides when and which keys).
 */
final class ReadBack {
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private final StatementContext ctx;

  ReadBack(StatementContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Whether a write's generated keys cannot be matched to its rows, so the rows it inserted are
   * read back: {@code INSERT ... SELECT}, and an {@code INSERT IGNORE} that skipped rows or selects
   * its rows.
   */
  static boolean wanted(Translation t, long authCount) {
    AutoIncrement ai = t.autoIncrement();
    if (authCount <= 0) {
      return false;
    }
    return switch (t.kind()) {
      case INSERT -> ai.rowCount() == 0;
      case INSERT_IGNORE -> ai.rowCount() == 0 || authCount < ai.rowCount();
      default -> false;
    };
  }

  /**
   * A multi-row {@code INSERT ... VALUES} whose PostgreSQL keys are not consecutive (another
   * session's inserts took sequence values in between): MySQL can take only a first key ({@code
   * insert_id}), so the rows are read back by their keys and written with them.
   */
  static boolean spreadKeys(Translation t, Side other, List<Object> keys, long authCount) {
    return other == Side.MYSQL
        && t.kind() == StatementKind.INSERT
        && t.autoIncrement().rowCount() > 1
        && authCount == keys.size()
        && !MirrorPath.consecutive(keys);
  }

  /**
   * Whether a multi-row upsert into an AUTO_INCREMENT table on authoritative MySQL is rekeyed on
   * PostgreSQL ({@link #upserted}): its update count does not prove every row was inserted (then
   * its keys are written as for an INSERT), and MySQL generated a key for it.
   */
  static boolean upsertRekeyed(Translation t, Side other, List<Object> keys, long authCount) {
    AutoIncrement ai = t.autoIncrement();
    return t.kind() == StatementKind.UPSERT
        && other == Side.POSTGRES
        && ai.rowCount() > 1
        && authCount > 0
        && !(authCount == ai.rowCount() && keys.size() >= ai.rowCount())
        && !keys.isEmpty();
  }

  /**
   * Reads back on MySQL the rows a multi-row upsert inserted ({@link
   * InsertedRowsMirror#readMysqlUpserted}), to give them MySQL's keys on PostgreSQL after the
   * statement ran there ({@link InsertedRowsMirror#rekeyPostgres}).
   */
  InsertedRowsMirror.ReadBack upserted(Translation t, List<Object> keys) throws SQLException {
    AutoIncrement ai = t.autoIncrement();
    Optional<TableInfo> table = ctx.catalog().table(ai.table());
    if (table.isEmpty()) {
      return InsertedRowsMirror.ReadBack.notProven("table " + ai.table() + " not in the catalog");
    }
    if (generatedKeyRows(ai) != ai.rowCount()) {
      return InsertedRowsMirror.ReadBack.notProven(
          "some rows give the AUTO_INCREMENT column a value");
    }
    String problem = firstKeyProblem(keys);
    if (problem != null) {
      return InsertedRowsMirror.ReadBack.notProven(problem);
    }
    long start = System.nanoTime();
    try {
      return InsertedRowsMirror.readMysqlUpserted(
          ctx.sides().get(Side.MYSQL),
          table.get(),
          ((Number) keys.get(0)).longValue(),
          ai.rowCount());
    } catch (SQLException e) {
      return failed(e);
    } finally {
      ctx.metrics().statement(Side.MYSQL, System.nanoTime() - start);
    }
  }

  /**
   * Whether a batch's rows are read back: some execution inserted rows, one could not be matched to
   * its keys (as in {@link #wanted}; for INSERT IGNORE also an execution that inserted nothing, as
   * it has no key), and no execution failed or has an unknown count.
   */
  static boolean batchWanted(Translation t, long[] authCounts) {
    int rowCount = t.autoIncrement().rowCount();
    boolean inserted = false;
    boolean unmatched = false;
    for (long n : authCounts) {
      if (n < 0) {
        return false; // failed, or SUCCESS_NO_INFO (a rewritten batch): which rows is unknown
      }
      inserted |= n > 0;
      unmatched |=
          switch (t.kind()) {
            case INSERT -> rowCount == 0;
            case INSERT_IGNORE -> rowCount == 0 || n < rowCount;
            default -> false;
          };
    }
    return inserted && unmatched;
  }

  /** Reads back, on the authoritative side, the rows one execution inserted. */
  /** A deadlock or serialization failure: the server rolled back the whole transaction. */
  static boolean rolledBackTheTransaction(SQLException e) {
    return e.getErrorCode() == io.dualwrite.driver.vendor.MysqlErrors.ER_LOCK_DEADLOCK
        || "40001".equals(e.getSQLState())
        || "40P01".equals(e.getSQLState());
  }

  InsertedRowsMirror.ReadBack single(Translation t, List<Object> keys, long authCount)
      throws SQLException {
    return single(t, keys, authCount, 0);
  }

  /**
   * As {@link #single(Translation, List, long)}; {@code sentRows} &gt; 0: the MySQL insert tried to
   * insert that many rows as one block of keys from the first ({@link InsertSelectAsValues}).
   */
  InsertedRowsMirror.ReadBack single(
      Translation t, List<Object> keys, long authCount, long sentRows) throws SQLException {
    return single(t, keys, authCount, sentRows, Long.MAX_VALUE);
  }

  /** As above; no row of the execution has a key of {@code below} or more (MySQL only). */
  private InsertedRowsMirror.ReadBack single(
      Translation t, List<Object> keys, long authCount, long sentRows, long below)
      throws SQLException {
    AutoIncrement ai = t.autoIncrement();
    Optional<TableInfo> table = ctx.catalog().table(ai.table());
    if (table.isEmpty()) {
      return InsertedRowsMirror.ReadBack.notProven("table " + ai.table() + " not in the catalog");
    }
    Side auth = ctx.authoritativeSide();
    long start = System.nanoTime();
    try {
      Connection authConn = ctx.sides().get(auth);
      if (auth == Side.POSTGRES) {
        return InsertedRowsMirror.readPostgres(authConn, table.get(), keys);
      }
      long sent = sentRows > 0 ? sentRows : ai.rowCount() == 0 ? authCount : ai.rowCount();
      if (t.kind() == StatementKind.INSERT_IGNORE && ai.rowCount() == 0 && sentRows <= 0) {
        return InsertedRowsMirror.ReadBack.notProven(
            "the number of rows an INSERT IGNORE ... SELECT tried to insert is unknown");
      }
      if (ai.rowCount() > 0 && generatedKeyRows(ai) != ai.rowCount()) {
        return InsertedRowsMirror.ReadBack.notProven(
            "some rows give the AUTO_INCREMENT column a value");
      }
      String problem = firstKeyProblem(keys);
      if (problem != null) {
        return InsertedRowsMirror.ReadBack.notProven(problem);
      }
      return InsertedRowsMirror.readMysql(
          authConn,
          table.get(),
          ((Number) keys.get(0)).longValue(),
          sent,
          authCount,
          ai.rowCount() == 0 && sentRows <= 0,
          below);
    } catch (SQLException e) {
      return failed(e);
    } finally {
      ctx.metrics().statement(auth, System.nanoTime() - start);
    }
  }

  /** Why the first of {@code keys} is not a key MySQL generated; null when it is one. */
  private static String firstKeyProblem(List<Object> keys) {
    return keys.get(0) instanceof Number first
            && first.longValue() > 0
            && new BigDecimal(first.toString()).compareTo(MAX_LONG) <= 0
        ? null
        : "first generated key " + keys.get(0);
  }

  /**
   * A read-back that failed with {@code e}: not proven, or {@code e} itself when it rolled back.
   */
  private static InsertedRowsMirror.ReadBack failed(SQLException e) throws SQLException {
    if (rolledBackTheTransaction(e)) {
      // a deadlock (the read-back is a locking read at SERIALIZABLE): the server rolled the
      // transaction back, the insert with it; the application must hear it, as it would have
      throw e;
    }
    return InsertedRowsMirror.ReadBack.notProven(
        "reading them failed: " + e.getSQLState() + " " + SafeText.error(e));
  }

  /**
   * Reads back the rows a batch inserted. Each execution's keys are its slice of the generated keys
   * (as many as its update count, in order): on MySQL each execution's key range is read, on
   * PostgreSQL all keys at once.
   */
  InsertedRowsMirror.ReadBack batch(Translation t, List<Object> keys, long[] authCounts)
      throws SQLException {
    long total = 0;
    for (long n : authCounts) {
      total += n;
    }
    if (total != keys.size()) {
      return InsertedRowsMirror.ReadBack.notProven(
          keys.size() + " generated keys for " + total + " inserted rows");
    }
    if (total > InsertedRowsMirror.MAX_ROWS) {
      return InsertedRowsMirror.ReadBack.notProven(
          total + " rows inserted (read back: 1 to " + InsertedRowsMirror.MAX_ROWS + ")");
    }
    if (ctx.authoritativeSide() == Side.POSTGRES) {
      return single(t, keys, total);
    }
    List<InsertedRowsMirror.ReadBack> parts = new ArrayList<>();
    int offset = 0;
    for (long n : authCounts) {
      if (n == 0) {
        continue;
      }
      List<Object> slice = keys.subList(offset, offset + (int) n);
      offset += (int) n;
      // the executions ran one after the other: the next one's first key bounds this one's rows
      long below =
          offset < keys.size() && keys.get(offset) instanceof Number next
              ? next.longValue()
              : Long.MAX_VALUE;
      InsertedRowsMirror.ReadBack part = single(t, slice, n, 0, below);
      if (part.rows() == null) {
        return part;
      }
      parts.add(part);
    }
    return InsertedRowsMirror.ReadBack.concat(parts);
  }

  /**
   * Writes a batch's rows read back: {@code LAST_INSERT_ID()} is the last execution's first key.
   */
  long writeBatch(
      Translation t,
      Connection oc,
      InsertedRowsMirror.ReadBack read,
      List<Object> keys,
      long[] authCounts,
      List<String> keyStrings) {
    long total = 0;
    Object lastInsertId = null;
    int offset = 0;
    for (long n : authCounts) {
      if (n > 0) {
        total += n;
        lastInsertId = offset < keys.size() ? keys.get(offset) : null;
        offset += (int) Math.min(n, Integer.MAX_VALUE);
      }
    }
    return write(t, oc, read, lastInsertId, total, keyStrings);
  }

  /**
   * Writes the rows read back on the other side, every column explicit. PostgreSQL's sequence is
   * then kept ahead of MySQL's keys; MySQL's {@code LAST_INSERT_ID()} is set to PostgreSQL's first
   * key, as MySQL would have set it had it generated the keys itself.
   *
   * @return the other side's update count, or -1 if it failed (recorded)
   */
  long write(
      Translation t,
      Connection oc,
      InsertedRowsMirror.ReadBack read,
      Object lastInsertId,
      long authCount,
      List<String> keyStrings) {
    Side other = ctx.authoritativeSide().other();
    AutoIncrement ai = t.autoIncrement();
    long start = System.nanoTime();
    long count;
    long[] out = new long[1];
    try {
      ctx.runMirrored(
          oc,
          null,
          (c, st) -> {
            out[0] =
                InsertedRowsMirror.write(
                    c, other == Side.POSTGRES, read, sql -> ctx.onOtherSide(t.kind(), sql));
            if (other == Side.POSTGRES) {
              ctx.sequences().afterExplicitKeys(c, ai.table(), ai.column(), read.keys());
            } else {
              try (PreparedStatement ps = c.prepareStatement("DO LAST_INSERT_ID(?)")) {
                ps.setLong(1, ((Number) lastInsertId).longValue());
                ps.execute();
              }
            }
          });
      count = out[0];
      ctx.mirrorSucceeded(other, System.nanoTime() - start);
    } catch (SQLException e) {
      ctx.mirrorFailed(other, System.nanoTime() - start, e);
      ctx.records().mirrorFailed(t.mysqlSql(), other, e, t.tablesWritten(), keyStrings, true);
      return -1;
    } finally {
      ctx.metrics().statement(other, System.nanoTime() - start);
    }
    MirrorPath.countsDiffer(ctx, t, "", authCount, count, t.tablesWritten(), keyStrings);
    return count;
  }

  /** How many VALUES rows of the insert leave the AUTO_INCREMENT column to be generated. */
  private static int generatedKeyRows(AutoIncrement ai) {
    int n = 0;
    for (KeyBinding b : ai.postgresKeyBindings()) {
      if (b instanceof KeyBinding.GeneratedKey) {
        n++;
      }
    }
    return n;
  }
}
