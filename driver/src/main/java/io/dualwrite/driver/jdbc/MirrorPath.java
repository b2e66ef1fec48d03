package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.mirror.InsertedRowsMirror;
import io.dualwrite.driver.vendor.MysqlForeignKeyChecks;
import io.dualwrite.rewriter.AutoIncrement;
import io.dualwrite.rewriter.StatementKind;
import io.dualwrite.rewriter.Translation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The mirror: runs a write the authoritative side ran on the other side, in the other side's copy
 * of the transaction, with the same keys and values, and records every way the two can differ
 * (other side unavailable, failed, changed another number of rows, generated its own keys).
 *
 * <p>Generated keys are written explicitly: on PostgreSQL through the insert the rewriter prepared
 * with the AUTO_INCREMENT column added ({@link SideSql#withGeneratedKeys}), on MySQL through {@code
 * SET insert_id}. Rows whose keys cannot be matched to them ({@code INSERT ... SELECT}, an {@code
 * INSERT IGNORE} that skipped rows, keys that are not consecutive) are read back on the
 * authoritative side and written whole ({@link ReadBack}).
 *
 * <p>Never throws: the other side never fails the application's call.
 */
final class MirrorPath {
  private final StatementContext ctx;
  private final VendorStatements vendor;
  private final ReadBack readBack;

  MirrorPath(StatementContext ctx, VendorStatements vendor) {
    this.ctx = ctx;
    this.vendor = vendor;
    this.readBack = new ReadBack(ctx);
  }

  /** What a single execution runs on the other side. */
  private record Plan(SideSql sql, Long insertId, boolean keysWritten, boolean withKeys) {}

  /**
   * Whether a write that changed nothing on the authoritative side is left unmirrored. Its outcome
   * is known: nothing changed, so the other side must not change either. Running it there anyway
   * could only differ: at READ COMMITTED MySQL does not wait for a row another transaction inserted
   * and has not committed (it reads the last committed version, where the row is absent), while the
   * mirror, running a moment later, may find that transaction committed on the other side. DDL and
   * statements whose count means nothing (-1) are always mirrored.
   */
  static boolean changedNothing(StatementKind kind, long authCount) {
    return authCount == 0
        && switch (kind) {
          case INSERT, INSERT_IGNORE, UPDATE, DELETE, UPSERT, REPLACE -> true;
          default -> false;
        };
  }

  /**
   * Mirrors one write; returns the other side's update count, or -1 if it did not run or is still
   * running ({@link MirrorPipeline}: its outcome is compared and recorded when it is over).
   */
  long mirrorWrite(
      Translation t, Bind[] binds, Object[] computed, List<Object> keys, long authCount)
      throws SQLException {
    return mirrorWrite(t, binds, computed, keys, authCount, 0);
  }

  /**
   * As {@link #mirrorWrite(Translation, Bind[], Object[], List, long)}, knowing {@code sentRows}:
   * the authoritative MySQL insert tried to insert that many rows with one consecutive block of
   * keys from the first generated one (0: unknown).
   */
  long mirrorWrite(
      Translation t,
      Bind[] binds,
      Object[] computed,
      List<Object> keys,
      long authCount,
      long sentRows)
      throws SQLException {
    if (changedNothing(t.kind(), authCount)) {
      return 0;
    }
    Side other = ctx.authoritativeSide().other();
    Set<String> tables = t.tablesWritten();
    List<String> keyStrings = StatementRecords.keyStrings(keys);
    Connection oc = otherConnection(t, tables, keyStrings);
    if (oc == null) {
      return -1;
    }
    AutoIncrement ai = t.autoIncrement();
    boolean keysNeeded = ai != null && !ai.suppliedByStatement();
    String notReadBack = null;
    if (keysNeeded
        && keys != null
        && !keys.isEmpty()
        && (ReadBack.wanted(t, authCount) || ReadBack.spreadKeys(t, other, keys, authCount))) {
      InsertedRowsMirror.ReadBack read = readBack.single(t, keys, authCount, sentRows);
      if (read.rows() != null) {
        return readBack.write(t, oc, read, keys.get(0), authCount, keyStrings);
      }
      notReadBack = read.reason();
    }
    InsertedRowsMirror.ReadBack upserted = null;
    if (keysNeeded
        && keys != null
        && notReadBack == null
        && ReadBack.upsertRekeyed(t, other, keys, authCount)) {
      // a multi-row upsert that updated rows too: the rows it inserted are read back, to get
      // MySQL's keys on PostgreSQL once the statement ran there
      InsertedRowsMirror.ReadBack read = readBack.upserted(t, keys);
      if (read.rows() != null) {
        upserted = read;
      } else {
        notReadBack = read.reason();
      }
    }
    List<Object> proven = keysNeeded && keys != null ? provenKeys(t, keys, authCount) : keys;
    if (keysNeeded && proven == NO_KEY) {
      keysNeeded = false;
      proven = keys;
    }
    Plan plan = plan(t, binds, computed, proven, keysNeeded, other);
    List<Object> planKeys = proven;
    // Inside a transaction the values outlive the call (the write may run on after it returns,
    // and the journal replays it); in autocommit they are used only before it returns.
    Bind[] kept = ctx.autoCommitting() ? binds : Bind.detached(binds);
    String unread = notReadBack;
    InsertedRowsMirror.ReadBack rekey = upserted;
    long[] out = new long[1];
    long[] result = {-1};
    boolean[] rekeyed = {false};
    ctx.mirror(
        oc,
        vendor,
        (c, st) -> {
          out[0] = runPlan(t, c, st, other, kept, plan, planKeys);
          if (rekey != null && InsertedRowsMirror.rekeyPostgres(c, rekey)) {
            ctx.sequences().afterExplicitKeys(c, ai.table(), ai.column(), rekey.keys());
            rekeyed[0] = true;
          }
        },
        // DDL is not overlapped: the schema catalog is re-read, and the transaction committed,
        // right after it
        t.kind() != StatementKind.DDL,
        (failure, nanos) -> {
          if (failure != null) {
            ctx.mirrorFailed(other, nanos, failure);
            ctx.records().mirrorFailed(t.mysqlSql(), other, failure, tables, keyStrings, true);
            return;
          }
          ctx.mirrorSucceeded(other, nanos);
          long count = out[0];
          if (!countsDiffer(ctx, t, "", authCount, count, tables, keyStrings)
              && !plan.keysWritten()
              && !rekeyed[0]) {
            ctx.records().keysNotWritten(t.mysqlSql(), other, unread, tables, keyStrings);
          }
          result[0] = count;
        });
    return result[0];
  }

  /** Marks "no key was generated" in {@link #provenKeys}. */
  private static final List<Object> NO_KEY = Collections.unmodifiableList(new ArrayList<>(0));

  /**
   * The keys that the update count proves belong to the rows, in order: null when which keys belong
   * to which rows is unknown, {@link #NO_KEY} when no row was inserted.
   */
  private static List<Object> provenKeys(Translation t, List<Object> keys, long authCount) {
    AutoIncrement ai = t.autoIncrement();
    if (t.kind() == StatementKind.INSERT_IGNORE) {
      if (authCount == 0) {
        return NO_KEY; // every row was ignored: nothing was inserted, no key generated
      }
      if (authCount < ai.rowCount()) {
        return null; // some rows were ignored: which keys belong to which rows is unknown
      }
    }
    if (t.kind() == StatementKind.REPLACE && ai.rowCount() == 1 && !keys.isEmpty()) {
      // a one-row REPLACE always inserts its row (after deleting those it replaces, which count
      // in the update count, and so in Connector/J's keys): its key is the first
      return keys.subList(0, 1);
    }
    if (t.kind() == StatementKind.UPSERT) {
      // Connector/J reports one "key" per affected-row count of an upsert (an updated row counts
      // 2), so only what the count proves was inserted is a key to write.
      if (ai.rowCount() == 1) {
        if (authCount >= 2 || keys.isEmpty()) {
          return NO_KEY; // the existing row was updated: no key was generated
        }
        return keys.subList(0, 1);
      }
      if (authCount == ai.rowCount() && keys.size() >= ai.rowCount()) {
        return keys.subList(0, ai.rowCount()); // every row was inserted
      }
    }
    return keys;
  }

  /** The SQL, binds and key handling of a single execution on {@code other}. */
  private static Plan plan(
      Translation t,
      Bind[] binds,
      Object[] computed,
      List<Object> keys,
      boolean keysNeeded,
      Side other) {
    AutoIncrement ai = t.autoIncrement();
    boolean withKeys =
        keysNeeded
            && keys != null
            && other == Side.POSTGRES
            && ai.postgresSqlWithKeys() != null
            && keys.size() == ai.rowCount();
    if (withKeys) {
      return new Plan(SideSql.withGeneratedKeys(t, computed, keys, 0), null, true, true);
    }
    Long insertId = null;
    if (keysNeeded && other == Side.MYSQL && consecutive(keys)) {
      // MySQL takes the next AUTO_INCREMENT value from insert_id: the first of PostgreSQL's
      // keys, the following rows get the next ones.
      insertId = ((Number) keys.get(0)).longValue();
    }
    return new Plan(
        SideSql.of(t, other, binds, computed), insertId, !keysNeeded || insertId != null, false);
  }

  /** Runs a single execution's plan on {@code oc}; keeps PostgreSQL's sequence ahead. */
  private long runPlan(
      Translation t,
      Connection oc,
      SideStatements st,
      Side other,
      Bind[] binds,
      Plan plan,
      List<Object> keys)
      throws SQLException {
    AutoIncrement ai = t.autoIncrement();
    if (plan.insertId() != null) {
      try (Statement s = oc.createStatement()) {
        s.execute("SET insert_id = " + plan.insertId());
      }
    }
    // The application wrote its own ids: MySQL moved its AUTO_INCREMENT past them, so
    // PostgreSQL's sequence must move too, or a later PG_PRIMARY would generate them again.
    boolean explicitIds =
        other == Side.POSTGRES && ai != null && ai.suppliedByStatement() && t.kind().isWrite();
    List<Object> explicitKeys = explicitIds ? new ArrayList<>() : null;
    long count =
        t.kind() == StatementKind.DDL && other == Side.POSTGRES
            ? ctx.postgresDdl().execute(oc, plan.sql().sql())
            : execute(
                other,
                oc,
                st,
                plan.sql().withText(ctx.onOtherSide(t.kind(), plan.sql().sql())),
                binds,
                explicitIds ? ai.column() : null,
                explicitKeys);
    if (plan.withKeys()) {
      ctx.sequences().afterExplicitKeys(oc, ai.table(), ai.column(), keys);
    } else if (explicitIds && !explicitKeys.isEmpty()) {
      ctx.sequences().afterExplicitKeys(oc, ai.table(), ai.column(), explicitKeys);
    }
    return count;
  }

  /**
   * Mirrors a batch: the rows that succeeded on the authoritative side as one batch on the other
   * side (on MySQL with keys to set, one by one), with per-row update counts compared.
   */
  void mirrorBatch(
      Translation t,
      List<Bind[]> rows,
      List<Object[]> computed,
      long[] authCounts,
      List<Object> keys)
      throws SQLException {
    Side other = ctx.authoritativeSide().other();
    Set<String> tables = t.tablesWritten();
    List<String> keyStrings = StatementRecords.keyStrings(keys);
    Connection oc = otherConnection(t, tables, keyStrings);
    if (oc == null) {
      return;
    }
    AutoIncrement ai = t.autoIncrement();
    boolean keysNeeded = ai != null && !ai.suppliedByStatement();
    String notReadBack = null;
    if (keysNeeded && keys != null && ReadBack.batchWanted(t, authCounts)) {
      InsertedRowsMirror.ReadBack read = readBack.batch(t, keys, authCounts);
      if (read.rows() != null) {
        readBack.writeBatch(t, oc, read, keys, authCounts, keyStrings);
        return;
      }
      notReadBack = read.reason();
    }
    int succeeded = 0;
    int changed = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (i < authCounts.length && authCounts[i] != Statement.EXECUTE_FAILED) {
        succeeded++;
        changed += changedNothing(t.kind(), authCounts[i]) ? 0 : 1;
      }
    }
    if (changed == 0 && succeeded > 0) {
      return; // no row changed anything on the authoritative side
    }
    boolean withKeys =
        keysNeeded
            && other == Side.POSTGRES
            && ai.postgresSqlWithKeys() != null
            && ai.rowCount() == 1
            && keys != null
            && keys.size() == changed;
    boolean insertIds = keysNeeded && other == Side.MYSQL && keys != null && keys.size() == changed;
    List<Integer> mirroredRows = new ArrayList<>();
    List<Bind[]> kept = rows.stream().map(Bind::detached).toList();
    long[] auth = authCounts.clone();
    String unread = notReadBack;
    long[][] out = new long[1][];
    ctx.mirror(
        oc,
        vendor,
        (c, st) ->
            out[0] =
                runBatch(
                    t, c, st, other, kept, computed, auth, keys, withKeys, insertIds, mirroredRows),
        true,
        (failure, nanos) -> {
          ctx.metrics().statement(other, nanos);
          SQLException last = failure;
          if (last == null && withKeys) {
            try {
              ctx.sequences().afterExplicitKeys(oc, ai.table(), ai.column(), keys);
            } catch (SQLException e) {
              last = e;
            }
          }
          if (last != null) {
            ctx.mirrorFailed(other, nanos, last);
            ctx.records().mirrorFailed(t.mysqlSql(), other, last, tables, keyStrings, true);
            return;
          }
          ctx.mirrorSucceeded(other, nanos);
          batchCompared(t, auth, out[0], mirroredRows, tables, keyStrings);
          if (keysNeeded && !withKeys && !insertIds) {
            ctx.records().keysNotWritten(t.mysqlSql(), other, unread, tables, keyStrings);
          }
        });
  }

  /** Compares each mirrored row's update count with the authoritative one's; records the first. */
  private void batchCompared(
      Translation t,
      long[] authCounts,
      long[] counts,
      List<Integer> mirroredRows,
      Set<String> tables,
      List<String> keyStrings) {
    for (int j = 0; j < counts.length && j < mirroredRows.size(); j++) {
      long a = authCounts[mirroredRows.get(j)];
      long b = counts[j];
      boolean unknown = a == Statement.SUCCESS_NO_INFO || b == Statement.SUCCESS_NO_INFO;
      String row = "batch row " + mirroredRows.get(j) + ": ";
      if (!unknown && countsDiffer(ctx, t, row, a, b, tables, keyStrings)) {
        return;
      }
    }
  }

  /**
   * Whether the two sides' update counts describe different changes that the backfill does not
   * explain; if so, records it.
   */
  static boolean countsDiffer(
      StatementContext ctx,
      Translation t,
      String prefix,
      long authCount,
      long count,
      Set<String> tables,
      List<String> keyStrings) {
    if (countsAgree(t.kind(), authCount, count)
        || ctx.backfill()
            .explainsFewerRows(
                ctx.authoritativeSide(), authCount, count, t.tablesWritten(), t.tablesRead())) {
      return false;
    }
    ctx.records()
        .rowCountMismatch(
            t.mysqlSql(), prefix, ctx.authoritativeSide(), authCount, count, tables, keyStrings);
    return true;
  }

  /** Binds and runs the batch's succeeded rows on {@code oc}; fills {@code mirroredRows}. */
  private long[] runBatch(
      Translation t,
      Connection oc,
      SideStatements st,
      Side other,
      List<Bind[]> rows,
      List<Object[]> computed,
      long[] authCounts,
      List<Object> keys,
      boolean withKeys,
      boolean insertIds,
      List<Integer> mirroredRows)
      throws SQLException {
    AutoIncrement ai = t.autoIncrement();
    boolean pinned = t.pinned() != null;
    String base = withKeys ? ai.postgresSqlWithKeys() : SideSql.sqlOf(t, other);
    // rows one by one (insertIds) take the statement form; a batch may switch the session instead
    boolean wholeBatch = !insertIds && ctx.otherSideBatchSwitchesSession(t.kind());
    String sql = wholeBatch ? base : ctx.onOtherSide(t.kind(), base);
    PreparedStatement ps = st.preparedOn(other, oc, sql, false, null);
    List<Long> singleCounts = new ArrayList<>();
    mirroredRows.clear();
    int keyIndex = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (i >= authCounts.length
          || authCounts[i] == Statement.EXECUTE_FAILED
          || changedNothing(t.kind(), authCounts[i])) {
        continue;
      }
      Bind[] row = rows.get(i);
      Object[] calls = pinned ? computed.get(i) : null;
      SideSql rowSql;
      if (withKeys) {
        rowSql = SideSql.withGeneratedKeys(t, calls, keys, keyIndex);
        keyIndex++;
      } else {
        rowSql = SideSql.of(t, other, row, calls);
      }
      Binder.apply(ps, row, rowSql, other, ctx.postgresGetsWholeSeconds());
      mirroredRows.add(i);
      if (insertIds) {
        // MySQL takes each row's key from insert_id; rows run one by one to set it.
        try (Statement s = oc.createStatement()) {
          s.execute("SET insert_id = " + ((Number) keys.get(keyIndex++)).longValue());
        }
        singleCounts.add(ps.executeLargeUpdate());
      } else {
        ps.addBatch();
      }
    }
    if (insertIds) {
      return singleCounts.stream().mapToLong(Long::longValue).toArray();
    }
    return wholeBatch
        ? MysqlForeignKeyChecks.offAround(oc, ps::executeLargeBatch)
        : ps.executeLargeBatch();
  }

  /**
   * The other side's connection, or null after recording that the write was skipped (breaker open
   * or the side unreachable).
   */
  private Connection otherConnection(Translation t, Set<String> tables, List<String> keyStrings) {
    Connection oc = ctx.mirrorConnection();
    if (oc == null) {
      ctx.metrics().mirrorFailure();
      ctx.records()
          .mirrorSkipped(t.mysqlSql(), ctx.authoritativeSide().other(), tables, keyStrings);
    }
    return oc;
  }

  /**
   * Runs a statement on the other side; with {@code keyColumn}, asks the side for that column of
   * the rows written (PostgreSQL's RETURNING) and adds them to {@code keysOut}.
   */
  long execute(
      Side side,
      Connection c,
      SideStatements st,
      SideSql sql,
      Bind[] binds,
      String keyColumn,
      List<Object> keysOut)
      throws SQLException {
    long start = System.nanoTime();
    try {
      Statement ran;
      long count;
      if (!sql.binds(binds)) {
        Statement s = st.plainOn(side, c);
        count =
            keyColumn == null
                ? WritePath.executeAny(s, sql.sql())
                : s.executeLargeUpdate(sql.sql(), new String[] {keyColumn});
        ran = s;
      } else {
        PreparedStatement ps = st.preparedOn(side, c, sql.sql(), keyColumn != null, keyColumn);
        Binder.apply(ps, binds, sql, side, ctx.postgresGetsWholeSeconds());
        count = ps.executeLargeUpdate();
        ran = ps;
      }
      if (keyColumn != null) {
        try (ResultSet keys = ran.getGeneratedKeys()) {
          while (keys != null && keys.next()) {
            keysOut.add(keys.getObject(1));
          }
        }
      }
      return count;
    } finally {
      ctx.metrics().statement(side, System.nanoTime() - start);
    }
  }

  /** Whether {@code keys} are numbers each one more than the last (one multi-row insert). */
  static boolean consecutive(List<Object> keys) {
    if (keys == null || keys.isEmpty() || !(keys.get(0) instanceof Number)) {
      return false;
    }
    long first = ((Number) keys.get(0)).longValue();
    for (int i = 1; i < keys.size(); i++) {
      if (!(keys.get(i) instanceof Number n) || n.longValue() != first + i) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the two update counts describe the same change. Upserts and REPLACE count an updated
   * row twice in MySQL and once in PostgreSQL, so only "something" vs "nothing" is compared.
   */
  static boolean countsAgree(StatementKind kind, long authoritative, long mirrored) {
    return switch (kind) {
      case INSERT, UPDATE, DELETE, INSERT_IGNORE -> authoritative == mirrored;
      case UPSERT, REPLACE -> (authoritative > 0) == (mirrored > 0);
      default -> true;
    };
  }
}
