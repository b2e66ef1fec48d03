package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.name;
import static io.dualwrite.rewriter.Functions.params;
import static io.dualwrite.rewriter.Functions.same;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;

/**
 * MySQL flow control and comparison functions (IF, IFNULL, COALESCE, ISNULL, NULLIF, GREATEST,
 * LEAST) printed for PostgreSQL, with MySQL's type aggregation of their arguments.
 */
final class ControlFlowFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("NULLIF", ControlFlowFunctions::nullIf),
          Map.entry("COALESCE", ControlFlowFunctions::coalesceCall),
          Map.entry("IFNULL", ControlFlowFunctions::ifnull),
          Map.entry("IF", ControlFlowFunctions::ifThenElse),
          Map.entry("ISNULL", ControlFlowFunctions::isnull),
          Map.entry("GREATEST", ControlFlowFunctions::greatestOrLeast),
          Map.entry("LEAST", ControlFlowFunctions::greatestOrLeast));

  private ControlFlowFunctions() {}

  /**
   * Refuses a BIT column among a flow-control function's possible results: MySQL's result is then a
   * binary string (the column's bytes, or the decimal digits of its number beside another BIT or a
   * number), not the number PostgreSQL's bigint gives.
   */
  static void refuseBitResults(PgExpressionDeParser d, String n, List<Expression> results) {
    for (Expression e : results) {
      if (d.isBitValued(e)) {
        throw RefusedException.function(
            n,
            n
                + " with the BIT column "
                + e
                + " among its results is not translated: MySQL's result is a binary string"
                + " there (write "
                + e
                + " + 0).");
      }
    }
  }

  private static void coalesceCall(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    refuseBitResults(d, n, args);
    if (args.isEmpty()) {
      same(0).print(d, f, n, args);
      return;
    }
    coalesce(d, f, args);
  }

  private static void ifnull(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    refuseBitResults(d, n, args);
    coalesce(d, f, args);
  }

  private static void ifThenElse(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 3);
    refuseBitResults(d, n, args.subList(1, 3));
    boolean text = temporalMixedWithString(d, f, args.subList(1, 3));
    d.a("CASE WHEN ");
    d.cond(args.get(0));
    d.a(" THEN ");
    result(d, args.get(1), text);
    d.a(" ELSE ");
    result(d, args.get(2), text);
    d.a(" END");
  }

  /**
   * IF/CASE results that mix a date-time with a string ({@code IF(c, updated, '2024-01-01')}):
   * MySQL's result is a string, the date-time's text or the string as written; PostgreSQL would
   * read the string as a timestamp ({@code 2024-01-01 00:00:00}) or fail on one that is not. Not
   * when every string is a literal written exactly as the date-time's text ({@link
   * #literalsReadAsTheOtherKind}).
   */
  private static boolean temporalMixedWithString(
      PgExpressionDeParser d, Expression whole, List<Expression> results) {
    Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
    for (Expression r : results) {
      kinds.add(kind(d, r));
    }
    return kinds.contains(Kind.TEMPORAL)
        && kinds.contains(Kind.STRING)
        && !literalsReadAsTheOtherKind(d, whole, results);
  }

  private static void result(PgExpressionDeParser d, Expression e, boolean text) {
    if (text) {
      d.text(e);
    } else {
      d.value(e);
    }
  }

  private static void isnull(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("CAST((");
    d.value(args.get(0));
    d.a(") IS NULL AS integer)");
  }

  private static void greatestOrLeast(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (args.size() < 2) {
      throw RefusedException.function(n, n + " needs at least two arguments.");
    }
    refuseBitResults(d, n, args);
    // MySQL returns NULL when any argument is NULL; PostgreSQL ignores NULLs
    d.a("CASE WHEN ");
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        d.a(" OR ");
      }
      d.value(args.get(i));
      d.a(" IS NULL");
    }
    d.a(" THEN NULL ELSE ");
    boolean greatest = n.equals("GREATEST");
    if (!comparesTextIgnoringCase(d, args)) {
      d.a(n.toLowerCase(Locale.ROOT)).a("(");
      d.args(args, true);
      d.a(")");
    } else if (args.stream().anyMatch(a -> Collations.accentInsensitive(d, a))) {
      // PostgreSQL keeps the first of equal values, MySQL's GREATEST the last (GREATEST('a', 'A')
      // is 'A') and its LEAST the first: GREATEST's arguments are given in reverse. The result
      // goes back to the database's collation: LIKE and string searches refuse a
      // nondeterministic one (a comparison of it folds it again)
      List<Expression> order = new java.util.ArrayList<>(args);
      if (greatest) {
        java.util.Collections.reverse(order);
      }
      d.a("(").a(n.toLowerCase(Locale.ROOT)).a("(");
      for (int i = 0; i < order.size(); i++) {
        d.a(i > 0 ? ", " : "");
        Collations.folded(d, order.get(i), true);
      }
      d.a(") COLLATE \"default\")");
    } else {
      // compared lower-cased, the value returned as written (of equal ones, GREATEST's last and
      // LEAST's first, as MySQL)
      d.a("(SELECT dw_m.v FROM (VALUES ");
      for (int i = 0; i < args.size(); i++) {
        d.a(i > 0 ? ", " : "").a("(" + (i + 1) + ", ");
        d.text(args.get(i));
        d.a(")");
      }
      String dir = greatest ? " DESC" : "";
      d.a(") AS dw_m(i, v) ORDER BY lower(dw_m.v)").a(dir).a(", dw_m.i").a(dir).a(" LIMIT 1)");
    }
    d.a(" END");
  }

  /**
   * Whether MySQL's GREATEST/LEAST of these arguments compares them as case-insensitive text: all
   * strings (or NULL), every one not a literal of one case-insensitive collation, or only string
   * literals (MySQL's connection collation; see {@link PgExpressionDeParser#foldsCase}). A {@code
   * _bin} column among them, or two collations, make MySQL compare as binary.
   */
  static boolean comparesTextIgnoringCase(PgExpressionDeParser d, List<Expression> args) {
    Boolean accents = null;
    for (Expression a : args) {
      Kind k = kind(d, a);
      if ((k != Kind.STRING && k != Kind.NULL) || StringFunctions.holdsBinary(d, a)) {
        return false;
      }
      if (a instanceof StringValue
          || a instanceof net.sf.jsqlparser.expression.NullValue
          || a instanceof net.sf.jsqlparser.expression.JdbcParameter) {
        continue; // a literal or bound value takes the other arguments' collation
      }
      if (!d.isCaseInsensitiveText(a)) {
        return false; // a _bin/_cs column or an expression of unknown collation
      }
      boolean ai = Collations.accentInsensitive(d, a);
      if (accents != null && accents != ai) {
        // two different case-insensitive collations: MySQL 9.7.4 compares them as binary
        return false;
      }
      accents = ai;
    }
    return d.foldsCase(args);
  }

  /** What MySQL's type aggregation sees of an argument. */
  enum Kind {
    STRING,
    NUMBER,
    TEMPORAL,
    NULL,
    OTHER
  }

  static Kind kind(PgExpressionDeParser d, Expression e) {
    if (e
            instanceof
            net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> p
        && p.size() == 1) {
      return kind(d, (Expression) p.get(0));
    }
    if (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      return Kind.STRING;
    }
    if (e instanceof LongValue || e instanceof net.sf.jsqlparser.expression.DoubleValue) {
      return Kind.NUMBER;
    }
    if (e instanceof SignedExpression s && kind(d, s.getExpression()) == Kind.NUMBER) {
      return Kind.NUMBER;
    }
    if (e instanceof net.sf.jsqlparser.expression.NullValue) {
      return Kind.NULL;
    }
    if (TemporalNumbers.of(d, e).isPresent()) {
      return Kind.TEMPORAL; // a DATE/DATETIME/TIMESTAMP/TIME column, literal, CAST or function
    }
    var c = d.columnInfo(e);
    if (c.isPresent()) {
      String t = c.get().mysqlType();
      if (TypeMapping.isText(t)) {
        return Kind.STRING;
      }
      if (TypeMapping.isInteger(t)
          || Set.of("decimal", "numeric", "float", "double", "real")
              .contains(TypeMapping.baseType(t))) {
        return Kind.NUMBER;
      }
      if (TypeMapping.isTemporal(t)) {
        return Kind.TEMPORAL;
      }
      return Kind.OTHER;
    }
    if (e instanceof Function f) {
      String fn = name(f);
      if (fn.equals("IFNULL") || fn.equals("COALESCE")) {
        return aggregate(d, params(f));
      }
      if (StringFunctions.isTextValued(f)) {
        return Kind.STRING;
      }
    }
    return Kind.OTHER;
  }

  /**
   * A JSON value ({@link JsonFunctions#isJsonValued}) among IFNULL/COALESCE arguments of another
   * type (not NULL): MySQL's result is then a LONGTEXT, the JSON value's text ({@code true}, {@code
   * "s"}, {@code [1, 2]}) or the other argument's ({@code COALESCE(doc->'$.flag', false)} is {@code
   * '0'} without a flag); PostgreSQL has no common type for jsonb and the others.
   */
  private static boolean mixesJson(PgExpressionDeParser d, List<Expression> args) {
    boolean json = false;
    boolean other = false;
    for (Expression a : args) {
      if (JsonFunctions.isJsonValued(d, a)) {
        json = true;
      } else if (!JsonFunctions.isJsonConstructor(a) && kind(d, a) != Kind.NULL) {
        other = true; // (a JSON_ARRAY()/JSON_OBJECT() is JSON too: COALESCE(j, JSON_ARRAY()))
      }
    }
    return json && other;
  }

  /** MySQL: the arguments of IFNULL/COALESCE agree on a type, or any string makes a string. */
  static Kind aggregate(PgExpressionDeParser d, List<Expression> args) {
    if (mixesJson(d, args)) {
      return Kind.STRING;
    }
    Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
    for (Expression a : args) {
      kinds.add(kind(d, a));
    }
    kinds.remove(Kind.NULL);
    if (kinds.contains(Kind.STRING)) {
      return Kind.STRING;
    }
    return kinds.size() == 1 ? kinds.iterator().next() : Kind.OTHER;
  }

  /**
   * IFNULL/COALESCE: PostgreSQL needs one type and converts a string to the other arguments' type
   * ('none' to a number fails), while MySQL returns a string when a string is mixed with other
   * types: then every argument is printed as text.
   */
  private static void coalesce(PgExpressionDeParser d, Function f, List<Expression> args) {
    Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
    for (Expression a : args) {
      kinds.add(kind(d, a));
    }
    kinds.remove(Kind.NULL);
    boolean mixedWithString =
        mixesJson(d, args)
            || (kinds.contains(Kind.STRING)
                && kinds.size() > 1
                && !literalsReadAsTheOtherKind(d, f, args));
    int scale = mixedWithString ? -1 : commonDecimalScale(d, args);
    d.a(scale > 0 ? "round(COALESCE(" : "COALESCE(");
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        d.a(", ");
      }
      if (mixedWithString) {
        d.text(args.get(i));
      } else {
        d.value(args.get(i));
      }
    }
    d.a(scale > 0 ? "), " + scale + ")" : ")");
  }

  /**
   * {@code IFNULL(total, 0)} with a DECIMAL(12,2) {@code total}: MySQL's result is a DECIMAL with
   * the largest scale of its arguments, so a NULL total gives {@code 0.00}; PostgreSQL's numeric
   * would give {@code 0}. Returns that scale when every argument is an exact number of known scale
   * (integer literals, integer or DECIMAL columns, SUM/MIN/MAX of one) and they differ, else -1.
   */
  private static int commonDecimalScale(PgExpressionDeParser d, List<Expression> args) {
    int max = 0;
    boolean differ = false;
    Integer first = null;
    for (Expression a : args) {
      if (a instanceof net.sf.jsqlparser.expression.NullValue) {
        continue;
      }
      Integer s = exactScale(d, a);
      if (s == null) {
        return -1;
      }
      if (first == null) {
        first = s;
      } else if (!first.equals(s)) {
        differ = true;
      }
      max = Math.max(max, s);
    }
    return differ ? max : -1;
  }

  /** The scale of an exact number: 0 for integers, s for DECIMAL(p,s); null when unknown. */
  private static Integer exactScale(PgExpressionDeParser d, Expression e) {
    if (e instanceof LongValue) {
      return 0;
    }
    if (e instanceof Function f
        && Set.of("SUM", "MIN", "MAX").contains(name(f))
        && params(f).size() == 1) {
      return exactScale(d, params(f).get(0));
    }
    var c = d.columnInfo(e);
    if (c.isEmpty()) {
      return null;
    }
    String t = c.get().mysqlType().trim().toLowerCase(Locale.ROOT);
    String base = TypeMapping.baseType(t);
    if (TypeMapping.isInteger(base)) {
      return 0;
    }
    if (base.equals("decimal") || base.equals("numeric")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?:decimal|numeric)\\(\\d+,\\s*(\\d+)\\).*").matcher(t);
      return m.matches() ? Integer.valueOf(m.group(1)) : 0;
    }
    return null;
  }

  /**
   * {@code IFNULL(date_col, '9999-12-31')}, {@code IFNULL(qty, '0')}: MySQL's result is a string,
   * but every string argument is a literal written as a value of the one other kind, so the value
   * and its text agree, and PostgreSQL reads the literal as that type (printing every argument as
   * text would instead break a comparison such as {@code ? BETWEEN d1 AND IFNULL(d2,
   * '9999-12-31')}: PostgreSQL has no {@code date <= text}). Not for {@code whole} that is a result
   * column of the outermost query: the application reads MySQL's VARCHAR there.
   */
  private static boolean literalsReadAsTheOtherKind(
      PgExpressionDeParser d, Expression whole, List<Expression> args) {
    if (d.ctx.resultExpressions.contains(whole)) {
      return false; // a result column: the application reads MySQL's string
    }
    Kind other = null;
    for (Expression a : args) {
      Kind k = kind(d, a);
      if (k == Kind.STRING) {
        if (!(a instanceof StringValue)) {
          return false;
        }
      } else if (k != Kind.NULL) {
        if (other != null && other != k) {
          return false;
        }
        other = k;
      }
    }
    if (other != Kind.TEMPORAL && other != Kind.NUMBER) {
      return false;
    }
    String temporalText = other == Kind.TEMPORAL ? temporalText(d, args) : null;
    if (other == Kind.TEMPORAL && temporalText == null) {
      return false;
    }
    for (Expression a : args) {
      if (a instanceof StringValue v && kind(d, a) == Kind.STRING) {
        String text = v.getValue();
        boolean fits =
            other == Kind.NUMBER
                ? text.matches("-?[0-9]+(\\.[0-9]+)?")
                : text.matches(temporalText);
        if (!fits) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The text MySQL gives the temporal arguments' type, as a regular expression ({@code 2024-01-02}
   * for a DATE, {@code 2024-01-02 03:04:05.120} for a DATETIME(3)): a string literal written so is
   * the value's own text. Null when they are of different types.
   */
  private static String temporalText(PgExpressionDeParser d, List<Expression> args) {
    TemporalNumbers.Temporal type = null;
    for (Expression a : args) {
      var t = TemporalNumbers.of(d, a);
      if (t.isPresent()) {
        if (type != null && !type.equals(t.get())) {
          return null;
        }
        type = t.get();
      }
    }
    if (type == null) {
      return null;
    }
    String fraction = type.fsp() > 0 ? "\\.[0-9]{" + type.fsp() + "}" : "";
    return switch (type.kind()) {
      case DATE -> "[0-9]{4}-[0-9]{2}-[0-9]{2}";
      case DATETIME -> "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}" + fraction;
      case TIME -> "[0-9]{2}:[0-9]{2}:[0-9]{2}" + fraction;
    };
  }

  /**
   * NULLIF(x, y): PostgreSQL's nullif, except over case-insensitive text, where MySQL compares
   * under the collation: {@code CASE WHEN x = y THEN NULL ELSE x END} with the comparison printed
   * as any other (folded, or under dualwrite_ai_ci).
   */
  private static void nullIf(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    refuseBitResults(d, n, args.subList(0, Math.min(1, args.size())));
    if (args.size() == 2
        && (d.isCaseInsensitiveText(args.get(0)) || d.isCaseInsensitiveText(args.get(1)))) {
      Functions.repeatable(n, args.get(0));
      d.a("CASE WHEN ");
      d.cond(
          new net.sf.jsqlparser.expression.operators.relational.EqualsTo(args.get(0), args.get(1)));
      d.a(" THEN NULL ELSE ");
      d.value(args.get(0));
      d.a(" END");
      return;
    }
    same(0).print(d, f, n, args);
  }

  static void caseExpression(PgExpressionDeParser d, CaseExpression c) {
    List<Expression> results = new java.util.ArrayList<>();
    c.getWhenClauses().forEach(w -> results.add(w.getThenExpression()));
    if (c.getElseExpression() != null) {
      results.add(c.getElseExpression());
    }
    refuseBitResults(d, "CASE", results);
    boolean text = temporalMixedWithString(d, c, results);
    d.a("CASE");
    if (c.getSwitchExpression() != null && d.isCaseInsensitiveText(c.getSwitchExpression())) {
      // CASE x WHEN v: MySQL compares under x's collation, so both are folded
      boolean accents = Collations.accentInsensitive(d, c.getSwitchExpression());
      d.a(" ");
      Collations.folded(d, c.getSwitchExpression(), accents);
      for (WhenClause w : c.getWhenClauses()) {
        d.a(" WHEN ");
        Collations.folded(d, w.getWhenExpression(), accents);
        d.a(" THEN ");
        result(d, w.getThenExpression(), text);
      }
    } else if (c.getSwitchExpression() != null) {
      d.a(" ");
      d.value(c.getSwitchExpression());
      for (WhenClause w : c.getWhenClauses()) {
        d.a(" WHEN ");
        ComparisonOperators.besideBit(d, w.getWhenExpression(), c.getSwitchExpression());
        d.a(" THEN ");
        result(d, w.getThenExpression(), text);
      }
    } else {
      for (WhenClause w : c.getWhenClauses()) {
        d.a(" WHEN ");
        d.cond(w.getWhenExpression());
        d.a(" THEN ");
        result(d, w.getThenExpression(), text);
      }
    }
    if (c.getElseExpression() != null) {
      d.a(" ELSE ");
      result(d, c.getElseExpression(), text);
    }
    d.a(" END");
  }
}
