package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.dualwrite.testkit.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every read of the rewriter's equivalence corpus that PostgreSQL can serve, read through the
 * driver at readPercent 100 and on the MySQL-side server directly: each result column has
 * Connector/J's type name and Java class, and each value's {@code getObject} has the class MySQL's
 * gives. The values themselves are ExecutionEquivalenceIT's matter (the rewriter module); this is
 * the typing the driver adds on top ({@link ExpressionTypes}, {@link PostgresResultShapes}).
 *
 * <p>The corpus is read from the rewriter module's test resources. Columns whose typing differs
 * today are listed in {@code result-types-known.txt} by statement id and column label, with the two
 * types: each listed difference must still occur (so the list shrinks as typing improves), and no
 * other may appear.
 */
@ExtendWith(TestDatabases.class)
class CorpusResultTypesIT {
  private static final Path CORPUS = Path.of("..", "rewriter", "src", "test", "resources");
  private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(\\n|$)");

  /** Files whose entries are not plain reads over the fixture, or change it. */
  private static final List<String> OWN_TABLE_FILES =
      List.of("binary-strings.sql", "string-numbers.sql", "json-documents.sql");

  private static final Set<String> SKIPPED_FILES =
      Set.of("nondeterministic.sql", "p0-writes.sql", "ddl.sql", "trial-ddl.sql", "refusals.sql");

