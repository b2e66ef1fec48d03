package io.dualwrite.admin;

import io.dualwrite.admin.connect.Secrets;
import io.dualwrite.admin.demo.DemoCommand;
import io.dualwrite.admin.fleet.DiscrepanciesCommand;
import io.dualwrite.admin.fleet.SetCommands;
import io.dualwrite.admin.fleet.StatusCommand;
import io.dualwrite.admin.json.Json;
import io.dualwrite.admin.repair.RepairCommand;
import io.dualwrite.admin.translate.TranslateCommand;
import io.dualwrite.admin.verify.VerifyCommand;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code dualwrite-admin}: the operators' tool (contract, section 6).
 *
 * <p>The frame every command shares: {@code --help}, {@code --version}, {@code --json} (accepted
 * before or after the command name), and the exit codes of {@link ExitCodes}: picocli's usage
 * errors exit 2; an {@link AdminException} exits with its own code; any other failure (a database
 * error, an I/O error, a bug) exits 2 with a one-line message. Every message passes through the
 * run's {@link Secrets}, so no password is ever printed.
 *
 * <p>A new command is a class annotated with {@code @Command} that implements {@code
 * Callable<Integer>}, takes {@code @ParentCommand AdminCli cli} for {@link #json()} and {@link
 * #context()}, mixes in {@code ConnectionOptions} if it connects, and is listed in {@code
 * subcommands} below.
 */
@Command(
    name = "dualwrite-admin",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Operates a dualwrite migration from MySQL to PostgreSQL.",
    subcommands = {
      TranslateCommand.class,
      StatusCommand.class,
      SetCommands.SetPhase.class,
      SetCommands.SetReadPercent.class,
      SetCommands.SetComparePercent.class,
      DiscrepanciesCommand.class,
      VerifyCommand.class,
      RepairCommand.class,
      io.dualwrite.admin.schema.SchemaCommand.class,
      io.dualwrite.admin.backfill.BackfillCommand.class,
      DemoCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done; nothing to flag",
      "1:differences found, statements refused, or refused by a guard rail",
      "2:bad usage, unreadable input, or a database that cannot be reached"
    })
public final class AdminCli implements Callable<Integer> {

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Machine-readable output: one JSON object per line.")
  boolean json;

  @Spec CommandSpec spec;

  private final CliContext context;

  AdminCli(CliContext context) {
    this.context = context;
  }

  /** True when {@code --json} was given (before or after the command name). */
  public boolean json() {
    return json;
  }

  public CliContext context() {
    return context;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing command: give one of " + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    // The file descriptors rather than System.out/err: PrintStream hides write errors, and a closed
    // pipe (| head) must stop a long run.
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    int exitCode = run(CliContext.system(), out, err, args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /** Runs one command line and returns its exit code; the writers are flushed, not closed. */
  public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = newCommandLine(context, out, err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The configured command line: commands, writers, and the exit code and error handling. */
  public static CommandLine newCommandLine(CliContext context, PrintWriter out, PrintWriter err) {
    // picocli's debug trace (-Dpicocli.trace) prints every option value, passwords included.
    System.setProperty("picocli.trace", "OFF");
    AdminCli top = new AdminCli(context);
    CommandLine cl = new CommandLine(top);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          rememberArgumentSecrets(context.secrets(), args);
          CommandLine failed = ex.getCommandLine();
          PrintWriter e = failed.getErr();
          String message = context.secrets().redact(ex.getMessage());
          if (containsJson(args)) {
            e.println(errorJson("usage", ExitCodes.CANNOT_RUN, message));
          } else {
            e.println(message);
            if (!UnmatchedArgumentException.printSuggestions(ex, e)) {
              e.print(failed.getHelp().fullSynopsis());
            }
            e.printf(
                "Try '%s --help' for more information.%n", failed.getCommandSpec().qualifiedName());
          }
          e.flush();
          return ExitCodes.CANNOT_RUN;
        });
    cl.setExecutionExceptionHandler(
        (ex, failed, parseResult) -> {
          rememberOptionSecrets(context.secrets(), parseResult);
          int code;
          String kind;
          String message;
          if (ex instanceof AdminException a) {
            code = a.exitCode();
            kind = code == ExitCodes.CANNOT_RUN ? "cannot-run" : "refused";
            message = a.getMessage();
          } else if (ex instanceof SQLException || ex.getCause() instanceof SQLException) {
            code = ExitCodes.CANNOT_RUN;
            kind = "database";
            SQLException sql = ex instanceof SQLException s ? s : (SQLException) ex.getCause();
            message =
                "database error: " + sql.getMessage() + " [SQLState " + sql.getSQLState() + "]";
          } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            code = ExitCodes.CANNOT_RUN;
            kind = "io";
            message = "I/O error: " + ex.getMessage();
          } else {
            code = ExitCodes.CANNOT_RUN;
            kind = "internal";
            message = "internal error: " + ex;
          }
          message = context.secrets().redact(message);
          PrintWriter e = failed.getErr();
          if (top.json) {
            e.println(errorJson(kind, code, message));
          } else {
            e.println("dualwrite-admin: " + message);
          }
          e.flush();
          return code;
        });
    return cl;
  }

  static String errorJson(String kind, int exitCode, String message) {
    return Json.object()
        .put(
            "error",
            Json.object().put("kind", kind).put("exitCode", exitCode).put("message", message))
        .toString();
  }

  private static boolean containsJson(String[] args) {
    for (String a : args) {
      if (a.equals("--json")) {
        return true;
      }
      if (a.equals("--")) {
        return false;
      }
    }
    return false;
  }

  /**
   * Remembers the values of password options from the raw arguments, for usage errors, where
   * picocli may echo arguments it could not place.
   */
  static void rememberArgumentSecrets(Secrets secrets, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      secrets.addFromUrl(arg);
      if (!arg.startsWith("--") || !arg.toLowerCase(Locale.ROOT).contains("password")) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq >= 0) {
        secrets.add(arg.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        secrets.add(args[i + 1]);
      }
    }
  }

  private static void rememberOptionSecrets(Secrets secrets, ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      for (ArgSpec arg : pr.matchedArgs()) {
        if (arg.isOption()
            && ((CommandLine.Model.OptionSpec) arg)
                .longestName()
                .toLowerCase(Locale.ROOT)
                .contains("password")) {
          Object value = arg.getValue();
          secrets.add(value == null ? null : value.toString());
        }
      }
      if (!pr.hasSubcommand()) {
        break;
      }
    }
  }
}
