package io.dualwrite.rewriter.equivalence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code equivalence/known-failures.txt} resource: corpus ids that currently fail because of a
 * rewriter bug, one per line as {@code id | what differs}. The runner still runs each of them and
 * requires it to fail; when one starts passing its test fails with "now passes", so the fix is
 * noticed and the line removed. Nothing is skipped.
 */
final class KnownFailures {
  private KnownFailures() {}

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
