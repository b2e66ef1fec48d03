package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/** Prints INSERT, INSERT IGNORE, REPLACE and INSERT ... ON DUPLICATE KEY UPDATE for PostgreSQL. */
final class InsertPrinter extends DmlPrinter {

  InsertPrinter(PrintContext ctx) {
    super(ctx);
  }

  /** What an INSERT-like statement consists of, whatever MySQL form it was written in. */
  record InsertShape(
      StatementKind kind,
      Table table,
      List<Column> columns,
      List<List<Expression>> rows,
      Select select,
      List<UpdateSet> duplicateUpdates) {}

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
    boolean deleting = deletesReplacedRows(s, table, inserted);
    if (deleting) {
      replacedRows(s, table.get(), inserted);
    }
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
      // (a REPLACE deleting its rows first: its one row selected after the deletion ran)
      a(deleting ? " SELECT " : " VALUES ");
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
        a(deleting ? "" : "(");
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
              expr.text(ColumnLiterals.adapt(v, column, ctx.catalog.truncatesFractionalSeconds()));
              a(", " + length + ")");
            } else {
              assignedValue(v, column);
            }
          }
        }
        if (keys != null && keys.appended()) {
          a(", ?");
          ctx.bindings.add(new PrintContext.GeneratedKeyMarker(r));
        }
        a(deleting ? " FROM (SELECT count(*) FROM dw_replaced) AS dw_d" : ")");
      }
    } else {
      a(" ");
      List<Runnable> restore = literalsAsStoredNumbers(s.select(), inserted, table);
      try {
        s.select()
            .accept((net.sf.jsqlparser.statement.select.SelectVisitor<StringBuilder>) select, null);
      } finally {
        restore.forEach(Runnable::run);
      }
    }
    switch (s.kind()) {
      case INSERT_IGNORE -> a(" ON CONFLICT DO NOTHING");
      case UPSERT -> onDuplicateKeyUpdate(s, table, inserted);
      case REPLACE -> {
        if (!deleting) {
          replace(s, table, inserted);
        }
      }
      default -> {}
    }
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
          String name = Identifiers.normalize(set.getColumns().get(i).getColumnName());
          Optional<ColumnInfo> column = table.flatMap(t -> t.column(name));
          if (column.isPresent()
              && TypeMapping.baseType(column.get().mysqlType()).equals("set")
              && !(v instanceof NullValue || isDefaultKeyword(v))) {
            // a SET column's new value stored as MySQL stores it
            setValue(ColumnLiterals.adapt(v, column), column.get());
          } else if (column.isPresent() && TypeMapping.isInteger(column.get().mysqlType())) {
            // an integer or BIT column's new value as MySQL stores it: a hex literal's number (a
            // string literal's bytes in a BIT), a bound value's number
            assignedValue(v, column);
          } else {
            expr.value(v);
          }
        }
      }
    } finally {
      ctx.inDuplicateUpdate = false;
    }
  }

  /**
   * INSERT ... SELECT: the select items that are literals written into an integer or BIT column
   * replaced by the number MySQL stores ({@link ColumnLiterals#adapt}: X'41' is 65, and 'A' too in
   * a BIT); returns what puts the items back (the tree is printed again for other purposes).
   */
  private static List<Runnable> literalsAsStoredNumbers(
      Select select, List<String> inserted, Optional<TableInfo> table) {
    List<Runnable> restore = new ArrayList<>();
    if (!(select instanceof net.sf.jsqlparser.statement.select.PlainSelect ps)
        || ps.getSelectItems() == null
        || inserted == null
        || table.isEmpty()
        || ps.getSelectItems().size() != inserted.size()) {
      return restore;
    }
    for (int i = 0; i < inserted.size(); i++) {
      Optional<ColumnInfo> column = table.get().column(inserted.get(i));
      @SuppressWarnings("unchecked")
      net.sf.jsqlparser.statement.select.SelectItem<Expression> item =
          (net.sf.jsqlparser.statement.select.SelectItem<Expression>) ps.getSelectItems().get(i);
      Expression v = item.getExpression();
      if (column.isPresent()
          && TypeMapping.isInteger(column.get().mysqlType())
          && (v instanceof net.sf.jsqlparser.expression.StringValue
              || v instanceof net.sf.jsqlparser.expression.HexValue)) {
        Expression adapted = ColumnLiterals.adapt(v, column);
        if (adapted != v) {
          item.setExpression(adapted);
          restore.add(() -> item.setExpression(v));
        }
      }
    }
    return restore;
  }

  /**
   * Whether a REPLACE is printed as a deletion of the rows it replaces followed by its insert: into
   * a table with several unique keys (MySQL deletes every row that conflicts on any of them;
   * PostgreSQL's ON CONFLICT names one), one row of values (a later row of several may replace an
   * earlier one), none printed as DEFAULT, and a unique key whose values it supplies. Refused for
   * several rows or a SELECT.
   */
  private boolean deletesReplacedRows(
      InsertShape s, Optional<TableInfo> table, List<String> inserted) {
    if (s.kind() != StatementKind.REPLACE
        || table.isEmpty()
        || table.get().allUniqueKeys().size() < 2) {
      return false;
    }
    String tableName = Identifiers.normalize(s.table().getName());
    if (s.rows() == null
        || s.rows().size() != 1
        || inserted == null
        || s.rows().get(0).size() != inserted.size()
        || s.rows().get(0).stream().anyMatch(InsertPrinter::isDefaultKeyword)
        || java.util.stream.IntStream.range(0, inserted.size())
            .anyMatch(
                i ->
                    isAutoIncrementPosition(inserted, i, table)
                        && generatesKey(s.rows().get(0).get(i)))) {
      throw RefusedException.syntax(
          "REPLACE:several-keys",
          "REPLACE into "
              + tableName
              + " deletes every row conflicting on any of its "
              + table.get().allUniqueKeys().size()
              + " unique keys: translated for one row of values (no DEFAULT, no generated key"
              + " given as NULL or 0), not for several rows or a SELECT.");
    }
    return !conflictKeys(table.get(), inserted, s.rows().get(0)).isEmpty();
  }

  /** The unique keys whose every column the row gives a value other than NULL. */
  private static List<List<String>> conflictKeys(
      TableInfo table, List<String> inserted, List<Expression> row) {
    List<List<String>> keys = new ArrayList<>();
    for (List<String> key : table.allUniqueKeys()) {
      if (inserted.containsAll(key)
          && key.stream().noneMatch(c -> row.get(inserted.indexOf(c)) instanceof NullValue)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /**
   * Prints {@code WITH dw_replaced AS (DELETE FROM t WHERE <key 1> = <values> OR ... RETURNING 1)},
   * each key compared as its column's collation compares (as its unique index does); the insert
   * that follows selects its row from {@code (SELECT count(*) FROM dw_replaced)}, so the deletion
   * has run before it (PostgreSQL runs an unread data-modifying WITH query last).
   */
  private void replacedRows(InsertShape s, TableInfo table, List<String> inserted) {
    List<Expression> row = s.rows().get(0);
    a("WITH dw_replaced AS (DELETE FROM ").a(Identifiers.pg(table.name())).a(" WHERE ");
    List<List<String>> keys = conflictKeys(table, inserted, row);
    for (int k = 0; k < keys.size(); k++) {
      a(k > 0 ? " OR " : "").a("(");
      List<String> key = keys.get(k);
      for (int i = 0; i < key.size(); i++) {
        a(i > 0 ? " AND " : "");
        String c = key.get(i);
        Expression v =
            ColumnLiterals.adapt(
                row.get(inserted.indexOf(c)),
                table.column(c),
                ctx.catalog.truncatesFractionalSeconds());
        keyEquals(table, c, v);
      }
      a(")");
    }
    a(" RETURNING 1) ");
  }

  private static final java.util.regex.Pattern DECIMAL_TYPE =
      java.util.regex.Pattern.compile(
          "(?i)\\s*(decimal|numeric|dec)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\).*");

  /**
   * {@code t.c = v} in a REPLACE's deletion, v taken as the value the key column stores (as the
   * insert stores it, and MySQL compares the stored value with the key): text as text (42 is '42',
   * not the number '042' compares equal to), a DECIMAL rounded to the column's scale, an integer
   * rounded; a case-insensitive text key compared as its collation compares (as its unique index).
   */
  private void keyEquals(TableInfo table, String c, Expression v) {
    ColumnInfo column = table.column(c).orElseThrow();
    String type = column.mysqlType();
    String col = Identifiers.pg(table.name()) + "." + Identifiers.pg(c);
    java.util.regex.Matcher decimal = DECIMAL_TYPE.matcher(type);
    String cast =
        TypeMapping.isText(type)
            ? "text"
            : decimal.matches()
                ? "numeric("
                    + decimal.group(2)
                    + ", "
                    + (decimal.group(3) == null ? "0" : decimal.group(3))
                    + ")"
                : TypeMapping.isInteger(type) ? "bigint" : null;
    if (cast == null) {
      expr.cond(
          new net.sf.jsqlparser.expression.operators.relational.EqualsTo(
              new Column(new Table(table.name()), c), v));
      return;
    }
    boolean accents =
        column.caseInsensitive()
            && column.accentInsensitive()
            && ctx.catalog.postgresHasCollation(Collations.AI_CI);
    boolean fold = TypeMapping.isText(type) && column.caseInsensitive();
    String open = accents ? "((" : fold ? "lower(" : "(";
    String close = accents ? ") COLLATE " + Collations.AI_CI + ")" : ")";
    a(open).a(col).a(close).a(" = ").a(open).a("CAST(");
    expr.value(v);
    a(" AS ").a(cast).a(")").a(close);
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
   * The conflict target: case-insensitive text columns as lower(col), accent-insensitive ones as
   * {@code col COLLATE dualwrite_ai_ci} when PostgreSQL has the collation, matching the unique
   * indexes the DDL translation creates for them (MySQL's unique keys ignore case, and under {@code
   * utf8mb4_0900_ai_ci} accents, on such columns).
   */
  private void conflictColumns(List<String> key, Optional<TableInfo> table) {
    boolean aiCi = ctx.catalog.postgresHasCollation(Collations.AI_CI);
    for (int i = 0; i < key.size(); i++) {
      String c = key.get(i);
      Optional<ColumnInfo> info =
          table.flatMap(t -> t.column(c)).filter(ci -> TypeMapping.isText(ci.mysqlType()));
      boolean fold = info.isPresent() && info.get().caseInsensitive();
      boolean accents = fold && aiCi && info.get().accentInsensitive();
      a(i > 0 ? ", " : "")
          .a(
              DdlPrinter.keyPart(
                  c, fold ? Set.of(c) : Set.of(), accents ? Set.of(c) : Set.<String>of()));
    }
  }
}
