package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/** Prints UPDATE (single- and multi-table) for PostgreSQL. */
final class UpdatePrinter extends UpdateOrDeletePrinter {

  UpdatePrinter(PrintContext ctx) {
    super(ctx);
  }

  void update(Update u, Optional<TableInfo> catalogTable) {
    ctx.inWrite = true;
    refuseUntranslatedClauses(u);
    Table first = u.getTable();
    List<FromItem> others = new ArrayList<>();
    List<Expression> joinConditions = new ArrayList<>();
    boolean outer = collectJoins(u.getStartJoins(), others, joinConditions);
    if (u.getFromItem() != null) {
      if (outer) {
        throw RefusedException.syntax(
            "outer-join-write", "UPDATE ... FROM with an outer join is not MySQL.");
      }
      others.add(u.getFromItem());
    }
    outer |= collectJoins(u.getJoins(), others, joinConditions);
    List<UpdateSet> sets = u.getUpdateSets();
    boolean singleTable = others.isEmpty();
    if (!singleTable) {
      // MySQL does not define the assignment order of a multi-table UPDATE
      checkOrderIndependence(sets);
    }
    // the single table whose columns are assigned
    List<Table> all = new ArrayList<>();
    all.add(first);
    // derived tables (JOIN (SELECT ...) t) can be read in PostgreSQL's FROM, never written
    List<FromItem> derived = new ArrayList<>();
    for (FromItem f : others) {
      if (f instanceof Table t) {
        all.add(t);
      } else if (f instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect ps
          && ps.getAlias() != null
          && !outer) {
        derived.add(ps);
      } else {
        throw RefusedException.syntax(
            "update-join", "UPDATE joined with a derived table is not supported here.");
      }
    }
    for (Table t : all) {
      ctx.addTableToScope(t);
    }
    Table target = others.isEmpty() ? first : assignedTable(sets, all);
    if (outer) {
      valuesUseOnlyTarget(sets, target);
      if (u.getLimit() != null
          || (u.getOrderByElements() != null && !u.getOrderByElements().isEmpty())) {
        throw RefusedException.syntax(
            "write-limit", "Multi-table UPDATE/DELETE cannot have ORDER BY/LIMIT in MySQL.");
      }
    }
    ctx.targetTables.add(target);
    ctx.tablesWritten.add(Identifiers.normalize(target.getName()));
    a("UPDATE ");
    target.accept(select, null);
    a(" SET ");
    setList(sets, singleTable);
    if (outer) {
      List<Join> joins = new ArrayList<>();
      if (u.getStartJoins() != null) {
        joins.addAll(u.getStartJoins());
      }
      if (u.getJoins() != null) {
        joins.addAll(u.getJoins());
      }
      targetRowsOfJoin(target, first, joins, u.getWhere());
      return;
    }
    List<FromItem> from = new ArrayList<>(all);
    from.remove(target);
    from.addAll(derived);
    if (!from.isEmpty()) {
      a(" FROM ");
      for (int i = 0; i < from.size(); i++) {
        a(i > 0 ? ", " : "");
        from.get(i).accept(select, null);
      }
    }
    whereWithLimit(
        target,
        joinConditions,
        u.getWhere(),
        u.getOrderByElements(),
        u.getLimit(),
        catalogTable,
        !from.isEmpty());
  }

  private static void refuseUntranslatedClauses(Update u) {
    if (u.getWithItemsList() != null
        || u.getOutputClause() != null
        || u.getReturningClause() != null
        || u.getPreferringClause() != null
        || u.getOracleHint() != null
        || u.isUseSelect()
        || u.getModifierPriority() != null
        || u.isModifierIgnore()) {
      throw RefusedException.syntax(
          "update-clause",
          "The UPDATE uses a modifier or clause (IGNORE, LOW_PRIORITY, ...) that has no"
              + " translation.");
    }
  }

  /** The one table of a multi-table UPDATE whose columns are assigned. */
  private static Table assignedTable(List<UpdateSet> sets, List<Table> all) {
    Table target = null;
    for (UpdateSet set : sets) {
      for (Column c : set.getColumns()) {
        Table owner = owner(c, all);
        if (target != null && owner != target) {
          throw RefusedException.syntax(
              "multi-table-update",
              "The UPDATE assigns columns of several tables; PostgreSQL updates one table per"
                  + " statement.");
        }
        target = owner;
      }
    }
    return target;
  }

  /** The assignments, in MySQL's left-to-right order. */
  private void setList(List<UpdateSet> sets, boolean singleTable) {
    boolean firstSet = true;
    for (UpdateSet set : sets) {
      if (set.getColumns().size() != set.getValues().size()) {
        throw RefusedException.syntax("set-list", "Unsupported SET list " + set + ".");
      }
      for (int i = 0; i < set.getColumns().size(); i++) {
        a(firstSet ? "" : ", ");
        firstSet = false;
        String column = Identifiers.normalize(set.getColumns().get(i).getColumnName());
        a(Identifiers.pg(column)).a(" = ");
        Expression value = (Expression) set.getValues().get(i);
        assignedValue(value, expr.columnInfo(set.getColumns().get(i)));
        if (singleTable) {
          // MySQL assigns left to right and later expressions see the new value: PostgreSQL
          // reads old values, so later references print this expression instead
          ctx.assigned.put(column, value);
        }
      }
    }
    ctx.assigned.clear();
  }

  private static Table owner(Column c, List<Table> tables) {
    Table q = c.getTable();
    if (q != null && q.getName() != null) {
      String n = Identifiers.normalize(q.getName());
      for (Table t : tables) {
        String alias = t.getAlias() == null ? null : Identifiers.normalize(t.getAlias().getName());
        if (n.equals(alias) || (alias == null && n.equals(Identifiers.normalize(t.getName())))) {
          return t;
        }
      }
    }
    throw RefusedException.syntax(
        "multi-table-update",
        "In a multi-table UPDATE every assigned column must be qualified with its table: "
            + c
            + ".");
  }

  /** In an outer-join UPDATE the new values may use only the target's own columns. */
  private static void valuesUseOnlyTarget(List<UpdateSet> sets, Table target) {
    String ref =
        Identifiers.normalize(
            target.getAlias() != null ? target.getAlias().getName() : target.getName());
    boolean[] other = {false};
    ExpressionVisitorAdapter<Void> finder =
        new ExpressionVisitorAdapter<>() {
          @Override
          public <S> Void visit(Column c, S context) {
            Table q = c.getTable();
            if (q == null
                || q.getName() == null
                || !Identifiers.normalize(q.getName()).equals(ref)) {
              other[0] = true;
            }
            return null;
          }

          @Override
          public <S> Void visit(net.sf.jsqlparser.statement.select.ParenthesedSelect s, S context) {
            other[0] = true;
            return null;
          }
        };
    for (UpdateSet set : sets) {
      for (Object v : set.getValues()) {
        ((Expression) v).accept(finder, null);
      }
    }
    if (other[0]) {
      throw RefusedException.syntax(
          "outer-join-write",
          "An UPDATE with an outer join is translated only when the new values use the updated"
              + " table's own (qualified) columns and constants.");
    }
  }
}
