package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.name;
import static io.dualwrite.rewriter.Functions.params;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionExpression;
import net.sf.jsqlparser.expression.JsonKeyValuePair;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.schema.Column;

/**
 * MySQL JSON functions (JSON_EXTRACT, JSON_SET, JSON_OBJECT, ...) and operators printed for
 * PostgreSQL jsonb.
 */
final class JsonFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("JSON_EXTRACT", JsonFunctions::extract),
          Map.entry("JSON_SET", JsonFunctions::set),
          Map.entry("JSON_REPLACE", JsonFunctions::set),
          Map.entry("JSON_INSERT", JsonFunctions::set),
          Map.entry("JSON_CONTAINS_PATH", JsonFunctions::containsPath),
          Map.entry("JSON_TYPE", JsonFunctions::type),
          Map.entry("JSON_QUOTE", JsonFunctions::quote),
          Map.entry("JSON_LENGTH", JsonFunctions::length),
          Map.entry("JSON_CONTAINS", JsonFunctions::contains),
          Map.entry("JSON_KEYS", JsonFunctions::keys),
          Map.entry("JSON_UNQUOTE", JsonFunctions::unquote));

  private JsonFunctions() {}

  private static void extract(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (args.size() < 2) {
      throw RefusedException.function(n, "JSON_EXTRACT needs a document and a path.");
    }
    for (Expression a : args.subList(1, args.size())) {
      if (!(a instanceof StringValue)) {
        throw RefusedException.function(n, "JSON_EXTRACT needs literal paths.");
      }
    }
    if (args.size() == 2) {
      jsonPath(d, args.get(0), (StringValue) args.get(1), false);
      return;
    }
    for (Expression a : args.subList(1, args.size())) {
      // each path's values would have to be spliced into the one array
      MysqlJsonPath.parse(n, (StringValue) a);
    }
    // several paths: MySQL returns the array of the values found, in path order (NULL when
    // none is found)
    d.a("(SELECT jsonb_agg(v ORDER BY i) FROM (VALUES ");
    for (int i = 1; i < args.size(); i++) {
      d.a(i > 1 ? ", (" : "(").a(String.valueOf(i)).a(", ");
      jsonPath(d, args.get(0), (StringValue) args.get(i), false);
      d.a(")");
    }
    d.a(") AS dw_paths(i, v) WHERE v IS NOT NULL)");
  }

  /** JSON_SET, JSON_REPLACE (existing paths only), JSON_INSERT (missing paths only). */
  private static void set(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (args.size() < 3 || args.size() % 2 == 0) {
      throw RefusedException.function(n, n + " needs a document and path/value pairs.");
    }
    for (int i = 1; i < args.size(); i += 2) {
      if (args.get(i) instanceof StringValue p && MysqlJsonPath.parse(n, p).hasPosition()) {
        // an array position: MySQL wraps a value that is not an array there
        JsonDocumentFunctions.edit(d, n, args);
        return;
      }
    }
    jsonSet(d, n, args.get(0), args.subList(1, args.size()));
  }

  /**
   * JSON_CONTAINS_PATH(doc, 'one'|'all', path, ...): 1 when one (or all) of the paths finds a value
   * (JSON null counts), 0 otherwise, NULL for a NULL document or path. Each path is its value
   * ({@link MysqlJsonPath}) tested for SQL NULL; a wildcard path's array is NULL when it finds
   * nothing.
   */
  private static void containsPath(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, Integer.MAX_VALUE);
    String mode = oneOrAll(n, args.get(1));
    List<Expression> paths = args.subList(2, args.size());
    if (paths.stream().anyMatch(p -> p instanceof NullValue)) {
      d.a("CAST(NULL AS integer)");
      return;
    }
    for (Expression p : paths) {
      if (!(p instanceof StringValue)) {
        throw RefusedException.function(n, n + " needs literal paths.");
      }
    }
    Functions.repeatable(n, args.get(0));
    d.a("(CASE WHEN ");
    jsonDoc(d, args.get(0));
    d.a(" IS NULL THEN NULL ELSE CAST(");
    for (int i = 0; i < paths.size(); i++) {
      d.a(i == 0 ? "(" : mode.equals("one") ? " OR (" : " AND (");
      MysqlJsonPath.parseAllowingSeveral(n, (StringValue) paths.get(i))
          .print(d, args.get(0), false);
      d.a(" IS NOT NULL)");
    }
    d.a(" AS integer) END)");
  }

  /** The 'one' or 'all' argument of function {@code n}, in lower case; refused unless a literal. */
  static String oneOrAll(String n, Expression arg) {
    String mode =
        arg instanceof StringValue m
            ? MysqlLexer.decodeCanonical(m.getValue()).toLowerCase(java.util.Locale.ROOT)
            : "";
    if (!mode.equals("one") && !mode.equals("all")) {
      throw RefusedException.function(n, n + " needs 'one' or 'all' as a literal.");
    }
    return mode;
  }

  /**
   * JSON_TYPE(value): MySQL's type names. A number is DOUBLE when its text has a fraction or an
   * exponent, INTEGER within BIGINT's range, UNSIGNED INTEGER up to 2^64 - 1, DOUBLE beyond (as
   * MySQL parses JSON text). jsonb keeps a number's fraction ({@code 1.0}) but not an exponent
   * without one ({@code 1e2} is stored as 100), so such a number is INTEGER here, DOUBLE in MySQL.
   */
  private static void type(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("(SELECT CASE jsonb_typeof(dw_v) WHEN 'object' THEN 'OBJECT' WHEN 'array' THEN 'ARRAY'");
    d.a(" WHEN 'string' THEN 'STRING' WHEN 'boolean' THEN 'BOOLEAN' WHEN 'null' THEN 'NULL'");
    d.a(" WHEN 'number' THEN CASE WHEN CAST(dw_v AS text) ~ '[.eE]' THEN 'DOUBLE'");
    d.a(" WHEN CAST(dw_v AS numeric) BETWEEN -9223372036854775808 AND 9223372036854775807");
    d.a(" THEN 'INTEGER' WHEN CAST(dw_v AS numeric) BETWEEN 0 AND 18446744073709551615");
    d.a(" THEN 'UNSIGNED INTEGER' ELSE 'DOUBLE' END END FROM (SELECT ");
    jsonDoc(d, args.get(0));
    d.a(") AS dw_type(dw_v))");
  }

  /**
   * JSON_QUOTE(s): the string as a JSON string literal; both escape {@code "}, {@code \} and
   * control characters ({@code \n}, {@code \t}, {@code \u0001}) alike.
   */
  private static void quote(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("CAST(to_jsonb(CAST(");
    d.text(args.get(0));
    d.a(" AS text)) AS text)");
  }

  private static void length(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 2);
    // MySQL: an array's element count, an object's member count, 1 for a scalar, NULL for
    // NULL or a path that is not found
    d.a("(SELECT CASE jsonb_typeof(dw_doc) WHEN 'array' THEN jsonb_array_length(dw_doc)");
    d.a(" WHEN 'object' THEN CAST((SELECT count(*) FROM jsonb_object_keys(dw_doc)) AS int)");
    d.a(" ELSE 1 END FROM (SELECT ");
    docAtPath(d, n, args, 1);
    d.a(") AS dw_len(dw_doc) WHERE dw_doc IS NOT NULL)");
  }

  /**
   * JSON_CONTAINS(target, candidate[, path]) for a candidate written as a literal: MySQL's rules of
   * containment ({@link JsonContainment}) unrolled over the candidate's structure; 1 or 0, NULL for
   * a NULL document or a path not found. A bound candidate is refused: its structure is not known
   * when the statement is translated.
   */
  private static void contains(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 3);
    JsonContainment.Value candidate =
        args.get(1) instanceof StringValue s
                && (s.getPrefix() == null || s.getPrefix().isEmpty())
                && Literals.hexDigits(s) == null
            ? JsonContainment.parse(MysqlLexer.decodeCanonical(s.getValue()))
            : null;
    if (candidate == null) {
      throw RefusedException.function(
          n,
          "JSON_CONTAINS is translated for a candidate written as a JSON literal ('\"red\"', '[1,"
              + " 2]', '{\"a\": 1}'): a bound or computed candidate's structure, which MySQL's"
              + " containment rules follow, is not known when the statement is translated.");
    }
    d.a("(SELECT CAST(");
    JsonContainment.print(d.out(), "dw_t", candidate);
    d.a(" AS integer) FROM (SELECT ");
    docAtPath(d, n, args, 2);
    d.a(") AS dw_contains(dw_t) WHERE dw_t IS NOT NULL)");
  }

  /**
   * JSON_KEYS(doc[, path]): the keys of an object as a JSON array, [] for an empty one, NULL for
   * anything else or a path not found. MySQL orders the keys by length in bytes, then bytewise,
   * which is the order jsonb stores them in, so jsonb_object_keys gives them in MySQL's order.
   */
  private static void keys(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 2);
    d.a("(SELECT CASE WHEN jsonb_typeof(dw_doc) = 'object' THEN COALESCE((SELECT");
    d.a(" jsonb_agg(dw_k.k ORDER BY dw_k.i) FROM jsonb_object_keys(dw_doc) WITH ORDINALITY");
    d.a(" AS dw_k(k, i)), '[]'::jsonb) END FROM (SELECT ");
    docAtPath(d, n, args, 1);
    d.a(") AS dw_keys(dw_doc))");
  }

  /**
   * The document (argument 0) of function {@code n}, or the value at its optional path, argument
   * {@code pathAt}, which must be a literal.
   */
  private static void docAtPath(
      PgExpressionDeParser d, String n, List<Expression> args, int pathAt) {
    if (args.size() <= pathAt) {
      jsonDoc(d, args.get(0));
      return;
    }
    if (!(args.get(pathAt) instanceof StringValue path)) {
      throw RefusedException.function(n, n + " needs a literal path.");
    }
    MysqlJsonPath.parse(n, path).print(d, args.get(0), false);
  }

  private static void unquote(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (args.get(0) instanceof Function inner && name(inner).equals("JSON_EXTRACT")) {
      List<Expression> ia = params(inner);
      arity("JSON_EXTRACT", ia, 2, 2);
      if (ia.get(1) instanceof StringValue path) {
        jsonPath(d, ia.get(0), path, true);
        return;
      }
    }
    throw RefusedException.function(n, "JSON_UNQUOTE is translated only around JSON_EXTRACT.");
  }

  /**
   * The value at a path ({@link MysqlJsonPath}), as jsonb or unquoted text; a path with wildcards
   * or ranges gives the array of the values found.
   */
  static void jsonPath(
      PgExpressionDeParser d, Expression doc, StringValue pathLiteral, boolean text) {
    MysqlJsonPath.parseAllowingSeveral("JSON_EXTRACT", pathLiteral).print(d, doc, text);
  }

  /**
   * JSON_SET(doc, path, value, ...): each pair in turn replaces the value at path or adds it when
   * only the last member is missing; jsonb_set(..., create_missing => true) does the same. MySQL
   * ignores a path whose parent is not an object (an array or the document itself), where jsonb_set
   * raises an error: that case returns the document unchanged. A call with an array position in a
   * path is printed by {@link JsonDocumentFunctions#edit} (MySQL wraps a value that is not an array
   * there; jsonb_set does not).
   */
  private static void jsonSet(
      PgExpressionDeParser d, String n, Expression doc, List<Expression> pairs) {
    if (pairs.isEmpty()) {
      jsonDoc(d, doc);
      return;
    }
    if (!(pairs.get(pairs.size() - 2) instanceof StringValue pathLiteral)) {
      throw RefusedException.function(n, n + " needs literal paths.");
    }
    // set() sent a call with an array position to JsonDocumentFunctions.edit; parse() refuses
    // wildcards and ranges, so these are member steps only
    List<String> keys = MysqlJsonPath.parse(n, pathLiteral).membersOnly();
    if (keys.isEmpty()) {
      throw RefusedException.function(n, n + " of the whole document is not translated.");
    }
    d.a("(SELECT CASE WHEN jsonb_typeof(dw_doc) = 'object'");
    for (int i = 1; i < keys.size(); i++) {
      d.a(" AND jsonb_typeof(dw_doc #> ").a(pgPath(keys.subList(0, i)));
      d.a(") IS DISTINCT FROM 'array'");
    }
    if (n.equals("JSON_INSERT")) {
      // only where nothing is (a member holding JSON null is something)
      d.a(" AND dw_doc #> ").a(pgPath(keys)).a(" IS NULL");
    }
    // JSON_REPLACE: jsonb_set without create_missing changes only what is there
    d.a(" THEN jsonb_set(dw_doc, ").a(pgPath(keys)).a(", (jsonb_build_array(");
    jsonValue(d, pairs.get(pairs.size() - 1));
    d.a(") -> 0), ").a(n.equals("JSON_REPLACE") ? "false" : "true");
    d.a(") ELSE dw_doc END FROM (SELECT ");
    jsonSet(d, n, doc, pairs.subList(0, pairs.size() - 2));
    d.a(") AS dw_set(dw_doc))");
  }

  /**
   * {@code v MEMBER OF (doc)}: whether the JSON value of v is an element of the array doc (a scalar
   * doc is compared as a one-element array), NULL when either is NULL (a missing path included).
   * MySQL converts v to a JSON scalar (a string is a JSON string, never parsed: '2' is not a member
   * of [1, 2]), and compares JSON values (2.0 equals 2). v must be a number or string literal, or
   * NULL: TRUE is JSON true for MySQL but 1 for the rewriter, and an array or object v would need
   * exact array equality where jsonb containment is partial.
   */
  static void memberOf(
      PgExpressionDeParser d,
      net.sf.jsqlparser.expression.operators.relational.MemberOfExpression m) {
    Expression v = m.getLeftExpression();
    Expression doc = m.getRightExpression();
    if (doc instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      doc = (Expression) list.get(0);
    }
    if (v instanceof NullValue) {
      d.a("CAST(NULL AS boolean)");
      return;
    }
    if (!isJsonComparable(v) || v instanceof JdbcParameter) {
      throw RefusedException.syntax(
          "member-of",
          "MEMBER OF is translated for a number or string literal on its left: MySQL reads TRUE"
              + " as JSON true, a column or parameter by its type, and an array or object needs"
              + " exact array equality.");
    }
    StringBuilder out = d.out();
    int start = out.length();
    jsonOperand(d, v);
    String value = out.substring(start);
    out.setLength(start);
    jsonDoc(d, doc);
    String document = out.substring(start);
    out.setLength(start);
    d.a("CASE WHEN ").a(document).a(" IS NULL THEN NULL WHEN jsonb_typeof(").a(document);
    d.a(") = 'array' THEN ").a(document).a(" @> jsonb_build_array(").a(value);
    d.a(") ELSE ").a(document).a(" = ").a(value).a(" END");
  }

  /**
   * A JSON document operand: a column as is (jsonb), unless the catalog knows it is not JSON;
   * anything else cast (MySQL parses text).
   */
  static void jsonDoc(PgExpressionDeParser d, Expression doc) {
    Optional<ColumnInfo> known = d.columnInfo(doc);
    if (doc instanceof Column
        && (known.isEmpty() || TypeMapping.baseType(known.get().mysqlType()).equals("json"))) {
      d.p(doc);
    } else {
      d.a("CAST(");
      d.value(doc);
      d.a(" AS jsonb)");
    }
  }

  /**
   * The SQL of a jsonb number {@code v} (repeatable SQL text: it is printed several times) as MySQL
   * prints it unquoted (->>, JSON_VALUE, JSON_TABLE's text columns): an integer within BIGINT or
   * BIGINT UNSIGNED as written; any other number is a DOUBLE in MySQL, printed with the shortest
   * digits that read back as it (the nearest such when there are several: dtoa's mode 0) in MySQL's
   * notation: plain from 1e-15 up to 1e15 and up to 17 digits, a ".0" after an integral value
   * ({@code 19.90} is 19.9, {@code 1.0} is 1.0), else {@code 1e-16}, {@code 1.2345678901234568e20}.
   *
   * <ul>
   *   <li>A number of at most 16 characters (jsonb prints a number plain, as written) is an integer
   *       MySQL prints as written, or a fraction of at most 15 digits from 1e-14 up, its own
   *       shortest form: its text without trailing zeros. Most numbers take this path: a few string
   *       functions, no regular expression (SUM(LENGTH(j->>'$.p')) over 200,000 such values took
   *       133 ms on PostgreSQL 15, against 31 ms for #>> alone).
   *   <li>Any other: PostgreSQL's float8 text is not always the shortest digits (its Ryu leaves out
   *       an interval's bounds: {@code 1e23} prints 9.999999999999999e+22 there), so they are the
   *       value's rounding to 15, 16 or 17 significant digits ({@code to_char(..., '9.99...EEEE')},
   *       printf's exact rounding of the binary value), the first that reads back as the same
   *       float8 (one of 15 or fewer digits is the 15-digit rounding without its trailing zeros:
   *       two 15-digit decimals are further apart than a DOUBLE's rounding interval).
   *   <li>A subnormal DOUBLE has fewer digits than that: it fails the statement (22P02), so MySQL
   *       answers.
   * </ul>
   *
   * jsonb keeps no exponent and no minus on a zero: {@code 1e2} prints 100 (MySQL 100.0) and {@code
   * -0.0} 0.0. No subquery: the expression also serves in a CHECK.
   */
  static String numberText(String v) {
    String text = "(" + v + " #>> '{}')";
    String f = "CAST(" + v + " AS double precision)";
    StringBuilder c = new StringBuilder("CASE");
    for (int digits = 15; digits <= 16; digits++) {
      String format = "'9." + "9".repeat(digits - 1) + "EEEE'";
      c.append(" WHEN ").append(readsBack(f, format)).append(" THEN to_char(").append(f);
      c.append(", ").append(format).append(")");
    }
    c.append(" ELSE to_char(").append(f).append(", '9.9999999999999999EEEE') END");
    // c: " 1.00000000000000e+23"; plain when the decimal exponent is -15 to 14, or 15 with 17
    // digits: c's exact decimal without trailing zeros, ".0" after an integral value
    String trimmed = "rtrim(" + text + ", '0')";
    // jsonb prints a number as numeric does: plain, -?[0-9]+([.][0-9]+)?
    return "CASE WHEN length("
        + text
        + ") <= 16 THEN CASE WHEN strpos("
        + text
        + ", '.') = 0 THEN "
        + text
        + " WHEN right("
        + trimmed
        + ", 1) = '.' THEN "
        + trimmed
        + " || '0' ELSE "
        + trimmed
        + " END WHEN strpos("
        + text
        + ", '.') = 0 AND CAST("
        + v
        + " AS numeric) BETWEEN -9223372036854775808 AND 18446744073709551615 THEN "
        + text
        + " WHEN "
        + f
        + " <> 0 AND abs("
        + f
        + ") < 2.2250738585072014e-308 THEN "
        + Functions.failsWhenNotNull(
            v, "JSON: MySQL prints this subnormal DOUBLE with its own digits", "text")
        + " WHEN "
        + c
        + " ~ 'e(-(0[0-9]|1[0-5])|[+](0[0-9]|1[0-4]))$|^[ +-]*[0-9][.][0-9]{15}[1-9]e[+]15$' THEN "
        + withoutTrailingZeros("CAST(CAST(" + c + " AS numeric) AS text)")
        + " ELSE regexp_replace(regexp_replace("
        + c
        + ", '^[ +]*(-?[0-9])(?:[.]([0-9]*[1-9]))?[.]?0*e[+]?(-?)0*([0-9]+)$', '\\1.\\2e\\3\\4'),"
        + " '[.]e', 'e') END";
  }

  /** A plain decimal's text without trailing zeros in its fraction, ".0" after an integral one. */
  private static String withoutTrailingZeros(String plain) {
    return "regexp_replace(regexp_replace("
        + plain
        + ", '([.][0-9]*[1-9])0+$|[.]0+$', '\\1'), '^(-?[0-9]+)$', '\\1.0')";
  }

  /**
   * Whether the float8 f rounded by to_char to the format's significant digits reads back as f; a
   * value beyond the largest float8 does not (checked before the cast back, which would fail).
   */
  private static String readsBack(String f, String format) {
    String e = "to_char(" + f + ", " + format + ")";
    return "CASE WHEN abs(CAST("
        + e
        + " AS numeric)) > 1.7976931348623157e308 THEN false ELSE CAST("
        + e
        + " AS double precision) = "
        + f
        + " END";
  }

  /**
   * A jsonb value {@code v} (repeatable SQL text) as MySQL's unquoted text: a string's text, a
   * number as {@link #numberText}, any other value's JSON text.
   */
  static String unquotedText(String v) {
    return "CASE WHEN jsonb_typeof("
        + v
        + ") = 'number' THEN "
        + numberText(v)
        + " ELSE "
        + v
        + " #>> '{}' END";
  }

  /** A PostgreSQL text[] path literal, e.g. '{a,0}'. */
  static String pgPath(List<String> keys) {
    StringBuilder b = new StringBuilder("'{");
    for (int k = 0; k < keys.size(); k++) {
      if (k > 0) {
        b.append(",");
      }
      String key = keys.get(k);
      boolean quote = !key.matches("[A-Za-z0-9_]+");
      b.append(
          quote
              ? "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "''") + "\""
              : key);
    }
    return b.append("}'").toString();
  }

  static void json(PgExpressionDeParser d, JsonFunction j) {
    switch (j.getType()) {
      case MYSQL_OBJECT, OBJECT, POSTGRES_OBJECT -> {
        d.a("jsonb_build_object(");
        boolean first = true;
        for (JsonKeyValuePair kv : j.getKeyValuePairs()) {
          if (!first) {
            d.a(", ");
          }
          first = false;
          jsonArg(d, kv.getKey());
          d.a(", ");
          if (kv.getValue() instanceof Expression value) {
            jsonValue(d, value);
          } else {
            jsonArg(d, kv.getValue());
          }
        }
        d.a(")");
      }
      case ARRAY -> {
        d.a("jsonb_build_array(");
        boolean first = true;
        for (JsonFunctionExpression e : j.getExpressions()) {
          if (!first) {
            d.a(", ");
          }
          first = false;
          if (e.isUsingFormatJson()) {
            throw PgExpressionDeParser.refuseNode(j, "FORMAT JSON");
          }
          jsonValue(d, e.getExpression());
        }
        d.a(")");
      }
      default -> throw PgExpressionDeParser.refuseNode(j, j.getType().name());
    }
  }

  /**
   * A value put into JSON the way MySQL 8 puts it: TRUE/FALSE and conditions are JSON booleans (not
   * 1/0), a DATETIME/TIMESTAMP is the string 'YYYY-MM-DD hh:mm:ss.ffffff' and a TIME
   * 'hh:mm:ss.ffffff' (PostgreSQL writes ISO 8601 with a T and trims the fraction).
   */
  static void jsonValue(PgExpressionDeParser d, Expression e) {
    if (e instanceof JdbcParameter) {
      jsonBind(d, e);
      return;
    }
    if (isBooleanLiteral(e)) {
      d.a(booleanValue(e) ? "TRUE" : "FALSE");
      return;
    }
    if (PgExpressionDeParser.isBoolean(e)) {
      d.a("(");
      d.cond(e);
      d.a(")");
      return;
    }
    d.refuseBitAsString(e); // MySQL's JSON of a BIT is base64 of its bytes
    var c = d.columnInfo(e);
    String base = c.map(ci -> TypeMapping.baseType(ci.mysqlType())).orElse("");
    if (e instanceof Function f && DurationFunctions.isTimeOfDayResult(d, f)) {
      base = "time"; // ADDTIME(time_col, ...)
    } else if (e instanceof Function f && DurationFunctions.DATETIME_VALUED.contains(name(f))) {
      base = "datetime"; // TIMESTAMP(), CONVERT_TZ(), ADDTIME() ...: a PostgreSQL timestamp
    } else if (e instanceof Function f && f.getName() != null && name(f).equals("TIMEDIFF")) {
      base = "time"; // MySQL's JSON prints a TIME with six digits
    }
    if (base.equals("datetime") || base.equals("timestamp") || base.equals("time")) {
      d.a("to_char(");
      d.p(e);
      d.a(base.equals("time") ? ", 'HH24:MI:SS.US')" : ", 'YYYY-MM-DD HH24:MI:SS.US')");
      return;
    }
    d.value(e);
  }

  /**
   * A bound value put into JSON: its JSON type follows the type the driver binds, as in MySQL
   * (setInt/setLong/setBigDecimal/setDouble give a number, setString a string, a null JSON null).
   * {@code ARRAY[?]} lets PostgreSQL type the parameter: a typed bind keeps its type, an untyped
   * one (pgjdbc sends strings unspecified) resolves to text, where jsonb_build_* and to_jsonb alone
   * cannot type it (42P18). Connector/J sends setBoolean as 1/0, so a JSON boolean becomes that
   * number. Documented difference: a bound date-time is written as PostgreSQL's ISO text (with a
   * T).
   */
  static void jsonBind(PgExpressionDeParser d, Expression param) {
    d.a(
        "(SELECT CASE jsonb_typeof(v) WHEN 'boolean' THEN to_jsonb(CAST(CAST(v AS boolean) AS int))");
    d.a(" ELSE v END FROM (SELECT to_jsonb(ARRAY[");
    d.p(param);
    d.a("]) -> 0) AS dw_json(v))");
  }

  private static void jsonArg(PgExpressionDeParser d, Object o) {
    if (o instanceof Expression e) {
      if (e instanceof JdbcParameter) {
        d.a("CAST(");
        d.p(e);
        d.a(" AS text)");
      } else {
        d.value(e);
      }
    } else if (o instanceof String s) {
      String t = s.trim();
      if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
        d.a("'").a(MysqlLexer.decodeCanonical(t.substring(1, t.length() - 1)).replace("'", "''"));
        d.a("'");
      } else {
        throw RefusedException.function(
            "JSON_OBJECT", "Unsupported JSON_OBJECT argument " + s + ".");
      }
    } else {
      throw RefusedException.function("JSON_OBJECT", "Unsupported JSON_OBJECT argument " + o + ".");
    }
  }

  /** True when e is a JSON value: JSON_EXTRACT(...), col->'$.x', or a JSON column. */
  static boolean isJsonValued(PgExpressionDeParser d, Expression e) {
    if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return isJsonValued(d, (Expression) list.get(0));
    }
    if (e instanceof Function f
        && f.getMultipartName() != null
        && f.getMultipartName().size() == 1
        && PgExpressionDeParser.upper(f.getName()).equals("JSON_EXTRACT")) {
      return true;
    }
    if (e instanceof JsonExpression j
        && j.getIdentList().size() == 1
        && "->".equals(j.getIdentList().get(0).getValue())) {
      return true;
    }
    Optional<ColumnInfo> c = d.columnInfo(e);
    return c.isPresent() && TypeMapping.baseType(c.get().mysqlType()).equals("json");
  }

  /** JSON_ARRAY(...) or JSON_OBJECT(...): a JSON value. */
  static boolean isJsonConstructor(Expression e) {
    if (e instanceof net.sf.jsqlparser.expression.JsonFunction) {
      return true;
    }
    return e instanceof Function f
        && f.getName() != null
        && Set.of("JSON_ARRAY", "JSON_OBJECT").contains(name(f));
  }

  /**
   * A JSON value unquoted to text: {@code doc->>'$.x'} or {@code JSON_UNQUOTE(...)}. MySQL reads
   * such a string as a number where a number is wanted ({@link StringNumbers}): {@code 12} as 12,
   * {@code 17.2} as 17.2, {@code true} and JSON's {@code null} (the text "null") as 0.
   */
  static boolean isUnquotedJson(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return isUnquotedJson((Expression) list.get(0));
    }
    if (e instanceof Function f
        && f.getMultipartName() != null
        && f.getMultipartName().size() == 1
        && PgExpressionDeParser.upper(f.getName()).equals("JSON_UNQUOTE")) {
      return true;
    }
    return e instanceof JsonExpression j
        && j.getIdentList().size() == 1
        && "->>".equals(j.getIdentList().get(0).getValue());
  }

  /**
   * A number or string literal, or a parameter, compared for equality with a JSON value: MySQL
   * converts it to a JSON scalar and compares JSON values (a JSON number 5 equals 5 and 5.0, a JSON
   * string "5" does not equal 5; a string is not parsed as JSON). jsonb has no operators against
   * integer or text, so the operand becomes the jsonb scalar. Ordering comparisons are left alone:
   * MySQL ranks a JSON string above a number, PostgreSQL below.
   */
  static boolean isJsonComparable(Expression e) {
    if (e instanceof SignedExpression s) {
      e = s.getExpression();
    }
    return e instanceof LongValue
        || e instanceof DoubleValue
        || e instanceof JdbcParameter
        || (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty()));
  }

  /** TRUE or FALSE as written (JSqlParser reads them as a value or as a bare column name). */
  static boolean isBooleanLiteral(Expression e) {
    return e instanceof net.sf.jsqlparser.expression.BooleanValue
        || (e instanceof Column c
            && c.getTable() == null
            && Set.of("TRUE", "FALSE").contains(PgExpressionDeParser.upper(c.getColumnName())));
  }

  /** TRUE or FALSE ({@link #isBooleanLiteral}) as the JSON boolean MySQL makes of it. */
  static void jsonBoolean(PgExpressionDeParser d, Expression e) {
    d.a(booleanValue(e) ? "'true'::jsonb" : "'false'::jsonb");
  }

  private static boolean booleanValue(Expression e) {
    return e instanceof net.sf.jsqlparser.expression.BooleanValue b
        ? b.getValue()
        : PgExpressionDeParser.upper(((Column) e).getColumnName()).equals("TRUE");
  }

  /** A number written in the statement, signed or not. */
  static boolean isNumberLiteral(Expression e) {
    if (e instanceof SignedExpression s) {
      e = s.getExpression();
    }
    return e instanceof LongValue || e instanceof DoubleValue;
  }

  /** JSON types in MySQL's order of precedence for comparing values of different types. */
  private static final List<String> JSON_TYPE_RANKS =
      List.of("null", "number", "string", "object", "array", "boolean");

  /** A string written in the statement without a character set introducer. */
  static boolean isStringLiteral(Expression e) {
    return e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty());
  }

  /**
   * A JSON value ordered ({@code <, <=, >, >=}) against a number or string literal. MySQL makes the
   * literal a JSON scalar (a number, or a string: not parsed as JSON) and compares JSON values:
   * against a JSON value of the literal's own type numerically or by the bytes of the strings
   * (case-sensitive, UTF-8 order: {@code "B" < "a"}), otherwise by the precedence of JSON types
   * (null below numbers, then string, object, array and boolean), so {@code '"5"' > 400}, {@code 5
   * < 'a'} and {@code 5 > '4'} is false. A path not found (SQL NULL) gives NULL. The value is
   * evaluated once, in a scalar subquery. Refused against anything else that is not JSON (a
   * parameter, a column): which JSON type MySQL makes of it depends on its SQL type, or, for a
   * parameter, on the value bound.
   */
  static void orderedAgainstScalar(
      PgExpressionDeParser d,
      ComparisonOperator c,
      Expression json,
      Expression scalar,
      String op,
      boolean jsonLeft) {
    String type;
    String same;
    if (isNumberLiteral(scalar)) {
      type = "number";
      same = "CAST(dw_j AS numeric)";
    } else if (isStringLiteral(scalar)) {
      type = "string";
      same = "(dw_j #>> '{}') COLLATE \"C\"";
    } else {
      throw RefusedException.syntax(
          "json-ordered",
          "A JSON value ordered against "
              + (scalar instanceof JdbcParameter ? "a parameter" : "a non-literal")
              + " ("
              + c
              + "): MySQL compares it as the JSON type its SQL type or bound value"
              + " makes, which the translation cannot know; only number and string literals are"
              + " translated.");
    }
    int typeRank = JSON_TYPE_RANKS.indexOf(type);
    d.a("(SELECT CASE jsonb_typeof(dw_j) WHEN '").a(type).a("' THEN ");
    if (jsonLeft) {
      d.a(same).a(op);
      d.value(scalar);
    } else {
      d.value(scalar);
      d.a(op).a(same);
    }
    for (int rank = 0; rank < JSON_TYPE_RANKS.size(); rank++) {
      if (rank == typeRank) {
        continue;
      }
      int cmp = jsonLeft ? Integer.compare(rank, typeRank) : Integer.compare(typeRank, rank);
      boolean holds =
          switch (op.trim()) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw new IllegalArgumentException(op);
          };
      d.a(" WHEN '").a(JSON_TYPE_RANKS.get(rank)).a("' THEN ").a(holds ? "TRUE" : "FALSE");
    }
    d.a(" END FROM (SELECT ");
    d.value(json);
    d.a(") AS dw_cmp(dw_j))");
  }

  static void jsonOperand(PgExpressionDeParser d, Expression e) {
    if (isJsonValued(d, e) || !isJsonComparable(e)) {
      d.value(e);
    } else if (e instanceof JdbcParameter) {
      JsonFunctions.jsonBind(d, e);
    } else if (e instanceof StringValue) {
      d.a("to_jsonb(CAST(");
      d.value(e);
      d.a(" AS text))");
    } else {
      d.a("to_jsonb(");
      d.value(e);
      d.a(")");
    }
  }

  /**
   * JSON_ARRAYAGG(v) -> {@code jsonb_agg(v)}, JSON_OBJECTAGG(k, v) -> {@code jsonb_object_agg(k,
   * v)}: NULL over no rows, a SQL NULL value becomes JSON null, a later duplicate key wins, and the
   * order of the elements is the order the rows are aggregated in, which neither database defines
   * (MySQL's aggregates take no ORDER BY). Each value takes its JSON form as in JSON_ARRAY ({@link
   * #jsonValue}: conditions as JSON booleans, DATETIME/TIME as MySQL prints them, JSON values
   * embedded). Refused: a value whose MySQL JSON form differs from PostgreSQL's (binary strings are
   * "base64:type..." in MySQL, FLOAT/DOUBLE are printed from their double value), a key that is not
   * a string or an integer (MySQL's text of a date-time or a decimal key may differ), and the
   * windowed form.
   */
  static void aggregate(
      PgExpressionDeParser d, net.sf.jsqlparser.expression.JsonAggregateFunction f) {
    boolean array = f.getType() == net.sf.jsqlparser.expression.JsonFunctionType.ARRAY;
    String name = array ? "JSON_ARRAYAGG" : "JSON_OBJECTAGG";
    if ((f.getAnalyticType() != null
            && f.getAnalyticType() != net.sf.jsqlparser.expression.AnalyticType.FILTER_ONLY)
        || f.getFilterExpression() != null
        || f.getOnNullType() != null
        || f.getUniqueKeysType() != null
        || f.isUsingFormatJson()
        || (f.getExpressionOrderByElements() != null
            && !f.getExpressionOrderByElements().isEmpty())) {
      throw RefusedException.function(
          name, name + " is translated only as a plain aggregate (no OVER, FILTER or ORDER BY).");
    }
    if (array) {
      Expression value = f.getExpression();
      aggregatedValue(d, name, value);
      // jsonb_build_array(v) -> 0: v's JSON form, also for an untyped literal or NULL (which
      // jsonb_agg's anyelement cannot take)
      d.a("jsonb_agg(jsonb_build_array(");
      jsonValue(d, value);
      d.a(") -> 0)");
      return;
    }
    Object rawKey = f.getKey();
    if (rawKey instanceof String text && text.length() >= 2 && text.startsWith("'")) {
      rawKey = new StringValue(text); // JSqlParser keeps a literal key as its text
    }
    if (!(rawKey instanceof Expression key) || !(f.getValue() instanceof Expression value)) {
      throw RefusedException.function(
          name, "JSON_OBJECTAGG is translated for a column or literal key and value.");
    }
    String keyType =
        key instanceof StringValue
            ? "varchar"
            : d.columnInfo(key).map(c -> TypeMapping.baseType(c.mysqlType())).orElse("");
    if (!Set.of(
            "char",
            "varchar",
            "tinytext",
            "text",
            "mediumtext",
            "longtext",
            "tinyint",
            "smallint",
            "mediumint",
            "int",
            "integer",
            "bigint")
        .contains(keyType)) {
      throw RefusedException.function(
          name,
          "JSON_OBJECTAGG is translated for a string or integer key (a column or a literal), not "
              + key
              + ".");
    }
    aggregatedValue(d, name, value);
    d.a("jsonb_object_agg(");
    d.value(key);
    d.a(", jsonb_build_array(");
    jsonValue(d, value);
    d.a(") -> 0)");
  }

  /** Refuses an aggregated value whose JSON form differs between MySQL and PostgreSQL. */
  private static void aggregatedValue(PgExpressionDeParser d, String name, Expression value) {
    String base = d.columnInfo(value).map(c -> TypeMapping.baseType(c.mysqlType())).orElse("");
    if (Set.of(
            "binary",
            "varbinary",
            "tinyblob",
            "blob",
            "mediumblob",
            "longblob",
            "bit",
            "float",
            "double",
            "real")
        .contains(base)) {
      throw RefusedException.function(
          name,
          name
              + " of a "
              + base.toUpperCase(java.util.Locale.ROOT)
              + " column is not translated: MySQL's JSON form of it differs from PostgreSQL's.");
    }
    if (!(value instanceof Column
        || isJsonConstructor(value)
        || isJsonValued(d, value)
        || value instanceof StringValue
        || value instanceof LongValue
        || value instanceof NullValue
        || PgExpressionDeParser.isBoolean(value))) {
      throw RefusedException.function(
          name, name + " is translated for a column, a literal or a condition, not " + value + ".");
    }
  }

  static void arrowOperator(PgExpressionDeParser d, JsonExpression j) {
    // a->'$.x' / a->>'$.x': JSqlParser collects the operator chain
    if (j.getIdentList().size() != 1) {
      throw PgExpressionDeParser.refuseNode(j, "chained JSON operators");
    }
    var entry = j.getIdentList().get(0);
    String op = entry.getValue();
    if (!(entry.getKey() instanceof StringValue path)) {
      throw PgExpressionDeParser.refuseNode(j, "JSON operator with a non-literal path");
    }
    JsonFunctions.jsonPath(d, j.getExpression(), path, op.equals("->>"));
  }
}
