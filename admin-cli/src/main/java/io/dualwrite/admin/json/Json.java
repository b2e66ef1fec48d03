package io.dualwrite.admin.json;

/**
 * Just enough JSON output for one-object-per-line reports, without a JSON library: string quoting
 * per RFC 8259 and a small builder for flat and nested objects.
 */
public final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * {@code value} as a JSON string literal, quotes included; {@code null} gives {@code null}.
   *
   * <p>Escapes {@code "} and {@code \}, every control character below U+0020 (short forms for
   * {@code \b \f \n \r \t}, {@code \}{@code u00XX} for the rest), U+2028/U+2029 (so the line stays
   * one line for JavaScript readers too), and unpaired surrogates (which have no UTF-8 encoding and
   * would otherwise be replaced by the output encoder).
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    appendQuoted(out, value);
    return out.toString();
  }

  /** Appends {@code value} as a JSON string literal (or {@code null}) to {@code out}. */
  public static void appendQuoted(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            appendUnicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
              out.append(c).append(value.charAt(++i));
            } else {
              appendUnicodeEscape(out, c);
            }
          } else if (Character.isLowSurrogate(c)) {
            appendUnicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  /** Starts a JSON object; members appear in the order they are added. */
  public static ObjectBuilder object() {
    return new ObjectBuilder();
  }

  /** Starts a JSON array. */
  public static ArrayBuilder array() {
    return new ArrayBuilder();
  }

  /** A JSON object under construction. {@link #toString()} gives its single-line text. */
  public static final class ObjectBuilder {
    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    private ObjectBuilder() {}

    private StringBuilder key(String name) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendQuoted(out, name);
      return out.append(':');
    }

    public ObjectBuilder put(String name, String value) {
      appendQuoted(key(name), value);
      return this;
    }

    public ObjectBuilder put(String name, long value) {
      key(name).append(value);
      return this;
    }

    public ObjectBuilder put(String name, boolean value) {
      key(name).append(value);
      return this;
    }

    public ObjectBuilder put(String name, ObjectBuilder value) {
      key(name).append(value.toString());
      return this;
    }

    public ObjectBuilder put(String name, ArrayBuilder value) {
      key(name).append(value.toString());
      return this;
    }

    @Override
    public String toString() {
      return out + "}";
    }
  }

  /** A JSON array under construction. {@link #toString()} gives its single-line text. */
  public static final class ArrayBuilder {
    private final StringBuilder out = new StringBuilder("[");
    private boolean first = true;

    private ArrayBuilder() {}

    private StringBuilder next() {
      if (!first) {
        out.append(',');
      }
      first = false;
      return out;
    }

    public ArrayBuilder add(String value) {
      appendQuoted(next(), value);
      return this;
    }

    public ArrayBuilder add(long value) {
      next().append(value);
      return this;
    }

    public ArrayBuilder add(ObjectBuilder value) {
      next().append(value.toString());
      return this;
    }

    @Override
    public String toString() {
      return out + "]";
    }
  }
}
