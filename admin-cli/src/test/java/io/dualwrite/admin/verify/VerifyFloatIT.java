package io.dualwrite.admin.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code verify} compares FLOAT columns by their exact single-precision value: MySQL's text
 * protocol shows a FLOAT rounded to 6 digits ('1455' for the stored 1455.0048828125), which used to
 * make every such row look different from PostgreSQL's {@code real} (BenchBase seats).
 */
@ExtendWith(TestDatabases.class)
class VerifyFloatIT {

  @Test
  void floatColumnsWrittenThroughTheDriverCompareEqualAndAChangedOneIsFound(DatabasePair db)
      throws Exception {
    try (Connection dw = DualWriteTestUrls.connect(db);
        Statement s = dw.createStatement()) {
      s.execute("CREATE TABLE seat_price (id INT PRIMARY KEY, price FLOAT, weight FLOAT NOT NULL)");
      try (PreparedStatement ps = dw.prepareStatement("INSERT INTO seat_price VALUES (?, ?, ?)")) {
        float[] values = {1455.0049f, 0.1f, -3.4e38f, 1.17549435e-38f, 123456.79f, 0f};
        for (int i = 0; i < values.length; i++) {
          ps.setInt(1, i + 1);
          ps.setFloat(2, values[i]);
          ps.setDouble(3, values[i] * 1.0000001);
          ps.executeUpdate();
        }
      }
      s.executeUpdate("INSERT INTO seat_price VALUES (100, NULL, 2.5), (101, 1455.0049, 0.3)");
    }
    Result equal = CliRun.run("", AdminArgs.of(db, "verify", "--table", "seat_price"));
    assertThat(equal.exitCode()).as(equal.all()).isEqualTo(ExitCodes.OK);
    assertThat(equal.out()).contains("seat_price").contains("equal");

    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      // the next float after 1455.0049: equal when shown to 6 digits, different when stored
      s.executeUpdate("UPDATE seat_price SET price = 1455.005 WHERE id = 1");
    }
    Result different = CliRun.run("", AdminArgs.of(db, "verify", "--table", "seat_price"));
    assertThat(different.exitCode()).as(different.all()).isEqualTo(ExitCodes.DIFFERENCES);
  }
}
