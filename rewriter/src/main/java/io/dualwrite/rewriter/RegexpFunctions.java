package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.literal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

/**
 * MySQL regular expression functions (REGEXP_REPLACE, REGEXP_SUBSTR, REGEXP_INSTR, REGEXP_LIKE)
 * printed for PostgreSQL.
 */
final class RegexpFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("REGEXP_REPLACE", RegexpFunctions::replace),
          Map.entry("REGEXP_SUBSTR", RegexpFunctions::match),
          Map.entry("REGEXP_INSTR", RegexpFunctions::match),
          Map.entry("REGEXP_LIKE", RegexpFunctions::match));

  private RegexpFunctions() {}

  private static void replace(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 3);
    String flags = regexFlags(d, n, args.get(0), args.get(1));
    String replacement = literal(n, args.get(2), "the replacement");
    if (replacement.indexOf('$') >= 0 || replacement.indexOf('\\') >= 0) {
      throw RefusedException.function(
          n, "A replacement with $n or \\ references has different syntax in PostgreSQL.");
    }
    d.a("regexp_replace(");
    d.text(args.get(0));
    d.a(", ");
    d.text(args.get(1));
    d.a(", ");
    d.text(args.get(2));
    d.a(", 'g" + flags + "')");
  }

  private static void match(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, n.equals("REGEXP_LIKE") ? 3 : 2);
    String flags = regexFlags(d, n, args.get(0), args.get(1));
    if (args.size() == 3) {
      // REGEXP_LIKE's match_type: 'c' case-sensitive, 'i' insensitive, the rightmost winning
      String type = literal(n, args.get(2), "the match type");
      if (!type.matches("[ci]*")) {
        throw RefusedException.function(
            n,
            "REGEXP_LIKE's match type is translated with 'c' and 'i' ('m', 'n' and 'u' change"
                + " line handling ICU and PostgreSQL do not share), not '"
                + type
                + "'.");
      }
      if (!type.isEmpty()) {
        flags = flags.replace("i", "") + (type.endsWith("i") ? "i" : "");
      }
    }
    if (n.equals("REGEXP_LIKE")) {
      d.a("CAST(regexp_like(");
    } else {
      d.a(n.toLowerCase(Locale.ROOT)).a("(");
    }
    d.text(args.get(0));
    d.a(", ");
    d.text(args.get(1));
    switch (n) {
      case "REGEXP_SUBSTR" -> d.a(", 1, 1, '" + flags + "')");
      case "REGEXP_INSTR" -> d.a(", 1, 1, 0, '" + flags + "')");
      default -> d.a(", '" + flags + "') AS integer)");
    }
  }

  /**
   * The PostgreSQL flags for a MySQL regular expression function: MySQL (ICU) matches under the
   * subject's collation, case-insensitively unless the subject is a column known to be
   * case-sensitive. The pattern must be a literal using only syntax ICU and PostgreSQL read alike:
   * no \\b-style escapes beyond \\d \\s \\w and escaped punctuation, no (? groups.
   */
  private static String regexFlags(
      PgExpressionDeParser d, String n, Expression subject, Expression pattern) {
    String p = literal(n, pattern, "the pattern");
    boolean dot = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      dot |= c == '.';
      if (c == '\\') {
        char next = i + 1 < p.length() ? p.charAt(i + 1) : ' ';
        if ("dDsSwW.\\()[]{}*+?|^$-/".indexOf(next) < 0) {
          throw RefusedException.function(
              n, "The pattern escape \\" + next + " means different things in ICU and PostgreSQL.");
        }
        i++;
      } else if (c == '(' && i + 1 < p.length() && p.charAt(i + 1) == '?') {
        throw RefusedException.function(
            n, "(?...) groups and flags differ between ICU and PostgreSQL patterns.");
      }
    }
    // ICU's . does not match a line break while its [^...] does; PostgreSQL's flag p changes
    // both, so a pattern with both cannot be matched alike
    if (dot && p.contains("[^")) {
      throw RefusedException.function(
          n, "A pattern with both . and [^...] treats line breaks differently in PostgreSQL.");
    }
    var info = d.columnInfo(subject);
    boolean sensitive = info.isPresent() && !info.get().caseInsensitive();
    return (sensitive ? "" : "i") + (dot ? "p" : "");
  }
}
