package io.dualwrite.driver.vendor;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * The column labels MySQL gives the result of a SELECT, for {@link MysqlLookingResultSet}'s {@code
 * mysqlLabels}: an alias as written ({@code AS userId}, where PostgreSQL says {@code userid}), a
 * column reference's name as written, a string literal's value, and any other expression's text
 * ({@code COUNT(*)}, where PostgreSQL says {@code count}). The columns a {@code *} stands for are
 * left null (PostgreSQL's labels, the table's column names). A UNION takes the first SELECT's.
 *
 * <p>An unaliased expression's text is JSqlParser's printing of it, which is MySQL's text as long
 * as the query spells the expression in the usual way ({@code COUNT(*)}, {@code a + 1}); MySQL
 * keeps the query's own spacing ({@code count( * )}).
 *
 * <p>Thread safety: stateless.
 */
public final class MysqlResultLabels {
  private MysqlResultLabels() {}

  /**
   * The labels of {@code mysqlSql}'s result, one per column.
   *
   * @param mysqlSql the application's MySQL statement
   * @param columnCount the result's column count
   * @return the labels (null entries: use PostgreSQL's), or null when the statement is not a SELECT
   *     this can read or its select list does not account for {@code columnCount} columns
   */
  public static List<String> of(String mysqlSql, int columnCount) {
    List<SelectItem<?>> items = items(mysqlSql, columnCount);
    if (items == null) {
      return null;
    }
    List<String> labels = new ArrayList<>(columnCount);
    for (SelectItem<?> item : items) {
      labels.add(item == null ? null : label(item));
    }
    return labels;
  }

  /**
   * The select-list expression of each column of {@code mysqlSql}'s result (null for the columns a
   * {@code *} stands for), or null as for {@link #of}.
   */
  public static List<Expression> expressions(String mysqlSql, int columnCount) {
    List<SelectItem<?>> items = items(mysqlSql, columnCount);
    if (items == null) {
      return null;
    }
    List<Expression> expressions = new ArrayList<>(columnCount);
    for (SelectItem<?> item : items) {
      expressions.add(item == null ? null : item.getExpression());
    }
    return expressions;
  }

  /**
   * The tables (lower-case names or aliases) whose columns an outer join may fill with NULL: the
   * right side of a LEFT JOIN, everything before a RIGHT JOIN, everything in a FULL or NATURAL
   * join. Empty without outer joins; null when the statement cannot be read (assume all).
   */
  public static java.util.Set<String> outerJoinedTables(String mysqlSql) {
    try {
      if (CCJSqlParserUtil.parse(mysqlSql) instanceof Select select) {
        PlainSelect plain = firstPlainSelect(select);
        if (plain != null) {
          java.util.Set<String> nullable = new java.util.HashSet<>();
          List<String> seen = new java.util.ArrayList<>();
          String first = nameOf(plain.getFromItem());
          if (first == null) {
            return null;
          }
          seen.add(first);
          for (net.sf.jsqlparser.statement.select.Join j :
              plain.getJoins() == null
                  ? List.<net.sf.jsqlparser.statement.select.Join>of()
                  : plain.getJoins()) {
            String name = nameOf(j.getFromItem());
            if (name == null) {
              return null;
            }
            if (j.isFull() || j.isNatural() || (j.isOuter() && !j.isLeft() && !j.isRight())) {
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
      }
    } catch (JSQLParserException | RuntimeException e) {
      // not readable here: assume the worst
    }
    return null;
  }

  /** The name a from item's columns are qualified with, lower-case; null when there is none. */
  private static String nameOf(net.sf.jsqlparser.statement.select.FromItem item) {
    if (item == null) {
      return null;
    }
    if (item.getAlias() != null) {
      return unquoted(item.getAlias().getName());
    }
    if (item instanceof net.sf.jsqlparser.schema.Table t && t.getName() != null) {
      return unquoted(t.getName());
    }
    return null;
  }

  /** An identifier as MySQL compares table names and aliases here: unquoted, lower-case. */
  public static String unquoted(String identifier) {
    String s = identifier.trim();
    if (s.length() >= 2 && (s.charAt(0) == '`' || s.charAt(0) == '"')) {
      s = s.substring(1, s.length() - 1);
    }
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  /** One select item per result column, null for the columns of a {@code *}. */
  private static List<SelectItem<?>> items(String mysqlSql, int columnCount) {
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(mysqlSql);
    } catch (JSQLParserException | RuntimeException e) {
      return null;
    }
    if (!(statement instanceof Select select)) {
      return null;
    }
    PlainSelect plain = firstPlainSelect(select);
    if (plain == null || plain.getSelectItems() == null) {
      return null;
    }
    List<SelectItem<?>> items = plain.getSelectItems();
    int stars = 0;
    for (SelectItem<?> item : items) {
      if (isStar(item)) {
        stars++;
      }
    }
    int starColumns = columnCount - (items.size() - stars);
    if (stars > 1 || (stars == 0 && starColumns != 0) || (stars == 1 && starColumns < 0)) {
      return null;
    }
    List<SelectItem<?>> columns = new ArrayList<>(columnCount);
    for (SelectItem<?> item : items) {
      if (isStar(item)) {
        for (int k = 0; k < starColumns; k++) {
          columns.add(null);
        }
      } else {
        columns.add(item);
      }
    }
    return columns;
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

  private static boolean isStar(SelectItem<?> item) {
    return item.getExpression() instanceof AllColumns
        || item.getExpression() instanceof AllTableColumns;
  }

  private static String label(SelectItem<?> item) {
    if (item.getAlias() != null && item.getAlias().getName() != null) {
      return unquote(item.getAlias().getName());
    }
    if (item.getExpression() instanceof Column c) {
      return unquote(c.getColumnName());
    }
    if (item.getExpression() instanceof StringValue v) {
      return v.getValue().replace("''", "'");
    }
    return item.getExpression().toString();
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
}