  @Test
  void servedReadsHaveConnectorJsTypes(DatabasePair db) throws Exception {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.instance", "types")) {
      try (Statement s = c.createStatement()) {
        for (String file : List.of("fixture-schema.sql", "fixture-data.sql")) {
          for (String sql : statements(read("equivalence/" + file))) {
            s.execute(sql);
          }
        }
        // corpus files that create and fill a table of their own for their reads
        for (String file : OWN_TABLE_FILES) {
          for (String sql : statements(read("equivalence/" + file))) {
            String head = sql.stripLeading().toUpperCase(Locale.ROOT);
            if (head.startsWith("CREATE TABLE") || head.startsWith("INSERT")) {
              s.execute(sql);
            }
          }
        }
      }
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
    }
    Map<String, String> found = new TreeMap<>();
    int compared = 0;
    int columns = 0;
    try (Connection raw = db.openMysql();
        Connection served =
            DualWriteTestUrls.connect(
                db, "dualwrite.instance", "types", "dualwrite.readPercent", "100")) {
      for (Map.Entry<String, String> e : reads().entrySet()) {
        String id = e.getKey();
        try (Statement ms = raw.createStatement();
            Statement ps = served.createStatement();
            ResultSet m = query(ms, e.getValue());
            ResultSet p = m == null ? null : query(ps, e.getValue())) {
          if (p == null || !p.isWrapperFor(MysqlLookingResultSet.class)) {
            continue; // MySQL refused it, or the driver served it from MySQL (not translated)
          }
          compared++;
          columns += compare(id, m, p, found);
        }
      }
    }
    String server = TestServers.get().isMariaDb() ? "mariadb" : "mysql";
    Map<String, String> known = known(server);
    System.out.printf(
        "CorpusResultTypesIT (%s): %d reads served by PostgreSQL, %d columns, %d differ (%d"
            + " known)%n",
        server, compared, columns, found.size(), known.size());
    assertThat(compared).as("reads compared").isGreaterThan(400);
    Map<String, String> unexpected = new TreeMap<>(found);
    unexpected.entrySet().removeAll(known.entrySet());
    Map<String, String> fixed = new TreeMap<>(known);
    fixed.entrySet().removeAll(found.entrySet());
    if (!unexpected.isEmpty() || !fixed.isEmpty()) {
      // every difference of this run, in the file's format, for regenerating it
      found.forEach((k, v) -> System.out.println(server + " " + k + " " + v));
    }
    assertThat(unexpected).as("typing differences not in result-types-known.txt").isEmpty();
    assertThat(fixed).as("known differences that no longer occur: remove them").isEmpty();
  }

  /** Compares metadata and value classes; returns the number of columns compared. */
  private static int compare(String id, ResultSet m, ResultSet p, Map<String, String> found)
      throws SQLException {
    ResultSetMetaData mm = m.getMetaData();
    ResultSetMetaData pm = p.getMetaData();
    int n = mm.getColumnCount();
    if (pm.getColumnCount() != n) {
      found.put(id, "column count " + n + " vs " + pm.getColumnCount());
      return 0;
    }
    String[] valueClass = new String[n + 1];
    String[] servedValueClass = new String[n + 1];
    while (m.next() && p.next()) {
      for (int i = 1; i <= n; i++) {
        String mo = valueClass(m, i);
        String po = valueClass(p, i);
        if (mo != null && po != null && valueClass[i] == null) {
          valueClass[i] = mo;
          servedValueClass[i] = po;
        }
      }
    }
    for (int i = 1; i <= n; i++) {
      String mine = mm.getColumnTypeName(i) + "/" + mm.getColumnClassName(i);
      String theirs = pm.getColumnTypeName(i) + "/" + pm.getColumnClassName(i);
      if (valueClass[i] != null && servedValueClass[i] != null) {
        mine += "/" + valueClass[i];
        theirs += "/" + servedValueClass[i];
      }
      if (!mine.equals(theirs)) {
        found.put(id + " " + mm.getColumnLabel(i), mine + " -> " + theirs);
      }
    }
    return n;
  }

  /** The class of {@code getObject}, null for SQL NULL, or the error it throws. */
  private static String valueClass(ResultSet rs, int column) {
    try {
      Object o = rs.getObject(column);
      return o == null ? null : o.getClass().getName();
    } catch (SQLException e) {
      return "error " + e.getSQLState();
    }
  }

  private static ResultSet query(Statement s, String sql) {
    try {
      return s.executeQuery(sql);
    } catch (SQLException e) {
      return null;
    }
  }

  /** The corpus's reads by id: SELECT/WITH/VALUES/TABLE statements without binds. */
  private static Map<String, String> reads() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String file : read("equivalence/corpus.index").lines().map(String::trim).toList()) {
      if (file.isEmpty() || file.startsWith("#") || SKIPPED_FILES.contains(file)) {
        continue;
      }
      String id = null;
      boolean usable = true;
      StringBuilder body = new StringBuilder();
      for (String line : (read("equivalence/" + file) + "\n-- id: end").split("\n", -1)) {
        if (line.startsWith("-- id:")) {
          String sql = body.toString().trim();
          sql = sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
          if (id != null && usable && isRead(sql)) {
            out.put(id, sql);
          }
          id = line.substring("-- id:".length()).trim();
          usable = true;
          body.setLength(0);
        } else if (line.startsWith("-- binds:") || line.startsWith("-- mode: refuse")) {
          usable = false;
        } else if (!line.startsWith("--")) {
          body.append(line).append('\n');
        }
      }
    }
    return out;
  }

  private static boolean isRead(String sql) {
    String head = sql.stripLeading().toUpperCase(Locale.ROOT);
    boolean read =
        head.startsWith("SELECT")
            || head.startsWith("WITH")
            || head.startsWith("VALUES")
            || head.startsWith("TABLE")
            || head.startsWith("(");
    return read
        && !head.contains("FOR UPDATE")
        && !head.contains("FOR SHARE")
        && !sql.contains(";");
  }

  /** {@code id column -> types} lines of result-types-known.txt for this server. */
  private static Map<String, String> known(String server) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Path file = Path.of("src", "test", "resources", "result-types-known.txt");
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      // server id column mysqlType -> servedType
      String[] parts = t.split(" ", 4);
      if (parts[0].equals(server) || parts[0].equals("both")) {
        out.put(parts[1] + " " + parts[2], parts[3]);
      }
    }
    return out;
  }

  private static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder kept = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (!line.stripLeading().startsWith("--")) {
        kept.append(line).append('\n');
      }
    }
    for (String sql : STATEMENT_END.split(kept)) {
      if (!sql.isBlank()) {
        out.add(sql.trim());
      }
    }
    return out;
  }

  private static String read(String resource) throws IOException {
    return Files.readString(CORPUS.resolve(resource), StandardCharsets.UTF_8);
  }
}
