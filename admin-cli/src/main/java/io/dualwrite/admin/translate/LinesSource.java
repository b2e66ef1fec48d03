package io.dualwrite.admin.translate;

import java.io.IOException;
import java.io.Reader;

/**
 * One statement per line. Blank lines and whole-line comments ({@code #}, {@code --}) are skipped;
 * a trailing {@code ;} is dropped.
 */
final class LinesSource implements StatementSource {
  private final LineReader lines;
  private final StatementBuilder statement;

  LinesSource(Reader reader, int maxLength) {
    this.lines = new LineReader(reader, maxLength);
    this.statement = new StatementBuilder(maxLength);
  }

  @Override
  public SourceStatement next() throws IOException {
    LineReader.Line line;
    while ((line = lines.readLine()) != null) {
      String trimmed = line.text().trim();
      if (trimmed.isEmpty() || isComment(trimmed)) {
        continue;
      }
      if (line.truncated()) {
        return new SourceStatement(trimmed, line.number(), line.length(), true);
      }
      statement.append(line.text(), line.number());
      SourceStatement s = statement.build(true);
      if (!s.text().isEmpty()) {
        return s;
      }
    }
    return null;
  }

  private static boolean isComment(String trimmed) {
    return trimmed.startsWith("#")
        || trimmed.startsWith("--") && (trimmed.length() == 2 || trimmed.charAt(2) <= ' ');
  }
}
