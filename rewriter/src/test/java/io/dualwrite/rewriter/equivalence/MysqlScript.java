package io.dualwrite.rewriter.equivalence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a MySQL script the way the {@code mysql} command-line client does: statements end at the
 * current delimiter ({@code ;} until a {@code DELIMITER xx} line changes it), outside quotes
 * ({@code '...'}, {@code "..."} with backslash escapes, {@code `...`}) and comments ({@code -- },
 * {@code #}, {@code /* ... *&#47;}). Comments before a statement are dropped; comments inside it
 * (including {@code /*! ... *&#47;} executable comments) are kept for the rewriter to see.
 */
final class MysqlScript {
  private MysqlScript() {}

  /** One statement and the 1-based line where it starts. */
  record Statement(String sql, int line) {}

  static List<Statement> split(String script) {
    List<Statement> out = new ArrayList<>();
    String delimiter = ";";
    StringBuilder current = new StringBuilder();
    int startLine = -1;
    int line = 1;
    int i = 0;
    int n = script.length();
    boolean atLineStart = true;
    while (i < n) {
      char c = script.charAt(i);
      if (atLineStart && current.toString().isBlank()) {
        int eol = script.indexOf('\n', i);
        String whole = script.substring(i, eol < 0 ? n : eol).trim();
        if (whole.toUpperCase(Locale.ROOT).startsWith("DELIMITER ")) {
          delimiter = whole.substring("DELIMITER ".length()).trim();
          current.setLength(0);
          i = eol < 0 ? n : eol + 1;
          line++;
          continue;
        }
      }
      atLineStart = false;
      if (c == '\n') {
        line++;
        atLineStart = true;
        if (current.length() > 0) {
          current.append(c);
        }
        i++;
        continue;
      }
      if (isLineComment(script, i)) {
        int eol = script.indexOf('\n', i);
        int end = eol < 0 ? n : eol;
        if (!current.toString().isBlank()) {
          current.append(script, i, end);
        }
        i = end;
        continue;
      }
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        boolean executable = i + 2 < n && script.charAt(i + 2) == '!';
        if (executable || !current.toString().isBlank()) {
          if (current.toString().isBlank()) {
            current.setLength(0);
            startLine = line;
          }
          current.append(script, i, end);
        }
        line += count(script, i, end, '\n');
        i = end;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        int end = endOfQuoted(script, i);
        if (current.toString().isBlank()) {
          current.setLength(0);
          startLine = line;
        }
        current.append(script, i, end);
        line += count(script, i, end, '\n');
        i = end;
        continue;
      }
      if (script.startsWith(delimiter, i)) {
        String sql = current.toString().trim();
        if (!sql.isEmpty()) {
          out.add(new Statement(sql, startLine));
        }
        current.setLength(0);
        i += delimiter.length();
        continue;
      }
      if (current.toString().isBlank() && !Character.isWhitespace(c)) {
        current.setLength(0);
        startLine = line;
      }
      current.append(c);
      i++;
    }
    String rest = current.toString().trim();
    if (!rest.isEmpty()) {
      out.add(new Statement(rest, startLine));
    }
    return out;
  }

  /** The text with comments removed and every quoted literal replaced by {@code ''}. */
  static String stripCommentsAndLiterals(String sql) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (isLineComment(sql, i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol;
        out.append(' ');
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (i + 2 < n && sql.charAt(i + 2) == '!') {
          // executable comment: its content is SQL
          int contentStart = i + 3;
          while (contentStart < n && Character.isDigit(sql.charAt(contentStart))) {
            contentStart++;
          }
          out.append(' ').append(sql, contentStart, end < 0 ? n : end).append(' ');
        } else {
          out.append(' ');
        }
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = endOfQuoted(sql, i);
        out.append(c == '`' ? sql.substring(i, end) : "''");
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isLineComment(String s, int i) {
    char c = s.charAt(i);
    if (c == '#') {
      return true;
    }
    return c == '-'
        && i + 1 < s.length()
        && s.charAt(i + 1) == '-'
        && (i + 2 >= s.length() || Character.isWhitespace(s.charAt(i + 2)));
  }

  private static int endOfQuoted(String s, int start) {
    char q = s.charAt(start);
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && q != '`') {
        i += 2;
        continue;
      }
      if (c == q) {
        if (i + 1 < s.length() && s.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length();
  }

  private static int count(String s, int from, int to, char c) {
    int k = 0;
    for (int i = from; i < to && i < s.length(); i++) {
      if (s.charAt(i) == c) {
        k++;
      }
    }
    return k;
  }
}
