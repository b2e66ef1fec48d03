package io.dualwrite.driver.discrepancy;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Text that may reach a discrepancy record, a log line or a metric, made free of the application's
 * data (contract section 5: literal values only at debug level, a detail that carries no data
 * values).
 *
 * <ul>
 *   <li>{@link #sql}: a statement with every literal (string, number, hex, bit) and every comment
 *       replaced by {@code ?}. The statement is lexed twice, with and without backslash escapes
 *       (MySQL's {@code NO_BACKSLASH_ESCAPES}), and a character inside a literal or comment under
 *       either reading is hidden: no {@code sql_mode} can make part of a literal look like SQL
 *       text. Double-quoted text is hidden too ({@code ANSI_QUOTES} or not). Credential statements
 *       ({@code CREATE USER ... IDENTIFIED BY}, {@code SET PASSWORD}, ...) keep only their leading
 *       words.
 *   <li>{@link #error}: a vendor error without the values it quotes: PostgreSQL's {@code Key
 *       (cols)=(values)} and {@code Failing row contains (...)} keep the names, drop the values;
 *       its {@code Where:} context is dropped; MySQL's {@code Duplicate entry '...'} and every
 *       quoted value that does not follow a name word ({@code column}, {@code constraint}, {@code
 *       key}, ...) become {@code '?'}; runs of 4 or more digits become {@code ?}.
 *   <li>{@link #detail}: a detail the driver composed (names, counts, states), with the same
 *       structural rules and quoted values as {@link #error} but its own numbers kept.
 * </ul>
 */
public final class SafeText {
  /** Longest statement text kept (the control store keeps 8000 characters too). */
  public static final int MAX_SQL = 8000;

  /** Words after which a quoted token in a vendor message is a name, not a value. */
  private static final Set<String> NAME_WORDS =
      Set.of(
          "column",
          "columns",
          "relation",
          "constraint",
          "table",
          "tables",
          "index",
          "key",
          "type",
          "schema",
          "database",
          "function",
          "procedure",
          "routine",
          "sequence",
          "view",
          "trigger",
          "role",
          "user",
          "field",
          "in",
          "of",
          "operator",
          "extension",
          "domain",
          "collation",
          "encoding",
          "savepoint",
          "cursor",
          "variable",
          "tablespace",
          "server",
          "privilege",
          "command",
          "statement",
          "event");

  private SafeText() {}

  // ------------------------------------------------------------------------------ SQL

  /**
   * The statement with every literal and comment replaced by {@code ?}, on one line, at most {@link
   * #MAX_SQL} characters (longer text ends with {@code ... (N chars)}).
   */
  public static String sql(String sql) {
    if (sql == null) {
      return null;
    }
    int length = sql.length();
    String text = length > MAX_SQL ? sql.substring(0, MAX_SQL) : sql;
    if (isCredentialStatement(text)) {
      return leadingWords(text, 2) + " ... (credential statement, redacted)";
    }
    String masked = masked(text).replace('\r', ' ').replace('\n', ' ');
    return length > MAX_SQL ? masked + " ... (" + length + " chars)" : masked;
  }

  /** Every literal and comment of {@code sql} as one {@code ?} (whole text, line breaks kept). */
  static String masked(String sql) {
    boolean[] hidden = new boolean[sql.length()];
    mark(sql, true, hidden);
    mark(sql, false, hidden);
    StringBuilder b = new StringBuilder(sql.length());
    for (int i = 0; i < sql.length(); i++) {
      if (!hidden[i]) {
        b.append(sql.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        b.append('?');
      }
    }
    return b.toString();
  }

  /**
   * Whether the statement sets or carries a credential: CREATE/ALTER USER, SET PASSWORD, GRANT ...
   * IDENTIFIED, CHANGE MASTER/REPLICATION SOURCE, CREATE/ALTER SERVER. Such a statement is still
   * executed; only its text is never shown.
   */
  public static boolean isCredentialStatement(String sql) {
    if (sql == null) {
      return false;
    }
    String w1 = word(sql, 0);
    String w2 = word(sql, 1);
    return switch (w1) {
      case "create", "alter" -> w2.equals("user") || w2.equals("server");
      case "set" -> w2.equals("password");
      case "grant" -> containsWord(sql, "identified") || containsWord(sql, "password");
      case "change" -> w2.equals("master") || w2.equals("replication");
      case "start" -> containsWord(sql, "password");
      default -> false;
    };
  }

  /**
   * Marks the characters inside literals and comments, reading {@code sql} with ({@code
   * backslashEscapes}) or without backslash escapes.
   */
  private static void mark(String sql, boolean backslashEscapes, boolean[] hidden) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      int end;
      if (c == '\'' || c == '"') {
        end = closeQuote(sql, i, c, backslashEscapes);
      } else if (c == '`') {
        end = closeQuote(sql, i, c, false);
        i = end; // an identifier: shown
        continue;
      } else if (c == '#') {
        end = lineEnd(sql, i);
      } else if (c == '-'
          && i + 1 < n
          && sql.charAt(i + 1) == '-'
          && (i + 2 == n || sql.charAt(i + 2) <= ' ')) {
        end = lineEnd(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
      } else if (isDigit(c) && (i == 0 || !isIdentifierChar(sql.charAt(i - 1)))) {
        end = i;
        while (end < n && (isIdentifierChar(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        // an exponent sign: 1e-5, 2E+3
        while (end + 1 < n
            && (sql.charAt(end) == '-' || sql.charAt(end) == '+')
            && (sql.charAt(end - 1) == 'e' || sql.charAt(end - 1) == 'E')
            && isDigit(sql.charAt(end + 1))) {
          end++;
          while (end < n && isDigit(sql.charAt(end))) {
            end++;
          }
        }
      } else {
        i++;
        continue;
      }
      for (int k = i; k < end; k++) {
        hidden[k] = true;
      }
      i = end;
    }
  }

  /**
   * The characters that are inside a single-quoted string literal under both readings (with and
   * without backslash escapes): certainly data, whatever the session's {@code sql_mode}.
   */
  public static boolean[] certainlyInStrings(String sql) {
    boolean[] with = strings(sql, true);
    boolean[] without = strings(sql, false);
    for (int i = 0; i < with.length; i++) {
      with[i] &= without[i];
    }
    return with;
  }

  private static boolean[] strings(String sql, boolean backslashEscapes) {
    boolean[] in = new boolean[sql.length()];
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = closeQuote(sql, i, c, c != '`' && backslashEscapes);
        if (c == '\'') {
          for (int k = i + 1; k < end - 1; k++) {
            in[k] = true;
          }
        }
        i = end;
      } else if (c == '#'
          || (c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && sql.charAt(i + 2) <= ' ')) {
        i = lineEnd(sql, i);
      } else if (c == '/'
          && i + 1 < n
          && sql.charAt(i + 1) == '*'
          && !(i + 2 < n && sql.charAt(i + 2) == '!')) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else {
        i++;
      }
    }
    return in;
  }

  /** Index just past the quoted token opened at {@code start} (the end of text if unclosed). */
  private static int closeQuote(String s, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && backslashEscapes) {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < n && s.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  private static int lineEnd(String s, int from) {
    int nl = s.indexOf('\n', from);
    return nl < 0 ? s.length() : nl + 1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The {@code index}-th word of the statement (0-based), lower case, skipping comments. */
  private static String word(String sql, int index) {
    int i = 0;
    int n = sql.length();
    int found = -1;
    while (i < n) {
      char c = sql.charAt(i);
      if (c <= ' ' || c == '(' || c == ';') {
        i++;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        if (i + 2 < n && sql.charAt(i + 2) == '!') {
          i += 3; // executable comment: its text is SQL
          while (i < n && isDigit(sql.charAt(i))) {
            i++;
          }
        } else {
          i = close < 0 ? n : close + 2;
        }
      } else if (c == '#'
          || (c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && sql.charAt(i + 2) <= ' ')) {
        i = lineEnd(sql, i);
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < n && isIdentifierChar(sql.charAt(i))) {
          i++;
        }
        if (++found == index) {
          return sql.substring(start, i).toLowerCase(Locale.ROOT);
        }
      } else {
        return "";
      }
    }
    return "";
  }

  private static boolean containsWord(String sql, String word) {
    String lower = sql.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(word);
    while (at >= 0) {
      int end = at + word.length();
      if ((at == 0 || !isIdentifierChar(lower.charAt(at - 1)))
          && (end == lower.length() || !isIdentifierChar(lower.charAt(end)))) {
        return true;
      }
      at = lower.indexOf(word, at + 1);
    }
    return false;
  }

  private static String leadingWords(String sql, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String w = word(sql, i);
      if (w.isEmpty()) {
        break;
      }
      b.append(b.length() == 0 ? "" : " ").append(w.toUpperCase(Locale.ROOT));
    }
    return b.toString();
  }

  // ------------------------------------------------------------------------------ errors

  /**
   * A vendor error as {@code message} without the values it quotes. For a PostgreSQL server error
   * anywhere in the chain (cause or next exception), built from its fields: severity, message,
   * constraint/table/column names, the value-free part of the detail; never the context ({@code
   * Where:}) or the statement text of a failed batch entry.
   */
  public static String error(Throwable e) {
    if (e == null) {
      return null;
    }
    ServerErrorMessage server = serverError(e);
    if (server != null) {
      StringBuilder b = new StringBuilder();
      if (server.getSeverity() != null) {
        b.append(server.getSeverity()).append(": ");
      }
      b.append(server.getMessage() == null ? "" : server.getMessage());
      if (server.getDetail() != null) {
        b.append(" Detail: ").append(server.getDetail());
      }
      if (server.getHint() != null) {
        b.append(" Hint: ").append(server.getHint());
      }
      return message(b.toString());
    }
    return message(e.getMessage());
  }

  private static ServerErrorMessage serverError(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 8; depth++) {
      if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
        return p.getServerErrorMessage();
      }
      Throwable next = t.getCause();
      if (next == null && t instanceof SQLException s && s.getNextException() != t) {
        next = s.getNextException();
      }
      t = next;
    }
    return null;
  }

  /** A vendor message (text only) without values: see {@link #error}. */
  public static String message(String text) {
    return clean(text, true);
  }

  /** A detail the driver composed: the structural rules and quoted values; numbers kept. */
  public static String detail(String text) {
    return clean(text, false);
  }

  private static String clean(String text, boolean digits) {
    if (text == null) {
      return null;
    }
    String s = text;
    // Context lines can quote whole statements, parameters or PL/pgSQL lines.
    for (String marker : new String[] {"Where: ", "Internal Query: ", "Location: "}) {
      int at = s.indexOf(marker);
      if (at >= 0) {
        s = s.substring(0, at).stripTrailing();
      }
    }
    s = batchEntry(s);
    s = keyValues(s);
    s = maskTo(s, "Failing row contains (", new String[0], "?)");
    s = maskTo(s, "Duplicate entry '", new String[] {"' for key "}, "?");
    s = s.replace('\r', ' ').replace('\n', ' ').replaceAll(" {2,}", " ");
    return quotedAndNumbers(s, digits);
  }

  /** pgjdbc's {@code Batch entry N <statement with values> was aborted: ...}. */
  private static String batchEntry(String s) {
    int at = s.indexOf("Batch entry ");
    if (at < 0) {
      return s;
    }
    int end = s.lastIndexOf(" was aborted");
    int numberEnd = at + "Batch entry ".length();
    while (numberEnd < s.length() && isDigit(s.charAt(numberEnd))) {
      numberEnd++;
    }
    if (end < numberEnd) {
      return s.substring(0, numberEnd) + " (statement hidden)";
    }
    return s.substring(0, numberEnd) + " (statement hidden)" + s.substring(end);
  }

  /** PostgreSQL's {@code Key (cols)=(values) ...}: the values become {@code ?}. */
  private static String keyValues(String s) {
    String[] ends = {
      ") already exists",
      ") is not present in table",
      ") is still referenced from table",
      ") conflicts with existing key",
      ") conflicts with key"
    };
    StringBuilder b = new StringBuilder();
    int from = 0;
    while (true) {
      int key = indexOfIgnoreCase(s, "key (", from);
      if (key < 0) {
        break;
      }
      int eq = s.indexOf(")=(", key);
      if (eq < 0) {
        break;
      }
      int valuesStart = eq + 3;
      int end = -1;
      for (String e : ends) {
        int at = s.lastIndexOf(e);
        if (at >= valuesStart && (end < 0 || at < end)) {
          end = at;
        }
      }
      b.append(s, from, valuesStart).append('?');
      if (end < 0) {
        return b.append(')').toString(); // no known ending: everything after may be values
      }
      from = end;
    }
    return b.append(s, from, s.length()).toString();
  }

  /**
   * Masks from after {@code opener} up to the last of {@code ends} (kept), or to the end of text
   * (then {@code tail} is appended).
   */
  private static String maskTo(String s, String opener, String[] ends, String tail) {
    int at = s.indexOf(opener);
    if (at < 0) {
      return s;
    }
    int start = at + opener.length();
    for (String e : ends) {
      int end = s.lastIndexOf(e);
      if (end >= start) {
        return s.substring(0, start) + "?" + s.substring(end);
      }
    }
    return s.substring(0, start) + tail;
  }

  /** Quoted values not after a name word become {@code '?'}; optionally long digit runs too. */
  private static String quotedAndNumbers(String s, boolean digits) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if ((c == '\'' || c == '"') && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
        // (a quote right after a letter is an apostrophe: "the statement's key range")
        int close = s.indexOf(c, i + 1);
        int end = close < 0 ? n : close + 1;
        if (close >= 0 && (close == i + 2 && s.charAt(i + 1) == '?' || afterNameWord(b))) {
          b.append(s, i, end);
        } else {
          b.append(c).append('?').append(c);
        }
        i = end;
      } else if (digits && isDigit(c) && (i == 0 || !isIdentifierChar(s.charAt(i - 1)))) {
        int end = i;
        while (end < n && (isIdentifierChar(s.charAt(end)) || s.charAt(end) == '.')) {
          end++;
        }
        if (end - i >= 4 || (end - i > 1 && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X'))) {
          b.append('?');
        } else {
          b.append(s, i, end);
        }
        i = end;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private static boolean afterNameWord(StringBuilder b) {
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetter(b.charAt(start - 1))) {
      start--;
    }
    return start < end
        && NAME_WORDS.contains(b.substring(start, end).toLowerCase(Locale.ROOT))
        && (start == 0 || b.charAt(start - 1) != '.');
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    int n = s.length() - what.length();
    for (int i = Math.max(0, from); i <= n; i++) {
      if (s.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
  }
}
