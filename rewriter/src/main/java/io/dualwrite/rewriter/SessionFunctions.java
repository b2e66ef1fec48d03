package io.dualwrite.rewriter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

/**
 * MySQL functions only the MySQL session or server can answer (DATABASE(), VERSION(), GET_LOCK(),
 * FOUND_ROWS(), ...): refused, or left to the driver to answer from MySQL.
 */
final class SessionFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("FOUND_ROWS", SessionFunctions::previousStatement),
          Map.entry("ROW_COUNT", SessionFunctions::previousStatement));

  /**
   * Functions only the MySQL session or server can answer: the current database, the server
   * version, the connection id and user, named locks (GET_LOCK serialises the application's
   * instances through MySQL: all of them must ask MySQL).
   */
  static final Set<String> MYSQL_SESSION =
      Set.of(
          "DATABASE",
          "SCHEMA",
          "VERSION",
          "CONNECTION_ID",
          "USER",
          "CURRENT_USER",
          "SESSION_USER",
          "SYSTEM_USER",
          "GET_LOCK",
          "RELEASE_LOCK",
          "RELEASE_ALL_LOCKS",
          "IS_FREE_LOCK",
          "IS_USED_LOCK");

  /**
   * A read using {@link #MYSQL_SESSION} functions (or user and system variables, or CURRENT_USER)
   * is answered by MySQL while it is in use: refused with the {@code driver-intercepted:} code the
   * driver looks for. In a write it cannot be mirrored.
   */
  static void mysqlSession(PgExpressionDeParser d, String what) {
    if (d.ctx.inWrite) {
      throw RefusedException.function(
          what, what + " is known to the MySQL session only; a write using it cannot be mirrored.");
    }
    throw new RefusedException(
        "driver-intercepted:mysql-session:" + what,
        what + " is answered by MySQL's session (the driver sends the read to MySQL).");
  }

  private SessionFunctions() {}

  /** FOUND_ROWS(), ROW_COUNT(): about the statement MySQL ran before, unknown to PostgreSQL. */
  private static void previousStatement(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    throw RefusedException.function(
        n, n + "() depends on the previous statement in the MySQL session.");
  }
}
