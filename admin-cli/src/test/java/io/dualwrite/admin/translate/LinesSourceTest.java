package io.dualwrite.admin.translate;

import static io.dualwrite.admin.translate.InputFormat.LINES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesSourceTest {

  @Test
  void eachNonBlankLineIsOneStatement() {
    assertThat(Statements.texts(LINES, "SELECT 1\n\n  UPDATE t SET a = 1  \r\nDELETE FROM t"))
        .containsExactly("SELECT 1", "UPDATE t SET a = 1", "DELETE FROM t");
  }

  @Test
  void trailingSemicolonsAreDroppedButInnerOnesKept() {
    assertThat(Statements.texts(LINES, "SELECT 'a;b';\nSELECT 2 ; \n;\n"))
        .containsExactly("SELECT 'a;b'", "SELECT 2");
  }

  @Test
  void wholeLineCommentsAreSkipped() {
    assertThat(Statements.texts(LINES, "-- comment\n# other\n--\nSELECT 1\n--not-a-comment"))
        .containsExactly("SELECT 1", "--not-a-comment");
  }

  @Test
  void statementsCarryTheirLineNumbers() {
    List<SourceStatement> statements = Statements.read(LINES, "\nSELECT 1\n\n# c\nSELECT 2\n");
    assertThat(statements).extracting(SourceStatement::line).containsExactly(2L, 5L);
  }

  @Test
  void overlongLineIsCutAndMarked() {
    List<SourceStatement> statements =
        Statements.read(LINES, "SELECT '" + "z".repeat(300) + "'\nSELECT 2", 50);
    assertThat(statements.get(0).truncated()).isTrue();
    assertThat(statements.get(0).text()).hasSize(50);
    assertThat(statements.get(0).length()).isEqualTo(309);
    assertThat(statements.get(1).text()).isEqualTo("SELECT 2");
  }
}
