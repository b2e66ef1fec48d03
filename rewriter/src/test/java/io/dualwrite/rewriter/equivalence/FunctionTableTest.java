package io.dualwrite.rewriter.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.ColumnInfo;
import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.SchemaCatalog;
import io.dualwrite.rewriter.TableInfo;
import io.dualwrite.rewriter.Translation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The function table, {@code docs/functions.md}: every built-in function and operator of MySQL
 * ({@code functions/mysql-functions.tsv}) with the rewriter's translation of a sample call, or its
 * refusal and the reason, and for a translation the corpus entry that proves it by execution.
 *
 * <p>The page is generated from the rewriter itself, so it cannot drift from the code: this test
 * fails when the committed page differs from what the rewriter does now, when a translated entry
 * has no executed corpus entry, or when a refused entry has no reason of its own (only the generic
 * "no translation"). Regenerate with {@code -Ddualwrite.functions.write=true}.
 */
class FunctionTableTest {
  static final String LIST = "functions/mysql-functions.tsv";
  static final Path PAGE = Path.of("..", "docs", "functions.md");
  static final String GENERIC = "has no translation to PostgreSQL.";

  /** The schema the samples use. */
  static final SchemaCatalog TABLES =
      SchemaCatalog.of(
          new TableInfo(
              "users",
              List.of(
                  new ColumnInfo("id", "int(11)", false, true, false, false),
                  new ColumnInfo("name", "varchar(50)", true, false, false, true),
                  new ColumnInfo("age", "int(11)", true, false, false, false)),
              List.of("id"),
              List.of()),
          new TableInfo(
              "counters",
              List.of(
                  new ColumnInfo("name", "varchar(20)", false, false, false, false),
                  new ColumnInfo("hits", "int(11)", true, false, false, false)),
              List.of("name"),
              List.of()),
          new TableInfo(
              "docs",
              List.of(
                  new ColumnInfo("id", "int(11)", false, true, false, false),
                  new ColumnInfo("payload", "json", true, false, false, false)),
              List.of("id"),
              List.of()));

  /** The tables, on a PostgreSQL with pgcrypto (SHA1 is refused without it). */
  static final SchemaCatalog CATALOG =
      new SchemaCatalog() {
        @Override
        public java.util.Optional<TableInfo> table(String name) {
          return TABLES.table(name);
        }

        @Override
        public boolean postgresHasExtension(String name) {
          return name.equals("pgcrypto");
        }
      };

  static final Rewriter REWRITER = Rewriter.builder().catalog(CATALOG).build();

  /** One line of the list. */
  record Entry(String name, String category, String sample, String proof) {}

  /** What the rewriter does with one entry's sample. */
  record Row(Entry entry, Translation translation, String proof) {
    boolean translated() {
      return !translation.isRefused();
    }
  }

