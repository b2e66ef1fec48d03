package io.dualwrite.rewriter;

/**
 * One column as MySQL describes it.
 *
 * @param name lower-case column name
 * @param mysqlType information_schema COLUMN_TYPE, e.g. {@code tinyint(1)}, {@code int(10)
 *     unsigned}, {@code enum('a','b')}
 * @param nullable IS_NULLABLE
 * @param autoIncrement EXTRA contains auto_increment
 * @param onUpdateCurrentTimestamp EXTRA contains on update current_timestamp
 * @param caseInsensitive the column's collation compares case-insensitively (name ends in _ci)
 * @param defaultCurrentTimestamp COLUMN_DEFAULT is CURRENT_TIMESTAMP (any precision)
 * @param accentInsensitive the column's collation is MySQL's {@code utf8mb4_0900_ai_ci} (MySQL 8's
 *     default), which also ignores accents: a MySQL server only, see {@link AccentFolding}
 */
public record ColumnInfo(
    String name,
    String mysqlType,
    boolean nullable,
    boolean autoIncrement,
    boolean onUpdateCurrentTimestamp,
    boolean caseInsensitive,
    boolean defaultCurrentTimestamp,
    boolean accentInsensitive) {

  /** A column whose collation does not ignore accents. */
  public ColumnInfo(
      String name,
      String mysqlType,
      boolean nullable,
      boolean autoIncrement,
      boolean onUpdateCurrentTimestamp,
      boolean caseInsensitive,
      boolean defaultCurrentTimestamp) {
    this(
        name,
        mysqlType,
        nullable,
        autoIncrement,
        onUpdateCurrentTimestamp,
        caseInsensitive,
        defaultCurrentTimestamp,
        false);
  }

  /** A column without a CURRENT_TIMESTAMP default. */
  public ColumnInfo(
      String name,
      String mysqlType,
      boolean nullable,
      boolean autoIncrement,
      boolean onUpdateCurrentTimestamp,
      boolean caseInsensitive) {
    this(
        name, mysqlType, nullable, autoIncrement, onUpdateCurrentTimestamp, caseInsensitive, false);
  }

  /** Fractional-second digits of a DATETIME/TIMESTAMP/TIME type ({@code datetime(3)} is 3). */
  public int fractionalDigits() {
    return TypeMapping.firstArgument(mysqlType);
  }
}
