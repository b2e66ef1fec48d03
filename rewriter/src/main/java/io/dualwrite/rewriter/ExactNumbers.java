package io.dualwrite.rewriter;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * Which numeric expressions have the same exact value in both databases, so that a function whose
 * result depends on its argument's type (FORMAT's digits, SEC_TO_TIME's fractional seconds) can be
 * translated: MySQL's DECIMAL arithmetic and PostgreSQL's numeric agree on +, - and *, and on a
 * quotient as it is translated (rounded to div_precision_increment more digits, as MySQL does); not
 * on a DOUBLE.
 */
final class ExactNumbers {
  private ExactNumbers() {}

  /** Aggregates whose value is of their argument's kind (AVG printed with MySQL's scale). */
  private static final Set<String> EXACT_AGGREGATES = Set.of("SUM", "MIN", "MAX", "AVG");

  /** Rounding functions: an exact argument gives an exact value, with no fraction at 0 places. */
  private static final Set<String> ROUNDING =
      Set.of("ROUND", "TRUNCATE", "FLOOR", "CEIL", "CEILING");

  /**
   * Functions whose MySQL result is an integer, as its translation's (TIME_TO_SEC too: MySQL 9.7.4
   * drops a TIME(3)'s fraction, TIME_TO_SEC('00:00:01.500') is 1).
   */
  private static final Set<String> INTEGER_FUNCTIONS =
      Set.of(
          "COUNT",
          "TIME_TO_SEC",
          "DATEDIFF",
          "TIMESTAMPDIFF",
          "TO_DAYS",
          "HOUR",
          "MINUTE",
          "SECOND",
          "YEAR",
          "MONTH",
          "DAY",
          "DAYOFMONTH",
          "DAYOFYEAR",
          "DAYOFWEEK",
          "WEEKDAY",
          "QUARTER",
          "LENGTH",
          "OCTET_LENGTH",
          "CHAR_LENGTH",
          "CHARACTER_LENGTH",
          "LOCATE",
          "INSTR",
          "POSITION",
          "FIELD",
          "FIND_IN_SET");

  /**
   * An exact number in both databases: an integer, a decimal literal without exponent, a DECIMAL
   * column, +, -, * and / of such, an integer-valued function, SUM/MIN/MAX/AVG of an exact
   * argument, ROUND/TRUNCATE/FLOOR/CEIL of one. Not a DOUBLE.
   */
  static boolean isExact(PgExpressionDeParser d, Expression x) {
    if (isIntegerValued(d, x)) {
      return true;
    }
    if (x instanceof SignedExpression s && s.getSign() != '~') {
      return isExact(d, s.getExpression());
    }
    if (x instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return isExact(d, (Expression) list.get(0));
    }
    if (x instanceof Addition || x instanceof Subtraction || x instanceof Multiplication) {
      BinaryExpression b = (BinaryExpression) x;
      return isExact(d, b.getLeftExpression()) && isExact(d, b.getRightExpression());
    }
    if (x instanceof net.sf.jsqlparser.expression.operators.arithmetic.Division q
        && !ArithmeticOperators.isFloating(d, q)
        && !containsAverage(q)
        && !roundsToPlaces(q.getLeftExpression())) {
      // its translation keeps MySQL's scale: the dividend's and div_precision_increment's 4
      // digits, rounded half away from zero (ArithmeticOperators.division). Not of an AVG (MySQL
      // divides the average it keeps inside, with 9 decimals) nor of ROUND/TRUNCATE to places
      // (MySQL keeps the argument's scale where PostgreSQL's value has the places': the
      // quotient's scale would differ)
      return isExact(d, q.getLeftExpression()) && isExact(d, q.getRightExpression());
    }
    if (x instanceof DoubleValue v) {
      return !v.toString().toLowerCase(Locale.ROOT).contains("e");
    }
    if (x instanceof Function f && argument(f) != null) {
      String n = PgExpressionDeParser.upper(f.getName());
      if (EXACT_AGGREGATES.contains(n) || ROUNDING.contains(n) || n.equals("ABS")) {
        return isExact(d, argument(f));
      }
    }
    var c = d.columnInfo(x);
    return c.isPresent()
        && Set.of("decimal", "numeric").contains(TypeMapping.baseType(c.get().mysqlType()));
  }

  /**
   * An exact number without a fraction: an integer literal or column, +, - and * of such, an
   * integer function ({@link #INTEGER_FUNCTIONS}), SUM/MIN/MAX of one, ABS of one, and ROUND or
   * TRUNCATE to 0 places, FLOOR or CEIL of an exact number ({@link #isExact}).
   */
  static boolean isIntegerValued(PgExpressionDeParser d, Expression x) {
    if (EncodingFunctions.isInteger(d, x)) {
      return true;
    }
    if (x instanceof SignedExpression s && s.getSign() == '-') {
      return isIntegerValued(d, s.getExpression());
    }
    if (x instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return isIntegerValued(d, (Expression) list.get(0));
    }
    if (x instanceof Addition || x instanceof Subtraction || x instanceof Multiplication) {
      BinaryExpression b = (BinaryExpression) x;
      return isIntegerValued(d, b.getLeftExpression())
          && isIntegerValued(d, b.getRightExpression());
    }
    if (!(x instanceof Function f) || f.getName() == null) {
      return false;
    }
    String n = PgExpressionDeParser.upper(f.getName());
    if (INTEGER_FUNCTIONS.contains(n)) {
      return true;
    }
    Expression a = argument(f);
    if (a == null) {
      return false;
    }
    if (Set.of("SUM", "MIN", "MAX", "ABS").contains(n)) {
      return isIntegerValued(d, a);
    }
    if (Set.of("FLOOR", "CEIL", "CEILING").contains(n)) {
      return isExact(d, a);
    }
    if (n.equals("ROUND") || n.equals("TRUNCATE")) {
      int args = f.getParameters().size();
      boolean noPlaces =
          args == 1
              || (args == 2
                  && f.getParameters().get(1) instanceof LongValue places
                  && places.getValue() == 0);
      return noPlaces && (n.equals("ROUND") || args == 2) && isExact(d, a);
    }
    return false;
  }

  /** Whether e calls AVG anywhere. */
  static boolean containsAverage(Expression e) {
    boolean[] found = {false};
    e.accept(
        new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Function f, S context) {
            if (f.getName() != null && PgExpressionDeParser.upper(f.getName()).equals("AVG")) {
              found[0] = true;
            }
            return super.visit(f, context);
          }
        },
        null);
    return found[0];
  }

  /** Whether e is (or holds) ROUND/TRUNCATE to a number of places. */
  private static boolean roundsToPlaces(Expression e) {
    boolean[] found = {false};
    e.accept(
        new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Function f, S context) {
            if (f.getName() != null
                && ROUNDING.contains(PgExpressionDeParser.upper(f.getName()))
                && f.getParameters() != null
                && f.getParameters().size() == 2) {
              found[0] = true;
            }
            return super.visit(f, context);
          }
        },
        null);
    return found[0];
  }

  /** The first argument of a call, or null without one. */
  private static Expression argument(Function f) {
    return f.getParameters() == null || f.getParameters().isEmpty() || f.isAllColumns()
        ? null
        : (Expression) f.getParameters().get(0);
  }
}
