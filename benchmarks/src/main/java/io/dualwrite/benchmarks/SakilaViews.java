package io.dualwrite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code CREATE VIEW} statements of the Sakila schema (the repository's copy under {@code
 * rewriter/src/test/resources/equivalence/corpus/}, or the file named by the system property {@code
 * dualwrite.bench.sakila}), as realistic large statements for the rewriter. Each is split at its
 * view name so a benchmark can make a distinct statement per call (a guaranteed cache miss).
 */
public final class SakilaViews {
  private static final Pattern VIEW =
      Pattern.compile(
          "^CREATE\\s+(?:DEFINER=\\S+\\s+)?(?:SQL\\s+SECURITY\\s+\\w+\\s+)?VIEW\\s+(\\w+)",
          Pattern.CASE_INSENSITIVE);

  /** One view: {@code head + name + tail} is the statement. */
  public record View(String head, String name, String tail) {
    public String sql() {
      return head + name + tail;
    }

    /** The same view under the name {@code name_suffix}: a statement the cache has not seen. */
    public String renamed(long suffix) {
      return head + name + "_" + suffix + tail;
    }
  }

  private SakilaViews() {}

  /** The repository's copy, from the repository root ({@code run.sh}) or a module directory. */
  private static final String IN_REPOSITORY =
      "rewriter/src/test/resources/equivalence/corpus/sakila-mysql-schema.sql";

  public static Path defaultFile() {
    String named = System.getProperty("dualwrite.bench.sakila");
    if (named != null) {
      return Path.of(named);
    }
    Path fromRoot = Path.of(IN_REPOSITORY);
    return Files.exists(fromRoot) ? fromRoot : Path.of("..").resolve(IN_REPOSITORY);
  }

  /** The views of the schema file, in file order. */
  public static List<View> load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Sakila schema " + file, e);
    }
    List<View> views = new ArrayList<>();
    for (String chunk : text.split(";\\s*\\n")) {
      StringBuilder sql = new StringBuilder();
      for (String line : chunk.split("\\n")) {
        if (!line.startsWith("--") && !(sql.length() == 0 && line.isBlank())) {
          sql.append(line).append('\n');
        }
      }
      String statement = sql.toString().strip();
      Matcher m = VIEW.matcher(statement);
      if (m.find()) {
        views.add(
            new View(
                statement.substring(0, m.start(1)), m.group(1), statement.substring(m.end(1))));
      }
    }
    if (views.isEmpty()) {
      throw new IllegalStateException("no CREATE VIEW statement in " + file);
    }
    return views;
  }
}