  static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (String line : Corpus.resource(LIST).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f.length > 4) {
        throw new IllegalArgumentException(LIST + ": needs 3 or 4 tab-separated fields: " + line);
      }
      entries.add(new Entry(f[0], f[1], f[2], f.length == 4 ? f[3] : ""));
    }
    return entries;
  }

  static List<Row> rows() {
    List<CorpusEntry> corpus = Corpus.load();
    Set<String> knownFailures = KnownFailures.load().keySet();
    List<Row> rows = new ArrayList<>();
    for (Entry e : entries()) {
      Translation t = REWRITER.translate(e.sample());
      String proof = t.isRefused() ? "" : proof(e, corpus, knownFailures);
      rows.add(new Row(e, t, proof));
    }
    return rows;
  }

  /**
   * The first executed corpus entry that uses the function: the one the list names, else the first
   * whose statement calls {@code NAME(} outside literals and comments.
   */
  static String proof(Entry e, List<CorpusEntry> corpus, Set<String> knownFailures) {
    if (!e.proof().isEmpty()) {
      return e.proof();
    }
    if (!e.name().endsWith("()")) {
      return "";
    }
    String fn = e.name().substring(0, e.name().length() - 2);
    Pattern call =
        Pattern.compile(
            "(?<![A-Za-z0-9_.$])" + Pattern.quote(fn) + "\\s*\\(", Pattern.CASE_INSENSITIVE);
    for (CorpusEntry c : corpus) {
      if (executed(c)
          && !knownFailures.contains(c.id())
          && call.matcher(MysqlScript.stripCommentsAndLiterals(c.sql())).find()) {
        return c.id();
      }
    }
    return "";
  }

  static boolean executed(CorpusEntry c) {
    return c.mode() == CorpusEntry.Mode.COMPARE
        || c.mode() == CorpusEntry.Mode.EXPECT
        || c.mode() == CorpusEntry.Mode.SHAPE;
  }

  @Test
  void theListHoldsEveryEntryOnceWithItsCategory() {
    List<Entry> entries = entries();
    assertThat(entries.stream().map(Entry::name).distinct().count())
        .as("duplicate names in %s", LIST)
        .isEqualTo(entries.size());
    assertThat(entries).hasSizeGreaterThanOrEqualTo(450);
    for (String name :
        List.of("ABS()", "<=>", "JSON_TABLE()", "ST_GEOMFROMTEXT()", "MEMBER OF()")) {
      assertThat(entries).extracting(Entry::name).contains(name);
    }
  }

  @Test
  void everyTranslatedEntryIsProvedByAnExecutedCorpusEntry() {
    Map<String, CorpusEntry> byId = new LinkedHashMap<>();
    Corpus.load().forEach(c -> byId.put(c.id(), c));
    Set<String> knownFailures = KnownFailures.load().keySet();
    List<String> unproved = new ArrayList<>();
    for (Row r : rows()) {
      if (!r.translated()) {
        continue;
      }
      CorpusEntry c = byId.get(r.proof());
      if (c == null || !executed(c) || knownFailures.contains(c.id())) {
        unproved.add(r.entry().name() + " (proof '" + r.proof() + "')");
      }
    }
    assertThat(unproved).as("translated without an executed corpus entry").isEmpty();
  }

  @Test
  void everyRefusedEntryIsRefusedByNameWithItsOwnReason() {
    List<String> generic = new ArrayList<>();
    for (Row r : rows()) {
      if (!r.translated()
          && (r.translation().refusal().reason().endsWith(GENERIC)
              || r.translation().refusal().reason().endsWith("has no faithful translation.")
              || r.translation().refusal().code().equals("parse-error"))) {
        generic.add(r.entry().name());
      }
    }
    assertThat(generic).as("refused without a reason of their own").isEmpty();
  }

  @Test
  void theCommittedPageIsWhatTheRewriterDoes() throws IOException {
    String page = page(rows());
    if (Boolean.getBoolean("dualwrite.functions.write")) {
      Files.writeString(PAGE, page, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(PAGE)).as("%s exists", PAGE).isTrue();
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
        .as("docs/functions.md is stale: run with -Ddualwrite.functions.write=true")
        .isEqualTo(page);
  }

  static String page(List<Row> rows) {
    long translated = rows.stream().filter(Row::translated).count();
    StringBuilder s = new StringBuilder();
    s.append("# MySQL functions and operators: translated or refused\n\n");
    s.append(
        """
        For application developers and contributors: what the rewriter does with each of MySQL's \
        built-in functions and operators. Each row shows a sample call, its PostgreSQL \
        translation (or the refusal code and reason), and the equivalence-corpus entry that runs \
        such a call on MySQL and its translation on PostgreSQL and compares the results (see \
        [rewriter.md](rewriter.md#proof-by-execution-the-equivalence-suite)). A translation \
        shown for one sample can still be refused for other arguments (for example a non-literal \
        format); [rewriter.md](rewriter.md#what-is-translated--refused) says which forms are \
        translated. The samples are translated for a PostgreSQL that has the pgcrypto extension \
        (the corpus installs it): without it `SHA1()`/`SHA()` are refused by name.

        The list of functions and operators comes from MySQL's own server help tables \
        (`mysql.help_topic`/`mysql.help_category` of MySQL 9.7.4, the server the test suite \
        runs), every topic under *Functions*, plus the synonyms their syntax lines name; it is \
        `rewriter/src/test/resources/functions/mysql-functions.tsv`. It holds the entries of the \
        MySQL 8.4 manual's *Built-In Function and Operator Reference* and the newer 9.x ones \
        (vector functions). This page is generated by `FunctionTableTest`, which fails when it \
        differs from what the rewriter does, when a translated entry has no executed corpus \
        entry, or when a refusal has no reason of its own; regenerate it with `mvn -pl rewriter \
        test -Dtest=FunctionTableTest -Ddualwrite.functions.write=true`.

        """);
    s.append(
        String.format(
            Locale.ROOT,
            "**%d entries: %d translated, %d refused.**%n%n",
            rows.size(),
            translated,
            rows.size() - translated));
    Map<String, List<Row>> byCategory = new java.util.TreeMap<>();
    for (Row r : rows) {
      byCategory.computeIfAbsent(r.entry().category(), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<Row>> c : byCategory.entrySet()) {
      long n = c.getValue().stream().filter(Row::translated).count();
      s.append("## ")
          .append(c.getKey())
          .append(String.format(Locale.ROOT, " (%d of %d translated)%n%n", n, c.getValue().size()));
      s.append("| MySQL | sample | PostgreSQL, or refusal | proof |\n|---|---|---|---|\n");
      for (Row r : c.getValue()) {
        String result =
            r.translated()
                ? code(r.translation().postgresSql())
                : "refused "
                    + code(r.translation().refusal().code())
                    + ": "
                    + cell(r.translation().refusal().reason());
        s.append("| ")
            .append(code(r.entry().name()))
            .append(" | ")
            .append(code(r.entry().sample()))
            .append(" | ")
            .append(result)
            .append(" | ")
            .append(r.translated() ? code(r.proof()) : "")
            .append(" |\n");
      }
      s.append("\n");
    }
    return s.toString();
  }

  /** A code span that survives backticks and pipes inside a table cell. */
  static String code(String text) {
    String t = text.replace("\n", " ").replace("|", "\\|");
    String fence = t.contains("`") ? "``" : "`";
    String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
    return fence + pad + t + pad + fence;
  }

  static String cell(String text) {
    return text.replace("\n", " ").replace("|", "\\|");
  }
}
