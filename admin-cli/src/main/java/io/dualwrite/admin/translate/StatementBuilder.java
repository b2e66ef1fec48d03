package io.dualwrite.admin.translate;

/**
 * Collects one statement's characters up to a limit. Leading whitespace is dropped; past the limit
 * only the length is counted, so one huge statement cannot exhaust memory.
 */
final class StatementBuilder {
  private final int maxLength;
  private final StringBuilder text = new StringBuilder();
  private long length;
  private long startLine;

  StatementBuilder(int maxLength) {
    this.maxLength = maxLength;
  }

  /** True while only whitespace (or nothing) has been appended. */
  boolean isBlank() {
    return length == 0;
  }

  void append(char c, long line) {
    if (length == 0) {
      if (isWhitespace(c)) {
        return;
      }
      startLine = line;
    }
    if (length < maxLength) {
      text.append(c);
    }
    length++;
  }

  void append(String s, long line) {
    for (int i = 0; i < s.length(); i++) {
      append(s.charAt(i), line);
    }
  }

  /**
   * The statement with trailing whitespace removed; when {@code stripSemicolons}, also trailing
   * {@code ;} characters (for formats where a statement needs no terminator).
   */
  SourceStatement build(boolean stripSemicolons) {
    boolean truncated = length > maxLength;
    int end = text.length();
    if (!truncated) {
      while (end > 0
          && (isWhitespace(text.charAt(end - 1))
              || stripSemicolons && text.charAt(end - 1) == ';')) {
        end--;
      }
      length = end;
    }
    SourceStatement s = new SourceStatement(text.substring(0, end), startLine, length, truncated);
    reset();
    return s;
  }

  void reset() {
    text.setLength(0);
    length = 0;
    startLine = 0;
  }

  static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }
}
