package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/**
 * Prints INSERT / REPLACE / UPDATE / DELETE for PostgreSQL. One instance prints one pass; the
 * translator runs a pass for the plain SQL, the pinned SQL and the SQL with generated keys.
 */
final class DmlPrinter {

  /** What an INSERT-like statement consists of, whatever MySQL form it was written in. */
  record InsertShape(
      StatementKind kind,
      Table table,
      List<Column> columns,
      List<List<Expression>> rows,
      Select select,
      List<UpdateSet> duplicateUpdates) {}

  final PrintContext ctx;
  final StringBuilder b = new StringBuilder();
  final PgExpressionDeParser expr;
  final PgSelectDeParser select;

  DmlPrinter(PrintContext ctx) {
    this.ctx = ctx;
    this.expr = new PgExpressionDeParser(ctx);
    this.select = new PgSelectDeParser(expr, b);
  }

  private DmlPrinter a(String s) {
    b.append(s);
    return this;
  }

  // ------------------------------------------------------------------ INSERT family

  static InsertShape shape(Insert insert) {
    if (insert.getWithItemsList() != null
        || insert.getReturningClause() != null
        || insert.getOutputClause() != null
        || insert.getConflictTarget() != null
        || insert.getConflictAction() != null
        || insert.isOverwrite()
        || insert.isOnlyDefaultValues()
        || (insert.getPartitions() != null && !insert.getPartitions().isEmpty())
        || insert.getOracleHint() != null) {
      throw RefusedException.syntax("insert-clause", "The INSERT uses a clause that is not MySQL.");
    }
    if (insert.getModifierPriority() != null) {
      throw RefusedException.syntax(
          "insert-priority",
          "INSERT "
              + insert.getModifierPriority()
              + " is a MySQL scheduling modifier with no"
              + " PostgreSQL meaning.");
    }
    StatementKind kind =
        insert.isUseDuplicate()
            ? StatementKind.UPSERT
            : insert.isModifierIgnore() ? StatementKind.INSERT_IGNORE : StatementKind.INSERT;
    if (insert.isUseDuplicate() && insert.isModifierIgnore()) {
      throw RefusedException.syntax(
          "insert-ignore-upsert", "INSERT IGNORE ... ON DUPLICATE KEY UPDATE is not supported.");
    }
    List<Column> columns =
        insert.getColumns() == null ? null : new ArrayList<>(insert.getColumns());
    List<List<Expression>> rows = null;
    Select sel = null;
    if (insert.isUseSet()) {
      columns = new ArrayList<>();
      List<Expression> row = new ArrayList<>();
      for (UpdateSet s : insert.getSetUpdateSets()) {
        addSet(s, columns, row);
      }
      rows = List.of(row);
    } else if (insert.getSelect() instanceof Values v) {
      rows = PgSelectDeParser.rows(v);
    } else {
      sel = insert.getSelect();
    }
    return new InsertShape(
        kind, insert.getTable(), columns, rows, sel, insert.getDuplicateUpdateSets());
  }

  static InsertShape shape(Upsert upsert) {
    if (upsert.getUpsertType() != UpsertType.REPLACE
        && upsert.getUpsertType() != UpsertType.REPLACE_SET) {
      throw RefusedException.syntax(
          "upsert", "UPSERT " + upsert.getUpsertType() + " is not MySQL.");
    }
    if (upsert.getDuplicateUpdateSets() != null && !upsert.getDuplicateUpdateSets().isEmpty()) {
      throw RefusedException.syntax(
          "replace-duplicate", "REPLACE with ON DUPLICATE KEY UPDATE is not valid MySQL.");
    }
    List<Column> columns =
        upsert.getColumns() == null ? null : new ArrayList<>(upsert.getColumns());
    List<List<Expression>> rows = null;
    Select sel = null;
    if (upsert.getUpdateSets() != null && !upsert.getUpdateSets().isEmpty()) {
      columns = new ArrayList<>();
      List<Expression> row = new ArrayList<>();
      for (UpdateSet s : upsert.getUpdateSets()) {
        addSet(s, columns, row);
      }
      rows = List.of(row);
    } else if (upsert.getSelect() instanceof Values v) {
      rows = PgSelectDeParser.rows(v);
    } else {
      sel = upsert.getSelect();
    }
    return new InsertShape(StatementKind.REPLACE, upsert.getTable(), columns, rows, sel, null);
  }

