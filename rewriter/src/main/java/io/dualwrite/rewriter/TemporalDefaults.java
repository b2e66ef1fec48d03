package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Makes the server-side clock explicit in writes, so both databases store the same value: a column
 * with {@code DEFAULT CURRENT_TIMESTAMP} that an INSERT (or REPLACE) omits, and a column with
 * {@code ON UPDATE CURRENT_TIMESTAMP} that an UPDATE (or the update part of an upsert) does not
 * assign, are added to the statement as {@code NOW(fsp)}. The rewriter then pins that call like any
 * other: the driver computes the value once and binds it on both sides.
 *
 * <p>One documented difference from MySQL: MySQL leaves an ON UPDATE column alone when an UPDATE
 * changes no value in the row; with the explicit assignment it is set anyway, identically on both
 * sides. INSERT (cols) ... SELECT gets the column added to its column list and {@code NOW(fsp)}
 * appended to the select list of every branch (a constant per statement, so it changes neither
 * DISTINCT, GROUP BY nor UNION results).
 */
final class TemporalDefaults {
  private TemporalDefaults() {}

  /** Adds the implicit timestamp columns to {@code statement} in place, using {@code catalog}. */
  static void augment(Statement statement, SchemaCatalog catalog) {
    if (statement instanceof Insert insert) {
      Optional<TableInfo> table = table(catalog, insert.getTable());
      if (table.isEmpty()) {
        return;
      }
      if (insert.isUseSet()) {
        addToSets(insert.getSetUpdateSets(), table.get(), true);
      } else if (insert.getColumns() != null && insert.getSelect() instanceof Values v) {
        addToRows(insert.getColumns(), v, table.get());
      } else if (insert.getColumns() != null && insert.getSelect() != null) {
        addToSelect(insert.getColumns(), insert.getSelect(), table.get());
      }
      if (insert.getDuplicateUpdateSets() != null && !insert.getDuplicateUpdateSets().isEmpty()) {
        addToSets(insert.getDuplicateUpdateSets(), table.get(), false);
      }
    } else if (statement instanceof Upsert upsert) {
      Optional<TableInfo> table = table(catalog, upsert.getTable());
      if (table.isEmpty()) {
        return;
      }
      if (upsert.getUpdateSets() != null && !upsert.getUpdateSets().isEmpty()) {
        addToSets(upsert.getUpdateSets(), table.get(), true);
      } else if (upsert.getColumns() != null && upsert.getSelect() instanceof Values v) {
        addToRows(upsert.getColumns(), v, table.get());
      }
    } else if (statement instanceof Update update) {
      if (update.getJoins() != null && !update.getJoins().isEmpty()
          || update.getStartJoins() != null && !update.getStartJoins().isEmpty()) {
        augmentMultiTable(update, catalog);
        return;
      }
      table(catalog, update.getTable()).ifPresent(t -> addToSets(update.getUpdateSets(), t, false));
    }
  }

  /**
   * Multi-table UPDATE: for each table the SET list writes (named by its alias or name, as the
   * assignments must be qualified), add {@code alias.col = NOW(fsp)} for its ON UPDATE
   * CURRENT_TIMESTAMP columns that are not assigned. Tables unknown to the catalog are left alone.
   */
  private static void augmentMultiTable(Update update, SchemaCatalog catalog) {
    java.util.Map<String, net.sf.jsqlparser.schema.Table> byName = new java.util.HashMap<>();
    addTable(byName, update.getTable());
    addTable(byName, update.getFromItem());
    for (List<net.sf.jsqlparser.statement.select.Join> joins :
        java.util.Arrays.asList(update.getStartJoins(), update.getJoins())) {
      if (joins != null) {
        for (net.sf.jsqlparser.statement.select.Join j : joins) {
          addTable(byName, j.getFromItem());
        }
      }
    }
    java.util.Map<String, Set<String>> assigned = new java.util.LinkedHashMap<>();
    for (UpdateSet s : update.getUpdateSets()) {
      for (Column c : s.getColumns()) {
        if (c.getTable() == null || c.getTable().getName() == null) {
          return; // refused later: every assignment must name its table
        }
        assigned
            .computeIfAbsent(Identifiers.normalize(c.getTable().getName()), k -> new HashSet<>())
            .add(Identifiers.normalize(c.getColumnName()));
      }
    }
    for (var e : assigned.entrySet()) {
      net.sf.jsqlparser.schema.Table t = byName.get(e.getKey());
      Optional<TableInfo> info = table(catalog, t);
      if (info.isEmpty()) {
        continue;
      }
      for (ColumnInfo c : info.get().columns()) {
        if (c.onUpdateCurrentTimestamp() && !e.getValue().contains(c.name())) {
          update
              .getUpdateSets()
              .add(
                  new UpdateSet(
                      new Column(new net.sf.jsqlparser.schema.Table(e.getKey()), c.name()),
                      now(c)));
        }
      }
    }
  }

