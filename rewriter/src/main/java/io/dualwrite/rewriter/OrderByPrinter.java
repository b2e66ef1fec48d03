package io.dualwrite.rewriter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.statement.select.OrderByElement;

/**
 * ORDER BY keys printed for PostgreSQL in MySQL's order: NULLs first ascending, ENUM and SET values
 * by their definition order, case-insensitive text by its collation.
 */
final class OrderByPrinter {

  private OrderByPrinter() {}

  /** Prints an ORDER BY element with MySQL's NULL ordering made explicit. */
  static void orderByElement(PgExpressionDeParser d, OrderByElement o) {
    if (o.isMysqlWithRollup()) {
      throw RefusedException.syntax("with-rollup", "WITH ROLLUP is not supported.");
    }
    orderKey(d, o.getExpression());
    if (!o.isAsc()) {
      d.a(" DESC");
    }
    nullOrdering(d, o);
  }

  /** MySQL's NULL ordering of an ORDER BY element, made explicit for PostgreSQL. */
  static void nullOrdering(PgExpressionDeParser d, OrderByElement o) {
    d.a(nullOrderingOf(o));
  }

  /** " NULLS FIRST" or " NULLS LAST": MySQL's NULL ordering of {@code o}. */
  static String nullOrderingOf(OrderByElement o) {
    if (o.getNullOrdering() != null) {
      return o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST
          ? " NULLS FIRST"
          : " NULLS LAST";
    }
    // MySQL sorts NULLs first ascending and last descending; PostgreSQL the opposite
    return o.isAsc() ? " NULLS FIRST" : " NULLS LAST";
  }

  /** Prints the value PostgreSQL must sort by to order e as MySQL does. */
  static void orderKey(PgExpressionDeParser d, Expression e) {
    if (Collations.orderKey(d, e)) {
      return;
    }
    Expression selected = positionalItem(d, e);
    if (selected != null
        && (enumValues(d, selected) != null
            || setMembers(d, selected) != null
            || d.isCaseInsensitiveText(selected))) {
      // ORDER BY 2 of an ENUM, SET or case-insensitive text: MySQL sorts the item by its
      // collation or declaration; PostgreSQL would sort the output column's text
      orderKey(d, selected);
      return;
    }
    List<String> enumValues = enumValues(d, e);
    if (d.foldedRollup && (enumValues != null || setMembers(d, e) != null)) {
      // WITH ROLLUP: MySQL 9.7.4 groups into a VARCHAR of the column's collation and sorts that
      // text (an ENUM's 'Ébook' between 'children' and 'fiction'), not the declaration
      if (d.isCaseInsensitiveText(e)) {
        Collations.folded(d, e, Collations.accentInsensitive(d, e));
      } else {
        d.value(e);
      }
    } else if (enumValues != null) {
      // MySQL sorts an ENUM by its declaration order, not by the text
      enumIndex(d, e, enumValues);
    } else if (setMembers(d, e) != null) {
      // MySQL sorts a SET by its numeric value
      setNumber(d, e);
    } else if (d.isCaseInsensitiveText(e)) {
      // MySQL sorts a _ci column case-insensitively, whatever PostgreSQL's database collation is
      Collations.folded(d, e, Collations.accentInsensitive(d, e));
    } else if (caseInsensitiveAlias(d, e) != null) {
      // a select-list alias of case-insensitive text: PostgreSQL takes an output column's name
      // only bare in ORDER BY, so the expression it names is sorted
      Expression aliased = caseInsensitiveAlias(d, e);
      Collations.folded(d, aliased, Collations.accentInsensitive(d, aliased));
    } else {
      d.value(e);
    }
  }

  /**
   * The select-list expression an ORDER BY position ({@code ORDER BY 2}) stands for, in a SELECT
   * without DISTINCT and without {@code *} ({@link PgExpressionDeParser#orderPositions}), or null.
   */
  private static Expression positionalItem(PgExpressionDeParser d, Expression e) {
    if (!(e instanceof net.sf.jsqlparser.expression.LongValue v)) {
      return null;
    }
    long n = v.getValue();
    return n >= 1 && n <= d.orderPositions.size() ? d.orderPositions.get((int) n - 1) : null;
  }

