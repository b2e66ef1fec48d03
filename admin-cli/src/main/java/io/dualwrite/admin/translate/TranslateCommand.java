package io.dualwrite.admin.translate;

import io.dualwrite.admin.AdminCli;
import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.admin.connect.ConfigOption;
import io.dualwrite.admin.connect.ConnectionSettings;
import io.dualwrite.admin.connect.Connections;
import io.dualwrite.admin.connect.DatabaseEndpoint;
import io.dualwrite.admin.connect.MysqlOptions;
import io.dualwrite.admin.connect.PostgresOptions;
import io.dualwrite.admin.connect.Secrets;
import io.dualwrite.admin.json.Json;
import io.dualwrite.rewriter.InformationSchemaCatalog;
import io.dualwrite.rewriter.PostgresCapabilities;
import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.SchemaCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code translate [FILE]}: a readiness report for an application's SQL. Reads MySQL statements,
 * prints each one's PostgreSQL translation or the reason it is refused, then a summary of refusals
 * by code. Exit 0 when everything translated, 1 when anything was refused, 2 when the input or the
 * database cannot be read.
 */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Translates MySQL statements to PostgreSQL and reports the ones it must refuse.",
      "Input formats: a SQL script (statements end with ; or the DELIMITER in force), one"
          + " statement per line, or a MySQL/MariaDB general query log (Query and Execute"
          + " entries). Without --format the format is detected from the first 64 KiB.",
      "With --json: one {\"mysql\", \"postgres\", \"refused\", \"kind\"} object per statement on"
          + " standard output, and the summary as one JSON object on standard error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every statement translated",
      "1:at least one statement refused",
      "2:bad usage, unreadable input, or MySQL cannot be reached"
    })
public final class TranslateCommand implements Callable<Integer> {
  /** Statements longer than this are refused unread, as the rewriter would (its default). */
  static final int MAX_STATEMENT_LENGTH = 1_000_000;

  /** Statements up to this length go through the caching rewriter. */
  static final int CACHED_STATEMENT_MAX_LENGTH = 4_096;

  /**
   * Cache entries of the caching rewriter: with short statements only, a few tens of MB at most.
   */
  static final long CACHED_STATEMENTS = 2_000;

  /** How much of an over-long statement is shown. */
  static final int TOO_LONG_SHOWN_CHARS = 1_000;

  /** How often (in statements) to check that standard output is still open. */
  private static final int OUTPUT_CHECK_EVERY = 1_000;

