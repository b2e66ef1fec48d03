package io.dualwrite.rewriter;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;

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
   * MySQL's NULL ordering), and a ROWS/RANGE frame ({@link #frame}).
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
      for (int i = 0; i < parts.size(); i++) {
        d.a(i > 0 ? ", " : "");
        Expression p = parts.get(i);
        if (d.isCaseInsensitiveText(p)) {
          // MySQL partitions case-insensitive text under its collation ('Anna' with 'anna')
          Collations.folded(d, p, Collations.accentInsensitive(d, p));
        } else {
          d.value(p);
        }
      }
      space = true;
    }
    if (order != null && !order.isEmpty()) {
      d.a(space ? " ORDER BY " : "ORDER BY ");
      OrderByPrinter.orderBy(d, order);
      space = true;
    }
    if (frame != null) {
      d.a(space ? " " : "");
      frame(d, order, frame);
    }
  }

  /**
   * A ROWS/RANGE frame. Plain offsets are standard SQL, read the same by both databases. A RANGE
   * frame with {@code INTERVAL n unit PRECEDING/FOLLOWING} over one DATE, DATETIME or TIMESTAMP key
   * becomes PostgreSQL's {@code RANGE ... INTERVAL 'n unit' PRECEDING} (PostgreSQL 11+): both take
   * a row into the frame when its key lies between the current row's key minus/plus the interval,
   * computed with the same month arithmetic (2024-03-31 minus 1 month is 2024-02-29), a DATE key
   * taken as its midnight for units of a day or less (MySQL 9.7.4, corpus {@code
   * window-range-interval-*}). Refused: any other key (a TIME key: PostgreSQL drops the days and
   * months of the interval), an amount that is not a non-negative integer literal (MySQL rounds
   * {@code 1.5 DAY} to 2 days), a bound parameter, a compound unit in another form than DATE_ADD
   * reads.
   */
  private static void frame(
      PgExpressionDeParser d,
      List<net.sf.jsqlparser.statement.select.OrderByElement> order,
      net.sf.jsqlparser.expression.WindowElement frame) {
    String text = frame.toString().trim();
    if (text.matches(
        "(?i)(ROWS|RANGE)( BETWEEN)?( (UNBOUNDED|CURRENT|[0-9]+)( PRECEDING| FOLLOWING| ROW)?( AND)?)+")) {
      d.a(text);
      return;
    }
    if (text.matches(
        "(?i)RANGE( BETWEEN)?( (UNBOUNDED|CURRENT|[0-9]+(\\.[0-9]+)?)( PRECEDING| FOLLOWING| ROW)?( AND)?)+")) {
      // a fractional offset: PostgreSQL frames only a numeric key by a numeric offset (MySQL
      // 9.7.4 frames an integer key by 15.5 too, which PostgreSQL refuses for an integer key)
      if (order == null
          || order.size() != 1
          || !d.columnInfo(order.get(0).getExpression())
              .map(i -> TypeMapping.baseType(i.mysqlType()).matches("decimal|numeric"))
              .orElse(false)) {
        throw RefusedException.syntax(
            "window-frame",
            "The window frame "
                + text
                + " has a fractional offset, translated only over one DECIMAL column key.");
      }
      d.a(text);
      return;
    }
    List<WindowOffset> bounds =
        frame.getRange() != null
            ? List.of(frame.getRange().getStart(), frame.getRange().getEnd())
            : frame.getOffset() != null ? List.of(frame.getOffset()) : List.of();
    if (frame.getType() != WindowElement.Type.RANGE
        || bounds.isEmpty()
        || bounds.stream().noneMatch(b -> b.getExpression() instanceof IntervalExpression)) {
      throw RefusedException.syntax(
          "window-frame", "The window frame " + text + " has no faithful translation.");
    }
    if (order == null || order.size() != 1 || !isDateOrDateTime(d, order.get(0).getExpression())) {
      throw RefusedException.syntax(
          "window-frame",
          "The window frame "
              + text
              + " is translated only over one ORDER BY key known to be a DATE, DATETIME or"
              + " TIMESTAMP (a catalog column or a date-valued expression).");
    }
    d.a("RANGE ");
    if (frame.getRange() != null) {
      d.a("BETWEEN ");
      bound(d, text, frame.getRange().getStart());
      d.a(" AND ");
      bound(d, text, frame.getRange().getEnd());
    } else {
      bound(d, text, frame.getOffset());
    }
  }

  private static boolean isDateOrDateTime(PgExpressionDeParser d, Expression key) {
    if (d.isDateValued(key)) {
      return true;
    }
    return d.columnInfo(key)
        .map(
            i ->
                Set.of("date", "datetime", "timestamp")
                    .contains(TypeMapping.baseType(i.mysqlType())))
        .orElse(false);
  }

  private static void bound(PgExpressionDeParser d, String text, WindowOffset b) {
    if (b.getType() == WindowOffset.Type.CURRENT) {
      d.a("CURRENT ROW");
      return;
    }
    String side = b.getType() == WindowOffset.Type.PRECEDING ? " PRECEDING" : " FOLLOWING";
    if (b.getExpression() == null) {
      d.a("UNBOUNDED").a(side);
      return;
    }
    if (!(b.getExpression() instanceof IntervalExpression iv)) {
      // MySQL: a RANGE frame over a temporal key takes only INTERVAL offsets (error 3589 for n)
      throw RefusedException.syntax(
          "window-frame", "The window frame " + text + " mixes a number with an INTERVAL.");
    }
    String unit = PgExpressionDeParser.upper(iv.getIntervalType());
    String param =
        iv.getExpression() == null && iv.getParameter() != null ? iv.getParameter().trim() : null;
    if (DateTimeFunctions.COMPOUND_UNITS.containsKey(unit) && param != null) {
      String pg = DateTimeFunctions.compoundInterval(iv, unit);
      if (pg.startsWith("-")) {
        throw RefusedException.syntax(
            "window-frame",
            "The window frame " + text + " has a negative INTERVAL (a MySQL error).");
      }
      d.a("INTERVAL '").a(pg).a("'").a(side);
      return;
    }
    if (!DateTimeFunctions.INTERVAL_UNITS.contains(unit)
        || param == null
        || !param.matches("[0-9]+")) {
      throw RefusedException.syntax(
          "window-frame",
          "The window frame "
              + text
              + " is translated only with INTERVAL n unit, n a non-negative integer literal (MySQL"
              + " rounds a fraction, and a parameter's type is not known here).");
    }
    DateTimeFunctions.interval(d, new LongValue(param), unit);
    d.a(side);
  }
}
