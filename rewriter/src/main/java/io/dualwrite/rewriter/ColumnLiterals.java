package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * String literals written into a column whose MySQL type changes the stored value in ways
 * PostgreSQL's column does not: SET members are stored in definition order without duplicates, a
 * hexadecimal or bit-value literal is a number in an integer or BIT column (a string's bytes are
 * one in a BIT column), and TIME is a duration (-838:59:59..838:59:59) where PostgreSQL's {@code
 * time} holds a time of day. Only literals can be handled here; bound parameters reach the
 * databases as the application binds them.
 */
final class ColumnLiterals {
  private ColumnLiterals() {}

  private static final Pattern TIME =
      Pattern.compile("(-)?(?:(\\d+) )?(\\d+)(?::(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d*)?)?)?");

  /**
   * The literal to write into {@code column}: {@code value} itself unless it must change. With
   * {@code truncates} (the MySQL side cuts fractional seconds, see {@link
   * SchemaCatalog#truncatesFractionalSeconds}, MariaDB), a date-time or time literal loses the
   * digits beyond the column's precision as it does there; else (MySQL) it is rounded half up to
   * the column's precision as MySQL rounds it, where PostgreSQL would round a tie before 2000 down
   * ({@link ParameterTarget#roundedTemporalText}).
   */
  static Expression adapt(Expression value, Optional<ColumnInfo> column, boolean truncates) {
    Expression adapted = adapt(value, column);
    if (column.isPresent()
        && adapted instanceof StringValue s
        && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      String v = MysqlLexer.decodeCanonical(s.getValue());
      ParameterTarget target = new ParameterTarget(column.get().mysqlType(), true);
      String stored = truncates ? target.truncatedTemporalText(v) : target.roundedTemporalText(v);
      return stored.equals(v) ? adapted : new StringValue(encode(stored));
    }
    return adapted;
  }

  /** The literal to write into {@code column}: {@code value} itself unless it must change. */
  static Expression adapt(Expression value, Optional<ColumnInfo> column) {
    if (column.isPresent() && TypeMapping.isBinary(column.get().mysqlType())) {
      return binary(value, column.get());
    }
    String digits = column.isPresent() ? Literals.hexDigits(value) : null;
    if (digits != null
        && TypeMapping.isInteger(column.get().mysqlType())
        && digits.matches("[0-9A-Fa-f]{0,15}")) {
      // X'03', 0x03, b'00000011' written into an integer column: MySQL stores the number (X'' 0)
      return new net.sf.jsqlparser.expression.LongValue(
          digits.isEmpty() ? 0 : Long.parseLong(digits, 16));
    }
    if (column.isPresent()
        && TypeMapping.isBit(column.get().mysqlType())
        && value instanceof StringValue s
        && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      // 'A' written into a BIT column: MySQL stores the string's bytes (65); more than 8 bytes is
      // MySQL's error, left to it
      byte[] bytes =
          MysqlLexer.decodeCanonical(s.getValue())
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return bytes.length > 8
          ? value
          : new net.sf.jsqlparser.expression.LongValue(
              bytes.length == 0 ? "0" : new java.math.BigInteger(1, bytes).toString());
    }
    if (column.isPresent()
        && value instanceof net.sf.jsqlparser.expression.LongValue n
        && column.get().mysqlType().trim().toLowerCase(Locale.ROOT).startsWith("set(")) {
      // a number written into a SET column: MySQL stores the members of its bits (5 is the first
      // and third); one beyond the members is MySQL's error, left to it
      List<String> members = members(column.get().mysqlType());
      long bits = n.getValue();
      if (bits < 0 || bits >= (1L << Math.min(members.size(), 62))) {
        return value;
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        if ((bits & (1L << i)) != 0) {
          out.add(members.get(i));
        }
      }
      return new StringValue(encode(String.join(",", out)));
    }
    if (column.isEmpty()
        || !(value instanceof StringValue s)
        || (s.getPrefix() != null && !s.getPrefix().isEmpty())) {
      return value;
    }
    String type = column.get().mysqlType().trim().toLowerCase(Locale.ROOT);
    String v = MysqlLexer.decodeCanonical(s.getValue());
    if (type.startsWith("set(")) {
      String normalized = normalizeSet(v, members(column.get().mysqlType()));
      return normalized == null ? value : new StringValue(encode(normalized));
    }
    if (type.startsWith("enum(")) {
      String member = storedText(column.get().mysqlType(), v);
      return member.equals(v) ? value : new StringValue(encode(member));
    }
    if (type.equals("time") || type.startsWith("time(")) {
      checkTimeOfDay(v, column.get().name());
    }
    return value;
  }