  /** Registers a FROM item that is a plain table under its alias, or its name without one. */
  private static void addTable(
      java.util.Map<String, net.sf.jsqlparser.schema.Table> byName,
      net.sf.jsqlparser.statement.select.FromItem item) {
    if (item instanceof net.sf.jsqlparser.schema.Table t && t.getName() != null) {
      String key =
          t.getAlias() != null && t.getAlias().getName() != null
              ? Identifiers.normalize(t.getAlias().getName())
              : Identifiers.normalize(t.getName());
      byName.put(key, t);
    }
  }

  private static Optional<TableInfo> table(
      SchemaCatalog catalog, net.sf.jsqlparser.schema.Table t) {
    return t == null || t.getName() == null
        ? Optional.empty()
        : catalog.table(Identifiers.normalize(t.getName()));
  }

  /**
   * INSERT ... (cols) VALUES (...), (...): append each omitted DEFAULT CURRENT_TIMESTAMP column.
   */
  private static void addToRows(ExpressionList<Column> columns, Values values, TableInfo table) {
    Set<String> present = names(columns);
    List<List<Expression>> rows = PgSelectDeParser.rows(values);
    for (ColumnInfo c : table.columns()) {
      if (!c.defaultCurrentTimestamp() || present.contains(c.name())) {
        continue;
      }
      columns.add(new Column(c.name()));
      for (List<Expression> row : rows) {
        row.add(now(c));
      }
    }
  }

  /**
   * INSERT (cols) SELECT ...: append each omitted DEFAULT CURRENT_TIMESTAMP column, with NOW(fsp)
   * as the last item of each SELECT branch. Left alone when a branch is not a plain SELECT list
   * (e.g. VALUES inside a UNION), which then stamps each side's own clock as before.
   */
  private static void addToSelect(
      ExpressionList<Column> columns,
      net.sf.jsqlparser.statement.select.Select select,
      TableInfo table) {
    List<net.sf.jsqlparser.statement.select.PlainSelect> branches = new ArrayList<>();
    if (!plainBranches(select, branches)) {
      return;
    }
    Set<String> present = names(columns);
    for (ColumnInfo c : table.columns()) {
      if (!c.defaultCurrentTimestamp() || present.contains(c.name())) {
        continue;
      }
      columns.add(new Column(c.name()));
      for (net.sf.jsqlparser.statement.select.PlainSelect p : branches) {
        p.addSelectItem(now(c));
      }
    }
  }

  private static boolean plainBranches(
      net.sf.jsqlparser.statement.select.Select select,
      List<net.sf.jsqlparser.statement.select.PlainSelect> out) {
    if (select instanceof net.sf.jsqlparser.statement.select.PlainSelect p) {
      out.add(p);
      return true;
    }
    if (select instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
      return plainBranches(p.getSelect(), out);
    }
    if (select instanceof net.sf.jsqlparser.statement.select.SetOperationList list) {
      for (net.sf.jsqlparser.statement.select.Select s : list.getSelects()) {
        if (!plainBranches(s, out)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * SET lists: for an INSERT ... SET (insert = true) the DEFAULT CURRENT_TIMESTAMP columns, for an
   * UPDATE or ON DUPLICATE KEY UPDATE the ON UPDATE CURRENT_TIMESTAMP columns, when not assigned.
   */
  private static void addToSets(List<UpdateSet> sets, TableInfo table, boolean insert) {
    Set<String> present = new HashSet<>();
    for (UpdateSet s : sets) {
      present.addAll(names(s.getColumns()));
    }
    for (ColumnInfo c : table.columns()) {
      boolean implicit = insert ? c.defaultCurrentTimestamp() : c.onUpdateCurrentTimestamp();
      if (implicit && !present.contains(c.name())) {
        sets.add(new UpdateSet(new Column(c.name()), now(c)));
      }
    }
  }

  private static Set<String> names(List<Column> columns) {
    Set<String> names = new HashSet<>();
    for (Column c : columns) {
      names.add(Identifiers.normalize(c.getColumnName()));
    }
    return names;
  }

  private static Function now(ColumnInfo column) {
    Function now = new Function();
    now.setName("NOW");
    ExpressionList<Expression> args = new ExpressionList<>(new ArrayList<>());
    int digits = column.fractionalDigits();
    if (digits > 0) {
      args.add(new LongValue(digits));
    }
    now.setParameters(args);
    return now;
  }
}
