package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.same;

import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;

/** MySQL numeric functions (ABS, MOD, ROUND, TRUNCATE, ...) printed for PostgreSQL. */
final class NumericFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("ABS", same(0)),
          Map.entry("CEIL", same(0)),
          Map.entry("CEILING", same(0)),
          Map.entry("FLOOR", same(0)),
          Map.entry("SIGN", same(0)),
          Map.entry("SQRT", same(0)),
          Map.entry("EXP", same(0)),
          Map.entry("LN", same(0)),
          Map.entry("POWER", same(0)),
          Map.entry("POW", same(0)),
          Map.entry("PI", same(0)),
          Map.entry("MOD", NumericFunctions::mod),
          Map.entry("ROUND", NumericFunctions::roundOrTruncate),
          Map.entry("TRUNCATE", NumericFunctions::roundOrTruncate));

  private NumericFunctions() {}

  /** MOD(a, b): NULL for a zero divisor, as in MySQL (PostgreSQL raises an error). */
  private static void mod(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    // each operand in brackets: MOD(a + b, n) is (a + b) % n, never a + (b % n)
    d.a("((");
    d.value(args.get(0));
    d.a(") % NULLIF((");
    d.value(args.get(1));
    d.a("), 0))");
  }

  private static void roundOrTruncate(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, n.equals("ROUND") ? 1 : 2, 2);
    if (n.equals("ROUND")
        && ArithmeticOperators.isFloating(d, args.get(0))
        && (args.size() == 1
            || (args.get(1) instanceof LongValue places
                && places.getValue() >= 0
                && places.getValue() <= 15))) {
      // MySQL rounds a DOUBLE as rint(x * 10^d) / 10^d: half to even (ROUND(2.25e0, 1) is
      // 2.2); PostgreSQL's round(double precision) is rint too, numeric would give 2.3
      long places = args.size() == 1 ? 0 : ((LongValue) args.get(1)).getValue();
      if (places == 0) {
        d.a("round(CAST(");
        d.value(args.get(0));
        d.a(" AS double precision))");
        return;
      }
      // from 2^52 on a double has no fraction left: MySQL returns it as is (and so never
      // overflows x * 10^d, where PostgreSQL would raise an error)
      d.a("CASE WHEN abs(CAST(");
      d.value(args.get(0));
      d.a(" AS double precision)) >= 4503599627370496 THEN CAST(");
      d.value(args.get(0));
      d.a(" AS double precision) ELSE round(CAST(");
      d.value(args.get(0));
      d.a(" AS double precision) * 1e").a(Long.toString(places));
      d.a(") / 1e").a(Long.toString(places)).a(" END");
      return;
    }
    // on exact values both round half away from zero; numeric keeps it exact
    d.a(n.equals("ROUND") ? "round(CAST(" : "trunc(CAST(");
    d.value(args.get(0));
    d.a(" AS numeric)");
    if (args.size() == 2) {
      d.a(", ");
      d.value(args.get(1));
    }
    d.a(")");
  }
}
