package io.dualwrite.admin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The connection options open both real sides, and fail with exit 2 without showing secrets. */
@ExtendWith(TestDatabases.class)
class ConnectionsIT {

  @Command(name = "probe")
  static final class Probe {
    @Mixin ConnectionOptions connection;
  }

  private static ConnectionSettings resolve(Secrets secrets, List<String> args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args.toArray(String[]::new));
    return probe.connection.resolve(secrets);
  }

  private static void addPassword(List<String> args, String option, String password) {
    if (password != null && !password.isEmpty()) {
      args.add(option + "=" + password);
    }
  }

  private static String selectOne(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void optionsOpenBothSides(DatabasePair db) throws SQLException {
    List<String> args = new ArrayList<>();
    args.add("--mysql-url=" + db.mysql().jdbcUrl());
    args.add("--mysql-user=" + db.mysql().user());
    addPassword(args, "--mysql-password", db.mysql().password());
    args.add("--postgres-url=" + db.postgres().jdbcUrl());
    args.add("--postgres-user=" + db.postgres().user());
    addPassword(args, "--postgres-password", db.postgres().password());
    Secrets secrets = new Secrets();
    ConnectionSettings settings = resolve(secrets, args);
    try (Connection mysql = Connections.openMysql(settings.mysql().orElseThrow(), secrets);
        Connection pg = Connections.openPostgres(settings.postgres().orElseThrow(), secrets)) {
      assertThat(selectOne(mysql)).isEqualTo("1");
      assertThat(selectOne(pg)).isEqualTo("1");
      assertThat(mysql.getCatalog()).isEqualTo(db.name());
    }
  }

  @Test
  void unreachablePostgresCannotRunAndHidesThePassword() {
    Secrets secrets = new Secrets();
    DatabaseEndpoint endpoint =
        new DatabaseEndpoint(
            "jdbc:postgresql://127.0.0.1:1/app?password=InUrl-Pg-11", "app", "Option-Pg-12");
    assertThatThrownBy(() -> Connections.openPostgres(endpoint, secrets))
        .isInstanceOfSatisfying(
            AdminException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
              assertThat(e.getMessage())
                  .contains("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/app")
                  .doesNotContain("InUrl-Pg-11", "Option-Pg-12");
            });
  }

  @Test
  void wrongKindOfUrlCannotRun() {
    DatabaseEndpoint endpoint = new DatabaseEndpoint("mysql://db/app", "app", null);
    assertThatThrownBy(() -> Connections.openMysql(endpoint, new Secrets()))
        .isInstanceOfSatisfying(
            AdminException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN))
        .hasMessageContaining("must be a JDBC URL");
  }
}
