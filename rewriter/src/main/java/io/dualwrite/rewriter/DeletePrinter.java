package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;

/** Prints DELETE (single- and multi-table) for PostgreSQL. */
final class DeletePrinter extends UpdateOrDeletePrinter {

  DeletePrinter(PrintContext ctx) {
    super(ctx);
  }

  void delete(Delete d, Optional<TableInfo> catalogTable) {
    ctx.inWrite = true;
    if (d.getWithItemsList() != null
        || d.getOutputClause() != null
        || d.getReturningClause() != null
        || d.getPreferringClause() != null
        || d.getOracleHint() != null
        || d.getModifierPriority() != null
        || d.isModifierIgnore()) {
      throw RefusedException.syntax(
          "delete-clause",
          "The DELETE uses a modifier or clause (IGNORE, LOW_PRIORITY, ...) that has no"
              + " translation.");
    }
    List<Table> targets = d.getTables() == null ? List.of() : d.getTables();
    List<FromItem> others = new ArrayList<>();
    List<Expression> joinConditions = new ArrayList<>();
    Table from = d.getTable();
    if (d.getUsingList() != null) {
      others.addAll(d.getUsingList());
    }
    boolean outer = collectJoins(d.getJoins(), others, joinConditions);
    if (outer && d.getUsingList() != null && !d.getUsingList().isEmpty()) {
      throw RefusedException.syntax(
          "outer-join-write", "DELETE ... USING with an outer join is not translated.");
    }
    List<Table> all = new ArrayList<>();
    all.add(from);
    for (FromItem f : others) {
      if (!(f instanceof Table t)) {
        throw RefusedException.syntax(
            "delete-join", "DELETE joined with a derived table is not supported.");
      }
      all.add(t);
    }
    for (Table t : all) {
      ctx.addTableToScope(t);
    }
    Table target = from;
    if (targets.size() > 1) {
      throw RefusedException.syntax(
          "multi-table-delete",
          "The DELETE removes rows from several tables; PostgreSQL deletes from one table per"
              + " statement.");
    }
    if (targets.size() == 1) {
      String name = Identifiers.normalize(targets.get(0).getName());
      target = null;
      for (Table t : all) {
        String alias = t.getAlias() == null ? null : Identifiers.normalize(t.getAlias().getName());
        if (name.equals(alias)
            || (alias == null && name.equals(Identifiers.normalize(t.getName())))) {
          target = t;
        }
      }
      if (target == null) {
        throw RefusedException.syntax(
            "delete-target", "DELETE target " + name + " is not in FROM.");
      }
    }
    ctx.targetTables.add(target);
    ctx.tablesWritten.add(Identifiers.normalize(target.getName()));
    a("DELETE FROM ");
    target.accept(select, null);
    if (outer) {
      if (d.getLimit() != null
          || (d.getOrderByElements() != null && !d.getOrderByElements().isEmpty())) {
        throw RefusedException.syntax(
            "write-limit", "Multi-table UPDATE/DELETE cannot have ORDER BY/LIMIT in MySQL.");
      }
      targetRowsOfJoin(target, from, d.getJoins(), d.getWhere());
      return;
    }
    List<Table> using = new ArrayList<>(all);
    using.remove(target);
    if (!using.isEmpty()) {
      a(" USING ");
      for (int i = 0; i < using.size(); i++) {
        a(i > 0 ? ", " : "");
        using.get(i).accept(select, null);
      }
    }
    whereWithLimit(
        target,
        joinConditions,
        d.getWhere(),
        d.getOrderByElements(),
        d.getLimit(),
        catalogTable,
        !using.isEmpty());
  }
}
