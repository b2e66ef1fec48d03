package io.dualwrite.rewriter.equivalence;

import io.dualwrite.testkit.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * The {@code equivalence/known-failures.txt} resource: test ids that currently fail because of a
 * rewriter bug, one per line as {@code id | what differs | text the failure must contain} ({@code
 * mariadb:id} or {@code mysql:id} for a failure on that MySQL-side server only). The runner still
 * runs each of them and requires it to fail, with a message containing the third field when one is
 * given; when one starts passing its test fails with "now passes" (so the fix is noticed and the
 * line removed), and when it fails differently its test fails with "now fails differently". Nothing
 * is skipped. Each known failure's current message is appended to {@code
 * target/known-failures-observed.txt}.
 */
final class KnownFailures {
  private static volatile Map<String, String[]> known;

  private KnownFailures() {}

  /**
   * Runs {@code check} as the test named {@code id}: normally; or, when the id is listed, requiring
   * it to fail as described.
   *
   * @return "pass", or "known" for a listed failure that still fails as described
   */
  static String run(String id, Executable check) throws Throwable {
    String[] entry = entries().get(id);
    if (entry == null) {
      try {
        check.execute();
      } catch (Throwable t) {
        throw new AssertionError("[" + id + "] " + t.getMessage(), t);
      }
      return "pass";
    }
    try {
      check.execute();
    } catch (Throwable failure) {
      String message = String.valueOf(failure.getMessage());
      observed(id, message);
      if (entry[1] != null && !message.contains(entry[1])) {
        throw new AssertionError(
            id
                + " is a known failure ("
                + entry[0]
                + ") expected to fail with '"
                + entry[1]
                + "' but now fails differently:\n"
                + message,
            failure);
      }
      int nl = message.indexOf('\n');
      System.out.println(
          "[equivalence] known failure "
              + id
              + " ("
              + entry[0]
              + "): "
              + (nl < 0 ? message : message.substring(0, nl)));
      return "known";
    }
    throw new AssertionError(
        id
            + " is listed in known-failures.txt ("
            + entry[0]
            + ") but now passes: remove it from the list");
  }

  /** Id to reason. */
  static Map<String, String> load() {
    Map<String, String> reasons = new LinkedHashMap<>();
    entries().forEach((id, e) -> reasons.put(id, e[0]));
    return reasons;
  }

  private static Map<String, String[]> entries() {
    Map<String, String[]> entries = known;
    if (entries != null) {
      return entries;
    }
    entries = new LinkedHashMap<>();
    for (String line : Corpus.resource(Corpus.ROOT + "known-failures.txt").lines().toList()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+\\|\\s+", 3);
      if (parts.length < 2) {
        throw new IllegalArgumentException("known-failures.txt: 'id | reason' expected: " + l);
      }
      String[] value = {parts[1].strip(), parts.length == 3 ? parts[2].strip() : null};
      String id = parts[0].strip();
      int colon = id.indexOf(':');
      if (colon > 0) {
        // "mariadb:id" or "mysql:id": a failure on that MySQL-side server only
        String server = id.substring(0, colon);
        if (!server.equals("mariadb") && !server.equals("mysql")) {
          throw new IllegalArgumentException("known-failures.txt: unknown server " + server);
        }
        if (server.equals("mariadb") != TestServers.get().isMariaDb()) {
          continue;
        }
        id = id.substring(colon + 1);
      }
      if (entries.put(id, value) != null) {
        throw new IllegalArgumentException("known-failures.txt lists " + parts[0] + " twice");
      }
    }
    known = entries;
    return entries;
  }

  private static synchronized void observed(String id, String message) {
    try {
      Path file = Path.of("target", "known-failures-observed.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          id + "\t" + message.replace('\n', ' ') + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
