package io.dualwrite.admin.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two application processes (separate JVMs) follow one {@code set-read-percent} within {@code
 * refreshMillis} + 1 s, and {@code status} shows both with the new version.
 */
@ExtendWith(TestDatabases.class)
class TwoProcessesIT {
  private static final int REFRESH_MILLIS = 500;

  private static Process start(DatabasePair db, String instance) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(AppProcess.class.getName());
    cmd.add(DualWriteTestUrls.url(db));
    cmd.add(instance);
    cmd.add(Integer.toString(REFRESH_MILLIS));
    DualWriteTestUrls.properties(db)
        .forEach(
            (k, v) -> {
              if (!k.equals("dualwrite.control")) {
                cmd.add(k + "=" + v);
              }
            });
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("ready");
    return p;
  }

  @Test
  void twoProcessesApplyOneSetReadPercentWithinRefreshPlusOneSecond(DatabasePair db)
      throws Exception {
    Process a = start(db, "jvm-a");
    Process b = start(db, "jvm-b");
    try {
      long started = System.nanoTime();
      Result r = CliRun.run("", AdminArgs.of(db, "set-read-percent", "40", "--json"));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
      Map<String, Object> done = MiniJson.object(r.out());
      assertThat(done.get("applied")).isEqualTo(true);
      assertThat(done.get("liveInstances")).isEqualTo(2L);
      assertThat((Long) done.get("waitedMillis")).isLessThanOrEqualTo(REFRESH_MILLIS + 1000L);
      assertThat(millis).isLessThan(REFRESH_MILLIS + 1000L + 3000L);

      Result status = CliRun.run("", AdminArgs.of(db, "status"));
      assertThat(status.out())
          .containsPattern("(?m)^    jvm-a  version \\d+  DUAL_WRITE read 40%")
          .containsPattern("(?m)^    jvm-b  version \\d+  DUAL_WRITE read 40%");
    } finally {
      a.getOutputStream().close();
      b.getOutputStream().close();
      if (!a.waitFor(10, TimeUnit.SECONDS)) {
        a.destroy();
      }
      if (!b.waitFor(10, TimeUnit.SECONDS)) {
        b.destroy();
      }
    }
  }
}
