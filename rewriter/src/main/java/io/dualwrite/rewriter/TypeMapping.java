package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * The MySQL to PostgreSQL type mapping both sides live with (see the README "Type mapping" table),
 * for CAST targets and for column definitions.
 */
final class TypeMapping {

  /** A mapped column type and the CHECK it needs to keep MySQL's value range. */
  record ColumnType(String pgType, String check, boolean integer) {}

  private TypeMapping() {}

  /** "int(10) unsigned" gives "int"; "enum('a')" gives "enum". */
  static String baseType(String mysqlType) {
    String t = mysqlType.trim().toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) {
      end++;
    }
    return t.substring(0, end);
  }

  /** The number in a type's parentheses ({@code datetime(3)}: 3, {@code binary(16)}: 16), or 0. */
  static int firstArgument(String mysqlType) {
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

  /**
   * TINYINT ... BIGINT (signed or not, any display width), and BIT(n), whose number MySQL computes
   * with wherever a number is wanted.
   */
  static boolean isInteger(String mysqlType) {
    return switch (baseType(mysqlType)) {
      case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "bit" -> true;
      default -> false;
    };
  }

  /** BIT(n) of any n: bytes where MySQL wants a string, a number elsewhere. */
  static boolean isBit(String mysqlType) {
    return baseType(mysqlType).equals("bit");
  }

  /** DATE, DATETIME, TIMESTAMP and TIME (not YEAR, which is a number). */
  static boolean isTemporal(String mysqlType) {
    return switch (baseType(mysqlType)) {
      case "date", "datetime", "timestamp", "time" -> true;
      default -> false;
    };
  }

  static boolean isText(String mysqlType) {
    return switch (baseType(mysqlType)) {
      case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> true;
      default -> false;
    };
  }

  static boolean isBinary(String mysqlType) {
    return switch (baseType(mysqlType)) {
      case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> true;
      default -> false;
    };
  }

  /** CAST(x AS UNSIGNED [INTEGER]). */
  static boolean isUnsignedInteger(ColDataType type) {
    DdlPrinter.MysqlType mt = DdlPrinter.parseType(type, null);
    String t = mt.name().toUpperCase(Locale.ROOT);
    return mt.unsigned() && (t.isEmpty() || t.equals("INTEGER") || t.equals("INT"));
  }

  /** CAST(x AS type) targets. */
  static String castTarget(ColDataType type) {
    DdlPrinter.MysqlType mt = DdlPrinter.parseType(type, null);
    String t = mt.name().toUpperCase(Locale.ROOT);
    if (mt.unsigned()) {
      t = t.isEmpty() ? "UNSIGNED" : "UNSIGNED " + t;
    } else if (t.isEmpty()) {
      t = "SIGNED";
    }
    List<String> args = mt.args();
    switch (t) {
      case "SIGNED", "SIGNED INTEGER", "SIGNED INT", "INTEGER", "INT":
        return "bigint";
      case "UNSIGNED", "UNSIGNED INTEGER", "UNSIGNED INT":
        return "bigint"; // then wrapped around 2^64 when negative: CastFunctions.cast
      case "CHAR", "NCHAR", "VARCHAR":
        return args.isEmpty() ? "text" : "varchar(" + args.get(0) + ")";
      case "DECIMAL", "DEC", "NUMERIC", "FIXED":
        if (args.isEmpty()) {
          return "numeric(10,0)";
        }
        return "numeric(" + args.get(0) + "," + (args.size() > 1 ? args.get(1) : "0") + ")";
      case "DATE":
        return "date";
      case "DATETIME", "TIMESTAMP":
        return "timestamp(" + (args.isEmpty() ? "0" : args.get(0)) + ")";
      case "TIME":
        return "time(" + (args.isEmpty() ? "0" : args.get(0)) + ")";
      case "DOUBLE", "DOUBLE PRECISION", "REAL":
        return "double precision";
      case "FLOAT":
        return "real";
      case "JSON":
        return "jsonb";
      case "BINARY":
        if (args.isEmpty()) {
          return "bytea";
        }
        break;
      default:
        break;
    }
    throw RefusedException.syntax(
        "cast:" + t, "CAST to the MySQL type " + type + " has no exact PostgreSQL equivalent.");
  }

  /**
   * A column definition's type. {@code column} is the PostgreSQL column name (for CHECKs), {@code
   * autoIncrement} asks for an identity-compatible integer type.
   */
  static ColumnType columnType(DdlPrinter.MysqlType mt, String column) {
    String t = mt.name();
    List<String> args = new ArrayList<>(mt.args());
    boolean unsigned = mt.unsigned();
    if (mt.zerofill()) {
      throw RefusedException.syntax(
          "type:zerofill", "ZEROFILL changes how MySQL prints numbers; PostgreSQL cannot.");
    }
    String nonNegative = unsigned ? column + " >= 0" : null;
    ColumnType numeric = numericType(t, args, unsigned, column, nonNegative);
    if (numeric != null) {
      return numeric;
    }
    ColumnType other = stringOrTemporalType(t, args, column);
    if (other != null) {
      return other;
    }
    throw RefusedException.syntax(
        "type:" + t, "The MySQL column type " + t + " has no mapping to PostgreSQL.");
  }

  /** The integer, decimal and floating-point types; null for any other type. */
  private static ColumnType numericType(
      String t, List<String> args, boolean unsigned, String column, String nonNegative) {
    switch (t) {
      case "tinyint":
      case "bool":
      case "boolean":
        // smallint, not boolean: keeps WHERE flag = 1, VALUES (1) and getInt() working unchanged
        return new ColumnType(
            "smallint",
            unsigned ? column + " BETWEEN 0 AND 255" : column + " BETWEEN -128 AND 127",
            true);
      case "bit":
        if (args.isEmpty() || args.get(0).trim().equals("1")) {
          // BIT(1) is Hibernate's MySQL boolean: a 0/1 smallint, like TINYINT(1)
          return new ColumnType("smallint", column + " BETWEEN 0 AND 1", true);
        }
        int bits = Integer.parseInt(args.get(0).trim());
        if (bits > 63) {
          throw RefusedException.syntax(
              "type:bit",
              "BIT("
                  + bits
                  + ") holds numbers up to 2^"
                  + bits
                  + " - 1, beyond PostgreSQL's bigint, whose bit operators the translated"
                  + " statements use; BIT(1) to BIT(63) are translated.");
        }
        // BIT(n): its number, which MySQL computes with where a number is wanted (f & 4, f + 0,
        // BIT_COUNT(f)); the driver gives the application the bytes Connector/J reads
        return new ColumnType("bigint", column + " BETWEEN 0 AND " + ((1L << bits) - 1), true);
      case "smallint":
        return new ColumnType(
            unsigned ? "integer" : "smallint",
            unsigned ? column + " BETWEEN 0 AND 65535" : null,
            true);
      case "mediumint":
        return new ColumnType(
            "integer",
            unsigned
                ? column + " BETWEEN 0 AND 16777215"
                : column + " BETWEEN -8388608 AND 8388607",
            true);
      case "int":
      case "integer":
        return new ColumnType(
            unsigned ? "bigint" : "integer",
            unsigned ? column + " BETWEEN 0 AND 4294967295" : null,
            true);
      case "bigint":
        return unsigned
            ? new ColumnType("numeric(20,0)", column + " BETWEEN 0 AND 18446744073709551615", true)
            : new ColumnType("bigint", null, true);
      case "serial":
        return new ColumnType(
            "numeric(20,0)", column + " BETWEEN 1 AND 18446744073709551615", true);
      case "decimal":
      case "dec":
      case "numeric":
      case "fixed":
        {
          String p = args.isEmpty() ? "10" : args.get(0);
          String s = args.size() > 1 ? args.get(1) : "0";
          return new ColumnType("numeric(" + p + "," + s + ")", nonNegative, false);
        }
      case "float":
        if (args.size() == 2) {
          throw RefusedException.syntax(
              "type:float(m,d)",
              "FLOAT(M,D) rounds stored values in MySQL; PostgreSQL real does not.");
        }
        if (args.size() == 1 && Integer.parseInt(args.get(0)) > 24) {
          return new ColumnType("double precision", nonNegative, false);
        }
        return new ColumnType("real", nonNegative, false);
      case "double":
      case "double precision":
      case "real":
        if (args.size() == 2) {
          throw RefusedException.syntax(
              "type:double(m,d)",
              "DOUBLE(M,D) rounds stored values in MySQL; PostgreSQL does not.");
        }
        return new ColumnType("double precision", nonNegative, false);
      default:
        return null;
    }
  }

  /** The string, binary, temporal, JSON, ENUM and SET types; null for any other type. */
  private static ColumnType stringOrTemporalType(String t, List<String> args, String column) {
    switch (t) {
      case "char":
      case "nchar":
      case "character":
        // character(n), like MySQL's CHAR: padded to n when stored, the padding ignored when
        // compared and gone when read as text; what the application reads is stripped of it, as
        // MySQL reads a CHAR (vendor.MysqlValueConverter)
        return new ColumnType(
            "character(" + (args.isEmpty() ? "1" : args.get(0)) + ")", null, false);
      case "varchar":
      case "nvarchar":
      case "character varying":
        return new ColumnType("varchar(" + args.get(0) + ")", null, false);
      case "tinytext":
        return new ColumnType("varchar(255)", null, false);
      case "text":
      case "mediumtext":
      case "longtext":
        return new ColumnType("text", null, false);
      case "binary":
      case "varbinary":
        // MySQL (strict mode) refuses a longer value; so does PostgreSQL then (a BINARY(n) value
        // is padded to n: the driver and the rewriter pad what they write)
        return new ColumnType(
            "bytea",
            "octet_length(" + column + ") <= " + (args.isEmpty() ? "1" : args.get(0).trim()),
            false);
      case "tinyblob":
      case "blob":
      case "mediumblob":
      case "longblob":
        return new ColumnType("bytea", null, false);
      case "date":
        return new ColumnType("date", null, false);
      case "datetime":
      case "timestamp":
        // timestamp without time zone for both: values read and written in the (mirrored) session
        // time zone, printed the same way as MySQL prints them
        return new ColumnType(
            "timestamp(" + (args.isEmpty() ? "0" : args.get(0)) + ")", null, false);
      case "time":
        return new ColumnType("time(" + (args.isEmpty() ? "0" : args.get(0)) + ")", null, false);
      case "year":
        return new ColumnType(
            "smallint", column + " = 0 OR " + column + " BETWEEN 1901 AND 2155", true);
      case "json":
        return new ColumnType("jsonb", null, false);
      case "enum":
        {
          int max = 1;
          StringBuilder in = new StringBuilder();
          for (String a : args) {
            String v = unquote(a);
            max = Math.max(max, v.length());
            if (in.length() > 0) {
              in.append(", ");
            }
            in.append('\'').append(v.replace("'", "''")).append('\'');
          }
          return new ColumnType("varchar(" + max + ")", column + " IN (" + in + ")", false);
        }
      case "set":
        {
          int len = 0;
          for (String a : args) {
            len += unquote(a).length() + 1;
          }
          return new ColumnType("varchar(" + Math.max(1, len) + ")", null, false);
        }
      default:
        return null;
    }
  }

  private static String unquote(String a) {
    String s = a.trim();
    if (s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
      return MysqlLexer.decodeCanonical(s.substring(1, s.length() - 1));
    }
    return s;
  }
}
