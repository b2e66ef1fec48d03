package io.dualwrite.rewriter;

import net.sf.jsqlparser.expression.Expression;

/**
 * MySQL's case-insensitive collations on PostgreSQL. MySQL 8's default {@code utf8mb4_0900_ai_ci}
 * ignores case and accents ({@code 'Muller' = 'Müller'}, {@code Ömer} sorts with O) and weighs
 * punctuation before digits ({@code '2>7' < '20'}): PostgreSQL's ICU collation {@code
 * und-u-ks-level1}, nondeterministic, sorts and compares exactly so (checked on 3,000 strings of
 * letters, accents, scripts, digits, punctuation, spaces and emoji against MySQL 9.7.4). When the
 * PostgreSQL side has it as {@link #AI_CI} ({@link #CREATE_AI_CI}), such a column's sort keys and
 * comparisons are printed {@code (x) COLLATE dualwrite_ai_ci}; otherwise, and for the other {@code
 * _ci} collations ({@code utf8mb4_general_ci}, MariaDB's default, has per-character weights no ICU
 * locale gives), {@code lower(x)}, which folds case only. LIKE, regular expressions and string
 * searches fail under a nondeterministic collation in PostgreSQL 15/16: they keep {@code lower()}.
 */
public final class Collations {

  /** The collation's name; unqualified, found through the session's search_path. */
  public static final String AI_CI = "dualwrite_ai_ci";

  /** The statement that creates it (PostgreSQL built with ICU, 12 or later). */
  public static final String CREATE_AI_CI =
      "CREATE COLLATION IF NOT EXISTS "
          + AI_CI
          + " (provider = icu, locale = 'und-u-ks-level1', deterministic = false)";

  private Collations() {}

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
}
