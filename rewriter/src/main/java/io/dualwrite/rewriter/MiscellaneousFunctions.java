package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;

import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

/** MySQL miscellaneous functions (SLEEP) printed for PostgreSQL. */
final class MiscellaneousFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(Map.entry("SLEEP", MiscellaneousFunctions::sleep));

  private MiscellaneousFunctions() {}

  /**
   * SLEEP(n): pauses n seconds (a fraction allowed), then gives the BIGINT 0, each time it is
   * evaluated (per row in a select list or WHERE clause). PostgreSQL's pg_sleep returns void, so
   * its call is the condition of a CASE whose branches are both 0: a volatile call in an
   * expression, evaluated per row as in MySQL; a scalar subquery {@code (SELECT 0 FROM
   * pg_sleep(n))} would be an InitPlan run once per statement. A NULL, negative or sub-10µs n
   * returns 0 at once on both (pg_sleep ignores them; MySQL returns 0 under a non-strict sql_mode
   * and MariaDB always; MySQL under a strict sql_mode raises "Incorrect arguments to sleep."
   * instead). In a write it sleeps on each database that runs the statement, each one holding its
   * own locks for that long. An interrupted sleep differs: MySQL's KILL QUERY makes a lone SLEEP
   * return 1, PostgreSQL's cancel raises an error.
   */
  private static void sleep(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("CAST(CASE WHEN pg_sleep(CAST((");
    d.value(args.get(0));
    d.a(") AS double precision)) IS NULL THEN 0 ELSE 0 END AS bigint)");
  }
}
