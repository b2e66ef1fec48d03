package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.integer;
import static io.dualwrite.rewriter.Functions.same;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;

/** MySQL string functions (CONCAT, SUBSTRING, LOCATE, UPPER, ...) printed for PostgreSQL. */
final class StringFunctions {

  /**
   * Functions whose result is a string made from their arguments' text, printed as a text value on
   * PostgreSQL. MySQL's result is a binary string when an argument is one ({@link #holdsBinary}).
   * The result has its string arguments' collation.
   */
  static final Set<String> TEXT_OF_ARGUMENTS =
      Set.of(
          "CONCAT",
          "CONCAT_WS",
          "LOWER",
          "UPPER",
          "LCASE",
          "UCASE",
          "SUBSTRING",
          "SUBSTR",
          "MID",
          "TRIM",
          "LTRIM",
          "RTRIM",
          "REPLACE",
          "LEFT",
          "RIGHT",
          "LPAD",
          "RPAD",
          "REPEAT",
          "REVERSE",
          "SUBSTRING_INDEX");

  /**
   * Functions whose result is text whatever their arguments: digits, a hash or a code (HEX of a
   * binary string is text too).
   */
  private static final Set<String> ALWAYS_TEXT = Set.of("HEX", "MD5", "TO_BASE64", "SPACE");

  /**
   * A call of a function whose result is a string ({@code CONCAT}, {@code LEFT}, {@code TRIM},
   * {@code HEX}, ...), printed as a text value on PostgreSQL.
   */
  static boolean isTextValued(Expression e) {
    if (e instanceof TrimFunction) {
      return true;
    }
    if (!(e instanceof Function f)) {
      return false;
    }
    String n = PgExpressionDeParser.upper(f.getName());
    return TEXT_OF_ARGUMENTS.contains(n) || ALWAYS_TEXT.contains(n);
  }

  /**
   * The arguments of a call whose result is made of its arguments' text ({@link
   * #TEXT_OF_ARGUMENTS}, and TRIM, which JSqlParser reads as a node of its own); null for any other
   * expression.
   */
  static List<Expression> textArguments(Expression e) {
    List<Expression> args = new java.util.ArrayList<>();
    if (e instanceof TrimFunction t) {
      if (t.getExpression() != null) {
        args.add(t.getExpression());
      }
      if (t.getFromExpression() != null) {
        args.add(t.getFromExpression());
      }
      return args;
    }
    if (!(e instanceof Function f)
        || !TEXT_OF_ARGUMENTS.contains(PgExpressionDeParser.upper(f.getName()))) {
      return null;
    }
    if (f.getParameters() != null) {
      for (Object a : f.getParameters()) {
        if (a instanceof Expression x) {
          args.add(x);
        }
      }
    }
    return args;
  }

  /**
   * True when {@code e} is, or is a string function ({@link #textArguments}) of, at any depth, a
   * binary string: a binary column, a binary function's result (UNHEX, ...), a hex or bit literal,
   * a {@code _binary} string. MySQL's result is then binary where no text column takes precedence
   * ({@code CONCAT('a', X'41')}; {@code CONCAT(name, X'41')} is text): an over-approximation, for
   * where a binary result must not be translated as text.
   */
  static boolean holdsBinary(PgExpressionDeParser d, Expression e) {
    if (Literals.isBinaryValue(d, e) || isBinaryIntroduced(e)) {
      return true;
    }
    List<Expression> args = textArguments(e);
    return args != null && args.stream().anyMatch(a -> holdsBinary(d, a));
  }

  /**
   * True when {@code e} is, or is a string function of, at any depth, a binary column: MySQL's
   * result then has the binary collation (a column's precedence is above a literal's or a
   * function's), so it compares case-sensitively ({@code CONCAT(name, bin_col) = 'x'}).
   */
  static boolean holdsBinaryColumn(PgExpressionDeParser d, Expression e) {
    if (Literals.isBinaryColumn(d, e)) {
      return true;
    }
    List<Expression> args = textArguments(e);
    return args != null && args.stream().anyMatch(a -> holdsBinaryColumn(d, a));
  }

