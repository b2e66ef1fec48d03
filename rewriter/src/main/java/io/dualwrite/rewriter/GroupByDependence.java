package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * MySQL accepts a grouped query selecting columns that are not in the GROUP BY when they are
 * functionally dependent on it (MySQL 8 with ONLY_FULL_GROUP_BY follows primary keys, unique keys
 * over NOT NULL columns and join equalities; views created without it accept anything); PostgreSQL
 * only follows a primary key of the same table (error 42803). Such columns are added to the GROUP
 * BY when the catalog proves they are determined by it: grouping by a column that is constant
 * within each group changes nothing. A column that cannot be proven determined is refused by name,
 * as MySQL would return any value of the group for it.
 *
 * <p>What proves a column determined, starting from the grouped columns:
 *
 * <ul>
 *   <li>every column of a primary key, or of a unique key whose columns are all NOT NULL, is
 *       determined: then the whole row of that table is (a NULL there can only be the row an outer
 *       join added, NULL in every column);
 *   <li>an equality {@code a = b} in the ON of an inner join (at any depth of parentheses, as
 *       {@code SHOW CREATE VIEW} prints joins) or in the WHERE, between two case-sensitive columns
 *       of the same kind (exact numbers, dates and datetimes, text, binary strings): equal values
 *       of one kind are the same value. Across kinds ({@code '01' = 1}) or under a case-insensitive
 *       collation, equal does not mean the same value, so it proves nothing; nor does the ON of an
 *       outer join, which holds only in the rows that found a match.
 * </ul>
 */
final class GroupByDependence {
  private GroupByDependence() {}

  private static final Set<String> AGGREGATES =
      Set.of(
          "COUNT",
          "SUM",
          "MIN",
          "MAX",
          "AVG",
          "STD",
          "STDDEV",
          "STDDEV_POP",
          "STDDEV_SAMP",
          "VAR_POP",
          "VAR_SAMP",
          "VARIANCE",
          "BIT_AND",
          "BIT_OR",
          "BIT_XOR",
          "JSON_ARRAYAGG",
          "JSON_OBJECTAGG",
          "ANY_VALUE",
          "GROUP_CONCAT");

