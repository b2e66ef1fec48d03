package io.dualwrite.admin.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class InputFormatTest {

  @Test
  void generalLogIsRecognisedByItsEntriesOrBanner() throws IOException {
    assertThat(InputFormat.detect("2024-05-01T10:00:00.123456Z    12 Query\tSELECT 1;\n"))
        .isEqualTo(InputFormat.GENERAL_LOG);
    assertThat(InputFormat.detect("\t\t     5 Query\tSELECT 1\n"))
        .isEqualTo(InputFormat.GENERAL_LOG);
    assertThat(
            InputFormat.detect(
                "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\n"))
        .isEqualTo(InputFormat.GENERAL_LOG);
  }

  @Test
  void scriptIsRecognisedByASemicolonOutsideQuotesOrADelimiterLine() throws IOException {
    assertThat(InputFormat.detect("SELECT 1;\nSELECT 2;")).isEqualTo(InputFormat.SCRIPT);
    assertThat(InputFormat.detect("SELECT 1\nSELECT 2;")).isEqualTo(InputFormat.SCRIPT);
    assertThat(InputFormat.detect("DELIMITER $$\nCREATE PROCEDURE p() BEGIN END$$"))
        .isEqualTo(InputFormat.SCRIPT);
  }

  @Test
  void linesWithoutTerminatorsAreOneStatementPerLine() throws IOException {
    assertThat(InputFormat.detect("SELECT ';'\nSELECT 2 -- x;\nSELECT 3"))
        .isEqualTo(InputFormat.LINES);
    assertThat(InputFormat.detect("")).isEqualTo(InputFormat.LINES);
  }

  @Test
  void oneLineLongerThanTheSampleIsTheStartOfAScriptStatement() throws IOException {
    String huge = "INSERT INTO t VALUES " + "(1),".repeat(InputFormat.SAMPLE_CHARS / 4);
    assertThat(InputFormat.detect(huge.substring(0, InputFormat.SAMPLE_CHARS)))
        .isEqualTo(InputFormat.SCRIPT);
  }

  @Test
  void sakilaIsAScript() throws IOException {
    String sakila = Files.readString(TranslateCommandTest.SAKILA);
    assertThat(InputFormat.detect(sakila)).isEqualTo(InputFormat.SCRIPT);
  }

  @Test
  void detectionRewindsTheReader() throws IOException {
    BufferedReader reader =
        new BufferedReader(new StringReader("SELECT 1;\nSELECT 2;"), InputFormat.SAMPLE_CHARS * 2);
    assertThat(InputFormat.detect(reader)).isEqualTo(InputFormat.SCRIPT);
    assertThat(reader.readLine()).isEqualTo("SELECT 1;");
  }

  @Test
  void converterTakesTheCommandLineNames() {
    InputFormat.Converter converter = new InputFormat.Converter();
    assertThat(converter.convert("general-log")).isEqualTo(InputFormat.GENERAL_LOG);
    assertThat(converter.convert("Script")).isEqualTo(InputFormat.SCRIPT);
    assertThatThrownBy(() -> converter.convert("csv"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("script, lines, general-log");
  }
}
