package io.dualwrite.rewriter;

import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.*;

/**
 * UNION (DISTINCT) over case-insensitive text: MySQL removes rows equal but for case, keeping the
 * first branch's spelling; PostgreSQL compares exactly. Such a union is printed as a GROUP BY over
 * its UNION ALL (see {@link #foldUnion}).
 */
final class UnionFolding {

  private UnionFolding() {}

  /**
   * Output columns of a folded UNION: a label each, whether it is compared ignoring case, and
   * whether also ignoring accents (under {@link Collations#AI_CI}).
   */
  record Fold(List<String> labels, List<Boolean> folds, List<Boolean> accents) {}

  /**
   * A UNION (DISTINCT) whose output columns include case-insensitive text (a {@code _ci} column or
   * a string literal, which takes MySQL's case-insensitive connection collation, in every branch):
   * MySQL removes rows that differ only in case, PostgreSQL does not. Returns the output columns
   * when the union is to be folded (printed as a GROUP BY over its UNION ALL, see {@link
   * #foldUnion}), else null. Only unions of plain selects without {@code *}, written in a read.
   */
  static Fold foldedUnion(PgSelectDeParser dp, SetOperationList list) {
    if (dp.ctx.inWrite || list.getOperations().isEmpty()) {
      return null;
    }
    for (SetOperation op : list.getOperations()) {
      if (!(op instanceof UnionOp u) || u.isAll()) {
        return null;
      }
    }
    for (Select s : list.getSelects()) {
      if (!(s instanceof PlainSelect ps) || ps.getSelectItems() == null) {
        return null;
      }
      // the branch's tables, so its columns' collations can be looked up before it is printed
      dp.registerScope(ps.getFromItem());
      if (ps.getJoins() != null) {
        for (Join j : ps.getJoins()) {
          dp.registerScope(j.getFromItem());
        }
      }
    }
    List<OutputColumn> columns = columns(dp, list);
    if (columns == null) {
      return null;
    }
    List<String> labels = new java.util.ArrayList<>();
    List<Boolean> folds = new java.util.ArrayList<>();
    List<Boolean> accents = new java.util.ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      OutputColumn c = columns.get(i);
      String label = c.label() != null ? c.label() : "dw_c" + (i + 1);
      if (labels.contains(label)) {
        return null;
      }
      labels.add(label);
      folds.add(c.caseInsensitive());
      accents.add(c.caseInsensitive() && c.accentInsensitive());
    }
    return folds.contains(true) ? new Fold(labels, folds, accents) : null;
  }

  /**
   * Prints the union printed since {@code body} as {@code SELECT (array_agg(c1 ORDER BY dw_b))[1]
   * AS c1, c2 FROM (<the branches joined by UNION ALL, each with its position dw_b>) AS
   * dw_union(dw_b, c1, c2) GROUP BY lower(c1), c2}, then its ORDER BY and LIMIT over those columns.
   * An accent-insensitive column is grouped and sorted under {@link Collations#AI_CI} instead. Of
   * values equal but for case the first branch's is kept, as MySQL keeps the first row it writes
   * into the union's result (within one branch, which one is unspecified).
   */
  static void foldUnion(
      PgSelectDeParser dp, int body, List<int[]> opSpans, Fold fold, SetOperationList l) {
    List<String> labels = fold.labels();
    List<Boolean> folds = fold.folds();
    StringBuilder b = dp.getBuilder();
    for (int i = opSpans.size() - 1; i >= 0; i--) {
      int[] span = opSpans.get(i);
      b.replace(span[0], span[0] + span[1], "UNION ALL");
    }
    StringBuilder select = new StringBuilder("SELECT ");
    StringBuilder group = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      String c = "dw_union." + Identifiers.pg(labels.get(i));
      select.append(i > 0 ? ", " : "");
      group.append(i > 0 ? ", " : "");
      if (folds.get(i)) {
        select
            .append("(array_agg(")
            .append(c)
            .append(" ORDER BY dw_union.dw_b))[1] AS ")
            .append(Identifiers.pg(labels.get(i)));
        group.append(folded(c, fold.accents().get(i)));
      } else {
        select.append(c);
        group.append(c);
      }
    }
    b.insert(body, select + " FROM (");
    dp.a(") AS dw_union(dw_b");
    for (String label : labels) {
      dp.a(", ").a(Identifiers.pg(label));
    }
    dp.a(") GROUP BY ").a(group.toString());
    List<OrderByElement> order = l.getOrderByElements();
    if (order != null && !order.isEmpty()) {
      dp.a(" ORDER BY ");
      for (int i = 0; i < order.size(); i++) {
        dp.a(i > 0 ? ", " : "");
        OrderByElement o = order.get(i);
        int column = foldedColumnOf(o.getExpression(), labels, folds);
        if (column >= 0) {
          // sorted as MySQL's collation sorts the column: ignoring case (and accents)
          String c = "dw_union." + Identifiers.pg(labels.get(column));
          dp.a(
              fold.accents().get(column)
                  ? "min(" + folded(c, true) + ")"
                  : "lower(min(" + c + "))");
          dp.a(o.isAsc() ? "" : " DESC").a(OrderByPrinter.nullOrderingOf(o));
        } else {
          dp.expr.unqualifiedColumns = true;
          try {
            OrderByPrinter.orderByElement(dp.expr, o);
          } finally {
            dp.expr.unqualifiedColumns = false;
          }
        }
      }
    }
    if (l.getLimit() != null) {
      dp.limit(l.getLimit());
    }
  }

  /**
   * The output columns of a set operation that an ORDER BY over it may name, as a table: a column
   * whose every branch is case-insensitive text or a string literal is case-insensitive text (under
   * {@link Collations#AI_CI} when a branch's column is accent-insensitive); a column every branch
   * of which is a column of one MySQL type has that type. Labels are the first branch's (alias or
   * column name). Null when the branches are not plain selects of as many items without {@code *}.
   * Call after the branches are printed (their tables are in scope then).
   */
  static TableInfo output(PgSelectDeParser dp, SetOperationList list) {
    List<OutputColumn> columns = columns(dp, list);
    if (columns == null) {
      return null;
    }
    List<ColumnInfo> known = new java.util.ArrayList<>();
    for (OutputColumn c : columns) {
      if (c.label() == null) {
        continue;
      }
      if (c.caseInsensitive()) {
        known.add(
            new ColumnInfo(
                c.label(), "longtext", true, false, false, true, false, c.accentInsensitive()));
      } else if (c.type() != null) {
        known.add(new ColumnInfo(c.label(), c.type(), true, false, false, false));
      }
    }
    return new TableInfo("dw_sorted", known, List.of(), List.of());
  }

  /**
   * One output column of a set operation: the first branch's label (alias or column name; null
   * without one), whether every branch is case-insensitive text or a string literal, whether a
   * branch's column ignores accents too (a utf8mb4_0900_ai_ci column's collation is the output's; a
   * literal's yields), and the MySQL type every branch's column has (null when not one).
   */
  private record OutputColumn(
      String label, boolean caseInsensitive, boolean accentInsensitive, String type) {}

  /** The output columns; null unless the branches are plain selects of as many items, no *. */
  private static List<OutputColumn> columns(PgSelectDeParser dp, SetOperationList list) {
    List<List<SelectItem<?>>> branches = new java.util.ArrayList<>();
    for (Select s : list.getSelects()) {
      if (!(s instanceof PlainSelect ps) || ps.getSelectItems() == null) {
        return null;
      }
      branches.add(ps.getSelectItems());
    }
    int n = branches.get(0).size();
    List<OutputColumn> columns = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean ci = true;
      boolean accents = false;
      String type = null;
      boolean sameType = true;
      int bits = 0; // the widest BIT(n) when every branch is a BIT column, else -1
      for (List<SelectItem<?>> items : branches) {
        if (items.size() != n) {
          return null;
        }
        Expression e = items.get(i).getExpression();
        if (e instanceof AllColumns || e instanceof AllTableColumns) {
          return null;
        }
        boolean literal =
            e instanceof StringValue v && (v.getPrefix() == null || v.getPrefix().isEmpty());
        boolean text = !literal && dp.expr.isCaseInsensitiveText(e);
        ci &= literal || text;
        accents |= text && Collations.accentInsensitive(dp.expr, e);
        String t = dp.expr.columnInfo(e).map(ColumnInfo::mysqlType).orElse(null);
        sameType &= t != null && (type == null || type.equals(t));
        type = t;
        bits =
            bits >= 0 && t != null && TypeMapping.isBit(t)
                ? Math.max(bits, Math.max(1, TypeMapping.firstArgument(t)))
                : -1;
      }
      if (!sameType && bits > 0) {
        sameType = true; // BIT columns of several widths: MySQL's column is the widest BIT
        type = "bit(" + bits + ")";
      }
      SelectItem<?> first = branches.get(0).get(i);
      String label =
          first.getAlias() != null
              ? Identifiers.normalize(first.getAlias().getName())
              : first.getExpression() instanceof Column c
                  ? Identifiers.normalize(c.getColumnName())
                  : null;
      columns.add(new OutputColumn(label, ci, accents, sameType ? type : null));
    }
    return columns;
  }

  /** The grouping key of folded column c: under the ICU collation, else lower-cased. */
  private static String folded(String c, boolean accents) {
    return accents ? "((" + c + ") COLLATE " + Collations.AI_CI + ")" : "lower(" + c + ")";
  }

  /** The index of the folded output column an ORDER BY names (label or position), else -1. */
  private static int foldedColumnOf(Expression e, List<String> labels, List<Boolean> folds) {
    int i = -1;
    if (e instanceof Column c && (c.getTable() == null || c.getTable().getName() == null)) {
      i = labels.indexOf(Identifiers.normalize(c.getColumnName()));
    } else if (e instanceof net.sf.jsqlparser.expression.LongValue n
        && n.getValue() >= 1
        && n.getValue() <= labels.size()) {
      i = (int) n.getValue() - 1;
    }
    return i >= 0 && folds.get(i) ? i : -1;
  }
}
