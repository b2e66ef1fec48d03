package io.dualwrite.admin.verify;

import java.util.List;

/**
 * What {@code verify} found in one table.
 *
 * @param problem why the rows could not be compared (a table or column missing on PostgreSQL), or
 *     null
 * @param listed the differences listed (at most the run's limit; counts are always complete)
 */
public record TableResult(
    TableSpec table,
    long mysqlRows,
    long postgresRows,
    long missing,
    long extra,
    long changed,
    List<KeyDiff> listed,
    String problem,
    long nanos) {

  public long differences() {
    return missing + extra + changed;
  }

  /** Whether the table counts as different (rows differ, or it could not be compared). */
  public boolean differs() {
    return differences() > 0 || problem != null;
  }

  public boolean truncated() {
    return listed.size() < differences();
  }

  public long rowsPerSecond() {
    double seconds = Math.max(1e-3, nanos / 1e9);
    return Math.round(Math.max(mysqlRows, postgresRows) / seconds);
  }
}