  /**
   * The expression a bare ORDER BY name stands for when it is a select-list alias of
   * case-insensitive text ({@link PgExpressionDeParser#orderAliases}), or null.
   */
  private static Expression caseInsensitiveAlias(PgExpressionDeParser d, Expression e) {
    if (!(e instanceof net.sf.jsqlparser.schema.Column c)
        || (c.getTable() != null && c.getTable().getName() != null)) {
      return null;
    }
    Expression aliased = d.orderAliases.get(Identifiers.normalize(c.getColumnName()));
    return aliased != null && !aliased.equals(e) && d.isCaseInsensitiveText(aliased)
        ? aliased
        : null;
  }

  /**
   * An ENUM column's index, its value's place in the declaration from 1, as MySQL sorts it and
   * reads it as a number ({@code status + 0}); NULL stays NULL.
   */
  static void enumIndex(PgExpressionDeParser d, Expression e, List<String> values) {
    d.a("array_position(ARRAY[");
    for (int i = 0; i < values.size(); i++) {
      d.a(i > 0 ? ", " : "").a("'").a(values.get(i).replace("'", "''")).a("'");
    }
    d.a("]::text[], CAST(");
    d.p(e);
    d.a(" AS text))");
  }

  /** The declared values of an ENUM column, or null when e is not one. */
  static List<String> enumValues(PgExpressionDeParser d, Expression e) {
    return declaredValues(d, e, "enum");
  }

  /**
   * The numeric value of the SET column e, as MySQL reads it in a number's place or sorts it:
   * member i (declaration order) is bit i ({@code 'a,c'} of SET('a','b','c') is 5).
   */
  static void setNumber(PgExpressionDeParser d, Expression e) {
    List<String> members = setMembers(d, e);
    d.a("(");
    for (int i = 0; i < members.size(); i++) {
      d.a(i > 0 ? " + " : "").a("CAST(strpos(',' || lower(CAST(");
      d.p(e);
      d.a(" AS text)) || ',', '")
          .a(("," + members.get(i).toLowerCase(Locale.ROOT) + ",").replace("'", "''"))
          .a("') > 0 AS int) * ")
          .a(java.math.BigInteger.ONE.shiftLeft(i).toString());
    }
    d.a(")");
  }

  /** The declared members of a SET column, or null when e is not one. */
  static List<String> setMembers(PgExpressionDeParser d, Expression e) {
    return declaredValues(d, e, "set");
  }

  /**
   * True when an ORDER BY element prints as an expression over its column (ENUM, SET or
   * case-insensitive text): PostgreSQL accepts that after SELECT DISTINCT or a UNION only on a
   * derived table.
   */
  static boolean ordersByExpression(PgExpressionDeParser d, List<OrderByElement> elements) {
    if (elements == null) {
      return false;
    }
    for (OrderByElement o : elements) {
      Expression e = o.getExpression();
      if (enumValues(d, e) != null || setMembers(d, e) != null || d.isCaseInsensitiveText(e)) {
        return true;
      }
    }
    return false;
  }

  static List<String> declaredValues(PgExpressionDeParser d, Expression e, String baseType) {
    Optional<ColumnInfo> c = d.columnInfo(e);
    if (c.isEmpty() || !TypeMapping.baseType(c.get().mysqlType()).equals(baseType)) {
      return null;
    }
    String t = c.get().mysqlType();
    int open = t.indexOf('(');
    List<String> values = new java.util.ArrayList<>();
    int i = open + 1;
    while (open >= 0 && i < t.length() && t.charAt(i) == '\'') {
      StringBuilder v = new StringBuilder();
      int j = i + 1;
      while (j < t.length()) {
        char ch = t.charAt(j);
        if (ch == '\'' && j + 1 < t.length() && t.charAt(j + 1) == '\'') {
          v.append('\'');
          j += 2;
        } else if (ch == '\'') {
          break;
        } else if (ch == '\\' && j + 1 < t.length()) {
          v.append(t.charAt(j + 1));
          j += 2;
        } else {
          v.append(ch);
          j++;
        }
      }
      values.add(v.toString());
      i = j + 1;
      if (i < t.length() && t.charAt(i) == ',') {
        i++;
      }
    }
    return values.isEmpty() ? null : values;
  }

  static void orderBy(PgExpressionDeParser d, List<OrderByElement> elements) {
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        d.a(", ");
      }
      orderByElement(d, elements.get(i));
    }
  }
}
