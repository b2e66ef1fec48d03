package io.dualwrite.admin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import org.junit.jupiter.api.Test;

/** {@code demo} runs to the end in-process: the application without errors, verify equal. */
class DemoIT {

  @Test
  void demoRampsReadsAndEndsWithBothSidesEqual() {
    Result r = CliRun.run("", "demo", "--step-seconds=1");
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("set-read-percent 0:")
        .contains("set-read-percent 10:")
        .contains("set-read-percent 50:")
        .contains("set-read-percent 100:")
        .contains("applied by 2 live instances")
        .contains("reads 100% from PostgreSQL")
        .contains("demo-app-1")
        .contains("demo-app-2")
        .contains("verify: all 2 tables equal")
        .contains("Demo finished: both sides equal")
        .doesNotContainPattern("[1-9]\\d* errors\\b");
  }
}
