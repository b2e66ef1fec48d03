package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.same;

import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.statement.select.OrderByElement;

/** MySQL aggregate functions (COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT) printed for PostgreSQL. */
final class AggregateFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("SUM", AggregateFunctions::sum),
          Map.entry("MIN", AggregateFunctions::minOrMax),
          Map.entry("MAX", AggregateFunctions::minOrMax),
          Map.entry("COUNT", AggregateFunctions::count),
          Map.entry("AVG", AggregateFunctions::avg),
          Map.entry("STD", statistic("stddev_pop")),
          Map.entry("STDDEV", statistic("stddev_pop")),
          Map.entry("STDDEV_POP", statistic("stddev_pop")),
          Map.entry("STDDEV_SAMP", statistic("stddev_samp")),
          Map.entry("VARIANCE", statistic("var_pop")),
          Map.entry("VAR_POP", statistic("var_pop")),
          Map.entry("VAR_SAMP", statistic("var_samp")),
          Map.entry("BIT_AND", AggregateFunctions::bitAggregate),
          Map.entry("BIT_OR", AggregateFunctions::bitAggregate),
          Map.entry("BIT_XOR", AggregateFunctions::bitAggregate),
          Map.entry("ANY_VALUE", AggregateFunctions::anyValue),
          // with GROUP BY ... WITH ROLLUP (ROLLUP on PostgreSQL): 1 in a super-aggregate row
          Map.entry("GROUPING", AggregateFunctions::grouping));

  private AggregateFunctions() {}

  /**
   * GROUPING(col, ...) under WITH ROLLUP: 1 in the rows where col is rolled up. A case-insensitive
   * column is grouped by {@code lower(col)} there ({@link PgSelectDeParser}), and PostgreSQL takes
   * only a grouping expression as GROUPING's argument, so it is {@code GROUPING(lower(col))}.
   */
  private static void grouping(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, Integer.MAX_VALUE);
    d.a("grouping(");
    for (int i = 0; i < args.size(); i++) {
      d.a(i > 0 ? ", " : "");
      // GROUPING(yr) of a select-list alias in ORDER BY or HAVING: PostgreSQL takes only the
      // grouping expression itself
      Expression aliased = selectAlias(d, args.get(i));
      Expression arg = aliased != null ? aliased : args.get(i);
      if (arg instanceof net.sf.jsqlparser.schema.Column c && d.isFoldedGroupColumn(c)) {
        // the column itself, not the value it shows
        Collations.groupKey(d, c, () -> d.unfolded(() -> d.value(c)));
      } else {
        d.unfolded(() -> d.value(arg));
      }
    }
    d.a(")");
  }

  /**
   * The select-list expression an unqualified name stands for in ORDER BY or HAVING (an alias, not
   * a column of the query's tables), else null.
   */
  private static Expression selectAlias(PgExpressionDeParser d, Expression e) {
    if (!(e instanceof net.sf.jsqlparser.schema.Column c)
        || (c.getTable() != null && c.getTable().getName() != null)
        || d.columnInfo(c).isPresent()) {
      return null;
    }
    String name = Identifiers.normalize(c.getColumnName());
    Expression aliased = d.orderAliases.get(name);
    return aliased != null ? aliased : d.havingAliases.get(name);
  }

  /**
   * BIT_AND/BIT_OR/BIT_XOR of an integer column or literal: MySQL computes them on the 64 bits and
   * returns a BIGINT UNSIGNED (a negative result is 2^64 + v), all ones (BIT_AND) or 0 over no
   * rows. PostgreSQL's bigint aggregates give the same bits; the empty case is the COALESCE (all
   * ones is -1 in bigint), and a negative bigint is shown as MySQL's unsigned value.
   */
  private static void bitAggregate(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (!EncodingFunctions.isIntegerExpression(d, args.get(0))) {
      throw RefusedException.function(
          n,
          n
              + " is translated for an integer column or literal, or +, - and * of those (not"
              + " BIGINT UNSIGNED): MySQL"
              + " converts other arguments first (a DECIMAL rounded, a string read as a number).");
    }
    StringBuilder out = d.out();
    int start = out.length();
    d.value(args.get(0));
    String arg = out.substring(start);
    out.setLength(start);
    String v =
        "COALESCE("
            + n.toLowerCase(java.util.Locale.ROOT)
            + "(CAST("
            + arg
            + " AS bigint)), "
            + (n.equals("BIT_AND") ? "-1" : "0")
            + ")";
    d.a("(CAST(").a(v).a(" AS numeric) + CASE WHEN ").a(v);
    d.a(" < 0 THEN 18446744073709551616 ELSE 0 END)");
  }

  /**
   * MySQL's STD/STDDEV/VARIANCE family: a DOUBLE computed from the values converted to DOUBLE (NULL
   * over no rows, and the sample forms over one row), as PostgreSQL's double precision overloads
   * compute it.
   */
  private static Functions.Printer statistic(String pg) {
    return (d, f, n, args) -> {
      arity(n, args, 1, 1);
      d.a(pg).a("(CAST(");
      d.value(args.get(0));
      d.a(" AS double precision))");
    };
  }

  private static void minOrMax(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (args.size() == 1 && d.isCaseInsensitiveText(args.get(0))) {
      caseInsensitiveMinMax(d, args.get(0), n.equals("MAX"));
      return;
    }
    same(0).print(d, f, n, args);
  }

  /**
   * {@code COUNT(DISTINCT a, b)}: MySQL counts the distinct combinations with no NULL among them.
   * PostgreSQL's count takes one argument, and counts a row value with a NULL field, so the row is
   * counted only when every field is not NULL. A case-insensitive text field is compared as its
   * collation compares it ({@link Collations#folded}).
   */
  private static void countDistinctRows(PgExpressionDeParser d, List<Expression> args) {
    d.a("count(DISTINCT CASE WHEN ");
    for (int i = 0; i < args.size(); i++) {
      d.a(i > 0 ? " AND " : "");
      d.value(args.get(i));
      d.a(" IS NOT NULL");
    }
    d.a(" THEN ROW(");
    for (int i = 0; i < args.size(); i++) {
      d.a(i > 0 ? ", " : "");
      if (d.isCaseInsensitiveText(args.get(i))) {
        Collations.folded(d, args.get(i), Collations.accentInsensitive(d, args.get(i)));
      } else {
        d.value(args.get(i));
      }
    }
    d.a(") END)");
  }

  private static void count(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (f.isAllColumns()
        || (args.size() == 1
            && args.get(0) instanceof net.sf.jsqlparser.statement.select.AllColumns)) {
      d.a("count(*)");
      return;
    }
    if (f.isDistinct() && args.size() > 1) {
      countDistinctRows(d, args);
      return;
    }
    arity(n, args, 1, 1);
    if (f.isDistinct() && d.isCaseInsensitiveText(args.get(0))) {
      // MySQL counts values that differ only in case (and, under utf8mb4_0900_ai_ci, accents)
      // once, under the column's collation
      d.a("count(DISTINCT ");
      Collations.folded(d, args.get(0), Collations.accentInsensitive(d, args.get(0)));
      d.a(")");
      return;
    }
    d.a(f.isDistinct() ? "count(DISTINCT " : "count(");
    d.value(args.get(0));
    d.a(")");
  }

  /**
   * SUM of a text column, or of an unquoted JSON value, adds the numbers MySQL reads its strings as
   * (a DOUBLE); SUM of a date-time adds the numbers its digits spell ({@link TemporalNumbers}).
   */
  private static void sum(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (TemporalNumbers.of(d, args.get(0)).isPresent()) {
      d.a(f.isDistinct() ? "sum(DISTINCT " : "sum(");
      StringNumbers.value(d, args.get(0));
      d.a(")");
    } else if (StringNumbers.isStringValue(d, args.get(0))) {
      d.a(f.isDistinct() ? "sum(DISTINCT " : "sum(");
      StringNumbers.printNumber(d, args.get(0));
      d.a(")");
    } else if (d.columnInfo(args.get(0))
        .map(c -> TypeMapping.baseType(c.mysqlType()).equals("float"))
        .orElse(false)) {
      // MySQL sums a FLOAT column in double precision (a DOUBLE); PostgreSQL's sum(real) adds in
      // single precision
      d.a(f.isDistinct() ? "sum(DISTINCT CAST(" : "sum(CAST(");
      d.p(args.get(0));
      d.a(" AS double precision))");
    } else {
      same(0).print(d, f, n, args);
    }
  }

  private static void avg(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (ArithmeticOperators.isFloating(d, args.get(0))) {
      d.a(f.isDistinct() ? "avg(DISTINCT " : "avg(");
      StringNumbers.value(d, args.get(0)); // a string column: its numbers, as a DOUBLE
      d.a(")");
      return;
    }
    // MySQL: exact, with div_precision_increment (4) more decimals than the argument
    // (* 1.0000: PostgreSQL then divides the sum to at least that scale, see Division)
    // (a date-time: the number its digits spell, see TemporalNumbers)
    d.a(f.isDistinct() ? "round(avg(DISTINCT CAST(" : "round(avg(CAST(");
    StringNumbers.value(d, args.get(0));
    d.a(" AS numeric) * 1.0000), max(scale(CAST(");
    StringNumbers.value(d, args.get(0));
    d.a(" AS numeric))) + 4)");
  }

  static void groupConcat(PgExpressionDeParser d, MySQLGroupConcat g) {
    String sep = ",";
    if (g.getSeparator() != null) {
      String raw = g.getSeparator().trim();
      if (raw.length() < 2 || raw.charAt(0) != '\'' || raw.charAt(raw.length() - 1) != '\'') {
        throw RefusedException.function("GROUP_CONCAT", "GROUP_CONCAT needs a literal SEPARATOR.");
      }
      sep = MysqlLexer.decodeCanonical(raw.substring(1, raw.length() - 1));
    }
    @SuppressWarnings("unchecked")
    List<Expression> args = (List<Expression>) g.getExpressionList();
    List<OrderByElement> order = g.getOrderByElements();
    if (g.isDistinct() && order != null && !order.isEmpty()) {
      distinctOrderedGroupConcat(d, args, order, sep);
      return;
    }
    if (g.isDistinct() && d.anyCaseInsensitive(args)) {
      distinctGroupConcatByRows(d, args, List.of(), sep);
      return;
    }
    d.a("string_agg(");
    if (g.isDistinct()) {
      d.a("DISTINCT ");
    }
    if (args.size() == 1) {
      d.text(args.get(0));
    } else {
      d.a("(");
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          d.a(" || ");
        }
        d.text(args.get(i));
      }
      d.a(")");
    }
    d.a(", '").a(sep.replace("'", "''")).a("'");
    if (order != null && !order.isEmpty()) {
      d.a(" ORDER BY ");
      OrderByPrinter.orderBy(d, order);
    }
    d.a(")");
  }

  /**
   * GROUP_CONCAT(DISTINCT x ORDER BY x [DESC]) on a case-sensitive value: PostgreSQL's DISTINCT
   * aggregates may only order by their argument, so the values are collected in their own type
   * (numbers sort as numbers) and joined as text; NULLs are skipped and an all-NULL group gives
   * NULL, as in MySQL. Every other DISTINCT with ORDER BY, and DISTINCT over case-insensitive text,
   * goes through {@link #distinctGroupConcatByRows}.
   */
  private static void distinctOrderedGroupConcat(
      PgExpressionDeParser d, List<Expression> args, List<OrderByElement> order, String sep) {
    Expression x = args.size() == 1 ? args.get(0) : null;
    boolean sameExpression = x != null && order.size() == 1;
    for (OrderByElement o : order) {
      sameExpression &= o.getExpression().toString().equals(String.valueOf(x));
    }
    if (!sameExpression || d.anyCaseInsensitive(args)) {
      distinctGroupConcatByRows(d, args, order, sep);
      return;
    }
    d.a("array_to_string(array_agg(DISTINCT ");
    d.value(x);
    d.a(" ORDER BY ");
    d.value(x);
    d.a(order.get(0).isAsc() ? "" : " DESC");
    d.a(") FILTER (WHERE ");
    d.value(x);
    d.a(" IS NOT NULL), '").a(sep.replace("'", "''")).a("')");
  }

  /**
   * GROUP_CONCAT(DISTINCT a, b ORDER BY k1, k2 SEPARATOR s) in general: the group's values and sort
   * keys are collected into parallel arrays (aggregates of the outer query), and a scalar subquery
   * over their rows keeps one row per distinct (a, b) - compared case-insensitively where MySQL's
   * collation is, under {@link Collations#AI_CI} where it also ignores accents - and joins them in
   * key order:
   *
   * <pre>
   * (SELECT string_agg(dw_v1 || dw_v2, 's' ORDER BY dw_k1, dw_k2, dw_v1, dw_v2)
   *    FROM (SELECT DISTINCT ON (dw_v1, dw_v2) dw_v1, dw_v2, dw_k1, dw_k2
   *            FROM unnest(array_agg(a), array_agg(b), array_agg(k1), array_agg(k2))
   *                 AS dw_u(dw_v1, dw_v2, dw_k1, dw_k2)
   *           WHERE dw_v1 IS NOT NULL AND dw_v2 IS NOT NULL
   *           ORDER BY dw_v1, dw_v2, dw_k1, dw_k2) dw_g)
   * </pre>
   *
   * Arguments without a column (a separator literal) are printed in place. A value that occurs with
   * several sort keys is placed by its first key in sort order; MySQL places it by the key of the
   * row it happened to read first, which SQL leaves unspecified (when the key depends on the value,
   * as in Sakila's actor_info, both agree). Of values equal under a case-insensitive collation, the
   * first in that order is shown (MySQL: the first read).
   */
  private static void distinctGroupConcatByRows(
      PgExpressionDeParser d, List<Expression> args, List<OrderByElement> order, String sep) {
    if (!hasColumn(args)) {
      // an aggregate over constants only would belong to the subquery, not to the group
      throw RefusedException.function(
          "GROUP_CONCAT", "GROUP_CONCAT(DISTINCT ...) of constants only is not translated.");
    }
    // Arguments without a column are the same on every row: printed in place, not collected
    // (an aggregate of a constant inside the subquery would belong to the subquery).
    List<Expression> collected = new java.util.ArrayList<>();
    List<String> distinctOn = new java.util.ArrayList<>();
    List<String> values = new java.util.ArrayList<>();
    for (Expression arg : args) {
      if (hasColumn(List.of(arg))) {
        collected.add(arg);
        String v = "dw_v" + collected.size();
        values.add(v);
        distinctOn.add(
            !d.isCaseInsensitiveText(arg)
                ? v
                : Collations.accentInsensitive(d, arg)
                    ? "((" + v + ") COLLATE " + Collations.AI_CI + ")"
                    : "lower(" + v + ")");
      }
    }
    List<OrderByElement> keys = new java.util.ArrayList<>();
    for (OrderByElement o : order == null ? List.<OrderByElement>of() : order) {
      if (hasColumn(List.of(o.getExpression()))) {
        keys.add(o); // a constant key orders nothing
      }
    }
    List<String> sortKeys = new java.util.ArrayList<>();
    for (int i = 1; i <= keys.size(); i++) {
      OrderByElement o = keys.get(i - 1);
      StringBuilder k = new StringBuilder("dw_k" + i);
      if (!o.isAsc()) {
        k.append(" DESC");
      }
      k.append(OrderByPrinter.nullOrderingOf(o));
      sortKeys.add(k.toString());
    }
    List<String> joinOrder = new java.util.ArrayList<>(sortKeys);
    joinOrder.addAll(distinctOn);
    List<String> pickOrder = new java.util.ArrayList<>(distinctOn);
    pickOrder.addAll(sortKeys);
    if (!distinctOn.equals(values)) {
      pickOrder.addAll(values);
    }
    List<String> columns = new java.util.ArrayList<>(values);
    for (int i = 1; i <= keys.size(); i++) {
      columns.add("dw_k" + i);
    }
    d.a("(SELECT string_agg(");
    int v = 0;
    for (int i = 0; i < args.size(); i++) {
      d.a(i > 0 ? " || " : "");
      if (v < collected.size() && collected.get(v) == args.get(i)) {
        d.a(values.get(v++));
      } else {
        d.text(args.get(i));
      }
    }
    d.a(", '").a(sep.replace("'", "''")).a("' ORDER BY ").a(String.join(", ", joinOrder));
    d.a(") FROM (SELECT DISTINCT ON (").a(String.join(", ", distinctOn)).a(") ");
    d.a(String.join(", ", columns)).a(" FROM unnest(");
    for (int i = 0; i < collected.size(); i++) {
      d.a(i > 0 ? ", " : "").a("array_agg(");
      d.text(collected.get(i));
      d.a(")");
    }
    for (OrderByElement o : keys) {
      d.a(", array_agg(");
      OrderByPrinter.orderKey(d, o.getExpression());
      d.a(")");
    }
    d.a(") AS dw_u(").a(String.join(", ", columns)).a(") WHERE ");
    d.a(String.join(" AND ", values.stream().map(x -> x + " IS NOT NULL").toList()));
    d.a(" ORDER BY ").a(String.join(", ", pickOrder)).a(") dw_g)");
  }

  /**
   * MIN/MAX of a case-insensitive column: MySQL compares under the collation ('alice' < 'Bob'),
   * PostgreSQL's min/max in code-point order ('Bob' < 'alice'). The value first in case-insensitive
   * order is taken as written; of values equal but for case, the first in code-point order (MySQL:
   * the first read). NULLs are skipped and an all-NULL group gives NULL, as with min/max.
   */
  private static void caseInsensitiveMinMax(PgExpressionDeParser d, Expression x, boolean max) {
    String dir = max ? " DESC" : "";
    d.a("(array_agg(");
    d.value(x);
    d.a(" ORDER BY ");
    Collations.folded(d, x, Collations.accentInsensitive(d, x));
    d.a(dir).a(", ");
    d.value(x);
    d.a(dir).a(") FILTER (WHERE ");
    d.value(x);
    d.a(" IS NOT NULL))[1]");
  }

  /**
   * ANY_VALUE(x): x, which MySQL exempts from ONLY_FULL_GROUP_BY. In a grouped or aggregating
   * query's select list, HAVING or ORDER BY it is a value of one row of the group: the first
   * aggregated ({@code (array_agg(x))[1]}, any type, NULL when that row's x is), as MySQL takes the
   * first row it reads; the same value where x is the same in the whole group, the use ANY_VALUE is
   * meant for. Elsewhere (no GROUP BY nor aggregate, WHERE, inside an aggregate) x itself, as
   * MySQL.
   */
  private static void anyValue(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (!d.aggregatingQuery || d.aggregateDepth > 0) {
      d.a("(");
      d.value(args.get(0));
      d.a(")");
      return;
    }
    if (d.foldedRollup || d.readOrderKey == null) {
      throw RefusedException.function(
          n,
          "ANY_VALUE in a grouping query is translated over one table with a known primary key,"
              + " without WITH ROLLUP: MySQL gives the value of the first row it reads, which"
              + " for a join or a super-aggregate row depends on its plan.");
    }
    d.aggregateDepth++;
    try {
      d.a("(array_agg(");
      d.value(args.get(0));
      d.a(" ORDER BY ").a(String.join(", ", d.readOrderKey)).a("))[1]");
    } finally {
      d.aggregateDepth--;
    }
  }

  /**
   * Whether {@code ps} groups or aggregates: a GROUP BY, or an aggregate call (not ANY_VALUE, not
   * windowed) in its select list or HAVING outside subqueries.
   */
  static boolean aggregates(net.sf.jsqlparser.statement.select.PlainSelect ps) {
    if (ps.getGroupBy() != null) {
      return true;
    }
    boolean[] found = {false};
    var finder =
        new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Function function, S context) {
            if (function.getName() != null
                && PgExpressionDeParser.AGGREGATES.contains(
                    PgExpressionDeParser.upper(function.getName()))) {
              found[0] = true;
              return null;
            }
            return super.visit(function, context);
          }

          @Override
          public <S> Void visit(MySQLGroupConcat groupConcat, S context) {
            found[0] = true;
            return null;
          }

          @Override
          public <S> Void visit(
              net.sf.jsqlparser.expression.JsonAggregateFunction aggregate, S context) {
            found[0] = true;
            return null;
          }

          @Override
          public <S> Void visit(net.sf.jsqlparser.expression.AnalyticExpression e, S context) {
            return null;
          }

          @Override
          public <S> Void visit(
              net.sf.jsqlparser.statement.select.ParenthesedSelect select, S context) {
            return null;
          }
        };
    for (var item : ps.getSelectItems()) {
      if (item.getExpression() != null) {
        item.getExpression().accept(finder, null);
      }
    }
    if (ps.getHaving() != null) {
      ps.getHaving().accept(finder, null);
    }
    return found[0];
  }

  /** Whether any of the expressions refers to a column. */
  static boolean hasColumn(List<? extends Expression> list) {
    boolean[] found = {false};
    for (Expression e : list) {
      e.accept(
          new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(net.sf.jsqlparser.schema.Column column, S context) {
              found[0] = true;
              return null;
            }
          },
          null);
    }
    return found[0];
  }

  /**
   * AVG(x) of an integer or DECIMAL(p, s) column with s + 4 <= 9, as MySQL computes with it in
   * FORMAT and in a division: MySQL uses the average it keeps inside, with 9 decimals (cut, not
   * rounded: FORMAT(AVG(qty), 20) of 22/7 is 3.14285714200000000000 on MySQL 9.7.4, for an INT and
   * a DECIMAL(10,2) alike), not the value it shows with s + 4 decimals; rounding that shown value
   * again would differ where its last digits round up (1.12499999 is 1.12 to MySQL, 1.1250 then
   * 1.13; AVG(qty) / 7 is 0.44897959 of 3.142857142, not 0.44898571 of 3.1429). Null when x is not
   * such an AVG.
   */
  static Runnable averageKeptInside(PgExpressionDeParser d, Expression x) {
    if (!(PgExpressionDeParser.unwrapped(x) instanceof Function f)
        || f.getName() == null
        || !PgExpressionDeParser.upper(f.getName()).equals("AVG")
        || f.isDistinct()
        || f.isAllColumns()
        || f.getParameters() == null
        || f.getParameters().size() != 1) {
      return null;
    }
    Expression arg = (Expression) f.getParameters().get(0);
    java.util.Optional<ColumnInfo> c = d.columnInfo(arg);
    if (c.isEmpty()) {
      return null;
    }
    String base = TypeMapping.baseType(c.get().mysqlType());
    boolean integer = TypeMapping.isInteger(c.get().mysqlType()) && !base.equals("bit");
    int scale = base.equals("decimal") || base.equals("numeric") ? decimalScale(c.get()) : -1;
    if (!integer && (scale < 0 || scale + 4 > 9)) {
      return null;
    }
    return () -> {
      d.a("trunc(sum(CAST(");
      d.p(arg);
      d.a(" AS numeric)) * 1.000000000 / count(");
      d.p(arg);
      d.a("), 9)");
    };
  }

  /** s of a DECIMAL(p, s) column (0 without one). */
  private static int decimalScale(ColumnInfo c) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\(\\s*\\d+\\s*,\\s*(\\d+)\\s*\\)").matcher(c.mysqlType());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** The scale MySQL shows an AVG of a DECIMAL(p, s) with, s + 4; 4 for an integer argument. */
  static int averageShownScale(PgExpressionDeParser d, Expression avg) {
    Function f = (Function) PgExpressionDeParser.unwrapped(avg);
    java.util.Optional<ColumnInfo> c = d.columnInfo((Expression) f.getParameters().get(0));
    String base = c.map(ci -> TypeMapping.baseType(ci.mysqlType())).orElse("");
    return (base.equals("decimal") || base.equals("numeric") ? decimalScale(c.get()) : 0) + 4;
  }
}
