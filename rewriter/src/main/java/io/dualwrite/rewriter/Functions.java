package io.dualwrite.rewriter;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Prints a MySQL function call as a PostgreSQL expression with the same result, or refuses it: the
 * checks every call shares, then the family printer that knows the function ({@link
 * StringFunctions}, {@link DateTimeFunctions}, {@link NumericFunctions}, {@link JsonFunctions},
 * {@link AggregateFunctions}, {@link ControlFlowFunctions}, {@link RegexpFunctions}, {@link
 * EncodingFunctions}, {@link MiscellaneousFunctions}, {@link SessionFunctions}, {@link
 * NonDeterministicFunctions}, {@link DurationFunctions}). A function no family knows is refused.
 */
final class Functions {

  /** Prints one call of a function a family knows (n: its upper-case name, args: its arguments). */
  @FunctionalInterface
  interface Printer {
    void print(PgExpressionDeParser d, Function f, String n, List<Expression> args);
  }

  /**
   * Every function with a translation, by upper-case name. In a holder class, not a field of {@code
   * Functions}: each family's own table calls {@link #same} and {@link #arity}, so a family reached
   * first (GROUP_CONCAT goes to {@link AggregateFunctions} directly) would otherwise start {@code
   * Functions}' initialisation while its own table is still null.
   */
  private static final class Registry {
    static final Map<String, Printer> PRINTERS =
        merge(
            Map.of("VALUES", Functions::upsertValues),
            StringFunctions.PRINTERS,
            RegexpFunctions.PRINTERS,
            EncodingFunctions.PRINTERS,
            NumericFunctions.PRINTERS,
            ControlFlowFunctions.PRINTERS,
            AggregateFunctions.PRINTERS,
            DateTimeFunctions.PRINTERS,
            CalendarFunctions.PRINTERS,
            DurationFunctions.PRINTERS,
            readsArgumentsInSubqueries(CodeFunctions.PRINTERS, CodeFunctions.IN_PLACE),
            readsArgumentsInSubqueries(JsonFunctions.PRINTERS, Set.of()),
            readsArgumentsInSubqueries(JsonDocumentFunctions.PRINTERS, Set.of()),
            MiscellaneousFunctions.PRINTERS,
            SessionFunctions.PRINTERS);
  }

  private Functions() {}

  /**
   * The printers of a family whose translations read their arguments in a scalar subquery ({@code
   * (SELECT ... FROM (SELECT arg) AS dw_x(v))}), guarded: PostgreSQL evaluates an aggregate whose
   * arguments have no column of the outer query (COUNT(*), SUM(1)), and any window function, over
   * the subquery's one row, so such an argument is refused instead of silently counting 1. The
   * printers named in {@code inPlace} print their arguments where they stand and are not guarded.
   */
  private static Map<String, Printer> readsArgumentsInSubqueries(
      Map<String, Printer> family, Set<String> inPlace) {
    Map<String, Printer> guarded = new HashMap<>();
    family.forEach(
        (name, printer) ->
            guarded.put(
                name,
                inPlace.contains(name)
                    ? printer
                    : (d, f, n, args) -> {
                      for (Expression a : args) {
                        if (PgSelectDeParser.callsWindowOrColumnlessAggregate(a)) {
                          throw RefusedException.function(
                              n,
                              n
                                  + "() of COUNT(*), an aggregate of constants or a window function is"
                                  + " not translated: its translation reads the argument in a"
                                  + " subquery, where PostgreSQL would aggregate the subquery's one"
                                  + " row.");
                        }
                      }
                      printer.print(d, f, n, args);
                    }));
    return guarded;
  }

  @SafeVarargs
  private static Map<String, Printer> merge(Map<String, Printer>... families) {
    Map<String, Printer> all = new HashMap<>();
    for (Map<String, Printer> family : families) {
      for (Map.Entry<String, Printer> e : family.entrySet()) {
        if (all.put(e.getKey(), e.getValue()) != null) {
          throw new IllegalStateException("Two printers for " + e.getKey());
        }
      }
    }
    return Map.copyOf(all);
  }

  /** The names of the functions with a translation (for tests). */
  static Set<String> translatedNames() {
    return Registry.PRINTERS.keySet();
  }

