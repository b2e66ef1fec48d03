package io.dualwrite.rewriter;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;

/**
 * MySQL arithmetic operators (+, -, /, DIV, %) printed for PostgreSQL with MySQL's results: exact
 * division to div_precision_increment digits, NULL for a zero divisor, date + INTERVAL.
 */
final class ArithmeticOperators {

  private ArithmeticOperators() {}

  static void addition(PgExpressionDeParser d, Addition e) {
    if (e.getRightExpression() instanceof IntervalExpression iv) {
      DateTimeFunctions.dateArithmetic(d, e.getLeftExpression(), iv, "+");
    } else if (e.getLeftExpression() instanceof IntervalExpression iv) {
      DateTimeFunctions.dateArithmetic(d, e.getRightExpression(), iv, "+");
    } else {
      StringNumbers.operand(d, e.getLeftExpression());
      d.a(" + ");
      StringNumbers.operand(d, e.getRightExpression());
    }
  }

  static void subtraction(PgExpressionDeParser d, Subtraction e) {
    if (e.getRightExpression() instanceof IntervalExpression iv) {
      DateTimeFunctions.dateArithmetic(d, e.getLeftExpression(), iv, "-");
    } else {
      StringNumbers.operand(d, e.getLeftExpression());
      d.a(" - ");
      StringNumbers.operand(d, e.getRightExpression());
    }
  }

  static void division(PgExpressionDeParser d, Division e) {
    Literals.noHexOperand(d, e);
    // MySQL: exact division (DECIMAL with div_precision_increment = 4 more digits), NULL on /0
    if (isFloating(d, e.getLeftExpression()) || isFloating(d, e.getRightExpression())) {
      d.a("(CAST(");
      StringNumbers.value(d, e.getLeftExpression());
      d.a(" AS double precision) / NULLIF(");
      StringNumbers.value(d, e.getRightExpression());
      d.a(", 0))");
      return;
    }
    Runnable average = AggregateFunctions.averageKeptInside(d, e.getLeftExpression());
    if (average != null) {
      // AVG(x) / y: MySQL divides the average it keeps inside (9 decimals) and shows the quotient
      // with the AVG's shown scale and 4 more
      d.a("round(");
      average.run();
      d.a(" / NULLIF(CAST(");
      StringNumbers.value(d, e.getRightExpression());
      d.a(" AS numeric), 0), ")
          .a(String.valueOf(AggregateFunctions.averageShownScale(d, e.getLeftExpression()) + 4))
          .a(")");
      return;
    }
    // "* 1.0000" gives the dividend 4 more decimals, so PostgreSQL divides to at least the scale
    // MySQL keeps (it otherwise keeps only 16 significant digits: 9223372036854775807 / 2 would
    // lose its .5)
    d.a("round(CAST(");
    StringNumbers.value(d, e.getLeftExpression());
    d.a(" AS numeric) * 1.0000 / NULLIF(CAST(");
    StringNumbers.value(d, e.getRightExpression());
    d.a(" AS numeric), 0), scale(CAST(");
    StringNumbers.value(d, e.getLeftExpression());
    d.a(" AS numeric)) + 4)");
  }

