package io.dualwrite.admin.verify;

import io.dualwrite.driver.compare.ValueNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The comparison of rows read from both sides by primary key, under the normalisation of compared
 * reads ({@link ValueNormalizer}): which of MySQL's rows are missing on PostgreSQL or differ there,
 * and the listing of those keys, up to a limit, with their values when asked. {@link TableVerifier}
 * runs it on each chunk of a table, {@link ChunkVerifier} on each key range whose checksums differ.
 */
final class RowComparison {
  /** MySQL rows missing on PostgreSQL, and rows whose values differ. */
  record Found(long missing, long changed) {}

  private final int maxListed;
  private final boolean showValues;

  RowComparison(int maxListed, boolean showValues) {
    this.maxListed = maxListed;
    this.showValues = showValues;
  }

  /**
   * Looks each of MySQL's {@code mysqlRows} up in {@code pgRows} (PostgreSQL's rows by normalized
   * key) and adds each missing or changed one to {@code listed} while it holds fewer than the
   * limit.
   */
  Found missingOrChanged(
      TableSpec t,
      List<Object[]> mysqlRows,
      Map<List<Object>, Object[]> pgRows,
      List<KeyDiff> listed) {
    long missing = 0;
    long changed = 0;
    int width = t.columns().size();
    for (Object[] row : mysqlRows) {
      Object[] other = pgRows.get(TableVerifier.normalizedKey(t, row));
      if (other == null) {
        missing++;
        list(listed, KeyDiff.Kind.MISSING, t, row, null, List.of());
        continue;
      }
      List<String> differing = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        if (!Objects.equals(
            ValueNormalizer.normalize(row[c]), ValueNormalizer.normalize(other[c]))) {
          differing.add(t.columns().get(c).mysqlName());
        }
      }
      if (!differing.isEmpty()) {
        changed++;
        list(listed, KeyDiff.Kind.CHANGED, t, row, other, differing);
      }
    }
    return new Found(missing, changed);
  }

  private void list(
      List<KeyDiff> listed,
      KeyDiff.Kind kind,
      TableSpec t,
      Object[] mysqlRow,
      Object[] pgRow,
      List<String> columns) {
    if (listed.size() >= maxListed) {
      return;
    }
    Map<String, String> my = Map.of();
    Map<String, String> other = Map.of();
    if (showValues) {
      my = TableVerifier.values(t, mysqlRow, columns);
      other = pgRow == null ? Map.of() : TableVerifier.values(t, pgRow, columns);
    }
    listed.add(
        new KeyDiff(kind, KeyText.formatAll(TableVerifier.keyOf(t, mysqlRow)), columns, my, other));
  }
}
