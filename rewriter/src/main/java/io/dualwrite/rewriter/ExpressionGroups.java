package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * GROUP BY or DISTINCT of an expression of case-insensitive text ({@code GROUP BY
 * SUBSTRING_INDEX(email, '@', -1)}, directly, by its select-list alias or by position): MySQL puts
 * values equal under the collation in one group. The expression is computed once per row in a
 * {@code CROSS JOIN LATERAL (SELECT expr AS dw_e1) AS dw_x} and the query groups by {@code
 * dw_x.dw_e1}, a case-insensitive text column like any other: grouped under the collation and shown
 * as a value of its group ({@link PgSelectDeParser}'s folded GROUP BY columns).
 *
 * <p>A position or alias naming a plain column ({@code SELECT name ... GROUP BY 1}, {@code SELECT
 * name AS n ... GROUP BY n}) is replaced by the column, which is then folded as any grouped column
 * (both were grouped exactly before).
 *
 * <p>The query is changed in place (a second printing of it finds nothing left to do). Where the
 * expression is used otherwise than as a whole select item or ORDER BY key (inside HAVING, inside
 * another select item), holds a parameter, or its alias also names a column (MySQL's GROUP BY then
 * means the column), nothing is changed and the query is refused as before.
 */
final class ExpressionGroups {

  /** The LATERAL derived table's name. */
  static final String ALIAS = "dw_x";

  private ExpressionGroups() {}

  /** Moves ps's case-insensitive grouping expressions into a LATERAL derived table. */
  static void lateralKeys(PgSelectDeParser dp, PlainSelect ps) {
    if (dp.ctx.inWrite || ps.getFromItem() == null) {
      return;
    }
    List<SelectItem<?>> items = ps.getSelectItems();
    Map<String, Expression> aliases = new java.util.HashMap<>();
    for (SelectItem<?> item : items) {
      if (item.getAlias() != null) {
        aliases.put(Identifiers.normalize(item.getAlias().getName()), item.getExpression());
      }
    }
    @SuppressWarnings("unchecked")
    List<Expression> groupBy =
        ps.getGroupBy() == null || ps.getGroupBy().getGroupByExpressionList() == null
            ? null
            : (List<Expression>) ps.getGroupBy().getGroupByExpressionList();
    List<Expression> keys = new ArrayList<>();
    if (groupBy != null) {
      for (int i = 0; i < groupBy.size(); i++) {
        Expression e = resolve(dp, ps, groupBy.get(i), items, aliases);
        if (e == null) {
          return;
        }
        if (e != groupBy.get(i) && e instanceof Column c) {
          // GROUP BY 1 or an alias of a column: named, so that it is folded as a column
          groupBy.set(i, c);
        }
        keys.add(e);
      }
    } else if (ps.getDistinct() != null && ps.getHaving() == null) {
      for (SelectItem<?> item : items) {
        keys.add(item.getExpression());
      }
    } else {
      return;
    }
    List<String> moved = new ArrayList<>();
    for (Expression e : keys) {
      if (isCaseInsensitiveExpression(dp, e) && !moved.contains(e.toString())) {
        if (e.toString().contains("?") || PgSelectDeParser.callsAggregateOrWindow(e)) {
          return;
        }
        moved.add(e.toString());
      }
    }
    if (moved.isEmpty() || usedInside(ps, moved)) {
      return;
    }
    PlainSelect body = new PlainSelect();
    Table table = new Table(ALIAS);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < moved.size(); i++) {
      String text = moved.get(i);
      Expression e = keys.stream().filter(k -> k.toString().equals(text)).findFirst().orElseThrow();
      body.addSelectItem(e, new Alias("dw_e" + (i + 1)));
      columns.add(new Column(table, "dw_e" + (i + 1)));
    }
    if (groupBy != null) {
      for (int i = 0; i < groupBy.size(); i++) {
        int k = moved.indexOf(keys.get(i).toString());
        if (k >= 0) {
          groupBy.set(i, columns.get(k));
        }
      }
    }
    for (SelectItem<?> item : items) {
      int k = moved.indexOf(item.getExpression().toString());
      if (k >= 0) {
        @SuppressWarnings("unchecked")
        SelectItem<Expression> it = (SelectItem<Expression>) item;
        it.setExpression(columns.get(k));
      }
    }
    if (ps.getOrderByElements() != null) {
      for (OrderByElement o : ps.getOrderByElements()) {
        int k = moved.indexOf(o.getExpression().toString());
        if (k >= 0) {
          o.setExpression(columns.get(k));
        }
      }
    }
    LateralSubSelect lateral = new LateralSubSelect();
    lateral.setSelect(body);
    lateral.setAlias(new Alias(ALIAS));
    Join join = new Join();
    join.setCross(true);
    join.setRightItem(lateral);
    if (ps.getJoins() == null) {
      ps.setJoins(new ArrayList<>());
    }
    ps.getJoins().add(join);
    dp.registerScope(lateral);
  }

  /**
   * What a GROUP BY element means: a select item's expression for its alias (unless a column has
   * that name: MySQL's GROUP BY looks in the tables first) or position, else itself; null when that
   * cannot be told.
   */
  private static Expression resolve(
      PgSelectDeParser dp,
      PlainSelect ps,
      Expression g,
      List<SelectItem<?>> items,
      Map<String, Expression> aliases) {
    if (g instanceof LongValue n) {
      long p = n.getValue();
      return p >= 1 && p <= items.size() ? items.get((int) p - 1).getExpression() : null;
    }
    if (g instanceof Column c && c.getTable() == null) {
      String name = Identifiers.normalize(c.getColumnName());
      Expression aliased = aliases.get(name);
      if (aliased != null && namesKnownColumn(dp, ps, name)) {
        return g; // MySQL (and PostgreSQL) group by the column
      }
      if (aliased != null) {
        return mayNameColumn(dp, ps, name) ? null : aliased;
      }
    }
    return g;
  }

  /**
   * Whether a table of ps's own FROM has (or, not being known, may have) a column of this name. The
   * scope holds them under their aliases, put there just before (it also holds an enclosing query's
   * tables, which a GROUP BY does not look in first).
   */
  static boolean mayNameColumn(PgSelectDeParser dp, PlainSelect ps, String name) {
    List<net.sf.jsqlparser.statement.select.FromItem> from = new ArrayList<>();
    from.add(ps.getFromItem());
    if (ps.getJoins() != null) {
      ps.getJoins().forEach(j -> from.add(j.getFromItem()));
    }
    for (net.sf.jsqlparser.statement.select.FromItem item : from) {
      String key =
          item.getAlias() != null
              ? item.getAlias().getName()
              : item instanceof Table t ? t.getName() : null;
      TableInfo info = key == null ? null : dp.ctx.scope.get(Identifiers.normalize(key));
      if (info == null || info.column(name).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a catalog-known table of ps's own FROM has a column of this name: a GROUP BY name that
   * is also a select alias then means the column (MySQL's GROUP BY looks in the tables first, with
   * warning 1052; PostgreSQL takes the input column too).
   */
  static boolean namesKnownColumn(PgSelectDeParser dp, PlainSelect ps, String name) {
    List<net.sf.jsqlparser.statement.select.FromItem> from = new ArrayList<>();
    from.add(ps.getFromItem());
    if (ps.getJoins() != null) {
      ps.getJoins().forEach(j -> from.add(j.getFromItem()));
    }
    for (net.sf.jsqlparser.statement.select.FromItem item : from) {
      String key =
          item.getAlias() != null
              ? item.getAlias().getName()
              : item instanceof Table t ? t.getName() : null;
      TableInfo info = key == null ? null : dp.ctx.scope.get(Identifiers.normalize(key));
      if (info != null && info.column(name).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** A case-insensitive text expression that is not a column nor already of one case. */
  private static boolean isCaseInsensitiveExpression(PgSelectDeParser dp, Expression e) {
    if (e instanceof Column) {
      return false;
    }
    if (e instanceof Function f
        && java.util.Set.of("LOWER", "LCASE", "UPPER", "UCASE")
            .contains(PgExpressionDeParser.upper(f.getName()))) {
      return false; // one case already: values equal under the collation group together as printed
    }
    try {
      return dp.expr.isCaseInsensitiveText(e);
    } catch (RefusedException refused) {
      return false; // refused where it is printed
    }
  }

  /**
   * Whether a moved expression also stands inside HAVING, inside a select item or ORDER BY key
   * other than one that is the expression itself: those would still name the ungrouped expression.
   */
  private static boolean usedInside(PlainSelect ps, List<String> moved) {
    StringBuilder text = new StringBuilder();
    for (SelectItem<?> item : ps.getSelectItems()) {
      if (!moved.contains(item.getExpression().toString())) {
        text.append(item.getExpression()).append('\n');
      }
    }
    if (ps.getOrderByElements() != null) {
      for (OrderByElement o : ps.getOrderByElements()) {
        if (!moved.contains(o.getExpression().toString())) {
          text.append(o.getExpression()).append('\n');
        }
      }
    }
    if (ps.getHaving() != null) {
      text.append(ps.getHaving());
    }
    String all = text.toString();
    return moved.stream().anyMatch(all::contains);
  }
}