  private static void addSet(UpdateSet s, List<Column> columns, List<Expression> row) {
    if (s.getColumns().size() != s.getValues().size()) {
      throw RefusedException.syntax("set-list", "Unsupported SET list " + s + ".");
    }
    for (int i = 0; i < s.getColumns().size(); i++) {
      columns.add(s.getColumns().get(i));
      row.add((Expression) s.getValues().get(i));
    }
  }

  /** The inserted column names (lower-case): the list, or all catalog columns when omitted. */
  static List<String> insertedColumns(InsertShape shape, Optional<TableInfo> table) {
    List<String> names = new ArrayList<>();
    if (shape.columns() != null) {
      for (Column c : shape.columns()) {
        names.add(Identifiers.normalize(c.getColumnName()));
      }
    } else if (table.isPresent()) {
      for (ColumnInfo c : table.get().columns()) {
        names.add(c.name());
      }
    } else {
      return null;
    }
    return names;
  }

  /** Where the generated key goes, when the statement does not supply it. */
  record KeyPlan(String column, int position, boolean appended) {}

  /**
   * Prints the insert. {@code keys} non-null: print the AUTO_INCREMENT column with a '?' per row
   * bound to the authoritative side's generated key.
   */
  void insert(InsertShape s, Optional<TableInfo> table, KeyPlan keys) {
    ctx.inWrite = true;
    Table t = s.table();
    ctx.targetTables.add(t);
    String tableName = Identifiers.normalize(t.getName());
    if (t.getSchemaName() != null) {
      throw RefusedException.syntax(
          "qualified-name", "The database-qualified table " + t + " is not supported.");
    }
    ctx.tablesWritten.add(tableName);
    ctx.addTableToScope(t);
    List<String> inserted = insertedColumns(s, table);
    a("INSERT INTO ").a(Identifiers.pg(tableName));
    if (t.getAlias() != null) {
      throw RefusedException.syntax("insert-alias", "INSERT with a table alias is not supported.");
    }
    if (s.columns() != null || keys != null) {
      if (inserted == null) {
        throw new IllegalStateException("key plan needs columns");
      }
      a(" (");
      List<String> cols = new ArrayList<>(inserted);
      if (keys != null && keys.appended()) {
        cols.add(keys.column());
      }
      for (int i = 0; i < cols.size(); i++) {
        if (i > 0) {
          a(", ");
        }
        a(Identifiers.pg(cols.get(i)));
      }
      a(")");
    }
    if (s.rows() != null) {
      a(" VALUES ");
      for (int r = 0; r < s.rows().size(); r++) {
        List<Expression> row = s.rows().get(r);
        if (inserted != null && row.size() != inserted.size()) {
          throw RefusedException.syntax(
              "insert-arity",
              "The VALUES row has " + row.size() + " values for " + inserted.size() + " columns.");
        }
        if (r > 0) {
          a(", ");
        }
        a("(");
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            a(", ");
          }
          Expression v = row.get(i);
          boolean keyHere = keys != null && !keys.appended() && i == keys.position();
          if (keyHere && generatesKey(v)) {
            a("?");
            ctx.bindings.add(new PrintContext.GeneratedKeyMarker(r));
          } else if (isAutoIncrementPosition(inserted, i, table) && generatesKey(v)) {
            a("DEFAULT"); // MySQL generates a key for NULL or 0; PostgreSQL for DEFAULT
          } else {
            Optional<ColumnInfo> column =
                inserted == null || table.isEmpty()
                    ? Optional.empty()
                    : table.get().column(inserted.get(i));
            int length = s.kind() == StatementKind.INSERT_IGNORE ? charLength(column) : -1;
            if (length > 0 && !isDefaultKeyword(v)) {
              // INSERT IGNORE: MySQL truncates a too-long string to the column (a warning)
              a("left(");
              expr.text(ColumnLiterals.adapt(v, column));
              a(", " + length + ")");
            } else {
              assignedValue(ColumnLiterals.adapt(v, column), column);
            }
          }
        }
        if (keys != null && keys.appended()) {
          a(", ?");
          ctx.bindings.add(new PrintContext.GeneratedKeyMarker(r));
        }
        a(")");
      }
    } else {
      a(" ");
      s.select()
          .accept((net.sf.jsqlparser.statement.select.SelectVisitor<StringBuilder>) select, null);
    }
    switch (s.kind()) {
      case INSERT_IGNORE -> a(" ON CONFLICT DO NOTHING");
      case UPSERT -> onDuplicateKeyUpdate(s, table, inserted);
      case REPLACE -> replace(s, table, inserted);
      default -> {}
    }
  }

  /**
   * A value written into a column. MySQL parses a string assigned to a JSON column as JSON;
   * PostgreSQL accepts an untyped literal or parameter for jsonb but no text expression (CONCAT,
   * CASE, a VARCHAR column, ...), so those are cast to jsonb (a jsonb value casts to itself).
   */
  private void assignedValue(Expression v, Optional<ColumnInfo> column) {
    if (column.isPresent()
        && TypeMapping.baseType(column.get().mysqlType()).equals("json")
        && needsJsonCast(v)) {
      a("CAST(");
      expr.value(v);
      a(" AS jsonb)");
    } else {
      expr.value(v);
    }
  }

  private boolean needsJsonCast(Expression v) {
    return !(v instanceof StringValue
        || v instanceof NullValue
        || v instanceof JdbcParameter
        || v instanceof net.sf.jsqlparser.expression.JsonFunction
        || isDefaultKeyword(v)
        || expr.isJsonValued(v));
  }

  /** The n of a CHAR(n)/VARCHAR(n) column, else -1. */
  private static int charLength(Optional<ColumnInfo> column) {
    if (column.isEmpty()) {
      return -1;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)\\s*(var)?char\\s*\\(\\s*([0-9]+)\\s*\\).*")
            .matcher(column.get().mysqlType());
    return m.matches() ? Integer.parseInt(m.group(2)) : -1;
  }

  private static boolean isDefaultKeyword(Expression v) {
    return v instanceof Column c
        && c.getTable() == null
        && "DEFAULT".equalsIgnoreCase(c.getColumnName());
  }

  static boolean generatesKey(Expression v) {
    return v instanceof NullValue || (v instanceof LongValue l && l.getValue() == 0);
  }

  private static boolean isAutoIncrementPosition(
      List<String> inserted, int i, Optional<TableInfo> table) {
    if (inserted == null || table.isEmpty()) {
      return false;
    }
    Optional<ColumnInfo> ai = table.get().autoIncrementColumn();
    return ai.isPresent() && inserted.get(i).equals(ai.get().name());
  }

  /** The unique key MySQL's duplicate check can hit, from the catalog. */
  static List<String> conflictTarget(
      String construct, String tableName, Optional<TableInfo> table, List<String> inserted) {
    if (table.isEmpty()) {
      throw RefusedException.syntax(
          construct + ":no-catalog",
          construct
              + " into "
              + tableName
              + " needs the table's keys from the schema catalog, which does not know the table.");
    }
    TableInfo info = table.get();
    Optional<ColumnInfo> ai = info.autoIncrementColumn();
    List<List<String>> candidates = new ArrayList<>();
    for (List<String> key : info.allUniqueKeys()) {
      boolean covered = inserted.containsAll(key);
      boolean generatedOnly =
          ai.isPresent() && key.size() == 1 && key.get(0).equals(ai.get().name()) && !covered;
      if (covered) {
        candidates.add(key);
      } else if (!generatedOnly) {
        // a key the statement does not fully supply can still conflict through defaults
        boolean anySupplied = key.stream().anyMatch(inserted::contains);
        if (anySupplied) {
          throw RefusedException.syntax(
              construct + ":ambiguous-key",
              construct
                  + " into "
                  + tableName
                  + " may conflict on the unique key ("
                  + String.join(", ", key)
                  + ") which the statement only partly supplies; PostgreSQL needs one conflict"
                  + " target.");
        }
      }
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    if (candidates.isEmpty()) {
      throw RefusedException.syntax(
          construct + ":no-key",
          construct
              + " into "
              + tableName
              + " supplies no complete unique key, so it cannot conflict.");
    }
    List<String> shown = new ArrayList<>();
    for (List<String> k : candidates) {
      shown.add("(" + String.join(", ", k) + ")");
    }
    throw RefusedException.syntax(
        construct + ":ambiguous-key",
        construct
            + " into "
            + tableName
            + " can conflict on several unique keys "
            + String.join(" and ", shown)
            + "; PostgreSQL ON CONFLICT takes one conflict target.");
  }

  private void onDuplicateKeyUpdate(
      InsertShape s, Optional<TableInfo> table, List<String> inserted) {
    String tableName = Identifiers.normalize(s.table().getName());
    if (inserted == null) {
      conflictTarget("ON DUPLICATE KEY UPDATE", tableName, table, List.of());
    }
    List<String> key = conflictTarget("ON DUPLICATE KEY UPDATE", tableName, table, inserted);
    a(" ON CONFLICT (");
    conflictColumns(key, table);
    a(") DO UPDATE SET ");
    List<UpdateSet> sets = s.duplicateUpdates();
    checkOrderIndependence(sets);
    ctx.inDuplicateUpdate = true;
    ctx.duplicateTarget = tableName;
    try {
      boolean first = true;
      for (UpdateSet set : sets) {
        for (int i = 0; i < set.getColumns().size(); i++) {
          a(first ? "" : ", ");
          first = false;
          a(Identifiers.pg(set.getColumns().get(i).getColumnName())).a(" = ");
          Expression v = (Expression) set.getValues().get(i);
          expr.value(v);
        }
      }
    } finally {
      ctx.inDuplicateUpdate = false;
    }
  }

  private void replace(InsertShape s, Optional<TableInfo> table, List<String> inserted) {
    String tableName = Identifiers.normalize(s.table().getName());
    if (table.isEmpty()) {
      conflictTarget("REPLACE", tableName, table, List.of());
    }
    TableInfo info = table.get();
    if (info.allUniqueKeys().size() > 1) {
      throw RefusedException.syntax(
          "REPLACE:several-keys",
          "REPLACE into "
              + tableName
              + " deletes every row conflicting on any of its "
              + info.allUniqueKeys().size()
              + " unique keys; PostgreSQL ON CONFLICT handles one.");
    }
    if (info.allUniqueKeys().isEmpty()) {
      return; // no key: REPLACE is a plain INSERT
    }
    List<String> key = info.allUniqueKeys().get(0);
    if (!inserted.containsAll(key)) {
      return; // the key is generated: no conflict possible
    }
    a(" ON CONFLICT (");
    conflictColumns(key, Optional.of(info));
    List<String> set = new ArrayList<>();
    for (ColumnInfo c : info.columns()) {
      if (!key.contains(c.name())) {
        set.add(c.name());
      }
    }
    if (set.isEmpty()) {
      a(") DO NOTHING");
      return;
    }
    // delete + insert: supplied columns take the new values, the others their defaults
    a(") DO UPDATE SET ");
    for (int i = 0; i < set.size(); i++) {
      String c = set.get(i);
      a(i > 0 ? ", " : "").a(Identifiers.pg(c)).a(" = ");
      a(inserted.contains(c) ? "EXCLUDED." + Identifiers.pg(c) : "DEFAULT");
    }
  }

  /**
   * The conflict target: case-insensitive text columns as lower(col), matching the unique indexes
   * the DDL translation creates for them (MySQL's unique keys ignore case on _ci columns).
   */
  private void conflictColumns(List<String> key, Optional<TableInfo> table) {
    for (int i = 0; i < key.size(); i++) {
      String c = key.get(i);
      Optional<ColumnInfo> info = table.flatMap(t -> t.column(c));
      boolean fold =
          info.isPresent()
              && info.get().caseInsensitive()
              && TypeMapping.isText(info.get().mysqlType());
      a(i > 0 ? ", " : "").a(fold ? "lower(" + Identifiers.pg(c) + ")" : Identifiers.pg(c));
    }
  }

  // ------------------------------------------------------------------ UPDATE

  /** MySQL assigns left to right, later expressions seeing earlier new values; PostgreSQL not. */
  static void checkOrderIndependence(List<UpdateSet> sets) {
    Set<String> assigned = new LinkedHashSet<>();
    for (UpdateSet set : sets) {
      for (int i = 0; i < set.getColumns().size(); i++) {
        Expression v = (Expression) set.getValues().get(i);
        for (String used : columnsIn(v)) {
          if (assigned.contains(used)) {
            throw RefusedException.syntax(
                "update-order",
                "The SET list reads column "
                    + used
                    + " after assigning it; MySQL uses the new value, PostgreSQL the old one.");
          }
        }
        assigned.add(Identifiers.normalize(set.getColumns().get(i).getColumnName()));
      }
    }
  }

  static Set<String> columnsIn(Expression e) {
    Set<String> names = new LinkedHashSet<>();
    e.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Column column, S context) {
            names.add(Identifiers.normalize(column.getColumnName()));
            return null;
          }

          @Override
          public <S> Void visit(Function f, S context) {
            String n = PgExpressionDeParser.upper(f.getName());
            if (n.equals("VALUES")) {
              return null; // VALUES(c) is the inserted value, not the column
            }
            return super.visit(f, context);
          }
        },
        null);
    return names;
  }

  void update(Update u, Optional<TableInfo> catalogTable) {
    ctx.inWrite = true;
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
    Table target = first;
    if (!others.isEmpty()) {
      target = null;
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
    }
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

  /** Collects joined items and ON conditions; true when a LEFT/RIGHT (outer) join is among them. */
  private static boolean collectJoins(
      List<Join> joins, List<FromItem> items, List<Expression> conditions) {
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
  private void targetRowsOfJoin(Table target, Table first, List<Join> joins, Expression where) {
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

  private void whereWithLimit(
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
      expr.orderBy(order);
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
  private static boolean ordersAlike(String mysqlType) {
    return Set.of(
            "tinyint",
            "smallint",
            "mediumint",
            "int",
            "integer",
            "bigint",
            "decimal",
            "numeric",
            "date",
            "datetime",
            "timestamp",
            "time",
            "year")
        .contains(TypeMapping.baseType(mysqlType));
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

  private static void collectEqualities(Expression e, Table target, Set<String> pinned) {
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

  private void printConditions(List<Expression> conditions) {
    for (int i = 0; i < conditions.size(); i++) {
      a(i == 0 ? " WHERE " : " AND ");
      boolean wrap = conditions.size() > 1;
      a(wrap ? "(" : "");
      expr.cond(conditions.get(i));
      a(wrap ? ")" : "");
    }
  }

  // ------------------------------------------------------------------ DELETE

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

  // ------------------------------------------------------------------ SELECT

  void select(Select s) {
    s.accept((net.sf.jsqlparser.statement.select.SelectVisitor<StringBuilder>) select, null);
  }
}
