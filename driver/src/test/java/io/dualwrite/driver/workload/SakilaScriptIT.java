package io.dualwrite.driver.workload;

import static io.dualwrite.driver.testing.Workloads.describe;
import static io.dualwrite.driver.testing.Workloads.longValue;
import static io.dualwrite.driver.testing.Workloads.recordDiscrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Sakila script sent through the driver in DUAL_WRITE statement by statement, exactly as
 * written (session SETs, tables in the script's order under {@code FOREIGN_KEY_CHECKS=0}, views,
 * procedures and functions), as a new user's migration tool would send it. Only {@code DROP/CREATE
 * SCHEMA sakila; USE sakila} (the test owns its database) and the triggers (they would fill {@code
 * film_text} on MySQL only) are left out.
 */
@ExtendWith(TestDatabases.class)
class SakilaScriptIT {

  @Test
  void sakilaScriptAsWrittenCreatesEveryTableAndViewOnBothSidesAndRecordsOnlyRoutines(
      DatabasePair db) throws SQLException {
    List<SakilaScript.Stmt> script =
        SakilaScript.of(
            SakilaScript.load(),
            SakilaScript.Kind.SESSION,
            SakilaScript.Kind.TABLE,
            SakilaScript.Kind.VIEW,
            SakilaScript.Kind.ROUTINE);
    List<String> failures = new ArrayList<>();
    List<Discrepancy> seen;
    try (Connection c = DualWriteTestUrls.connect(db)) {
      seen = recordDiscrepancies(c);
      try (Statement s = c.createStatement()) {
        for (SakilaScript.Stmt st : script) {
          try {
            s.execute(st.sql());
          } catch (SQLException e) {
            failures.add(st.kind() + " " + st.name() + ": " + e.getMessage());
          }
        }
      }
    }
    // MySQL is authoritative: nothing in the script may fail the application.
    assertThat(failures).as("statements that failed the application").isEmpty();
    try (Connection mysql = db.openMysql()) {
      assertThat(
              longValue(
                  mysql,
                  "SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = '"
                      + db.name()
                      + "'"))
          .as("procedures and functions on MySQL")
          .isEqualTo(6);
    }
    List<String> notRoutines =
        seen.stream()
            .filter(
                d ->
                    !(d.kind() == DiscrepancyKind.UNTRANSLATABLE
                        && (d.sql().startsWith("CREATE PROCEDURE")
                            || d.sql().startsWith("CREATE FUNCTION"))))
            .map(d -> d.kind() + " " + d.sql().split("\\(")[0] + " -> " + d.detail())
            .toList();
    try (Connection pg = db.openPostgres()) {
      long tables =
          longValue(
              pg,
              "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                  + " AND table_type = 'BASE TABLE'");
      long views =
          longValue(
              pg,
              "SELECT COUNT(*) FROM information_schema.views"
                  + " WHERE table_schema = current_schema()");
      assertThat(notRoutines)
          .as("discrepancies other than the six untranslatable routines")
          .isEmpty();
      assertThat(tables).as("Sakila base tables on PostgreSQL").isEqualTo(16);
      assertThat(views).as("Sakila views on PostgreSQL").isEqualTo(7);
    }
    assertThat(seen)
        .as("every routine recorded as untranslatable: %s", describe(seen))
        .filteredOn(d -> d.kind() == DiscrepancyKind.UNTRANSLATABLE)
        .hasSizeGreaterThanOrEqualTo(6);
  }
}
