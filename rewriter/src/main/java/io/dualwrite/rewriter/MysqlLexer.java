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
  record Result(String sql, int parameterCount, java.util.List<Integer> statementEnds) {

    /**
     * Whether more than one statement follows: a top-level {@code ;} with more than spaces after it
     * ({@code allowMultiQueries=true} runs them all).
     */
    boolean multiStatement() {
      for (int end : statementEnds) {
        if (!sql.substring(end + 1).isBlank()) {
          return true;
        }
      }
      return false;
    }
  }

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

  /** Normalizes under the server's default sql_mode. */
  static Result normalize(String sql) throws LexException {
    return normalize(sql, SqlMode.DEFAULT);
  }

  /**
   * Normalizes {@code sql} as MySQL reads it under {@code mode}: backslash escapes only without
   * {@code NO_BACKSLASH_ESCAPES}, {@code "..."} as an identifier under {@code ANSI_QUOTES}, {@code
   * ||} as concatenation under {@code PIPES_AS_CONCAT} (see {@link PipesAsConcat}).
   */
  static Result normalize(String sql, SqlMode mode) throws LexException {
    Lexing l = new Lexing(sql, mode);
    l.run();
    String out = l.out.toString();
    if (mode.pipesAsConcat() && l.sawPipes) {
      out = PipesAsConcat.rewrite(out);
    }
    return new Result(out, l.params, l.statementEnds);
  }

  /** One pass over a statement: the state the token readers share. */
  private static final class Lexing {
    final String sql;
    final SqlMode mode;
    final int n;
    final StringBuilder out;
    int i;
    int params;
    boolean lastWasString;
    boolean sawPipes;

    /** The last string literal written: where its opening quote is in out, and its value. */
    int lastStringStart;

    String lastStringValue;

    /** Where each top-level {@code ;} is in the output (a multi-statement string has some). */
    final java.util.List<Integer> statementEnds = new java.util.ArrayList<>();

    Lexing(String sql, SqlMode mode) {
      this.sql = sql;
      this.mode = mode;
      this.n = sql.length();
      this.out = new StringBuilder(n + 16);
    }

    void run() throws LexException {
      while (i < n) {
        char c = sql.charAt(i);
        boolean string = c == '\'' || (c == '"' && !mode.ansiQuotes());
        if (string) {
          string(c);
          continue;
        }
        boolean wasString = lastWasString;
        lastWasString = false;
        if (Character.isWhitespace(c)) {
          out.append(c);
          lastWasString = wasString;
          i++;
        } else if (c == '#' || (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-')) {
          dashOrHash(c);
        } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
          comment();
        } else if (c == '`' || c == '"') {
          quotedIdentifier(c);
        } else if (isIdentStart(c)) {
          word();
        } else if (!hexNumber(c)) {
          punctuation(c);
        }
      }
    }

    /** A string literal: decoded and re-emitted canonically, merged with an adjacent one. */
    private void string(char quote) throws LexException {
      boolean escapes = !mode.noBackslashEscapes();
      int end = readString(sql, i, quote, escapes);
      String value = decodeMysql(sql, i + 1, end - 1, quote, escapes);
      if (lastWasString) {
        // 'a' 'b' is 'ab' in MySQL: merge into the previous literal
        out.setLength(lastStringStart);
        value = lastStringValue + value;
      }
      lastStringStart = out.length();
      lastStringValue = value;
      out.append('\'');
      appendCanonicalBody(out, value);
      out.append('\'');
      lastWasString = true;
      i = end;
    }

    /** {@code #} and {@code -- } comments; {@code --} without a space is two minus signs. */
    private void dashOrHash(char c) {
      if (c == '#' || i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2))) {
        i = skipLine(sql, i);
        out.append(' ');
        return;
      }
      out.append("- -");
      i += 2;
    }

    /** Comments: dropped, except versioned ones MySQL runs, which are lexed in place. */
    private void comment() throws LexException {
      int close = sql.indexOf("*/", i + 2);
      if (close < 0) {
        throw new LexException("unterminated comment");
      }
      if (i + 2 < n && sql.charAt(i + 2) == '!') {
        versionedComment(close);
      } else {
        out.append(' ');
      }
      i = close + 2;
    }

    private void versionedComment(int close) throws LexException {
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
        return;
      }
      // the content is SQL that MySQL executes (digits fewer than five are content too, MySQL
      // only treats exactly five as a version): lex it in place
      if (digits > 0 && digits < 5) {
        start = i + 3;
      }
      Lexing inner = new Lexing(sql.substring(start, close), mode);
      inner.run();
      if (!inner.statementEnds.isEmpty()) {
        throw new LexException("a statement separator inside a versioned comment");
      }
      out.append(' ').append(inner.out).append(' ');
      params += inner.params;
      sawPipes |= inner.sawPipes;
    }

    /** A backtick identifier, or under ANSI_QUOTES a double-quoted one: kept as backticks. */
    private void quotedIdentifier(char quote) throws LexException {
      int j = i + 1;
      StringBuilder name = new StringBuilder();
      while (true) {
        if (j >= n) {
          throw new LexException("unterminated quoted identifier");
        }
        char d = sql.charAt(j);
        if (d == quote) {
          if (j + 1 < n && sql.charAt(j + 1) == quote) {
            if (quote == '`') {
              throw new LexException("doubled backtick inside a quoted identifier");
            }
            name.append(quote);
            j += 2;
            continue;
          }
          break;
        }
        if (d == '`') {
          throw new LexException("backtick inside a double-quoted identifier");
        }
        name.append(d);
        j++;
      }
      out.append('`').append(name).append('`');
      i = j + 1;
    }

    /** A word: keywords JSqlParser reads differently are respelled, introducers dropped. */
    private void word() {
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
        i = j;
        return;
      }
      if (upperWord.equals("DISTINCTROW")) {
        out.append("DISTINCT"); // a synonym
        i = j;
        return;
      }
      if (upperWord.equals("MOD") && !nextIs(sql, j, '(') && !previousIs(out, '.')) {
        // the infix operator a MOD b (a reserved word, so never a bare name) is a % b
        out.append(" % ");
        i = j;
        return;
      }
      if (upperWord.equals("LOCK")) {
        int end = followingWords(sql, j, "IN", "SHARE", "MODE");
        if (end > 0) {
          // LOCK IN SHARE MODE is FOR SHARE (MySQL 8 accepts both; JSqlParser only the latter)
          out.append("FOR SHARE");
          i = end;
          return;
        }
      }
      // N'..' and _charset'..' introducers: the literal is a plain string for our purposes
      if (j < n && sql.charAt(j) == '\'' && isDroppedIntroducer(word)) {
        i = j;
        return;
      }
      out.append(word);
      i = j;
      if (upperWord.equals("DEFAULT")) {
        negativeDefault(j);
      }
    }

    /**
     * DEFAULT -1 in a column definition: JSqlParser reads no sign there; MySQL converts a quoted
     * default to the column type, so '-1' means the same.
     */
    private void negativeDefault(int j) {
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

    /**
     * 0xCAFE: the same hex literal as X'CAFE' (JSqlParser misreads some 0x forms); 0b101: the same
     * bit-value literal as b'101' (JSqlParser reads it as 0 with the alias b101).
     */
    private boolean hexNumber(char c) {
      if (c == '0'
          && i + 2 < n
          && sql.charAt(i + 1) == 'b'
          && (sql.charAt(i + 2) == '0' || sql.charAt(i + 2) == '1')
          && !(i > 0 && isIdentPart(sql.charAt(i - 1)))) {
        int j = i + 2;
        while (j < n && (sql.charAt(j) == '0' || sql.charAt(j) == '1')) {
          j++;
        }
        if (j >= n || !isIdentPart(sql.charAt(j))) {
          out.append("B'").append(sql, i + 2, j).append('\'');
          i = j;
          return true;
        }
      }
      if (c != '0'
          || i + 2 >= n
          || sql.charAt(i + 1) != 'x'
          || Character.digit(sql.charAt(i + 2), 16) < 0
          || (i > 0 && isIdentPart(sql.charAt(i - 1)))) {
        return false;
      }
      int j = i + 2;
      while (j < n && Character.digit(sql.charAt(j), 16) >= 0) {
        j++;
      }
      if (j < n && isIdentPart(sql.charAt(j))) {
        return false;
      }
      String digits = sql.substring(i + 2, j);
      out.append("X'").append(digits.length() % 2 == 1 ? "0" : "").append(digits).append('\'');
      i = j;
      return true;
    }

    private void punctuation(char c) {
      if (c == '?') {
        params++;
      }
      if (c == ';') {
        statementEnds.add(out.length());
      }
      if ((c == '|' || c == '&') && i + 1 < n && sql.charAt(i + 1) == c) {
        if (c == '|' && mode.pipesAsConcat()) {
          out.append("||"); // rewritten as CONCAT afterwards
          sawPipes = true;
        } else {
          // || is OR without PIPES_AS_CONCAT, && is always AND
          out.append(c == '|' ? " OR " : " AND ");
        }
        i += 2;
        return;
      }
      out.append(c);
      i++;
    }
  }

  /**
   * The statement's first word, skipping spaces and comments (for the kind of a statement that is
   * not lexed whole); "" when there is none.
   */
  static String firstWord(String sql) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (c == '#' || (c == '-' && sql.startsWith("- ", i + 1))) {
        i = skipLine(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*' && !sql.startsWith("!", i + 2)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else {
        break;
      }
    }
    int j = i;
    while (j < n && isIdentPart(sql.charAt(j))) {
      j++;
    }
    return sql.substring(i, j);
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
  private static int readString(String sql, int start, char quote, boolean escapes)
      throws LexException {
    int n = sql.length();
    int i = start + 1;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\\' && escapes) {
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
    return decodeMysql(sql, from, to, quote, true);
  }

  /** The value of a MySQL string body; {@code escapes}: backslash escapes are on. */
  static String decodeMysql(String sql, int from, int to, char quote, boolean escapes) {
    StringBuilder v = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = sql.charAt(i);
      if (c == '\\' && escapes && i + 1 < to) {
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

  /**
   * The canonical body of a value: {@code '} doubled, backslash doubled, NUL as {@code \0}, and a
   * quote right after a backslash as {@code \q} (JSqlParser ends a literal at a backslash followed
   * by a doubled quote, so {@code \\''} must never appear). Decoded by {@link #decodeCanonical};
   * printed for MySQL by {@link #mysqlLiteral}.
   */
  static void appendCanonicalBody(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'' && i > 0 && value.charAt(i - 1) == '\\') {
        out.append("\\q");
      } else if (c == '\'') {
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
        v.append(e == '0' ? '\0' : e == 'q' ? '\'' : e);
      } else if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        v.append('\'');
        i++;
      } else {
        v.append(c);
      }
    }
    return v.toString();
  }

  /**
   * A MySQL string literal, quotes included, for a canonical body: what MySQL reads as the same
   * value under {@code mode} (backslash escapes only when they are on).
   */
  static String mysqlLiteral(String canonicalBody, SqlMode mode) {
    String value = decodeCanonical(canonicalBody);
    StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        b.append("''");
      } else if (c == '\\' && !mode.noBackslashEscapes()) {
        b.append("\\\\");
      } else if (c == '\0' && !mode.noBackslashEscapes()) {
        b.append("\\0");
      } else {
        b.append(c);
      }
    }
    return b.append('\'').toString();
  }
}
