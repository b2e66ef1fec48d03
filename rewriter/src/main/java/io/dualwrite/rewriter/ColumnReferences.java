package io.dualwrite.rewriter;

import java.util.List;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * A column reference printed for PostgreSQL: qualified for an upsert's target, read as the new
 * value after an earlier SET assignment or as EXCLUDED for an upsert row alias, folded for a
 * case-insensitive GROUP BY, and recorded as a table read.
 */
final class ColumnReferences {

  private ColumnReferences() {}

  /**
   * The value a group of case-insensitively equal strings shows ('acme', 'ACME'): MySQL's is the
   * first row's it reads, which in a query of one table is the row first by primary key (MySQL
   * 9.7.4; {@link PgSelectDeParser#readOrderKey}): {@code (array_agg(col ORDER BY pk))[1]}.
   * Otherwise (a join, no known key) {@code min(col)}, one of the group's values.
   */
  private static void representative(PgExpressionDeParser d, Column column) {
    List<String> key = d.readOrderKey;
    if (key == null) {
      d.a("min(");
      column(d, column);
      d.a(")");
      return;
    }
    d.a("(array_agg(");
    column(d, column);
    d.a(" ORDER BY ").a(String.join(", ", key)).a("))[1]");
  }

  static void column(PgExpressionDeParser d, Column column) {
    if (d.aggregateDepth == 0 && !d.foldedGroupColumns.isEmpty() && d.isFoldedGroupColumn(column)) {
      d.unfolded(
          () -> {
            if (d.foldedRollup) {
              d.a("CASE WHEN GROUPING(");
              Collations.groupKey(d, column, () -> column(d, column));
              d.a(") = 0 THEN ");
              representative(d, column);
              d.a(" END");
            } else {
              representative(d, column);
            }
          });
      return;
    }
    String name = column.getColumnName();
    Table t = column.getTable();
    boolean qualified = t != null && t.getName() != null;
    if (!qualified && d.havingAliases.containsKey(Identifiers.normalize(name))) {
      // MySQL resolves a select-list alias in HAVING; PostgreSQL needs the expression
      Expression aliased = d.havingAliases.get(Identifiers.normalize(name));
      java.util.Map<String, Expression> saved = d.havingAliases;
      d.havingAliases = java.util.Map.of();
      try {
        d.a("(");
        d.value(aliased);
        d.a(")");
      } finally {
        d.havingAliases = saved;
      }
      return;
    }
    if (qualified && d.unqualifiedColumns) {
      // ORDER BY over a derived table (SELECT DISTINCT / UNION wrapped): its output columns
      d.a(Identifiers.pg(Identifiers.normalize(name)));
      return;
    }
    if (!d.ctx.assigned.isEmpty() && d.ctx.assigned.containsKey(Identifiers.normalize(name))) {
      // the new value of a column assigned earlier in d UPDATE: its expression, evaluated
      // with only the assignments before it
      String key = Identifiers.normalize(name);
      java.util.LinkedHashMap<String, Expression> saved =
          new java.util.LinkedHashMap<>(d.ctx.assigned);
      Expression assignedValue = saved.get(key);
      d.ctx.assigned.clear();
      for (var e : saved.entrySet()) {
        if (e.getKey().equals(key)) {
          break;
        }
        d.ctx.assigned.put(e.getKey(), e.getValue());
      }
      d.a("(");
      d.value(assignedValue);
      d.a(")");
      d.ctx.assigned.clear();
      d.ctx.assigned.putAll(saved);
      return;
    }
    if (!qualified) {
      String u = PgExpressionDeParser.upper(name);
      if (u.equals("DEFAULT")) {
        d.a("DEFAULT");
        return;
      }
      if (u.matches("0B[01]+")) {
        throw RefusedException.syntax(
            "literal:bit",
            "The bit literal "
                + name
                + " is a binary string or a number depending on context in MySQL.");
      }
      if (u.equals("TRUE") || u.equals("FALSE")) {
        d.a(u.equals("TRUE") ? "1" : "0");
        return;
      }
      // CURRENT_USER without parentheses is MySQL's function; a bare USER is not (only USER() is):
      // MySQL reads it as a column, as in UPDATE u SET user = 'bob' or SELECT user FROM t.
      if (u.equals("CURRENT_USER")) {
        if (!d.ctx.inWrite) {
          SessionFunctions.mysqlSession(d, u);
        }
        throw RefusedException.function(u, "The connected user differs between the databases.");
      }
    }
    if (qualified) {
      if (t.getSchemaName() != null) {
        throw RefusedException.syntax(
            "qualified-name",
            "The database-qualified column "
                + column
                + " is not supported; use the default schema.");
      }
      String q = Identifiers.normalize(t.getName());
      if (d.ctx.inDuplicateUpdate && d.ctx.excludedAlias != null && q.equals(d.ctx.excludedAlias)) {
        d.a("EXCLUDED.");
        name = d.ctx.excludedColumns.getOrDefault(Identifiers.normalize(name), name);
      } else if (d.ctx.inDuplicateUpdate
          && d.ctx.duplicateTarget != null
          && d.ctx.subqueryDepth == 0
          && !q.equals(Identifiers.normalize(d.ctx.duplicateTarget))) {
        // INSERT ... SELECT ... ON DUPLICATE KEY UPDATE c = s.x: MySQL reads the SELECT's row
        throw RefusedException.syntax(
            "upsert-select-reference",
            "ON DUPLICATE KEY UPDATE refers to "
                + column
                + " of the SELECT; PostgreSQL's ON CONFLICT DO UPDATE sees only the target row and"
                + " EXCLUDED. Use VALUES(column) for the inserted value.");
      } else {
        d.a(Identifiers.pg(t.getName())).a(".");
      }
    } else if (d.ctx.inDuplicateUpdate
        && d.ctx.duplicateTarget != null
        && d.ctx.subqueryDepth == 0) {
      // in ON CONFLICT DO UPDATE a bare name is ambiguous with EXCLUDED; MySQL means the row
      d.a(Identifiers.pg(d.ctx.duplicateTarget)).a(".");
    }
    d.a(Identifiers.pg(name));
    if (column.getArrayConstructor() != null) {
      throw PgExpressionDeParser.refuseNode(column, "array subscript");
    }
  }
}
