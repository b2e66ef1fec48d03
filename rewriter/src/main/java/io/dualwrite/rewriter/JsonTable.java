package io.dualwrite.rewriter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;

/**
 * MySQL's {@code JSON_TABLE(doc, 'row path' COLUMNS (...)) AS alias}, which JSqlParser cannot read
 * and PostgreSQL before 17 does not have.
 *
 * <p>Before parsing ({@link #extract}) each JSON_TABLE's COLUMNS clause is read from the tokens
 * into a {@code JsonTable} and the call is left as {@code JSON_TABLE(doc, 'row path', n)}, a table
 * function JSqlParser reads, n being the place of its description in the statement's list. The
 * document stays an ordinary expression of the tree, translated as any other. Printed ({@link
 * #print}), it is a LATERAL derived table (MySQL's JSON_TABLE sees the tables before it):
 *
 * <pre>
 * LATERAL (SELECT &lt;column&gt; AS name, ... FROM &lt;rows&gt; AS dw_jt ORDER BY dw_jt.o) AS alias
 * </pre>
 *
 * where the rows are the values the row path finds, in document order ({@link
 * MysqlJsonPath#printRows}, MySQL's path rules), and each column converts the value its own path
 * finds in the row as MySQL 9.7 does (checked by hand on 9.7.4 and by the equivalence corpus):
 *
 * <ul>
 *   <li>{@code FOR ORDINALITY}: the row's number, from 1.
 *   <li>{@code JSON PATH}: the value; JSON null is SQL NULL.
 *   <li>{@code type EXISTS PATH} (an integer type): 1 when the path finds a value, else 0.
 *   <li>integer types: a JSON integer as is, a number with a fraction rounded half to even (2.5 is
 *       2, as MySQL's double conversion), a string of digits with leading spaces and a sign ({@code
 *       " +4"}), true 1 and false 0; out of the type's range (UNSIGNED: from 0; -0.5 is 0), another
 *       string, an object or an array is an error. BIGINT UNSIGNED: MySQL wraps a negative DOUBLE
 *       or string into the type and holds a DOUBLE from 2^63 as an error, where a JSON integer
 *       there is exact; jsonb cannot tell them apart, so a value below 0 or from 2^63 up to 2^64 -
 *       1 makes PostgreSQL fail the statement.
 *   <li>{@code DECIMAL(p, s)} (also NUMERIC, DEC): a number or a string (spaces either side, a
 *       sign, an exponent) rounded half away from zero to the scale (MySQL converts a JSON number
 *       with a fraction, or an integer of 19 or more digits, through its DOUBLE's shortest text,
 *       which is the text as written up to 15 significant digits; one with more makes PostgreSQL
 *       fail the statement), true 1 and false 0; out of the precision after rounding, another
 *       string, an object or an array is an error.
 *   <li>{@code DOUBLE} (DOUBLE PRECISION): a number, or a string MySQL's strtod reads whole after
 *       leading white space ({@code "\t.5e1"}; {@code ""} is 0, {@code "4 "} an error), correctly
 *       rounded as PostgreSQL's; below the smallest DOUBLE it is 0 (keeping a string's minus sign),
 *       a string beyond the largest an error and a number there fails the statement, as MySQL
 *       rejects the document. jsonb keeps no minus sign on a zero number ({@code -0.0} is 0).
 *   <li>{@code BOOLEAN}: MySQL's TINYINT(1), as the integer types.
 *   <li>{@code VARCHAR(n)}, {@code CHAR(n)} and the TEXT types: a string's text, true/false as
 *       words, a number as MySQL prints it ({@link JsonFunctions#numberText}: an integer as
 *       written; a DOUBLE with its shortest digits, {@code 2.50} is 2.5, {@code 3.00} is 3.0,
 *       {@code 1e20} is 1e20); longer than the type holds, an object or an array is an error, but
 *       trailing spaces beyond n are cut (MySQL 9.7.4: {@code "abcd "} is {@code 'abcd '} in a
 *       VARCHAR(5)), and a CHAR keeps no trailing spaces.
 * </ul>
 *
 * Where MySQL's result cannot be known from jsonb, the column fails the statement (SQLState 22P02,
 * a message naming JSON_TABLE), so the read is answered by MySQL rather than silently different.
 * The failure is a CAST of a message that depends on the value ({@code CASE WHEN x IS NOT NULL THEN
 * '...' END}): a constant one would be folded, and fail, when PostgreSQL plans the statement.
 *
 * <p>A path that finds nothing gives the column's {@code ON EMPTY} value, an error its {@code ON
 * ERROR} value: NULL unless {@code DEFAULT 'json' ON ...} names one (a JSON text, converted as a
 * value is). Refused by name: {@code ERROR ON ...}, FLOAT and REAL, temporal and other column
 * types, a column path that selects several values, two columns of one name.
 *
 * <p>{@code NESTED PATH 'path' COLUMNS (...)} reads its own rows from each row of the clause around
 * it, as MySQL 9.7 does: a row's nested clauses give their rows one clause after another (the rows
 * of the first, its siblings' columns NULL, then the second's), and a row whose nested clauses find
 * nothing is kept once with their columns NULL. Printed, a clause's rows are joined ({@code LEFT
 * JOIN LATERAL ... ON true}) to a UNION ALL of one branch per nested clause, each branch the same
 * construction one level down; {@code dw_k}, an array of (clause, row) numbers, orders the rows as
 * MySQL gives them. The columns keep the order written, nested ones in their place.
 */
