package io.dualwrite.rewriter;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;

/**
 * MySQL window functions (ROW_NUMBER() OVER (...), SUM(x) OVER (...), ...) printed for PostgreSQL.
 */
final class WindowFunctions {

  private WindowFunctions() {}

  static void analytic(PgExpressionDeParser d, AnalyticExpression e) {
    String n = PgExpressionDeParser.upper(e.getName());
    if (e.getKeep() != null
        || e.getFilterExpression() != null
        || e.isIgnoreNulls()
        || e.getType() != net.sf.jsqlparser.expression.AnalyticType.OVER) {
      throw PgExpressionDeParser.refuseNode(e, "window function form");
    }
    if (!Set.of(
            "ROW_NUMBER",
            "RANK",
            "DENSE_RANK",
            "COUNT",
            "SUM",
            "MIN",
            "MAX",
            "AVG",
            "LAG",
            "LEAD",
            "FIRST_VALUE",
            "LAST_VALUE",
            "NTH_VALUE",
            "NTILE",
            "PERCENT_RANK",
            "CUME_DIST")
        .contains(n)) {
      throw RefusedException.function(n, "The window function " + n + " is not supported.");
    }
    if (e.isDistinct()) {
      throw RefusedException.function(n, "DISTINCT in a window function is not supported.");
    }
    if (n.equals("AVG")
        && e.getExpression() != null
        && e.getWindowName() == null
        && !ArithmeticOperators.isFloating(d, e.getExpression())) {
      exactAverage(d, e);
      return;
    }
    d.a(n.toLowerCase(Locale.ROOT)).a("(");
    if (e.isAllColumns()) {
      d.a("*");
    } else if (e.getExpression() != null) {
      d.value(e.getExpression());
      if (e.getOffset() != null) {
        d.a(", ");
        d.value(e.getOffset());
      }
      if (e.getDefaultValue() != null) {
        d.a(", ");
        d.value(e.getDefaultValue());
      }
    }
    if (e.getWindowName() != null) {
      // OVER w, with WINDOW w AS (...) printed by the query (PgSelectDeParser)
      d.a(") OVER ").a(Identifiers.pg(e.getWindowName()));
      return;
    }
    d.a(") OVER (");
    spec(d, e.getPartitionExpressionList(), e.getOrderByElements(), e.getWindowElement());
    d.a(")");
  }

  /**
   * AVG(x) OVER (...) of an exact number, as MySQL gives it: a DECIMAL with 4 more decimals than x
   * (div_precision_increment), as the grouped AVG ({@link AggregateFunctions}); PostgreSQL's avg
   * keeps at least 16.
   */
  private static void exactAverage(PgExpressionDeParser d, AnalyticExpression e) {
    d.a("round(avg(CAST(");
    d.value(e.getExpression());
    d.a(" AS numeric) * 1.0000) OVER (");
    spec(d, e.getPartitionExpressionList(), e.getOrderByElements(), e.getWindowElement());
    d.a("), CAST(max(scale(CAST(");
    d.value(e.getExpression());
    d.a(" AS numeric))) OVER (");
    spec(d, e.getPartitionExpressionList(), e.getOrderByElements(), e.getWindowElement());
    d.a(") AS int) + 4)");
  }

  /**
   * A window specification, in an OVER (...) or a WINDOW clause: PARTITION BY, ORDER BY (with
   * MySQL's NULL ordering), and a ROWS/RANGE frame of plain offsets (standard SQL, read the same by
   * both databases; an INTERVAL offset is refused).
   */
  static void spec(
      PgExpressionDeParser d,
      net.sf.jsqlparser.expression.operators.relational.ExpressionList<?> partition,
      List<net.sf.jsqlparser.statement.select.OrderByElement> order,
      net.sf.jsqlparser.expression.WindowElement frame) {
    boolean space = false;
    if (partition != null && !partition.isEmpty()) {
      d.a("PARTITION BY ");
      @SuppressWarnings("unchecked")
      List<Expression> parts = (List<Expression>) partition;
      d.args(parts, true);
      space = true;
    }
    if (order != null && !order.isEmpty()) {
      d.a(space ? " ORDER BY " : "ORDER BY ");
      OrderByPrinter.orderBy(d, order);
      space = true;
    }
    if (frame != null) {
      String text = frame.toString().trim();
      if (!text.matches(
          "(?i)(ROWS|RANGE)( BETWEEN)?( (UNBOUNDED|CURRENT|[0-9]+)( PRECEDING| FOLLOWING| ROW)?( AND)?)+")) {
        throw RefusedException.syntax(
            "window-frame", "The window frame " + text + " has no faithful translation.");
      }
      d.a(space ? " " : "").a(text);
    }
  }
}
