package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Long {@code IN} lists of plain literals, parsed fast: JSqlParser's lookahead makes a list of
 * 100,000 values take many seconds, so before parsing each parenthesised list of at least {@link
 * #MIN_ITEMS} plain literals (unsigned integers, string literals) becomes one marker literal, and
 * after parsing the list node holding only a marker gets the literal nodes back, built as
 * JSqlParser builds them. The tree is the one parsing the whole text gives; when a marker is not
 * found alone in a list node, the caller parses the whole text instead.
 */
final class LiteralLists {

  /** Lists shorter than this are parsed as written. */
  static final int MIN_ITEMS = 100;

  /** Text shorter than this holds no list worth collapsing. */
  private static final int MIN_LENGTH = 2 * MIN_ITEMS;

  private static final String MARKER = "dualwrite\uE000list\uE000";

  /** The text with lists collapsed, and the literal tokens each marker stands for. */
  record Collapsed(String sql, List<List<String>> lists) {

    /**
     * Puts the literals back into {@code statement}'s {@code IN} lists; false when a marker is not
     * an IN list's only item (then parse the original text).
     */
    @SuppressWarnings("unchecked")
    boolean expand(Statement statement) {
      int[] expanded = {0};
      TablesNamesFinder<Void> finder =
          new TablesNamesFinder<>() {
            @Override
            public <S> Void visit(ExpressionList<?> list, S context) {
              int index = markerIndex(list);
              if (index < 0) {
                for (Expression item : list) {
                  item.accept(this, context); // what the finder does with a list
                }
                return null;
              }
              // in place: the list node is the one parsing the whole text gives, whatever holds it
              ExpressionList<Expression> items = (ExpressionList<Expression>) list;
              items.clear();
              items.addAll(literals(lists.get(index)));
              expanded[0]++;
              return null;
            }
          };
      try {
        finder.getTables(statement);
      } catch (UnsupportedOperationException e) {
        return false;
      }
      return expanded[0] == lists.size();
    }
  }

  private LiteralLists() {}

  /** The text with each long literal list collapsed, or null when there is none. */
  static Collapsed collapse(String normalized) {
    if (normalized.length() < MIN_LENGTH || normalized.contains(MARKER)) {
      return null;
    }
    Tokens t = Tokens.of(normalized);
    StringBuilder out = null;
    List<List<String>> lists = new ArrayList<>();
    int copied = 0;
    for (int i = 0; i < t.size(); i++) {
      if (!t.get(i).equals("(")) {
        continue;
      }
      List<String> items = new ArrayList<>();
      int k = i + 1;
      while (isLiteral(t.get(k)) && (t.get(k + 1).equals(",") || t.get(k + 1).equals(")"))) {
        items.add(t.get(k));
        k += 2;
        if (t.get(k - 1).equals(")")) {
          break;
        }
      }
      if (items.size() < MIN_ITEMS || !t.get(k - 1).equals(")")) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(normalized.length() / 4);
      }
      out.append(normalized, copied, t.start(i))
          .append("('")
          .append(MARKER)
          .append(lists.size())
          .append("')");
      copied = t.start(k - 1) + 1;
      lists.add(items);
      i = k - 1;
    }
    if (out == null) {
      return null;
    }
    out.append(normalized, copied, normalized.length());
    return new Collapsed(out.toString(), lists);
  }

  /** An unsigned integer literal (a LongValue) or a canonical string literal. */
  private static boolean isLiteral(String token) {
    if (token.isEmpty()) {
      return false;
    }
    if (token.charAt(0) == '\'') {
      return token.length() >= 2 && token.endsWith("'");
    }
    if (token.length() > 18) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The list a marker stands for, or -1 when {@code e} is not a one-marker list. */
  private static int markerIndex(Expression e) {
    if (e instanceof ExpressionList<?> list
        && list.size() == 1
        && list.get(0) instanceof StringValue s
        && s.getValue().startsWith(MARKER)
        && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      return Integer.parseInt(s.getValue().substring(MARKER.length()));
    }
    return -1;
  }

  /** The literal nodes JSqlParser builds for the tokens. */
  private static List<Expression> literals(List<String> tokens) {
    List<Expression> items = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      items.add(token.charAt(0) == '\'' ? new StringValue(token) : new LongValue(token));
    }
    return items;
  }
}
