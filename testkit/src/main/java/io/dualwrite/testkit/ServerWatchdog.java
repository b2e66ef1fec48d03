package io.dualwrite.testkit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A shell that waits for this JVM or a test server to end. If the JVM ends first (killed, so no
 * shutdown hook ran: a fork that Surefire/Failsafe kills after its exit timeout, a kill -9), it
 * stops the server with {@code signal}, waits up to 60 s, kills it, and removes its folder. When
 * the server ends first (its normal stop), the shell ends by itself within a second.
 */
final class ServerWatchdog {
  private ServerWatchdog() {}

  /**
   * @param name the shell's name in the process list
   * @param serverPid the server's process id
   * @param signal the first signal ({@code TERM} for mysqld's clean shutdown, {@code INT} for
   *     PostgreSQL's fast shutdown)
   * @param home the server's folder, removed after the server stopped
   */
  static Process start(String name, long serverPid, String signal, Path home) throws IOException {
    String script =
        "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; do sleep 1; done\n"
            + "if kill -0 \"$2\" 2>/dev/null; then\n"
            + "  kill -"
            + signal
            + " \"$2\"\n"
            + "  i=0; while kill -0 \"$2\" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1));"
            + " done\n"
            + "  kill -KILL \"$2\" 2>/dev/null\n"
            + "  rm -rf -- \"$3\"\n"
            + "fi\n";
    return new ProcessBuilder(
            "sh",
            "-c",
            script,
            name,
            Long.toString(ProcessHandle.current().pid()),
            Long.toString(serverPid),
            home.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
  }
}
