package io.dualwrite.admin.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.MiniJson;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void quoteEscapesQuotesBackslashesAndShortFormControls() {
    assertThat(Json.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(Json.quote("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
  }

  @Test
  void quoteEscapesOtherControlCharactersAsUnicode() {
    assertThat(Json.quote("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
    assertThat(Json.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
  }

  @Test
  void quoteKeepsPrintableUnicodeAndPairedSurrogatesAsTheyAre() {
    assertThat(Json.quote("é ü 中 😀 / ' `")).isEqualTo("\"é ü 中 😀 / ' `\"");
  }

  @Test
  void quoteEscapesUnpairedSurrogates() {
    assertThat(Json.quote("x\uD83Dy")).isEqualTo("\"x\\ud83dy\"");
    assertThat(Json.quote("\uDE00")).isEqualTo("\"\\ude00\"");
    assertThat(Json.quote("\uD83D")).isEqualTo("\"\\ud83d\"");
  }

  @Test
  void quoteOfNullIsTheNullLiteral() {
    assertThat(Json.quote(null)).isEqualTo("null");
    assertThat(Json.object().put("a", (String) null).toString()).isEqualTo("{\"a\":null}");
  }

  @Test
  void randomStringsSurviveARoundTripThroughAStrictParser() {
    Random random = new Random(42);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(40);
      for (int i = 0; i < len; i++) {
        int pick = random.nextInt(10);
        b.append(
            switch (pick) {
              case 0 -> (char) random.nextInt(0x20);
              case 1 -> '"';
              case 2 -> '\\';
              case 3 -> (char) (0xD800 + random.nextInt(0x800)); // surrogates, paired or not
              case 4 -> (char) random.nextInt(0x10000);
              default -> (char) (0x20 + random.nextInt(0x5f));
            });
      }
      String original = b.toString();
      String quoted = Json.quote(original);
      assertThat(quoted).doesNotContain("\n", "\r", "\u2028");
      assertThat(MiniJson.parse(quoted)).isEqualTo(original);
    }
  }

  @Test
  void objectsAndArraysNestInMemberOrderOnOneLine() {
    String text =
        Json.object()
            .put("s", "x\ny")
            .put("n", 42)
            .put("b", true)
            .put("o", Json.object().put("k", "v"))
            .put("a", Json.array().add("p").add(7).add(Json.object()))
            .toString();
    assertThat(text).doesNotContain("\n");
    Map<String, Object> parsed = MiniJson.object(text);
    assertThat(parsed.keySet()).containsExactly("s", "n", "b", "o", "a");
    assertThat(parsed.get("s")).isEqualTo("x\ny");
    assertThat(parsed.get("n")).isEqualTo(42L);
    assertThat(parsed.get("b")).isEqualTo(true);
    assertThat(parsed.get("o")).isEqualTo(Map.of("k", "v"));
    assertThat(parsed.get("a")).isEqualTo(List.of("p", 7L, Map.of()));
  }
}
