package io.dualwrite.admin.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A general query log written by the real server is detected and read statement by statement. */
@ExtendWith(TestDatabases.class)
class GeneralLogIT {

  @TempDir Path dir;

  @Test
  void generalLogOfTheServerIsDetectedAndItsQueriesTranslated(DatabasePair db)
      throws SQLException, IOException {
    Path log = dir.resolve("general.log");
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement()) {
      String oldOutput;
      String oldFile;
      try (ResultSet rs = s.executeQuery("SELECT @@GLOBAL.log_output, @@GLOBAL.general_log_file")) {
        rs.next();
        oldOutput = rs.getString(1);
        oldFile = rs.getString(2);
      }
      s.execute("SET GLOBAL log_output = 'FILE'");
      s.execute("SET GLOBAL general_log_file = '" + log.toString().replace("'", "''") + "'");
      s.execute("SET GLOBAL general_log = 1");
      try {
        s.execute("CREATE TABLE gl_note (id INT PRIMARY KEY, body VARCHAR(100))");
        s.executeUpdate("INSERT INTO gl_note VALUES (1,\n'first line\nsecond line')");
        try (PreparedStatement ps =
            mysql.prepareStatement("SELECT body FROM gl_note WHERE id = ?")) {
          ps.setInt(1, 1);
          ps.executeQuery().close();
        }
      } finally {
        s.execute("SET GLOBAL general_log = 0");
        s.execute("SET GLOBAL general_log_file = '" + oldFile.replace("'", "''") + "'");
        s.execute("SET GLOBAL log_output = '" + oldOutput + "'");
      }
    }
    assumeThat(Files.exists(log)).as("the server writes its log on this machine").isTrue();

    Result r = CliRun.run("", "translate", "--json", log.toString());
    List<String> statements =
        r.outLines().stream().map(l -> (String) MiniJson.object(l).get("mysql")).toList();
    assertThat(statements)
        .contains(
            "CREATE TABLE gl_note (id INT PRIMARY KEY, body VARCHAR(100))",
            "INSERT INTO gl_note VALUES (1,\n'first line\nsecond line')",
            "SELECT body FROM gl_note WHERE id = 1");
  }
}
