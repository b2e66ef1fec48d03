package io.dualwrite.admin.translate;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n} or {@code \r\n}) keeping at most a fixed number of characters of each, so
 * one enormous line cannot exhaust memory; the full length is still reported.
 */
final class LineReader {
  /** One line without its line break. */
  record Line(String text, long length, long number) {
    boolean truncated() {
      return length > text.length();
    }
  }

  private final CharInput in;
  private final int maxLength;
  private final StringBuilder text = new StringBuilder();
  private long number;

  LineReader(Reader reader, int maxLength) {
    this.in = new CharInput(reader);
    this.maxLength = maxLength;
  }

  /** The next line, or null at the end of the input. */
  Line readLine() throws IOException {
    int c = in.read();
    if (c < 0) {
      return null;
    }
    text.setLength(0);
    long length = 0;
    while (c >= 0 && c != '\n') {
      if (length < maxLength) {
        text.append((char) c);
      }
      length++;
      c = in.read();
    }
    if (length <= maxLength && length > 0 && text.charAt(text.length() - 1) == '\r') {
      text.setLength(text.length() - 1);
      length--;
    }
    number++;
    return new Line(text.toString(), length, number);
  }
}
