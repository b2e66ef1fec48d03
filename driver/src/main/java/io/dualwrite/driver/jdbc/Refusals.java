package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.discrepancy.SafeText;
import io.dualwrite.rewriter.Translation;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

/** The errors the driver raises itself when it cannot run a statement where it must. */
final class Refusals {
  private Refusals() {}

  /** The statement has no PostgreSQL form and PostgreSQL is authoritative. */
  static SQLException onPostgres(Translation t) {
    return new SQLSyntaxErrorException(
        "dualwrite cannot run this statement on PostgreSQL, the authoritative database in this"
            + " phase: "
            + (SafeText.isCredentialStatement(t.mysqlSql())
                ? "credential statements are not translated."
                : t.isRefused() ? t.refusal().reason() : "it has no PostgreSQL equivalent."),
        "42000",
        1064);
  }

  /** {@code executeQuery()} was given a write. */
  static SQLException notAQuery() {
    return new SQLException(
        "executeQuery() was given a statement that returns no result set.", "S1009");
  }

  /** A batch was given a statement that returns rows. */
  static SQLException notABatchStatement() {
    return new SQLException("Batches may hold only statements that return no result set.", "S1009");
  }
}
