package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;

import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * MySQL functions over the codes of values: ORD (a character's UTF-8 bytes as a number), BIN, OCT
 * and CONV (an integer's digits), MAKE_SET and EXPORT_SET (strings chosen by bits), UNHEX (hex
 * digits to bytes), QUOTE, INSERT (a character range replaced), INET_NTOA / IS_IPV4 (dotted IPv4
 * text), INTERVAL (the rank of a number among bounds) and the {@code ~} operator, written out in
 * PostgreSQL from MySQL's definitions (item_strfunc.cc, item_inetfunc.cc, item_cmpfunc.cc).
 */
final class CodeFunctions {

  /** One IPv4 octet as MySQL reads it: at most three digits, at most 255. */
  private static final String OCTET = "([01]?[0-9]?[0-9]|2[0-4][0-9]|25[0-5])";

  /** A UUID as MySQL's IS_UUID accepts it: 32 hex digits, 8-4-4-4-12, or that in braces. */
  private static final String UUID_FORM =
      "^([0-9a-fA-F]{32}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"
          + "|\\{[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\\})$";

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          // ORD(s): the first character's bytes in utf8mb4 read as a big-endian number (ORD('é')
          // is 50089, 0xC3A9), 0 for the empty string
          Map.entry(
              "ORD",
              ofText(
                  "CAST(CAST('x' || lpad(encode(convert_to(left(",
                  ", 1), 'UTF8'), 'hex'), 8, '0') AS bit(32)) AS bigint)")),
          Map.entry("BIN", CodeFunctions::bin),
          Map.entry("OCT", CodeFunctions::oct),
          Map.entry("CONV", CodeFunctions::conv),
          Map.entry("MAKE_SET", CodeFunctions::makeSet),
          Map.entry("EXPORT_SET", CodeFunctions::exportSet),
          Map.entry("UNHEX", CodeFunctions::unhex),
          Map.entry("FROM_BASE64", CodeFunctions::fromBase64),
          // QUOTE(s): s between single quotes, with backslash, single quote and Ctrl-Z escaped
          // (MySQL's NUL escape cannot occur in PostgreSQL text); the word NULL for NULL
          Map.entry(
              "QUOTE",
              ofText(
                  "coalesce('''' || replace(replace(replace(",
                  ", '\\', '\\\\'), '''', '\\'''), chr(26), '\\Z') || '''', 'NULL')")),
          Map.entry("INSERT", CodeFunctions::insert),
          Map.entry("INET_NTOA", CodeFunctions::inetNtoa),
          Map.entry("INET_ATON", CodeFunctions::inetAton),
          // IS_IPV4(s): 1 for four dotted octets of up to three digits each, at most 255; 0 else
          Map.entry(
              "IS_IPV4",
              ofText("CAST((", ") ~ '^" + OCTET + "(\\." + OCTET + "){3}$' AS integer)")),
          Map.entry("INTERVAL", CodeFunctions::interval),
          Map.entry("FORMAT", CodeFunctions::format),
          // IS_UUID(s): 1 for 32 hex digits, 8-4-4-4-12 or that in braces; 0 else, NULL for NULL
          Map.entry("IS_UUID", ofText("CAST((", ") ~ '" + UUID_FORM + "' AS integer)")),
          Map.entry("UUID_TO_BIN", CodeFunctions::uuidToBin),
          Map.entry("BIN_TO_UUID", CodeFunctions::binToUuid));

  private CodeFunctions() {}

  /**
   * A function of one character string: {@code before}, the argument as text, {@code after}. A
   * binary string (MySQL works on its bytes, not characters) is refused.
   */
  private static Functions.Printer ofText(String before, String after) {
    return (d, f, n, args) -> {
      arity(n, args, 1, 1);
      refuseBinary(d, n, args.get(0));
      d.a(before);
      d.text(args.get(0));
      d.a(after);
    };
  }

  /**
   * BIN(n): the bits of an integer's 64-bit two's complement without leading zeros (BIN(-1) is 64
   * ones, BIN(0) is '0'). Other arguments (MySQL rounds a DECIMAL, reads a string's leading digits,
   * a BIGINT UNSIGNED can exceed bigint) are refused.
   */
  private static void bin(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    Expression e = integerArgument(d, n, args);
    d.a("substring(CAST(CAST(CAST(");
    d.value(e);
    d.a(" AS bigint) AS bit(64)) AS text) from '1.*$|0$')");
  }

  /**
   * OCT(n): the octal digits of an integer's 64-bit two's complement without leading zeros (OCT(-1)
   * is 1777777777777777777777, OCT(0) is '0'), NULL for NULL: each 3-bit group shifted out of the
   * bigint (the top group holds bit 63 alone), the argument evaluated once. Other arguments as for
   * BIN.
   */
  private static void oct(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    Expression e = integerArgument(d, n, args);
    d.a("(SELECT regexp_replace(string_agg(CAST((dw_v.x >> (3 * dw_k)) & CASE WHEN dw_k = 21");
    d.a(" THEN 1 ELSE 7 END AS text), '' ORDER BY dw_k DESC), '^0+(?=.)', '') FROM (SELECT CAST(");
    d.value(e);
    d.a(" AS bigint) AS x) AS dw_v, generate_series(0, 21) AS dw_k)");
  }

  /**
   * CONV(n, from_base, to_base) of an integer n read in base 10 (from_base 10 or -10): the digits
   * of n in base |to_base| (2..36, upper-case letters), n taken as unsigned 64-bit for a positive
   * to_base (CONV(-1, 10, 16) is FFFFFFFFFFFFFFFF) and signed for a negative one (CONV(-17, 10,
   * -18) is -H); NULL when n is NULL. The bases must be integer literals. A string n (MySQL reads
   * its digits up to the first invalid one, clamps an overflow and wraps a negative one by rules of
   * its own), other bases and a BIGINT UNSIGNED n are refused.
   */
  private static void conv(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 3);
    long from = Functions.integer(n, args.get(1), "the bases");
    long to = Functions.integer(n, args.get(2), "the bases");
    Expression e = args.get(0);
    if (Math.abs(from) != 10
        || Math.abs(to) < 2
        || Math.abs(to) > 36
        || !(EncodingFunctions.isInteger(d, e) || e instanceof NullValue)
        || EncodingFunctions.isUnsignedBigint(d, e)) {
      throw RefusedException.function(
          n,
          "CONV is translated for an integer literal or integer column (not BIGINT UNSIGNED) in"
              + " base 10 to a base of 2..36 (negative for a signed result): MySQL reads a string's"
              + " digits up to the first invalid one, clamps an overflow and wraps a negative one"
              + " by rules of its own.");
    }
    long base = Math.abs(to);
    // the digits an unsigned 64-bit value needs in this base
    int digits = new java.math.BigInteger("18446744073709551615").toString((int) base).length();
    String value =
        to > 0
            ? "CASE WHEN dw_x.x < 0 THEN CAST(dw_x.x AS numeric) + 18446744073709551616 ELSE"
                + " CAST(dw_x.x AS numeric) END"
            : "abs(CAST(dw_x.x AS numeric))";
    d.a("(SELECT ").a(to > 0 ? "" : "CASE WHEN bool_or(dw_v.neg) THEN '-' ELSE '' END || ");
    d.a("regexp_replace(string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', CAST(mod(div(");
    d.a("dw_v.u, power(CAST(").a(String.valueOf(base)).a(" AS numeric), dw_k)), ");
    d.a(String.valueOf(base)).a(") AS integer) + 1, 1), '' ORDER BY dw_k DESC), '^0+(?=.)', '')");
    d.a(" FROM (SELECT ").a(value).a(" AS u, dw_x.x < 0 AS neg FROM (SELECT CAST(");
    d.value(e);
    d.a(" AS bigint) AS x) AS dw_x) AS dw_v, generate_series(0, ").a(String.valueOf(digits - 1));
    d.a(") AS dw_k)");
  }

  /**
   * MAKE_SET(bits, s1, s2, ...): the strings whose bit is set in bits (s1 bit 0), comma-separated,
   * NULL strings skipped; NULL when bits is NULL. bits is an integer (MySQL rounds a DECIMAL and
   * reads a string as a number first), at most 64 strings.
   */
  private static void makeSet(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 65);
    Runnable bits = Functions.integerOperand(d, n, args.get(0));
    Functions.repeatable(n, args.get(0));
    StringBuilder t = new StringBuilder("CASE WHEN {#0} IS NOT NULL THEN concat_ws(','");
    Runnable[] parts = new Runnable[args.size()];
    parts[0] = bits;
    for (int i = 1; i < args.size(); i++) {
      Expression e = args.get(i);
      refuseBinary(d, n, e);
      parts[i] = () -> d.text(e);
      t.append(", CASE WHEN {#0} & ").append(bitMask(i - 1)).append(" <> 0 THEN {#");
      t.append(i).append("} END");
    }
    d.template(t.append(") END").toString(), parts);
  }

  /** The bigint with only bit i set (bit 63 is the sign bit: written as an expression). */
  private static String bitMask(int i) {
    return i == 63 ? "(-9223372036854775807 - 1)" : String.valueOf(1L << i);
  }

  /**
   * EXPORT_SET(bits, on, off[, separator[, count]]): for the count lowest bits of bits (64 when
   * omitted, negative or above 64; an integer literal), on for a set bit and off for a clear one,
   * lowest bit first, joined by separator (',' by default); NULL when any argument is NULL. Each
   * argument is evaluated once.
   */
  private static void exportSet(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 5);
    Runnable bits = Functions.integerOperand(d, n, args.get(0));
    for (int i = 1; i < Math.min(args.size(), 4); i++) {
      refuseBinary(d, n, args.get(i));
    }
    long count = args.size() == 5 ? Functions.integer(n, args.get(4), "the bit count") : 64;
    if (count < 0 || count > 64) {
      count = 64;
    }
    Runnable separator = args.size() >= 4 ? () -> d.text(args.get(3)) : () -> d.a("','");
    if (count == 0) {
      d.template(
          "CASE WHEN {#0} IS NULL OR {#1} IS NULL OR {#2} IS NULL OR {#3} IS NULL THEN NULL ELSE ''"
              + " END",
          bits,
          () -> d.text(args.get(1)),
          () -> d.text(args.get(2)),
          separator);
      return;
    }
    d.template(
        "(SELECT CASE WHEN bool_or(dw_v.b IS NULL OR dw_v.y IS NULL OR dw_v.n IS NULL OR dw_v.s IS"
            + " NULL) THEN NULL ELSE string_agg(CASE WHEN (dw_v.b >> dw_k) & 1 = 1 THEN dw_v.y ELSE"
            + " dw_v.n END, dw_v.s ORDER BY dw_k) END FROM (SELECT {#0} AS b, CAST({#1} AS text) AS y,"
            + " CAST({#2} AS text) AS n, CAST({#3} AS text) AS s) AS dw_v, generate_series(0, "
            + (count - 1)
            + ") AS dw_k)",
        bits,
        () -> d.text(args.get(1)),
        () -> d.text(args.get(2)),
        separator);
  }

  /**
   * The one argument of BIN/OCT: an integer literal, an integer column (not BIGINT UNSIGNED) or
   * NULL; MySQL converts other arguments first (a DECIMAL rounded, a string read up to its first
   * non-digit), so they are refused.
   */
  private static Expression integerArgument(
      PgExpressionDeParser d, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    Expression e = args.get(0);
    if (!(EncodingFunctions.isIntegerExpression(d, e) || e instanceof NullValue)) {
      throw RefusedException.function(
          n,
          n
              + " is translated for an integer literal or an integer column, or +, - and * of"
              + " those (not BIGINT UNSIGNED):"
              + " MySQL converts other arguments first (a DECIMAL rounded, a string read up to its"
              + " first non-digit).");
    }
    return e;
  }

  /**
   * UNHEX(s): the bytes of the hex digits (an odd count gets a leading 0), NULL for anything but
   * hex digits, where PostgreSQL's decode would raise an error.
   */
  private static void unhex(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    Expression e = args.get(0);
    refuseBinary(d, n, e);
    Functions.repeatable(n, e);
    d.template(
        "CASE WHEN {#0} ~ '^([0-9A-Fa-f]{2})*$' THEN decode({#0}, 'hex') WHEN {#0} ~ '^[0-9A-Fa-f]+$'"
            + " THEN decode('0' || {#0}, 'hex') END",
        () -> d.text(e));
  }

  /**
   * INSERT(s, pos, len, new): s with the len characters from pos replaced by new; s unchanged when
   * pos is not a position of s, the rest of s replaced when len is negative or reaches past its
   * end; NULL when any argument is NULL. pos and len must be integers (MySQL rounds a DECIMAL).
   */
  private static void insert(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 4, 4);
    Expression s = args.get(0);
    refuseBinary(d, n, s);
    refuseBinary(d, n, args.get(3));
    Functions.repeatable(n, s);
    Functions.repeatable(n, args.get(1));
    Functions.repeatable(n, args.get(2));
    Functions.repeatable(n, args.get(3));
    d.template(
        "CASE WHEN {#1} IS NULL OR {#2} IS NULL OR {#3} IS NULL THEN NULL WHEN {#1} < 1 OR {#1} > char_length({#0}) THEN {#0} ELSE overlay({#0} placing {#3} from"
            + " CAST({#1} AS integer) for CAST(CASE WHEN {#2} < 0 OR {#2} > char_length({#0}) THEN"
            + " char_length({#0}) ELSE {#2} END AS integer)) END",
        () -> d.text(s),
        Functions.integerOperand(d, n, args.get(1)),
        Functions.integerOperand(d, n, args.get(2)),
        () -> d.text(args.get(3)));
  }

  /**
   * INET_NTOA(n): the dotted form of an IPv4 address number 0..4294967295, NULL outside. Integer
   * arguments only (MySQL rounds a DECIMAL and reads a string as a number first).
   */
  private static void inetNtoa(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.template(
        "CASE WHEN {#0} BETWEEN 0 AND 4294967295 THEN concat_ws('.', {#0} >> 24, ({#0} >> 16) & 255,"
            + " ({#0} >> 8) & 255, {#0} & 255) END",
        Functions.integerOperand(d, n, args.get(0)));
  }

  /**
   * INTERVAL(N, N1, N2, ...): how many bounds are at most N (-1 when N is NULL). MySQL searches the
   * bounds as if sorted, so only integer literal bounds in ascending order (none NULL) are
   * translated; N must be a number (a string is compared as a number in MySQL).
   */
  private static void interval(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, Integer.MAX_VALUE);
    Expression value = args.get(0);
    var c = d.columnInfo(value);
    if (value instanceof StringValue || (c.isPresent() && !isNumber(c.get().mysqlType()))) {
      throw RefusedException.function(
          n, "INTERVAL() is translated for a number: MySQL reads a string as a number first.");
    }
    Functions.repeatable(n, value);
    long previous = Long.MIN_VALUE;
    StringBuilder sum = new StringBuilder("coalesce(");
    for (int i = 1; i < args.size(); i++) {
      long bound;
      try {
        bound = Functions.integer(n, args.get(i), "every bound");
      } catch (RefusedException ex) {
        throw RefusedException.function(
            n,
            "INTERVAL() is translated with integer literal bounds in ascending order: MySQL"
                + " searches them as sorted and skips NULL ones.");
      }
      if (i > 1 && bound <= previous) {
        throw RefusedException.function(
            n,
            "INTERVAL() is translated with integer literal bounds in ascending order: MySQL"
                + " searches them as sorted and skips NULL ones.");
      }
      previous = bound;
      sum.append(i > 1 ? " + " : "").append("CAST({#0} >= ").append(bound).append(" AS integer)");
    }
    sum.append(", -1)");
    d.template(sum.toString(), () -> d.value(value));
  }

  /**
   * {@code ~x}: MySQL inverts the 64 bits of x as an unsigned integer (~0 is 18446744073709551615,
   * ~-1 is 0), a BIGINT UNSIGNED; PostgreSQL's {@code ~} is signed. Translated for an integer
   * literal or column (BIGINT UNSIGNED included) as 2^64 - 1 - x, x read as unsigned.
   */
  static void bitInversion(PgExpressionDeParser d, SignedExpression e) {
    Expression x = PgExpressionDeParser.unwrapped(e.getExpression());
    Expression operand = x;
    if (EncodingFunctions.isUnsignedBigint(d, x)) {
      d.a("(18446744073709551615 - ");
      d.p(x);
      d.a(")");
      return;
    }
    if (!(EncodingFunctions.isInteger(d, x) || x instanceof NullValue)) {
      throw RefusedException.syntax(
          "bit-inversion",
          "~ is translated for an integer literal or an integer column: MySQL inverts the 64 bits"
              + " of an unsigned integer and converts other operands first (a DECIMAL rounded, a"
              + " string read as a number).");
    }
    d.template(
        "CASE WHEN {#0} < 0 THEN -1 - CAST({#0} AS numeric) ELSE 18446744073709551615 - CAST({#0}"
            + " AS numeric) END",
        () -> d.p(operand));
  }

  private static boolean isNumber(String mysqlType) {
    return TypeMapping.isInteger(mysqlType)
        || java.util.Set.of("decimal", "numeric", "float", "double", "real")
            .contains(TypeMapping.baseType(mysqlType));
  }

  /** A binary string column: MySQL works on its bytes, not characters. */
  private static void refuseBinary(PgExpressionDeParser d, String n, Expression e) {
    if (Literals.isBinaryValue(d, e)) {
      throw RefusedException.function(
          n, n + " of a binary string works on its bytes in MySQL; not translated.");
    }
  }

  /**
   * FORMAT(x, d) in MySQL's default en_US locale: x rounded half away from zero to d decimals (d a
   * literal; negative is 0, at most 30 as in MySQL 8+), thousands grouped with commas, a point
   * before the decimals. x must be an integer or exact decimal (a literal without exponent or an
   * integer/DECIMAL column): MySQL formats a DOUBLE from its own rounding. A third argument (a
   * locale) is refused.
   */
  /**
   * FORMAT's third argument, a locale: its thousands separator and decimal point, as MySQL 9.7.4
   * prints them (checked there; an empty separator groups nothing). Others are refused, not taken
   * for en_US: MySQL knows some hundred locales, with other groupings too ('12,34,567.89' for
   * en_IN).
   */
  private static final Map<String, String[]> FORMAT_LOCALES =
      Map.ofEntries(
          Map.entry("en_US", new String[] {",", "."}),
          Map.entry("en_GB", new String[] {",", "."}),
          Map.entry("ja_JP", new String[] {",", "."}),
          Map.entry("de_DE", new String[] {".", ","}),
          Map.entry("es_ES", new String[] {".", ","}),
          Map.entry("da_DK", new String[] {".", ","}),
          Map.entry("de_CH", new String[] {"'", "."}),
          Map.entry("sv_SE", new String[] {" ", ","}),
          Map.entry("ru_RU", new String[] {" ", ","}),
          Map.entry("fr_FR", new String[] {"", ","}),
          Map.entry("it_IT", new String[] {"", ","}),
          Map.entry("pt_BR", new String[] {"", ","}),
          Map.entry("nl_NL", new String[] {"", ","}),
          Map.entry("pl_PL", new String[] {"", ","}));

  /**
   * The printers of this family that print their arguments where they stand, not in a subquery
   * ({@code FORMAT(SUM(x) / COUNT(*), 2)} is translated).
   */
  static final java.util.Set<String> IN_PLACE = java.util.Set.of("FORMAT");

  private static void format(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 3);
    String[] separators = FORMAT_LOCALES.get("en_US");
    if (args.size() == 3 && !(args.get(2) instanceof NullValue)) {
      // a NULL locale is en_US's (with a warning)
      separators =
          args.get(2) instanceof StringValue locale
                  && (locale.getPrefix() == null || locale.getPrefix().isEmpty())
              ? FORMAT_LOCALES.get(MysqlLexer.decodeCanonical(locale.getValue()))
              : null;
      if (separators == null) {
        throw RefusedException.function(
            n,
            "FORMAT's locale is translated when it is one of "
                + new java.util.TreeSet<>(FORMAT_LOCALES.keySet())
                + " (their separators as MySQL 9.7.4 prints them), not "
                + args.get(2)
                + ".");
      }
    }
    if (separators[0].equals(",")) {
      formatEnUs(d, n, args);
      return;
    }
    // en_US's text with its separators exchanged: ',' becomes the thousands separator (or goes),
    // '.' the decimal point
    String from = separators[0].isEmpty() ? ".," : ",.";
    String to = separators[0].isEmpty() ? separators[1] : separators[0] + separators[1];
    d.a("translate(");
    formatEnUs(d, n, args);
    d.a(", '").a(from).a("', '").a(to.replace("'", "''")).a("')");
  }

  private static void formatEnUs(PgExpressionDeParser d, String n, List<Expression> args) {
    Expression x = args.get(0);
    long decimals = Math.min(30, Math.max(0, Functions.integer(n, args.get(1), "the decimals")));
    StringBuilder pattern = new StringBuilder("FM");
    pattern.append("999,".repeat(21)).append("990");
    if (decimals > 0) {
      pattern.append('.').append("0".repeat((int) decimals));
    }
    if (!(x instanceof NullValue)
        && !ExactNumbers.isExact(d, x)
        && ArithmeticOperators.isFloating(d, x)
        && !StringNumbers.isString(d, x)
        && !StringNumbers.isEnum(d, x)) {
      formatDouble(d, n, x, decimals, pattern.toString());
      return;
    }
    if (!(x instanceof NullValue) && !ExactNumbers.isExact(d, x)) {
      throw RefusedException.function(
          n,
          "FORMAT is translated for an integer, an exact decimal (a literal, an integer/DECIMAL"
              + " column, +, -, * and / of those) or a DOUBLE/FLOAT: MySQL formats a string from"
              + " its own conversion.");
    }
    Runnable average = AggregateFunctions.averageKeptInside(d, x);
    if (average == null && ExactNumbers.containsAverage(x)) {
      throw RefusedException.function(
          n,
          "FORMAT of an AVG is translated for AVG of an integer or DECIMAL column itself: MySQL"
              + " computes with the average it keeps inside (9 decimals), not the one it shows.");
    }
    d.a("to_char(round(CAST(");
    if (average != null) {
      average.run();
    } else {
      d.value(x);
    }
    d.a(" AS numeric), ").a(String.valueOf(decimals)).a("), '").a(pattern.toString()).a("')");
  }

  /**
   * FORMAT(x, d) of a DOUBLE (or FLOAT, widened exactly), as MySQL 9.7.4 computes it: x times 10^d
   * rounded to an integer by the C library's rint (half to even: FORMAT(2.5e0, 0) is 2, and 2.675e0
   * * 100 is exactly 267.5, so 2.68), divided by 10^d, all in double precision; that double's
   * shortest text (what PostgreSQL prints for a float8) padded to d decimals, a negative zero
   * keeping its sign ('-0.00', as MySQL prints it). Checked on MySQL 9.7.4 on ties, negative zeros,
   * 0.1 to 20 decimals and 1e15 + 0.3.
   */
  private static void formatDouble(
      PgExpressionDeParser d, String n, Expression x, long decimals, String pattern) {
    Functions.repeatable(n, x);
    String scale = "CAST('1e" + decimals + "' AS double precision)";
    // beyond 1e65 the to_char pattern has no room for every digit (MySQL prints them all), and
    // x * 10^d may overflow where MySQL keeps x: fails loudly instead (the CASE names x so that
    // PostgreSQL does not evaluate the failing cast while planning)
    String v =
        "(CASE WHEN abs(CAST({#0} AS double precision)) < 1e65 THEN CAST({#0} AS double precision)"
            + " ELSE CAST(CASE WHEN {#0} IS NOT NULL THEN 'FORMAT of a DOUBLE of 1e65 or more is"
            + " not translated' END AS double precision) END)";
    String r = "(round(" + v + " * " + scale + ") / " + scale + ")";
    d.template(
        "(CASE WHEN CAST("
            + r
            + " AS text) LIKE '-%' THEN '-' ELSE '' END || to_char(abs(CAST(CAST("
            + r
            + " AS text) AS numeric)), '"
            + pattern
            + "'))",
        () -> d.value(x));
  }

  /** The swap flag of UUID_TO_BIN / BIN_TO_UUID: an integer literal (NULL is no swap). */
  private static boolean swapFlag(String n, List<Expression> args) {
    arity(n, args, 1, 2);
    if (args.size() == 1 || args.get(1) instanceof NullValue) {
      return false;
    }
    return Functions.integer(n, args.get(1), "the swap flag") != 0;
  }

  /**
   * UUID_TO_BIN(s[, swap]): the 16 bytes of a UUID in one of IS_UUID's forms, with the time-low and
   * time-high groups swapped when swap is non-zero (a literal); NULL for NULL. MySQL rejects any
   * other string ("Incorrect string value"); PostgreSQL then fails too: such a string is prefixed
   * so that its uuid cast fails (PostgreSQL's uuid input alone accepts more forms). s is evaluated
   * once, so UUID_TO_BIN(UUID()) is translated.
   */
  private static void uuidToBin(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    boolean swap = swapFlag(n, args);
    refuseBinary(d, n, args.get(0));
    d.a(swap ? "decode(regexp_replace(" : "decode(");
    d.a("replace(CAST(CAST(regexp_replace(");
    d.text(args.get(0));
    d.a(", '^(?!" + UUID_FORM.substring(1, UUID_FORM.length() - 1) + "$)', ");
    d.a("'Incorrect string value for function uuid_to_bin: ') AS uuid) AS text), '-', '')");
    d.a(swap ? ", '^(.{8})(.{4})(.{4})', '\\3\\2\\1'), 'hex')" : ", 'hex')");
  }

  /**
   * BIN_TO_UUID(b[, swap]): the lower-case 8-4-4-4-12 text of 16 bytes (time groups swapped back
   * when swap is non-zero, a literal); NULL for NULL; other lengths fail on both (PostgreSQL's uuid
   * cast of the hex digits). b must be a binary string: a binary column, a hex literal, UNHEX() or
   * UUID_TO_BIN(); it is evaluated once.
   */
  private static void binToUuid(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    boolean swap = swapFlag(n, args);
    Expression b = args.get(0);
    if (!(Literals.isBinaryValue(d, b) || b instanceof NullValue)) {
      throw RefusedException.function(
          n,
          n
              + " is translated for a binary string (a binary column, a hex literal, UNHEX(),"
              + " FROM_BASE64() or UUID_TO_BIN()): MySQL reads a character string's bytes.");
    }
    d.a(swap ? "CAST(CAST(regexp_replace(encode(" : "CAST(CAST(encode(");
    d.p(b);
    d.a(swap ? ", 'hex'), '^(.{4})(.{4})(.{8})', '\\3\\2\\1')" : ", 'hex')");
    d.a(" AS uuid) AS text)");
  }

  /**
   * FROM_BASE64(s): the bytes of base64 text, skipping white space (space, tab, CR, LF, VT, FF, as
   * MySQL's decoder does); NULL for anything else, a missing padding or a '=' before the end, where
   * PostgreSQL's decode would raise an error.
   */
  private static void fromBase64(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    Expression e = args.get(0);
    refuseBinary(d, n, e);
    Functions.repeatable(n, e);
    String compact = "regexp_replace({#0}, '[ \\t\\n\\r\\v\\f]', '', 'g')";
    d.template(
        "CASE WHEN "
            + compact
            + " ~ '^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$' THEN decode("
            + compact
            + ", 'base64') END",
        () -> d.text(e));
  }

  /** A part of an INET_ATON address: digits of a value at most 255 (leading zeros allowed). */
  private static final String ATON_PART = "0*([0-9]{1,2}|1[0-9][0-9]|2[0-4][0-9]|25[0-5])";

  /**
   * INET_ATON(s): MySQL's reading of up to four dot-separated parts (each at most 255, an empty one
   * is 0, the last must not be empty): a.b is a.0.0.b, a.b.c is a.b.0.c; NULL for anything else
   * (white space, five parts, a trailing dot).
   */
  private static void inetAton(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    Expression e = args.get(0);
    refuseBinary(d, n, e);
    Functions.repeatable(n, e);
    StringBuilder t = new StringBuilder("CASE WHEN {#0} ~ '^((");
    t.append(ATON_PART).append(")?\\.){0,3}").append(ATON_PART).append("$' THEN CAST(CASE ");
    t.append("length({#0}) - length(replace({#0}, '.', ''))");
    String[] weights = {"16777216", "65536", "256"};
    for (int dots = 0; dots <= 3; dots++) {
      t.append(dots < 3 ? " WHEN " + dots + " THEN " : " ELSE ");
      for (int part = 1; part <= dots + 1; part++) {
        t.append(part > 1 ? " + " : "").append("CAST(coalesce(nullif(split_part({#0}, '.', ");
        t.append(part).append("), ''), '0') AS numeric)");
        if (part <= dots) {
          // the last part is the low byte; the ones before it fill from the top
          t.append(" * ").append(weights[part - 1]);
        }
      }
    }
    t.append(" END AS bigint) END");
    d.template(t.toString(), () -> d.text(e));
  }
}
