package io.dualwrite.rewriter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.*;
import net.sf.jsqlparser.util.deparser.SelectDeParser;

/**
 * Prints MySQL queries for PostgreSQL: identifiers folded, {@code LIMIT o, c} as {@code LIMIT c
 * OFFSET o}, index hints and STRAIGHT_JOIN dropped (no meaning), NULL ordering made explicit,
 * {@code LOCK IN SHARE MODE} as {@code FOR SHARE}. Clauses PostgreSQL would read differently are
 * refused.
 */
class PgSelectDeParser extends SelectDeParser {

  final PgExpressionDeParser expr;
  final PrintContext ctx;

  PgSelectDeParser(PgExpressionDeParser expr, StringBuilder builder) {
    super(expr, builder);
    this.expr = expr;
    this.ctx = expr.ctx;
    expr.setSelectVisitor(this);
    expr.setBuilder(builder);
  }

  PgSelectDeParser a(String s) {
    getBuilder().append(s);
    return this;
  }

  static String alias(Alias alias) {
    if (alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
      throw RefusedException.syntax("alias-columns", "Column lists in aliases are not supported.");
    }
    String n = alias.getName();
    if (n.length() >= 2 && n.startsWith("'") && n.endsWith("'")) {
      n = n.substring(1, n.length() - 1);
    }
    return " AS " + Identifiers.pg(n);
  }

