package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.update.Update;

/**
 * What UPDATE and DELETE share: the rows a multi-table write targets (joins, outer joins) and a
 * WHERE with MySQL's ORDER BY / LIMIT on a single table.
 */
abstract class UpdateOrDeletePrinter extends DmlPrinter {

  UpdateOrDeletePrinter(PrintContext ctx) {
    super(ctx);
  }

  /** Collects joined items and ON conditions; true when a LEFT/RIGHT (outer) join is among them. */
  static boolean collectJoins(List<Join> joins, List<FromItem> items, List<Expression> conditions) {
    if (joins == null) {
      return false;
    }
    boolean outer = false;
    for (Join j : joins) {
      if (j.isFull() || j.isNatural()) {
        throw RefusedException.syntax(
            "outer-join-write", "UPDATE/DELETE with a FULL or NATURAL join is not translated.");
      }
      if (j.isLeft() || j.isRight() || j.isOuter()) {
        outer = true;
        items.add(j.getFromItem());
        continue;
      }
      if (!j.getUsingColumns().isEmpty()) {
        throw RefusedException.syntax(
            "join-using-write", "UPDATE/DELETE with JOIN ... USING (...) is not supported.");
      }
      items.add(j.getFromItem());
      conditions.addAll(j.getOnExpressions());
    }
    return outer;
  }

  /**
   * The rows of target an outer-join UPDATE/DELETE writes: PostgreSQL's FROM/USING are inner joins,
   * so the MySQL join is kept whole in a subquery that selects the target rows' ctid (a target row
   * that only appears NULL-extended is not written, as in MySQL).
   */
  void targetRowsOfJoin(Table target, Table first, List<Join> joins, Expression where) {
    String ref =
        target.getAlias() != null
            ? Identifiers.pg(target.getAlias().getName())
            : Identifiers.pg(target.getName());
    net.sf.jsqlparser.statement.select.PlainSelect ps =
        new net.sf.jsqlparser.statement.select.PlainSelect();
    ps.addSelectItem(
        new Column(
            new Table(target.getAlias() != null ? target.getAlias().getName() : target.getName()),
            "ctid"));
    ps.setFromItem(first);
    ps.setJoins(joins);
    ps.setWhere(where);
    a(" WHERE ").a(ref).a(".ctid IN (");
    ctx.subqueryDepth++;
    try {
      ps.accept((net.sf.jsqlparser.statement.select.SelectVisitor<StringBuilder>) select, null);
    } finally {
      ctx.subqueryDepth--;
    }
    a(")");
  }

  void whereWithLimit(
      Table target,
      List<Expression> joinConditions,
      Expression where,
      List<OrderByElement> order,
      Limit limit,
      Optional<TableInfo> catalogTable,
      boolean multiTable) {
    List<Expression> conditions = new ArrayList<>(joinConditions);
    if (where != null) {
      conditions.add(where);
    }
    if (limit == null && order != null && !order.isEmpty()) {
      // ORDER BY without LIMIT does not change which rows are written
      order = null;
    }
    if (limit != null) {
      if (multiTable) {
        throw RefusedException.syntax(
            "write-limit", "Multi-table UPDATE/DELETE cannot have ORDER BY/LIMIT in MySQL.");
      }
      if ((order == null || order.isEmpty())
          && limit.getRowCount() instanceof LongValue n
          && n.getValue() >= 1
          && pinsUniqueKey(where, target, catalogTable)) {
        // WHERE fixes a unique key: at most one row matches, so LIMIT n >= 1 changes nothing
        printConditions(conditions);
        return;
      }
      if (order == null || order.isEmpty()) {
        throw RefusedException.syntax(
            "write-limit-unordered",
            "UPDATE/DELETE ... LIMIT without ORDER BY writes whichever rows each database finds"
                + " first, so the two sides could change different rows.");
      }
      if (limit.getOffset() != null) {
        throw RefusedException.syntax("write-limit", "LIMIT with an offset is not valid here.");
      }
      // WHERE ctid IN (SELECT ctid FROM t WHERE ... ORDER BY ... LIMIT n)
      String ref =
          target.getAlias() != null
              ? Identifiers.pg(target.getAlias().getName())
              : Identifiers.pg(target.getName());
      a(" WHERE ").a(ref).a(".ctid IN (SELECT ").a(ref).a(".ctid FROM ");
      target.accept(select, null);
      printConditions(conditions);
      a(" ORDER BY ");
      OrderByPrinter.orderBy(expr, order);
      // ties: InnoDB walks the clustered (primary key) index
      if (catalogTable.isPresent()) {
        for (String pk : catalogTable.get().primaryKey()) {
          a(", ").a(ref).a(".").a(Identifiers.pg(pk));
        }
      }
      a(" LIMIT ");
      expr.p(limit.getRowCount());
      a(")");
      return;
    }
    printConditions(conditions);
  }

