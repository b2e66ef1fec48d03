package io.dualwrite.admin.translate;

import static io.dualwrite.admin.translate.InputFormat.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

  @Test
  void splitsOnSemicolonsAndTrimsWhitespace() {
    assertThat(Statements.texts(SCRIPT, "SELECT 1;\n  SELECT 2 ;SELECT 3"))
        .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
  }

  @Test
  void semicolonsInsideQuotesDoNotEndAStatement() {
    String script =
        "INSERT INTO t VALUES ('a;b', \"c;d\");\n"
            + "SELECT `we;ird` FROM t;\n"
            + "SELECT 'it''s;', \"say \"\"hi;\"\"\";";
    assertThat(Statements.texts(SCRIPT, script))
        .containsExactly(
            "INSERT INTO t VALUES ('a;b', \"c;d\")",
            "SELECT `we;ird` FROM t",
            "SELECT 'it''s;', \"say \"\"hi;\"\"\"");
  }

  @Test
  void backslashEscapesAQuoteInStringsButNotInBackticks() {
    List<String> texts =
        Statements.texts(SCRIPT, "SELECT 'a\\';b', \"c\\\";d\";\nSELECT `x\\`;SELECT 2;");
    assertThat(texts).containsExactly("SELECT 'a\\';b', \"c\\\";d\"", "SELECT `x\\`", "SELECT 2");
  }

  @Test
  void escapedBackslashBeforeTheClosingQuoteEndsTheString() {
    assertThat(Statements.texts(SCRIPT, "SELECT 'a\\\\';SELECT 2;"))
        .containsExactly("SELECT 'a\\\\'", "SELECT 2");
  }

  @Test
  void quotedTextKeepsCommentMarkersAndNewlines() {
    String script = "SELECT '-- no', '# no', '/* no */', 'line1\nline2';";
    assertThat(Statements.texts(SCRIPT, script))
        .containsExactly("SELECT '-- no', '# no', '/* no */', 'line1\nline2'");
  }

  @Test
  void commentsAreRemovedAndCanHoldSemicolons() {
    String script =
        "-- header; not a statement\n"
            + "# another; one\n"
            + "SELECT 1 -- trailing; comment\n"
            + "  , 2 # hash; comment\n"
            + "  /* block; comment */ , 3;\n"
            + "/* only a comment; */\n"
            + "SELECT/*x*/4;";
    assertThat(Statements.texts(SCRIPT, script))
        .containsExactly("SELECT 1 \n  , 2 \n    , 3", "SELECT 4");
  }

  @Test
  void doubleDashWithoutSpaceIsNotAComment() {
    assertThat(Statements.texts(SCRIPT, "SELECT 5--3;\nSELECT 1;"))
        .containsExactly("SELECT 5--3", "SELECT 1");
  }

  @Test
  void executableCommentsAndHintsAreKept() {
    String script = "/*!40101 SET NAMES utf8 */;\nSELECT /*+ MAX_EXECUTION_TIME(1000) */ a FROM t;";
    assertThat(Statements.texts(SCRIPT, script))
        .containsExactly(
            "/*!40101 SET NAMES utf8 */", "SELECT /*+ MAX_EXECUTION_TIME(1000) */ a FROM t");
  }

  @Test
  void emptyStatementsAreSkipped() {
    assertThat(Statements.texts(SCRIPT, ";;\n ; SELECT 1;;; -- x\n;")).containsExactly("SELECT 1");
  }

  @Test
  void delimiterCommandChangesTheDelimiterForBodiesWithSemicolons() {
    String script =
        "SELECT 1;\n"
            + "DELIMITER //\n"
            + "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND//\n"
            + "delimiter ;\n"
            + "SELECT 3;";
    assertThat(Statements.texts(SCRIPT, script))
        .containsExactly(
            "SELECT 1", "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND", "SELECT 3");
  }

  @Test
  void delimiterMayBeTwoSemicolonsOrDollarsAndIsMatchedOutsideQuotesOnly() {
    String script =
        "DELIMITER ;;\n"
            + "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW BEGIN\n"
            + "  INSERT INTO b VALUES (';;');\n"
            + "END;;\n"
            + "DELIMITER $$\n"
            + "CREATE FUNCTION f() RETURNS INT RETURN 1 $$\n"
            + "   DELIMITER ;\n"
            + "SELECT '$$';";
    assertThat(Statements.texts(SCRIPT, script))
        .containsExactly(
            "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW BEGIN\n"
                + "  INSERT INTO b VALUES (';;');\nEND",
            "CREATE FUNCTION f() RETURNS INT RETURN 1",
            "SELECT '$$'");
  }

  @Test
  void windowsLineEndsWorkWithDelimiterLines() {
    String script =
        "SELECT 1;\r\nDELIMITER $$\r\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\r\n"
            + "DELIMITER ;\r\nSELECT 2;\r\n";
    assertThat(Statements.texts(SCRIPT, script))
        .containsExactly("SELECT 1", "CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 2");
  }

  @Test
  void mysqldumpTriggerWithVersionCommentsIsOneStatement() {
    String dump =
        "/*!40101 SET character_set_client = utf8 */;\n"
            + "DELIMITER ;;\n"
            + "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t1"
            + " BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1; */;;\n"
            + "DELIMITER ;\n"
            + "UNLOCK TABLES;\n";
    assertThat(Statements.texts(SCRIPT, dump))
        .containsExactly(
            "/*!40101 SET character_set_client = utf8 */",
            "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t1"
                + " BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1; */",
            "UNLOCK TABLES");
  }

  @Test
  void delimiterWordInsideAStatementIsNotACommand() {
    String script = "SELECT\ndelimiter FROM t;\nSELECT 2;";
    assertThat(Statements.texts(SCRIPT, script))
        .containsExactly("SELECT\ndelimiter FROM t", "SELECT 2");
  }

  @Test
  void statementsKnowTheLineTheyStartOn() {
    String script = "-- c\n\nSELECT 1;\n/* two\nlines */ SELECT\n'a\nb';\nDELIMITER $$\nSELECT 3$$";
    List<SourceStatement> statements = Statements.read(SCRIPT, script);
    assertThat(statements).extracting(SourceStatement::line).containsExactly(3L, 5L, 9L);
  }

  @Test
  void unterminatedLastStatementIsStillReturned() {
    assertThat(Statements.texts(SCRIPT, "SELECT 1;\nSELECT 'open"))
        .containsExactly("SELECT 1", "SELECT 'open");
  }

  @Test
  void overlongStatementIsCutButItsFullLengthIsKnown() {
    String longOne = "SELECT '" + "x".repeat(500) + "'";
    List<SourceStatement> statements = Statements.read(SCRIPT, longOne + ";\nSELECT 2;", 100);
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0).truncated()).isTrue();
    assertThat(statements.get(0).text()).hasSize(100);
    assertThat(statements.get(0).length()).isEqualTo(longOne.length());
    assertThat(statements.get(1).text()).isEqualTo("SELECT 2");
    assertThat(statements.get(1).truncated()).isFalse();
  }

  @Test
  void overlongStatementLengthIsExactAcrossBufferRefills() {
    String longOne = "SELECT '" + "x".repeat(200_000) + "'";
    List<SourceStatement> statements = Statements.read(SCRIPT, longOne + ";\nSELECT 2;", 100_000);
    assertThat(statements.get(0).length()).isEqualTo(longOne.length());
  }

  @Test
  void delimiterAcrossTheReadBufferBoundaryIsFound() {
    // The buffer is 64 Ki chars; put the two-char delimiter across that edge.
    String body = "SELECT '" + "y".repeat((1 << 16) - 10) + "'";
    String script = "DELIMITER $$\n" + body + "$$" + "SELECT 2$$";
    List<SourceStatement> statements = Statements.read(SCRIPT, script);
    assertThat(statements).extracting(SourceStatement::text).containsExactly(body, "SELECT 2");
  }

  @Test
  void sakilaSchemaSplitsIntoItsStatements() throws IOException {
    String sakila = Files.readString(TranslateCommandTest.SAKILA);
    List<SourceStatement> statements = Statements.read(SCRIPT, sakila);
    List<String> texts = statements.stream().map(SourceStatement::text).toList();
    assertThat(texts).noneMatch(t -> t.toUpperCase().startsWith("DELIMITER"));
    assertThat(texts).noneMatch(String::isBlank);
    assertThat(texts.stream().filter(t -> t.startsWith("CREATE TABLE"))).hasSize(16);
    assertThat(texts.stream().filter(t -> t.startsWith("CREATE TRIGGER"))).hasSize(3);
    assertThat(texts.stream().filter(t -> t.startsWith("CREATE PROCEDURE"))).hasSize(3);
    assertThat(texts.stream().filter(t -> t.startsWith("CREATE FUNCTION"))).hasSize(3);
    assertThat(texts.get(0)).isEqualTo("SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0");
    assertThat(texts.get(texts.size() - 1)).isEqualTo("SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS");
    String updFilm =
        texts.stream().filter(t -> t.startsWith("CREATE TRIGGER `upd_film`")).findFirst().get();
    assertThat(updFilm).contains("WHERE film_id=old.film_id;").endsWith("END IF;\n  END");
    String inStock =
        texts.stream()
            .filter(t -> t.startsWith("CREATE FUNCTION inventory_in_stock"))
            .findFirst()
            .get();
    assertThat(inStock).doesNotContain("#AN ITEM").endsWith("END IF;\nEND");
  }
}
