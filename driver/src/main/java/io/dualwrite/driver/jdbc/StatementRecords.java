package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.DiscrepancyRecorder;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.rewriter.Translation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The discrepancies a statement's paths record, one typed method per situation, so each kind of
 * difference is described the same way wherever it is found. Every method passes through to the
 * runtime's {@link DiscrepancyRecorder} (log line, metrics, control store, drift).
 */
final class StatementRecords {
  private final DiscrepancyRecorder recorder;

  StatementRecords(DiscrepancyRecorder recorder) {
    this.recorder = recorder;
  }

  /**
   * A write the rewriter refused: one discrepancy, with drift on its tables when asked (a statement
   * that could not even be parsed names no table: then any table may differ).
   */
  void untranslatableWrite(Translation t, boolean drift) {
    Set<String> tables =
        drift && t.tablesWritten().isEmpty() ? Set.of(DriftTracker.ALL_TABLES) : t.tablesWritten();
    recorder.record(
        DiscrepancyKind.UNTRANSLATABLE, t.mysqlSql(), refusal(t), tables, List.of(), drift);
  }

  /** A statement naming a control table was refused; it ran nowhere, so no drift. */
  void controlTableRefused(Translation t, String table) {
    recorder.record(
        DiscrepancyKind.CONTROL_TABLE_REFUSED,
        t.mysqlSql(),
        "the statement names the control table "
            + table
            + "; refused with SQLState "
            + ControlTables.SQLSTATE
            + " (the store is changed with dualwrite-admin)",
        Set.of(table),
        List.of(),
        false);
  }

  /**
   * A stored routine call ({@code CALL p()}, or a {@code CallableStatement}) ran on the
   * authoritative side only: its mirror is skipped by design (routines are not translated). What it
   * changed is unknown, so while writes are mirrored every table may now differ: drift on all
   * tables, which sends reads to the authoritative side until {@code dualwrite-admin repair}.
   */
  void routineCallNotMirrored(String sql) {
    recorder.record(
        DiscrepancyKind.MIRROR_SKIPPED,
        sql,
        "stored routine calls run on the authoritative side only; what they change is not"
            + " mirrored",
        Set.of(DriftTracker.ALL_TABLES),
        List.of(),
        true);
  }

  /** A read the flags send to PostgreSQL that it cannot run: the authoritative side answered. */
  void untranslatableRead(Translation t) {
    recorder.record(
        DiscrepancyKind.UNTRANSLATABLE,
        t.mysqlSql(),
        t.isRefused() ? refusal(t) : "no PostgreSQL statement",
        t.tablesRead(),
        List.of(),
        false);
  }

  /** A session statement with no equivalent on the side it was mirrored to. */
  void untranslatableSession(Translation t) {
    recorder.record(
        DiscrepancyKind.UNTRANSLATABLE,
        t.mysqlSql(),
        t.isRefused() ? refusal(t) : "no PostgreSQL equivalent",
        Set.of(),
        List.of(),
        false);
  }

  /** A read served by {@code other} failed for a reason other than an outage. */
  void readFailedOnOther(Translation t, Side other, Side servedBy, SQLException e) {
    recorder.record(
        DiscrepancyKind.READ_MISMATCH,
        t.mysqlSql(),
        other
            + " side failed, served by "
            + servedBy
            + ": "
            + e.getSQLState()
            + " "
            + SafeText.error(e),
        t.tablesRead(),
        List.of(),
        false);
  }

  /** A compared read gave different results (or failed on the other side). */
  void readMismatch(Translation t, String difference) {
    recorder.record(
        DiscrepancyKind.READ_MISMATCH, t.mysqlSql(), difference, t.tablesRead(), List.of(), false);
  }

  /** A write was not mirrored: the other side was unavailable. */
  void mirrorSkipped(String sql, Side other, Set<String> tables, List<String> keys) {
    recorder.record(
        DiscrepancyKind.MIRROR_SKIPPED,
        sql,
        other + " side unavailable (circuit breaker open or connection failed)",
        tables,
        keys,
        true);
  }