  @ParentCommand AdminCli cli;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The statements to translate; standard input when absent or '-'.")
  String file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = InputFormat.Converter.class,
      description = "script, lines or general-log (default: detected).")
  InputFormat format;

  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Progress on standard error, at most once a second (default: only when standard error"
              + " is a terminal).")
  Boolean progress;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Statements translated in parallel; output keeps the input order (default: the"
              + " number of processors, at most 8).")
  int threads = Math.min(8, Runtime.getRuntime().availableProcessors());

  @Mixin ConfigOption config;

  @Mixin MysqlOptions mysql;

  @Mixin PostgresOptions postgres;

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean json = cli.json();
    String inputName = file == null || file.equals("-") ? "standard input" : file;
    long totalBytes = -1;
    InputStream raw;
    if (file == null || file.equals("-")) {
      raw = cli.context().stdin();
    } else {
      Path path = Path.of(file);
      try {
        raw = Files.newInputStream(path);
        totalBytes = Files.isRegularFile(path) ? Files.size(path) : -1;
      } catch (IOException e) {
        throw cannotRead(inputName, e);
      }
    }
    CountingInputStream counted = new CountingInputStream(raw);
    TranslationReport report = new TranslationReport();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                counted,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
            InputFormat.SAMPLE_CHARS * 2)) {
      Secrets secrets = cli.context().secrets();
      ConnectionSettings settings =
          ConnectionSettings.resolve(config.file(), mysql, postgres, secrets);
      // with a PostgreSQL side, what it offers (extensions, dualwrite_ai_ci, the case mapping):
      // the translations the driver makes against that server
      PostgresCapabilities capabilities =
          settings
              .postgres()
              .map(endpoint -> readCapabilities(endpoint, secrets))
              .orElse(PostgresCapabilities.NONE);
      SchemaCatalog catalog =
          settings
              .mysql()
              .<SchemaCatalog>map(endpoint -> loadCatalog(endpoint, secrets, capabilities))
              .orElseGet(() -> withoutTables(capabilities));
      // Two rewriters keep the translation cache small in bytes: repeated short statements (the
      // bulk of a query log) are cached, long ones (bulk inserts) are not.
      Rewriter cached =
          Rewriter.builder()
              .catalog(catalog)
              .cacheSize(CACHED_STATEMENTS)
              .maxStatementLength(MAX_STATEMENT_LENGTH)
              .build();
      Rewriter uncached =
          Rewriter.builder()
              .catalog(catalog)
              .cacheSize(0)
              .maxStatementLength(MAX_STATEMENT_LENGTH)
              .build();

      InputFormat inputFormat = format != null ? format : InputFormat.detect(reader);
      report.inputFormat(inputFormat, format == null);
      StatementSource source = inputFormat.open(reader, MAX_STATEMENT_LENGTH);
      boolean showProgress = progress != null ? progress : cli.context().stderrIsTerminal();
      Progress progressLine =
          showProgress
              ? new Progress(err, json, cli.context().nanoTime(), counted, totalBytes)
              : null;
      try (OrderedTranslations translations =
          new OrderedTranslations(
              threads,
              statement ->
                  translate(
                      statement.length() <= CACHED_STATEMENT_MAX_LENGTH ? cached : uncached,
                      statement),
              (statement, outcome) -> {
                report.add(statement, outcome);
                print(out, json, statement, outcome);
                if (progressLine != null) {
                  progressLine.update(report);
                }
                if (report.total() % OUTPUT_CHECK_EVERY == 0 && out.checkError()) {
                  throw AdminException.cannotRun(
                      "standard output was closed; stopped after " + report.total() + " statements",
                      null);
                }
              })) {
        SourceStatement statement;
        while ((statement = source.next()) != null) {
          translations.submit(statement);
        }
        translations.finish();
      }
    } catch (IOException e) {
      throw cannotRead(inputName, e);
    }

    if (json) {
      out.flush();
      err.println(report.toJson());
      err.flush();
    } else {
      report.printHuman(out);
    }
    out.flush();
    if (out.checkError()) {
      throw AdminException.cannotRun("cannot write to standard output", null);
    }
    return report.refused() == 0 ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  private static Outcome translate(Rewriter rewriter, SourceStatement statement) {
    if (statement.truncated()) {
      return Outcome.tooLong(statement, MAX_STATEMENT_LENGTH);
    }
    try {
      return Outcome.of(rewriter.translate(statement.text()));
    } catch (RuntimeException e) {
      // The rewriter promises to refuse rather than throw; one bug must not end a long report.
      return Outcome.rewriterFailure(e);
    }
  }

  private static void print(
      PrintWriter out, boolean json, SourceStatement statement, Outcome outcome) {
    String mysqlText =
        statement.truncated()
            ? TranslationReport.abbreviate(statement.text(), TOO_LONG_SHOWN_CHARS)
            : statement.text();
    if (json) {
      out.println(
          Json.object()
              .put("mysql", mysqlText)
              .put("postgres", outcome.postgres())
              .put("refused", outcome.refusalReason())
              .put("kind", outcome.kind()));
      return;
    }
    out.println(mysqlText);
    if (outcome.refused()) {
      out.println("REFUSED (" + outcome.refusalCode() + "): " + outcome.refusalReason());
    } else if (outcome.postgres() != null) {
      out.println("-> " + outcome.postgres());
    } else {
      out.println("-> (" + outcome.note() + ")");
    }
    out.println();
  }

  /**
   * PostgreSQL's capabilities; when it cannot be reached, a note on standard error and none (the
   * report is still made, with what needs one refused or folded as without it).
   */
  private PostgresCapabilities readCapabilities(DatabaseEndpoint endpoint, Secrets secrets) {
    try (Connection c = Connections.openPostgres(endpoint, secrets)) {
      return PostgresCapabilities.read(c);
    } catch (SQLException | AdminException e) {
      spec.commandLine()
          .getErr()
          .println(
              secrets.redact(
                  "translate: note: cannot read PostgreSQL's extensions and collations at "
                      + endpoint.safeUrl()
                      + " ("
                      + e.getMessage()
                      + "); translating as for a PostgreSQL without them"));
      return PostgresCapabilities.NONE;
    }
  }

  /** No table known (no MySQL side given), PostgreSQL's capabilities. */
  private static SchemaCatalog withoutTables(PostgresCapabilities capabilities) {
    return new SchemaCatalog() {
      @Override
      public java.util.Optional<io.dualwrite.rewriter.TableInfo> table(String name) {
        return java.util.Optional.empty();
      }

      @Override
      public PostgresCapabilities postgres() {
        return capabilities;
      }
    };
  }

  private static SchemaCatalog loadCatalog(
      DatabaseEndpoint endpoint, Secrets secrets, PostgresCapabilities capabilities) {
    try (Connection c = Connections.openMysql(endpoint, secrets)) {
      String schema = c.getCatalog();
      if (schema == null || schema.isEmpty()) {
        throw AdminException.cannotRun(
            "the MySQL URL "
                + endpoint.safeUrl()
                + " names no database; add /DATABASE so its schema can be read",
            null);
      }
      // The catalog keeps the connection only for reload(), which translate never calls.
      InformationSchemaCatalog catalog = InformationSchemaCatalog.load(c, schema);
      catalog.postgres(capabilities);
      return catalog;
    } catch (SQLException e) {
      throw AdminException.cannotRun(
          "cannot read the schema from MySQL at "
              + endpoint.safeUrl()
              + ": "
              + secrets.redact(e.getMessage()),
          e);
    }
  }

  private static AdminException cannotRead(String inputName, IOException e) {
    String why =
        e instanceof NoSuchFileException
            ? "no such file"
            : e instanceof AccessDeniedException
                ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return AdminException.cannotRun("cannot read " + inputName + ": " + why, e);
  }
}
