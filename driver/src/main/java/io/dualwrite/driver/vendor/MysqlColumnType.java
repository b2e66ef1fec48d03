package io.dualwrite.driver.vendor;

import com.mysql.cj.MysqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A MySQL column type, as {@code information_schema.COLUMNS.COLUMN_TYPE} spells it ({@code
 * "tinyint(1)"}, {@code "int(10) unsigned"}, {@code "decimal(10,2)"}, {@code "enum('a','b')"},
 * {@code "datetime(6)"}), and what Connector/J 9 reports for a result column of that type with its
 * default properties ({@code tinyInt1isBit=true}, {@code transformedBitIsBoolean=false}, {@code
 * yearIsDateType=true}) over a {@code utf8mb4} connection.
 *
 * @param name the base type, lower case: {@code tinyint}, {@code int}, {@code varchar}, ... ({@code
 *     integer}, {@code bool}, {@code dec}, ... are normalised to MySQL's own names)
 * @param length the display width, length, precision or fractional-second digits in parentheses; -1
 *     when absent
 * @param scale the digits after the point of {@code decimal(p,s)}; -1 when absent
 * @param unsigned whether {@code unsigned} follows
 * @param elements the values of an {@code enum} or {@code set}, unquoted; empty otherwise
 */
public record MysqlColumnType(
    String name, int length, int scale, boolean unsigned, List<String> elements) {

  /** Bytes per character of {@code utf8mb4}, the character set dualwrite's MySQL side uses. */
  private static final int MAX_BYTES_PER_CHAR = 4;

  public MysqlColumnType {
    Objects.requireNonNull(name, "name");
    elements = List.copyOf(elements);
  }

  /**
   * Parses a {@code COLUMN_TYPE} string; anything after the type and {@code unsigned} ({@code
   * zerofill}, {@code CHARACTER SET ...}) is ignored.
   *
   * @throws IllegalArgumentException if {@code columnType} does not start with a type name
   */
  public static MysqlColumnType parse(String columnType) {
    String s = columnType.trim();
    int i = 0;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("not a MySQL column type: " + columnType);
    }
    String base = s.substring(0, i).toLowerCase(Locale.ROOT);
    String rest = s.substring(i).trim();
    // two-word names
    String lowerRest = rest.toLowerCase(Locale.ROOT);
    if (base.equals("double") && lowerRest.startsWith("precision")) {
      rest = rest.substring("precision".length()).trim();
    } else if ((base.equals("character") || base.equals("char"))
        && lowerRest.startsWith("varying")) {
      base = "varchar";
      rest = rest.substring("varying".length()).trim();
    }
    List<String> args = new ArrayList<>();
    if (rest.startsWith("(")) {
      int end = parseArguments(rest, args);
      if (end < 0) {
        throw new IllegalArgumentException("unbalanced parentheses in " + columnType);
      }
      rest = rest.substring(end + 1).trim();
    }
    boolean unsigned = rest.toLowerCase(Locale.ROOT).startsWith("unsigned");
    boolean isBool = base.equals("bool") || base.equals("boolean");
    base =
        switch (base) {
          case "integer" -> "int";
          case "bool", "boolean" -> "tinyint";
          case "dec", "numeric", "fixed" -> "decimal";
          case "real" -> "double";
          case "character", "nchar" -> "char";
          case "nvarchar" -> "varchar";
          case "int1" -> "tinyint";
          case "int2" -> "smallint";
          case "int3", "middleint" -> "mediumint";
          case "int4" -> "int";
          case "int8" -> "bigint";
          default -> base;
        };
    if (base.equals("enum") || base.equals("set")) {
      List<String> values = new ArrayList<>(args.size());
      for (String a : args) {
        values.add(unquote(a));
      }
      return new MysqlColumnType(base, -1, -1, false, values);
    }
    int length = args.isEmpty() ? -1 : Integer.parseInt(args.get(0).trim());
    int scale = args.size() > 1 ? Integer.parseInt(args.get(1).trim()) : -1;
    if (isBool) {
      length = 1;
    }
    return new MysqlColumnType(base, length, scale, unsigned, List.of());
  }

  /**
   * The MySQL type a PostgreSQL column most likely had, by inverting the rewriter's DDL type
   * mapping, for a table column; see {@link #fromPostgres(String, int, int, boolean)}.
   */
  public static MysqlColumnType fromPostgres(String pgTypeName, int precision, int scale) {
    return fromPostgres(pgTypeName, precision, scale, true);
  }

  /**
   * The MySQL type a PostgreSQL result column most likely had, by inverting the rewriter's DDL type
   * mapping. Used when the caller cannot say what the MySQL type was (an expression, or a table the
   * schema catalog does not know yet).
   *
   * <p>Guesses where the mapping is not one to one: {@code smallint} was a {@code tinyint}, {@code
   * tinyint(1)}, {@code smallint} or {@code year} (the range CHECK that tells them apart is not in
   * the result's metadata); it is taken as {@code tinyint}, the commonest, which Connector/J reads
   * as an Integer like a {@code smallint}. {@code text} and {@code bytea} are {@code text} and
   * {@code blob} for a table column, {@code varchar} and {@code varbinary} for an expression (what
   * MySQL gives a string or binary expression such as {@code 'x'} or {@code UNHEX(...)}).
   *
   * @param pgTypeName pgjdbc's {@code getColumnTypeName}: {@code int4}, {@code numeric}, ...
   * @param precision pgjdbc's {@code getPrecision}
   * @param scale pgjdbc's {@code getScale}
   * @param tableColumn whether the result column is a table's column (pgjdbc's {@code
   *     getBaseColumnName} is not empty), not an expression
   * @return the type, or null when the PostgreSQL type has no MySQL counterpart
   */
  public static MysqlColumnType fromPostgres(
      String pgTypeName, int precision, int scale, boolean tableColumn) {
    MysqlColumnType t = fromPostgresType(pgTypeName, precision, scale);
    if (t != null && !tableColumn) {
      if (t.name.equals("text")) {
        return new MysqlColumnType("varchar", -1, -1, false, List.of());
      }
      if (t.name.equals("blob")) {
        return new MysqlColumnType("varbinary", -1, -1, false, List.of());
      }
    }
    return t;
  }

  /**
   * @param pgTypeName pgjdbc's {@code getColumnTypeName}: {@code int4}, {@code numeric}, ...
   * @param precision pgjdbc's {@code getPrecision}
   * @param scale pgjdbc's {@code getScale}
   * @return the type, or null when the PostgreSQL type has no MySQL counterpart
   */
  private static MysqlColumnType fromPostgresType(String pgTypeName, int precision, int scale) {
    String t = pgTypeName == null ? "" : pgTypeName.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "bool" -> new MysqlColumnType("tinyint", 1, -1, false, List.of());
      case "int2" -> simple("tinyint");
      case "int4", "serial" -> simple("int");
      case "int8", "bigserial" -> simple("bigint");
      case "numeric" ->
          precision == 20 && scale == 0
              ? new MysqlColumnType("bigint", -1, -1, true, List.of())
              : precision <= 0 || precision > 65
                  ? new MysqlColumnType("decimal", 65, 30, false, List.of())
                  : new MysqlColumnType("decimal", precision, Math.max(scale, 0), false, List.of());
      case "float4" -> simple("float");
      case "float8" -> simple("double");
      case "varchar" ->
          precision > 0 && precision < 65536
              ? new MysqlColumnType("varchar", precision, -1, false, List.of())
              : simple("text");
      case "bpchar" ->
          new MysqlColumnType("char", precision > 0 ? precision : 1, -1, false, List.of());
      case "text", "name", "uuid" -> simple("text");
      case "bytea" -> simple("blob");
      case "date" -> simple("date");
      case "timestamp" -> fsp("datetime", scale);
      case "timestamptz" -> fsp("timestamp", scale);
      case "time" -> fsp("time", scale);
      // the rewriter's TIMEDIFF and SEC_TO_TIME as result columns: durations beyond a day
      case "interval" -> simple("time");
      case "json", "jsonb" -> simple("json");
      default -> null;
    };
  }

  private static MysqlColumnType simple(String name) {
    return new MysqlColumnType(name, -1, -1, false, List.of());
  }

  private static MysqlColumnType fsp(String name, int digits) {
    return new MysqlColumnType(name, digits > 0 && digits <= 6 ? digits : -1, -1, false, List.of());
  }

  /** The MySQL {@code COLUMN_TYPE} spelling of this type. */
  public String columnType() {
    StringBuilder b = new StringBuilder(name);
    if (!elements.isEmpty()) {
      b.append('(');
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append('\'').append(elements.get(i).replace("'", "''")).append('\'');
      }
      b.append(')');
    } else if (length >= 0) {
      b.append('(').append(length);
      if (scale >= 0) {
        b.append(',').append(scale);
      }
      b.append(')');
    }
    if (unsigned) {
      b.append(" unsigned");
    }
    return b.toString();
  }

  /** Fractional-second digits of {@code datetime}, {@code timestamp} and {@code time}; else 0. */
  public int fractionalSecondDigits() {
    return switch (name) {
      case "datetime", "timestamp", "time" -> Math.max(length, 0);
      default -> 0;
    };
  }

  /**
   * The type Connector/J gives a result column of this type: {@code tinyint(1)} is {@code BIT}
   * ({@code tinyInt1isBit}), {@code enum} and {@code set} are {@code CHAR} (the server sends them
   * as strings). The text types are told apart by the length the server reports (65535 for a {@code
   * text}, as MariaDB 10.11 reports it; see the class notes of the IT).
   */
  public MysqlType connectorType() {
    return switch (name) {
      case "tinyint" ->
          !unsigned && length == 1
              ? MysqlType.BIT
              : unsigned ? MysqlType.TINYINT_UNSIGNED : MysqlType.TINYINT;
      case "smallint" -> unsigned ? MysqlType.SMALLINT_UNSIGNED : MysqlType.SMALLINT;
      case "mediumint" -> unsigned ? MysqlType.MEDIUMINT_UNSIGNED : MysqlType.MEDIUMINT;
      case "int" -> unsigned ? MysqlType.INT_UNSIGNED : MysqlType.INT;
      case "bigint", "serial" ->
          unsigned || name.equals("serial") ? MysqlType.BIGINT_UNSIGNED : MysqlType.BIGINT;
      case "decimal" -> unsigned ? MysqlType.DECIMAL_UNSIGNED : MysqlType.DECIMAL;
      case "float" ->
          length > 24
              ? (unsigned ? MysqlType.DOUBLE_UNSIGNED : MysqlType.DOUBLE)
              : (unsigned ? MysqlType.FLOAT_UNSIGNED : MysqlType.FLOAT);
      case "double" -> unsigned ? MysqlType.DOUBLE_UNSIGNED : MysqlType.DOUBLE;
      case "bit" -> MysqlType.BIT;
      case "char", "enum", "set" -> MysqlType.CHAR;
      case "varchar" -> MysqlType.VARCHAR;
      case "tinytext" -> MysqlType.TINYTEXT;
      case "text" -> MysqlType.TEXT;
      case "mediumtext" -> MysqlType.MEDIUMTEXT;
      case "longtext" -> MysqlType.LONGTEXT;
      case "binary" -> MysqlType.BINARY;
      case "varbinary" -> MysqlType.VARBINARY;
      case "tinyblob" -> MysqlType.TINYBLOB;
      case "blob" -> MysqlType.BLOB;
      case "mediumblob" -> MysqlType.MEDIUMBLOB;
      case "longblob" -> MysqlType.LONGBLOB;
      case "date" -> MysqlType.DATE;
      case "datetime" -> MysqlType.DATETIME;
      case "timestamp" -> MysqlType.TIMESTAMP;
      case "time" -> MysqlType.TIME;
      case "year" -> MysqlType.YEAR;
      case "json" -> MysqlType.JSON;
      default -> MysqlType.UNKNOWN;
    };
  }

  /** Connector/J's {@code ResultSetMetaData.getColumnType}. */
  public int jdbcType() {
    return connectorType().getJdbcType();
  }

  /** Connector/J's {@code ResultSetMetaData.getColumnTypeName}. */
  public String typeName() {
    return connectorType().getName();
  }

  /** Connector/J's {@code ResultSetMetaData.getColumnClassName}. */
  public String className() {
    return connectorType().getClassName();
  }

  /** Connector/J's {@code ResultSetMetaData.isSigned}. */
  public boolean signed() {
    return MysqlType.isSigned(connectorType());
  }

  /**
   * Connector/J's {@code ResultSetMetaData.getScale}: the decimals of a {@code DECIMAL}, and of a
   * {@code FLOAT}/{@code DOUBLE} that states them ({@code double(10,2)}, or {@code ROUND(d, 2)}),
   * else 0.
   */
  public int resultScale() {
    return switch (connectorType()) {
      case DECIMAL, DECIMAL_UNSIGNED, FLOAT, FLOAT_UNSIGNED, DOUBLE, DOUBLE_UNSIGNED ->
          Math.max(scale, 0);
      default -> 0;
    };
  }

  /**
   * Connector/J's {@code ResultSetMetaData.getPrecision} (and, for these types, {@code
   * getColumnDisplaySize}): the server's column length in characters, aligned by Connector/J with
   * {@code information_schema} for integers and decimals.
   */
  public int precision() {
    MysqlType t = connectorType();
    switch (t) {
      case TINYINT,
      TINYINT_UNSIGNED,
      SMALLINT,
      SMALLINT_UNSIGNED,
      MEDIUMINT,
      MEDIUMINT_UNSIGNED,
      INT,
      INT_UNSIGNED,
      BIGINT,
      BIGINT_UNSIGNED:
        return t.getPrecision().intValue();
      case DECIMAL, DECIMAL_UNSIGNED:
        return length > 0 ? length : 10;
      case BIT:
        return name.equals("bit") ? Math.max(length, 1) : 1;
      case FLOAT, FLOAT_UNSIGNED:
        return 12;
      case DOUBLE, DOUBLE_UNSIGNED:
        return 22;
      case DATE:
        return 10;
      case DATETIME, TIMESTAMP:
        return 19 + (length > 0 ? length + 1 : 0);
      case TIME:
        return 10 + (length > 0 ? length + 1 : 0);
      case YEAR:
        return 4;
      case CHAR:
        if (name.equals("enum")) {
          int max = 0;
          for (String e : elements) {
            max = Math.max(max, e.length());
          }
          return max;
        }
        if (name.equals("set")) {
          int sum = Math.max(elements.size() - 1, 0);
          for (String e : elements) {
            sum += e.length();
          }
          return sum;
        }
        return length > 0 ? length : 1;
      case VARCHAR, BINARY, VARBINARY:
        return Math.max(length, 0);
      case TINYTEXT:
        return 255 / MAX_BYTES_PER_CHAR;
      case TEXT:
        return 65535 / MAX_BYTES_PER_CHAR;
      case MEDIUMTEXT:
        return 16777215 / MAX_BYTES_PER_CHAR;
      case LONGTEXT, JSON:
        return Integer.MAX_VALUE / MAX_BYTES_PER_CHAR;
      case TINYBLOB:
        return 255;
      case BLOB:
        return 65535;
      case MEDIUMBLOB:
        return 16777215;
      case LONGBLOB:
        return Integer.MAX_VALUE;
      default:
        return 0;
    }
  }

  /** Reads {@code (a, 'b,c', d)} into args; returns the index of the closing parenthesis. */
  private static int parseArguments(String s, List<String> args) {
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        current.append(c);
        if (c == '\'') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
            current.append('\'');
            i++;
          } else {
            quoted = false;
          }
        } else if (c == '\\' && i + 1 < s.length()) {
          current.append(s.charAt(++i));
        }
      } else if (c == '\'') {
        quoted = true;
        current.append(c);
      } else if (c == ',') {
        args.add(current.toString().trim());
        current.setLength(0);
      } else if (c == ')') {
        args.add(current.toString().trim());
        return i;
      } else {
        current.append(c);
      }
    }
    return -1;
  }

  /** {@code 'it''s'} gives {@code it's}; backslash escapes are decoded. */
  private static String unquote(String quoted) {
    String s = quoted.trim();
    if (s.length() < 2 || s.charAt(0) != '\'' || s.charAt(s.length() - 1) != '\'') {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\'' && i + 1 < s.length() - 1 && s.charAt(i + 1) == '\'') {
        b.append('\'');
        i++;
      } else if (c == '\\' && i + 1 < s.length() - 1) {
        b.append(s.charAt(++i));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
