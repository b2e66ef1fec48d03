package io.dualwrite.rewriter;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

/**
 * A string used as a number: in arithmetic, in {@code SUM}/{@code AVG}, or compared with a number
 * ({@code name + 1}, {@code name = 5}, {@code int_col = '5.0'}). MySQL reads the string's numeric
 * prefix as a DOUBLE: leading whitespace skipped, then a sign, digits, a fraction and an exponent
 * as far as they go ({@code ' 5x'} is 5, {@code '1.5.6'} 1.5, {@code '.5e1'} 5), 0 when there is
 * none ({@code 'abc'}, {@code ''}), with a warning. PostgreSQL rejects these statements ({@code
 * character varying + integer}, {@code invalid input syntax for type integer}).
 *
 * <p>A text column becomes {@code CAST(COALESCE(substring(col FROM '<prefix>'), substring(col FROM
 * '^') || '0') AS double precision)}: the prefix, or '0' for a string without one, and NULL for
 * NULL ({@code substring(NULL FROM '^')} is NULL, of any other string ''). A string literal's
 * number is worked out here; a literal PostgreSQL reads as the same number of the column's type
 * ({@code id = '5'}) is left as written, so that PostgreSQL can still use an index on the column.
 *
 * <p>Text columns (CHAR, VARCHAR, the TEXTs), string literals, unquoted JSON values and the results
 * of string functions of text ({@code CONCAT(a, b) + 1}) are converted; ENUM and SET read as their
 * member index or bits in MySQL and are left alone, as are binary strings.
 */
final class StringNumbers {
  private StringNumbers() {}

  /** MySQL's numeric prefix, after the whitespace my_strntod skips. */
  private static final Pattern PREFIX =
      Pattern.compile(
          "^[ \\t\\n\\r\\f\\x0B]*([-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?)");

  /** The same prefix as a PostgreSQL regular expression (advanced syntax). */
  private static final String PG_PREFIX =
      "'^[ \\t\\n\\r\\f\\v]*([-+]{0,1}([0-9]+(\\.[0-9]*){0,1}|\\.[0-9]+)([eE][-+]{0,1}[0-9]+){0,1})'";

  /** Text PostgreSQL reads as an integer column's value, and as a DECIMAL or DOUBLE column's. */
  private static final Pattern PG_INTEGER = Pattern.compile(" *[-+]?[0-9]{1,18} *");

  private static final Pattern PG_NUMBER =
      Pattern.compile(
          " *[-+]?([0-9]{1,30}(\\.[0-9]{0,30})?|\\.[0-9]{1,30})([eE][-+]?[0-9]{1,3})? *");

  static boolean isTextColumn(PgExpressionDeParser d, Expression e) {
    Optional<ColumnInfo> c = d.columnInfo(e);
    return c.isPresent()
        && switch (TypeMapping.baseType(c.get().mysqlType())) {
          case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> true;
          default -> false;
        };
  }

