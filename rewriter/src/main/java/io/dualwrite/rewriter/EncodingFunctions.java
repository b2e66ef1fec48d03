package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.integer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

/** MySQL hash and hex functions (MD5, SHA2, HEX) printed for PostgreSQL. */
final class EncodingFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("MD5", EncodingFunctions::md5),
          Map.entry("SHA2", EncodingFunctions::sha2),
          Map.entry("SHA1", EncodingFunctions::sha1),
          Map.entry("SHA", EncodingFunctions::sha1),
          Map.entry("HEX", EncodingFunctions::hex),
          Map.entry("BIT_COUNT", EncodingFunctions::bitCount));

  private EncodingFunctions() {}

  private static void md5(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("md5(");
    StringFunctions.bytesOrText(d, args.get(0));
    d.a(")");
  }

  private static void sha2(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    long bits = integer(n, args.get(1), "the hash length");
    String fn =
        switch ((int) bits) {
          case 0, 256 -> "sha256";
          case 224 -> "sha224";
          case 384 -> "sha384";
          case 512 -> "sha512";
          default -> null;
        };
    if (fn == null) {
      d.a("NULL"); // MySQL returns NULL for an unsupported length
      return;
    }
    d.a("encode(").a(fn).a("(convert_to(");
    d.text(args.get(0));
    d.a(", 'UTF8')), 'hex')");
  }

  /**
   * SHA1/SHA: the 40 lower-case hex digits of the SHA-1 of the argument's bytes (UTF-8 for text),
   * through pgcrypto's {@code digest} when the catalog says PostgreSQL has pgcrypto; refused
   * otherwise (core PostgreSQL has sha224..sha512 but no SHA-1).
   */
  private static void sha1(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (!d.ctx.catalog.postgresHasExtension("pgcrypto")) {
      throw RefusedException.function(
          n,
          n
              + "() needs pgcrypto's digest() on PostgreSQL (core PostgreSQL has no SHA-1), and"
              + " pgcrypto is not installed there (CREATE EXTENSION pgcrypto).");
    }
    arity(n, args, 1, 1);
    d.a("encode(digest(");
    StringFunctions.bytesOrText(d, args.get(0));
    d.a(", 'sha1'), 'hex')");
  }

  private static void hex(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    hexOf(d, args.get(0));
  }

  /** An integer literal (maybe negative) or a column the catalog knows as an integer type. */
  static boolean isInteger(PgExpressionDeParser d, Expression e) {
    var c = d.columnInfo(e);
    return e instanceof LongValue
        || (e instanceof SignedExpression s
            && s.getSign() == '-'
            && s.getExpression() instanceof LongValue)
        || (c.isPresent() && TypeMapping.isInteger(c.get().mysqlType()));
  }

  /**
   * An integer literal or column ({@link #isInteger}), or +, - and * of such ({@code flags + 0}),
   * none of them a BIGINT UNSIGNED: a signed integer in both databases (an overflow fails on both).
   */
  static boolean isIntegerExpression(PgExpressionDeParser d, Expression e) {
    Expression x = PgExpressionDeParser.unwrapped(e);
    if (x instanceof net.sf.jsqlparser.expression.operators.arithmetic.Addition
        || x instanceof net.sf.jsqlparser.expression.operators.arithmetic.Subtraction
        || x instanceof net.sf.jsqlparser.expression.operators.arithmetic.Multiplication) {
      net.sf.jsqlparser.expression.BinaryExpression b =
          (net.sf.jsqlparser.expression.BinaryExpression) x;
      return isIntegerExpression(d, b.getLeftExpression())
          && isIntegerExpression(d, b.getRightExpression());
    }
    return isInteger(d, x) && !isUnsignedBigint(d, x);
  }

  /** An integer column of type BIGINT UNSIGNED (numeric(20,0) on PostgreSQL). */
  static boolean isUnsignedBigint(PgExpressionDeParser d, Expression e) {
    var c = d.columnInfo(e);
    return c.isPresent()
        && c.get().mysqlType().toLowerCase(Locale.ROOT).contains("unsigned")
        && TypeMapping.baseType(c.get().mysqlType()).equals("bigint");
  }

  /**
   * MySQL BIT_COUNT(n) of an integer: the one bits of its 64-bit two's complement (BIT_COUNT(-1) is
   * 64), as PostgreSQL counts them in {@code CAST(n AS bit(64))}. Other argument types (MySQL
   * rounds a DECIMAL, reads a string as a number, counts a binary string's bits) are refused.
   */
  static void bitCount(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    Functions.arity(n, args, 1, 1);
    Expression e = args.get(0);
    if (OrderByPrinter.setMembers(d, setOperand(e)) != null) {
      // a SET column (or its number, set + 0): its members are its one bits
      d.a("bit_count(CAST(");
      OrderByPrinter.setNumber(d, setOperand(e));
      d.a(" AS bit(64)))");
      return;
    }
    if (!isInteger(d, e) || isUnsignedBigint(d, e)) {
      throw RefusedException.function(
          n,
          "BIT_COUNT is translated for an integer literal or an integer column (not BIGINT"
              + " UNSIGNED): MySQL converts other arguments first (a DECIMAL rounded, a string read"
              + " as a number).");
    }
    d.a("bit_count(CAST(CAST(");
    d.value(e);
    d.a(" AS bigint) AS bit(64)))");
  }

  /** x of {@code x + 0} or {@code x | 0}, else e. */
  private static Expression setOperand(Expression e) {
    if ((e instanceof net.sf.jsqlparser.expression.operators.arithmetic.Addition
            || e instanceof net.sf.jsqlparser.expression.operators.arithmetic.BitwiseOr)
        && ((net.sf.jsqlparser.expression.BinaryExpression) e).getRightExpression()
            instanceof LongValue zero
        && zero.getValue() == 0) {
      return ((net.sf.jsqlparser.expression.BinaryExpression) e).getLeftExpression();
    }
    return e;
  }

  /**
   * MySQL HEX(): a string's bytes (UTF-8 here) or an integer's 64-bit two's complement, in upper
   * case. Which one depends on the argument's type, so an argument of unknown type is refused.
   */
  private static void hexOf(PgExpressionDeParser d, Expression e) {
    String digits = Literals.hexDigits(e);
    if (digits != null) {
      // HEX(X'0a') gives the literal's own digits
      String even = digits.length() % 2 == 1 ? "0" + digits : digits;
      if (!even.matches("[0-9A-Fa-f]*")) {
        throw RefusedException.syntax("literal:hex", "Invalid hex literal " + digits + ".");
      }
      d.a("'").a(even.toUpperCase(Locale.ROOT)).a("'");
      return;
    }
    var c = d.columnInfo(e);
    boolean integer = isInteger(d, e);
    if (integer) {
      if (c.isPresent()
          && c.get().mysqlType().toLowerCase(Locale.ROOT).contains("unsigned")
          && TypeMapping.baseType(c.get().mysqlType()).equals("bigint")) {
        throw RefusedException.function(
            "HEX", "HEX of a BIGINT UNSIGNED column can exceed PostgreSQL's bigint.");
      }
      d.a("upper(to_hex(CAST(");
      d.value(e);
      d.a(" AS bigint)))");
      return;
    }
    if (Literals.isBinaryValue(d, e)) {
      d.a("upper(encode(");
      d.p(e);
      d.a(", 'hex'))");
      return;
    }
    if (StringFunctions.isTextValued(e) && StringFunctions.holdsBinary(d, e)) {
      throw RefusedException.function(
          "HEX",
          "HEX("
              + e
              + ") of a string function of a binary string: MySQL's result may be a binary"
              + " string, whose bytes (and positions) PostgreSQL's text functions do not keep.");
    }
    boolean string =
        (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty()))
            || (c.isPresent() && TypeMapping.isText(c.get().mysqlType()))
            || StringFunctions.isTextValued(e);
    if (string) {
      d.a("upper(encode(convert_to(");
      d.text(e);
      d.a(", 'UTF8'), 'hex'))");
      return;
    }
    throw RefusedException.function(
        "HEX",
        "HEX("
            + e
            + ") hexes a string's bytes or an integer's value depending on the argument type,"
            + " which is not known here.");
  }
}
