package io.dualwrite.rewriter;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;

/**
 * MySQL literals printed for PostgreSQL: strings (with MySQL's escapes already decoded),
 * hexadecimal literals (X'..', 0x..) as text, bytes or numbers as MySQL reads them where they
 * stand, and DOUBLE literals.
 */
final class Literals {

  private Literals() {}

  static void string(PgExpressionDeParser d, StringValue s) {
    String prefix = s.getPrefix();
    if (prefix != null && !prefix.isEmpty()) {
      if (PgExpressionDeParser.upper(prefix).equals("X")) {
        printBytes(d, s.getValue());
        return;
      }
      if (PgExpressionDeParser.upper(prefix).equals("B")
          && (s.getValue().equals("0") || s.getValue().equals("1"))) {
        // b'0' / b'1': the values of a BIT(1) column, which is a 0/1 smallint on PostgreSQL
        d.a(s.getValue());
        return;
      }
      String bits = bitDigits(s);
      if (bits != null) {
        // b'101': a binary string, as a hex literal of the same bytes is (X'05')
        printBytes(d, bits);
        return;
      }
      throw RefusedException.syntax(
          "literal:" + prefix,
          "The literal " + s + " (" + prefix + "'...' prefix) has no faithful translation.");
    }
    String v = MysqlLexer.decodeCanonical(s.getValue());
    if (v.indexOf('\0') >= 0) {
      throw RefusedException.syntax(
          "literal:nul",
          "A string literal contains a NUL character, which PostgreSQL text rejects.");
    }
    d.a("'").a(v.replace("'", "''")).a("'");
  }

  static void printBytes(PgExpressionDeParser d, String hexDigits) {
    for (int i = 0; i < hexDigits.length(); i++) {
      if (Character.digit(hexDigits.charAt(i), 16) < 0) {
        throw RefusedException.syntax("literal:hex", "Invalid hex literal " + hexDigits + ".");
      }
    }
    String digits = hexDigits.length() % 2 == 1 ? "0" + hexDigits : hexDigits;
    d.a("'\\x").a(digits.toLowerCase(Locale.ROOT)).a("'::bytea");
  }

  static void hex(PgExpressionDeParser d, HexValue hex) {
    // MySQL: a binary string, a number only in numeric context. Where the context is known the
    // parent prints it (number(), text(), comparison()); elsewhere it stays a binary string.
    printBytes(d, hexDigits(hex));
  }

  /** The digits of a hexadecimal literal (0x41, X'41'), or null when e is not one. */
  static String hexDigits(Expression e) {
    if (e instanceof HexValue hex) {
      String v = hex.getValue().trim();
      return v.startsWith("0x") || v.startsWith("0X")
          ? v.substring(2)
          : v.substring(2, v.length() - 1); // x'..'
    }
    if (e instanceof StringValue s && "X".equalsIgnoreCase(s.getPrefix())) {
      return s.getValue();
    }
    if (e instanceof StringValue s) {
      return bitDigits(s);
    }
    return null;
  }

