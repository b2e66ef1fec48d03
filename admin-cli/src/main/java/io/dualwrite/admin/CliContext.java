package io.dualwrite.admin;

import io.dualwrite.admin.connect.Secrets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What a command gets from its surroundings besides its arguments: standard input, whether standard
 * error is a terminal, a clock, and the secrets to keep out of the output. Tests build their own.
 *
 * @param stdin standard input
 * @param stderrIsTerminal whether progress may be shown without being asked for
 * @param nanoTime a monotonic clock in nanoseconds
 * @param secrets every password met in this run, redacted from all output
 */
public record CliContext(
    InputStream stdin, boolean stderrIsTerminal, LongSupplier nanoTime, Secrets secrets) {

  /** The real process: {@code System.in}, the real clock, terminal detection. */
  public static CliContext system() {
    return new CliContext(System.in, detectStderrTerminal(), System::nanoTime, new Secrets());
  }

  /**
   * Java has no isatty for standard error; on Linux {@code /proc/self/fd/2} names the terminal
   * device. Elsewhere, {@link System#console()} (standard input and output are a terminal) stands
   * in.
   */
  static boolean detectStderrTerminal() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
      String name = target.toString();
      return name.startsWith("/dev/pts/") || name.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }
}