  /**
   * A string literal MySQL reads as binary: {@code _binary'x'}, {@code B'01'}, {@code X'41'}.
   * {@code N'5'} and the other character set introducers make a character string.
   */
  static boolean isBinaryIntroduced(Expression e) {
    if (!(e instanceof StringValue s) || s.getPrefix() == null) {
      return false;
    }
    String prefix = s.getPrefix().toUpperCase(Locale.ROOT);
    return prefix.equals("_BINARY") || prefix.equals("B") || prefix.equals("X");
  }

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("REVERSE", bytePositions(same(1), 0)),
          Map.entry("REPEAT", StringFunctions::repeat),
          Map.entry("LEFT", bytePositions(same(1), 0)),
          Map.entry("RIGHT", bytePositions(same(1), 0)),
          Map.entry("REPLACE", same(Integer.MAX_VALUE)),
          Map.entry("ASCII", StringFunctions::ascii),
          Map.entry("UPPER", StringFunctions::caseChange),
          Map.entry("LOWER", StringFunctions::caseChange),
          Map.entry("UCASE", StringFunctions::caseChange),
          Map.entry("LCASE", StringFunctions::caseChange),
          Map.entry("CONCAT", StringFunctions::concat),
          Map.entry("CONCAT_WS", StringFunctions::concatWs),
          Map.entry("LENGTH", StringFunctions::octetLength),
          Map.entry("OCTET_LENGTH", StringFunctions::octetLength),
          Map.entry("BIT_LENGTH", StringFunctions::bitLength),
          Map.entry("CHAR_LENGTH", StringFunctions::charLength),
          Map.entry("CHARACTER_LENGTH", StringFunctions::charLength),
          Map.entry("SUBSTRING", bytePositions(StringFunctions::substring, 0)),
          Map.entry("SUBSTR", bytePositions(StringFunctions::substring, 0)),
          Map.entry("MID", bytePositions(StringFunctions::substring, 0)),
          Map.entry("TRIM", StringFunctions::trim),
          Map.entry("LTRIM", StringFunctions::trim),
          Map.entry("RTRIM", StringFunctions::trim),
          Map.entry("LPAD", bytePositions(StringFunctions::pad, 0)),
          Map.entry("RPAD", bytePositions(StringFunctions::pad, 0)),
          Map.entry("LOCATE", bytePositions(StringFunctions::locate, 1)),
          Map.entry("POSITION", bytePositions(StringFunctions::locate, 1)),
          Map.entry("INSTR", bytePositions(StringFunctions::instr, 0)),
          Map.entry("SUBSTRING_INDEX", StringFunctions::substringIndex),
          Map.entry("FIND_IN_SET", StringFunctions::findInSet),
          Map.entry("FIELD", StringFunctions::field),
          Map.entry("SPACE", StringFunctions::space),
          Map.entry("TO_BASE64", StringFunctions::toBase64),
          Map.entry("ELT", StringFunctions::elt),
          Map.entry("STRCMP", StringFunctions::strcmp));

  private StringFunctions() {}

  /**
   * {@code printer}, refused when argument {@code index} is a binary column, a binary function's
   * result (UNHEX, FROM_BASE64, UUID_TO_BIN) or a string function of a binary string ({@link
   * #holdsBinary}): MySQL counts a binary string's positions and lengths in bytes, PostgreSQL's
   * text functions in characters, so any byte above 0x7F would shift them. Hex literals are left to
   * the printer (their bytes are known here).
   */
  private static Functions.Printer bytePositions(Functions.Printer printer, int index) {
    return (d, f, n, args) -> {
      if (args.size() > index) {
        Expression a = args.get(index);
        if (Literals.isBinaryColumn(d, a)
            || Literals.isBinaryFunction(a)
            || (textArguments(a) != null && holdsBinary(d, a))) {
          throw RefusedException.function(
              n,
              n
                  + " of a binary string counts bytes in MySQL and characters on PostgreSQL: not"
                  + " translated.");
        }
      }
      printer.print(d, f, n, args);
    };
  }

  /**
   * ASCII(s): the first byte of the string's utf8mb4 encoding (ASCII('é') is 195, not the code
   * point 233 that PostgreSQL's ascii() gives), of a binary string its first byte; 0 for an empty
   * string (the empty first byte reads as 00).
   */
  private static void ascii(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    Expression e = args.get(0);
    d.a("CAST(CAST('x' || lpad(encode(substring(");
    bytesOf(d, e);
    d.a(" from 1 for 1), 'hex'), 2, '0') AS bit(8)) AS integer)");
  }

  /**
   * STRCMP(a, b): -1, 0 or 1 as a sorts before, equal to or after b under MySQL's collation, NULL
   * when either is NULL. Translated where MySQL compares case-insensitively, as the rewriter's
   * comparisons of such operands are ({@code lower()} on both sides, here in code point order;
   * accents folded too for an accent-insensitive column of MySQL 8+): with a case-insensitive text
   * column, or between string literals and parameters (the connection's collation, case-insensitive
   * by default). A literal must hold only ASCII letters, digits and spaces, not at its end: there
   * MySQL's collations order as code points of the lower-cased text, while punctuation, accented
   * letters (equal to their base letter) and trailing spaces (ignored by PAD SPACE collations only)
   * order otherwise. Case-sensitive and binary operands, numbers and other expressions are refused.
   */
  private static void strcmp(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    boolean ciColumn = false;
    for (Expression e : args) {
      if (d.isCaseInsensitiveText(e)) {
        ciColumn = true;
      } else if (e instanceof StringValue s
          && (s.getPrefix() == null || s.getPrefix().isEmpty())
          && Literals.hexDigits(e) == null) {
        if (!MysqlLexer.decodeCanonical(s.getValue()).matches("([A-Za-z0-9 ]*[A-Za-z0-9])?")) {
          throw RefusedException.function(
              n,
              "STRCMP is translated with string literals of ASCII letters, digits and inner"
                  + " spaces: MySQL's collations order punctuation, accented letters and trailing"
                  + " spaces otherwise than code points, not "
                  + e
                  + ".");
        }
      } else if (!(e instanceof JdbcParameter || e instanceof NullValue)) {
        throw RefusedException.function(
            n,
            "STRCMP is translated for case-insensitive text columns, string literals and"
                + " parameters: it compares under the arguments' collation, not known for "
                + e
                + ".");
      }
    }
    if (!ciColumn && args.stream().noneMatch(e -> e instanceof StringValue)) {
      throw RefusedException.function(
          n, "STRCMP needs a case-insensitive column or a string literal to know its collation.");
    }
    Functions.repeatable(n, args.get(0));
    Functions.repeatable(n, args.get(1));
    boolean accents = d.foldsAccents(args);
    d.template(
        "CASE WHEN ({#0}) COLLATE \"C\" < ({#1}) COLLATE \"C\" THEN -1 WHEN ({#0}) COLLATE \"C\""
            + " > ({#1}) COLLATE \"C\" THEN 1 WHEN {#0} = {#1} THEN 0 END",
        () -> d.textFolded(args.get(0), true, accents),
        () -> d.textFolded(args.get(1), true, accents));
  }

  /** SPACE(n): n spaces ('' for n <= 0, n rounded as MySQL converts it to an integer). */
  private static void space(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("repeat(' ', CAST(");
    d.value(args.get(0));
    d.a(" AS integer))");
  }

  /**
   * TO_BASE64(s): the base64 of the string's bytes (UTF-8) or of a binary value's bytes, with a
   * newline after every 76 characters, as both MySQL and PostgreSQL's encode() write it.
   */
  private static void toBase64(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    Expression e = args.get(0);
    d.a("encode(");
    bytesOf(d, e);
    d.a(", 'base64')");
  }

  /** ELT(n, s1, s2, ...): the n-th string, NULL when n is out of range (n rounded as in MySQL). */
  private static void elt(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (args.size() < 2) {
      arity(n, args, 2, Integer.MAX_VALUE);
    }
    d.a("(ARRAY[");
    for (int i = 1; i < args.size(); i++) {
      if (i > 1) {
        d.a(", ");
      }
      d.text(args.get(i));
    }
    d.a("])[CAST(");
    d.value(args.get(0));
    d.a(" AS integer)]");
  }

  /** UPPER/LOWER (UCASE/LCASE): a binary string has no letter case. */
  private static void caseChange(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (args.size() == 1) {
      Expression arg = args.get(0);
      if (Literals.isBinaryValue(d, arg)) {
        // a binary string has no letter case: MySQL returns it unchanged
        d.text(arg);
        return;
      }
      if (containsHex(arg) || (textArguments(arg) != null && holdsBinary(d, arg))) {
        throw RefusedException.function(
            n,
            n
                + " of an expression built from a binary string (a hex literal, a binary column)"
                + " is not translated.");
      }
      Collations.caseMapped(d, n.equals("UPPER") || n.equals("UCASE") ? "upper" : "lower", arg);
      return;
    }
    same(1).print(d, f, n, args);
  }

  private static void concat(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    // MySQL: NULL if any argument is NULL, exactly like PostgreSQL's || operator
    if (args.isEmpty()) {
      throw RefusedException.function(n, "CONCAT() needs arguments.");
    }
    d.a("(");
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        d.a(" || ");
      }
      d.text(args.get(i));
    }
    d.a(")");
  }

  private static void concatWs(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    // both skip NULL arguments and return NULL for a NULL separator
    if (args.size() < 2) {
      throw RefusedException.function(n, "CONCAT_WS needs a separator and arguments.");
    }
    d.a("concat_ws(");
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        d.a(", ");
      }
      d.text(args.get(i));
    }
    d.a(")");
  }

  private static void octetLength(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("octet_length(");
    bytesOrText(d, args.get(0));
    d.a(")");
  }

  private static void bitLength(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("(octet_length(");
    bytesOrText(d, args.get(0));
    d.a(") * 8)");
  }

  private static void charLength(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (Literals.isBinaryValue(d, args.get(0))) {
      // a binary string's length is its byte count in MySQL
      octetLength(d, f, n, args);
      return;
    }
    d.a("char_length(");
    d.text(args.get(0));
    d.a(")");
  }

  private static void substring(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 3);
    Expression start = args.get(1);
    if (!(start instanceof LongValue)
        && !(start instanceof SignedExpression sg && sg.getExpression() instanceof LongValue)
        && (ExactNumbers.isIntegerValued(d, start) || start instanceof JdbcParameter)) {
      substringFrom(d, n, args);
      return;
    }
    // MySQL: position 0 gives '', negative counts from the end
    long pos = integer(n, args.get(1), "the start position");
    if (pos < 0) {
      // the last -pos characters (then at most len of them); '' when the string is shorter
      long k = -pos;
      d.a("CASE WHEN char_length(");
      d.text(args.get(0));
      d.a(") >= " + k + " THEN substr(");
      d.text(args.get(0));
      d.a(", char_length(");
      d.text(args.get(0));
      d.a(") - " + (k - 1));
      if (args.size() == 3) {
        d.a(", ");
        substringLength(d, n, args.get(2));
      }
      d.a(") ELSE substr(");
      d.text(args.get(0));
      d.a(", 1, 0) END");
      return;
    }
    if (pos == 0) {
      d.a("substr("); // '' (NULL for a NULL string)
      d.text(args.get(0));
      d.a(", 1, 0)");
      return;
    }
    d.a("substr(");
    d.text(args.get(0));
    d.a(", ").a(String.valueOf(pos));
    if (args.size() == 3) {
      d.a(", ");
      substringLength(d, n, args.get(2));
    }
    d.a(")");
  }

  /**
   * SUBSTRING's length as PostgreSQL's substr takes it: an integer, 0 for a negative one (MySQL
   * gives ''), NULL for NULL (GREATEST(NULL, 0) would be 0: '' instead of MySQL's NULL).
   */
  private static void substringLength(PgExpressionDeParser d, String n, Expression len) {
    if (len instanceof LongValue l) {
      d.a(String.valueOf(Math.max(0, l.getValue())));
      return;
    }
    Functions.repeatable(n, len);
    d.a("CASE WHEN CAST(");
    d.value(len);
    d.a(" AS integer) < 0 THEN 0 ELSE CAST(");
    d.value(len);
    d.a(" AS integer) END");
  }

  /**
   * SUBSTRING(s, p[, len]) with a computed start ({@code SUBSTRING(title, LOCATE(':', title) +
   * 1)}): from p when it is positive, the last -p characters when it is negative and the string is
   * as long, else '' (position 0, or further back than the string), NULL for a NULL p; p and s are
   * evaluated more than once, so they must be deterministic.
   */
  private static void substringFrom(PgExpressionDeParser d, String n, List<Expression> args) {
    Functions.repeatable(n, args.get(0));
    Functions.repeatable(n, args.get(1));
    Runnable s = () -> d.text(args.get(0));
    Runnable p =
        () -> {
          d.a("CAST(");
          d.value(args.get(1));
          d.a(" AS integer)");
        };
    Runnable len =
        () -> {
          if (args.size() == 3) {
            d.a(", ");
            substringLength(d, n, args.get(2));
          }
        };
    d.a("CASE WHEN ");
    p.run();
    d.a(" IS NULL THEN NULL WHEN ");
    p.run();
    d.a(" > 0 THEN substr(");
    s.run();
    d.a(", ");
    p.run();
    len.run();
    d.a(") WHEN char_length(");
    s.run();
    d.a(") >= -");
    p.run();
    d.a(" AND ");
    p.run();
    d.a(" < 0 THEN substr(");
    s.run();
    d.a(", char_length(");
    s.run();
    d.a(") + ");
    p.run();
    d.a(" + 1");
    len.run();
    d.a(") ELSE substr(");
    s.run();
    d.a(", 1, 0) END");
  }

  private static void trim(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    // MySQL LTRIM/RTRIM/TRIM(x) remove spaces only
    d.a(n.toLowerCase(Locale.ROOT)).a("(");
    d.text(args.get(0));
    d.a(", ' ')");
  }

  private static void pad(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 3);
    d.a(n.toLowerCase(Locale.ROOT)).a("(");
    d.text(args.get(0));
    d.a(", ");
    d.value(args.get(1));
    d.a(", ");
    d.text(args.get(2));
    d.a(")");
  }

  private static void locate(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 3);
    // MySQL searches with the collation: case-insensitive for _ci columns, and accent-insensitive
    // for utf8mb4_0900_ai_ci ones on MySQL (a fold that keeps character positions)
    boolean fold = d.foldsCase(args.subList(0, 2));
    boolean accents = d.foldsAccents(args.subList(0, 2));
    if (args.size() == 2) {
      d.a("strpos(");
      d.textFolded(args.get(1), fold, accents);
      d.a(", ");
      d.textFolded(args.get(0), fold, accents);
      d.a(")");
    } else {
      long start = integer(n, args.get(2), "the start position");
      if (start < 1) {
        d.a("0");
        return;
      }
      d.a("CASE WHEN strpos(substr(");
      d.textFolded(args.get(1), fold, accents);
      d.a(", " + start + "), ");
      d.textFolded(args.get(0), fold, accents);
      d.a(") = 0 THEN 0 ELSE strpos(substr(");
      d.textFolded(args.get(1), fold, accents);
      d.a(", " + start + "), ");
      d.textFolded(args.get(0), fold, accents);
      d.a(") + " + (start - 1) + " END");
    }
  }

  private static void instr(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    boolean fold = d.foldsCase(args);
    boolean accents = d.foldsAccents(args);
    d.a("strpos(");
    d.textFolded(args.get(0), fold, accents);
    d.a(", ");
    d.textFolded(args.get(1), fold, accents);
    d.a(")");
  }

  private static void substringIndex(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 3);
    long count = integer(n, args.get(2), "the count");
    if (count == 0) {
      d.a("CASE WHEN ");
      d.value(args.get(0));
      d.a(" IS NULL THEN NULL ELSE '' END");
    } else if (count > 0) {
      d.a("array_to_string((string_to_array(");
      d.text(args.get(0));
      d.a(", ");
      d.text(args.get(1));
      d.a("))[1:" + count + "], ");
      d.text(args.get(1));
      d.a(")");
    } else {
      d.a("reverse(array_to_string((string_to_array(reverse(");
      d.text(args.get(0));
      d.a("), reverse(");
      d.text(args.get(1));
      d.a(")))[1:" + (-count) + "], reverse(");
      d.text(args.get(1));
      d.a(")))");
    }
  }

  /**
   * REPEAT(s, n): PostgreSQL's repeat takes an integer count; a bigint one (COUNT(*), integer
   * arithmetic) found no function (outside workload 8's histogram, {@code REPEAT('*',
   * COUNT(...))}).
   */
  private static void repeat(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    d.a("repeat(");
    d.text(args.get(0));
    if (args.get(1) instanceof LongValue) {
      d.a(", ");
      d.value(args.get(1));
      d.a(")");
      return;
    }
    d.a(", CAST(");
    d.value(args.get(1));
    d.a(" AS integer))");
  }

  private static void findInSet(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    List<String> members = OrderByPrinter.setMembers(d, args.get(1));
    Expression needle = args.get(0);
    if (members != null
        && ((needle instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty()))
            || needle instanceof JdbcParameter)) {
      // MySQL 9.7.4 evaluates a constant against a SET column by the SET's bits: the answer is
      // the member's place in the column's declaration (FIND_IN_SET('spa', 'spa,wifi') is 2 for
      // SET('pool', 'spa', ...)), not in the value's list
      d.a("CASE WHEN ");
      d.value(needle);
      d.a(" IS NULL OR ");
      d.value(args.get(1));
      d.a(" IS NULL THEN NULL WHEN array_position(string_to_array(");
      d.textFolded(args.get(1), true);
      d.a(", ','), ");
      d.textFolded(needle, true);
      d.a(") IS NULL THEN 0 ELSE COALESCE(array_position(ARRAY[");
      for (int i = 0; i < members.size(); i++) {
        d.a(i > 0 ? ", " : "")
            .a("'")
            .a(members.get(i).toLowerCase(java.util.Locale.ROOT).replace("'", "''"))
            .a("'");
      }
      d.a("]::text[], ");
      d.textFolded(needle, true);
      d.a("), 0) END");
      return;
    }
    d.a("CASE WHEN ");
    d.value(args.get(0));
    d.a(" IS NULL OR ");
    d.value(args.get(1));
    d.a(" IS NULL THEN NULL ELSE COALESCE(array_position(string_to_array(");
    boolean fold = d.foldsCase(args);
    d.textFolded(args.get(1), fold);
    d.a(", ','), ");
    d.textFolded(args.get(0), fold);
    d.a("), 0) END");
  }

  private static void field(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (args.size() < 2) {
      throw RefusedException.function(n, "FIELD needs at least two arguments.");
    }
    d.a("CASE WHEN ");
    d.value(args.get(0));
    d.a(" IS NULL THEN 0");
    boolean fold = d.foldsCase(args);
    // a utf8mb4_0900_ai_ci column among them: compared under dualwrite_ai_ci, accents ignored
    boolean accents = fold && args.stream().anyMatch(a -> Collations.accentInsensitive(d, a));
    for (int i = 1; i < args.size(); i++) {
      d.a(" WHEN ");
      if (accents) {
        Collations.folded(d, args.get(0), true);
        d.a(" = ");
        Collations.folded(d, args.get(i), true);
      } else if (fold) {
        d.textFolded(args.get(0), true);
        d.a(" = ");
        d.textFolded(args.get(i), true);
      } else {
        d.value(args.get(0));
        d.a(" = ");
        d.value(args.get(i));
      }
      d.a(" THEN " + i);
    }
    d.a(" ELSE 0 END");
  }

  /** True when a hex literal (a binary string) is one of e's function arguments, at any depth. */
  private static boolean containsHex(Expression e) {
    if (Literals.hexDigits(e) != null) {
      return true;
    }
    if (e instanceof Function f && f.getParameters() != null) {
      for (Object a : f.getParameters()) {
        if (a instanceof Expression x && containsHex(x)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The bytes MySQL sees of {@code e}: a binary value's own, a string's UTF-8 encoding. */
  static void bytesOf(PgExpressionDeParser d, Expression e) {
    if (Literals.isBinaryValue(d, e)) {
      d.p(e);
    } else {
      d.a("convert_to(");
      d.text(e);
      d.a(", 'UTF8')");
    }
  }

  static void bytesOrText(PgExpressionDeParser d, Expression e) {
    if (Literals.isBinaryValue(d, e)) {
      d.p(e);
    } else {
      d.text(e);
    }
  }

  static void trimFrom(PgExpressionDeParser d, TrimFunction t) {
    if (t.isUsingFromKeyword() || t.getTrimSpecification() != null) {
      d.a("TRIM(");
      if (t.getTrimSpecification() != null) {
        d.a(t.getTrimSpecification().name()).a(" ");
      }
      if (t.getExpression() != null) {
        d.text(t.getExpression());
        d.a(" ");
      }
      d.a("FROM ");
      d.text(t.getFromExpression());
      d.a(")");
    } else {
      d.a("TRIM(");
      d.text(t.getExpression());
      d.a(")");
    }
  }
}
