package io.dualwrite.rewriter;

import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.StringValue;

/**
 * MySQL's collations on PostgreSQL.
 *
 * <p><b>Case-insensitive columns.</b> MySQL 8's default {@code utf8mb4_0900_ai_ci} ignores case and
 * accents ({@code 'Muller' = 'Müller'}, {@code Ömer} sorts with O) and weighs punctuation before
 * digits ({@code '2>7' < '20'}): PostgreSQL's ICU collation {@code und-u-ks-level1},
 * nondeterministic, sorts and compares exactly so (checked on 3,000 strings of letters, accents,
 * scripts, digits, punctuation, spaces and emoji against MySQL 9.7.4). When the PostgreSQL side has
 * it as {@link #AI_CI} ({@link #CREATE_AI_CI}), such a column's sort keys and comparisons are
 * printed {@code ((x) COLLATE dualwrite_ai_ci)}; otherwise, and for the other {@code _ci}
 * collations ({@code utf8mb4_general_ci}, MariaDB's default, has per-character weights no ICU
 * locale gives), {@code lower(x)}, which folds case only. LIKE, regular expressions and string
 * searches fail under a nondeterministic collation in PostgreSQL 15/16: they keep {@code lower()}.
 *
 * <p><b>An explicit {@code x COLLATE utf8mb4_bin} or {@code x COLLATE utf8mb4_0900_bin}.</b> MySQL
 * compares by code point, which for UTF-8 text is PostgreSQL's byte order, {@code COLLATE "C"}. The
 * explicit collation outranks a column's (a {@code _ci} column compares case-sensitively then).
 * {@code utf8mb4_bin} is PAD SPACE: trailing spaces do not count in comparisons and sorting ({@code
 * 'a ' = 'a'}), so both operands lose them ({@code rtrim(x, ' ')}); {@code utf8mb4_0900_bin} is NO
 * PAD. LIKE does not pad in MySQL (MySQL 9.7.4: {@code 'a ' COLLATE utf8mb4_bin LIKE 'a'} is 0).
 * Translated in comparisons ({@code = <> < <= > >=}), LIKE and ORDER BY; anywhere else the node is
 * refused ({@link UntranslatableExpressionDeParser}).
 */
public final class Collations {

  /** The collation's name; unqualified, found through the session's search_path. */
  public static final String AI_CI = "dualwrite_ai_ci";

  /** The statement that creates it (PostgreSQL built with ICU, 12 or later). */
  public static final String CREATE_AI_CI =
      "CREATE COLLATION IF NOT EXISTS "
          + AI_CI
          + " (provider = icu, locale = 'und-u-ks-level1', deterministic = false)";

  /**
   * Collations whose {@code upper()}/{@code lower()} map every letter by Unicode's simple case
   * mapping, as MySQL's UPPER/LOWER do ({@code 'ß'} stays, {@code 'ü'} becomes {@code 'Ü'}):
   * glibc's {@code C.UTF-8} locale, named so by PostgreSQL's initdb. ICU's would map {@code 'ß'} to
   * {@code 'SS'}.
   */
  public static final java.util.List<String> CASE_MAPPING = java.util.List.of("C.utf8", "C.UTF-8");

  /**
   * Asks PostgreSQL for {@link SchemaCatalog#postgresCaseCollation()}: one row, NULL when {@code
   * upper('é')} is already {@code 'É'} and {@code upper('ß')} {@code 'ß'} (a database whose {@code
   * lc_ctype} is a UTF-8 libc locale; an ICU default locale maps {@code 'ß'} to {@code 'SS'}), else
   * the first {@link #CASE_MAPPING} collation usable in this database, or NULL.
   */
  public static final String CASE_MAPPING_SQL =
      "SELECT CASE WHEN upper('\u00e9') = '\u00c9' AND upper('\u00df') = '\u00df' THEN NULL"
          + " ELSE (SELECT collname FROM"
          + " pg_collation WHERE collname IN ('C.utf8', 'C.UTF-8') AND collencoding IN (-1,"
          + " (SELECT encoding FROM pg_database WHERE datname = current_database()))"
          + " AND pg_collation_is_visible(oid) ORDER BY collname DESC LIMIT 1) END";

  private Collations() {}

  /**
   * Prints MySQL's UPPER/LOWER ({@code function} is {@code upper} or {@code lower}) of text {@code
   * e}: under {@link SchemaCatalog#postgresCaseCollation()} when PostgreSQL's own changes ASCII
   * letters only, the result's collation put back to the database's ({@code COLLATE "default"}, so
   * it compares and sorts with other text as before).
   */
  static void caseMapped(PgExpressionDeParser d, String function, Expression e) {
    String collation = d.ctx.catalog.postgresCaseCollation();
    if (collation == null) {
      d.a(function).a("(");
      d.text(e);
      d.a(")");
      return;
    }
    d.a("(").a(function).a("((");
    d.text(e);
    d.a(") COLLATE \"").a(collation.replace("\"", "\"\"")).a("\") COLLATE \"default\")");
  }

  /**
   * Prints the grouping key of a case-insensitive GROUP BY or DISTINCT column ({@code column}
   * prints the column itself): {@code ((col) COLLATE dualwrite_ai_ci)} for an accent-insensitive
   * one ({@link #accentInsensitive}), else {@code lower(col)}. GROUPING() names the same key.
   */
  static void groupKey(PgExpressionDeParser d, Expression c, Runnable column) {
    boolean accents = accentInsensitive(d, c);
    d.a(accents ? "((" : "lower(");
    column.run();
    d.a(accents ? ") COLLATE " + AI_CI + ")" : ")");
  }