  private void withItems(List<WithItem<?>> items) {
    if (items == null || items.isEmpty()) {
      return;
    }
    a("WITH ");
    boolean outer = recursiveWith;
    recursiveWith = items.stream().anyMatch(WithItem::isRecursive);
    if (recursiveWith) {
      a("RECURSIVE ");
    }
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        a(", ");
      }
      visit(items.get(i), null);
    }
    recursiveWith = outer;
    a(" ");
  }

  /**
   * Whether {@code select} reads the table (or WITH query) {@code name}; false when that cannot be
   * told.
   */
  private static boolean reads(Select select, String name) {
    try {
      return new net.sf.jsqlparser.util.TablesNamesFinder<Void>()
          .getTables((net.sf.jsqlparser.statement.Statement) select).stream()
              .anyMatch(t -> Identifiers.normalize(t).equals(name));
    } catch (RuntimeException e) {
      return false; // a construct the finder does not visit
    }
  }

  /** True while printing the items of a {@code WITH RECURSIVE} (the keyword covers them all). */
  private boolean recursiveWith;

  @Override
  public <S> StringBuilder visit(WithItem<?> w, S context) {
    if (w.getSelect() == null) {
      throw RefusedException.syntax("cte-dml", "Data-modifying WITH items are not supported.");
    }
    String name = Identifiers.normalize(w.getAliasName());
    ctx.cteNames.add(name);
    a(Identifiers.pg(name));
    List<String> names = null;
    if (w.getWithItemList() != null) {
      names = new java.util.ArrayList<>();
      a(" (");
      for (int i = 0; i < w.getWithItemList().size(); i++) {
        if (i > 0) {
          a(", ");
        }
        Expression e = w.getWithItemList().get(i).getExpression();
        if (!(e instanceof Column c)) {
          throw RefusedException.syntax("cte-columns", "Unsupported WITH column list.");
        }
        a(Identifiers.pg(c.getColumnName()));
        names.add(Identifiers.normalize(c.getColumnName()));
      }
      a(")");
    }
    a(" AS (");
    Select body = w.getSelect().getSelect();
    if ((recursiveWith || w.isRecursive())
        && body instanceof SetOperationList union
        && union.getSelects().size() == 2
        && union.getSelects().get(0) instanceof PlainSelect anchor
        && !reads(anchor, name)
        && reads(union.getSelects().get(1), name)) {
      // a recursive query (its second member reads it, its first does not): the second member
      // reads its columns, which MySQL types by the first member alone (a DATE column's
      // DATE + INTERVAL 1 DAY must stay a DATE there)
      // (its columns typed from its own tables, put in scope for that and then taken out: the
      // anchor's tables enter it when it is printed)
      Map<String, TableInfo> outer = new java.util.HashMap<>(ctx.scope);
      registerScope(anchor.getFromItem());
      if (anchor.getJoins() != null) {
        for (Join j : anchor.getJoins()) {
          registerScope(j.getFromItem());
        }
      }
      ctx.recordWithColumnTypes(name, names, anchor, true);
      ctx.scope.clear();
      ctx.scope.putAll(outer);
      // only the temporal types: an INT column's v + 1 would be printed in bigint, which
      // PostgreSQL refuses against the first member's integer (MySQL widens the column there)
      TableInfo typed = ctx.withTables.get(name);
      ctx.withTables.put(
          name,
          new TableInfo(
              name,
              typed.columns().stream()
                  .filter(c -> TypeMapping.isTemporal(c.mysqlType()))
                  .map(
                      c ->
                          new ColumnInfo(
                              c.name(),
                              c.mysqlType(),
                              c.nullable(),
                              false,
                              false,
                              false,
                              false,
                              false))
                  .toList(),
              List.of(),
              List.of()));
    }
    body.accept((SelectVisitor<StringBuilder>) this, null);
    a(")");
    if (body instanceof PlainSelect plain) {
      ctx.recordWithColumnTypes(name, names, plain, true);
      if (names == null) {
        ctx.withTables.put(name, withTextColumns(ctx.withTables.get(name), plain));
      }
    }
    return getBuilder();
  }

  @Override
  public <S> StringBuilder visit(PlainSelect ps, S context) {
    refuseUntranslatedClauses(ps);
    int start = getBuilder().length();
    withItems(ps.getWithItemsList());
    a("SELECT ");
    Distinct distinct = ps.getDistinct();
    if (distinct != null && (distinct.getOnSelectItems() != null || distinct.isUseUnique())) {
      throw RefusedException.syntax("distinct-on", "DISTINCT ON / UNIQUE is not MySQL.");
    }
    // register FROM tables first so column lookups in the select list know their tables
    registerScope(ps.getFromItem());
    if (ps.getJoins() != null) {
      for (Join j : ps.getJoins()) {
        registerScope(j.getFromItem());
      }
    }
    if (!hasSubquery(ps) && (ps.getGroupBy() != null || distinctFoldable(ps))) {
      ExpressionGroups.lateralKeys(this, ps);
    }
    refuseCaseInsensitiveExpressionGroups(ps);
    List<net.sf.jsqlparser.schema.Column> outerFolded = expr.foldedGroupColumns;
    List<net.sf.jsqlparser.schema.Column> distinctFolded = distinctAsGrouping(ps);
    boolean distinctPrinted = distinct != null && distinctFolded.isEmpty();
    if (distinctPrinted) {
      a("DISTINCT ");
    }
    List<net.sf.jsqlparser.schema.Column> folded =
        distinctFolded.isEmpty() ? foldedGroupColumns(ps) : distinctFolded;
    expr.foldedGroupColumns = folded;
    boolean outerRollup = expr.foldedRollup;
    expr.foldedRollup = ps.getGroupBy() != null && ps.getGroupBy().isMysqlWithRollup();
    boolean outerAggregating = expr.aggregatingQuery;
    expr.aggregatingQuery = AggregateFunctions.aggregates(ps);
    List<String> outerReadOrder = expr.readOrderKey;
    expr.readOrderKey = readOrderKey(ps);
    List<SelectItem<?>> items = ps.getSelectItems();
    selectItems(items);
    boolean dual =
        ps.getFromItem() instanceof Table t
            && t.getName() != null
            && t.getSchemaName() == null
            && Identifiers.normalize(t.getName()).equals("dual")
            && (ps.getJoins() == null || ps.getJoins().isEmpty());
    boolean lockInside = ps.getForMode() != null && lockNeedsDerivedTable(ps);
    boolean aggregating = expr.aggregatingQuery;
    expr.aggregatingQuery = false; // ANY_VALUE in WHERE is the row's value
    fromAndWhere(ps, dual, lockInside);
    groupBy(ps, items, distinctFolded, folded);
    expr.aggregatingQuery = aggregating;
    expr.foldedGroupColumns = folded;
    try {
      if (ps.getHaving() != null) {
        a(" HAVING ");
        expr.havingAliases = havingAliases(ps);
        try {
          expr.cond(ps.getHaving());
        } finally {
          expr.havingAliases = java.util.Map.of();
        }
      }
      if (ps.getWindowDefinitions() != null && !ps.getWindowDefinitions().isEmpty()) {
        a(" WINDOW ");
        for (int i = 0; i < ps.getWindowDefinitions().size(); i++) {
          net.sf.jsqlparser.expression.WindowDefinition w = ps.getWindowDefinitions().get(i);
          a(i > 0 ? ", " : "").a(Identifiers.pg(w.getWindowName())).a(" AS (");
          WindowFunctions.spec(
              expr, w.getPartitionExpressionList(), w.getOrderByElements(), w.getWindowElement());
          a(")");
        }
      }
      if (distinctPrinted && OrderByPrinter.ordersByExpression(expr, ps.getOrderByElements())) {
        sortedOverDerivedTable(start, ps.getOrderByElements(), ps.getLimit());
      } else if (ordersByAliasInExpression(ps)) {
        sortedOverOutputColumns(start, ps);
      } else {
        // after DISTINCT PostgreSQL sorts only by what is selected: the alias stays bare there
        Map<String, Expression> outerAliases = expr.orderAliases;
        List<Expression> outerPositions = expr.orderPositions;
        // (a DISTINCT printed as a GROUP BY of folded text sorts by any expression of its groups)
        expr.orderAliases = distinctPrinted ? java.util.Map.of() : selectAliases(ps);
        expr.orderPositions = distinctPrinted ? List.of() : selectExpressions(ps);
        try {
          orderAndLimit(ps.getOrderByElements(), ps.getLimit());
        } finally {
          expr.orderAliases = outerAliases;
          expr.orderPositions = outerPositions;
        }
      }
    } finally {
      expr.foldedGroupColumns = outerFolded;
      expr.foldedRollup = outerRollup;
      expr.aggregatingQuery = outerAggregating;
      expr.readOrderKey = outerReadOrder;
    }
    if (ps.getOffset() != null) {
      // LIMIT n OFFSET m: the same clause in PostgreSQL
      if (ps.getLimit() == null
          || ps.getLimit().getOffset() != null
          || ps.getOffset().getOffsetParam() != null) {
        throw RefusedException.syntax("select-clause", "OFFSET without LIMIT n is not MySQL.");
      }
      a(" OFFSET ");
      expr.p(ps.getOffset().getOffset());
    }
    if (!lockInside) {
      lockClause(ps);
    }
    return getBuilder();
  }

  private static void refuseUntranslatedClauses(PlainSelect ps) {
    if (ps.getIntoTables() != null
        || ps.getLateralViews() != null
        || ps.getKsqlWindow() != null
        || ps.getOracleHierarchical() != null
        || ps.getOracleHint() != null
        || ps.getTop() != null
        || ps.getSkip() != null
        || ps.getFirst() != null
        || ps.getQualify() != null
        || ps.getForClause() != null
        || ps.getPivot() != null
        || ps.getUnPivot() != null
        || ps.getFetch() != null
        || ps.getLimitBy() != null
        || ps.getIsolation() != null
        || ps.getForXmlPath() != null
        || ps.getIntoTempTable() != null) {
      throw RefusedException.syntax(
          "select-clause", "The query uses a clause that is not MySQL or has no translation.");
    }
    if (ps.getMySqlSqlCalcFoundRows()) {
      throw RefusedException.syntax(
          "SQL_CALC_FOUND_ROWS",
          "SQL_CALC_FOUND_ROWS / FOUND_ROWS() has no PostgreSQL equivalent; run a COUNT(*) query.");
    }
  }

  /** The select list; a folded group column keeps its name as its label. */
  private void selectItems(List<SelectItem<?>> items) {
    try {
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          a(", ");
        }
        visit(items.get(i), null);
        if (items.get(i).getAlias() == null
            && items.get(i).getExpression() instanceof net.sf.jsqlparser.schema.Column c
            && expr.isFoldedGroupColumn(c)) {
          // min(col) keeps the column's name as its label
          a(" AS ").a(Identifiers.pg(c.getColumnName()));
        }
      }
    } finally {
      expr.foldedGroupColumns = List.of();
    }
  }

  /**
   * FROM and WHERE; a locking read PostgreSQL would refuse (aggregates, GROUP BY, DISTINCT) locks
   * its rows in a derived table named as the table.
   */
  private void fromAndWhere(PlainSelect ps, boolean dual, boolean lockInside) {
    if (lockInside) {
      // PostgreSQL refuses FOR UPDATE/SHARE with aggregates, GROUP BY, DISTINCT, HAVING and
      // window functions; MySQL locks the rows the query reads. Locking them in a derived table
      // that keeps the table's name keeps both the result and the locks.
      if (!(ps.getFromItem() instanceof Table table)
          || (ps.getJoins() != null && !ps.getJoins().isEmpty())
          || ps.getForUpdateTable() != null
          || dual) {
        throw RefusedException.syntax(
            "for-update-aggregate",
            "A locking read with aggregates, GROUP BY, DISTINCT or HAVING is translated only over"
                + " one table (PostgreSQL does not allow FOR UPDATE/SHARE there).");
      }
      a(" FROM (SELECT * FROM ");
      table.accept(this, null);
      if (ps.getWhere() != null) {
        a(" WHERE ");
        expr.cond(ps.getWhere());
      }
      lockClause(ps);
      String name = table.getAlias() != null ? table.getAlias().getName() : table.getName();
      a(") AS ").a(Identifiers.pg(name));
    } else {
      if (ps.getFromItem() != null && !dual) {
        a(" FROM ");
        ps.getFromItem().accept(this, null);
        if (ps.getJoins() != null) {
          for (Join j : ps.getJoins()) {
            deparseJoin(j);
          }
        }
      }
      if (ps.getWhere() != null) {
        a(" WHERE ");
        expr.cond(ps.getWhere());
      }
    }
  }

  /** GROUP BY, with case-insensitive columns grouped by lower(col) as MySQL's collation does. */
  private void groupBy(
      PlainSelect ps,
      List<SelectItem<?>> items,
      List<net.sf.jsqlparser.schema.Column> distinctFolded,
      List<net.sf.jsqlparser.schema.Column> folded) {
    if (!distinctFolded.isEmpty()) {
      // SELECT DISTINCT over a case-insensitive column: grouped by every item, that column by
      // lower(col), so values differing only in case are one row as in MySQL
      a(" GROUP BY ");
      for (int i = 0; i < items.size(); i++) {
        a(i > 0 ? ", " : "");
        Expression e = items.get(i).getExpression();
        if (e instanceof net.sf.jsqlparser.schema.Column c && distinctFolded.contains(c)) {
          Collations.groupKey(expr, c, () -> expr.p(c));
        } else {
          expr.p(e);
        }
      }
    }
    GroupByElement g = ps.getGroupBy();
    if (g != null) {
      if (g.getGroupingSets() != null && !g.getGroupingSets().isEmpty()) {
        throw RefusedException.syntax("grouping-sets", "GROUP BY GROUPING SETS is not MySQL.");
      }
      @SuppressWarnings("unchecked")
      List<Expression> list = (List<Expression>) g.getGroupByExpressionList();
      boolean rollup = g.isMysqlWithRollup();
      if (rollup) {
        // GROUP BY a, b WITH ROLLUP is GROUP BY ROLLUP (a, b): the same super-aggregate rows, the
        // rolled-up columns NULL in them, GROUPING() 1 there. A case-insensitive column is
        // grouped by lower(col) and shown as min(col), NULL where it is rolled up
        // (ColumnReferences).
        if (!GroupByDependence.missing(ps, ctx.catalog).isEmpty()) {
          throw RefusedException.syntax(
              "with-rollup",
              "WITH ROLLUP over columns the select list extends (functionally dependent columns)"
                  + " is not translated: adding them to the ROLLUP would add super-aggregate rows.");
        }
        a(" GROUP BY ROLLUP (");
        groupingExpressions(list, folded);
        a(")");
        return;
      }
      a(" GROUP BY ");
      groupingExpressions(list, folded);
      for (net.sf.jsqlparser.schema.Column c : GroupByDependence.missing(ps, ctx.catalog)) {
        a(", ");
        expr.value(c);
      }
    }
  }

  /** The GROUP BY list, case-insensitive columns as lower(col). */
  private void groupingExpressions(
      List<Expression> list, List<net.sf.jsqlparser.schema.Column> folded) {
    for (int i = 0; i < list.size(); i++) {
      a(i > 0 ? ", " : "");
      if (list.get(i) instanceof net.sf.jsqlparser.schema.Column c && folded.contains(c)) {
        // MySQL groups a case-insensitive column's values that differ only in case (and, under
        // utf8mb4_0900_ai_ci, accents) together
        Collations.groupKey(expr, c, () -> expr.p(c));
      } else {
        expr.p(list.get(i));
      }
    }
  }

  /**
   * Whether the select list, HAVING or ORDER BY holds a subquery: a correlated one may name a
   * folded column, which would need {@code min()} at the outer level only, so such queries are not
   * folded.
   */
  private static boolean hasSubquery(PlainSelect ps) {
    StringBuilder text = new StringBuilder();
    for (SelectItem<?> item : ps.getSelectItems()) {
      text.append(item).append(' ');
    }
    if (ps.getHaving() != null) {
      text.append(ps.getHaving()).append(' ');
    }
    if (ps.getOrderByElements() != null) {
      text.append(ps.getOrderByElements());
    }
    return text.toString().toUpperCase(java.util.Locale.ROOT).contains("SELECT");
  }

  /**
   * GROUP BY or DISTINCT of an expression of a case-insensitive column ({@code
   * SUBSTRING_INDEX(email, '@', -1)}, directly, through its select-list alias or by position) that
   * {@link ExpressionGroups} left in place (in a write, or named inside HAVING): MySQL puts values
   * that differ only in case in one group, PostgreSQL would not. Refused rather than grouped
   * differently.
   */
  private void refuseCaseInsensitiveExpressionGroups(PlainSelect ps) {
    Map<String, Expression> aliases = new java.util.HashMap<>();
    for (SelectItem<?> item : ps.getSelectItems()) {
      if (item.getAlias() != null) {
        aliases.put(Identifiers.normalize(item.getAlias().getName()), item.getExpression());
      }
    }
    List<Expression> grouped = new java.util.ArrayList<>();
    if (ps.getGroupBy() != null && ps.getGroupBy().getGroupByExpressionList() != null) {
      for (Object o : ps.getGroupBy().getGroupByExpressionList()) {
        Expression g = (Expression) o;
        if (g instanceof net.sf.jsqlparser.schema.Column c
            && c.getTable() == null
            && aliases.containsKey(Identifiers.normalize(c.getColumnName()))
            && !ExpressionGroups.namesKnownColumn(
                this, ps, Identifiers.normalize(c.getColumnName()))) {
          g = aliases.get(Identifiers.normalize(c.getColumnName()));
        } else if (g instanceof net.sf.jsqlparser.expression.LongValue n
            && n.getValue() >= 1
            && n.getValue() <= ps.getSelectItems().size()) {
          g = ps.getSelectItems().get((int) n.getValue() - 1).getExpression();
        }
        grouped.add(g);
      }
    }
    if (ps.getDistinct() != null) {
      for (SelectItem<?> item : ps.getSelectItems()) {
        grouped.add(item.getExpression());
      }
    }
    for (Expression g : grouped) {
      if (g instanceof net.sf.jsqlparser.expression.Function f
          && Set.of("LOWER", "LCASE", "UPPER", "UCASE")
              .contains(PgExpressionDeParser.upper(f.getName()))) {
        continue; // one case already: values equal under the collation group together as printed
      }
      if (!(g instanceof net.sf.jsqlparser.schema.Column) && expr.isCaseInsensitiveText(g)) {
        throw RefusedException.syntax(
            "group-by-case-insensitive-expression",
            "GROUP BY or DISTINCT of "
                + g
                + ", an expression of a case-insensitive column: MySQL groups values that"
                + " differ only in case together, PostgreSQL would not.");
      }
    }
  }

  /**
   * For {@code SELECT DISTINCT} without GROUP BY, aggregates, {@code *} or parameters in the select
   * list: its plain case-insensitive text columns (the query is then printed as a GROUP BY over
   * every item, those columns by {@code lower(col)}). Empty when the DISTINCT stays as it is.
   */
  private List<net.sf.jsqlparser.schema.Column> distinctAsGrouping(PlainSelect ps) {
    // Not in a write (INSERT ... SELECT): of values differing only in case MySQL writes the one it
    // reads first, min(col) may be another; unfolded, the two sides write a different number of
    // rows, which the driver records, rather than different values, which it could not see.
    if (ctx.inWrite || !distinctFoldable(ps) || hasSubquery(ps)) {
      return List.of();
    }
    List<net.sf.jsqlparser.schema.Column> folded = new java.util.ArrayList<>();
    for (SelectItem<?> item : ps.getSelectItems()) {
      if (item.getExpression() instanceof net.sf.jsqlparser.schema.Column c
          && expr.isCaseInsensitiveText(c)) {
        folded.add(c);
      }
    }
    return folded;
  }

  /**
   * A {@code SELECT DISTINCT} that can be printed as a GROUP BY over every item: no GROUP BY,
   * HAVING, aggregates, window functions, {@code *} or parameters.
   */
  private static boolean distinctFoldable(PlainSelect ps) {
    if (ps.getDistinct() == null || ps.getGroupBy() != null || ps.getHaving() != null) {
      return false;
    }
    for (SelectItem<?> item : ps.getSelectItems()) {
      Expression e = item.getExpression();
      if (e instanceof net.sf.jsqlparser.statement.select.AllColumns
          || e instanceof net.sf.jsqlparser.statement.select.AllTableColumns
          || e.toString().contains("?")) {
        return false;
      }
    }
    return !selectsAggregateOrWindow(ps);
  }

  /**
   * The GROUP BY's plain columns that are case-insensitive text: grouped by {@code lower(col)}, as
   * MySQL's collation puts 'a' and 'A' in one group.
   */
  private List<net.sf.jsqlparser.schema.Column> foldedGroupColumns(PlainSelect ps) {
    if (ctx.inWrite // see distinctAsGrouping
        || ps.getGroupBy() == null
        || ps.getGroupBy().getGroupByExpressionList() == null
        || hasSubquery(ps)) {
      return List.of();
    }
    List<net.sf.jsqlparser.schema.Column> folded = new java.util.ArrayList<>();
    for (Object o : ps.getGroupBy().getGroupByExpressionList()) {
      if (o instanceof net.sf.jsqlparser.schema.Column c && expr.isCaseInsensitiveText(c)) {
        folded.add(c);
      }
    }
    return folded;
  }

  /** True when the query has what PostgreSQL forbids together with FOR UPDATE/SHARE. */
  private static boolean lockNeedsDerivedTable(PlainSelect ps) {
    if (ps.getDistinct() != null || ps.getGroupBy() != null || ps.getHaving() != null) {
      return true;
    }
    return selectsAggregateOrWindow(ps);
  }

  /** Whether the select list calls an aggregate or a window function. */
  private static boolean selectsAggregateOrWindow(PlainSelect ps) {
    for (SelectItem<?> item : ps.getSelectItems()) {
      if (callsAggregateOrWindow(item.getExpression())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code e} calls a window function, or an aggregate none of whose arguments is a column
   * (COUNT(*), SUM(1)): in a subquery PostgreSQL evaluates those over the subquery's rows.
   */
  static boolean callsWindowOrColumnlessAggregate(Expression e) {
    return callsAggregateOrWindow(e, true);
  }

  /** Whether {@code e} calls an aggregate (GROUP_CONCAT included) or a window function. */
  static boolean callsAggregateOrWindow(Expression e) {
    return callsAggregateOrWindow(e, false);
  }

  private static boolean callsAggregateOrWindow(Expression e, boolean columnlessOnly) {
    boolean[] found = {false};
    e.accept(
        new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(net.sf.jsqlparser.expression.Function f, S context) {
            String n = f.getName() == null ? "" : f.getName().toUpperCase(java.util.Locale.ROOT);
            if (PgExpressionDeParser.AGGREGATES.contains(n)
                && (!columnlessOnly
                    || f.isAllColumns()
                    || f.getParameters() == null
                    || !AggregateFunctions.hasColumn(f.getParameters()))) {
              found[0] = true;
            }
            return super.visit(f, context);
          }

          @Override
          public <S> Void visit(net.sf.jsqlparser.expression.MySQLGroupConcat g, S context) {
            if (!columnlessOnly || !AggregateFunctions.hasColumn(g.getExpressionList())) {
              found[0] = true;
            }
            return null;
          }

          @Override
          public <S> Void visit(net.sf.jsqlparser.expression.AnalyticExpression a, S context) {
            found[0] = true;
            return null;
          }
        },
        null);
    return found[0];
  }

  private void lockClause(PlainSelect ps) {
    if (ps.getForMode() != null) {
      ctx.lockingRead = true;
      switch (ps.getForMode()) {
        case UPDATE -> a(" FOR UPDATE");
        case SHARE -> a(" FOR SHARE");
        default ->
            throw RefusedException.syntax(
                "for-" + ps.getForMode().name(),
                "FOR " + ps.getForMode().getValue() + " is not MySQL.");
      }
      if (ps.getForUpdateTable() != null) {
        a(" OF ").a(Identifiers.pg(ps.getForUpdateTable().getName()));
      }
      if (ps.getWait() != null) {
        throw RefusedException.syntax("for-update-wait", "FOR UPDATE WAIT n is not supported.");
      }
      if (ps.isNoWait()) {
        a(" NOWAIT");
      } else if (ps.isSkipLocked()) {
        a(" SKIP LOCKED");
      }
    }
  }

  /**
   * ORDER BY an ENUM, SET or case-insensitive column after SELECT DISTINCT or a UNION: MySQL sorts
   * by the column's order, which the translation expresses as an expression over it, and PostgreSQL
   * accepts such expressions there only over the output columns of a derived table. The statement
   * printed since {@code start} becomes {@code SELECT * FROM (...) AS dw_sorted} ordered by the
   * output columns.
   */
  /**
   * The ORDER BY of a set operation: it names the output columns only (by label or position), which
   * are looked up as {@link UnionFolding#output} describes them, alone in scope; one of
   * case-insensitive text (or an ENUM's, SET's) is sorted over a derived table as MySQL's collation
   * sorts it.
   */
  private void orderOverSetOperation(int start, SetOperationList list) {
    TableInfo out = UnionFolding.output(this, list);
    Map<String, TableInfo> scope = new java.util.HashMap<>(ctx.scope);
    List<Expression> positions = expr.orderPositions;
    if (out != null) {
      ctx.scope.clear();
      ctx.scope.put(out.name(), out);
      List<Expression> labels = new java.util.ArrayList<>();
      PlainSelect first = (PlainSelect) list.getSelects().get(0);
      for (SelectItem<?> item : first.getSelectItems()) {
        // a position stands for its output column's label; without one, for itself
        labels.add(
            item.getAlias() != null
                ? new Column(Identifiers.normalize(item.getAlias().getName()))
                : item.getExpression() instanceof Column c
                    ? new Column(Identifiers.normalize(c.getColumnName()))
                    : new net.sf.jsqlparser.expression.LongValue(labels.size() + 1));
      }
      expr.orderPositions = labels;
    }
    try {
      boolean folded = OrderByPrinter.ordersByExpression(expr, list.getOrderByElements());
      for (OrderByElement o : list.getOrderByElements()) {
        folded |=
            out != null
                && o.getExpression() instanceof net.sf.jsqlparser.expression.LongValue n
                && n.getValue() >= 1
                && n.getValue() <= expr.orderPositions.size()
                && expr.orderPositions.get((int) n.getValue() - 1) instanceof Column c
                && expr.isCaseInsensitiveText(c);
      }
      if (folded) {
        sortedOverDerivedTable(start, list.getOrderByElements(), list.getLimit());
      } else {
        orderAndLimit(list.getOrderByElements(), list.getLimit());
      }
    } finally {
      ctx.scope.clear();
      ctx.scope.putAll(scope);
      expr.orderPositions = positions;
    }
  }

  /**
   * Whether an ORDER BY expression names a select-list alias inside it ({@code ORDER BY yr IS NULL,
   * yr}): MySQL allows that, PostgreSQL takes an output column's name only bare, so such a query is
   * sorted over a derived table whose columns the aliases name. Only when every column the ORDER BY
   * names is an output column's name (an alias, or a selected column's name).
   */
  private boolean ordersByAliasInExpression(PlainSelect ps) {
    if (ps.getOrderByElements() == null) {
      return false;
    }
    java.util.Set<String> aliases = new java.util.HashSet<>();
    java.util.Set<String> outputs = new java.util.HashSet<>();
    for (SelectItem<?> item : ps.getSelectItems()) {
      Expression e = item.getExpression();
      if (e instanceof AllColumns || e instanceof AllTableColumns) {
        return false;
      }
      if (item.getAlias() != null) {
        aliases.add(Identifiers.normalize(item.getAlias().getName()));
        outputs.add(Identifiers.normalize(item.getAlias().getName()));
      } else if (e instanceof Column c) {
        outputs.add(Identifiers.normalize(c.getColumnName()));
      }
    }
    boolean[] aliasInside = {false};
    boolean[] outside = {false};
    for (OrderByElement o : ps.getOrderByElements()) {
      Expression e = o.getExpression();
      if (e instanceof Column c) {
        outside[0] |=
            c.getTable() != null && c.getTable().getName() != null
                || !outputs.contains(Identifiers.normalize(c.getColumnName()));
        continue;
      }
      e.accept(
          new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column c, S context) {
              String name = Identifiers.normalize(c.getColumnName());
              if ((c.getTable() != null && c.getTable().getName() != null)
                  || !outputs.contains(name)) {
                outside[0] = true;
              } else if (aliases.contains(name)) {
                aliasInside[0] = true;
              }
              return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect s, S context) {
              outside[0] = true; // a subquery: not looked into
              return null;
            }

            @Override
            public <S> Void visit(net.sf.jsqlparser.expression.Function f, S context) {
              if ("GROUPING".equalsIgnoreCase(f.getName())) {
                outside[0] = true; // GROUPING() belongs to the grouped query itself
                return null;
              }
              return super.visit(f, context);
            }
          },
          null);
    }
    // an alias that is also a column of the query's tables: inside an expression MySQL means the
    // column (ORDER BY -n AS n ... ORDER BY n + 0 sorts by the column), as PostgreSQL does
    // unwrapped
    boolean shadowing = aliases.stream().anyMatch(a -> ExpressionGroups.mayNameColumn(this, ps, a));
    return aliasInside[0] && !outside[0] && !shadowing;
  }

  /**
   * The query sorted over a derived table of its output columns ({@link
   * #ordersByAliasInExpression}): the ORDER BY sees those columns alone, typed and collated as the
   * select items they are ({@link PrintContext#derivedTable}), a grouped column as the column
   * itself (not min()).
   */
  private void sortedOverOutputColumns(int start, PlainSelect ps) {
    TableInfo output = withTextColumns(ctx.derivedTable("dw_sorted", null, ps, true), ps);
    Map<String, TableInfo> scope = new java.util.HashMap<>(ctx.scope);
    ctx.scope.clear();
    ctx.scope.put(output.name(), output);
    try {
      expr.unfolded(() -> sortedOverDerivedTable(start, ps.getOrderByElements(), ps.getLimit()));
    } finally {
      ctx.scope.clear();
      ctx.scope.putAll(scope);
    }
  }

  private void sortedOverDerivedTable(int start, List<OrderByElement> order, Limit limit) {
    getBuilder().insert(start, "SELECT * FROM (");
    a(") AS dw_sorted");
    expr.unqualifiedColumns = true;
    try {
      orderAndLimit(order, limit);
    } finally {
      expr.unqualifiedColumns = false;
    }
  }

  /**
   * The select-list aliases a HAVING clause may name, with their expressions. MySQL prefers a GROUP
   * BY column of the same name, and an alias that is also a column of a FROM table is left to
   * PostgreSQL's column resolution (inside an aggregate MySQL means the column too).
   */
  /** Every select-list alias of ps, by normalized name, with the expression it names. */
  /** The select list's expressions in order; empty when it has a {@code *} or {@code t.*}. */
  private static List<Expression> selectExpressions(PlainSelect ps) {
    List<Expression> items = new java.util.ArrayList<>();
    for (SelectItem<?> item : ps.getSelectItems()) {
      Expression e = item.getExpression();
      if (e == null || e instanceof AllColumns || e instanceof AllTableColumns) {
        return List.of();
      }
      items.add(e);
    }
    return items;
  }

  private static java.util.Map<String, Expression> selectAliases(PlainSelect ps) {
    java.util.Map<String, Expression> aliases = new java.util.HashMap<>();
    for (SelectItem<?> item : ps.getSelectItems()) {
      if (item.getAlias() != null && item.getExpression() != null) {
        aliases.putIfAbsent(Identifiers.normalize(item.getAlias().getName()), item.getExpression());
      }
    }
    return aliases;
  }

  private java.util.Map<String, Expression> havingAliases(PlainSelect ps) {
    java.util.Set<String> grouped = new java.util.HashSet<>();
    if (ps.getGroupBy() != null) {
      for (Object o : ps.getGroupBy().getGroupByExpressionList()) {
        if (o instanceof Column c) {
          grouped.add(Identifiers.normalize(c.getColumnName()));
        }
      }
    }
    java.util.Map<String, Expression> aliases = new java.util.HashMap<>();
    for (SelectItem<?> item : ps.getSelectItems()) {
      if (item.getAlias() == null || item.getExpression() == null) {
        continue;
      }
      String alias = Identifiers.normalize(item.getAlias().getName());
      if (grouped.contains(alias)
          || expr.columnInfo(new Column(alias)).isPresent()
          || (item.getExpression() instanceof Column c
              && Identifiers.normalize(c.getColumnName()).equals(alias))) {
        continue;
      }
      aliases.put(alias, item.getExpression());
    }
    return aliases;
  }

  void orderAndLimit(List<OrderByElement> order, Limit limit) {
    if (order != null && !order.isEmpty()) {
      a(" ORDER BY ");
      OrderByPrinter.orderBy(expr, order);
    }
    if (limit != null) {
      limit(limit);
    }
  }

  void limit(Limit limit) {
    if (limit.isLimitAll() || limit.isLimitNull() || limit.getByExpressions() != null) {
      throw RefusedException.syntax("limit", "This LIMIT form is not MySQL.");
    }
    if (limit.getRowCount() != null) {
      a(" LIMIT ");
      if (limit.getRowCount() instanceof net.sf.jsqlparser.expression.LongValue lv
          && new java.math.BigInteger(lv.getStringValue())
                  .compareTo(java.math.BigInteger.valueOf(Long.MAX_VALUE))
              > 0) {
        // LIMIT o, 18446744073709551615: the manual's "all rows"; PostgreSQL's bigint is smaller
        a("ALL");
      } else {
        expr.p(limit.getRowCount());
      }
    }
    if (limit.getOffset() != null) {
      a(" OFFSET ");
      expr.p(limit.getOffset());
    }
  }

  /**
   * The primary key of the one table {@code ps} reads, printed for PostgreSQL: MySQL reads a
   * table's rows in primary-key order when it scans the table (InnoDB's clustered index) or an
   * index on a grouped column (ties in key order), so the first row of a group it reads is the
   * first by this key. Null when that is not known: a join (MySQL's join order decides), a derived
   * table, no primary key in the catalog, or a text key column (its order is the collation's, which
   * a plain ORDER BY does not follow).
   */
  private List<String> readOrderKey(PlainSelect ps) {
    if ((ps.getJoins() != null && !ps.getJoins().isEmpty())
        || !(ps.getFromItem() instanceof Table t)
        || t.getName() == null
        || t.getSchemaName() != null) {
      return null;
    }
    java.util.Optional<TableInfo> info = ctx.catalog.table(Identifiers.normalize(t.getName()));
    if (info.isEmpty() || info.get().primaryKey().isEmpty()) {
      return null;
    }
    String qualifier =
        Identifiers.pg(
            Identifiers.normalize(t.getAlias() != null ? t.getAlias().getName() : t.getName()));
    List<String> key = new java.util.ArrayList<>();
    for (String k : info.get().primaryKey()) {
      java.util.Optional<ColumnInfo> c = info.get().column(k);
      if (c.isEmpty() || TypeMapping.isText(c.get().mysqlType())) {
        return null;
      }
      key.add(qualifier + "." + Identifiers.pg(k));
    }
    return key;
  }

  void registerScope(FromItem item) {
    if (item instanceof Table t && t.getName() != null) {
      ctx.addTableToScope(t);
    } else if (item instanceof TableFunction f
        && JsonTable.isExtracted(f)
        && f.getAlias() != null) {
      String alias = Identifiers.normalize(f.getAlias().getName());
      ctx.scope.put(alias, JsonTable.of(f, ctx.jsonTables).tableInfo(alias));
    } else if (item instanceof ParenthesedSelect p
        && p.getAlias() != null
        && p.getSelect() instanceof PlainSelect body) {
      // a derived table: its columns are typed (and collated) by what they select, in the body's
      // own scope, which is then put back as it was (the body's tables enter it when printed)
      Map<String, TableInfo> outer = new java.util.HashMap<>(ctx.scope);
      registerScope(body.getFromItem());
      if (body.getJoins() != null) {
        for (Join j : body.getJoins()) {
          registerScope(j.getFromItem());
        }
      }
      String alias = Identifiers.normalize(p.getAlias().getName());
      TableInfo derived = withTextColumns(ctx.derivedTable(alias, null, body, true), body);
      ctx.scope.clear();
      ctx.scope.putAll(outer);
      ctx.scope.put(alias, derived);
    } else if (item instanceof ParenthesedSelect p
        && p.getAlias() != null
        && p.getSelect() instanceof SetOperationList union) {
      // a derived table over a UNION: its columns as the union's output columns (typed from its
      // branches, each branch's tables put in scope for that and taken out again)
      Map<String, TableInfo> outer = new java.util.HashMap<>(ctx.scope);
      for (Select branch : union.getSelects()) {
        if (branch instanceof PlainSelect b) {
          registerScope(b.getFromItem());
          if (b.getJoins() != null) {
            for (Join j : b.getJoins()) {
              registerScope(j.getFromItem());
            }
          }
        }
      }
      TableInfo output = UnionFolding.output(this, union);
      ctx.scope.clear();
      ctx.scope.putAll(outer);
      if (output != null) {
        String alias = Identifiers.normalize(p.getAlias().getName());
        ctx.scope.put(
            alias,
            new TableInfo(alias, output.columns(), output.primaryKey(), output.uniqueKeys()));
      }
    } else if (item instanceof ParenthesedFromItem p) {
      // (a JOIN b ON ...) JOIN c: SHOW CREATE VIEW nests every join so; the tables inside are in
      // scope as they are without the parentheses
      registerScope(p.getFromItem());
      if (p.getJoins() != null) {
        for (Join j : p.getJoins()) {
          registerScope(j.getFromItem());
        }
      }
    }
  }

  /**
   * {@code t} with the case-insensitive text expressions among body's aliased items ({@code
   * SUBSTRING_INDEX(email, '@', -1) AS domain}) added as text columns of their collation.
   */
  private TableInfo withTextColumns(TableInfo t, PlainSelect body) {
    List<ColumnInfo> columns = new java.util.ArrayList<>(t.columns());
    for (SelectItem<?> item : body.getSelectItems()) {
      Expression e = item.getExpression();
      if (item.getAlias() == null
          || e instanceof net.sf.jsqlparser.schema.Column
          || t.column(Identifiers.normalize(item.getAlias().getName())).isPresent()) {
        continue;
      }
      try {
        if (expr.isCaseInsensitiveText(e)) {
          columns.add(
              new ColumnInfo(
                  Identifiers.normalize(item.getAlias().getName()),
                  "longtext",
                  true,
                  false,
                  false,
                  true,
                  false,
                  Collations.accentInsensitive(expr, e)));
        }
      } catch (RefusedException refused) {
        // refused where it is compared
      }
    }
    return columns.size() == t.columns().size()
        ? t
        : new TableInfo(t.name(), columns, t.primaryKey(), t.uniqueKeys());
  }

  @Override
  public <S> StringBuilder visit(SelectItem<?> item, S context) {
    if (item.getExpression() instanceof net.sf.jsqlparser.expression.Function f
        && PgExpressionDeParser.upper(f.getName()).equals("PI")
        && (f.getParameters() == null || f.getParameters().isEmpty())) {
      // MySQL's PI() is a DOUBLE of 6 decimals: selected, the client reads 3.141593
      a("CAST(round(CAST(pi() AS numeric), 6) AS double precision)");
    } else {
      expr.value(item.getExpression());
    }
    if (item.getAlias() != null) {
      a(alias(item.getAlias()));
    }
    return getBuilder();
  }

  @Override
  public <S> StringBuilder visit(Table table, S context) {
    if (table.getSchemaName() != null
        && java.util.Set.of("information_schema", "performance_schema", "mysql", "sys")
            .contains(
                Identifiers.normalize(table.getSchemaName()).toLowerCase(java.util.Locale.ROOT))) {
      // MySQL's own catalog: describes MySQL's copy of the schema, as the application expects
      SessionFunctions.mysqlSession(
          expr, Identifiers.normalize(table.getSchemaName()).toLowerCase(java.util.Locale.ROOT));
    }
    if (table.getSchemaName() != null) {
      throw RefusedException.syntax(
          "qualified-name",
          "The database-qualified table " + table.getFullyQualifiedName() + " is not supported.");
    }
    if (table.getPivot() != null
        || table.getUnPivot() != null
        || table.getSampleClause() != null
        || table.getSqlServerHints() != null) {
      throw RefusedException.syntax("table-clause", "Unsupported clause on table " + table + ".");
    }
    String name = Identifiers.normalize(table.getName());
    if (!ctx.targetTables.contains(table) && !ctx.cteNames.contains(name)) {
      ctx.tablesRead.add(name);
    }
    a(Identifiers.pg(name));
    if (table.getAlias() != null) {
      a(alias(table.getAlias()));
    }
    // MySQL index hints (USE/FORCE/IGNORE INDEX) only steer the planner: dropped
    return getBuilder();
  }

  @Override
  public void deparseJoin(Join join) {
    if (join.isGlobal()
        || join.isApply()
        || join.isSemi()
        || join.isWindowJoin()
        || join.isFull()
        || join.getJoinHint() != null
        || (join.isSimple() && join.isOuter())) {
      throw RefusedException.syntax("join", "Unsupported join form: " + join + ".");
    }
    boolean hasCondition = !join.getOnExpressions().isEmpty() || !join.getUsingColumns().isEmpty();
    if (join.isSimple()) {
      a(", ");
    } else {
      if (join.isNatural()) {
        a(" NATURAL");
      }
      if (join.isRight()) {
        a(" RIGHT JOIN ");
      } else if (join.isLeft()) {
        a(" LEFT JOIN ");
      } else if (join.isCross() || (!hasCondition && !join.isNatural())) {
        a(" CROSS JOIN ");
      } else {
        a(" JOIN "); // INNER JOIN, JOIN, STRAIGHT_JOIN (a planner hint)
      }
    }
    join.getFromItem().accept(this, null);
    if (join.isCross() && hasCondition) {
      throw RefusedException.syntax("join", "CROSS JOIN with a condition is not supported.");
    }
    boolean first = true;
    for (Expression on : join.getOnExpressions()) {
      a(first ? " ON " : " AND ");
      expr.cond(on);
      first = false;
    }
    if (!join.getUsingColumns().isEmpty()) {
      a(" USING (");
      for (int i = 0; i < join.getUsingColumns().size(); i++) {
        if (i > 0) {
          a(", ");
        }
        a(Identifiers.pg(join.getUsingColumns().get(i).getColumnName()));
      }
      a(")");
    }
  }

  @Override
  public <S> StringBuilder visit(ParenthesedSelect select, S context) {
    withItems(select.getWithItemsList());
    // a derived table's own tables stay in it: the enclosing query sees its columns through its
    // alias (registerScope), and the same name in both would make the enclosing query's column
    // references ambiguous
    Map<String, TableInfo> outer =
        select.getAlias() != null ? new java.util.HashMap<>(ctx.scope) : null;
    a("(");
    select.getSelect().accept((SelectVisitor<StringBuilder>) this, null);
    a(")");
    if (outer != null) {
      ctx.scope.clear();
      ctx.scope.putAll(outer);
    }
    if (select.getOrderByElements() != null || select.getLimit() != null) {
      orderAndLimit(select.getOrderByElements(), select.getLimit());
    }
    if (select.getAlias() != null) {
      a(alias(select.getAlias()));
    }
    if (select.getPivot() != null
        || select.getUnPivot() != null
        || select.getSampleClause() != null) {
      throw RefusedException.syntax("select-clause", "Unsupported clause on a subquery.");
    }
    return getBuilder();
  }

  @Override
  public <S> StringBuilder visit(SetOperationList list, S context) {
    int start = getBuilder().length();
    withItems(list.getWithItemsList());
    int body = getBuilder().length();
    UnionFolding.Fold fold = UnionFolding.foldedUnion(this, list);
    if (fold != null) {
      // each branch's rows carry its position, so the spelling MySQL keeps (the first branch's)
      // can be chosen among values equal but for case
      for (int i = 0; i < list.getSelects().size(); i++) {
        ((PlainSelect) list.getSelects().get(i))
            .getSelectItems()
            .add(
                0,
                new SelectItem<>(
                    new net.sf.jsqlparser.expression.LongValue(i + 1), new Alias("dw_b")));
      }
    }
    List<int[]> opSpans = new java.util.ArrayList<>();
    for (int i = 0; i < list.getSelects().size(); i++) {
      if (i > 0) {
        SetOperation op = list.getOperations().get(i - 1);
        String s = op.toString().trim();
        a(" ");
        opSpans.add(new int[] {getBuilder().length(), s.length()});
        a(s).a(" ");
      }
      Select s = list.getSelects().get(i);
      if (s instanceof PlainSelect) {
        // PostgreSQL needs parentheses around a branch only when it has ORDER BY/LIMIT;
        // MySQL's grammar gives the same rule
        s.accept((SelectVisitor<StringBuilder>) this, null);
      } else {
        s.accept((SelectVisitor<StringBuilder>) this, null);
      }
    }
    if (fold != null) {
      UnionFolding.foldUnion(this, body, opSpans, fold, list);
    } else if (list.getOrderByElements() == null || list.getOrderByElements().isEmpty()) {
      orderAndLimit(list.getOrderByElements(), list.getLimit());
    } else {
      orderOverSetOperation(start, list);
    }
    if (list.getOffset() != null || list.getFetch() != null || list.getAlias() != null) {
      throw RefusedException.syntax("select-clause", "Unsupported clause on a UNION.");
    }
    return getBuilder();
  }

  /**
   * The rows of a VALUES list (JSqlParser gives one row as a flat list), the lists themselves (so
   * that a caller may add to each row). MySQL 8's row constructors {@code ROW(a, b)} are rows.
   */
  @SuppressWarnings("unchecked")
  static List<List<Expression>> rows(Values values) {
    ExpressionList<?> list = values.getExpressions();
    List<List<Expression>> rows = new java.util.ArrayList<>();
    if (list
        instanceof net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList) {
      rows.add((List<Expression>) list);
      return rows;
    }
    for (Object o : list) {
      if (o instanceof ExpressionList<?> row) {
        rows.add((List<Expression>) row);
      } else if (rowConstructor(o) != null) {
        rows.add((List<Expression>) rowConstructor(o));
      } else {
        rows.add(List.of((Expression) o));
      }
    }
    return rows;
  }

  /** The values of MySQL 8's {@code ROW(a, b, ...)} in a VALUES list; null for anything else. */
  private static ExpressionList<?> rowConstructor(Object o) {
    return o instanceof net.sf.jsqlparser.expression.Function f
            && "ROW".equalsIgnoreCase(f.getName())
            && f.getParameters() != null
            && !f.getParameters().isEmpty()
        ? f.getParameters()
        : null;
  }

  /**
   * A VALUES list. MySQL 8's table value constructor ({@code VALUES ROW(1, 2), ROW(3, 4)}, as a
   * statement, a UNION branch or a derived table) names its columns {@code column_0}, {@code
   * column_1}, ..., PostgreSQL's VALUES {@code column1}, {@code column2}: printed as {@code SELECT
   * * FROM (VALUES (1, 2), (3, 4)) AS dw_values (column_0, column_1)}. MariaDB's {@code VALUES (1,
   * 2)} is printed as it is.
   */
  @Override
  public <S> StringBuilder visit(Values values, S context) {
    List<List<Expression>> rows = rows(values);
    boolean mysqlRows =
        !values.getExpressions().isEmpty()
            && rowConstructor(values.getExpressions().get(0)) != null;
    if (mysqlRows) {
      a("SELECT * FROM (");
    }
    a("VALUES ");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        a(", ");
      }
      if (mysqlRows && rows.get(i).size() != rows.get(0).size()) {
        throw RefusedException.syntax(
            "values-row", "The rows of a VALUES statement have different numbers of values.");
      }
      a("(");
      expr.args(rows.get(i), true);
      a(")");
    }
    if (mysqlRows) {
      a(") AS dw_values (");
      for (int c = 0; c < rows.get(0).size(); c++) {
        a(c > 0 ? ", column_" : "column_").a(String.valueOf(c));
      }
      a(")");
    }
    if (values.getAlias() != null) {
      a(alias(values.getAlias()));
    }
    return getBuilder();
  }

  @Override
  public <S> StringBuilder visit(ParenthesedFromItem item, S context) {
    a("(");
    item.getFromItem().accept(this, null);
    if (item.getJoins() != null) {
      for (Join j : item.getJoins()) {
        deparseJoin(j);
      }
    }
    a(")");
    if (item.getAlias() != null) {
      a(alias(item.getAlias()));
    }
    return getBuilder();
  }

  @Override
  public <S> StringBuilder visit(LateralSubSelect s, S context) {
    // MySQL 8.0.14's LATERAL derived table sees the columns of the tables before it, as
    // PostgreSQL's does
    a("LATERAL ");
    return visit((ParenthesedSelect) s, context);
  }

  @Override
  public <S> StringBuilder visit(TableFunction f, S context) {
    if (!JsonTable.isExtracted(f)) {
      throw RefusedException.syntax("table-function", "Table functions are not supported.");
    }
    if (f.getAlias() == null) {
      throw RefusedException.syntax(
          "json-table", "JSON_TABLE needs an alias (AS name), as MySQL requires.");
    }
    JsonTable.of(f, ctx.jsonTables)
        .print(expr, f.getFunction().getParameters().get(0), f.getAlias().getName());
    return getBuilder();
  }

  @Override
  public <S> StringBuilder visit(TableStatement t, S context) {
    // MySQL 8.0.19's TABLE t is SELECT * FROM t (PostgreSQL has TABLE t too; the SELECT form
    // goes through the same table printing)
    if (t.getOrderByElements() != null
        || t.getLimit() != null
        || t.getOffset() != null
        || t.getFetch() != null
        || t.getSampleClause() != null) {
      throw RefusedException.syntax(
          "table-statement",
          "TABLE t with ORDER BY or LIMIT is not translated; write SELECT * FROM t ORDER BY ...");
    }
    a("SELECT * FROM ");
    return visit(t.getTable(), context);
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.statement.piped.FromQuery q, S context) {
    throw RefusedException.syntax(
        "pipe-syntax", "The pipe query FROM ... |> ... is not MySQL syntax; it is not translated.");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.statement.select.Pivot pivot, S context) {
    throw RefusedException.syntax("pivot", "PIVOT is not MySQL syntax; it is not translated.");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.statement.select.PivotXml pivot, S context) {
    throw RefusedException.syntax("pivot", "PIVOT XML is not MySQL syntax; it is not translated.");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.statement.select.UnPivot unpivot, S context) {
    throw RefusedException.syntax("pivot", "UNPIVOT is not MySQL syntax; it is not translated.");
  }
}
