package io.dualwrite.rewriter;

/**
 * The column an application's {@code ?} is written into or compared with, when the statement says
 * so directly ({@code INSERT ... VALUES (?)}, {@code SET c = ?}, {@code c = ?}, {@code c IN (?,
 * ?)}): MySQL converts the value to that column's type, so the driver binds the other side the
 * value MySQL would store or compare, whatever setter the application used (a string into a binary
 * column is its bytes; bytes into a text column are text).
 *
 * @param mysqlType the column's MySQL type as information_schema gives it, e.g. {@code binary(4)}
 * @param assigned whether the value is stored into the column (else it is compared with it)
 */
public record ParameterTarget(String mysqlType, boolean assigned) {

  /** BINARY, VARBINARY or a BLOB: MySQL stores a string's bytes in its connection character set. */
  public boolean isBinary() {
    return TypeMapping.isBinary(mysqlType);
  }

  /** CHAR, VARCHAR, a TEXT, ENUM or SET. */
  public boolean isText() {
    return TypeMapping.isText(mysqlType);
  }

  /**
   * The text MySQL stores for a string written into this column: a SET's members in definition
   * order once each, an ENUM's member as defined (matched ignoring case); the string itself for any
   * other column, for comparisons and for values that are not members.
   */
  public String storedText(String value) {
    return assigned ? ColumnLiterals.storedText(mysqlType, value) : value;
  }

  private static final java.util.regex.Pattern FRACTION =
      java.util.regex.Pattern.compile("(.*\\d:\\d{1,2}:\\d{1,2})\\.(\\d+)\\s*");

  /**
   * A date-time or time text stored into this column as a server that cuts fractional seconds
   * beyond the column's precision stores it (MariaDB: {@code '10:11:12.999'} into {@code TIME} is
   * 10:11:12, where PostgreSQL rounds to 10:11:13); the text itself for any other column or value.
   */
  public String truncatedTemporalText(String value) {
    String base = TypeMapping.baseType(mysqlType);
    if (!assigned
        || !(base.equals("datetime") || base.equals("timestamp") || base.equals("time"))) {
      return value;
    }
    java.util.regex.Matcher m = FRACTION.matcher(value);
    if (!m.matches()) {
      return value;
    }
    int fsp = TypeMapping.firstArgument(mysqlType);
    String digits = m.group(2);
    if (digits.length() <= fsp) {
      return value;
    }
    return fsp == 0 ? m.group(1) : m.group(1) + "." + digits.substring(0, fsp);
  }

  /**
   * What MySQL stores for a string written into a {@code YEAR} column: one or two digits are a year
   * of 2000-2069 (0-69) or 1970-1999 (70-99); the string itself otherwise.
   */
  public String yearText(String value) {
    if (!assigned || !TypeMapping.baseType(mysqlType).equals("year")) {
      return value;
    }
    String v = value.trim();
    if (!v.matches("\\d{1,2}")) {
      return value;
    }
    int y = Integer.parseInt(v);
    return Integer.toString(y < 70 ? 2000 + y : 1900 + y);
  }

  /**
   * The length a value stored into a {@code BINARY(n)} column is padded to with zero bytes, as
   * MySQL does; -1 for every other column and for comparisons.
   */
  public int paddedLength() {
    if (!assigned || !TypeMapping.baseType(mysqlType).equals("binary")) {
      return -1;
    }
    return mysqlType.indexOf('(') < 0
        ? 1
        : TypeMapping.firstArgument(mysqlType); // BINARY is BINARY(1)
  }
}