  /** Whether e is {@code utf8mb4_0900_ai_ci} text and PostgreSQL has {@link #AI_CI}. */
  static boolean accentInsensitive(PgExpressionDeParser d, Expression e) {
    return d.ctx.catalog.postgresHasCollation(AI_CI) && d.isAccentInsensitiveText(e);
  }

  /**
   * Whether two string literals compare ignoring accents: under the connection's collation, which
   * Connector/J's {@code SET NAMES utf8mb4} makes utf8mb4's default; taken to be {@code
   * utf8mb4_0900_ai_ci} where that is the database's default (a MySQL 8+ server; MariaDB's is not
   * reported), and PostgreSQL has {@link #AI_CI}.
   */
  static boolean connectionIgnoresAccents(PgExpressionDeParser d) {
    return "utf8mb4_0900_ai_ci".equalsIgnoreCase(d.ctx.catalog.mysqlDefaultCollation())
        && d.ctx.catalog.postgresHasCollation(AI_CI);
  }

  /**
   * Prints e's text as a case-insensitive sort key or comparison operand: under {@link #AI_CI} when
   * e is accent-insensitive ({@link #accentInsensitive}), else lower-cased.
   */
  static void folded(PgExpressionDeParser d, Expression e, boolean accents) {
    if (accents) {
      // in brackets: a BETWEEN bound cannot take a bare COLLATE
      d.a("((");
      d.text(e);
      d.a(") COLLATE ").a(AI_CI).a(")");
    } else {
      d.a("lower(");
      d.text(e);
      d.a(")");
    }
  }

  /** The code-point collations of utf8mb4, and whether each is PAD SPACE. */
  private static final Map<String, Boolean> BINARY =
      Map.of("utf8mb4_bin", true, "utf8mb4_0900_bin", false);

  /** True when e is {@code x COLLATE} one of the code-point collations of utf8mb4. */
  static boolean isBinary(Expression e) {
    return e instanceof CollateExpression c && BINARY.containsKey(name(c));
  }

  private static String name(CollateExpression c) {
    String n = c.getCollate().trim();
    if (n.length() >= 2 && (n.startsWith("'") || n.startsWith("`") || n.startsWith("\""))) {
      n = n.substring(1, n.length() - 1);
    }
    return n.toLowerCase(Locale.ROOT);
  }

  /**
   * l op r when either side carries a code-point COLLATE: printed as a comparison of their text
   * under {@code "C"} (trailing spaces removed under PAD SPACE); false when neither does.
   */
  static boolean comparison(PgExpressionDeParser d, Expression l, Expression r, String op) {
    if (!isBinary(l) && !isBinary(r)) {
      return false;
    }
    if (isBinary(l)
        && isBinary(r)
        && !name((CollateExpression) l).equals(name((CollateExpression) r))) {
      // MySQL: "Illegal mix of collations" (error 1267) between two explicit collations
      throw RefusedException.syntax(
          "collate", "Two different explicit collations are compared (a MySQL error).");
    }
    boolean pad = isPadSpace(l) || isPadSpace(r);
    codePoint(d, () -> operand(d, l, pad));
    d.a(op);
    codePoint(d, () -> operand(d, r, pad));
    return true;
  }

  /**
   * Prints {@code (operand) COLLATE "C"}. A comparison by code point puts it on both operands: an
   * operand can carry an explicit collation of its own (UPPER/LOWER's {@code COLLATE "default"},
   * {@link #caseMapped}), which PostgreSQL refuses to mix with the other's explicit "C".
   */
  static void codePoint(PgExpressionDeParser d, Runnable operand) {
    d.a("(");
    operand.run();
    d.a(") COLLATE \"C\"");
  }

  /** An ORDER BY key with a code-point COLLATE, sorted as MySQL does; false for any other key. */
  static boolean orderKey(PgExpressionDeParser d, Expression e) {
    if (!isBinary(e)) {
      return false;
    }
    operand(d, e, isPadSpace(e));
    d.a(" COLLATE \"C\"");
    return true;
  }

  /** The text of an operand of LIKE: the COLLATE'd string itself (LIKE does not pad). */
  static void likeOperand(PgExpressionDeParser d, Expression e) {
    operand(d, e, false);
  }

  private static boolean isPadSpace(Expression e) {
    return e instanceof CollateExpression c && Boolean.TRUE.equals(BINARY.get(name(c)));
  }

  private static void operand(PgExpressionDeParser d, Expression e, boolean pad) {
    Expression x = e instanceof CollateExpression c && isBinary(c) ? c.getLeftExpression() : e;
    if (!isText(d, x)) {
      throw RefusedException.syntax(
          "collate",
          "COLLATE "
              + (e instanceof CollateExpression c ? name(c) : "")
              + " is translated only where both operands are known strings (a text column, a"
              + " string literal, a parameter, a string function): MySQL compares a number with a"
              + " string as numbers ("
              + x
              + ").");
    }
    if (pad) {
      d.a("rtrim(");
      d.text(x);
      d.a(", ' ')");
    } else {
      d.text(x);
    }
  }

  private static boolean isText(PgExpressionDeParser d, Expression x) {
    return (x instanceof StringValue s && !StringFunctions.isBinaryIntroduced(s))
        || x instanceof JdbcParameter
        || (StringFunctions.isTextValued(x) && !StringFunctions.holdsBinary(d, x))
        || d.columnInfo(x).filter(i -> TypeMapping.isText(i.mysqlType())).isPresent();
  }
}
