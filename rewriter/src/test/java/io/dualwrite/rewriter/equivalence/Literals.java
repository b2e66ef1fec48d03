package io.dualwrite.rewriter.equivalence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The corpus's value syntax, used for bind values ({@code -- binds:}) and expected rows ({@code --
 * row:}): a comma-separated list of {@code NULL}, {@code true}/{@code false}, numbers ({@code 42},
 * {@code -1.50}; with an exponent, {@code 1e-3}, an approximate number), {@code 'text'} (a quote
 * doubled inside), and typed strings {@code date'2024-01-31'}, {@code ts'2024-01-31 10:00:00'},
 * {@code time'10:00:00'}, {@code json'{"a":1}'}, {@code hex'CAFE'}.
 */
final class Literals {
  private Literals() {}

  /** Parses a list as Java bind values (Long, BigDecimal, Double, String, java.time, byte[]). */
  static List<Object> binds(String text) {
    List<Object> out = new ArrayList<>();
    for (Object v : parse(text)) {
      if (v instanceof BigDecimal d) {
        if (d.scale() <= 0) {
          out.add(d.longValueExact());
        } else {
          out.add(d);
        }
      } else if (v instanceof Normalisation.Approx a) {
        out.add(a.value());
      } else if (v instanceof Normalisation.Bytes b) {
        out.add(b.value());
      } else if (v instanceof Normalisation.Json j) {
        out.add(j.text());
      } else {
        out.add(v);
      }
    }
    return out;
  }

  /** Parses a list as normalised values (what {@link Normalisation} compares). */
  static List<Object> parse(String text) {
    List<Object> values = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        if (!values.isEmpty()) {
          throw new IllegalArgumentException("trailing comma in: " + text);
        }
        return values;
      }
      int start = i;
      String prefix = "";
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      prefix = text.substring(start, i);
      Object value;
      if (i < n && text.charAt(i) == '\'') {
        StringBuilder s = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("unterminated string in: " + text);
          }
          char c = text.charAt(i++);
          if (c == '\'') {
            if (i < n && text.charAt(i) == '\'') {
              s.append('\'');
              i++;
            } else {
              break;
            }
          } else {
            s.append(c);
          }
        }
        value = typed(prefix.toLowerCase(Locale.ROOT), s.toString(), text);
      } else if (!prefix.isEmpty()) {
        value =
            switch (prefix.toUpperCase(Locale.ROOT)) {
              case "NULL" -> null;
              case "TRUE" -> BigDecimal.ONE;
              case "FALSE" -> BigDecimal.ZERO;
              default ->
                  throw new IllegalArgumentException("unknown word " + prefix + " in: " + text);
            };
      } else {
        while (i < n && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        String number = text.substring(start, i);
        if (number.contains("e") || number.contains("E")) {
          value = new Normalisation.Approx(Double.parseDouble(number));
        } else {
          value = new BigDecimal(number);
        }
      }
      values.add(value);
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return values;
      }
      if (text.charAt(i) != ',') {
        throw new IllegalArgumentException("expected ',' at " + i + " in: " + text);
      }
      i++;
    }
  }

  private static Object typed(String prefix, String s, String text) {
    return switch (prefix) {
      case "" -> s;
      case "date" -> LocalDate.parse(s);
      case "ts" -> LocalDateTime.parse(s.replace(' ', 'T'));
      case "time" -> LocalTime.parse(s);
      case "json" -> new Normalisation.Json(s);
      case "hex" -> new Normalisation.Bytes(HexFormat.of().parseHex(s));
      default ->
          throw new IllegalArgumentException("unknown literal type " + prefix + " in: " + text);
    };
  }
}
