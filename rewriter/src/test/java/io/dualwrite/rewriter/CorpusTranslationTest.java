package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sqlglot MySQL inputs (shared corpus): each is translated or refused with a reason, never an
 * internal error; the ones whose meaning we know to be untranslatable are refused.
 */
class CorpusTranslationTest {

  private static final Pattern MYSQL_FIELD =
      Pattern.compile("\"mysql\": \"((?:[^\"\\\\]|\\\\.)*)\"");

  static List<String> sqlglotInputs() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/equivalence/corpus/sqlglot_mysql_to_postgres.jsonl"))) {
      Matcher m = MYSQL_FIELD.matcher(line);
      if (!m.find()) {
        continue;
      }
      String sql = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
      String first = sql.trim().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
      if (!List.of("SELECT", "WITH", "CREATE", "INSERT", "UPDATE", "DELETE").contains(first)) {
        sql = "SELECT " + sql; // the corpus holds some bare expressions
      }
      out.add(sql);
    }
    return out;
  }

  @Test
  void everySqlglotInputIsTranslatedOrRefusedWithAReason() throws IOException {
    Rewriter r = Rewriter.builder().build();
    List<String> inputs = sqlglotInputs();
    assertThat(inputs).hasSize(37);
    int translated = 0;
    for (String sql : inputs) {
      Translation t = r.translate(sql);
      if (t.isRefused()) {
        assertThat(t.refusal().code()).as(sql).isNotEqualTo("internal-error");
        assertThat(t.refusal().reason()).as(sql).isNotBlank();
      } else {
        assertThat(t.postgresSql()).as(sql).isNotBlank();
        translated++;
      }
    }
    assertThat(translated).isGreaterThanOrEqualTo(28);
  }

  @Test
  void knownMeaningChangesAreRefusedNotGuessed() {
    Rewriter r = Rewriter.builder().build();
    // MySQL's ~ inverts 64 unsigned bits: an integer literal or column is written as 2^64 - 1 - x,
    // an operand of unknown type (MySQL converts it first) is refused; MATCH ranks differently
    assertThat(r.translate("SELECT ~0").postgresSql()).contains("18446744073709551615 - ");
    assertThat(r.translate("SELECT ~(a + 1) FROM t").refusal().code())
        .isEqualTo("unsupported-syntax:bit-inversion");
    assertThat(r.translate("SELECT MATCH(col1, col2) AGAINST('abc')").isRefused()).isTrue();
    // sqlglot's x'CC' would be a bit string in PostgreSQL; bytea keeps MySQL's binary string
    assertThat(r.translate("SELECT 0xCC").postgresSql()).isEqualTo("SELECT '\\xcc'::bytea");
  }
}
