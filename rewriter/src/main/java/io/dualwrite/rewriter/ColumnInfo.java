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
 */
public record ColumnInfo(
    String name,
    String mysqlType,
    boolean nullable,
    boolean autoIncrement,
    boolean onUpdateCurrentTimestamp,
    boolean caseInsensitive,
    boolean defaultCurrentTimestamp) {

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
    int open = mysqlType.indexOf('(');
    int close = mysqlType.indexOf(')', open + 1);
    if (open < 0 || close < 0) {
      return 0;
    }
    try {
      return Integer.parseInt(mysqlType.substring(open + 1, close).trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
