package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ||} under {@code PIPES_AS_CONCAT}: MySQL reads it as string concatenation binding tighter
 * than every binary operator and less tightly than the unary ones, so {@code a || b + c} is {@code
 * CONCAT(a, b) + c}. JSqlParser gives {@code ||} a low precedence, so a chain of operands joined by
 * {@code ||} is respelled as {@code CONCAT(a, b, ...)} before parsing, which reads the same under
 * any precedence, and CONCAT is translated with its tested meaning.
 *
 * <p>An operand is one primary: a literal, a (qualified) name, a parameter, a function call or a
 * parenthesised group. Where an operand is anything else (a unary operator, {@code CASE}, {@code
 * COLLATE}, {@code ->}), the statement is refused rather than guessed.
 */
final class PipesAsConcat {

  /** Words that are operators, not names or function calls, before a parenthesis or operand. */
  private static final Set<String> OPERATOR_WORDS =
      Set.of(
          "AND",
          "OR",
          "XOR",
          "NOT",
          "IS",
          "LIKE",
          "REGEXP",
          "RLIKE",
          "BETWEEN",
          "IN",
          "ESCAPE",
          "SOUNDS",
          "DIV",
          "MOD",
          "BINARY",
          "INTERVAL",
          "COLLATE",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "SELECT",
          "WHERE",
          "SET",
          "ON",
          "AS",
          "BY",
          "HAVING",
          "FROM",
          "VALUES",
          "VALUE",
          "LIMIT",
          "RETURNING",
          "INTO",
          "DISTINCT",
          "ALL",
          "ANY",
          "SOME",
          "EXISTS",
          "ROW");

  /** Words that bind tighter than {@code ||} when they precede an operand. */
  private static final Set<String> TIGHT_PREFIX = Set.of("BINARY", "INTERVAL", "COLLATE");

  private static final int MAX_CHAINS = 10_000;

  private PipesAsConcat() {}

  /** The normalized statement with every {@code ||} chain as a CONCAT call. */
  static String rewrite(String normalized) {
    String text = normalized;
    for (int round = 0; round < MAX_CHAINS; round++) {
      Tokens t = Tokens.of(text);
      int k = firstPipes(t, 0);
      if (k < 0) {
        return text;
      }
      text = rewriteChain(text, t, k);
    }
    throw refuse("more than " + MAX_CHAINS + " || operators");
  }

  /** The index of the first token of the first {@code ||} at or after from, or -1. */
  private static int firstPipes(Tokens t, int from) {
    for (int k = from; k + 1 < t.size(); k++) {
      if (isPipes(t, k)) {
        return k;
      }
    }
    return -1;
  }

  private static boolean isPipes(Tokens t, int k) {
    return t.get(k).equals("|") && t.get(k + 1).equals("|") && t.start(k + 1) == t.start(k) + 1;
  }

