package io.dualwrite.admin.translate;

import static io.dualwrite.admin.translate.InputFormat.GENERAL_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneralLogSourceTest {

  private static final String MYSQL8_LOG =
      "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\n"
          + "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\n"
          + "Time                 Id Command    Argument\n"
          + "2024-05-01T10:00:00.100000Z\t   12 Connect\tapp@10.0.0.5 on shop using TCP/IP\n"
          + "2024-05-01T10:00:00.123456Z    12 Query\tSELECT * FROM orders WHERE id = 1\n"
          + "2024-05-01T10:00:00.200000Z\t   12 Prepare\tSELECT * FROM orders WHERE id = ?\n"
          + "2024-05-01T10:00:00.210000Z\t   12 Execute\tSELECT * FROM orders WHERE id = 7\n"
          + "2024-05-01T10:00:00.300000Z\t   12 Query\tINSERT INTO orders (note)\n"
          + "VALUES ('line one\n"
          + "line two');\n"
          + "2024-05-01T10:00:00.400000Z\t   12 Init DB\tshop\n"
          + "2024-05-01T10:00:00.500000Z\t   12 Quit\t\n"
          + "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\n"
          + "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\n"
          + "Time                 Id Command    Argument\n"
          + "2024-05-01T11:00:00.000000+02:00\t    3 Query\tCOMMIT\n";

  @Test
  void takesQueryAndExecuteEntriesOnly() {
    assertThat(Statements.texts(GENERAL_LOG, MYSQL8_LOG))
        .containsExactly(
            "SELECT * FROM orders WHERE id = 1",
            "SELECT * FROM orders WHERE id = 7",
            "INSERT INTO orders (note)\nVALUES ('line one\nline two')",
            "COMMIT");
  }

  @Test
  void multiLineQueryEndsAtTheNextEntryAndKnowsItsStartLine() {
    List<SourceStatement> statements = Statements.read(GENERAL_LOG, MYSQL8_LOG);
    assertThat(statements).extracting(SourceStatement::line).containsExactly(5L, 7L, 8L, 16L);
  }

  @Test
  void readsTheClassicFormatOfMariaDbAndOldMysql() {
    String log =
        "/usr/sbin/mariadbd, Version: 10.11.5-MariaDB (MariaDB Server). started with:\n"
            + "Tcp port: 3306  Unix socket: /run/mysqld/mysqld.sock\n"
            + "Time\t\t    Id Command\tArgument\n"
            + "241121  4:43:56\t     5 Connect\troot@localhost as anonymous on test\n"
            + "\t\t     5 Query\tselect @@version_comment limit 1\n"
            + "241121 14:43:57\t     5 Query\tUPDATE t\n"
            + "\tSET a = 1\n"
            + "\t\t     5 Quit\t\n";
    assertThat(Statements.texts(GENERAL_LOG, log))
        .containsExactly("select @@version_comment limit 1", "UPDATE t\n\tSET a = 1");
  }

  @Test
  void continuationLinesBeforeTheFirstEntryAreIgnored() {
    String log =
        "  AND b = 2\n" // the tail of a query cut off by log rotation
            + "2024-05-01T10:00:00.123456Z    12 Query\tSELECT 1;\n";
    assertThat(Statements.texts(GENERAL_LOG, log)).containsExactly("SELECT 1");
  }

  @Test
  void emptyQueryEntriesAreSkipped() {
    String log =
        "2024-05-01T10:00:00.123456Z    12 Query\t\n"
            + "2024-05-01T10:00:00.123456Z    12 Query\tSELECT 2\n";
    assertThat(Statements.texts(GENERAL_LOG, log)).containsExactly("SELECT 2");
  }

  @Test
  void overlongMultiLineQueryIsCutAndMarked() {
    String log =
        "2024-05-01T10:00:00.123456Z    12 Query\tINSERT INTO t VALUES\n"
            + "(1),\n".repeat(100)
            + "(2)\n"
            + "2024-05-01T10:00:01.000000Z    12 Query\tSELECT 3\n";
    List<SourceStatement> statements = Statements.read(GENERAL_LOG, log, 64);
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0).truncated()).isTrue();
    assertThat(statements.get(0).text()).startsWith("INSERT INTO t VALUES\n(1),");
    assertThat(statements.get(1).text()).isEqualTo("SELECT 3");
    assertThat(statements.get(1).truncated()).isFalse();
  }
}
