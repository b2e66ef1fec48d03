package io.dualwrite.admin.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.admin.AdminException;
import io.dualwrite.driver.Phase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiscrepanciesCommandTest {
  private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

  @Test
  void sinceTakesDurationsBackFromNowOrInstants() {
    assertThat(DiscrepanciesCommand.parseSince("15m", NOW))
        .isEqualTo(Instant.parse("2026-01-31T11:45:00Z"));
    assertThat(DiscrepanciesCommand.parseSince("2h", NOW))
        .isEqualTo(Instant.parse("2026-01-31T10:00:00Z"));
    assertThat(DiscrepanciesCommand.parseSince("1d", NOW))
        .isEqualTo(Instant.parse("2026-01-30T12:00:00Z"));
    assertThat(DiscrepanciesCommand.parseSince("2026-01-01T00:00:00Z", NOW))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThatThrownBy(() -> DiscrepanciesCommand.parseSince("yesterday", NOW))
        .isInstanceOf(AdminException.class)
        .hasMessageContaining("--since");
  }

  @Test
  void percentsAndPhasesAreCheckedBeforeAnythingIsWritten() {
    assertThat(FlagsChange.percent("50%", "N")).isEqualTo(50);
    assertThatThrownBy(() -> FlagsChange.percent("-1", "N")).isInstanceOf(AdminException.class);
    assertThatThrownBy(() -> FlagsChange.percent("ten", "N")).isInstanceOf(AdminException.class);
    assertThat(FlagsChange.phase("pg-primary")).isEqualTo(Phase.PG_PRIMARY);
    assertThatThrownBy(() -> FlagsChange.phase("PG")).hasMessageContaining("DUAL_WRITE");
  }
}
