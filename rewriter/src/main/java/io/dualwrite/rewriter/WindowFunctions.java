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
        || e.getWindowName() != null
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
            "NTILE",
            "PERCENT_RANK",
            "CUME_DIST")
        .contains(n)) {
      throw RefusedException.function(n, "The window function " + n + " is not supported.");
    }
    d.a(n.toLowerCase(Locale.ROOT)).a("(");
    if (e.isDistinct()) {
      throw RefusedException.function(n, "DISTINCT in a window function is not supported.");
    }
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
    d.a(") OVER (");
    boolean space = false;
    if (e.getPartitionExpressionList() != null && !e.getPartitionExpressionList().isEmpty()) {
      d.a("PARTITION BY ");
      @SuppressWarnings("unchecked")
      List<Expression> parts = (List<Expression>) e.getPartitionExpressionList();
      d.args(parts, true);
      space = true;
    }
    if (e.getOrderByElements() != null && !e.getOrderByElements().isEmpty()) {
      d.a(space ? " ORDER BY " : "ORDER BY ");
      OrderByPrinter.orderBy(d, e.getOrderByElements());
      space = true;
    }
    if (e.getWindowElement() != null) {
      // ROWS/RANGE frames are standard SQL, read the same by both databases
      String frame = e.getWindowElement().toString().trim();
      if (!frame.matches(
          "(?i)(ROWS|RANGE)( BETWEEN)?( (UNBOUNDED|CURRENT|[0-9]+)( PRECEDING| FOLLOWING| ROW)?( AND)?)+")) {
        throw PgExpressionDeParser.refuseNode(e, "window frame");
      }
      d.a(space ? " " : "").a(frame);
    }
    d.a(")");
  }
}
