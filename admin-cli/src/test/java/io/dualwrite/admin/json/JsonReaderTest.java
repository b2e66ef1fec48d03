package io.dualwrite.admin.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  @Test
  void readsBackWhatJsonWrites() {
    String text =
        Json.object()
            .put("s", "a\"b\\c\n\u2028\u0001")
            .put("n", 42)
            .put("t", true)
            .put("o", Json.object().put("k", (String) null))
            .put("a", Json.array().add("x").add(7))
            .toString();
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) JsonReader.parse(text);
    assertThat(m.get("s")).isEqualTo("a\"b\\c\n\u2028\u0001");
    assertThat(m.get("n")).isEqualTo(new BigDecimal("42"));
    assertThat(m.get("t")).isEqualTo(true);
    assertThat(((Map<?, ?>) m.get("o")).get("k")).isNull();
    assertThat(((Map<?, ?>) m.get("o")).containsKey("k")).isTrue();
    assertThat(m.get("a")).isEqualTo(List.of("x", new BigDecimal("7")));
  }

  @Test
  void refusesAnythingButOneValue() {
    assertThatThrownBy(() -> JsonReader.parse("{\"a\":1} x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> JsonReader.parse("{\"a\":"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonReader.parse("[1,]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonReader.parse("\"\\x\""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
