package io.dualwrite.admin.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, item 4, seen from the operator's side: {@code dualwrite-admin discrepancies} (list,
 * summary, JSON) shows the records of a live instance whose mirrored writes failed with the
 * application's values in PostgreSQL's error detail and in the statement's literals, and none of
 * those values.
 */
@ExtendWith(TestDatabases.class)
class DiscrepanciesExposureIT {
  private static final String CARD = "4111111111111111";
  private static final String CARD_LITERAL = "5500000000000004";

  private static Result run(DatabasePair db, String... args) {
    return CliRun.run(
        "",
        AdminArgs.of(db, args[0], List.of(args).subList(1, args.length).toArray(String[]::new)));
  }

  @Test
  void adminOutputShowsTheRecordsWithoutTheValues(DatabasePair db) throws Exception {
    try (Connection app =
        DualWriteTestUrls.connect(
            db,
            "dualwrite.control",
            "primary",
            "dualwrite.refreshMillis",
            "200",
            "dualwrite.instance",
            "exposure-admin")) {
      try (Statement s = app.createStatement()) {
        s.execute("CREATE TABLE cards (id INT PRIMARY KEY, cc VARCHAR(20), holder VARCHAR(20))");
      }
      try (Connection pg = db.openPostgres();
          Statement s = pg.createStatement()) {
        s.execute("CREATE UNIQUE INDEX cards_cc_lower ON cards (lower(cc::text))");
        s.execute("ALTER TABLE cards ADD CONSTRAINT not_blocked CHECK (holder <> 'blocked')");
      }
      try (PreparedStatement ps = app.prepareStatement("INSERT INTO cards VALUES (?, ?, 'a')")) {
        for (int id = 1; id <= 2; id++) {
          ps.setInt(1, id);
          ps.setString(2, CARD);
          ps.executeUpdate();
        }
      }
      try (Statement s = app.createStatement()) {
        s.executeUpdate("INSERT INTO cards VALUES (3, '" + CARD_LITERAL + "', 'b')");
        s.executeUpdate("UPDATE cards SET holder = 'blocked' WHERE cc = '" + CARD_LITERAL + "'");
      }
      long deadline = System.nanoTime() + 15_000_000_000L;
      Result list = run(db, "discrepancies");
      while (!(list.out().contains("cards_cc_lower") && list.out().contains("not_blocked"))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
        list = run(db, "discrepancies");
      }
      assertThat(list.out())
          .as(list.all())
          .contains("Key (lower(cc::text))=(?) already exists")
          .contains("Failing row contains (?)")
          .contains("UPDATE cards SET holder = ? WHERE cc = ?");
      for (Result r :
          List.of(
              list,
              run(db, "discrepancies", "--json"),
              run(db, "discrepancies", "--summary"),
              run(db, "discrepancies", "--summary", "--json"))) {
        assertThat(r.all())
            .contains("MIRROR_FAILED")
            .doesNotContain(CARD)
            .doesNotContain(CARD_LITERAL);
      }
    }
  }
}
