package io.dualwrite.driver.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class SafeTextTest {

  @Test
  void literalsOfEveryKindBecomePlaceholders() {
    assertThat(
            SafeText.sql(
                "UPDATE cards SET cc = '5500000000000004', n = 42, f = 1.5e-3, h = 0xCAFE,"
                    + " x = X'4111', b = b'01', s = _utf8mb4'secret' WHERE id = 7"))
        .isEqualTo(
            "UPDATE cards SET cc = ?, n = ?, f = ?, h = ?, x = X?, b = b?, s = _utf8mb4? WHERE id"
                + " = ?")
        .doesNotContain("5500")
        .doesNotContain("secret");
  }

  @Test
  void identifiersAndNamesWithDigitsStay() {
    assertThat(SafeText.sql("SELECT t1.c2, `4111 col` FROM t1 WHERE @v1 = ?"))
        .isEqualTo("SELECT t1.c2, `4111 col` FROM t1 WHERE @v1 = ?");
  }

  @Test
  void noSqlModeReadingShowsPartOfALiteral_regressionNoBackslashEscapes() {
    // With NO_BACKSLASH_ESCAPES 'p\' is a whole literal and 'secret-4111' a second one; with
    // backslash escapes the first literal runs on. Either way no literal text is shown.
    String sql = "UPDATE t SET v = 'p\\' , w = 'secret-4111' WHERE id = 3 -- ' WHERE id = 4";
    String safe = SafeText.sql(sql);
    assertThat(safe).doesNotContain("secret").doesNotContain("4111").startsWith("UPDATE t SET v =");
    String other = "DELETE FROM t WHERE v = 'q\\' AND n = ' OR cc <> 'card-5500' -- '";
    assertThat(SafeText.sql(other)).doesNotContain("card").doesNotContain("5500");
  }

  @Test
  void doubleQuotedTextAndCommentsAreHidden() {
    assertThat(SafeText.sql("SELECT \"pw-1\" /* token abc */ FROM t # note 4111\n WHERE a = 1"))
        .isEqualTo("SELECT ? ? FROM t ? WHERE a = ?");
  }

  @Test
  void credentialStatementsKeepOnlyTheirLeadingWords() {
    for (String sql :
        new String[] {
          "CREATE USER 'bob'@'%' IDENTIFIED BY 'S3cret!'",
          "create user bob identified with mysql_native_password by 'S3cret!'",
          "ALTER USER bob IDENTIFIED BY 'S3cret!'",
          "SET PASSWORD FOR bob = 'S3cret!'",
          "SET PASSWORD = PASSWORD('S3cret!')",
          "GRANT ALL ON *.* TO bob IDENTIFIED BY 'S3cret!'",
          "/* c */ CREATE USER bob IDENTIFIED BY 'S3cret!'",
          "CHANGE MASTER TO MASTER_PASSWORD='S3cret!'"
        }) {
      assertThat(SafeText.isCredentialStatement(sql)).as(sql).isTrue();
      assertThat(SafeText.sql(sql))
          .as(sql)
          .doesNotContain("S3cret")
          .doesNotContain("bob")
          .endsWith("(credential statement, redacted)");
    }
    assertThat(SafeText.isCredentialStatement("SELECT password FROM users")).isFalse();
    assertThat(SafeText.isCredentialStatement("UPDATE users SET password = 'x'")).isFalse();
  }

  @Test
  void longStatementsAreCutAndSaySo() {
    StringBuilder b = new StringBuilder("INSERT INTO t VALUES ");
    for (int i = 0; i < 5000; i++) {
      b.append(i == 0 ? "" : ",").append("('4111111111111111')");
    }
    String safe = SafeText.sql(b.toString());
    assertThat(safe.length()).isLessThan(SafeText.MAX_SQL + 40);
    assertThat(safe).doesNotContain("4111").endsWith("(" + b.length() + " chars)");
  }

  @Test
  void postgresKeyValuesAreDroppedNamesKept() {
    String message =
        "ERROR: duplicate key value violates unique constraint \"cards_cc_idx\"\n"
            + "  Detail: Key (lower(cc::text))=(4111111111111111) already exists.";
    assertThat(SafeText.message(message))
        .isEqualTo(
            "ERROR: duplicate key value violates unique constraint \"cards_cc_idx\" Detail: Key"
                + " (lower(cc::text))=(?) already exists.");
    assertThat(
            SafeText.message(
                "ERROR: insert or update on table \"c\" violates foreign key constraint \"fk\"\n"
                    + "  Detail: Key (owner)=(5500 000) is not present in table \"owners\"."))
        .endsWith("Key (owner)=(?) is not present in table \"owners\".")
        .doesNotContain("5500");
    assertThat(
            SafeText.message(
                "ERROR: conflicting key value violates exclusion constraint \"ex\"\n  Detail: Key"
                    + " (r)=([1234,5678)) conflicts with existing key (r)=([4111,9999))."))
        .doesNotContain("1234")
        .doesNotContain("4111")
        .contains("exclusion constraint \"ex\"");
  }

  @Test
  void failingRowAndContextAreDropped() {
    String message =
        "ERROR: null value in column \"name\" of relation \"cards\" violates not-null constraint\n"
            + "  Detail: Failing row contains (100, 4111111111111111, null).\n"
            + "  Where: unnamed portal parameter $1 = '4111111111111111'";
    assertThat(SafeText.message(message))
        .isEqualTo(
            "ERROR: null value in column \"name\" of relation \"cards\" violates not-null"
                + " constraint Detail: Failing row contains (?)");
  }

  @Test
  void mysqlValuesAreDroppedNamesKept() {
    assertThat(SafeText.message("Duplicate entry '4111-1111' for key 'cards.cc'"))
        .isEqualTo("Duplicate entry '?' for key 'cards.cc'");
    assertThat(SafeText.message("Duplicate entry 'a' for key 'zz' for key 'cc'"))
        .isEqualTo("Duplicate entry '?' for key 'cc'");
    assertThat(
            SafeText.message(
                "Data truncation: Incorrect integer value: 'abc4111' for column 'n' at row 1"))
        .isEqualTo("Data truncation: Incorrect integer value: '?' for column 'n' at row 1");
    assertThat(SafeText.message("ERROR: invalid input syntax for type integer: \"4111x\""))
        .isEqualTo("ERROR: invalid input syntax for type integer: \"?\"");
    assertThat(SafeText.message("Bad value 41111111 in 0xdeadbeef, at row 1"))
        .isEqualTo("Bad value ? in ?, at row 1");
  }

  @Test
  void batchEntryStatementTextIsDropped() {
    assertThat(
            SafeText.message(
                "Batch entry 0 INSERT INTO cards VALUES ('4111111111111111') was aborted: ERROR:"
                    + " duplicate key value violates unique constraint \"p\"  Call"
                    + " getNextException to see other errors in the batch."))
        .startsWith("Batch entry 0 (statement hidden) was aborted: ERROR:")
        .doesNotContain("4111");
  }

  @Test
  void aPostgresServerErrorIsReadFromItsFieldsWhereverItIsChained() {
    ServerErrorMessage server =
        new ServerErrorMessage(
            "SERROR\0C23505\0Mduplicate key value violates unique constraint \"cc_idx\"\0"
                + "DKey (cc)=(4111111111111111) already exists.\0"
                + "Wunnamed portal parameter $1 = '4111111111111111'\0ncc_idx\0");
    PSQLException pg = new PSQLException(server);
    BatchUpdateException batch =
        new BatchUpdateException(
            "Batch entry 0 INSERT INTO t VALUES ('4111111111111111') was aborted",
            "23505",
            0,
            new int[0],
            null);
    batch.setNextException(pg);
    for (Throwable e : new Throwable[] {pg, batch, new SQLException("wrapped", "23505", pg)}) {
      assertThat(SafeText.error(e))
          .isEqualTo(
              "ERROR: duplicate key value violates unique constraint \"cc_idx\" Detail: Key"
                  + " (cc)=(?) already exists.");
    }
  }

  @Test
  void anApostropheInProseIsNotAQuote() {
    assertThat(SafeText.detail("more than 2 rows in the statement's key range ('x')"))
        .isEqualTo("more than 2 rows in the statement's key range ('?')");
  }

  @Test
  void detailsKeepTheirOwnNumbers() {
    assertThat(SafeText.detail("MYSQL changed 12345 rows, POSTGRES 12344"))
        .isEqualTo("MYSQL changed 12345 rows, POSTGRES 12344");
    assertThat(SafeText.detail("unsupported-syntax:x: near 'secret'"))
        .isEqualTo("unsupported-syntax:x: near '?'");
  }

  @Test
  void fingerprintsDoNotDependOnTheLiteralsUnderEitherEscapeReading() {
    assertThat(Fingerprints.of("UPDATE t SET v = 'p\\' , w = 'secret-1' WHERE id = 3"))
        .isEqualTo(Fingerprints.of("UPDATE t SET v = 'q\\' , w = 'other-2' WHERE id = 9"));
  }
}
