package io.dualwrite.rewriter;

/**
 * A small MySQL tokenizer that turns the MySQL lexical forms JSqlParser cannot read into forms it
 * can, without changing meaning (default sql_mode: {@code "..."} is a string, backslash escapes are
 * on):
 *
 * <ul>
 *   <li>{@code #} and {@code -- } comments and plain {@code /* *}{@code /} comments are dropped;
 *       {@code /*!...*}{@code /} and {@code /*!50100 ...*}{@code /} keep their content (MySQL runs
 *       it); {@code /*+ ... *}{@code /} optimizer hints are dropped;
 *   <li>{@code '...'} and {@code "..."} strings are decoded (backslash escapes, doubled quotes) and
 *       re-emitted in one canonical form: single quotes, {@code '} doubled, backslash doubled.
 *       Adjacent literals are concatenated as MySQL does; {@code N}, {@code _utf8mb4}-style
 *       introducers are dropped;
 *   <li>backtick identifiers are kept (JSqlParser reads them);
 *   <li>{@code --} not followed by a space is two minus signs in MySQL and is emitted as {@code -
 *       -}.
 * </ul>
 *
 * <p>The canonical string form is valid MySQL (so the tree can be printed back for MySQL) and is
 * decoded by {@link #decodeCanonical(String)} when printing for PostgreSQL.
 */
final class MysqlLexer {

  /** The normalized text and what the lexer learned. */
  record Result(String sql, int parameterCount) {}