  /**
   * The hex digits of a bit-value literal (b'101', 0b101), whose bits MySQL left-pads to whole
   * bytes: it is the binary string X'05', a number where MySQL reads it as one; null when s is not
   * one, or is b'0'/b'1' (printed as the 0/1 of a BIT(1) column).
   */
  static String bitDigits(StringValue s) {
    if (!"B".equalsIgnoreCase(s.getPrefix())
        || s.getValue().equals("0")
        || s.getValue().equals("1")
        || !s.getValue().matches("[01]+")) {
      return null;
    }
    String v = s.getValue();
    int pad = (8 - v.length() % 8) % 8;
    String padded = "0".repeat(pad) + v;
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < padded.length(); i += 4) {
      hex.append(Integer.toHexString(Integer.parseInt(padded.substring(i, i + 4), 2)));
    }
    return hex.toString().toUpperCase(Locale.ROOT);
  }

  static byte[] hexBytes(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw RefusedException.syntax("literal:hex", "Invalid hex literal " + digits + ".");
      }
    }
    String even = digits.length() % 2 == 1 ? "0" + digits : digits;
    byte[] bytes = new byte[even.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(even.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }

  /**
   * An operand of arithmetic: MySQL reads a hexadecimal literal there as a BIGINT UNSIGNED (0x41 +
   * 0 is 65), so it is printed as that number; anything else as a value.
   */
  static void number(PgExpressionDeParser d, Expression e) {
    String digits = hexDigits(e);
    if (digits == null && JsonFunctions.isJsonValued(d, e)) {
      // MySQL reads a JSON value in arithmetic as a DOUBLE (a JSON number's value); jsonb has no
      // arithmetic (a JSON string or object is an error in the cast, not a silent 0)
      d.a("CAST(");
      d.p(e);
      d.a(" AS double precision)");
      return;
    }
    if (digits == null && OrderByPrinter.setMembers(d, e) != null) {
      OrderByPrinter.setNumber(d, e); // a SET in a number's place: its bits
      return;
    }
    if (digits == null) {
      Optional<ColumnInfo> c = d.columnInfo(e);
      if (c.isPresent()
          && Set.of("tinyint", "smallint", "mediumint", "int", "integer")
              .contains(TypeMapping.baseType(c.get().mysqlType()))) {
        // MySQL does integer arithmetic in BIGINT: INT_MAX + 1 is not an overflow
        d.a("CAST(");
        d.p(e);
        d.a(" AS bigint)");
        return;
      }
      d.value(e);
      return;
    }
    byte[] bytes = hexBytes(digits);
    java.math.BigInteger n = new java.math.BigInteger(1, bytes);
    if (n.bitLength() > 64) {
      throw RefusedException.syntax(
          "literal:hex",
          "The hex literal X'"
              + digits
              + "' is longer than 8 bytes; MySQL truncates it in numeric context.");
    }
    d.a(n.toString());
  }

  /**
   * Division and modulo with a hex literal operand are not translated: MySQL 8 reads the literal as
   * a number there, but no test server proves it (MariaDB reads X'0100' DIV 2 as 0).
   */
  static void noHexOperand(PgExpressionDeParser d, BinaryExpression e) {
    if (hexDigits(e.getLeftExpression()) != null || hexDigits(e.getRightExpression()) != null) {
      throw RefusedException.syntax(
          "literal:hex",
          "In " + e + " the hex literal's numeric value depends on the server's division rules.");
    }
  }

  /**
   * A hexadecimal literal where MySQL uses it as a string: its bytes read as UTF-8 text (PostgreSQL
   * text holds characters, so bytes that are not UTF-8 are refused rather than changed).
   */
  static void hexAsText(PgExpressionDeParser d, String digits) {
    byte[] bytes = hexBytes(digits);
    String v;
    try {
      v =
          java.nio.charset.StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (java.nio.charset.CharacterCodingException ex) {
      throw RefusedException.syntax(
          "literal:hex",
          "The hex literal X'"
              + digits
              + "' is used as a string but its bytes are not UTF-8 text.");
    }
    if (v.indexOf('\0') >= 0) {
      throw RefusedException.syntax(
          "literal:nul",
          "The hex literal X'" + digits + "' contains a NUL byte, which PostgreSQL text rejects.");
    }
    d.a("'").a(v.replace("'", "''")).a("'");
  }

  /**
   * A hexadecimal literal compared with other: decided only when other is a string literal, a text
   * column (then both are strings) or a binary column; against a number or an operand of unknown
   * type MySQL may compare either as numbers or as strings, so the comparison is refused rather
   * than guessed.
   */
  static void hexComparison(PgExpressionDeParser d, Expression other, Expression comparison) {
    if (other instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      return;
    }
    if (isBinaryColumn(d, other)) {
      return;
    }
    Optional<ColumnInfo> c = d.columnInfo(other);
    if (c.isPresent() && TypeMapping.isText(c.get().mysqlType())) {
      return;
    }
    throw RefusedException.syntax(
        "literal:hex",
        "In "
            + comparison
            + " the hex literal is compared with a value that is not known to be a string; MySQL"
            + " may compare it as a number or as a binary string.");
  }

  static boolean isBinaryColumn(PgExpressionDeParser d, Expression e) {
    Optional<ColumnInfo> c = d.columnInfo(e);
    return c.isPresent() && TypeMapping.isBinary(c.get().mysqlType());
  }

  /** Translated functions whose MySQL result is a binary string, a bytea on PostgreSQL. */
  private static final java.util.Set<String> BINARY_FUNCTIONS =
      java.util.Set.of("UNHEX", "FROM_BASE64", "UUID_TO_BIN");

  /**
   * A call of a translated function whose result is a binary string (UNHEX, FROM_BASE64,
   * UUID_TO_BIN): a bytea on PostgreSQL, whose text cast would be its escaped hex form.
   */
  static boolean isBinaryFunction(Expression e) {
    return e instanceof net.sf.jsqlparser.expression.Function f
        && BINARY_FUNCTIONS.contains(PgExpressionDeParser.upper(f.getName()));
  }

  /** A binary string: a binary column, a hex literal or a binary function's result. */
  static boolean isBinaryValue(PgExpressionDeParser d, Expression e) {
    return isBinaryColumn(d, e) || hexDigits(e) != null || isBinaryFunction(e);
  }

  static void doubleValue(PgExpressionDeParser d, DoubleValue v) {
    String s = v.toString();
    if (s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
      // MySQL: an exponent makes a DOUBLE literal
      d.a("CAST(").a(s).a(" AS double precision)");
    } else {
      d.a(s); // exact decimal in both
    }
  }
}
