package io.dualwrite.driver.jdbc;

import java.sql.Connection;
import java.sql.SQLSyntaxErrorException;
import java.util.Locale;

/**
 * What {@code SET [SESSION] TRANSACTION ...} written as SQL asks for: an isolation level, an access
 * mode, or both, for the session or for the next transaction only, as MySQL reads it.
 *
 * @param session whether {@code SESSION} (or {@code LOCAL}) was named: every later transaction;
 *     otherwise the next transaction only
 * @param isolation a {@link Connection} {@code TRANSACTION_*} level, or -1 when not set
 * @param readOnly {@code READ ONLY} / {@code READ WRITE}, or null when not set
 */
record TransactionCharacteristics(boolean session, int isolation, Boolean readOnly) {

  /**
   * Reads the rewriter's argument: {@code SESSION} or {@code NEXT}, then the characteristics as
   * written ({@code ISOLATION LEVEL READ COMMITTED, READ ONLY}).
   */
  static TransactionCharacteristics parse(String argument) throws SQLSyntaxErrorException {
    String text = argument.toUpperCase(Locale.ROOT).trim();
    boolean session = text.startsWith("SESSION ");
    String rest = text.substring(text.indexOf(' ') + 1).replace(",", " , ");
    int isolation = -1;
    Boolean readOnly = null;
    for (String part : rest.split(",")) {
      String p = String.join(" ", part.trim().split("\\s+"));
      switch (p) {
        case "ISOLATION LEVEL READ UNCOMMITTED" ->
            isolation = Connection.TRANSACTION_READ_UNCOMMITTED;
        case "ISOLATION LEVEL READ COMMITTED" -> isolation = Connection.TRANSACTION_READ_COMMITTED;
        case "ISOLATION LEVEL REPEATABLE READ" ->
            isolation = Connection.TRANSACTION_REPEATABLE_READ;
        case "ISOLATION LEVEL SERIALIZABLE" -> isolation = Connection.TRANSACTION_SERIALIZABLE;
        case "READ ONLY" -> readOnly = true;
        case "READ WRITE" -> readOnly = false;
        default ->
            throw new SQLSyntaxErrorException(
                "You have an error in your SQL syntax: unknown transaction characteristic '"
                    + p
                    + "'",
                "42000",
                1064);
      }
    }
    return new TransactionCharacteristics(session, isolation, readOnly);
  }

  /**
   * PostgreSQL's {@code SET TRANSACTION} for the same characteristics (the current transaction).
   */
  String postgresSql() {
    StringBuilder sql = new StringBuilder("SET TRANSACTION");
    if (isolation >= 0) {
      sql.append(" ISOLATION LEVEL ").append(levelName(isolation));
    }
    if (readOnly != null) {
      sql.append(isolation >= 0 ? "," : "").append(readOnly ? " READ ONLY" : " READ WRITE");
    }
    return sql.toString();
  }

  private static String levelName(int level) {
    return switch (level) {
      case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
      case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
      case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
      default -> "SERIALIZABLE";
    };
  }
}
