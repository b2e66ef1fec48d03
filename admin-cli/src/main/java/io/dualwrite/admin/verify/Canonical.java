package io.dualwrite.admin.verify;

import java.util.Locale;
import java.util.Set;

/**
 * The canonical text of a column's value, computed by each server, that the chunk checksums hash:
 * two values get the same text exactly when {@code verify}'s row compare ({@link
 * io.dualwrite.driver.compare.ValueNormalizer}) counts them equal.
 *
 * <p>Only pairs of a MySQL type and the PostgreSQL type the rewriter maps it to are canonicalised
 * on the servers; any other pair (JSON, whose documents each server prints its own way; a
 * PostgreSQL type the rewriter would not have chosen) returns null and is hashed on the client
 * ({@link ChunkVerifier}).
 */
final class Canonical {
  private Canonical() {}

  private static final Set<String> INTEGERS =
      Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
  private static final Set<String> PG_INTEGERS = Set.of("smallint", "integer", "bigint", "numeric");
  private static final Set<String> TEXTS =
      Set.of("varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set");
  private static final Set<String> PG_TEXTS = Set.of("character varying", "text", "character");
  private static final Set<String> BINARIES =
      Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob");

  /**
   * The expression, on {@code side}, of the canonical text of column {@code c} (named {@code q},
   * quoted), as one piece of a row's text: {@code v} and a value that cannot contain a comma, the
   * character length, a colon and the text for strings, {@code n} for NULL. Null when the pair of
   * types has no server-side canonical form.
   */
  static String piece(Side side, Column c) {
    String q = side.quote(side == Side.MYSQL ? c.mysqlName() : c.pgName());
    String my = c.mysqlType().toLowerCase(Locale.ROOT);
    String pg = c.pgType() == null ? "" : c.pgType();
    boolean mysql = side == Side.MYSQL;
    if ((INTEGERS.contains(my) || my.equals("year") || my.equals("bit"))
        && PG_INTEGERS.contains(pg)) {
      // YEAR and BIT(1) + 0 are numbers (YEAR 0 prints as 0000 otherwise, BIT as a byte)
      return plain(
          side,
          mysql
              ? (INTEGERS.contains(my) ? "CAST(" + q + " AS CHAR)" : "CAST(" + q + " + 0 AS CHAR)")
              : "CAST(" + q + " AS text)");
    }
    if ((my.equals("float") || my.equals("double") || my.equals("real"))
        && (pg.equals("real") || pg.equals("double precision"))) {
      return plain(side, floating(side, q));
    }
    if ((my.equals("tinyint") || my.equals("bit")) && pg.equals("boolean")) {
      return plain(side, mysql ? "CAST(" + q + " + 0 AS CHAR)" : "CAST(" + q + "::int AS text)");
    }
    if ((my.equals("decimal") || my.equals("numeric")) && pg.equals("numeric")) {
      String x = mysql ? "CAST(" + q + " AS CHAR)" : "CAST(" + q + " AS text)";
      if (c.sameScale()) {
        // both print exactly s fraction digits
        return plain(side, x);
      }
      // by value: trailing zeros of the fraction (and a bare point) dropped, as 1.50 = 1.5
      return plain(
          side,
          mysql
              ? "IF(INSTR("
                  + x
                  + ", '.') > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM "
                  + x
                  + ")), "
                  + x
                  + ")"
              : "CASE WHEN strpos("
                  + x
                  + ", '.') > 0 THEN rtrim(rtrim("
                  + x
                  + ", '0'), '.') ELSE "
                  + x
                  + " END");
    }
    if (my.equals("date") && pg.equals("date")) {
      // YYYY-MM-DD on both (pgjdbc runs every session with DateStyle ISO)
      return plain(side, mysql ? "CAST(" + q + " AS CHAR)" : "CAST(" + q + " AS text)");
    }
    if (((my.equals("datetime") || my.equals("timestamp"))
            && pg.equals("timestamp without time zone"))
        || (my.equals("time") && pg.equals("time without time zone"))) {
      // PostgreSQL prints the fraction without trailing zeros (none when zero), MySQL with as many
      // digits as the column keeps: MySQL's text loses its trailing zeros and a bare point.
      // (CAST rather than to_char/DATE_FORMAT: no format string to interpret per row.) TIMESTAMP in
      // the session time zone, as the row compare reads it.
      if (!mysql) {
        return plain(side, "CAST(" + q + " AS text)");
      }
      String x = "CAST(" + q + " AS CHAR)";
      return plain(
          side,
          "IF(INSTR("
              + x
              + ", '.') > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM "
              + x
              + ")), "
              + x
              + ")");
    }
    if ((TEXTS.contains(my) || my.equals("char")) && PG_TEXTS.contains(pg)) {
      // as UTF-8 on MySQL whatever the column's character set (PostgreSQL's md5 hashes the
      // database encoding, checked to be UTF8); a CHAR's trailing spaces are padding on both
      String x =
          mysql
              ? (my.equals("char")
                  ? "TRIM(TRAILING ' ' FROM CONVERT(" + q + " USING utf8mb4))"
                  : "CONVERT(" + q + " USING utf8mb4)")
              : (my.equals("char") || pg.equals("character")
                  ? "rtrim(CAST(" + q + " AS text), ' ')"
                  : "CAST(" + q + " AS text)");
      return mysql
          ? "IFNULL(CONCAT(CHAR_LENGTH(" + x + "), ':', " + x + "), 'n')"
          : "coalesce(char_length(" + x + ") || ':' || " + x + ", 'n')";
    }
    if (BINARIES.contains(my) && pg.equals("bytea")) {
      return plain(side, mysql ? "LOWER(HEX(" + q + "))" : "encode(" + q + ", 'hex')");
    }
    return null;
  }

