package io.dualwrite.admin.verify;

import java.util.Locale;

/**
 * One column of a table on both sides: MySQL's name and {@code information_schema} data type, the
 * PostgreSQL name (MySQL's in lower case, as the rewriter prints it) and type, and whether the
 * column is generated (never written by {@code repair}).
 *
 * @param pgType PostgreSQL's {@code data_type}, or null when the column is missing there
 * @param mysqlScale MySQL's {@code numeric_scale}, or null (not a number, or not known)
 * @param pgScale PostgreSQL's {@code numeric_scale}, or null
 */
public record Column(
    String mysqlName,
    String pgName,
    String mysqlType,
    String pgType,
    boolean mysqlGenerated,
    boolean pgGenerated,
    Integer mysqlScale,
    Integer pgScale) {

  /** A column whose numeric scales are not known. */
  public Column(
      String mysqlName,
      String pgName,
      String mysqlType,
      String pgType,
      boolean mysqlGenerated,
      boolean pgGenerated) {
    this(mysqlName, pgName, mysqlType, pgType, mysqlGenerated, pgGenerated, null, null);
  }

  /** Whether both sides declare the same numeric scale (DECIMAL(p,s) and numeric(p,s)). */
  boolean sameScale() {
    return mysqlScale != null && mysqlScale.equals(pgScale);
  }

  /** MySQL's binary string types, whose values (and keys as text) are hexadecimal. */
  public boolean binary() {
    return switch (mysqlType.toLowerCase(Locale.ROOT)) {
      case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> true;
      default -> "bytea".equals(pgType);
    };
  }

  /**
   * MySQL's FLOAT: read as its exact binary value on both sides ({@code c + 0E0} on MySQL, whose
   * text protocol rounds a FLOAT to 6 digits; {@code float8} on PostgreSQL), so two values compare
   * equal exactly when the stored single-precision numbers are.
   */
  public boolean singlePrecision() {
    return mysqlType.equalsIgnoreCase("float") || "real".equals(pgType);
  }

  /** Whether PostgreSQL keeps this column as text (a Java String binds as varchar). */
  boolean pgText() {
    return pgType == null
        || pgType.equals("character varying")
        || pgType.equals("character")
        || pgType.equals("text");
  }
}
