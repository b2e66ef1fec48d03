package io.dualwrite.rewriter.equivalence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the equivalence corpus: the files named in {@code equivalence/corpus.index}, in that order.
 *
 * <p>An entry is a header of {@code -- key: value} lines starting with {@code -- id:}, followed by
 * the MySQL statement, which runs until the next {@code -- id:} line (a final {@code ;} is dropped;
 * comment lines after the statement are ignored). Keys: {@code id}, {@code category}, {@code mode}
 * (compare, refuse, expect, error, shape; default compare), {@code binds}, {@code refuse} (the
 * refusal code), {@code row} (repeatable), {@code count}, {@code then} (repeatable), {@code
 * tables}, {@code commit}, {@code mysqlerror} (MySQL, unlike MariaDB, rejects the statement with an
 * error containing this text), {@code note}. Lines before the first entry are the file's own
 * comment.
 */
final class Corpus {
  static final String ROOT = "equivalence/";

  private Corpus() {}

  /** Every entry of every indexed file, in order. */
  static List<CorpusEntry> load() {
    List<CorpusEntry> all = new ArrayList<>();
    for (String file : resource(ROOT + "corpus.index").lines().map(String::trim).toList()) {
      if (!file.isEmpty() && !file.startsWith("#")) {
        all.addAll(parse(file, resource(ROOT + file)));
      }
    }
    return all;
  }

  static String resource(String path) {
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CorpusEntry> parse(String file, String text) {
    List<CorpusEntry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length && !isKey(lines[i], "id")) {
      i++;
    }
    while (i < lines.length) {
      int start = i;
      Map<String, List<String>> header = new LinkedHashMap<>();
      while (i < lines.length && lines[i].startsWith("-- ") && lines[i].indexOf(':') > 3) {
        String line = lines[i].substring(3);
        int colon = line.indexOf(':');
        String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (!key.matches("[a-z]+")) {
          break;
        }
        header.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        i++;
      }
      List<String> body = new ArrayList<>();
      while (i < lines.length && !isKey(lines[i], "id")) {
        body.add(lines[i]);
        i++;
      }
      while (!body.isEmpty()
          && (body.get(body.size() - 1).isBlank() || body.get(body.size() - 1).startsWith("--"))) {
        body.remove(body.size() - 1);
      }
      String sql = String.join("\n", body).trim();
      if (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1).trim();
      }
      entries.add(entry(header, sql, file + ":" + (start + 1)));
    }
    return entries;
  }

  private static boolean isKey(String line, String key) {
    return line.startsWith("-- " + key + ":");
  }

  private static CorpusEntry entry(Map<String, List<String>> h, String sql, String source) {
    String id = one(h, "id", source);
    if (sql.isEmpty()) {
      throw new IllegalArgumentException(source + ": entry " + id + " has no statement");
    }
    CorpusEntry.Mode mode =
        CorpusEntry.Mode.valueOf(
            h.getOrDefault("mode", List.of("compare")).get(0).toUpperCase(Locale.ROOT));
    List<List<Object>> rows = new ArrayList<>();
    for (String row : h.getOrDefault("row", List.of())) {
      rows.add(Literals.parse(row));
    }
    String binds = h.containsKey("binds") ? one(h, "binds", source) : "";
    String count = h.containsKey("count") ? one(h, "count", source) : null;
    String tables = h.containsKey("tables") ? one(h, "tables", source) : "";
    return new CorpusEntry(
        id,
        one(h, "category", source),
        mode,
        sql,
        h.containsKey("order") ? one(h, "order", source) : null,
        Literals.binds(binds),
        h.containsKey("refuse") ? one(h, "refuse", source) : null,
        rows,
        count == null ? null : Integer.valueOf(count),
        List.copyOf(h.getOrDefault("then", List.of())),
        tables.isBlank() ? List.of() : List.of(tables.toLowerCase(Locale.ROOT).split("\\s*,\\s*")),
        h.containsKey("commit") && Boolean.parseBoolean(one(h, "commit", source)),
        h.containsKey("mysqlerror") ? one(h, "mysqlerror", source) : null,
        String.join(" ", h.getOrDefault("note", List.of())),
        source);
  }

  private static String one(Map<String, List<String>> h, String key, String source) {
    List<String> values = h.get(key);
    if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
      throw new IllegalArgumentException(source + ": needs exactly one '-- " + key + ":' line");
    }
    return values.get(0);
  }
}
