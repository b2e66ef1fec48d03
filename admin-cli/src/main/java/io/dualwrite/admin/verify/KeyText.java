package io.dualwrite.admin.verify;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Key and value text as {@code verify} prints it and {@code repair} reads it back: numbers plainly,
 * date-times as {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (both databases accept that form), binary as
 * {@code 0x} and hexadecimal digits, everything else as its string.
 */
public final class KeyText {
  private KeyText() {}

  public static String format(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    if (v instanceof LocalDateTime t) {
      return t.toString().replace('T', ' ');
    }
    if (v instanceof Timestamp t) {
      return t.toLocalDateTime().toString().replace('T', ' ');
    }
    return v.toString();
  }

  public static List<String> formatAll(List<Object> values) {
    List<String> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(format(v));
    }
    return out;
  }

  /** The bytes of {@code 0x...} text (or plain hexadecimal). */
  static byte[] parseHex(String text) {
    String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a binary key must be 0x and hexadecimal digits: " + text);
    }
  }
}