final class JsonTable {
  /** An entry of a COLUMNS clause: a column, or a NESTED PATH clause. */
  sealed interface Item permits Field, Nested {}

  /**
   * {@code NESTED PATH 'path' COLUMNS (...)}: its path, read from the enclosing clause's row, and
   * its entries in the order written.
   */
  record Nested(MysqlJsonPath path, List<Item> items) implements Item {
    Nested {
      items = List.copyOf(items);
    }
  }

  /** What a column holds. */
  enum Kind {
    ORDINALITY,
    EXISTS,
    JSON,
    INTEGER,
    /** BIGINT UNSIGNED: MySQL wraps a negative DOUBLE or string (-1.5 is 2^64 - 2). */
    BIG_UNSIGNED,
    DECIMAL,
    DOUBLE,
    TEXT
  }

  /**
   * One column: its name (as written), kind, MySQL type (for the typing of expressions over it),
   * PostgreSQL type, path (null for ORDINALITY), the limits of its type (integers: range; decimals:
   * scale in {@code low}, precision in {@code high}; text: characters when {@code byteLimit} is
   * false, else bytes) and the SQL of its ON EMPTY and ON ERROR values (already converted; "NULL"
   * when none is named).
   */
  record Field(
      String name,
      Kind kind,
      String mysqlType,
      String pgType,
      MysqlJsonPath path,
      long low,
      long high,
      boolean byteLimit,
      String onEmpty,
      String onError)
      implements Item {}

  private final MysqlJsonPath rowPath;

  /** The COLUMNS clause's entries, as written. */
  private final List<Item> items;

  /** Every column, nested ones in their place: the derived table's columns, in MySQL's order. */
  private final List<Field> columns;

  /** The name of the nested rows' ordering key ({@code dw_k}), unless a column has that name. */
  private final String key;

  /**
   * The call's MySQL text after the document ({@code 'path' COLUMNS (...)}): its tokens, each after
   * the spaces before it, string literals in the lexer's canonical form.
   */
  private final List<String> mysqlTail;

