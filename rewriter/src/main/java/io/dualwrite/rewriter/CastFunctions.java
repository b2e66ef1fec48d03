package io.dualwrite.rewriter;

import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * MySQL CAST and CONVERT (and the typed literals DATE '...', TIMESTAMP '...', TIME '...') printed
 * for PostgreSQL with MySQL's conversion rules, or refused.
 */
final class CastFunctions {

  private CastFunctions() {}

  static void castExpression(PgExpressionDeParser d, CastExpression c) {
    if (c.isImplicitCast()) {
      typedLiteral(d, c);
      return;
    }
    if (!c.isUseCastKeyword() && !PgExpressionDeParser.upper(c.keyword).equals("CONVERT")) {
      throw PgExpressionDeParser.refuseNode(c, "::cast");
    }
    cast(d, c.getLeftExpression(), c.getColDataType());
  }

  static final java.util.regex.Pattern DATE_LITERAL =
      java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}");

  static final java.util.regex.Pattern TIMESTAMP_LITERAL =
      java.util.regex.Pattern.compile(
          "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2} [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]{1,6})?");

  static final java.util.regex.Pattern TIME_LITERAL =
      java.util.regex.Pattern.compile(
          "([01]?[0-9]|2[0-3]):[0-5]?[0-9](:[0-5]?[0-9](\\.[0-9]{1,6})?)?");

  /**
   * The SQL-standard typed literals DATE '...', TIMESTAMP '...' (a DATETIME in MySQL) and TIME
   * '...': printed as the same PostgreSQL literals when the text has the standard form both read
   * alike; other forms (MySQL's relaxed delimiters, TIME beyond a day, time zone offsets) are
   * refused.
   */
  static void typedLiteral(PgExpressionDeParser d, CastExpression c) {
    String type = PgExpressionDeParser.upper(c.getColDataType().getDataType());
    java.util.regex.Pattern shape =
        switch (type) {
          case "DATE" -> DATE_LITERAL;
          case "TIMESTAMP" -> TIMESTAMP_LITERAL;
          case "TIME" -> TIME_LITERAL;
          default -> null;
        };
    if (type.equals("BINARY") && c.getColDataType().getArgumentsStringList() == null) {
      // BINARY x: the operator form of CAST(x AS BINARY)
      binary(d, c.getLeftExpression());
      return;
    }
    if (shape == null
        || c.getColDataType().getArgumentsStringList() != null
        || !(c.getLeftExpression() instanceof StringValue s)
        || (s.getPrefix() != null && !s.getPrefix().isEmpty())) {
      throw PgExpressionDeParser.refuseNode(c, "typed literal");
    }
    String v = MysqlLexer.decodeCanonical(s.getValue());
    if (!shape.matcher(v).matches()) {
      throw RefusedException.syntax(
          "literal:" + type,
          "The literal "
              + type
              + " '"
              + v
              + "' is not in the standard form (YYYY-MM-DD, hh:mm:ss) both databases read alike.");
    }
    d.a(type).a(" '").a(v).a("'");
  }

  static void cast(PgExpressionDeParser d, Expression e, ColDataType type) {
    String target = TypeMapping.castTarget(type);
    if (target.equals("bytea")
        || target.equals("text")
        || target.startsWith("varchar")
        || target.equals("jsonb")) {
      d.refuseBitAsString(e); // a BIT as a string (or JSON) is its bytes
    }
    if (target.equals("bytea")) {
      binary(d, e);
      return;
    }
    boolean timediff = DurationFunctions.timediffDigits(d, e) > 0;
    if (target.startsWith("varchar(")) {
      // CAST(x AS CHAR(n)): the first n characters, typed text like every other string here, so
      // that a recursive CTE's CONCAT(path, ...) has its anchor's type (varchar(n) vs text fails)
      d.a("left(");
      if (timediff) {
        d.text(e);
      } else {
        d.a("CAST(");
        d.value(e);
        d.a(" AS text)");
      }
      d.a(", ").a(target.substring("varchar(".length(), target.length() - 1)).a(")");
      return;
    }
    if (timediff && (target.equals("text") || target.startsWith("varchar"))) {
      d.text(e); // a TIME(n) with its n digits, as MySQL prints it
      return;
    }
    if (TypeMapping.isUnsignedInteger(type)) {
      unsigned(d, e);
      return;
    }
    if (target.equals("bigint")
        && !d.ctx.inWrite
        && PgExpressionDeParser.upper(type.getDataType()).startsWith("SIGNED")
        && isPlainString(e)) {
      signedPrefix(d, MysqlLexer.decodeCanonical(((StringValue) e).getValue()));
      return;
    }
    if (target.equals("bigint")
        && !d.ctx.inWrite
        && PgExpressionDeParser.upper(type.getDataType()).startsWith("SIGNED")
        && StringNumbers.isStringValue(d, e)) {
      integerPrefix(d, e);
      return;
    }
    d.a("CAST(");
    d.value(e);
    d.a(" AS ").a(target).a(")");
  }

  private static boolean isPlainString(Expression e) {
    return e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty());
  }

  /**
   * CAST(x AS UNSIGNED): the value as a signed BIGINT (rounded as CAST AS SIGNED rounds: a DECIMAL
   * half away from zero, a DOUBLE half to even, in both databases), then, when negative, wrapped
   * around 2^64 as MySQL does (-1 is 18446744073709551615), as a numeric. A value at or above 2^63
   * fails on PostgreSQL (bigint out of range) where MySQL keeps it. The value is read once and in
   * place, {@code mod(v + 2^64, 2^64)}: in a subquery, an aggregate without columns (COUNT(*)) or a
   * window function would count the subquery's one row.
   */
  private static void unsigned(PgExpressionDeParser d, Expression e) {
    d.a("mod(CAST(");
    if (!d.ctx.inWrite && isPlainString(e)) {
      signedPrefix(d, MysqlLexer.decodeCanonical(((StringValue) e).getValue()));
    } else if (!d.ctx.inWrite && StringNumbers.isStringValue(d, e)) {
      integerPrefix(d, e);
    } else {
      d.a("CAST(");
      d.value(e);
      d.a(" AS bigint)");
    }
    d.a(" AS numeric) + 18446744073709551616, 18446744073709551616)");
  }

  /** {@code BINARY x} or {@code CAST(x AS BINARY)} (no length). */
  static boolean isBinaryCast(Expression e) {
    return e instanceof CastExpression c
        && c.getColDataType() != null
        && PgExpressionDeParser.upper(c.getColDataType().getDataType()).equals("BINARY")
        && c.getColDataType().getArgumentsStringList() == null;
  }

  /**
   * CAST(x AS BINARY) and BINARY x: the bytes of MySQL's text of x (UTF-8), compared and ordered
   * byte by byte, case and trailing spaces significant, as a bytea is. A binary value stays itself.
   * Not PostgreSQL's CAST(text AS bytea), which reads backslashes as escapes and a leading \x as
   * hex digits.
   */
  static void binary(PgExpressionDeParser d, Expression e) {
    if (Literals.isBinaryValue(d, e)) {
      d.p(e);
      return;
    }
    if (e instanceof net.sf.jsqlparser.expression.JdbcParameter
        || e instanceof net.sf.jsqlparser.expression.JdbcNamedParameter) {
      // a bound value: bytes bound with setBytes are a bytea already, a string is read as one
      d.a("CAST(");
      d.value(e);
      d.a(" AS bytea)");
      return;
    }
    d.a("convert_to(");
    d.text(e);
    d.a(", 'UTF8')");
  }

  /**
   * CAST('12abc' AS SIGNED) in a query: MySQL takes the leading integer (0 when there is none) with
   * a warning, PostgreSQL raises an error; the literal's value is computed here. A prefix followed
   * by a decimal point or exponent is refused (MySQL's reading depends on the release). In a write
   * MySQL's strict mode makes it an error, as on PostgreSQL, so writes keep the cast.
   */
  static void signedPrefix(PgExpressionDeParser d, String v) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\s*([-+]?[0-9]+)(.*)", java.util.regex.Pattern.DOTALL)
            .matcher(v);
    if (!m.matches()) {
      if (v.trim().isEmpty() || !v.trim().matches("[-+]?[0-9.].*")) {
        d.a("CAST(0 AS bigint)");
        return;
      }
      throw RefusedException.syntax(
          "cast-signed", "CAST('" + v + "' AS SIGNED) depends on MySQL's number parsing.");
    }
    String rest = m.group(2);
    if (!rest.isEmpty()
        && (rest.charAt(0) == '.' || rest.charAt(0) == 'e' || rest.charAt(0) == 'E')) {
      throw RefusedException.syntax(
          "cast-signed", "CAST('" + v + "' AS SIGNED) depends on MySQL's number parsing.");
    }
    java.math.BigInteger n = new java.math.BigInteger(m.group(1).replace("+", ""));
    if (n.bitLength() > 63) {
      throw RefusedException.syntax(
          "cast-signed", "CAST('" + v + "' AS SIGNED) is out of the BIGINT range.");
    }
    d.a("CAST(").a(n.toString()).a(" AS bigint)");
  }

  /**
   * CAST(s AS SIGNED) of a string value in a query (a text column, {@code doc->>'$.n'}, a string
   * function): as {@link #signedPrefix} at run time. The leading integer after white space, or 0
   * without one ({@code 'null'}, JSON null's text, is 0 with a warning in MySQL); a prefix followed
   * by a decimal point or an exponent fails the statement on PostgreSQL (a message that depends on
   * the value, so that planning does not fold it), as does one out of the BIGINT range, where
   * MySQL's reading depends on the release or clamps.
   */
  private static void integerPrefix(PgExpressionDeParser d, Expression e) {
    String space = "[ \\t\\n\\r\\f\\v]*";
    d.template(
        "CASE WHEN {#0} ~ '^"
            + space
            + "[-+]?[0-9]+([^0-9.eE]|$)' THEN CAST(substring({#0} FROM '^"
            + space
            + "([-+]?[0-9]+)') AS bigint) WHEN {#0} ~ '^"
            + space
            + "[-+]?[0-9.]' THEN CAST(CASE WHEN {#0} IS NOT NULL THEN 'CAST of a string with a"
            + " fraction AS SIGNED depends on the MySQL release' END AS bigint) WHEN {#0} IS NOT"
            + " NULL THEN CAST(0 AS bigint) END",
        () -> {
          d.a("CAST(");
          d.value(e);
          d.a(" AS text)");
        });
  }

  /**
   * The characters outside a MySQL character set, as a PostgreSQL regular expression class (MySQL
   * 9.7.4, checked code point by code point over the BMP): ascii holds U+0001..U+007F; latin1 is
   * Windows-1252, with its five undefined bytes mapped to U+0081, U+008D, U+008F, U+0090, U+009D
   * (so U+0080 and the other C1 controls are '?', while '€' and 'Œ' are kept).
   */
  private static final java.util.Map<String, String> OUTSIDE_CHARSET =
      java.util.Map.of(
          "ascii",
          "[^\\x01-\\x7f]",
          "latin1",
          "[^\\x01-\\x7f\\x81\\x8d\\x8f\\x90\\x9d\\xa0-\\xff\\u0152\\u0153\\u0160\\u0161"
              + "\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201a"
              + "\\u201c-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122]");

  static void convert(PgExpressionDeParser d, TranscodingFunction t) {
    if (t.isTranscodeStyle()) {
      String cs = Identifiers.normalize(t.getTranscodingName());
      if (cs.startsWith("utf8")) {
        d.p(t.getExpression());
        return;
      }
      String outside = OUTSIDE_CHARSET.get(cs);
      if (outside == null) {
        throw RefusedException.function(
            "CONVERT",
            "CONVERT(... USING "
                + cs
                + ") changes the character set; PostgreSQL is UTF8 (USING ascii, latin1 and utf8mb4"
                + " are translated).");
      }
      if (StringFunctions.holdsBinary(d, t.getExpression())) {
        throw RefusedException.function(
            "CONVERT",
            "CONVERT(... USING "
                + cs
                + ") of a binary string keeps its bytes in MySQL, which PostgreSQL text cannot hold.");
      }
      // MySQL replaces each character the charset cannot hold by '?', one per code point
      d.a("regexp_replace(");
      d.text(t.getExpression());
      d.a(", '").a(outside).a("', '?', 'g')");
      return;
    }
    // CONVERT(x, type): JSqlParser reads the first argument into the data type slot when it is a
    // bare name; only the CAST form is unambiguous
    throw RefusedException.function(
        "CONVERT", "CONVERT(expr, type) is not supported; write CAST(expr AS type).");
  }
}