  static void translate(PgExpressionDeParser d, Function f) {
    if (f.isEscaped() || f.getKeep() != null || f.getAttribute() != null) {
      throw PgExpressionDeParser.refuseNode(f, "function call form");
    }
    String n = name(f);
    if (f.getOrderByElements() != null || f.getHavingClause() != null || f.getLimit() != null) {
      throw RefusedException.function(
          n, n + " with ORDER BY/HAVING/LIMIT inside is not supported.");
    }
    List<Expression> args = params(f);
    if (NonDeterministicFunctions.NON_DETERMINISTIC.contains(n)) {
      NonDeterministicFunctions.nonDeterministic(d, f, n, args);
      return;
    }
    if (SessionFunctions.MYSQL_SESSION.contains(n)) {
      SessionFunctions.mysqlSession(d, n);
    }
    if (f.isDistinct() && !Set.of("COUNT", "SUM", "MIN", "MAX", "AVG").contains(n)) {
      throw RefusedException.function(n, n + "(DISTINCT ...) is not supported.");
    }
    Printer printer = Registry.PRINTERS.get(n);
    if (printer == null) {
      String why = RefusedFunctions.reason(n);
      throw RefusedException.function(
          n,
          why != null ? why : "The MySQL function " + n + "() has no translation to PostgreSQL.");
    }
    printer.print(d, f, n, args);
  }