  /**
   * A string or hexadecimal literal written into a binary column, as the bytes MySQL stores: a
   * string's UTF-8 bytes (PostgreSQL would read an untyped literal as bytea's escape format, where
   * a backslash means something), padded with zero bytes to n for {@code BINARY(n)}.
   */
  private static Expression binary(Expression value, ColumnInfo column) {
    String digits = Literals.hexDigits(value);
    byte[] bytes;
    if (digits != null) {
      bytes = Literals.hexBytes(digits);
    } else if (value instanceof StringValue s
        && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      bytes =
          MysqlLexer.decodeCanonical(s.getValue())
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } else {
      return value;
    }
    int padded = new ParameterTarget(column.mysqlType(), true).paddedLength();
    if (padded > bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, padded);
    }
    return new net.sf.jsqlparser.expression.HexValue(
        "X'" + java.util.HexFormat.of().formatHex(bytes) + "'");
  }

  /**
   * The text MySQL stores for {@code value} written into a SET or ENUM column of type {@code
   * mysqlType} (members in definition order once each; the member as defined, matched ignoring case
   * and trailing spaces), or {@code value} itself when it is not one MySQL would store.
   */
  static String storedText(String mysqlType, String value) {
    String type = mysqlType.trim().toLowerCase(Locale.ROOT);
    if (type.startsWith("set(")) {
      String normalized = normalizeSet(value, members(mysqlType));
      return normalized == null ? value : normalized;
    }
    if (type.startsWith("enum(")) {
      for (String member : members(mysqlType)) {
        if (member.equalsIgnoreCase(stripTrailingSpaces(value))) {
          return member;
        }
      }
    }
    return value;
  }

  /** MySQL's stored form: members in definition order, once each; null if one is not a member. */
  static String normalizeSet(String value, List<String> members) {
    if (value.isEmpty()) {
      return value;
    }
    boolean[] present = new boolean[members.size()];
    for (String part : value.split(",", -1)) {
      int found = -1;
      for (int i = 0; i < members.size(); i++) {
        // SET members compare like the column's (case-insensitive by default) collation; MySQL
        // also ignores trailing spaces of a member
        if (members.get(i).equalsIgnoreCase(stripTrailingSpaces(part))) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        return null; // MySQL rejects (strict) or drops it: left as written, MySQL decides
      }
      present[found] = true;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (present[i]) {
        out.add(members.get(i));
      }
    }
    return String.join(",", out);
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  /** The members of {@code set('a','b''c')}. */
  static List<String> members(String mysqlType) {
    List<String> members = new ArrayList<>();
    int i = mysqlType.indexOf('(');
    while (i >= 0 && i < mysqlType.length()) {
      int q = mysqlType.indexOf('\'', i);
      if (q < 0) {
        break;
      }
      StringBuilder m = new StringBuilder();
      int j = q + 1;
      while (j < mysqlType.length()) {
        char c = mysqlType.charAt(j);
        if (c == '\'' && j + 1 < mysqlType.length() && mysqlType.charAt(j + 1) == '\'') {
          m.append('\'');
          j += 2;
        } else if (c == '\'') {
          break;
        } else if (c == '\\' && j + 1 < mysqlType.length()) {
          m.append(mysqlType.charAt(j + 1));
          j += 2;
        } else {
          m.append(c);
          j++;
        }
      }
      members.add(m.toString());
      i = j + 1;
    }
    return members;
  }

  /** Refuses a TIME literal outside 00:00:00..23:59:59, which PostgreSQL's time cannot hold. */
  static void checkTimeOfDay(String value, String column) {
    Matcher m = TIME.matcher(value.trim());
    if (!m.matches()) {
      return; // not a duration spelling (e.g. '12:30:00 PM' is an error in MySQL too)
    }
    long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long hours;
    if (m.group(4) == null && m.group(2) == null) {
      // a bare number is [H]HMMSS in MySQL: 1234567 is 123:45:67
      String digits = m.group(3);
      hours = digits.length() > 4 ? Long.parseLong(digits.substring(0, digits.length() - 4)) : 0;
    } else {
      hours = Long.parseLong(m.group(3));
    }
    if (m.group(1) != null || days > 0 || hours > 23) {
      throw RefusedException.syntax(
          "time-range",
          "The TIME value '"
              + value
              + "' for column "
              + column
              + " is a duration outside 00:00:00..23:59:59; PostgreSQL's time holds a time of"
              + " day only.");
    }
  }

  private static String encode(String v) {
    StringBuilder out = new StringBuilder(v.length() + 2);
    MysqlLexer.appendCanonicalBody(out, v);
    return out.toString();
  }
}
