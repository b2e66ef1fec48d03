package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.exceptions.MySQLStatementCancelledException;
import com.mysql.cj.jdbc.exceptions.MySQLTimeoutException;
import com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException;
import com.mysql.cj.jdbc.exceptions.MysqlDataTruncation;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

class MysqlErrorsTest {

  /** A PSQLException as pgjdbc builds it from the server's ErrorResponse fields. */
  private static PSQLException pg(String state, String message, Map<Character, String> fields) {
    StringBuilder wire = new StringBuilder();
    wire.append('S').append("ERROR").append('\0');
    wire.append('C').append(state).append('\0');
    wire.append('M').append(message).append('\0');
    fields.forEach((k, v) -> wire.append(k).append(v).append('\0'));
    return new PSQLException(new ServerErrorMessage(wire.toString()));
  }

  private static Map<Character, String> fields(Object... kv) {
    Map<Character, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((Character) kv[i], (String) kv[i + 1]);
    }
    return m;
  }

  @Test
  void uniqueViolationBecomesDuplicateEntryWithTableQualifiedPrimaryKey() {
    PSQLException e =
        pg(
            "23505",
            "duplicate key value violates unique constraint \"account_pkey\"",
            fields(
                'D',
                "Key (id)=(7) already exists.",
                's',
                "public",
                't',
                "account",
                'n',
                "account_pkey"));
    SQLException t = MysqlErrors.translate(e);
    assertThat((Throwable) t).isExactlyInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(t.getErrorCode()).isEqualTo(1062);
    assertThat(t.getSQLState()).isEqualTo("23000");
    assertThat(t.getMessage()).isEqualTo("Duplicate entry '7' for key 'account.PRIMARY'");
    assertThat(t.getCause()).isSameAs(e);
  }

  @Test
  void statementFactsGiveTheValueAsWrittenAndTheColumnOfATooLongValue() {
    PSQLException duplicate =
        pg(
            "23505",
            "duplicate key value violates unique constraint \"users_uq_email\"",
            fields(
                'D',
                "Key (lower((email)::text))=(a@example.com) already exists.",
                't',
                "users",
                'n',
                "users_uq_email"));
    MysqlErrors.StatementFacts facts =
        new MysqlErrors.StatementFacts(
            List.of("Bob", "A@Example.com"),
            Map.of("email", "varchar(50)", "name", "varchar(5)", "code", "char(5)"),
            1);
    assertThat(MysqlErrors.translate(duplicate, false, facts).getMessage())
        .isEqualTo("Duplicate entry 'A@Example.com' for key 'users.uq_email'");
    assertThat(MysqlErrors.translate(duplicate).getMessage())
        .as("without facts: the folded value")
        .isEqualTo("Duplicate entry 'a@example.com' for key 'users.uq_email'");
    PSQLException tooLong = pg("22001", "value too long for type character varying(5)", Map.of());
    assertThat(MysqlErrors.translate(tooLong, false, facts).getMessage())
        .isEqualTo("Data truncation: Data too long for column 'name' at row 1");
    PSQLException tooLongChar = pg("22001", "value too long for type character(5)", Map.of());
    assertThat(
            MysqlErrors.translate(
                    tooLongChar,
                    false,
                    new MysqlErrors.StatementFacts(List.of(), facts.columnTypes(), 0))
                .getMessage())
        .as("several rows: no row number")
        .isEqualTo("Data truncation: Data too long for column 'code'");
    MysqlErrors.StatementFacts ambiguous =
        new MysqlErrors.StatementFacts(List.of(), Map.of("a", "varchar(5)", "b", "varchar(5)"), 1);
    assertThat(MysqlErrors.translate(tooLong, false, ambiguous).getMessage())
        .as("two columns of that type: none named")
        .isEqualTo("Data truncation: Data too long for column");
  }

  @Test
  void uniqueViolationOnCompositeDefaultNamedKeyJoinsValuesWithDashes() {
    SQLException t =
        MysqlErrors.translate(
            pg(
                "23505",
                "duplicate key value violates unique constraint \"member_org_email_key\"",
                fields(
                    'D',
                    "Key (org, email)=(3, a@b.c) already exists.",
                    't',
                    "member",
                    'n',
                    "member_org_email_key")));
    assertThat(t.getMessage()).isEqualTo("Duplicate entry '3-a@b.c' for key 'member.org_email'");
  }

  @Test
  void uniqueViolationOnNamedIndexKeepsTheName() {
    SQLException t =
        MysqlErrors.translate(
            pg(
                "23505",
                "duplicate key value violates unique constraint \"uq_login\"",
                fields('D', "Key (login)=(bob) already exists.", 't', "person", 'n', "uq_login")));
    assertThat(t.getMessage()).isEqualTo("Duplicate entry 'bob' for key 'person.uq_login'");
  }

  @Test
  void uniqueIndexesNamedByTheRewriterGiveTheMysqlKeyName() {
    SQLException t =
        MysqlErrors.translate(
            pg(
                "23505",
                "duplicate key value violates unique constraint \"f18_users_uq_f18_email\"",
                fields(
                    'D',
                    "Key (lower(email::text))=(a@example.com) already exists.",
                    't',
                    "f18_users",
                    'n',
                    "f18_users_uq_f18_email")));
    assertThat(t.getMessage())
        .isEqualTo("Duplicate entry 'a@example.com' for key 'f18_users.uq_f18_email'");
    List<String> email = List.of("lower((email)::text)");
    // primary key, and its lower() twin on case-insensitive columns
    assertThat(MysqlErrors.mysqlIndexName("t", "t_pkey", List.of("id"))).isEqualTo("PRIMARY");
    assertThat(MysqlErrors.mysqlIndexName("t", "t_primary_ci", List.of("lower(code::text)")))
        .isEqualTo("PRIMARY");
    // column-level UNIQUE: PostgreSQL's default name, or the rewriter's lower() index
    assertThat(MysqlErrors.mysqlIndexName("t", "t_badge_key", List.of("badge"))).isEqualTo("badge");
    assertThat(MysqlErrors.mysqlIndexName("t", "t_badge_key", null)).isEqualTo("badge");
    assertThat(MysqlErrors.mysqlIndexName("t", "t_email_ci", email)).isEqualTo("email");
    // the key under dualwrite_ai_ci: PostgreSQL's detail names the column
    assertThat(MysqlErrors.mysqlIndexName("t", "t_email_ci", List.of("email"))).isEqualTo("email");
    // unnamed UNIQUE KEY (email) on a case-insensitive column
    assertThat(MysqlErrors.mysqlIndexName("t", "t_loweremail", email)).isEqualTo("email");
    // named keys keep their name, even when it looks like one of the defaults
    assertThat(MysqlErrors.mysqlIndexName("t", "t_uq_email", email)).isEqualTo("uq_email");
    assertThat(MysqlErrors.mysqlIndexName("t", "t_email_key", List.of("login")))
        .isEqualTo("email_key");
    assertThat(MysqlErrors.mysqlIndexName("t", "t_login_ci", email)).isEqualTo("login_ci");
    assertThat(MysqlErrors.mysqlIndexName("t", "t_lowerlogin", email)).isEqualTo("lowerlogin");
    // not made by the rewriter
    assertThat(MysqlErrors.mysqlIndexName("t", "uq_other", List.of("a"))).isEqualTo("uq_other");
    assertThat(MysqlErrors.mysqlIndexName("t", "t_", List.of("a"))).isEqualTo("t_");
  }

  @Test
  void uniqueViolationWithoutDetailGivesGenericMessageButSameCodes() {
    SQLException t =
        MysqlErrors.translate(new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION));
    assertThat((Throwable) t).isExactlyInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(t.getErrorCode()).isEqualTo(1062);
    assertThat(t.getSQLState()).isEqualTo("23000");
    assertThat(t.getMessage()).isEqualTo("Duplicate entry");
  }

  @Test
  void ambiguousCompositeValuesAreKeptAsPostgresPrintsThem() {
    assertThat(MysqlErrors.keyValues("Key (a, b)=(x, y, z) already exists.")).isEqualTo("x, y, z");
    assertThat(MysqlErrors.keyValues("Key (a)=(" + "v".repeat(300) + ") already exists."))
        .hasSize(192)
        .endsWith("...");
    assertThat(MysqlErrors.keyValues("something else")).isNull();
  }

  @Test
  void foreignKeyStillReferencedBecomesParentRowError() {
    SQLException t =
        MysqlErrors.translate(
            pg(
                "23503",
                "update or delete on table \"parent\" violates foreign key constraint \"fk_child\""
                    + " on table \"child\"",
                fields(
                    'D', "Key (id)=(1) is still referenced from table \"child\".",
                    't', "child",
                    'n', "fk_child")));
    assertThat((Throwable) t).isExactlyInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(t.getErrorCode()).isEqualTo(1451);
    assertThat(t.getSQLState()).isEqualTo("23000");
    assertThat(t.getMessage())
        .isEqualTo(
            "Cannot delete or update a parent row: a foreign key constraint fails"
                + " (`child`, CONSTRAINT `fk_child`)");
  }

  @Test
  void foreignKeyNotPresentBecomesChildRowError() {
    SQLException t =
        MysqlErrors.translate(
            pg(
                "23503",
                "insert or update on table \"child\" violates foreign key constraint \"fk_child\"",
                fields(
                    'D', "Key (parent_id)=(9) is not present in table \"parent\".",
                    't', "child",
                    'n', "fk_child")));
    assertThat(t.getErrorCode()).isEqualTo(1452);
    assertThat(t.getSQLState()).isEqualTo("23000");
    assertThat(t.getMessage()).startsWith("Cannot add or update a child row");
  }

  @Test
  void foreignKeyWithoutDetailIsToldApartByThePrimaryMessage() {
    SQLException t =
        MysqlErrors.translate(
            pg(
                "23503",
                "update or delete on table \"parent\" violates foreign key constraint \"f\" on"
                    + " table \"child\"",
                fields()));
    assertThat(t.getErrorCode()).isEqualTo(1451);
  }

  @Test
  void notNullViolationNamesTheColumn() {
    SQLException t =
        MysqlErrors.translate(
            pg(
                "23502",
                "null value in column \"email\" of relation \"person\" violates not-null"
                    + " constraint",
                fields('t', "person", 'c', "email")));
    assertThat((Throwable) t).isExactlyInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(t.getErrorCode()).isEqualTo(1048);
    assertThat(t.getSQLState()).isEqualTo("23000");
    assertThat(t.getMessage()).isEqualTo("Column 'email' cannot be null");
  }

  @Test
  void notNullViolationWithoutColumnFieldReadsItFromTheMessage() {
    SQLException t =
        MysqlErrors.translate(
            new PSQLException(
                "ERROR: null value in column \"email\" of relation \"person\" violates not-null"
                    + " constraint",
                PSQLState.NOT_NULL_VIOLATION));
    assertThat(t.getMessage()).isEqualTo("Column 'email' cannot be null");
  }

  @Test
  void valueTooLongBecomesConnectorJsDataTruncation() {
    PSQLException e = pg("22001", "value too long for type character varying(5)", fields());
    SQLException t = MysqlErrors.translate(e);
    assertThat((Throwable) t).isExactlyInstanceOf(MysqlDataTruncation.class);
    assertThat(t.getErrorCode()).isEqualTo(1406);
    assertThat(t.getSQLState()).isEqualTo("22001");
    assertThat(t.getMessage()).isEqualTo("Data truncation: Data too long for column");
    assertThat(t.getCause()).isSameAs(e);
  }

  @Test
  void numericOutOfRangeIsDataTruncationWithConnectorJsSqlState() {
    SQLException t = MysqlErrors.translate(pg("22003", "smallint out of range", fields()));
    assertThat((Throwable) t).isExactlyInstanceOf(MysqlDataTruncation.class);
    assertThat(t.getErrorCode()).isEqualTo(1264);
    // Connector/J turns every class-22 server error into a DataTruncation, SQLState 22001
    assertThat(t.getSQLState()).isEqualTo("22001");
    assertThat(t.getMessage()).isEqualTo("Data truncation: Out of range value for column");
  }

  @Test
  void invalidTextRepresentationBecomesIncorrectValue() {
    SQLException t =
        MysqlErrors.translate(
            pg("22P02", "invalid input syntax for type integer: \"abc\"", fields()));
    assertThat((Throwable) t).isExactlyInstanceOf(SQLException.class);
    assertThat(t.getErrorCode()).isEqualTo(1366);
    assertThat(t.getSQLState()).isEqualTo("HY000");
    assertThat(t.getMessage()).isEqualTo("Incorrect integer value").doesNotContain("abc");
  }

  @Test
  void deadlockAndSerializationFailureBecomeMysqlDeadlock() {
    for (String state : new String[] {"40P01", "40001"}) {
      SQLException t = MysqlErrors.translate(pg(state, "deadlock detected", fields()));
      assertThat((Throwable) t).isExactlyInstanceOf(MySQLTransactionRollbackException.class);
      assertThat(t.getErrorCode()).isEqualTo(1213);
      assertThat(t.getSQLState()).isEqualTo("40001");
      assertThat(t.getMessage())
          .isEqualTo("Deadlock found when trying to get lock; try restarting transaction");
    }
  }

  @Test
  void lockTimeoutBecomesLockWaitTimeoutWithConnectorJsSqlState() {
    SQLException t =
        MysqlErrors.translate(pg("55P03", "canceling statement due to lock timeout", fields()));
    assertThat((Throwable) t).isExactlyInstanceOf(MySQLTransactionRollbackException.class);
    assertThat(t.getErrorCode()).isEqualTo(1205);
    // the server says HY000; Connector/J maps 1205 to 40001 (its Bug#16634180)
    assertThat(t.getSQLState()).isEqualTo("40001");
    assertThat(t.getMessage()).isEqualTo("Lock wait timeout exceeded; try restarting transaction");
  }

  @Test
  void nowaitLockNotAvailableIsMysql8sLockNowait() {
    SQLException t =
        MysqlErrors.translate(
            pg("55P03", "could not obtain lock on row in relation \"t\"", fields()));
    assertThat((Throwable) t).isExactlyInstanceOf(SQLException.class);
    assertThat(t.getErrorCode()).isEqualTo(3572);
    assertThat(t.getSQLState()).isEqualTo("HY000");
  }

  @Test
  void statementTimeoutBecomesMaxExecutionTimeExceeded() {
    SQLException t =
        MysqlErrors.translate(
            pg("57014", "canceling statement due to statement timeout", fields()));
    assertThat((Throwable) t).isExactlyInstanceOf(SQLException.class);
    assertThat(t.getErrorCode()).isEqualTo(3024);
    assertThat(t.getSQLState()).isEqualTo("HY000");
  }

  @Test
  void userCancelBecomesStatementCancelledOrTimeoutAsConnectorJReportsThem() {
    PSQLException e = pg("57014", "canceling statement due to user request", fields());
    SQLException cancelled = MysqlErrors.translate(e);
    assertThat((Throwable) cancelled).isExactlyInstanceOf(MySQLStatementCancelledException.class);
    assertThat(cancelled.getSQLState()).isNull();
    assertThat(cancelled.getErrorCode()).isZero();
    SQLException timedOut = MysqlErrors.translate(e, true);
    assertThat((Throwable) timedOut).isExactlyInstanceOf(MySQLTimeoutException.class);
    assertThat(timedOut.getMessage())
        .isEqualTo("Statement cancelled due to timeout or client request");
    assertThat(timedOut.getCause()).isSameAs(e);
  }

  @Test
  void undefinedTableAndColumnBecomeMysqlSyntaxErrors() {
    SQLException table =
        MysqlErrors.translate(pg("42P01", "relation \"nope\" does not exist", fields()));
    assertThat((Throwable) table).isExactlyInstanceOf(SQLSyntaxErrorException.class);
    assertThat(table.getErrorCode()).isEqualTo(1146);
    assertThat(table.getSQLState()).isEqualTo("42S02");
    assertThat(table.getMessage()).isEqualTo("Table 'nope' doesn't exist");

    SQLException column =
        MysqlErrors.translate(pg("42703", "column \"nah\" does not exist", fields()));
    assertThat((Throwable) column).isExactlyInstanceOf(SQLSyntaxErrorException.class);
    assertThat(column.getErrorCode()).isEqualTo(1054);
    assertThat(column.getSQLState()).isEqualTo("42S22");
    assertThat(column.getMessage()).isEqualTo("Unknown column 'nah' in 'field list'");

    SQLException qualified =
        MysqlErrors.translate(pg("42703", "column t.nah does not exist", fields()));
    assertThat(qualified.getMessage()).isEqualTo("Unknown column 'nah' in 'field list'");
  }

  @Test
  void unmappedErrorsAndNullPassThroughUnchanged() {
    PSQLException syntax = pg("42601", "syntax error at or near \"x\"", fields());
    assertThat((Throwable) MysqlErrors.translate(syntax)).isSameAs(syntax);
    SQLException noState = new SQLException("no state");
    assertThat((Throwable) MysqlErrors.translate(noState)).isSameAs(noState);
    assertThat((Throwable) MysqlErrors.translate(null)).isNull();
  }

  @Test
  void plainSqlExceptionWithPostgresStateIsTranslatedFromItsMessage() {
    SQLException t =
        MysqlErrors.translate(new SQLException("relation \"gone\" does not exist", "42P01"));
    assertThat(t.getErrorCode()).isEqualTo(1146);
    assertThat(t.getMessage()).isEqualTo("Table 'gone' doesn't exist");
  }

  @Test
  void checkViolationBecomesMysql8CheckConstraintViolated() {
    SQLException t =
        MysqlErrors.translate(
            pg(
                "23514",
                "new row for relation \"t\" violates check constraint \"t_chk_1\"",
                fields('t', "t", 'n', "t_chk_1")));
    assertThat((Throwable) t).isExactlyInstanceOf(SQLException.class);
    assertThat(t.getErrorCode()).isEqualTo(3819);
    assertThat(t.getSQLState()).isEqualTo("HY000");
    assertThat(t.getMessage()).isEqualTo("Check constraint 't_chk_1' is violated.");
  }

  @Test
  void theRewritersTypeChecksAreMysqlsLengthAndRangeErrors() {
    MysqlErrors.StatementFacts facts =
        new MysqlErrors.StatementFacts(
            List.of(),
            Map.of("note", "varbinary(255)", "n", "int unsigned", "flag", "bit(1)", "c", "int"),
            1);
    SQLException tooLong =
        MysqlErrors.translate(
            pg(
                "23514",
                "new row for relation \"rc\" violates check constraint \"rc_note_check\"",
                fields('t', "rc", 'n', "rc_note_check")),
            false,
            facts);
    assertThat(tooLong.getErrorCode()).isEqualTo(1406);
    assertThat(tooLong.getSQLState()).isEqualTo("22001");
    assertThat(tooLong.getMessage())
        .isEqualTo("Data truncation: Data too long for column 'note' at row 1");
    SQLException range =
        MysqlErrors.translate(
            pg("23514", "violates check constraint", fields('t', "rc", 'n', "rc_n_check")),
            false,
            facts);
    assertThat(range.getErrorCode()).isEqualTo(1264);
    assertThat(range.getMessage())
        .isEqualTo("Data truncation: Out of range value for column 'n' at row 1");
    assertThat(
            MysqlErrors.translate(
                    pg("23514", "violates", fields('t', "rc", 'n', "rc_flag_check")), false, facts)
                .getErrorCode())
        .isEqualTo(1406);
    SQLException own =
        MysqlErrors.translate(
            pg("23514", "violates check constraint", fields('t', "rc", 'n', "rc_c_check")),
            false,
            facts);
    assertThat(own.getErrorCode()).as("a CHECK of the schema's own").isEqualTo(3819);
    assertThat(own.getMessage()).isEqualTo("Check constraint 'rc_c_check' is violated.");
  }

  @Test
  void batchFailureStaysABatchUpdateExceptionWithTheServersErrorTranslated() {
    PSQLException server =
        pg(
            "23505",
            "duplicate key value violates unique constraint \"t_pkey\"",
            fields('D', "Key (id)=(1) already exists.", 't', "t", 'n', "t_pkey"));
    java.sql.BatchUpdateException batch =
        new java.sql.BatchUpdateException(
            "Batch entry 1 INSERT INTO t VALUES (1, 'secret') was aborted",
            "23505",
            0,
            new int[] {1, java.sql.Statement.EXECUTE_FAILED});
    batch.setNextException(server);
    SQLException t = MysqlErrors.translate(batch);
    assertThat((Throwable) t).isExactlyInstanceOf(java.sql.BatchUpdateException.class);
    assertThat(t.getErrorCode()).isEqualTo(1062);
    assertThat(t.getSQLState()).isEqualTo("23000");
    assertThat(t.getMessage())
        .isEqualTo("Duplicate entry '1' for key 't.PRIMARY'")
        .doesNotContain("secret");
    assertThat(((java.sql.BatchUpdateException) t).getUpdateCounts())
        .containsExactly(1, java.sql.Statement.EXECUTE_FAILED);
    assertThat(t.getCause()).isInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(t.getCause().getCause()).isSameAs(server);
  }

  @Test
  void batchFailureWithAnUnmappedErrorIsReturnedUnchanged() {
    java.sql.BatchUpdateException batch =
        new java.sql.BatchUpdateException("aborted", "42601", 0, new int[] {0});
    batch.setNextException(pg("42601", "syntax error", fields()));
    assertThat((Throwable) MysqlErrors.translate(batch)).isSameAs(batch);
  }

  @Test
  void badDatetimeDivisionByZeroAndMultiRowSubqueryBecomeTheirMysqlErrors() {
    SQLException date =
        MysqlErrors.translate(pg("22008", "date/time field value out of range: \"x\"", fields()));
    assertThat((Throwable) date).isExactlyInstanceOf(MysqlDataTruncation.class);
    assertThat(date.getErrorCode()).isEqualTo(1292);
    assertThat(date.getMessage()).isEqualTo("Data truncation: Incorrect datetime value");
    SQLException division = MysqlErrors.translate(pg("22012", "division by zero", fields()));
    assertThat(division.getErrorCode()).isEqualTo(1365);
    assertThat(division.getSQLState()).isEqualTo("22001");
    SQLException subquery =
        MysqlErrors.translate(
            pg(
                "21000",
                "more than one row returned by a subquery used as an expression",
                fields()));
    assertThat((Throwable) subquery).isExactlyInstanceOf(SQLException.class);
    assertThat(subquery.getErrorCode()).isEqualTo(1242);
    assertThat(subquery.getSQLState()).isEqualTo("21000");
  }
}
