package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.integer;
import static io.dualwrite.rewriter.Functions.name;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
          Map.entry("HEX", EncodingFunctions::hex));

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

  private static void sha1(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    throw RefusedException.function(
        n, "SHA1 has no core PostgreSQL function (pgcrypto is not available).");
  }

  private static void hex(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    hexOf(d, args.get(0));
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
    boolean integer =
        e instanceof LongValue
            || (e instanceof SignedExpression s
                && s.getSign() == '-'
                && s.getExpression() instanceof LongValue)
            || (c.isPresent() && TypeMapping.isInteger(c.get().mysqlType()));
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
    boolean binary = c.isPresent() && TypeMapping.isBinary(c.get().mysqlType());
    if (binary) {
      d.a("upper(encode(");
      d.p(e);
      d.a(", 'hex'))");
      return;
    }
    boolean string =
        (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty()))
            || (c.isPresent() && TypeMapping.isText(c.get().mysqlType()))
            || (e instanceof Function f
                && Set.of(
                        "CONCAT",
                        "LOWER",
                        "UPPER",
                        "CONCAT_WS",
                        "SUBSTRING",
                        "SUBSTR",
                        "TRIM",
                        "REPLACE")
                    .contains(name(f)));
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
