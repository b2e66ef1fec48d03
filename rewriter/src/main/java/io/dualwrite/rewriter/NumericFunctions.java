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
          Map.entry("SQRT", guarded("sqrt(%s)", "%s >= 0")),
          Map.entry("EXP", guarded("exp(%s)", null)),
          Map.entry("LN", logarithm(guarded("ln(%s)", "%s > 0"))),
          Map.entry("LOG", logarithm(NumericFunctions::log)),
          Map.entry(
              "LOG2", logarithm(guarded("(ln(%s) / ln(CAST(2 AS double precision)))", "%s > 0"))),
          Map.entry("LOG10", logarithm(guarded("log(%s)", "%s > 0"))),
          Map.entry("ACOS", guarded("acos(%s)", "%s BETWEEN -1 AND 1")),
          Map.entry("ASIN", guarded("asin(%s)", "%s BETWEEN -1 AND 1")),
          Map.entry("ATAN", NumericFunctions::atan),
          Map.entry("ATAN2", NumericFunctions::atan),
          Map.entry("COS", guarded("cos(%s)", null)),
          Map.entry("SIN", guarded("sin(%s)", null)),
          Map.entry("TAN", guarded("tan(%s)", null)),
          // MySQL's COT(0) is an out-of-range error; 1 / tan(0) is PostgreSQL's division error
          Map.entry("COT", guarded("(CAST(1 AS double precision) / tan(%s))", null)),
          Map.entry("DEGREES", guarded("degrees(%s)", null)),
          Map.entry("RADIANS", guarded("radians(%s)", null)),
          Map.entry("POWER", same(0)),
          Map.entry("POW", same(0)),
          Map.entry("PI", same(0)),
          Map.entry("MOD", NumericFunctions::mod),
          Map.entry("ROUND", NumericFunctions::roundOrTruncate),
          Map.entry("TRUNCATE", NumericFunctions::roundOrTruncate));

  private NumericFunctions() {}

  /**
   * A DOUBLE function of one argument, as MySQL computes it: the argument converted to DOUBLE, and
   * NULL outside the function's domain (MySQL's LN(0), SQRT(-1), ACOS(2) are NULL with a warning;
   * PostgreSQL raises an error). {@code result} and {@code domain} (null: every value) are
   * templates of the converted argument, {@code %s}.
   */
  static Functions.Printer guarded(String result, String domain) {
    return (d, f, n, args) -> {
      arity(n, args, 1, 1);
      once(n, d, List.of(args.get(0)), domain == null ? null : List.of(domain), result);
    };
  }

  /**
   * A logarithm is translated in reads only: in a write, MySQL's strict sql_mode (its default)
   * makes the logarithm of a value <= 0 an error ("Invalid argument for logarithm") where other
   * modes give NULL, and the rewriter cannot tell which applies to the value.
   */
  private static Functions.Printer logarithm(Functions.Printer p) {
    return (d, f, n, args) -> {
      if (d.ctx.inWrite) {
        throw RefusedException.function(
            n,
            n
                + "() in a write is refused: MySQL's strict sql_mode makes the logarithm of a value"
                + " <= 0 an error there, other modes NULL.");
      }
      p.print(d, f, n, args);
    };
  }

  /** LOG(x) is LN(x); LOG(b, x) is LN(x) / LN(b), NULL unless x > 0, b > 0 and b is not 1. */
  private static void log(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 2);
    if (args.size() == 1) {
      once(n, d, args, List.of("%1$s > 0"), "ln(%1$s)");
      return;
    }
    once(n, d, args, List.of("%1$s > 0", "%1$s <> 1", "%2$s > 0"), "(ln(%2$s) / ln(%1$s))");
  }

  /** ATAN(x), ATAN(y, x) and ATAN2(y, x). */
  private static void atan(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, n.equals("ATAN") ? 1 : 2, 2);
    once(n, d, args, null, args.size() == 1 ? "atan(%1$s)" : "atan2(%1$s, %2$s)");
  }

  /**
   * Prints {@code result} (a format over the arguments converted to DOUBLE, {@code %1$s}, {@code
   * %2$s}; {@code %s} for one) when every condition of {@code domain} holds, else NULL. Each
   * argument is evaluated once, as in MySQL: columns and number literals are printed where they are
   * used, anything else (a call, a parameter) is computed once in a scalar subquery. An aggregate
   * or window function is printed where it is used (in a subquery it would aggregate the subquery's
   * one row: SQRT(COUNT(*)) would be SQRT(1)); it is computed once per group anyway.
   */
  static void once(
      String n, PgExpressionDeParser d, List<Expression> args, List<String> domain, String result) {
    boolean aggregated = args.stream().anyMatch(PgSelectDeParser::callsAggregateOrWindow);
    if (aggregated && args.stream().anyMatch(NumericFunctions::containsParameter)) {
      throw RefusedException.function(
          n,
          n
              + "() of an aggregate or window function with a parameter inside is not"
              + " translated: the argument is printed where it is used, which would bind the"
              + " parameter more than once.");
    }
    boolean plain = args.stream().allMatch(NumericFunctions::simple);
    if (!plain && args.stream().anyMatch(NumericFunctions::callsNonDeterministic)) {
      // PostgreSQL runs an uncorrelated subquery once per statement: RAND() would be one value
      // for every row, where MySQL draws one per row
      throw RefusedException.function(
          n,
          n
              + "() of a non-deterministic call (RAND(), UUID(), SYSDATE(), ...) is not"
              + " translated: it would be evaluated once per statement on PostgreSQL.");
    }
    boolean simple = plain || aggregated;
    String[] names = new String[args.size()];
    StringBuilder out = d.out();
    if (simple) {
      for (int i = 0; i < args.size(); i++) {
        int start = out.length();
        d.value(args.get(i));
        names[i] = "CAST(" + out.substring(start) + " AS double precision)";
        out.setLength(start);
      }
    } else {
      for (int i = 0; i < args.size(); i++) {
        names[i] = "dw_x" + (i + 1);
      }
    }
    String body = String.format(java.util.Locale.ROOT, result, (Object[]) names);
    if (domain != null) {
      StringBuilder when = new StringBuilder();
      for (String c : domain) {
        when.append(when.length() == 0 ? "" : " AND ")
            .append(String.format(java.util.Locale.ROOT, c, (Object[]) names));
      }
      body = "CASE WHEN " + when + " THEN " + body + " END";
    }
    if (simple) {
      d.a(body);
      return;
    }
    d.a("(SELECT ").a(body).a(" FROM (SELECT ");
    for (int i = 0; i < args.size(); i++) {
      d.a(i > 0 ? ", " : "").a("CAST(");
      d.value(args.get(i));
      d.a(" AS double precision) AS ").a(names[i]);
    }
    d.a(") AS dw_args)");
  }

  /** Whether e calls RAND(), UUID(), SYSDATE(), SLEEP() or another non-deterministic function. */
  static boolean callsNonDeterministic(Expression e) {
    boolean[] found = {false};
    e.accept(
        new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Function f, S context) {
            String n = PgExpressionDeParser.upper(f.getName());
            if (NonDeterministicFunctions.NON_DETERMINISTIC.contains(n) || n.equals("SLEEP")) {
              found[0] = true;
            }
            return super.visit(f, context);
          }
        },
        null);
    return found[0];
  }

  private static boolean containsParameter(Expression e) {
    boolean[] found = {false};
    e.accept(
        new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(net.sf.jsqlparser.expression.JdbcParameter p, S context) {
            found[0] = true;
            return null;
          }
        },
        null);
    return found[0];
  }

  private static boolean simple(Expression e) {
    if (e instanceof net.sf.jsqlparser.expression.SignedExpression s) {
      return simple(s.getExpression());
    }
    return e instanceof net.sf.jsqlparser.schema.Column
        || e instanceof LongValue
        || e instanceof net.sf.jsqlparser.expression.DoubleValue;
  }

  /** MOD(a, b): as {@code a % b} ({@link ArithmeticOperators#remainder}). */
  private static void mod(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    ArithmeticOperators.remainder(d, args.get(0), args.get(1));
  }

  private static void roundOrTruncate(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, n.equals("ROUND") ? 1 : 2, 2);
    if (TemporalNumbers.of(d, args.get(0)).filter(t -> t.fsp() > 0).isPresent()) {
      // MySQL rounds a date-time with fractional seconds as a DOUBLE: its binary value, not the
      // decimal digits the translation would round
      throw RefusedException.function(
          n, n + " of a date-time with fractional seconds is rounded as a DOUBLE in MySQL.");
    }
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
        StringNumbers.value(d, args.get(0));
        d.a(" AS double precision))");
        return;
      }
      // from 2^52 on a double has no fraction left: MySQL returns it as is (and so never
      // overflows x * 10^d, where PostgreSQL would raise an error)
      d.a("CASE WHEN abs(CAST(");
      StringNumbers.value(d, args.get(0));
      d.a(" AS double precision)) >= 4503599627370496 THEN CAST(");
      StringNumbers.value(d, args.get(0));
      d.a(" AS double precision) ELSE round(CAST(");
      StringNumbers.value(d, args.get(0));
      d.a(" AS double precision) * 1e").a(Long.toString(places));
      d.a(") / 1e").a(Long.toString(places)).a(" END");
      return;
    }
    // on exact values both round half away from zero; numeric keeps it exact
    d.a(n.equals("ROUND") ? "round(CAST(" : "trunc(CAST(");
    StringNumbers.value(d, args.get(0));
    d.a(" AS numeric)");
    if (args.size() == 2) {
      d.a(", ");
      d.value(args.get(1));
    }
    d.a(")");
  }
}