  /** A plain string literal ({@code '5'}; not {@code X'35'}, {@code _binary'5'}, {@code N'5'}). */
  static boolean isStringLiteral(Expression e) {
    return e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty());
  }

  private static boolean isNumberLiteral(Expression e) {
    if (e instanceof SignedExpression s && (s.getSign() == '-' || s.getSign() == '+')) {
      return isNumberLiteral(s.getExpression());
    }
    return e instanceof LongValue || e instanceof DoubleValue;
  }

  /**
   * An integer column (a BIT value too: MySQL 9.7.4 compares a BIT with a string as numbers, 'A' as
   * 0; not YEAR), or an integer literal.
   */
  private static boolean isInteger(PgExpressionDeParser d, Expression e) {
    if (e instanceof SignedExpression s && (s.getSign() == '-' || s.getSign() == '+')) {
      return isInteger(d, s.getExpression());
    }
    if (e instanceof LongValue || d.isBitValued(e)) {
      return true;
    }
    Optional<ColumnInfo> c = d.columnInfo(e);
    return c.isPresent()
        && switch (TypeMapping.baseType(c.get().mysqlType())) {
          case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" -> true;
          default -> false;
        };
  }

  /** A number literal or a numeric column (integer, DECIMAL, FLOAT, DOUBLE). */
  private static boolean isNumeric(PgExpressionDeParser d, Expression e) {
    if (isNumberLiteral(e) || isInteger(d, e)) {
      return true;
    }
    Optional<ColumnInfo> c = d.columnInfo(e);
    return c.isPresent()
        && switch (TypeMapping.baseType(c.get().mysqlType())) {
          case "decimal", "numeric", "dec", "fixed", "float", "double", "real" -> true;
          default -> false;
        };
  }

  /**
   * True when {@code e} is a string that is not a literal: a text column, an unquoted JSON value
   * ({@link JsonFunctions#isUnquotedJson}), or a string function's result made of no binary string
   * ({@code CONCAT(name, 'x')}, {@code LOWER(code)}: {@link StringFunctions#isTextValued}).
   */
  static boolean isStringValue(PgExpressionDeParser d, Expression e) {
    return isTextColumn(d, e) || JsonFunctions.isUnquotedJson(e) || isTextCall(d, e);
  }

  private static boolean isTextCall(PgExpressionDeParser d, Expression e) {
    return StringFunctions.isTextValued(e) && !StringFunctions.holdsBinary(d, e);
  }

  /**
   * True when {@code e} is a string literal or a string value ({@link #isStringValue}), which MySQL
   * reads as a number.
   */
  static boolean isString(PgExpressionDeParser d, Expression e) {
    return isStringLiteral(e) || isStringValue(d, e);
  }

  /**
   * An ENUM column: MySQL reads it as a number, its index, a DOUBLE (MySQL 9.7; MariaDB: BIGINT).
   */
  static boolean isEnum(PgExpressionDeParser d, Expression e) {
    return OrderByPrinter.enumValues(d, e) != null;
  }

  /** Prints an ENUM column's index ({@link OrderByPrinter#enumIndex}) as a double precision. */
  private static void printEnumNumber(PgExpressionDeParser d, Expression e) {
    d.a("CAST(");
    OrderByPrinter.enumIndex(d, e, OrderByPrinter.enumValues(d, e));
    d.a(" AS double precision)");
  }

  /** MySQL's number for a string: its numeric prefix, or 0. */
  static String numberText(String s) {
    Matcher m = PREFIX.matcher(s);
    if (!m.find()) {
      return "0";
    }
    String p = m.group(1);
    if (p.startsWith("+")) {
      p = p.substring(1);
    }
    if (p.endsWith(".")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.startsWith(".") || p.startsWith("-.")) {
      p = p.replaceFirst("\\.", "0.");
    }
    return p;
  }

  private static String literalText(Expression e) {
    return MysqlLexer.decodeCanonical(((StringValue) e).getValue());
  }

  /** Prints a text column's or string literal's MySQL number as a double precision value. */
  static void printNumber(PgExpressionDeParser d, Expression e) {
    if (isStringLiteral(e)) {
      d.a("CAST(").a(numberText(literalText(e))).a(" AS double precision)");
      return;
    }
    if (StringFunctions.isTextValued(e)) {
      // e is printed twice: the call must give the same text each time (not of RAND(), UUID())
      Functions.repeatable("a string read as a number", e);
    }
    d.a("CAST(COALESCE(substring(");
    d.p(e);
    d.a(" FROM ").a(PG_PREFIX).a("), substring(");
    d.p(e);
    d.a(" FROM '^') || '0') AS double precision)");
  }

  /**
   * An operand of {@code +}, {@code -}, {@code *}: a text column or string literal as its number;
   * anything else as {@link Literals#number}.
   */
  static void operand(PgExpressionDeParser d, Expression e) {
    if (TemporalNumbers.printIfTemporal(d, e)) {
      return;
    }
    if (isString(d, e)) {
      printNumber(d, e);
    } else if (isEnum(d, e)) {
      printEnumNumber(d, e);
    } else {
      Literals.number(d, e); // (a SET column's number there too)
    }
  }

  /** An operand of a division: as {@link #operand}, but a value other than a string as a value. */
  static void value(PgExpressionDeParser d, Expression e) {
    if (TemporalNumbers.printIfTemporal(d, e)) {
      return;
    }
    if (isString(d, e)) {
      printNumber(d, e);
    } else if (isEnum(d, e)) {
      printEnumNumber(d, e);
    } else if (OrderByPrinter.setMembers(d, e) != null) {
      OrderByPrinter.setNumber(d, e);
    } else {
      d.value(e);
    }
  }

  /**
   * A string compared with a number ({@code l op r}, either way round): prints it and returns true,
   * or returns false (nothing printed) for any other comparison.
   */
  static boolean comparison(PgExpressionDeParser d, Expression l, Expression r, String op) {
    if ((isEnum(d, l) && isNumberLiteral(r)) || (isEnum(d, r) && isNumberLiteral(l))) {
      // MySQL compares an ENUM with a number by its index (status = 2: the second value)
      value(d, l);
      d.a(op);
      value(d, r);
      return true;
    }
    Expression number;
    Expression string;
    if (isNumeric(d, l) && isString(d, r)) {
      number = l;
      string = r;
    } else if (isNumeric(d, r) && isString(d, l)) {
      number = r;
      string = l;
    } else {
      return false;
    }
    if (isStringLiteral(string) && readsAsIs(d, number, literalText(string))) {
      return false;
    }
    compared(d, l, number);
    d.a(op);
    compared(d, r, number);
    return true;
  }

  /** {@code x BETWEEN a AND b} where strings meet numbers; false (nothing printed) otherwise. */
  static boolean between(PgExpressionDeParser d, Between b) {
    Expression x = b.getLeftExpression();
    List<Expression> bounds = List.of(b.getBetweenExpressionStart(), b.getBetweenExpressionEnd());
    Expression number = numberAgainst(d, x, bounds);
    if (number == null) {
      return false;
    }
    compared(d, x, number);
    d.a(b.isNot() ? " NOT BETWEEN " : " BETWEEN ");
    compared(d, bounds.get(0), number);
    d.a(" AND ");
    compared(d, bounds.get(1), number);
    return true;
  }

  /**
   * {@code x IN (...)} where a string value meets a list of number literals, or a number a list of
   * string literals; false (nothing printed) otherwise, including lists that mix the two.
   */
  static boolean in(PgExpressionDeParser d, Expression x, ExpressionList<?> list, boolean not) {
    @SuppressWarnings("unchecked")
    List<Expression> items = (List<Expression>) list;
    Expression number = numberAgainst(d, x, items);
    if (number == null) {
      return false;
    }
    compared(d, x, number);
    d.a(not ? " NOT IN (" : " IN (");
    for (int i = 0; i < items.size(); i++) {
      d.a(i > 0 ? ", " : "");
      compared(d, items.get(i), number);
    }
    d.a(")");
    return true;
  }

  /**
   * For {@code x} compared with each of {@code others}: the number that types the comparison when a
   * string value meets number literals, or a number string literals of which one at least
   * PostgreSQL would not read as that number's type; null when there is nothing to convert.
   */
  private static Expression numberAgainst(
      PgExpressionDeParser d, Expression x, List<Expression> others) {
    if (isStringValue(d, x) && others.stream().allMatch(StringNumbers::isNumberLiteral)) {
      return others.get(0);
    }
    if (isNumeric(d, x)
        && others.stream().allMatch(StringNumbers::isStringLiteral)
        && !others.stream().allMatch(s -> readsAsIs(d, x, literalText(s)))) {
      return x;
    }
    return null;
  }

  /**
   * One side of a comparison between numbers: a string value as its number, a string literal as its
   * number (or as written where PostgreSQL reads it as {@code number}'s type), else the value.
   */
  private static void compared(PgExpressionDeParser d, Expression e, Expression number) {
    if (isStringValue(d, e)) {
      printNumber(d, e);
    } else if (isStringLiteral(e)) {
      String text = literalText(e);
      if (readsAsIs(d, number, text)) {
        d.p(e);
      } else {
        d.a(numberText(text));
      }
    } else {
      d.value(e);
    }
  }

  /**
   * True when PostgreSQL reads the literal text as the same number MySQL does, as a value of {@code
   * number}'s type: an integer literal for an integer, a plain decimal for anything else.
   */
  private static boolean readsAsIs(PgExpressionDeParser d, Expression number, String text) {
    return isInteger(d, number)
        ? PG_INTEGER.matcher(text).matches()
        : PG_NUMBER.matcher(text).matches();
  }
}