  /**
   * A floating-point value exactly, as the exponent {@code e} of its magnitude and the integer
   * {@code m = x / 2^(e - 53)}: dividing by a power of two is exact, and {@code m} is a whole
   * number below 2^55 even when the two servers' logarithms round {@code e} one apart (then the
   * texts differ for equal values and the rows are compared: slower, never a false "equal"). The
   * pair names one value only, so different values never share a text. FLOAT is widened to double
   * on both sides first, as the row compare reads it. Zero is {@code 0}; magnitudes below 2^-1000
   * (where 2^(e - 53) would underflow) and PostgreSQL's infinities and NaN get a text that differs
   * per server, so their ranges are always compared row by row.
   */
  private static String floating(Side side, String q) {
    if (side == Side.MYSQL) {
      String x = "(" + q + " + 0E0)";
      String e = "FLOOR(LOG2(ABS(" + x + ")))";
      return "CASE WHEN "
          + x
          + " = 0 THEN '0' WHEN ABS("
          + x
          + ") < 1E-300 THEN 'tiny-mysql' ELSE CONCAT("
          + e
          + ", ':', CAST("
          + x
          + " / POW(2, "
          + e
          + " - 53) AS SIGNED)) END";
    }
    String x = "CAST(" + q + " AS float8)";
    String e = "floor(ln(abs(" + x + ")) / ln(2::float8))";
    return "CASE WHEN "
        + x
        + " = 0 THEN '0' WHEN abs("
        + x
        + ") < 1E-300 OR "
        + x
        + " IN ('Infinity', '-Infinity', 'NaN') THEN 'special-postgres' ELSE "
        + e
        + "::bigint || ':' || ("
        + x
        + " / power(2::float8, "
        + e
        + " - 53))::bigint END";
  }

  private static String plain(Side side, String x) {
    return side == Side.MYSQL
        ? "IFNULL(CONCAT('v', " + x + "), 'n')"
        : "coalesce('v' || " + x + ", 'n')";
  }

  /**
   * Whether both servers order values of this key column the same way, so that one key range holds
   * the same rows on both: numbers, dates and times, and binary strings (byte order). Text keys are
   * not: MySQL's collations are not PostgreSQL's.
   */
  static boolean sameOrderOnBoth(Column c) {
    String my = c.mysqlType().toLowerCase(Locale.ROOT);
    String pg = c.pgType() == null ? "" : c.pgType();
    if ((INTEGERS.contains(my) || my.equals("year")) && PG_INTEGERS.contains(pg)) {
      return true;
    }
    if ((my.equals("decimal") || my.equals("numeric")) && pg.equals("numeric")) {
      return true;
    }
    if (my.equals("date") && pg.equals("date")) {
      return true;
    }
    if ((my.equals("datetime") || my.equals("timestamp"))
        && pg.equals("timestamp without time zone")) {
      return true;
    }
    return BINARIES.contains(my) && pg.equals("bytea");
  }

  /**
   * The sum over a range of a 60-bit slice (15 hexadecimal digits) of each row's hash: md5, or
   * SHA-256 where MySQL has no MD5 (MySQL 9 removed it).
   */
  static String rowHashSum(Side side, String rowText, boolean sha256) {
    if (side == Side.MYSQL) {
      String hash = sha256 ? "SHA2(" + rowText + ", 256)" : "MD5(" + rowText + ")";
      return "SUM(CAST(CONV(SUBSTRING(" + hash + ", 18, 15), 16, 10) AS UNSIGNED))";
    }
    String hash =
        sha256
            ? "encode(sha256(convert_to(" + rowText + ", 'UTF8')), 'hex')"
            : "md5(" + rowText + ")";
    return "sum(('x' || substr(" + hash + ", 18, 15))::bit(60)::bigint)";
  }

  /** Pieces joined with commas into one text. */
  static String join(Side side, java.util.List<String> pieces) {
    if (side == Side.MYSQL) {
      return "CONCAT(" + String.join(", ',', ", pieces) + ")";
    }
    return "(" + String.join(" || ',' || ", pieces) + ")";
  }
}