  /**
   * A function with the same name (or a PostgreSQL synonym), arguments and result in both
   * databases; its first textArgs arguments are printed as text.
   */
  static Printer same(int textArgs) {
    return (d, f, n, args) -> {
      String pg =
          switch (n) {
            case "UCASE" -> "upper";
            case "LCASE" -> "lower";
            case "POW" -> "power";
            case "CEILING" -> "ceil";
            default -> n.toLowerCase(Locale.ROOT);
          };
      d.a(pg).a("(");
      if (f.isDistinct()) {
        d.a("DISTINCT ");
      }
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          d.a(", ");
        }
        if (i < textArgs) {
          d.text(args.get(i));
        } else {
          d.value(args.get(i));
        }
      }
      d.a(")");
    };
  }

  /** VALUES(col) inside ON DUPLICATE KEY UPDATE: the row proposed for insertion, EXCLUDED. */
  private static void upsertValues(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (!d.ctx.inDuplicateUpdate
        || args.size() != 1
        || !(args.get(0) instanceof Column c)
        || c.getTable() != null && c.getTable().getName() != null) {
      throw RefusedException.function(
          n, "VALUES(col) is translated only inside ON DUPLICATE KEY UPDATE.");
    }
    d.a("EXCLUDED.").a(Identifiers.pg(c.getColumnName()));
  }

  static String name(Function f) {
    if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
      throw RefusedException.function(
          String.join(".", f.getMultipartName()).toUpperCase(Locale.ROOT),
          "Qualified (stored) function calls cannot be translated.");
    }
    return PgExpressionDeParser.upper(Identifiers.normalize(f.getName()));
  }

  /**
   * The arguments; the SQL-standard forms SUBSTRING(s FROM p [FOR n]) and POSITION(a IN b) become
   * the comma forms MySQL treats as identical.
   */
  @SuppressWarnings("unchecked")
  static List<Expression> params(Function f) {
    ExpressionList<?> p = f.getParameters();
    if (p == null && f.getNamedParameters() != null) {
      net.sf.jsqlparser.expression.operators.relational.NamedExpressionList<?> named =
          f.getNamedParameters();
      List<String> names = new java.util.ArrayList<>();
      for (String n : named.getNames()) {
        names.add(n == null ? "" : n.trim().toUpperCase(Locale.ROOT));
      }
      List<Expression> values = (List<Expression>) named;
      if (names.equals(List.of("", "FROM")) || names.equals(List.of("", "FROM", "FOR"))) {
        return values;
      }
      if (names.equals(List.of("", "IN"))) {
        return values;
      }
      throw RefusedException.function(
          PgExpressionDeParser.upper(f.getName()), "Unsupported argument form " + named + ".");
    }
    return p == null ? List.of() : (List<Expression>) p;
  }

  /** Calls whose value can change between two evaluations in one statement. */
  private static final Set<String> VOLATILE =
      Set.of(
          "RAND", "UUID", "UUID_SHORT", "SYSDATE", "SLEEP", "GET_LOCK", "RELEASE_LOCK", "NEXTVAL");

  /**
   * SQL of the given PostgreSQL type that fails the statement (22P02, the message in PostgreSQL's
   * error) when {@code value} is not NULL, and is NULL otherwise: where MySQL's result cannot be
   * known, the read fails on PostgreSQL and MySQL answers it. The message is cast to an integer
   * under a CASE on the value, so PostgreSQL cannot fold it (and fail) when it plans the statement,
   * as it would a constant; it also needs no subquery (it serves in a CHECK).
   */
  static String failsWhenNotNull(String value, String message, String type) {
    return "CAST(CAST(CASE WHEN "
        + value
        + " IS NOT NULL THEN '"
        + message.replace("'", "''")
        + "' END AS integer) AS "
        + type
        + ")";
  }

  /**
   * Refuses an argument that a translation evaluates more than once unless every evaluation gives
   * the same value: literals, columns, parameters and deterministic calls and operators over them
   * (not RAND(), UUID(), SYSDATE(), a sub-query, ...).
   */
  static void repeatable(String name, Expression e) {
    if (!isRepeatable(e)) {
      throw RefusedException.function(
          name,
          name
              + " evaluates its argument more than once on PostgreSQL, which needs a column, a"
              + " literal, a parameter or a deterministic expression of them, not "
              + e
              + ".");
    }
  }

  private static boolean isRepeatable(Expression e) {
    if (e instanceof Column
        || e instanceof LongValue
        || e instanceof StringValue
        || e instanceof net.sf.jsqlparser.expression.DoubleValue
        || e instanceof net.sf.jsqlparser.expression.NullValue
        || e instanceof net.sf.jsqlparser.expression.JdbcParameter
        || e instanceof net.sf.jsqlparser.expression.DateTimeLiteralExpression
        || e instanceof net.sf.jsqlparser.expression.HexValue
        || e instanceof net.sf.jsqlparser.expression.TimeKeyExpression) {
      return true;
    }
    if (e instanceof SignedExpression s) {
      return isRepeatable(s.getExpression());
    }
    if (e instanceof net.sf.jsqlparser.expression.TrimFunction t) {
      return (t.getExpression() == null || isRepeatable(t.getExpression()))
          && (t.getFromExpression() == null || isRepeatable(t.getFromExpression()));
    }
    if (e instanceof net.sf.jsqlparser.expression.CastExpression c) {
      return isRepeatable(c.getLeftExpression());
    }
    if (e instanceof net.sf.jsqlparser.expression.BinaryExpression b) {
      return isRepeatable(b.getLeftExpression()) && isRepeatable(b.getRightExpression());
    }
    if (e instanceof ExpressionList<?> list) {
      return list.stream().allMatch(x -> isRepeatable((Expression) x));
    }
    if (e instanceof Function f) {
      return f.getName() != null
          && !VOLATILE.contains(PgExpressionDeParser.upper(f.getName()))
          && (f.getParameters() == null || isRepeatable(f.getParameters()));
    }
    return false;
  }

  /**
   * An integer argument printed as a bigint: an integer literal, an integer column (not BIGINT
   * UNSIGNED), an integer-valued expression of those ({@link ExactNumbers#isIntegerValued}: SUM,
   * ROUND of an exact number, TIME_TO_SEC, ...), NULL or a parameter (PostgreSQL fails on a bound
   * value that is not an integer); other arguments (MySQL rounds a DECIMAL and reads a string as a
   * number first) are refused.
   */
  static Runnable integerOperand(PgExpressionDeParser d, String name, Expression e) {
    if (!(ExactNumbers.isIntegerValued(d, e)
            || e instanceof net.sf.jsqlparser.expression.NullValue
            || e instanceof net.sf.jsqlparser.expression.JdbcParameter)
        || EncodingFunctions.isUnsignedBigint(d, e)) {
      throw RefusedException.function(
          name,
          name
              + " is translated with integer literals, integer columns (not BIGINT UNSIGNED),"
              + " integer-valued expressions of those (SUM, ROUND of an exact number, TIME_TO_SEC,"
              + " ...) and parameters: MySQL rounds a DECIMAL, keeps a DOUBLE's fraction and reads"
              + " a string as a number first.");
    }
    return () -> {
      d.a("CAST(");
      d.value(e);
      d.a(" AS bigint)");
    };
  }

  static void arity(String name, List<Expression> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      throw RefusedException.function(
          name, name + " with " + args.size() + " arguments is not supported.");
    }
  }

  static String literal(String name, Expression e, String what) {
    if (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      return MysqlLexer.decodeCanonical(s.getValue());
    }
    throw RefusedException.function(
        name, name + " needs " + what + " as a string literal to be translated exactly.");
  }

  static long integer(String name, Expression e, String what) {
    if (e instanceof LongValue l) {
      return l.getValue();
    }
    if (e instanceof SignedExpression s
        && s.getSign() == '-'
        && s.getExpression() instanceof LongValue l) {
      return -l.getValue();
    }
    throw RefusedException.function(
        name, name + " needs " + what + " as an integer literal to be translated exactly.");
  }
}
