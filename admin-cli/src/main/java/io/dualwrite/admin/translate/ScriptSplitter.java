package io.dualwrite.admin.translate;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a SQL script into statements the way the {@code mysql} command-line client does.
 *
 * <ul>
 *   <li>A statement ends at the current delimiter ({@code ;} at first) outside quotes and comments.
 *   <li>{@code DELIMITER xyz} on a line of its own, before any text of the next statement, changes
 *       the delimiter (as around trigger and procedure bodies: {@code DELIMITER ;;}, {@code //},
 *       {@code $$}); the line itself is not a statement.
 *   <li>Quotes {@code '...'}, {@code "..."}, {@code `...`}: doubled quotes stay inside; backslash
 *       escapes the next character inside {@code '} and {@code "} (MySQL's default SQL mode).
 *   <li>Comments {@code # ...}, {@code -- ...} (two dashes then whitespace or end of line, as in
 *       MySQL) and {@code /* ... *}{@code /} are removed, as the client does by default; {@code /*!
 *       ... *}{@code /} and {@code /*+ ... *}{@code /} are kept because MySQL executes them.
 *   <li>Empty statements ({@code ;;} with the {@code ;} delimiter, comment-only text) are skipped.
 * </ul>
 */
final class ScriptSplitter implements StatementSource {
  private static final String DELIMITER_COMMAND = "delimiter";

  private final CharInput in;
  private final StatementBuilder statement;
  private String delimiter = ";";
  private long line = 1;
  private boolean atLineStart = true;
  private long terminatedCount;
  private boolean sawDelimiterCommand;

  ScriptSplitter(Reader reader, int maxLength) {
    this.in = new CharInput(reader);
    this.statement = new StatementBuilder(maxLength);
  }

  /** How many statements so far ended with a delimiter (rather than at the end of the input). */
  long terminatedCount() {
    return terminatedCount;
  }

  /** True once a {@code DELIMITER} command line was read. */
  boolean sawDelimiterCommand() {
    return sawDelimiterCommand;
  }

  @Override
  public SourceStatement next() throws IOException {
    while (true) {
      int c = in.peek(0);
      if (c < 0) {
        return statement.isBlank() ? null : statement.build(false);
      }
      if (atLineStart && statement.isBlank() && delimiterCommandAhead()) {
        readDelimiterCommand();
        continue;
      }
      if (in.startsWith(delimiter)) {
        in.skip(delimiter.length());
        atLineStart = false;
        if (!statement.isBlank()) {
          terminatedCount++;
          return statement.build(false);
        }
        continue;
      }
      switch (c) {
        case '\'', '"', '`' -> quoted((char) c);
        case '#' -> skipLineComment();
        case '-' -> {
          if (in.peek(1) == '-' && isDashCommentEnd(in.peek(2))) {
            skipLineComment();
          } else {
            take();
          }
        }
        case '/' -> {
          if (in.peek(1) == '*') {
            blockComment();
          } else {
            take();
          }
        }
        default -> take();
      }
    }
  }

  /** Consumes one character into the statement. */
  private void take() throws IOException {
    int c = in.read();
    if (c >= 0) {
      keep((char) c);
    }
  }

  private void keep(char c) {
    statement.append(c, line);
    if (c == '\n') {
      line++;
      atLineStart = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      atLineStart = false;
    }
  }

  private void quoted(char quote) throws IOException {
    take();
    while (true) {
      int c = in.read();
      if (c < 0) {
        return; // unterminated: the rewriter reports the parse error
      }
      keep((char) c);
      if (c == quote) {
        if (in.peek(0) == quote) {
          take(); // doubled quote, still inside
        } else {
          return;
        }
      } else if (c == '\\' && quote != '`') {
        take();
      }
    }
  }

  /** MySQL needs whitespace or a control character (or the end) after {@code --} for a comment. */
  private static boolean isDashCommentEnd(int c) {
    return c < 0 || c <= ' ';
  }

  private void skipLineComment() throws IOException {
    int c;
    while ((c = in.peek(0)) >= 0 && c != '\n') {
      in.read();
    }
  }

  private void blockComment() throws IOException {
    int third = in.peek(2);
    boolean executed = third == '!' || third == '+';
    if (executed) {
      take();
      take();
    } else {
      in.skip(2);
    }
    while (true) {
      int c = in.read();
      if (c < 0) {
        return;
      }
      if (c == '*' && in.peek(0) == '/') {
        in.read();
        if (executed) {
          keep('*');
          keep('/');
        } else if (!statement.isBlank()) {
          keep(' ');
        }
        return;
      }
      if (executed) {
        keep((char) c);
      } else if (c == '\n') {
        line++;
        atLineStart = true;
      }
    }
  }

  private boolean delimiterCommandAhead() throws IOException {
    int i = 0;
    while (in.peek(i) == ' ' || in.peek(i) == '\t') {
      i++;
    }
    for (int k = 0; k < DELIMITER_COMMAND.length(); k++) {
      int c = in.peek(i + k);
      if (c < 0 || Character.toLowerCase((char) c) != DELIMITER_COMMAND.charAt(k)) {
        return false;
      }
    }
    int after = in.peek(i + DELIMITER_COMMAND.length());
    return after < 0 || after == ' ' || after == '\t' || after == '\r' || after == '\n';
  }

  /** Reads the rest of a {@code DELIMITER xyz} line and switches to {@code xyz}. */
  private void readDelimiterCommand() throws IOException {
    StringBuilder rest = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      rest.append((char) c);
    }
    if (c == '\n') {
      line++;
    }
    atLineStart = true;
    sawDelimiterCommand = true;
    String argument = rest.toString().trim().substring(DELIMITER_COMMAND.length()).trim();
    if (argument.isEmpty()) {
      return; // the mysql client rejects it too and keeps the old delimiter
    }
    String token = argument.split("[ \t]+", 2)[0];
    if (token.length() >= 2) {
      char first = token.charAt(0);
      if ((first == '\'' || first == '"' || first == '`')
          && token.charAt(token.length() - 1) == first) {
        token = token.substring(1, token.length() - 1);
      }
    }
    if (!token.isEmpty()) {
      delimiter = token;
    }
  }
}