  private static String rewriteChain(String text, Tokens t, int pipes) {
    int leftStart = operandStartBefore(t, pipes);
    checkBefore(t, leftStart);
    List<int[]> operands = new ArrayList<>();
    operands.add(new int[] {leftStart, pipes - 1});
    int k = pipes;
    while (k >= 0 && isPipes(t, k)) {
      int start = k + 2;
      int end = operandEndFrom(t, start);
      operands.add(new int[] {start, end});
      k = isPipes(t, end + 1) ? end + 1 : -1;
      if (k < 0) {
        checkAfter(t, end + 1);
      }
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    int from = t.start(operands.get(0)[0]);
    b.append(text, 0, from).append("CONCAT(");
    for (int i = 0; i < operands.size(); i++) {
      int[] o = operands.get(i);
      if (i > 0) {
        b.append(", ");
      }
      b.append(text, t.start(o[0]), end(t, o[1]));
    }
    int[] last = operands.get(operands.size() - 1);
    b.append(')').append(text, end(t, last[1]), text.length());
    return b.toString();
  }

  private static int end(Tokens t, int token) {
    return t.start(token) + t.get(token).length();
  }

  /** The first token of the operand that ends just before token {@code pipes}. */
  private static int operandStartBefore(Tokens t, int pipes) {
    int last = pipes - 1;
    if (last < 0) {
      throw refuse("|| without a left operand");
    }
    String tok = t.get(last);
    int start;
    if (tok.equals(")")) {
      int open = matching(t, last, -1);
      start = open;
      if (open > 0 && isName(t, open - 1)) {
        start = open - 1; // a function call
      }
    } else if (isPrimary(t, last)) {
      start = last;
    } else {
      throw refuse("|| after " + tok);
    }
    // a qualified name: a.b, `a`.`b`
    while (start >= 2 && t.get(start - 1).equals(".") && isPrimary(t, start - 2)) {
      start -= 2;
    }
    return start;
  }

  /** The last token of the operand that starts at token {@code start}. */
  private static int operandEndFrom(Tokens t, int start) {
    if (start >= t.size()) {
      throw refuse("|| without a right operand");
    }
    String tok = t.get(start);
    int end;
    if (tok.equals("(")) {
      end = matching(t, start, 1);
    } else if (isName(t, start) && t.get(start + 1).equals("(")) {
      end = matching(t, start + 1, 1);
    } else if (isPrimary(t, start)) {
      end = start;
      while (t.get(end + 1).equals(".") && isPrimary(t, end + 2)) {
        end += 2;
      }
      if (t.get(end + 1).equals("(")) {
        end = matching(t, end + 1, 1); // a qualified function call, schema.f(...)
      }
    } else {
      throw refuse("|| before " + tok);
    }
    return end;
  }

  /** The token before a left operand must not bind tighter than || to it (a unary operator). */
  private static void checkBefore(Tokens t, int operandStart) {
    if (operandStart == 0) {
      return;
    }
    String before = t.get(operandStart - 1);
    String upper = t.word(operandStart - 1);
    if (before.equals("~") || before.equals("!") || TIGHT_PREFIX.contains(upper)) {
      throw refuse("|| after " + before);
    }
    if ((before.equals("-") || before.equals("+"))
        && (operandStart < 2 || !endsOperand(t, operandStart - 2))) {
      throw refuse("|| after a unary " + before);
    }
  }

  /** The token after a right operand must not bind tighter than || to it. */
  private static void checkAfter(Tokens t, int after) {
    if (after >= t.size()) {
      return;
    }
    String tok = t.get(after);
    if (t.word(after).equals("COLLATE")
        || (tok.equals("-") && t.get(after + 1).equals(">"))
        || tok.equals("[")) {
      throw refuse("|| before " + tok);
    }
  }

  /** Whether token i can end an operand (so a following - or + is binary). */
  private static boolean endsOperand(Tokens t, int i) {
    return t.get(i).equals(")") || isPrimary(t, i);
  }

  /** A literal, name, quoted name or parameter. */
  private static boolean isPrimary(Tokens t, int i) {
    String tok = t.get(i);
    if (tok.isEmpty()) {
      return false;
    }
    char c = tok.charAt(0);
    if (c == '\'' || c == '`' || tok.equals("?")) {
      return true;
    }
    return (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@')
        && !OPERATOR_WORDS.contains(t.word(i))
        && !followedByString(t, i);
  }

  /** A name that can be a function's: a word that is not an operator. */
  private static boolean isName(Tokens t, int i) {
    String tok = t.get(i);
    return (tok.startsWith("`") || (!tok.isEmpty() && Character.isLetter(tok.charAt(0))))
        && (!OPERATOR_WORDS.contains(t.word(i)) || t.word(i).equals("EXISTS"));
  }

  /** A word directly followed by a string literal (X'..', DATE '..'): a typed literal. */
  private static boolean followedByString(Tokens t, int i) {
    return t.get(i + 1).startsWith("'");
  }

  /** The index of the parenthesis matching the one at i, scanning in direction dir. */
  private static int matching(Tokens t, int i, int dir) {
    int depth = 0;
    for (int k = i; k >= 0 && k < t.size(); k += dir) {
      String tok = t.get(k);
      if (tok.equals("(")) {
        depth += dir;
      } else if (tok.equals(")")) {
        depth -= dir;
      }
      if (depth == 0) {
        return k;
      }
    }
    throw refuse("unbalanced parentheses around ||");
  }

  private static RefusedException refuse(String what) {
    return RefusedException.syntax(
        "sql-mode:PIPES_AS_CONCAT",
        "Under PIPES_AS_CONCAT, || is read only between plain operands (" + what + ").");
  }
}
