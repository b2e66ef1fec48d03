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
 * sides. INSERT ... SELECT is left as written (its rows are not known here).
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
        return; // multi-table UPDATE: which tables change depends on the SET list
      }
      table(catalog, update.getTable()).ifPresent(t -> addToSets(update.getUpdateSets(), t, false));
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