  /** The columns to append to the GROUP BY (empty when nothing is missing). */
  static List<Column> missing(PlainSelect ps, SchemaCatalog catalog) {
    if (ps.getGroupBy() == null || ps.getGroupBy().getGroupByExpressionList() == null) {
      return List.of();
    }
    Map<String, Optional<TableInfo>> tables = new LinkedHashMap<>();
    List<Expression> equalities = new ArrayList<>();
    if (!addFrom(tables, equalities, ps.getFromItem(), ps.getJoins(), catalog)) {
      return List.of();
    }
    if (ps.getWhere() != null) {
      equalities.add(ps.getWhere());
    }
    Set<String> aliases = new java.util.HashSet<>();
    for (SelectItem<?> item : ps.getSelectItems()) {
      if (item.getAlias() != null) {
        aliases.add(Identifiers.normalize(item.getAlias().getName()));
      }
    }
    Set<String> grouped = new LinkedHashSet<>();
    for (Object o : ps.getGroupBy().getGroupByExpressionList()) {
      if (!(o instanceof Column c)
          || ((c.getTable() == null || c.getTable().getName() == null)
              && aliases.contains(Identifiers.normalize(c.getColumnName())))) {
        return List.of(); // expressions, positions, aliases: left to PostgreSQL as before
      }
      String key = resolve(c, tables);
      if (key == null) {
        return List.of();
      }
      grouped.add(key);
    }
    Map<String, Column> free = new LinkedHashMap<>();
    Collector collector = new Collector(free, tables, aliases);
    for (SelectItem<?> item : ps.getSelectItems()) {
      item.getExpression().accept(collector, null);
    }
    if (ps.getHaving() != null) {
      ps.getHaving().accept(collector, null);
    }
    if (ps.getOrderByElements() != null) {
      for (OrderByElement o : ps.getOrderByElements()) {
        o.getExpression().accept(collector, null);
      }
    }
    free.keySet().removeAll(grouped);
    if (free.isEmpty()) {
      return List.of();
    }
    Set<String> determined = closure(grouped, tables, equalities);
    List<Column> extra = new ArrayList<>();
    for (Map.Entry<String, Column> e : free.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("?")) {
        continue; // not resolvable to one table: PostgreSQL accepts or rejects it loudly
      }
      String alias = key.substring(0, key.indexOf('.'));
      Optional<TableInfo> own = tables.get(alias);
      if (own.isPresent()
          && !own.get().primaryKey().isEmpty()
          && own.get().primaryKey().stream()
              .allMatch(
                  pk ->
                      grouped.contains(alias + "." + pk.toLowerCase(Locale.ROOT))
                          && !own.get()
                              .column(pk)
                              .map(c -> c.caseInsensitive() && TypeMapping.isText(c.mysqlType()))
                              .orElse(true))) {
        // PostgreSQL follows a grouped primary key of the same table itself (not one grouped by
        // lower(col), as a case-insensitive one is)
        continue;
      }
      if (determined.contains(key)) {
        Column c = new Column(new Table(alias), key.substring(key.indexOf('.') + 1));
        extra.add(c);
      } else if (tables.get(alias).isEmpty()
          && grouped.stream().anyMatch(g -> g.startsWith(alias + "."))) {
        continue; // unknown table with a grouped column: PostgreSQL checks its primary key
      } else {
        throw RefusedException.syntax(
            "group-by-not-functional",
            "The grouped query uses "
                + e.getValue()
                + ", which is neither in the GROUP BY nor provably determined by it; MySQL returns"
                + " any value of the group for it, PostgreSQL rejects it.");
      }
    }
    return extra;
  }

  /**
   * Registers the tables of a FROM clause under their aliases (or names), looking into
   * parenthesised joins ({@code SHOW CREATE VIEW} nests every join: {@code ((a join b on(..)) join
   * c on(..))}), and collects the ON conditions of the inner joins; false for derived tables and
   * the like.
   */
  private static boolean addFrom(
      Map<String, Optional<TableInfo>> tables,
      List<Expression> equalities,
      FromItem first,
      List<Join> joins,
      SchemaCatalog catalog) {
    if (!addFrom(tables, equalities, first, catalog)) {
      return false;
    }
    if (joins != null) {
      for (Join j : joins) {
        if (!addFrom(tables, equalities, j.getFromItem(), catalog)) {
          return false;
        }
        if (isInner(j) && j.getOnExpressions() != null) {
          equalities.addAll(j.getOnExpressions());
        }
      }
    }
    return true;
  }

  private static boolean addFrom(
      Map<String, Optional<TableInfo>> tables,
      List<Expression> equalities,
      FromItem item,
      SchemaCatalog catalog) {
    if (item instanceof ParenthesedFromItem p && p.getAlias() == null) {
      // the equalities of inner joins inside hold in every row of the group's join: in a row an
      // outer join around it added, every column of the group is NULL together
      return addFrom(tables, equalities, p.getFromItem(), p.getJoins(), catalog);
    }
    if (!(item instanceof Table t) || t.getName() == null) {
      return false;
    }
    String key =
        t.getAlias() != null
            ? Identifiers.normalize(t.getAlias().getName())
            : Identifiers.normalize(t.getName());
    if (tables.containsKey(key)) {
      return false; // the same name twice: not resolvable here
    }
    tables.put(key, catalog.table(Identifiers.normalize(t.getName())));
    return true;
  }

  /** An inner join (plain, CROSS, STRAIGHT_JOIN, NATURAL, comma): not LEFT, RIGHT or FULL. */
  private static boolean isInner(Join j) {
    return !(j.isLeft() || j.isRight() || j.isFull() || j.isOuter());
  }

  /** "alias.column", "?column" when the table is not known, null when not a plain column. */
  private static String resolve(Column c, Map<String, Optional<TableInfo>> tables) {
    String name = Identifiers.normalize(c.getColumnName());
    if (c.getTable() != null && c.getTable().getName() != null) {
      if (c.getTable().getSchemaName() != null) {
        return null;
      }
      String q = Identifiers.normalize(c.getTable().getName());
      return tables.containsKey(q) ? q + "." + name : null;
    }
    if (tables.size() == 1) {
      return tables.keySet().iterator().next() + "." + name;
    }
    String found = null;
    for (var e : tables.entrySet()) {
      if (e.getValue().isEmpty()) {
        return "?" + name;
      }
      if (e.getValue().get().column(name).isPresent()) {
        if (found != null) {
          return "?" + name;
        }
        found = e.getKey() + "." + name;
      }
    }
    return found == null ? "?" + name : found;
  }

  private static Set<String> closure(
      Set<String> grouped, Map<String, Optional<TableInfo>> tables, List<Expression> conditions) {
    List<EqualsTo> equalities = new ArrayList<>();
    for (Expression c : conditions) {
      conjuncts(c, equalities);
    }
    Set<String> determined = new LinkedHashSet<>(grouped);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (var e : tables.entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        TableInfo info = e.getValue().get();
        for (List<String> key : identifyingKeys(info)) {
          boolean all = true;
          for (String k : key) {
            all &= determined.contains(e.getKey() + "." + k.toLowerCase(Locale.ROOT));
          }
          if (all) {
            for (ColumnInfo c : info.columns()) {
              changed |= determined.add(e.getKey() + "." + c.name());
            }
          }
        }
      }
      for (EqualsTo eq : equalities) {
        if (!(eq.getLeftExpression() instanceof Column l)
            || !(eq.getRightExpression() instanceof Column r)) {
          continue;
        }
        String lk = resolve(l, tables);
        String rk = resolve(r, tables);
        if (lk == null || rk == null || lk.startsWith("?") || rk.startsWith("?")) {
          continue;
        }
        // equal under a case-insensitive collation, or across kinds, is not the same value
        if (!sameValueWhenEqual(lk, rk, tables)) {
          continue;
        }
        if (determined.contains(lk)) {
          changed |= determined.add(rk);
        }
        if (determined.contains(rk)) {
          changed |= determined.add(lk);
        }
      }
    }
    return determined;
  }

  /**
   * The keys that identify a row: the primary key and the unique keys whose columns are all NOT
   * NULL (a nullable unique key allows many rows with NULL there).
   */
  private static List<List<String>> identifyingKeys(TableInfo info) {
    List<List<String>> keys = new ArrayList<>();
    if (!info.primaryKey().isEmpty()) {
      keys.add(info.primaryKey());
    }
    for (List<String> key : info.uniqueKeys()) {
      if (!key.isEmpty()
          && key.stream().allMatch(k -> info.column(k).map(c -> !c.nullable()).orElse(false))) {
        keys.add(key);
      }
    }
    return keys;
  }

  /**
   * Whether {@code l = b} being true means both hold the same value: both columns known,
   * case-sensitive, and of the same kind.
   */
  private static boolean sameValueWhenEqual(
      String l, String r, Map<String, Optional<TableInfo>> tables) {
    Optional<ColumnInfo> lc = columnInfo(l, tables);
    Optional<ColumnInfo> rc = columnInfo(r, tables);
    if (lc.isEmpty() || rc.isEmpty()) {
      return false; // unknown: not proven
    }
    if (lc.get().caseInsensitive() || rc.get().caseInsensitive()) {
      return false;
    }
    String kind = kind(lc.get().mysqlType());
    return kind != null && kind.equals(kind(rc.get().mysqlType()));
  }

  /**
   * Kinds within which MySQL's equality means the same value: exact numbers,
   * DATE/DATETIME/TIMESTAMP, TIME, YEAR, text, binary strings; null for the rest (FLOAT and DOUBLE,
   * where 0 = -0, JSON, BIT, spatial).
   */
  private static String kind(String mysqlType) {
    if (TypeMapping.isInteger(mysqlType)) {
      return "exact";
    }
    if (TypeMapping.isText(mysqlType)) {
      return "text";
    }
    if (TypeMapping.isBinary(mysqlType)) {
      return "binary";
    }
    return switch (TypeMapping.baseType(mysqlType)) {
      case "decimal", "numeric", "dec", "fixed" -> "exact";
      case "date", "datetime", "timestamp" -> "datetime";
      case "time" -> "time";
      case "year" -> "year";
      default -> null;
    };
  }

  private static Optional<ColumnInfo> columnInfo(
      String key, Map<String, Optional<TableInfo>> tables) {
    int dot = key.indexOf('.');
    Optional<TableInfo> t = tables.get(key.substring(0, dot));
    if (t == null || t.isEmpty()) {
      return Optional.empty();
    }
    return t.get().column(key.substring(dot + 1));
  }

  private static void conjuncts(Expression e, List<EqualsTo> out) {
    if (e instanceof AndExpression and) {
      conjuncts(and.getLeftExpression(), out);
      conjuncts(and.getRightExpression(), out);
    } else if (e instanceof net.sf.jsqlparser.expression.Parenthesis p) {
      conjuncts(p.getExpression(), out);
    } else if (e
            instanceof
            net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> l
        && l.size() == 1) {
      conjuncts(l.get(0), out);
    } else if (e instanceof EqualsTo eq) {
      out.add(eq);
    }
  }

  /** Collects the columns used outside aggregates and subqueries. */
  private static final class Collector extends ExpressionVisitorAdapter<Void> {
    private final Map<String, Column> free;
    private final Map<String, Optional<TableInfo>> tables;
    private final Set<String> aliases;

    Collector(
        Map<String, Column> free, Map<String, Optional<TableInfo>> tables, Set<String> aliases) {
      this.free = free;
      this.tables = tables;
      this.aliases = aliases;
    }

    @Override
    public <S> Void visit(Column column, S context) {
      if ((column.getTable() == null || column.getTable().getName() == null)
          && aliases.contains(Identifiers.normalize(column.getColumnName()))) {
        return null;
      }
      String u = column.getColumnName().toUpperCase(Locale.ROOT);
      if (u.equals("TRUE") || u.equals("FALSE") || u.equals("NULL") || u.startsWith("@")) {
        return null;
      }
      String key = resolve(column, tables);
      if (key != null) {
        free.putIfAbsent(key, column);
      }
      return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
      if (AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT))) {
        return null;
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(MySQLGroupConcat groupConcat, S context) {
      return null;
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.JsonAggregateFunction aggregate, S context) {
      // JSON_ARRAYAGG/JSON_OBJECTAGG: JSqlParser's own node, an aggregate like the others
      return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression e, S context) {
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
      return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
      return null;
    }
  }
}