  static boolean isFloating(PgExpressionDeParser d, Expression e) {
    if (e instanceof net.sf.jsqlparser.expression.SignedExpression s) {
      return isFloating(d, s.getExpression());
    }
    if (e instanceof Parenthesis p) {
      return isFloating(d, p.getExpression());
    }
    if (StringNumbers.isString(d, e) || StringNumbers.isEnum(d, e)) {
      return true; // MySQL reads a string, and an ENUM's index, in arithmetic as a DOUBLE
    }
    if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
      return isFloating(d, l.get(0));
    }
    if (e instanceof Addition
        || e instanceof Subtraction
        || e instanceof Multiplication
        || e instanceof Division
        || e instanceof Modulo) {
      // MySQL computes in DOUBLE as soon as one operand is a FLOAT/DOUBLE
      BinaryExpression b = (BinaryExpression) e;
      return isFloating(d, b.getLeftExpression()) || isFloating(d, b.getRightExpression());
    }
    if (e instanceof Function f) {
      String n = PgExpressionDeParser.upper(f.getName());
      if (DOUBLE_FUNCTIONS.contains(n)) {
        return true;
      }
      List<Expression> args =
          f.getParameters() == null ? List.of() : (List<Expression>) f.getParameters();
      if (n.equals("MOD") && args.size() == 2) {
        return isFloating(d, args.get(0)) || isFloating(d, args.get(1));
      }
      if (FLOATING_LIKE_FIRST_ARGUMENT.contains(n) && !args.isEmpty()) {
        return isFloating(d, args.get(0));
      }
      return false;
    }
    Optional<ColumnInfo> c = d.columnInfo(e);
    if (c.isPresent()) {
      String t = TypeMapping.baseType(c.get().mysqlType());
      return t.equals("float") || t.equals("double") || t.equals("real");
    }
    return e instanceof DoubleValue dv
        && (dv.toString().indexOf('e') >= 0 || dv.toString().indexOf('E') >= 0);
  }

  /** MySQL functions whose result is a DOUBLE whatever their arguments. */
  static final Set<String> DOUBLE_FUNCTIONS =
      Set.of(
          "SQRT", "EXP", "LN", "LOG", "LOG2", "LOG10", "POW", "POWER", "RAND", "PI", "SIN", "COS",
          "TAN", "ASIN", "ACOS", "ATAN", "ATAN2", "COT", "DEGREES", "RADIANS");

  /** MySQL functions whose result is a DOUBLE when their first argument is one. */
  static final Set<String> FLOATING_LIKE_FIRST_ARGUMENT =
      Set.of("ABS", "ROUND", "TRUNCATE", "CEIL", "CEILING", "FLOOR", "SUM", "MIN", "MAX", "AVG");

  static void integerDivision(PgExpressionDeParser d, IntegerDivision e) {
    Literals.noHexOperand(d, e);
    // div() truncates toward zero like DIV; trunc(a / b) would first round a quotient beyond
    // PostgreSQL's 16 significant division digits (9223372036854775807 DIV 2)
    d.a("CAST(div(CAST(");
    StringNumbers.value(d, e.getLeftExpression());
    d.a(" AS numeric), NULLIF(CAST(");
    StringNumbers.value(d, e.getRightExpression());
    d.a(" AS numeric), 0)) AS bigint)");
  }

  static void modulo(PgExpressionDeParser d, Modulo e) {
    Literals.noHexOperand(d, e);
    remainder(d, e.getLeftExpression(), e.getRightExpression());
  }

  /**
   * {@code a % b}, {@code a MOD b} and {@code MOD(a, b)}: NULL for a zero divisor, as in MySQL
   * (PostgreSQL raises an error); each operand in brackets ({@code MOD(a + b, n)} is {@code (a + b)
   * % n}). When an operand is a DOUBLE (a FLOAT/DOUBLE column, a string MySQL reads as a number, an
   * ENUM's index), MySQL takes fmod of the two DOUBLEs, the sign the dividend's; PostgreSQL has no
   * {@code %} for double precision, and numeric's {@code mod} has fmod's sign: the operands go
   * through numeric (PostgreSQL converts a double precision with 15 significant digits, so an
   * operand with more differs there) and the result back to double precision.
   */
  static void remainder(PgExpressionDeParser d, Expression l, Expression r) {
    if (isFloating(d, l) || isFloating(d, r)) {
      d.a("CAST(mod(CAST(");
      StringNumbers.value(d, l);
      d.a(" AS numeric), NULLIF(CAST(");
      StringNumbers.value(d, r);
      d.a(" AS numeric), 0)) AS double precision)");
      return;
    }
    d.a("((");
    StringNumbers.value(d, l);
    d.a(") % NULLIF((");
    StringNumbers.value(d, r);
    d.a("), 0))");
  }
}
