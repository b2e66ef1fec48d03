package io.dualwrite.admin.fleet;

import io.dualwrite.admin.AdminException;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.VersionProvider;
import io.dualwrite.admin.json.Json;
import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.control.DiscrepancyRow;
import io.dualwrite.driver.control.DiscrepancySummary;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code discrepancies}: lists or summarises the discrepancy records of the fleet. */
@Command(
    name = "discrepancies",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Lists the discrepancies recorded by the fleet, newest first (one row per instance,"
          + " kind and statement fingerprint, with its count and first sample), or with --summary"
          + " one line per fingerprint across the fleet.",
      "With --json: one JSON object per line."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no discrepancy in the period",
      "1:discrepancies found",
      "2:bad usage, or the control store cannot be reached"
    })
public final class DiscrepanciesCommand extends FleetCommand implements Callable<Integer> {
  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Only records seen since then: an instant (2026-01-31T12:00:00Z) or a duration back"
              + " from now (30s, 15m, 2h, 7d).")
  String since;

  @Option(names = "--summary", description = "One line per fingerprint and kind, with counts.")
  boolean summary;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N records listed (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws SQLException {
    if (limit < 0) {
      throw AdminException.cannotRun("--limit must not be negative", null);
    }
    try (ControlStore store = openStore()) {
      Instant from = since == null ? null : parseSince(since, store.databaseNow());
      PrintWriter out = spec.commandLine().getOut();
      boolean json = cli.json();
      int found;
      if (summary) {
        List<DiscrepancySummary> rows = store.discrepancySummary(from);
        found = rows.size();
        for (DiscrepancySummary s : rows) {
          if (json) {
            out.println(
                Json.object()
                    .put("fingerprint", s.fingerprint())
                    .put("kind", s.kind())
                    .put("occurrences", s.occurrences())
                    .put("rows", s.rows())
                    .put("instances", s.instances())
                    .put("firstSeen", s.firstSeen().toString())
                    .put("lastSeen", s.lastSeen().toString())
                    .put("sampleSql", s.sampleSql())
                    .put("sampleDetail", s.sampleDetail()));
          } else {
            out.printf(
                "%,8d x %s %s (%d instances, %s .. %s)%n",
                s.occurrences(),
                s.kind(),
                s.fingerprint(),
                s.instances(),
                s.firstSeen(),
                s.lastSeen());
            printSample(out, s.sampleSql(), s.sampleDetail());
          }
        }
      } else {
        List<DiscrepancyRow> rows = store.discrepancies(from, limit);
        found = rows.size();
        for (DiscrepancyRow r : rows) {
          if (json) {
            Json.ArrayBuilder tables = Json.array();
            r.tables().forEach(tables::add);
            Json.ArrayBuilder keys = Json.array();
            r.keys().forEach(keys::add);
            out.println(
                Json.object()
                    .put("id", r.id())
                    .put("firstSeen", r.firstSeen().toString())
                    .put("lastSeen", r.lastSeen().toString())
                    .put("instance", r.instance())
                    .put("kind", r.kind())
                    .put("fingerprint", r.fingerprint())
                    .put("occurrences", r.occurrences())
                    .put("sql", r.sql())
                    .put("detail", r.detail())
                    .put("tables", tables)
                    .put("keys", keys));
          } else {
            out.printf(
                "%s  %s  %s x%d  %s%s%s%n",
                r.lastSeen(),
                r.instance(),
                r.kind(),
                r.occurrences(),
                r.fingerprint(),
                r.tables().isEmpty() ? "" : "  tables " + String.join(",", r.tables()),
                r.keys().isEmpty() ? "" : "  keys " + String.join(",", r.keys()));
            printSample(out, r.sql(), r.detail());
          }
        }
      }
      if (!json) {
        out.println(
            found == 0
                ? "discrepancies: none" + (from == null ? "" : " since " + from)
                : "discrepancies: "
                    + found
                    + (summary ? " fingerprints" : " records")
                    + (from == null ? "" : " since " + from));
      }
      out.flush();
      return found == 0 ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
  }

  private static void printSample(PrintWriter out, String sql, String detail) {
    if (sql != null) {
      out.println("    sql:    " + oneLine(sql));
    }
    if (detail != null) {
      out.println("    detail: " + oneLine(detail));
    }
  }

  private static String oneLine(String s) {
    String flat = s.replace('\r', ' ').replace('\n', ' ');
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }

  /** An instant, or a duration (30s, 15m, 2h, 7d) back from {@code now}. */
  static Instant parseSince(String text, Instant now) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.matches("\\d+[smhd]")) {
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      Duration d =
          switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return now.minus(d);
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw AdminException.cannotRun(
          "--since must be an instant like 2026-01-31T12:00:00Z or a duration like 15m, got "
              + text,
          e);
    }
  }
}
