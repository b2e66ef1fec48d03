package io.dualwrite.admin.translate;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader with arbitrary look-ahead ({@link #peek(int)}) over a sliding buffer, so statement
 * splitting can test for multi-character delimiters without holding the input in memory.
 */
final class CharInput {
  private final Reader in;
  private char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;

  CharInput(Reader in) {
    this.in = in;
  }

  /** The character {@code ahead} positions after the current one, or -1 past the end. */
  int peek(int ahead) throws IOException {
    while (pos + ahead >= limit && !eof) {
      fill(ahead);
    }
    return pos + ahead < limit ? buf[pos + ahead] : -1;
  }

  /** Consumes and returns the current character, or -1 at the end. */
  int read() throws IOException {
    int c = peek(0);
    if (c >= 0) {
      pos++;
    }
    return c;
  }

  /** True when the next characters are exactly {@code s}. */
  boolean startsWith(String s) throws IOException {
    if (peek(s.length() - 1) < 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (buf[pos + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Consumes {@code n} characters (fewer at the end). */
  void skip(int n) throws IOException {
    for (int i = 0; i < n && read() >= 0; i++) {
      // read() advances
    }
  }

  private void fill(int ahead) throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (ahead >= buf.length || limit == buf.length) {
      char[] bigger = new char[Math.max(buf.length * 2, ahead + 1)];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}