  /**
   * {@code UPDATE/DELETE ... LIMIT n} without ORDER BY changes whichever n matching rows each
   * database finds first. When the table's primary key is made of columns that order the same on
   * both (numbers, dates and times), {@code ORDER BY} that key is added to the statement itself:
   * any n matching rows is what the application asked for, and with the order both databases pick
   * the same ones. MySQL then runs the ordered statement too (the translation's pinned form). Not
   * when WHERE fixes a unique key (the LIMIT changes nothing) or the key is unknown or textual.
   *
   * @return whether the order was added
   */
  static boolean orderLimitByPrimaryKey(
      net.sf.jsqlparser.statement.Statement statement, Optional<TableInfo> table) {
    Limit limit;
    List<OrderByElement> order;
    Table target;
    Expression where;
    if (statement instanceof Delete d
        && (d.getTables() == null || d.getTables().isEmpty())
        && (d.getJoins() == null || d.getJoins().isEmpty())) {
      limit = d.getLimit();
      order = d.getOrderByElements();
      target = d.getTable();
      where = d.getWhere();
    } else if (statement instanceof Update u
        && (u.getJoins() == null || u.getJoins().isEmpty())
        && (u.getStartJoins() == null || u.getStartJoins().isEmpty())
        && u.getFromItem() == null) {
      limit = u.getLimit();
      order = u.getOrderByElements();
      target = u.getTable();
      where = u.getWhere();
    } else {
      return false;
    }
    if (limit == null
        || (order != null && !order.isEmpty())
        || table.isEmpty()
        || table.get().primaryKey().isEmpty()
        || pinsUniqueKey(where, target, table)) {
      return false;
    }
    List<OrderByElement> byKey = new ArrayList<>();
    for (String column : table.get().primaryKey()) {
      Optional<ColumnInfo> info = table.get().column(column);
      if (info.isEmpty() || !ordersAlike(info.get().mysqlType())) {
        return false;
      }
      OrderByElement o = new OrderByElement();
      o.setExpression(new Column(column));
      byKey.add(o);
    }
    if (statement instanceof Delete d) {
      d.setOrderByElements(byKey);
    } else {
      ((Update) statement).setOrderByElements(byKey);
    }
    return true;
  }

  /** Types whose values sort the same in MySQL and PostgreSQL. */
  static boolean ordersAlike(String mysqlType) {
    return TypeMapping.isInteger(mysqlType)
        || TypeMapping.isTemporal(mysqlType)
        || Set.of("decimal", "numeric", "year").contains(TypeMapping.baseType(mysqlType));
  }

  /** True when WHERE is a conjunction of col = value that covers one of the table's unique keys. */
  static boolean pinsUniqueKey(Expression where, Table target, Optional<TableInfo> table) {
    if (where == null || table.isEmpty()) {
      return false;
    }
    Set<String> pinned = new LinkedHashSet<>();
    collectEqualities(where, target, pinned);
    for (List<String> key : table.get().allUniqueKeys()) {
      if (pinned.containsAll(key)) {
        return true;
      }
    }
    return false;
  }

  static void collectEqualities(Expression e, Table target, Set<String> pinned) {
    if (e instanceof net.sf.jsqlparser.expression.operators.conditional.AndExpression and) {
      collectEqualities(and.getLeftExpression(), target, pinned);
      collectEqualities(and.getRightExpression(), target, pinned);
    } else if (e
            instanceof
            net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> p
        && p.size() == 1) {
      collectEqualities((Expression) p.get(0), target, pinned);
    } else if (e instanceof net.sf.jsqlparser.expression.operators.relational.EqualsTo eq) {
      Expression l = eq.getLeftExpression();
      Expression r = eq.getRightExpression();
      if (l instanceof Column c && !(r instanceof Column) && !(r instanceof NullValue)) {
        pinned.add(Identifiers.normalize(c.getColumnName()));
      } else if (r instanceof Column c && !(l instanceof Column) && !(l instanceof NullValue)) {
        pinned.add(Identifiers.normalize(c.getColumnName()));
      }
    }
  }

  void printConditions(List<Expression> conditions) {
    for (int i = 0; i < conditions.size(); i++) {
      a(i == 0 ? " WHERE " : " AND ");
      boolean wrap = conditions.size() > 1;
      a(wrap ? "(" : "");
      expr.cond(conditions.get(i));
      a(wrap ? ")" : "");
    }
  }
}
