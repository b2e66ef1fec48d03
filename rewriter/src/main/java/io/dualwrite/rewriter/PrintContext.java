package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;

/** Mutable state of one translation: what the printers learn and record while printing. */
final class PrintContext {
  final SchemaCatalog catalog;

  /** For each '?' printed, the MySQL parameter index (0-based) or a computed call. */
  final List<Object> bindings = new ArrayList<>();

  /** Non-deterministic call nodes (by identity) to their index in {@link #calls}. */
  final Map<Expression, Integer> callIndex = new IdentityHashMap<>();

  final List<NonDeterministicCall> calls = new ArrayList<>();

  /** When true, non-deterministic calls print as typed '?' placeholders. */
  boolean pinCalls;

  final Set<String> tablesRead = new LinkedHashSet<>();
  final Set<String> tablesWritten = new LinkedHashSet<>();
  final Set<String> cteNames = new java.util.HashSet<>();

  /**
   * The select-list expressions of the statement's outermost query when nothing else in it must
   * agree with their type ({@link ResultColumns#outermostExpressions}): the values the application
   * reads, whose MySQL type is the result column's type.
   */
  final Set<Expression> resultExpressions =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * SEC_TO_TIME and TIMEDIFF calls that are result columns of the outermost query ({@link
   * ResultColumns#durationItems}): printed as an interval of any length, as MySQL's TIME holds
   * durations beyond a day that PostgreSQL's time cannot.
   */
  final Set<Expression> durationResults =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** Tables printed as write targets (not counted as reads). */
  final Set<Table> targetTables = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** Alias or table name (lower-case) to catalog table, for column lookups. */
  final Map<String, TableInfo> scope = new HashMap<>();

  /** Inside ON CONFLICT DO UPDATE: VALUES(c) means EXCLUDED.c. */
  boolean inDuplicateUpdate;

  /** The table an ON DUPLICATE KEY UPDATE writes (qualifies bare column names). */
  String duplicateTarget;

  /** How many subqueries deep the printer is (0: the statement's own level). */
  int subqueryDepth;

  /** The MySQL 8 row alias of INSERT ... AS alias ON DUPLICATE KEY UPDATE (means EXCLUDED). */
  String excludedAlias;

  /** The row alias's column names (AS new(a, b)) to the inserted columns they stand for. */
  final Map<String, String> excludedColumns = new HashMap<>();

  boolean lockingRead;

  /**
   * Single-table UPDATE: columns already assigned, with their new-value expression; a later
   * reference to such a column prints that expression (MySQL's left-to-right assignment).
   */
  final java.util.LinkedHashMap<String, Expression> assigned = new java.util.LinkedHashMap<>();

  /** Printing an INSERT/UPDATE/DELETE (not a query). */
  boolean inWrite;

  /** The statement's JSON_TABLEs, taken apart before parsing ({@link JsonTable#extract}). */
  final List<JsonTable> jsonTables = new ArrayList<>();

  /** The session's sql_mode the statement was read under (MySQL literals, LIKE's escape). */
  SqlMode sqlMode = SqlMode.DEFAULT;

  /** The target of the '?' about to be printed, set around a column's value or comparand. */
  ParameterTarget nextParameterTarget;

  /** The application's parameters (0-based index) written into or compared with a column. */
  final Map<Integer, ParameterTarget> parameterTargets = new HashMap<>();

  PrintContext(SchemaCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The fields {@link #nextPass} carries over: what is known of the statement before printing (the
   * catalog, the non-deterministic calls found, the upsert's row alias).
   */
  static final Set<String> CARRIED_TO_NEXT_PASS =
      Set.of(
          "catalog",
          "callIndex",
          "calls",
          "excludedAlias",
          "excludedColumns",
          "sqlMode",
          "jsonTables",
          "resultExpressions",
          "durationResults");

  /**
   * The fields that are state of one printing pass: {@link #nextPass} starts them afresh (pinCalls
   * is given). A new field must be added to this set or to {@link #CARRIED_TO_NEXT_PASS};
   * PrintContextTest fails until it is.
   */
  static final Set<String> STATE_OF_ONE_PASS =
      Set.of(
          "pinCalls",
          "bindings",
          "tablesRead",
          "tablesWritten",
          "cteNames",
          "targetTables",
          "scope",
          "inDuplicateUpdate",
          "duplicateTarget",
          "subqueryDepth",
          "lockingRead",
          "assigned",
          "inWrite",
          "withTables",
          "nextParameterTarget",
          "parameterTargets");

  /**
   * A context for printing the same statement again (the pinned form, the form with generated
   * keys): the {@link #CARRIED_TO_NEXT_PASS} fields copied, with pinCalls as given, and nothing of
   * what this pass printed.
   */
  PrintContext nextPass(boolean pinCalls) {
    PrintContext next = new PrintContext(catalog);
    next.callIndex.putAll(callIndex);
    next.calls.addAll(calls);
    next.excludedAlias = excludedAlias;
    next.excludedColumns.putAll(excludedColumns);
    next.pinCalls = pinCalls;
    next.sqlMode = sqlMode;
    next.jsonTables.addAll(jsonTables);
    next.resultExpressions.addAll(resultExpressions);
    next.durationResults.addAll(durationResults);
    return next;
  }

  /** A '?' whose value is the authoritative side's generated key for one VALUES row. */
  record GeneratedKeyMarker(int row) {}

  /** WITH names whose output columns have a known type (see PgSelectDeParser's WITH items). */
  final Map<String, TableInfo> withTables = new HashMap<>();

  /**
   * Records the MySQL types of a WITH query's output columns where they are certain (a column of a
   * known table, CAST(... AS DATE/DATETIME/TIME), a DATE/TIMESTAMP/TIME literal), so type-aware
   * translations (a DATE + INTERVAL n DAY stays a DATE) also work on the WITH name's columns.
   * {@code names} is the WITH item's column list (null: the select items' names). For a recursive
   * WITH item, {@code body} is its first (non-recursive) member, recorded before the recursive
   * member is printed: MySQL types a recursive CTE's columns by that member only. {@code
   * fromScope}: whether a column reference is typed from the scope (false before {@code body}'s own
   * tables are in it).
   */
  void recordWithColumnTypes(
      String name,
      List<String> names,
      net.sf.jsqlparser.statement.select.PlainSelect body,
      boolean fromScope) {
    withTables.put(name, derivedTable(name, names, body, fromScope));
  }

  /**
   * The output columns of {@code body} named {@code name} (a WITH query or a derived table) whose
   * MySQL type is certain: a column of a table in scope keeps everything known of it (its collation
   * too: MySQL's derived column sorts and compares as the column it selects), renamed by its alias;
   * CAST(... AS DATE/DATETIME/TIME), a temporal literal or function gets its type.
   */
  TableInfo derivedTable(
      String name,
      List<String> names,
      net.sf.jsqlparser.statement.select.PlainSelect body,
      boolean fromScope) {
    List<ColumnInfo> columns = new java.util.ArrayList<>();
    List<net.sf.jsqlparser.statement.select.SelectItem<?>> items = body.getSelectItems();
    for (int i = 0; i < items.size(); i++) {
      net.sf.jsqlparser.statement.select.SelectItem<?> item = items.get(i);
      Expression e = item.getExpression();
      if (names != null
          && (e instanceof net.sf.jsqlparser.statement.select.AllColumns
              || e instanceof net.sf.jsqlparser.statement.select.AllTableColumns)) {
        break; // a * stands for columns not counted here: the names after it are not known
      }
      String column =
          names != null
              ? (i < names.size() ? names.get(i) : null)
              : item.getAlias() != null
                  ? Identifiers.normalize(item.getAlias().getName())
                  : e instanceof net.sf.jsqlparser.schema.Column c
                      ? Identifiers.normalize(c.getColumnName())
                      : null;
      if (column == null) {
        continue;
      }
      String type = null;
      if (e instanceof net.sf.jsqlparser.schema.Column c) {
        java.util.Optional<ColumnInfo> known = fromScope ? column(c) : java.util.Optional.empty();
        if (known.isPresent()) {
          ColumnInfo k = known.get();
          columns.add(
              new ColumnInfo(
                  column,
                  k.mysqlType(),
                  k.nullable(),
                  k.autoIncrement(),
                  k.onUpdateCurrentTimestamp(),
                  k.caseInsensitive(),
                  k.defaultCurrentTimestamp(),
                  k.accentInsensitive()));
          continue;
        }
      } else if (e instanceof net.sf.jsqlparser.expression.CastExpression cast
          && cast.getColDataType() != null) {
        String target = cast.getColDataType().getDataType().toLowerCase(java.util.Locale.ROOT);
        if (cast.isImplicitCast()) {
          type =
              switch (target) {
                case "date" -> "date";
                case "timestamp" -> "datetime";
                case "time" -> "time";
                default -> null;
              };
        } else if (java.util.Set.of("date", "datetime", "time").contains(target)
            && cast.getColDataType().getArgumentsStringList() == null) {
          type = target;
        }
      }
      if (e instanceof net.sf.jsqlparser.expression.Function f && addTimeOfTime(f)) {
        type = "time"; // ADDTIME(time_col, ...): a TIME
      } else if (e instanceof net.sf.jsqlparser.expression.Function f) {
        // DATE('2024-02-25'), CURDATE(): a recursive member's date arithmetic stays a date
        type =
            TemporalNumbers.ofFunction(f)
                .filter(t -> t.fsp() == 0)
                .map(t -> t.kind().name().toLowerCase(java.util.Locale.ROOT))
                .orElse(null);
      }
      if (type != null) {
        columns.add(new ColumnInfo(column, type, true, false, false, false));
      }
    }
    return new TableInfo(name, columns, List.of(), List.of());
  }

  void addTableToScope(Table table) {
    String name = Identifiers.normalize(table.getName());
    Optional<TableInfo> info =
        cteNames.contains(name) ? Optional.ofNullable(withTables.get(name)) : catalog.table(name);
    if (info.isPresent()) {
      scope.put(name, info.get());
      if (table.getAlias() != null) {
        scope.put(Identifiers.normalize(table.getAlias().getName()), info.get());
      }
    }
  }

  /** The catalog column a column reference means, when it can be told. */
  Optional<ColumnInfo> column(net.sf.jsqlparser.schema.Column column) {
    String name = Identifiers.normalize(column.getColumnName());
    Table t = column.getTable();
    if (t != null && t.getName() != null) {
      TableInfo info = scope.get(Identifiers.normalize(t.getName()));
      return info == null ? Optional.empty() : info.column(name);
    }
    Optional<ColumnInfo> found = Optional.empty();
    for (TableInfo info : new LinkedHashSet<>(scope.values())) {
      Optional<ColumnInfo> c = info.column(name);
      if (c.isPresent()) {
        if (found.isPresent() && !found.get().equals(c.get())) {
          return Optional.empty(); // ambiguous: do not guess
        }
        found = c;
      }
    }
    return found;
  }

  /** ADDTIME/SUBTIME whose first argument is a TIME column of the scope. */
  private boolean addTimeOfTime(net.sf.jsqlparser.expression.Function f) {
    List<Expression> args = Functions.params(f);
    return f.getName() != null
        && Set.of("ADDTIME", "SUBTIME").contains(Functions.name(f))
        && !args.isEmpty()
        && args.get(0) instanceof net.sf.jsqlparser.schema.Column c
        && column(c).map(i -> TypeMapping.baseType(i.mysqlType()).equals("time")).orElse(false);
  }

  List<Binding> pinnedBindings() {
    List<Binding> list = new ArrayList<>(bindings.size());
    for (Object b : bindings) {
      list.add((Binding) b);
    }
    return list;
  }

  List<KeyBinding> keyBindings() {
    List<KeyBinding> list = new ArrayList<>(bindings.size());
    for (Object b : bindings) {
      if (b instanceof Binding.AppParameter p) {
        list.add(new KeyBinding.AppParameter(p.index()));
      } else if (b instanceof Binding.ComputedValue c) {
        list.add(new KeyBinding.ComputedValue(c.callIndex()));
      } else {
        list.add(new KeyBinding.GeneratedKey(((GeneratedKeyMarker) b).row()));
      }
    }
    return list;
  }

  int[] parameterMap() {
    int count = 0;
    for (Object b : bindings) {
      if (b instanceof Binding.AppParameter) {
        count++;
      }
    }
    int[] map = new int[count];
    int i = 0;
    for (Object b : bindings) {
      if (b instanceof Binding.AppParameter p) {
        map[i++] = p.index();
      }
    }
    return map;
  }
}
