package io.dualwrite.rewriter;

import java.util.List;
import java.util.Optional;

/**
 * One table as MySQL describes it; all names lower-case.
 *
 * @param name table name
 * @param columns columns in ordinal order
 * @param primaryKey primary-key columns in key order, empty when none
 * @param uniqueKeys the UNIQUE keys other than the primary key, each in key order
 */
public record TableInfo(
    String name, List<ColumnInfo> columns, List<String> primaryKey, List<List<String>> uniqueKeys) {

  public TableInfo {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
  }

  /** The column with this (case-insensitive) name. */
  public Optional<ColumnInfo> column(String columnName) {
    for (ColumnInfo c : columns) {
      if (c.name().equalsIgnoreCase(columnName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The AUTO_INCREMENT column, if any. */
  public Optional<ColumnInfo> autoIncrementColumn() {
    for (ColumnInfo c : columns) {
      if (c.autoIncrement()) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The primary key (when present) followed by the other unique keys. */
  public List<List<String>> allUniqueKeys() {
    if (primaryKey.isEmpty()) {
      return uniqueKeys;
    }
    List<List<String>> all = new java.util.ArrayList<>();
    all.add(primaryKey);
    all.addAll(uniqueKeys);
    return List.copyOf(all);
  }
}
