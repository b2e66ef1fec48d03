package io.dualwrite.driver.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical text of a JSON document: object keys sorted, no insignificant white space, numbers by
 * value. MySQL and PostgreSQL ({@code jsonb}) print the same document differently; their canonical
 * forms are equal. A small strict parser: anything that is not exactly one JSON value yields null.
 */
final class JsonCanonical {
  private final String s;
  private int i;

  private JsonCanonical(String s) {
    this.s = s;
  }

  static boolean looksLikeJson(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /** The canonical form, or null if {@code text} is not a JSON document. */
  static String canonicalize(String text) {
    JsonCanonical p = new JsonCanonical(text);
    try {
      Object value = p.value();
      p.skipSpace();
      if (p.i != text.length()) {
        return null;
      }
      StringBuilder b = new StringBuilder(text.length());
      write(b, value);
      return b.toString();
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private Object value() {
    skipSpace();
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return new Str(string());
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", Null.NULL);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new TreeMap<>();
    i++;
    skipSpace();
    if (s.charAt(i) == '}') {
      i++;
      return map;
    }
    while (true) {
      skipSpace();
      if (s.charAt(i) != '"') {
        throw new IllegalArgumentException("key expected");
      }
      String key = string();
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
      if (s.charAt(i) == ',') {
        i++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    i++;
    skipSpace();
    if (s.charAt(i) == ']') {
      i++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      if (s.charAt(i) == ',') {
        i++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape");
        }
      } else if (c < 0x20) {
        throw new IllegalArgumentException("control character in string");
      } else {
        b.append(c);
      }
    }
  }

  private BigDecimal number() {
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (start == i) {
      throw new IllegalArgumentException("value expected");
    }
    BigDecimal d = new BigDecimal(s.substring(start, i));
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }

  private Object literal(String word, Object value) {
    if (!s.startsWith(word, i)) {
      throw new IllegalArgumentException("bad literal");
    }
    i += word.length();
    return value;
  }

  private void expect(char c) {
    if (s.charAt(i) != c) {
      throw new IllegalArgumentException("expected " + c);
    }
    i++;
  }

  private void skipSpace() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private record Str(String value) {}

  private enum Null {
    NULL
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder b, Object v) {
    if (v instanceof Map<?, ?> map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(b, e.getKey());
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (v instanceof List<?> list) {
      b.append('[');
      for (int k = 0; k < list.size(); k++) {
        if (k > 0) {
          b.append(',');
        }
        write(b, list.get(k));
      }
      b.append(']');
    } else if (v instanceof Str str) {
      quote(b, str.value());
    } else if (v instanceof BigDecimal d) {
      b.append(d.toPlainString());
    } else if (v == Null.NULL) {
      b.append("null");
    } else {
      b.append(v);
    }
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }
}
