package io.dualwrite.driver.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

  @Test
  void literalsAndWhitespaceDoNotChangeTheFingerprint() {
    assertThat(Fingerprints.of("SELECT * FROM t WHERE id = 1 AND name = 'x'"))
        .isEqualTo(Fingerprints.of("select *  from t where id = 42 and name = 'it''s'"))
        .hasSize(16);
  }

  @Test
  void differentShapesHaveDifferentFingerprints() {
    assertThat(Fingerprints.of("SELECT a FROM t")).isNotEqualTo(Fingerprints.of("SELECT b FROM t"));
    assertThat(Fingerprints.of("SELECT t1.a FROM t1"))
        .isNotEqualTo(Fingerprints.of("SELECT t2.a FROM t2"));
  }

  @Test
  void discrepancyIsOneJsonLine() {
    Discrepancy d =
        new Discrepancy(
            java.time.Instant.EPOCH,
            "host:1",
            DiscrepancyKind.MIRROR_FAILED,
            "abc",
            "INSERT INTO t VALUES ('a\"b')",
            "line1\nline2",
            java.util.Set.of("t"),
            java.util.List.of("1"));
    assertThat(d.toJson())
        .doesNotContain("\n")
        .contains("\"kind\":\"MIRROR_FAILED\"")
        .contains("'a\\\"b'")
        .contains("\"tables\":[\"t\"]");
  }
}