  private JsonTable(MysqlJsonPath rowPath, List<Item> items, List<String> mysqlTail) {
    this.rowPath = rowPath;
    this.items = List.copyOf(items);
    this.columns = flatten(items);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Field c : columns) {
      if (!names.add(c.name().toLowerCase(Locale.ROOT))) {
        throw syntax("Duplicate column name '" + c.name() + "' in JSON_TABLE.");
      }
    }
    String k = "dw_k";
    for (int i = 1; names.contains(k); i++) {
      k = "dw_k" + i;
    }
    this.key = k;
    this.mysqlTail = List.copyOf(mysqlTail);
  }

  /** The text with every JSON_TABLE's COLUMNS clause taken out, and their descriptions. */
  record Extracted(String sql, List<JsonTable> tables) {}

  private static final String FUNCTION = "JSON_TABLE";

  /**
   * Takes each {@code JSON_TABLE(doc, 'path' COLUMNS (...))} of a lexed statement apart (see the
   * class comment); null when it has none.
   */
  static Extracted extract(String sql, Tokens t) {
    List<JsonTable> tables = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int k = 0; k + 1 < t.size(); k++) {
      if (!t.word(k).equals(FUNCTION) || !t.get(k + 1).equals("(")) {
        continue;
      }
      int close = matching(t, k + 1);
      int columnsAt = -1;
      int depth = 0;
      for (int i = k + 2; i < close; i++) {
        depth += t.get(i).equals("(") ? 1 : t.get(i).equals(")") ? -1 : 0;
        if (depth == 0 && t.word(i).equals("COLUMNS") && t.get(i + 1).equals("(")) {
          columnsAt = i;
          break;
        }
      }
      if (close < 0 || columnsAt < 0 || !t.get(columnsAt - 2).equals(",")) {
        throw syntax("JSON_TABLE needs a document, a row path and a COLUMNS clause.");
      }
      String pathToken = t.get(columnsAt - 1);
      if (Tokens.stringValue(pathToken) == null) {
        throw syntax("The row path of JSON_TABLE must be a string literal.");
      }
      MysqlJsonPath rowPath =
          MysqlJsonPath.parseAllowingSeveral(FUNCTION, new StringValue(pathToken));
      int listClose = matching(t, columnsAt + 1);
      if (listClose + 1 != close) {
        throw syntax("Unexpected text after the COLUMNS clause of JSON_TABLE.");
      }
      List<String> tail = new ArrayList<>(); // each token after the text between it and the last
      for (int i = columnsAt - 1; i <= listClose; i++) {
        int previousEnd = i == columnsAt - 1 ? t.start(i) : t.start(i - 1) + t.get(i - 1).length();
        tail.add(sql.substring(previousEnd, t.start(i)));
        tail.add(t.get(i));
      }
      tables.add(new JsonTable(rowPath, columns(t, columnsAt + 2, listClose), tail));
      out.append(sql, copied, t.start(columnsAt - 1));
      out.append(pathToken).append(", ").append(tables.size() - 1).append(")");
      copied = t.start(close) + 1;
      k = close;
    }
    if (tables.isEmpty()) {
      return null;
    }
    out.append(sql, copied, sql.length());
    return new Extracted(out.toString(), tables);
  }

  /** The token closing the parenthesis at open, or -1. */
  private static int matching(Tokens t, int open) {
    int depth = 0;
    for (int i = open; i < t.size(); i++) {
      if (t.get(i).equals("(")) {
        depth++;
      } else if (t.get(i).equals(")") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The columns of these entries, nested ones in their place. */
  private static List<Field> flatten(List<Item> items) {
    List<Field> list = new ArrayList<>();
    for (Item item : items) {
      if (item instanceof Field f) {
        list.add(f);
      } else {
        list.addAll(flatten(((Nested) item).items()));
      }
    }
    return list;
  }

  /** The column definitions in tokens [from, to), separated by top-level commas. */
  private static List<Item> columns(Tokens t, int from, int to) {
    List<Item> list = new ArrayList<>();
    int start = from;
    int depth = 0;
    for (int i = from; i <= to; i++) {
      if (i == to || (depth == 0 && t.get(i).equals(","))) {
        if (i == start) {
          throw syntax("An empty column definition in JSON_TABLE.");
        }
        list.add(column(t, start, i));
        start = i + 1;
      } else if (t.get(i).equals("(")) {
        depth++;
      } else if (t.get(i).equals(")")) {
        depth--;
      }
    }
    return list;
  }

  private static Item column(Tokens t, int from, int to) {
    if (t.is(from, "NESTED")) {
      // MySQL 9.7 requires the PATH keyword
      if (!t.is(from + 1, "PATH")
          || Tokens.stringValue(t.get(from + 2)) == null
          || !t.is(from + 3, "COLUMNS")
          || !t.get(from + 4).equals("(")
          || matching(t, from + 4) + 1 != to) {
        throw syntax("A JSON_TABLE nested clause is NESTED PATH 'path' COLUMNS (...).");
      }
      return new Nested(
          MysqlJsonPath.parseAllowingSeveral(FUNCTION, new StringValue(t.get(from + 2))),
          columns(t, from + 5, to - 1));
    }
    String name = Identifiers.normalize(t.get(from));
    if (t.is(from + 1, "FOR", "ORDINALITY") && from + 3 == to) {
      return new Field(
          name, Kind.ORDINALITY, "int unsigned", "bigint", null, 0, 0, false, "NULL", "NULL");
    }
    int pathAt = -1;
    for (int i = from + 1; i < to; i++) {
      if (t.word(i).equals("PATH")) {
        pathAt = i;
        break;
      }
    }
    if (pathAt < 0 || Tokens.stringValue(t.get(pathAt + 1)) == null) {
      throw syntax("A JSON_TABLE column needs FOR ORDINALITY or PATH and a string literal path.");
    }
    boolean exists = t.word(pathAt - 1).equals("EXISTS");
    int typeEnd = exists ? pathAt - 1 : pathAt;
    StringBuilder typeText = new StringBuilder();
    for (int i = from + 1; i < typeEnd; i++) {
      typeText.append(t.get(i).equals("(") || t.get(i).equals(")") ? "" : i > from + 1 ? " " : "");
      typeText.append(t.get(i).toLowerCase(Locale.ROOT));
    }
    String type =
        typeText
            .toString()
            .replace(" (", "(")
            .replace("( ", "(")
            .replace(" ,", ",")
            .replace(", ", ",");
    MysqlJsonPath path = MysqlJsonPath.parse(FUNCTION, new StringValue(t.get(pathAt + 1)));
    Field shape = shape(name, type, exists, path);
    String onEmpty = "NULL";
    String onError = "NULL";
    int i = pathAt + 2;
    while (i < to) {
      String value;
      int next;
      if (t.is(i, "NULL", "ON")) {
        value = "NULL";
        next = i + 2;
      } else if (t.is(i, "DEFAULT")
          && Tokens.stringValue(t.get(i + 1)) != null
          && t.is(i + 2, "ON")) {
        value = convertedDefault(shape, Tokens.stringValue(t.get(i + 1)));
        next = i + 3;
      } else if (t.is(i, "ERROR", "ON")) {
        throw syntax(
            "JSON_TABLE's ERROR ON EMPTY/ERROR ON ERROR is not translated: PostgreSQL would have"
                + " to fail the statement for the same rows MySQL does.");
      } else {
        throw syntax("Unexpected text in a JSON_TABLE column: " + t.get(i) + ".");
      }
      if (t.is(next, "EMPTY")) {
        onEmpty = value;
      } else if (t.is(next, "ERROR")) {
        onError = value;
      } else {
        throw syntax("Expected EMPTY or ERROR after ON in a JSON_TABLE column.");
      }
      i = next + 1;
    }
    return new Field(
        name,
        shape.kind(),
        shape.mysqlType(),
        shape.pgType(),
        path,
        shape.low(),
        shape.high(),
        shape.byteLimit(),
        onEmpty,
        onError);
  }

  /** VARCHAR(n), CHAR(n), CHAR (one character). */
  private static final Pattern VARCHAR = Pattern.compile("(varchar|char)(?:\\((\\d+)\\))?");

  private static final Pattern DECIMAL_TYPE =
      Pattern.compile("(decimal|numeric|dec)(?:\\((\\d+)(?:,(\\d+))?\\))?");
  private static final Pattern INTEGER_TYPE =
      Pattern.compile("(tinyint|smallint|mediumint|int|integer|bigint)(\\(\\d+\\))?( unsigned)?");

  /** The column's kind and type limits (no defaults yet); refuses the types not translated. */
  private static Field shape(String name, String type, boolean exists, MysqlJsonPath path) {
    if (type.equals("boolean") || type.equals("bool")) {
      type = "tinyint(1)"; // MySQL's BOOLEAN is TINYINT(1): true 1, false 0
    }
    Matcher integer = INTEGER_TYPE.matcher(type);
    if (exists) {
      if (!integer.matches()) {
        throw syntax("An EXISTS PATH column of JSON_TABLE is translated for the integer types.");
      }
      String pg =
          integer.group(1).equals("bigint")
              ? "bigint"
              : integer.group(1).matches("tinyint|smallint") ? "smallint" : "integer";
      return new Field(name, Kind.EXISTS, type, pg, path, 0, 1, false, "NULL", "NULL");
    }
    if (integer.matches()) {
      String base = integer.group(1);
      long bits =
          switch (base) {
            case "tinyint" -> 8;
            case "smallint" -> 16;
            case "mediumint" -> 24;
            case "bigint" -> 64;
            default -> 32;
          };
      if (integer.group(3) != null) {
        if (bits == 64) {
          // 0 to 2^63 - 1 is certain (see conversion); a DEFAULT is held to that range too
          return new Field(
              name,
              Kind.BIG_UNSIGNED,
              type,
              "numeric(20,0)",
              path,
              0,
              Long.MAX_VALUE,
              false,
              "NULL",
              "NULL");
        }
        String pg = bits == 32 ? "bigint" : bits == 8 ? "smallint" : "integer";
        return new Field(
            name, Kind.INTEGER, type, pg, path, 0, (1L << bits) - 1, false, "NULL", "NULL");
      }
      long high = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
      String pg = bits == 64 ? "bigint" : bits == 32 || bits == 24 ? "integer" : "smallint";
      return new Field(name, Kind.INTEGER, type, pg, path, -high - 1, high, false, "NULL", "NULL");
    }
    Matcher decimal = DECIMAL_TYPE.matcher(type);
    if (decimal.matches()) {
      long precision = decimal.group(2) == null ? 10 : Long.parseLong(decimal.group(2));
      long scale = decimal.group(3) == null ? 0 : Long.parseLong(decimal.group(3));
      if (precision < 1 || precision > 65 || scale > 30 || scale > precision) {
        throw syntax(
            "The JSON_TABLE column type " + type.toUpperCase(Locale.ROOT) + " is invalid.");
      }
      String pg = "numeric(" + precision + ", " + scale + ")";
      return new Field(
          name,
          Kind.DECIMAL,
          "decimal(" + precision + "," + scale + ")",
          pg,
          path,
          scale,
          precision,
          false,
          "NULL",
          "NULL");
    }
    if (type.equals("double") || type.equals("double precision")) {
      return new Field(
          name, Kind.DOUBLE, "double", "double precision", path, 0, 0, false, "NULL", "NULL");
    }
    if (type.equals("json")) {
      return new Field(name, Kind.JSON, "json", "jsonb", path, 0, 0, false, "NULL", "NULL");
    }
    Matcher varchar = VARCHAR.matcher(type);
    if (varchar.matches()) {
      long n = varchar.group(2) == null ? 1 : Long.parseLong(varchar.group(2));
      String mysqlType = varchar.group(1) + "(" + n + ")";
      return new Field(name, Kind.TEXT, mysqlType, "text", path, 0, n, false, "NULL", "NULL");
    }
    long bytes =
        switch (type) {
          case "tinytext" -> 255;
          case "text" -> 65_535;
          case "mediumtext" -> 16_777_215;
          case "longtext" -> 4_294_967_295L;
          default -> -1;
        };
    if (bytes > 0) {
      return new Field(name, Kind.TEXT, type, "text", path, 0, bytes, true, "NULL", "NULL");
    }
    throw syntax(
        "The JSON_TABLE column type "
            + type.toUpperCase(Locale.ROOT)
            + " is not translated yet (translated: the integer types, DECIMAL, DOUBLE, VARCHAR(n),"
            + " CHAR(n),"
            + " the TEXT types, JSON, FOR ORDINALITY, EXISTS PATH, NESTED PATH).");
  }

  private static final Pattern DIGITS = Pattern.compile(" *[+-]?[0-9]+");

  /** A JSON number as JSON's grammar writes it (MySQL rejects {@code 007} and {@code +5}). */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?");

  /** A JSON string without escapes: its text is what is between the quotes. */
  private static final Pattern PLAIN_JSON_STRING = Pattern.compile("\"[^\"\\\\]*\"");

  /** A string MySQL reads as a DECIMAL (spaces either side, a sign, an exponent). */
  private static final String DECIMAL_STRING_SQL =
      "^ *[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)? *$";

  /** A string MySQL reads whole as a DOUBLE (strtod after leading white space). */
  private static final String DOUBLE_NUMBER = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?";

  private static final String DOUBLE_STRING_SQL = "^[ \\t\\n\\r\\f\\v]*" + DOUBLE_NUMBER + "$";

  private static final Pattern DOUBLE_STRING =
      Pattern.compile("[ \t\n\r\f\u000b]*" + DOUBLE_NUMBER);

  /** Half a unit above the largest DOUBLE: from there strtod overflows. */
  private static final String DOUBLE_OVERFLOW = "1.797693134862315808e308";

  private static final Pattern DECIMAL_STRING =
      Pattern.compile(DECIMAL_STRING_SQL.substring(1, DECIMAL_STRING_SQL.length() - 1));

  /** The significant digits of a plain number's text (a JSON number as written). */
  private static int significantDigits(String number) {
    String digits = number.replaceAll("[eE].*$", "").replaceAll("[^0-9]", "");
    return digits.replaceFirst("^0+", "").length();
  }

  /**
   * The SQL of a column's {@code DEFAULT 'json'} value, converted at translation time as MySQL
   * converts a value; refused where that is not certain.
   */
  private static String convertedDefault(Field c, String json) {
    String v = json.strip();
    boolean scalar =
        PLAIN_JSON_STRING.matcher(v).matches()
            || JSON_NUMBER.matcher(v).matches()
            || v.equals("true")
            || v.equals("false");
    switch (scalar || c.kind() == Kind.JSON ? c.kind() : Kind.ORDINALITY) {
      case JSON:
        return "CAST(" + sqlString(json) + " AS jsonb)";
      case INTEGER, BIG_UNSIGNED:
        {
          String digits =
              v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2
                  ? v.substring(1, v.length() - 1)
                  : v;
          if (DIGITS.matcher(digits).matches()) {
            BigInteger n = new BigInteger(digits.strip().replace("+", ""));
            if (n.compareTo(BigInteger.valueOf(c.low())) >= 0
                && n.compareTo(BigInteger.valueOf(c.high())) <= 0) {
              return "CAST(" + n + " AS " + c.pgType() + ")";
            }
          }
          if (v.equals("true") || v.equals("false")) {
            return "CAST(" + (v.equals("true") ? 1 : 0) + " AS " + c.pgType() + ")";
          }
          break;
        }
      case DECIMAL:
        {
          String number =
              v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
                  ? v.substring(1, v.length() - 1).strip()
                  : v;
          if (DECIMAL_STRING.matcher(number).matches()
              && (v.startsWith("\"") || significantDigits(number) <= 15)) {
            BigDecimal d =
                new BigDecimal(number.replace("+", "").replaceFirst("\\.$", ""))
                    .setScale((int) c.low(), RoundingMode.HALF_UP);
            if (d.abs().compareTo(BigDecimal.TEN.pow((int) (c.high() - c.low()))) < 0) {
              return "CAST(" + d.toPlainString() + " AS " + c.pgType() + ")";
            }
          }
          break;
        }
      case DOUBLE:
        {
          String number =
              v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
                  ? v.substring(1, v.length() - 1)
                  : v.equals("true") ? "1" : v.equals("false") ? "0" : v;
          if (DOUBLE_STRING.matcher(number).matches()) {
            number = number.replaceFirst("^[ \t\n\r\f\u000b]+", "");
            double d = Double.parseDouble(number);
            // a normal DOUBLE, or an exact 0 (not -0)
            if (Double.isFinite(d)
                && (Math.abs(d) >= Double.MIN_NORMAL
                    || d == 0 && !number.startsWith("-") && new BigDecimal(number).signum() == 0)) {
              return "CAST('" + d + "' AS double precision)";
            }
          }
          break;
        }
      case TEXT:
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") && v.indexOf('\\') < 0) {
          String text = v.substring(1, v.length() - 1);
          if (c.mysqlType().startsWith("char")) {
            text = text.replaceAll(" +$", "");
          }
          long size =
              c.byteLimit()
                  ? text.getBytes(StandardCharsets.UTF_8).length
                  : text.codePointCount(0, text.length());
          if (size <= c.high()) {
            return sqlString(text);
          }
        }
        break;
      default: // not a JSON scalar MySQL accepts, or a kind without defaults
        break;
    }
    throw syntax(
        "The JSON_TABLE default "
            + json
            + " for the "
            + c.mysqlType().toUpperCase(Locale.ROOT)
            + " column "
            + c.name()
            + " is not translated (translated: a JSON value that converts exactly).");
  }

  /** A PostgreSQL string literal (standard-conforming: a backslash is itself). */
  private static String sqlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static RefusedException syntax(String reason) {
    return RefusedException.syntax("json-table", reason);
  }

  /** Whether a parsed FROM item is a JSON_TABLE left by {@link #extract}. */
  static boolean isExtracted(TableFunction f) {
    return f.getFunction() != null
        && FUNCTION.equalsIgnoreCase(f.getFunction().getName())
        && f.getFunction().getParameters() != null
        && f.getFunction().getParameters().size() == 3
        && f.getFunction().getParameters().get(2) instanceof LongValue;
  }

  /** The description of an extracted JSON_TABLE among the statement's. */
  static JsonTable of(TableFunction f, List<JsonTable> tables) {
    int n = (int) ((LongValue) f.getFunction().getParameters().get(2)).getValue();
    if (n < 0 || n >= tables.size()) {
      throw syntax("JSON_TABLE(doc, path, n) is not MySQL's JSON_TABLE.");
    }
    return tables.get(n);
  }

  /**
   * The columns as a table of the scope, so expressions over them are typed as MySQL types them.
   */
  TableInfo tableInfo(String alias) {
    List<ColumnInfo> list = new ArrayList<>();
    for (Field c : columns) {
      // MySQL 9.7 gives JSON_TABLE's text columns the connection's collation (utf8mb4_0900_ai_ci)
      boolean ci = c.kind() == Kind.TEXT;
      list.add(new ColumnInfo(c.name(), c.mysqlType(), true, false, false, ci, false, ci));
    }
    return new TableInfo(alias, list, List.of(), List.of());
  }

  /**
   * Prints the call back as MySQL ({@link MysqlPinDeParser}: a write pinned with its computed
   * values runs its own text on MySQL), the document through {@code expressions}, each string as
   * MySQL reads it under the session's sql_mode.
   */
  void printMysql(
      StringBuilder b, ExpressionDeParser expressions, Expression doc, String alias, SqlMode mode) {
    b.append("JSON_TABLE(");
    doc.accept(expressions, null);
    b.append(", ");
    for (String token : mysqlTail) {
      b.append(
          token.startsWith("'")
              ? MysqlLexer.mysqlLiteral(token.substring(1, token.length() - 1), mode)
              : token);
    }
    b.append(") AS ").append(alias);
  }

  /** Prints the LATERAL derived table (see the class comment) for the document doc. */
  void print(PgExpressionDeParser d, Expression doc, String alias) {
    d.a("LATERAL (SELECT ");
    selectList(d, items, 0);
    d.a(" FROM ");
    rowPath.printRows(d, doc);
    d.a(" AS ").a(rows(0));
    boolean nested = nestedJoin(d, items, 0, key);
    d.a(" ORDER BY ").a(rows(0)).a(".o");
    if (nested) {
      d.a(", ").a(nests(0)).a(".").a(key);
    }
    d.a(") AS ").a(Identifiers.pg(alias));
  }

  /** The alias of the rows of a clause at this depth of nesting (0: the row path's). */
  private static String rows(int depth) {
    return depth == 0 ? "dw_jt" : "dw_jt" + depth;
  }

  /** The alias of the rows the nested clauses of a clause at this depth give. */
  private static String nests(int depth) {
    return depth == 0 ? "dw_n" : "dw_n" + depth;
  }

  /**
   * The values of a clause's columns, nested ones in their place (from {@link #nests}), for a row
   * of {@link #rows}(depth).
   */
  private static void selectList(PgExpressionDeParser d, List<Item> items, int depth) {
    Column row = new Column(new net.sf.jsqlparser.schema.Table(rows(depth)), "v");
    boolean first = true;
    for (Item item : items) {
      List<Field> fields = item instanceof Field f ? List.of(f) : flatten(List.of(item));
      for (Field c : fields) {
        d.a(first ? "" : ", ");
        first = false;
        if (item instanceof Nested) {
          d.a(nests(depth)).a(".").a(Identifiers.pg(c.name()));
        } else if (c.kind() == Kind.ORDINALITY) {
          d.a(rows(depth)).a(".o");
        } else {
          d.a("(SELECT ").a(conversion(c)).a(" FROM (SELECT ");
          c.path().print(d, row, false);
          d.a(" AS x) AS dw_y)");
        }
        d.a(" AS ").a(Identifiers.pg(c.name()));
      }
    }
  }

  /**
   * Joins a clause's nested clauses to each of its rows, as MySQL does: the rows of the first
   * nested clause (the other nested clauses' columns NULL), then the second's, and so on; one row
   * of NULLs when none finds a row. {@code dw_k} orders them: the clause's number and the row's,
   * then the same for the clauses nested in it. False when the clause has none.
   */
  private static boolean nestedJoin(
      PgExpressionDeParser d, List<Item> items, int depth, String key) {
    List<Nested> siblings = new ArrayList<>();
    for (Item item : items) {
      if (item instanceof Nested n) {
        siblings.add(n);
      }
    }
    if (siblings.isEmpty()) {
      return false;
    }
    Column parent = new Column(new net.sf.jsqlparser.schema.Table(rows(depth)), "v");
    d.a(" LEFT JOIN LATERAL (");
    for (int i = 0; i < siblings.size(); i++) {
      d.a(i > 0 ? " UNION ALL SELECT " : "SELECT ");
      for (int j = 0; j < siblings.size(); j++) {
        if (j == i) {
          selectList(d, siblings.get(j).items(), depth + 1);
        } else {
          boolean first = true;
          for (Field c : flatten(siblings.get(j).items())) {
            d.a(first ? "" : ", ").a("CAST(NULL AS ").a(c.pgType()).a(") AS ");
            d.a(Identifiers.pg(c.name()));
            first = false;
          }
        }
        d.a(", ");
      }
      d.a("ARRAY[").a(Integer.toString(i + 1)).a(", ").a(rows(depth + 1)).a(".o]");
      boolean inner = siblings.get(i).items().stream().anyMatch(Nested.class::isInstance);
      if (inner) {
        // NULL (the row of NULLs below) leaves the array as it is
        d.a(" || ").a(nests(depth + 1)).a(".").a(key);
      }
      d.a(" AS ").a(key).a(" FROM ");
      siblings.get(i).path().printRows(d, parent);
      d.a(" AS ").a(rows(depth + 1));
      nestedJoin(d, siblings.get(i).items(), depth + 1, key);
    }
    d.a(") AS ").a(nests(depth)).a(" ON true");
    return true;
  }

  /** A column's value from {@code dw_y.x} (the jsonb its path finds, NULL when none). */
  private static String conversion(Field c) {
    String x = "dw_y.x";
    String text = "(" + x + " #>> '{}')";
    return switch (c.kind()) {
      case EXISTS -> "CAST(CASE WHEN " + x + " IS NULL THEN 0 ELSE 1 END AS " + c.pgType() + ")";
      case JSON ->
          "CASE WHEN "
              + x
              + " IS NULL THEN "
              + c.onEmpty()
              + " WHEN jsonb_typeof("
              + x
              + ") = 'null' THEN NULL ELSE "
              + x
              + " END";
      case INTEGER ->
          inRange(c, x, integerValue(x, text), "dw_v.v BETWEEN " + c.low() + " AND " + c.high());
      case BIG_UNSIGNED ->
          // MySQL 9.7.4: a negative JSON integer is an error, but a negative DOUBLE or string
          // wraps (-1.5 is 2^64 - 2); a value from 2^63 is exact as a JSON integer, an error as a
          // DOUBLE. jsonb keeps neither difference (-1e0 reads as -1), so those fail the statement
          checked(
              c,
              x,
              integerValue(x, text),
              "dw_v.v < 18446744073709551616",
              "CASE WHEN dw_v.v BETWEEN 0 AND 9223372036854775807 THEN CAST(dw_v.v AS numeric(20,0))"
                  + " ELSE "
                  + fails("dw_v.x", "MySQL may wrap this value into BIGINT UNSIGNED", "numeric")
                  + " END");
      case DECIMAL -> {
        // MySQL holds a JSON number with a fraction (or an integer beyond 64 bits) as a DOUBLE and
        // converts it to DECIMAL through its shortest text (2.675 is 2.68): the text as written
        // when it has at most 15 significant digits; one with more fails the statement
        String number =
            "CASE jsonb_typeof("
                + x
                + ") WHEN 'number' THEN CASE WHEN "
                + text
                + " ~ '^-?[0-9]{1,18}$' OR "
                + fewDigits(text)
                + " THEN round(CAST("
                + x
                + " AS numeric), "
                + c.low()
                + ") ELSE "
                + otherDigits(x, "numeric")
                + " END WHEN 'string' THEN CASE WHEN "
                + text
                + " ~ '"
                + DECIMAL_STRING_SQL
                + "' THEN round(CAST("
                + text
                + " AS numeric), "
                + c.low()
                + ") END WHEN 'boolean' THEN CASE WHEN CAST("
                + x
                + " AS boolean) THEN 1 ELSE 0 END END";
        yield inRange(c, x, number, "abs(dw_v.v) < 1e" + (c.high() - c.low()));
      }
      case DOUBLE -> {
        // v: the exact value as numeric (MySQL's strtod and PostgreSQL's float8 cast both round it
        // correctly); "" is 0 in MySQL, white space alone an error
        String number =
            "CASE jsonb_typeof("
                + x
                + ") WHEN 'number' THEN CAST("
                + x
                + " AS numeric) WHEN 'string' THEN CASE WHEN "
                + text
                + " = '' THEN 0 WHEN "
                + text
                + " ~ '"
                + DOUBLE_STRING_SQL
                + "' THEN CAST(regexp_replace("
                + text
                + ", '^[ \\t\\n\\r\\f\\v]+', '') AS numeric) END WHEN 'boolean' THEN CASE WHEN"
                + " CAST("
                + x
                + " AS boolean) THEN 1 ELSE 0 END END";
        String minus =
            "(dw_v.v < 0 OR jsonb_typeof(dw_v.x) = 'string' AND (dw_v.x #>> '{}') ~ '^[ \\t\\n\\r\\f\\v]*-')";
        yield checked(
            c,
            x,
            number,
            // a string beyond the largest DOUBLE is an error; a number there fails (below)
            "abs(dw_v.v) < " + DOUBLE_OVERFLOW + " OR jsonb_typeof(dw_v.x) = 'number'",
            "CASE WHEN abs(dw_v.v) < 2.4703e-324 THEN CASE WHEN "
                + minus
                + " THEN CAST('-0' AS double precision) ELSE CAST(0 AS double precision) END WHEN"
                + " abs(dw_v.v) < 2.4704e-324 OR abs(dw_v.v) > 1.7976931348623157e308 THEN "
                + fails(
                    "dw_v.x",
                    "MySQL may round this number to the largest or smallest DOUBLE or reject it",
                    "double precision")
                + " ELSE CAST(dw_v.v AS double precision) END");
      }
      case TEXT -> {
        String s =
            "CASE jsonb_typeof("
                + x
                + ") WHEN 'string' THEN "
                + text
                + " WHEN 'boolean' THEN "
                + text
                + " WHEN 'number' THEN "
                + JsonFunctions.numberText(x)
                + " END";
        if (c.byteLimit()) {
          yield checked(c, x, s, "octet_length(dw_v.v) <= " + c.high(), "dw_v.v");
        }
        // MySQL cuts trailing spaces beyond the length without an error, and CHAR(n) keeps none
        boolean fixed = c.mysqlType().startsWith("char");
        yield checked(
            c,
            x,
            fixed ? "rtrim(" + s + ", ' ')" : s,
            "char_length(rtrim(dw_v.v, ' ')) <= " + c.high(),
            fixed ? "dw_v.v" : "left(dw_v.v, " + c.high() + ")");
      }
      case ORDINALITY -> throw new IllegalStateException("ordinality is not converted");
    };
  }

  /**
   * Whether a JSON number's text (plain notation, as jsonb prints it) has at most 15 significant
   * digits: a DOUBLE holds those exactly and prints them back as written.
   */
  private static String fewDigits(String text) {
    return "length(regexp_replace(" + text + ", '^-?0*[.]?0*|[.]|0+$', '', 'g')) <= 15";
  }

  /**
   * Fails the statement for the JSON number x with more than 15 significant digits, which MySQL
   * holds as a DOUBLE of other digits (its JSON parser may not even round it to the nearest one).
   */
  private static String otherDigits(String x, String type) {
    return fails(x, "MySQL reads this JSON number as a DOUBLE of other digits", type);
  }

  /** Fails the statement for a non-NULL x ({@link Functions#failsWhenNotNull}). */
  private static String fails(String x, String message, String type) {
    return Functions.failsWhenNotNull(x, "JSON_TABLE: " + message, type);
  }

  /**
   * A JSON value read as an integer, as MySQL reads it for an integer column: a number with a
   * fraction rounded half to even (through its DOUBLE; more than 15 significant digits fail the
   * statement), a string of digits with leading spaces and a sign, true/false 1/0; NULL for
   * anything else.
   */
  private static String integerValue(String x, String text) {
    return "CASE jsonb_typeof("
        + x
        + ") WHEN 'number' THEN CASE WHEN "
        + text
        + " LIKE '%.%' THEN CASE WHEN "
        + fewDigits(text)
        + " THEN CAST(round(CAST("
        + x
        + " AS double precision)) AS numeric) ELSE "
        + otherDigits(x, "numeric")
        + " END ELSE CAST("
        + x
        + " AS numeric) END WHEN 'string' THEN CASE WHEN "
        + text
        + " ~ '^ *[+-]?[0-9]+$' THEN CAST("
        + text
        + " AS numeric) END WHEN 'boolean' THEN CASE WHEN CAST("
        + x
        + " AS boolean) THEN 1 ELSE 0 END END";
  }

  /**
   * A number column's value: {@code number} (the value read as a number, NULL when it cannot be) in
   * the type's range, else the ON ERROR value.
   */
  private static String inRange(Field c, String x, String number, String range) {
    return checked(c, x, number, range, "CAST(dw_v.v AS " + c.pgType() + ")");
  }

  /**
   * A column's value from {@code x}: its ON EMPTY value when the path found nothing, NULL for JSON
   * null, else {@code result} where {@code value} (as {@code dw_v.v}) meets {@code condition} and
   * the ON ERROR value where it does not (or could not be read: NULL).
   */
  private static String checked(Field c, String x, String value, String condition, String result) {
    return "(SELECT CASE WHEN dw_v.x IS NULL THEN "
        + c.onEmpty()
        + " WHEN jsonb_typeof(dw_v.x) = 'null' THEN NULL WHEN "
        + condition
        + " THEN "
        + result
        + " ELSE "
        + c.onError()
        + " END FROM (SELECT "
        + x
        + " AS x, "
        + value
        + " AS v) AS dw_v)";
  }
}
