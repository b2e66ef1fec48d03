package io.dualwrite.admin.translate;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of a MySQL (or MariaDB) general query log: the argument of every {@code Query} and
 * {@code Execute} entry (Execute shows the statement with its bound values). An entry's text
 * continues on the following lines until the next entry or server banner line. Other entries
 * (Connect, Prepare, Quit, Init DB, ...) are skipped. A trailing {@code ;} is dropped.
 *
 * <p>Entry lines, as written by {@code log_output=FILE}:
 *
 * <pre>
 * 2024-05-01T10:00:00.123456Z    12 Query	SELECT ...          (MySQL 5.7 and later)
 * 240501 10:00:00	    12 Query	SELECT ...                  (MySQL 5.6 and older, MariaDB)
 * 		    12 Query	SELECT ...                          (same second as the entry before)
 * </pre>
 */
final class GeneralLogSource implements StatementSource {
  /** ISO timestamp (MySQL 5.7+), thread id, command, tab, argument. */
  static final Pattern ISO_ENTRY =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)"
              + "[ \\t]+(\\d+)[ \\t]([A-Za-z][A-Za-z ]*?)(?:\\t(.*))?");

  /**
   * MySQL 5.6 and older, MariaDB: YYMMDD H:MM:SS and a tab, or two tabs (same second as the entry
   * before); then thread id, command, tab, argument.
   */
  static final Pattern CLASSIC_ENTRY =
      Pattern.compile(
          "(?:\\d{6}[ \\t]+\\d{1,2}:\\d{2}:\\d{2}|\\t)\\t[ \\t]*(\\d+)[ \\t]([A-Za-z][A-Za-z ]*?)"
              + "(?:\\t(.*))?");

  /**
   * Written at server start: "mysqld, Version: ... started with:", "Tcp port: ...", "Time Id...".
   */
  static final Pattern BANNER =
      Pattern.compile(
          ".*, Version: .*started with:\\s*|Tcp port: \\d+.*|Time\\s+Id\\s+Command\\s+Argument\\s*");

  private final LineReader lines;
  private final StatementBuilder statement;
  private boolean collecting;
  private boolean truncated;
  private long pendingLine;
  private long pendingLength;

  GeneralLogSource(Reader reader, int maxLength) {
    this.lines = new LineReader(reader, maxLength);
    this.statement = new StatementBuilder(maxLength);
  }

  /** A log entry line: the command (e.g. "Query", "Init DB") and its argument's first line. */
  record Entry(String command, String argument) {}

  /** True when {@code line} starts a log entry or is a server banner line. */
  static boolean isLogLine(String line) {
    return entry(line) != null || BANNER.matcher(line).matches();
  }

  /** The entry that {@code line} starts, or null for continuation and banner lines. */
  static Entry entry(String line) {
    if (line.isEmpty()) {
      return null;
    }
    char first = line.charAt(0);
    if (first >= '0' && first <= '9') {
      Matcher m = ISO_ENTRY.matcher(line);
      if (m.matches()) {
        return new Entry(m.group(3), m.group(4));
      }
    } else if (first != '\t') {
      return null;
    }
    Matcher m = CLASSIC_ENTRY.matcher(line);
    return m.matches() ? new Entry(m.group(2), m.group(3)) : null;
  }

  @Override
  public SourceStatement next() throws IOException {
    LineReader.Line line;
    while ((line = lines.readLine()) != null) {
      String text = line.text();
      Entry entry = entry(text);
      if (entry != null || BANNER.matcher(text).matches()) {
        SourceStatement done = finish();
        if (entry != null) {
          start(entry, line);
        }
        if (done != null) {
          return done;
        }
      } else if (collecting) {
        statement.append('\n', line.number());
        statement.append(text, line.number());
        pendingLength += 1 + line.length();
        truncated |= line.truncated();
      }
    }
    return finish();
  }

  private void start(Entry entry, LineReader.Line line) {
    String command = entry.command().trim().toLowerCase(Locale.ROOT);
    collecting = command.equals("query") || command.equals("execute");
    if (!collecting) {
      return;
    }
    String argument = entry.argument() == null ? "" : entry.argument();
    statement.append(argument, line.number());
    pendingLine = line.number();
    pendingLength = argument.length();
    truncated = line.truncated();
  }

  /** The statement collected so far, if any, and the end of collecting. */
  private SourceStatement finish() {
    if (!collecting) {
      return null;
    }
    collecting = false;
    if (truncated) {
      SourceStatement s = statement.build(false);
      return new SourceStatement(s.text(), pendingLine, Math.max(pendingLength, s.length()), true);
    }
    SourceStatement s = statement.build(true);
    return s.text().isEmpty() ? null : s;
  }
}