  /** A mirrored statement failed on {@code other}: one discrepancy, with drift when asked. */
  void mirrorFailed(
      String sql,
      Side other,
      SQLException e,
      Set<String> tables,
      List<String> keys,
      boolean drift) {
    recorder.record(
        DiscrepancyKind.MIRROR_FAILED,
        sql,
        other + " side: " + e.getSQLState() + " " + SafeText.error(e),
        tables,
        keys,
        drift);
  }

  /** A mirrored transaction-control statement failed; a failed COMMIT leaves drift. */
  void transactionControlFailed(
      String sql, Side other, SQLException e, boolean commit, Set<String> tables) {
    recorder.record(
        commit ? DiscrepancyKind.COMMIT_FAILED : DiscrepancyKind.MIRROR_FAILED,
        sql,
        other + " side: " + e.getSQLState() + " " + SafeText.error(e),
        tables,
        List.of(),
        commit);
  }

  /** The two sides changed different numbers of rows ({@code where}: e.g. "batch row 3: "). */
  void rowCountMismatch(
      String sql,
      String where,
      Side auth,
      long authCount,
      long otherCount,
      Set<String> tables,
      List<String> keys) {
    recorder.record(
        DiscrepancyKind.ROW_COUNT_MISMATCH,
        sql,
        where + auth + " changed " + authCount + " rows, " + auth.other() + " " + otherCount,
        tables,
        keys,
        true);
  }

  /** The other side generated its own keys for the rows: they may differ. */
  void keysNotWritten(
      String sql, Side other, String notReadBack, Set<String> tables, List<String> keys) {
    recorder.record(
        DiscrepancyKind.MIRROR_FAILED,
        sql,
        "generated keys could not be written explicitly on the "
            + other
            + " side; its keys may differ"
            + (notReadBack == null ? "" : " (rows not read back: " + notReadBack + ")"),
        tables,
        keys,
        true);
  }

  /** The authoritative side's COMMIT failed after the other side committed the transaction. */
  void authoritativeCommitFailed(Side auth, Set<String> tables) {
    recorder.record(
        DiscrepancyKind.COMMIT_FAILED,
        "COMMIT",
        "the " + auth + " commit failed after " + auth.other() + " committed the transaction",
        tables,
        List.of(),
        true);
  }

  /** The authoritative side's commit of a held write failed after the write was mirrored. */
  void heldCommitFailed(Translation t, Side auth, SQLException e) {
    recorder.record(
        DiscrepancyKind.COMMIT_FAILED,
        t.mysqlSql(),
        "the "
            + auth
            + " commit failed after the write was mirrored to "
            + auth.other()
            + ": "
            + e.getSQLState()
            + " "
            + SafeText.error(e),
        t.tablesWritten(),
        List.of(),
        true);
  }

  /** PostgreSQL refused the session replication role: its foreign-key checks stay on. */
  void foreignKeyChecksKept(Translation t, SQLException e) {
    recorder.record(
        DiscrepancyKind.MIRROR_FAILED,
        t.mysqlSql(),
        "POSTGRES side keeps checking foreign keys: " + e.getSQLState() + " " + SafeText.error(e),
        Set.of(),
        List.of(),
        false);
  }

  /** Generated keys as the strings a record carries. */
  static List<String> keyStrings(List<Object> keys) {
    if (keys == null || keys.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(keys.size());
    for (Object k : keys) {
      out.add(String.valueOf(k));
    }
    return out;
  }

  /**
   * The rewriter's code and reason; the reason may quote part of the statement, so its literals are
   * hidden as in the SQL.
   */
  private static String refusal(Translation t) {
    return t.refusal().code() + ": " + SafeText.sql(t.refusal().reason());
  }
}
