package io.dualwrite.admin.translate;

import io.dualwrite.admin.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running totals of a {@code translate} run: statements, translations, refusals grouped by code
 * with the first example of each. Holds counts and one example per code only, so it stays small for
 * any input size.
 */
final class TranslationReport {
  /** How much of a statement the summary shows as an example. */
  static final int EXAMPLE_CHARS = 200;

  /** The refusals with one code. */
  static final class Group {
    final String code;
    final String reason;
    final String example;
    final long line;
    long count;

    Group(String code, String reason, String example, long line) {
      this.code = code;
      this.reason = reason;
      this.example = example;
      this.line = line;
    }
  }

  private final Map<String, Group> groups = new HashMap<>();
  private long total;
  private long refused;

  void add(SourceStatement statement, Outcome outcome) {
    total++;
    if (outcome.refused()) {
      refused++;
      groups.computeIfAbsent(
              outcome.refusalCode(),
              code ->
                  new Group(
                      code,
                      outcome.refusalReason(),
                      abbreviate(statement.text(), EXAMPLE_CHARS),
                      statement.line()))
          .count++;
    }
  }

  long total() {
    return total;
  }

  long translated() {
    return total - refused;
  }

  long refused() {
    return refused;
  }

  /** Refusal groups, most frequent first, then by code. */
  List<Group> groups() {
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort(
        Comparator.comparingLong((Group g) -> g.count).reversed().thenComparing(g -> g.code));
    return sorted;
  }

  void printHuman(PrintWriter out) {
    out.printf("Summary: %d statements, %d translated, %d refused%n", total, translated(), refused);
    List<Group> sorted = groups();
    if (!sorted.isEmpty()) {
      out.println("Refused, by code (most frequent first):");
      int width = 1;
      for (Group g : sorted) {
        width = Math.max(width, Long.toString(g.count).length());
      }
      String indent = " ".repeat(width + 4);
      for (Group g : sorted) {
        out.printf("  %" + width + "d  %s%n", g.count, g.code);
        out.println(indent + "reason: " + g.reason);
        out.println(indent + "e.g. line " + g.line + ": " + oneLine(g.example));
      }
    }
  }

  String toJson() {
    Json.ArrayBuilder refusals = Json.array();
    for (Group g : groups()) {
      refusals.add(
          Json.object()
              .put("code", g.code)
              .put("count", g.count)
              .put("reason", g.reason)
              .put("example", g.example)
              .put("line", g.line));
    }
    return Json.object()
        .put(
            "summary",
            Json.object()
                .put("total", total)
                .put("translated", translated())
                .put("refused", refused)
                .put("refusals", refusals))
        .toString();
  }

  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
