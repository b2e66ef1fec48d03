package io.dualwrite.driver.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The JSON arrays of strings stored in {@code table_names} and {@code row_keys}: unambiguous for
 * keys holding commas or quotes, readable in a SQL client, and parsed back by {@link ControlStore}.
 */
final class JsonText {
  private JsonText() {}

  static String array(Collection<String> values) {
    StringBuilder b = new StringBuilder().append('[');
    int i = 0;
    for (String v : values) {
      if (i++ > 0) {
        b.append(',');
      }
      string(b, v);
    }
    return b.append(']').toString();
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /**
   * Parses an array written by {@link #array}; null or blank text is the empty list.
   *
   * @throws IllegalArgumentException for text that is not an array of strings
   */
  static List<String> parseArray(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    String s = text.strip();
    int i = expect(s, 0, '[');
    i = skipSpace(s, i);
    if (i < s.length() && s.charAt(i) == ']') {
      return out;
    }
    while (true) {
      i = skipSpace(s, i);
      i = expect(s, i, '"');
      StringBuilder v = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw new IllegalArgumentException("unterminated string in " + s);
        }
        char c = s.charAt(i++);
        if (c == '"') {
          break;
        }
        if (c != '\\') {
          v.append(c);
          continue;
        }
        if (i >= s.length()) {
          throw new IllegalArgumentException("bad escape in " + s);
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> v.append('\n');
          case 'r' -> v.append('\r');
          case 't' -> v.append('\t');
          case 'b' -> v.append('\b');
          case 'f' -> v.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw new IllegalArgumentException("bad escape in " + s);
            }
            v.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> v.append(e);
        }
      }
      out.add(v.toString());
      i = skipSpace(s, i);
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      expect(s, i, ']');
      return out;
    }
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int expect(String s, int i, char c) {
    if (i >= s.length() || s.charAt(i) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
    }
    return i + 1;
  }
}
