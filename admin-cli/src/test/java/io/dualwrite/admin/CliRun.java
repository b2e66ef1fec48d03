package io.dualwrite.admin;

import io.dualwrite.admin.connect.Secrets;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Runs {@code dualwrite-admin} in-process with captured standard input, output and error. */
public final class CliRun {
  /** One run's outcome. */
  public record Result(int exitCode, String out, String err) {
    public List<String> outLines() {
      return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    public List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }

    /** Both streams, for "appears nowhere" assertions. */
    public String all() {
      return out + "\n" + err;
    }
  }

  private CliRun() {}

  public static Result run(String stdin, String... args) {
    return run(stdin, new AtomicLong()::get, args);
  }

  /** Runs with a given clock (nanoseconds), e.g. one that jumps a second per call. */
  public static Result run(String stdin, java.util.function.LongSupplier clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            false,
            clock,
            new Secrets());
    int code = AdminCli.run(context, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(
        code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }
}