  /** Thrown for input MySQL itself would reject (unterminated string or comment). */
  static final class LexException extends Exception {
    LexException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The MySQL version whose versioned comments run: {@code /*!NNNNN ...*}{@code /} is executed only
   * when NNNNN is at most this (MySQL 8.4).
   */
  static final int MYSQL_VERSION_ID = 80400;

  /** SELECT modifiers that are MySQL reserved words and change only planning or caching. */
  private static final java.util.Set<String> SELECT_MODIFIERS =
      java.util.Set.of(
          "HIGH_PRIORITY",
          "SQL_SMALL_RESULT",
          "SQL_BIG_RESULT",
          "SQL_BUFFER_RESULT",
          "SQL_NO_CACHE");

  private MysqlLexer() {}

  static Result normalize(String sql) throws LexException {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int params = 0;
    int n = sql.length();
    int i = 0;
    boolean lastWasString = false;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = readString(sql, i, c);
        String value = decodeMysql(sql, i + 1, end - 1, c);
        if (lastWasString) {
          // 'a' 'b' is 'ab' in MySQL: merge into the previous literal
          int close = out.lastIndexOf("'");
          out.setLength(close);
          appendCanonicalBody(out, value);
          out.append('\'');
        } else {
          out.append('\'');
          appendCanonicalBody(out, value);
          out.append('\'');
        }
        lastWasString = true;
        i = end;
        continue;
      }
      if (Character.isWhitespace(c)) {
        out.append(c);
        i++;
        continue;
      }
      if (c == '#') {
        i = skipLine(sql, i);
        out.append(' ');
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        if (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2))) {
          i = skipLine(sql, i);
          out.append(' ');
          continue;
        }
        out.append("- -");
        lastWasString = false;
        i += 2;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        if (close < 0) {
          throw new LexException("unterminated comment");
        }
        if (i + 2 < n && sql.charAt(i + 2) == '!') {
          int start = i + 3;
          while (start < close && Character.isDigit(sql.charAt(start))) {
            start++;
          }
          int digits = start - (i + 3);
          if (digits > 5) {
            // MySQL 8.0 reads five digits as the version and the rest as content; later releases
            // read six-digit versions: which one applies depends on the server release
            throw new RefusedException(
                "unsupported-syntax:versioned-comment",
                "The versioned comment /*!"
                    + sql.substring(i + 3, start)
                    + " has more than five version digits, which MySQL releases read differently.");
          }
          if (digits == 5 && Integer.parseInt(sql.substring(i + 3, start)) > MYSQL_VERSION_ID) {
            // MySQL skips a versioned comment newer than itself
            out.append(' ');
          } else {
            // the content is SQL that MySQL executes (digits fewer than five are content too,
            // MySQL only treats exactly five as a version): lex it in place
            if (digits > 0 && digits < 5) {
              start = i + 3;
            }
            Result inner = normalize(sql.substring(start, close));
            out.append(' ').append(inner.sql()).append(' ');
            params += inner.parameterCount();
          }
        } else {
          out.append(' ');
        }
        lastWasString = false;
        i = close + 2;
        continue;
      }
      if (c == '`') {
        int j = i + 1;
        while (true) {
          if (j >= n) {
            throw new LexException("unterminated quoted identifier");
          }
          if (sql.charAt(j) == '`') {
            if (j + 1 < n && sql.charAt(j + 1) == '`') {
              throw new LexException("doubled backtick inside a quoted identifier");
            }
            break;
          }
          j++;
        }
        out.append(sql, i, j + 1);
        lastWasString = false;
        i = j + 1;
        continue;
      }
      if (isIdentStart(c)) {
        int j = i + 1;
        while (j < n && isIdentPart(sql.charAt(j))) {
          j++;
        }
        String word = sql.substring(i, j);
        String upperWord = word.toUpperCase(java.util.Locale.ROOT);
        if (SELECT_MODIFIERS.contains(upperWord)) {
          // planner and query-cache hints with no meaning for the result: dropped (JSqlParser
          // would otherwise read some of them as a column)
          out.append(' ');
          lastWasString = false;
          i = j;
          continue;
        }
        if (upperWord.equals("DISTINCTROW")) {
          out.append("DISTINCT"); // a synonym
          lastWasString = false;
          i = j;
          continue;
        }
        if (upperWord.equals("MOD") && !nextIs(sql, j, '(') && !previousIs(out, '.')) {
          // the infix operator a MOD b (a reserved word, so never a bare name) is a % b
          out.append(" % ");
          lastWasString = false;
          i = j;
          continue;
        }
        if (word.equalsIgnoreCase("LOCK")) {
          int end = followingWords(sql, j, "IN", "SHARE", "MODE");
          if (end > 0) {
            // LOCK IN SHARE MODE is FOR SHARE (MySQL 8 accepts both; JSqlParser only the latter)
            out.append("FOR SHARE");
            lastWasString = false;
            i = end;
            continue;
          }
        }
        // N'..' and _charset'..' introducers: the literal is a plain string for our purposes
        if (j < n && sql.charAt(j) == '\'' && isDroppedIntroducer(word)) {
          i = j;
          continue;
        }
        out.append(word);
        lastWasString = false;
        i = j;
        if (word.equalsIgnoreCase("DEFAULT")) {
          // DEFAULT -1 in a column definition: JSqlParser reads no sign there; MySQL converts a
          // quoted default to the column type, so '-1' means the same
          int k = j;
          while (k < n && Character.isWhitespace(sql.charAt(k))) {
            k++;
          }
          if (k + 1 < n && sql.charAt(k) == '-' && Character.isDigit(sql.charAt(k + 1))) {
            int e = k + 1;
            while (e < n && (Character.isDigit(sql.charAt(e)) || sql.charAt(e) == '.')) {
              e++;
            }
            out.append(" '").append(sql, k, e).append('\'');
            i = e;
          }
        }
        continue;
      }
      if (c == '0'
          && i + 2 < n
          && (sql.charAt(i + 1) == 'x')
          && Character.digit(sql.charAt(i + 2), 16) >= 0
          && (i == 0 || !isIdentPart(sql.charAt(i - 1)))) {
        // 0xCAFE: the same hex literal as X'CAFE' (JSqlParser misreads some 0x forms)
        int j = i + 2;
        while (j < n && Character.digit(sql.charAt(j), 16) >= 0) {
          j++;
        }
        if (j >= n || !isIdentPart(sql.charAt(j))) {
          String digits = sql.substring(i + 2, j);
          out.append("X'").append(digits.length() % 2 == 1 ? "0" : "").append(digits).append('\'');
          lastWasString = false;
          i = j;
          continue;
        }
      }
      if (c == '?') {
        params++;
      }
      if ((c == '|' || c == '&') && i + 1 < n && sql.charAt(i + 1) == c) {
        // default sql_mode: || is OR (PIPES_AS_CONCAT off) and && is AND
        out.append(c == '|' ? " OR " : " AND ");
        lastWasString = false;
        i += 2;
        continue;
      }
      out.append(c);
      lastWasString = false;
      i++;
    }
    return new Result(out.toString(), params);
  }

  /** Whether the first non-space character at or after i is c. */
  private static boolean nextIs(String sql, int i, char c) {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i < sql.length() && sql.charAt(i) == c;
  }

  /** Whether the last non-space character written is c. */
  private static boolean previousIs(StringBuilder out, char c) {
    int i = out.length() - 1;
    while (i >= 0 && Character.isWhitespace(out.charAt(i))) {
      i--;
    }
    return i >= 0 && out.charAt(i) == c;
  }

  /** The index after the given words (separated by whitespace only) starting at i, or -1. */
  private static int followingWords(String sql, int i, String... words) {
    int n = sql.length();
    for (String w : words) {
      int start = i;
      while (start < n && Character.isWhitespace(sql.charAt(start))) {
        start++;
      }
      if (start == i) {
        return -1;
      }
      int end = start;
      while (end < n && isIdentPart(sql.charAt(end))) {
        end++;
      }
      if (!sql.substring(start, end).equalsIgnoreCase(w)) {
        return -1;
      }
      i = end;
    }
    return i;
  }

  private static boolean isDroppedIntroducer(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    return w.equals("n")
        || w.equals("_utf8")
        || w.equals("_utf8mb4")
        || w.equals("_utf8mb3")
        || w.equals("_latin1")
        || w.equals("_ascii");
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static int skipLine(String sql, int i) {
    int nl = sql.indexOf('\n', i);
    return nl < 0 ? sql.length() : nl;
  }

  /** Returns the index just after the closing quote. */
  private static int readString(String sql, int start, char quote) throws LexException {
    int n = sql.length();
    int i = start + 1;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new LexException("unterminated string literal");
  }

  /** The value of a MySQL string body (between the quotes), default sql_mode. */
  static String decodeMysql(String sql, int from, int to, char quote) {
    StringBuilder v = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = sql.charAt(i);
      if (c == '\\' && i + 1 < to) {
        char e = sql.charAt(++i);
        switch (e) {
          case '0' -> v.append('\0');
          case 'b' -> v.append('\b');
          case 'n' -> v.append('\n');
          case 'r' -> v.append('\r');
          case 't' -> v.append('\t');
          case 'Z' -> v.append('\u001a');
          case '%', '_' -> v.append('\\').append(e); // kept for LIKE, as MySQL does
          default -> v.append(e);
        }
      } else if (c == quote && i + 1 < to && sql.charAt(i + 1) == quote) {
        v.append(quote);
        i++;
      } else {
        v.append(c);
      }
    }
    return v.toString();
  }

  private static void appendCanonicalBody(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        out.append("''");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\0') {
        out.append("\\0");
      } else {
        out.append(c);
      }
    }
  }

  /** The value of a canonical string body as emitted by {@link #normalize(String)}. */
  static String decodeCanonical(String body) {
    if (body.indexOf('\'') < 0 && body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder v = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char e = body.charAt(++i);
        v.append(e == '0' ? '\0' : e);
      } else if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        v.append('\'');
        i++;
      } else {
        v.append(c);
      }
    }
    return v.toString();
  }
}
