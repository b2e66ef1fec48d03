package io.dualwrite.driver.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.Phase.Side;
import org.junit.jupiter.api.Test;

class ReadRouterTest {

  @Test
  void ineligibleOrUnhealthyReadsStayOnTheAuthoritativeSide() {
    Flags all = new Flags(Phase.DUAL_WRITE, 100, 0, 1);
    assertThat(ReadRouter.route(all, false, true).side()).isEqualTo(Side.MYSQL);
    assertThat(ReadRouter.route(all, true, false).side()).isEqualTo(Side.MYSQL);
    Flags pgPrimary = new Flags(Phase.PG_PRIMARY, 0, 0, 1);
    assertThat(ReadRouter.route(pgPrimary, true, true).side()).isEqualTo(Side.MYSQL);
    assertThat(ReadRouter.route(pgPrimary, false, true).side()).isEqualTo(Side.POSTGRES);
  }

  @Test
  void singleSidePhasesReadFromTheirSide() {
    assertThat(ReadRouter.route(new Flags(Phase.MYSQL_ONLY, 100, 100, 1), true, true))
        .isEqualTo(new ReadRouter.Route(Side.MYSQL, false));
    assertThat(ReadRouter.route(new Flags(Phase.PG_ONLY, 0, 100, 1), true, true))
        .isEqualTo(new ReadRouter.Route(Side.POSTGRES, false));
  }

  @Test
  void readPercentIsTheShareOfEligibleReadsServedByPostgres() {
    Flags flags = new Flags(Phase.DUAL_WRITE, 30, 0, 1);
    int postgres = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      if (ReadRouter.route(flags, true, true).side() == Side.POSTGRES) {
        postgres++;
      }
    }
    assertThat(postgres * 100.0 / n).isBetween(29.0, 31.0);
  }

  @Test
  void comparePercentMarksThatShareOfReadsForComparison() {
    Flags flags = new Flags(Phase.DUAL_WRITE, 0, 50, 1);
    int compared = 0;
    for (int i = 0; i < 10_000; i++) {
      if (ReadRouter.route(flags, true, true).compare()) {
        compared++;
      }
    }
    assertThat(compared).isBetween(4_700, 5_300);
    assertThat(ReadRouter.route(new Flags(Phase.DUAL_WRITE, 0, 0, 1), true, true).compare())
        .isFalse();
  }
}
