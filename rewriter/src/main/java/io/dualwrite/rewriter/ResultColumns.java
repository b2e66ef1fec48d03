package io.dualwrite.rewriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * The result columns of a SELECT as MySQL describes them, read once from the rewriter's own parse
 * tree (see {@link Translation#resultColumns()}): each select-list item's label, its expression
 * (for MySQL's typing rules), and which tables an outer join may fill with NULL.
 *
 * <p>MySQL's label of a column is an alias as written ({@code AS userId}, where PostgreSQL says
 * {@code userid}), a column reference's name as written, a string literal's value, and any other
 * expression's text ({@code COUNT(*)}, where PostgreSQL says {@code count}). The columns a {@code
 * *} stands for have no label here (PostgreSQL's, the table's column names, are right). A UNION
 * takes the first SELECT's.
 *
 * <p>An unaliased expression's text is JSqlParser's printing of it, which is MySQL's text as long
 * as the query spells the expression in the usual way ({@code COUNT(*)}, {@code a + 1}); MySQL
 * keeps the query's own spacing ({@code count( * )}).
 *
 * <p>Immutable and shared between threads with the cached {@link Translation}. The expressions are
 * nodes of the parse tree: read them, never modify them.
 */
public final class ResultColumns {

  /**
   * One select-list item: MySQL's label and the expression, or a {@code *} / {@code t.*} (both
   * null) standing for the columns it expands to.
   */
  public record Item(String label, Expression expression) {
    /** Whether this item is a {@code *} or {@code t.*}. */
    public boolean star() {
      return expression == null;
    }
  }

  private final List<Item> items;
  private final int stars;
  private final Set<String> outerJoinedTables;
  private final boolean setOperation;

  private ResultColumns(List<Item> items, Set<String> outerJoinedTables, boolean setOperation) {
    this.items = List.copyOf(items);
    this.stars = (int) items.stream().filter(Item::star).count();
    this.outerJoinedTables = outerJoinedTables == null ? null : Set.copyOf(outerJoinedTables);
    this.setOperation = setOperation;
  }

  /**
   * Whether the statement is a set operation (UNION, INTERSECT, EXCEPT): its items are the first
   * branch's, whose types the other branches may widen.
   */
  public boolean setOperation() {
    return setOperation;
  }

  /**
   * The result columns of {@code select} as parsed, before anything rewrites the tree (so an
   * expression's label is the text the application wrote, database qualifiers included); null when
   * no plain SELECT leads it (a VALUES or TABLE statement) or it has no select list.
   */
  static ResultColumns of(Select select) {
    PlainSelect plain = firstPlainSelect(select);
    if (plain == null || plain.getSelectItems() == null) {
      return null;
    }
    List<Item> items = new ArrayList<>(plain.getSelectItems().size());
    for (SelectItem<?> item : plain.getSelectItems()) {
      Expression e = item.getExpression();
      if (e instanceof AllColumns || e instanceof AllTableColumns) {
        items.add(new Item(null, null));
      } else {
        items.add(new Item(label(item.getAlias(), e), e));
      }
    }
    Select s = select;
    while (s instanceof ParenthesedSelect p && p.getSelect() != null) {
      s = p.getSelect();
    }
    return new ResultColumns(
        items,
        outerJoined(plain),
        s instanceof net.sf.jsqlparser.statement.select.SetOperationList);
  }

  /**
   * Cuts the kept expressions loose from the parser's node tree, once the statement is translated.
   * JSqlParser links most tree objects to their parse node, and each node to its parent, children
   * and tokens: an expression kept in a cached {@link Translation} would keep the whole parse of
   * the statement alive. Nothing here or in the driver reads those nodes.
   */
  void detachFromParse() {
    for (Item item : items) {
      Expression e = item.expression();
      if (e != null && e.getASTNode() != null) {
        Node root = e.getASTNode();
        while (root.jjtGetParent() != null) {
          root = root.jjtGetParent();
        }
        unlink(root);
        return; // one statement, one tree
      }
    }
  }

  private static void unlink(Node root) {
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node n = pending.pop();
      if (n instanceof SimpleNode s && s.jjtGetValue() instanceof ASTNodeAccess linked) {
        linked.setASTNode(null);
      }
      for (int i = 0; i < n.jjtGetNumChildren(); i++) {
        pending.push(n.jjtGetChild(i));
      }
    }
  }

  /** The select list, one item per entry as written ({@code *} not expanded). */
  public List<Item> items() {
    return items;
  }

  /**
   * The labels of a result of {@code columnCount} columns, one per column.
   *
   * @return the labels (null entries, the columns of a {@code *}: use PostgreSQL's), or null when
   *     the select list does not account for {@code columnCount} columns (more than one {@code *},
   *     or a count that does not match)
   */
  public List<String> labels(int columnCount) {
    return perColumn(columnCount, Item::label);
  }

  /**
   * The select-list expression of each of {@code columnCount} columns (null for the columns a
   * {@code *} stands for), or null as for {@link #labels(int)}.
   */
  public List<Expression> expressions(int columnCount) {
    return perColumn(columnCount, Item::expression);
  }

  /**
   * The tables (lower-case names or aliases) whose columns an outer join of the first SELECT may
   * fill with NULL: the right side of a LEFT JOIN, everything before a RIGHT JOIN. Empty without
   * outer joins; empty Optional when that cannot be told (a FULL or NATURAL join, a from item
   * without a name): assume every table.
   */
  public Optional<Set<String>> outerJoinedTables() {
    return Optional.ofNullable(outerJoinedTables);
  }

  /** {@code `userId`}, {@code "userId"} and {@code 'userId'} are {@code userId}. */
  public static String unquote(String name) {
    if (name.length() >= 2) {
      char first = name.charAt(0);
      char last = name.charAt(name.length() - 1);
      if ((first == '`' || first == '"' || first == '\'') && last == first) {
        String q = String.valueOf(first);
        return name.substring(1, name.length() - 1).replace(q + q, q);
      }
    }
    return name;
  }

  private <T> List<T> perColumn(int columnCount, java.util.function.Function<Item, T> part) {
    int starColumns = columnCount - (items.size() - stars);
    if (stars > 1 || (stars == 0 && starColumns != 0) || (stars == 1 && starColumns < 0)) {
      return null;
    }
    List<T> out = new ArrayList<>(columnCount);
    for (Item item : items) {
      if (item.star()) {
        out.addAll(Collections.nCopies(starColumns, null));
      } else {
        out.add(part.apply(item));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static String label(Alias alias, Expression e) {
    if (alias != null && alias.getName() != null) {
      return unquote(alias.getName());
    }
    if (e instanceof Column c) {
      return unquote(c.getColumnName());
    }
    if (e instanceof StringValue v) {
      // the lexer's canonical form: quotes doubled, backslashes escaped
      return MysqlLexer.decodeCanonical(v.getValue());
    }
    return e.toString();
  }

  /**
   * The select-list expressions of {@code select}'s outermost query, where a value's MySQL type is
   * what the application reads and nothing else in the statement must agree with it: empty for a
   * set operation (its branches' columns must have one type), a grouped or DISTINCT query (its
   * GROUP BY, DISTINCT and ORDER BY repeat the expressions), a VALUES or TABLE statement.
   */
  static List<Expression> outermostExpressions(Select select) {
    Select s = select;
    while (s instanceof ParenthesedSelect p && p.getSelect() != null) {
      s = p.getSelect();
    }
    List<Expression> out = new ArrayList<>();
    if (s instanceof PlainSelect p
        && p.getSelectItems() != null
        && p.getGroupBy() == null
        && p.getDistinct() == null) {
      for (SelectItem<?> item : p.getSelectItems()) {
        if (item.getExpression() != null) {
          out.add(item.getExpression());
        }
      }
    }
    return out;
  }

  /**
   * The SEC_TO_TIME and TIMEDIFF calls that are select items of {@code select}'s outermost query
   * (not a set operation, whose branches must agree on a type), whose value the application reads
   * and which may be a PostgreSQL interval there: in a grouped or DISTINCT query only a call over
   * an aggregate or window function, which GROUP BY and ORDER BY cannot repeat.
   */
  static List<Expression> durationItems(Select select) {
    Select s = select;
    while (s instanceof ParenthesedSelect p && p.getSelect() != null) {
      s = p.getSelect();
    }
    List<Expression> out = new ArrayList<>();
    if (s instanceof PlainSelect p && p.getSelectItems() != null) {
      boolean grouped = p.getGroupBy() != null || p.getDistinct() != null;
      for (SelectItem<?> item : p.getSelectItems()) {
        if (item.getExpression() instanceof net.sf.jsqlparser.expression.Function f
            && f.getName() != null
            && Set.of("SEC_TO_TIME", "TIMEDIFF")
                .contains(f.getName().toUpperCase(java.util.Locale.ROOT))
            && (!grouped || PgSelectDeParser.callsAggregateOrWindow(f))) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private static PlainSelect firstPlainSelect(Select select) {
    Select s = select;
    while (true) {
      if (s instanceof PlainSelect p) {
        return p;
      }
      if (s instanceof SetOperationList list && !list.getSelects().isEmpty()) {
        s = list.getSelects().get(0);
      } else if (s instanceof ParenthesedSelect p && p.getSelect() != null) {
        s = p.getSelect();
      } else {
        return null;
      }
    }
  }

  /** See {@link #outerJoinedTables()}; null when it cannot be told. */
  private static Set<String> outerJoined(PlainSelect plain) {
    String first = nameOf(plain.getFromItem());
    if (first == null) {
      return null;
    }
    Set<String> nullable = new HashSet<>();
    List<String> seen = new ArrayList<>();
    seen.add(first);
    for (Join j : plain.getJoins() == null ? List.<Join>of() : plain.getJoins()) {
      String name = nameOf(j.getFromItem());
      if (name == null
          || j.isFull()
          || j.isNatural()
          || (j.isOuter() && !j.isLeft() && !j.isRight())) {
        return null;
      }
      if (j.isLeft()) {
        nullable.add(name);
      } else if (j.isRight()) {
        nullable.addAll(seen);
      }
      seen.add(name);
    }
    return nullable;
  }

  /** The name a from item's columns are qualified with, lower-case; null when there is none. */
  private static String nameOf(FromItem item) {
    if (item == null) {
      return null;
    }
    if (item.getAlias() != null) {
      return lowerCaseName(item.getAlias().getName());
    }
    if (item instanceof Table t && t.getName() != null) {
      return lowerCaseName(t.getName());
    }
    return null;
  }

  /** An identifier as MySQL compares table names and aliases here: unquoted, lower-case. */
  private static String lowerCaseName(String identifier) {
    return unquote(identifier.trim()).toLowerCase(Locale.ROOT);
  }
}
