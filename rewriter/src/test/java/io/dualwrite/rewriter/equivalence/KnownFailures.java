package io.dualwrite.rewriter.equivalence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * The {@code equivalence/known-failures.txt} resource: corpus ids that currently fail because of a
 * rewriter bug, one per line as {@code id | what differs}. The runner still runs each of them and
 * requires it to fail; when one starts passing its test fails with "now passes", so the fix is
 * noticed and the line removed. Nothing is skipped.
 */
final class KnownFailures {
  private KnownFailures() {}

  /**
   * Runs {@code check} as the test named {@code id}: normally; or, when the id is listed, requiring
   * it to fail (and failing with "now passes" when it does not).
   *
   * @return "pass", or "known" for a listed failure that still fails
   */
  static String run(String id, Executable check) throws Throwable {
    String reason = load().get(id);
    if (reason == null) {
      try {
        check.execute();
      } catch (Throwable t) {
        throw new AssertionError("[" + id + "] " + t.getMessage(), t);
      }
      return "pass";
    }
    try {
      check.execute();
    } catch (Throwable expected) {
      String message = String.valueOf(expected.getMessage());
      int nl = message.indexOf('\n');
      System.out.println(
          "[equivalence] known failure "
              + id
              + " ("
              + reason
              + "): "
              + (nl < 0 ? message : message.substring(0, nl)));
      return "known";
    }
    throw new AssertionError(
        id
            + " is listed in known-failures.txt ("
            + reason
            + ") but now passes: remove it from the list");
  }

  static Map<String, String> load() {
    Map<String, String> known = new LinkedHashMap<>();
    for (String line : Corpus.resource(Corpus.ROOT + "known-failures.txt").lines().toList()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int bar = l.indexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException("known-failures.txt: 'id | reason' expected: " + l);
      }
      String id = l.substring(0, bar).strip();
      if (known.put(id, l.substring(bar + 1).strip()) != null) {
        throw new IllegalArgumentException("known-failures.txt lists " + id + " twice");
      }
    }
    return known;
  }
}
