package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void arraysOfAwkwardStringsRoundTrip() {
    List<String> values =
        List.of("plain", "a,b", "quote\"d", "back\\slash", "line\nbreak", "tab\t", "\u0001", "");
    String json = JsonText.array(values);
    assertThat(json).doesNotContain("\n");
    assertThat(JsonText.parseArray(json)).isEqualTo(values);
  }

  @Test
  void emptyAndMissingTextAreEmptyLists() {
    assertThat(JsonText.array(List.of())).isEqualTo("[]");
    assertThat(JsonText.parseArray("[]")).isEmpty();
    assertThat(JsonText.parseArray(" [ ] ")).isEmpty();
    assertThat(JsonText.parseArray(null)).isEmpty();
  }

  @Test
  void textThatIsNotAnArrayOfStringsIsRejected() {
    assertThatThrownBy(() -> JsonText.parseArray("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonText.parseArray("[\"a\""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonText.parseArray("a,b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
