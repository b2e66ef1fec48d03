package io.dualwrite.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dualwrite.driver.DualWriteDataSource;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Grafana dashboard ({@code docs/grafana/dualwrite-dashboard.json}) queries only metrics the
 * driver publishes: a workload runs through the driver with a {@link PrometheusMeterRegistry}, the
 * registry is scraped as Prometheus scrapes it, and every metric name in the dashboard's PromQL
 * must be in the scrape.
 */
@ExtendWith(TestDatabases.class)
class GrafanaDashboardMetricsIT {
  static final Path DASHBOARD = Path.of("../../docs/grafana/dualwrite-dashboard.json");
  static final Path ALERTS = Path.of("../../docs/grafana/dualwrite-alerts.yml");

  @Test
  void everyMetricTheDashboardQueriesIsInThePrometheusScrape(DatabasePair db) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Two data sources of one application (one instance name): two runtimes on one registry.
    DualWriteDataSource reads = dataSource(db, registry, 100, 0);
    DualWriteDataSource compares = dataSource(db, registry, 0, 100);
    try {
      workload(db, reads, compares);
      String scrape = registry.scrape();
      Map<String, List<String>> samples = samplesByName(scrape);

      Set<String> queried = dashboardMetricNames(Files.readString(DASHBOARD));
      assertThat(queried)
          .as("metric names in the dashboard's queries")
          .contains(
              "dualwrite_reads_total",
              "dualwrite_flags_read_percent",
              "dualwrite_reads_compared_total",
              "dualwrite_reads_mismatched_total",
              "dualwrite_discrepancies_total",
              "dualwrite_mirror_failures_total",
              "dualwrite_breaker_state",
              "dualwrite_drift_tables",
              "dualwrite_statement_seconds_bucket");
      assertThat(missing(queried, samples.keySet()))
          .as("metrics the dashboard queries that the scrape lacks (scrape: %s)", samples.keySet())
          .isEmpty();
      Set<String> alerted = alertMetricNames(Files.readString(ALERTS));
      assertThat(alerted).contains("dualwrite_breaker_state", "dualwrite_drift_tables");
      assertThat(missing(alerted, samples.keySet()))
          .as("metrics the alert rules query that the scrape lacks")
          .isEmpty();

      // the workload shows in the series the panels plot
      assertThat(value(samples, "dualwrite_reads_total", "side=\"postgres\"")).isGreaterThan(0);
      assertThat(value(samples, "dualwrite_reads_total", "side=\"mysql\"")).isGreaterThan(0);
      assertThat(value(samples, "dualwrite_reads_compared_total", "")).isGreaterThan(0);
      assertThat(value(samples, "dualwrite_reads_mismatched_total", "")).isEqualTo(1);
      assertThat(value(samples, "dualwrite_discrepancies_total", "kind=\"READ_MISMATCH\""))
          .isEqualTo(1);
      assertThat(value(samples, "dualwrite_discrepancies_total", "kind=\"MIRROR_FAILED\""))
          .isEqualTo(1);
      assertThat(value(samples, "dualwrite_mirror_failures_total", "")).isEqualTo(1);
      assertThat(value(samples, "dualwrite_drift_tables", "")).isEqualTo(1);
      assertThat(value(samples, "dualwrite_flags_read_percent", "")).isEqualTo(100);
      assertThat(value(samples, "dualwrite_flags_phase", "phase=\"DUAL_WRITE\"")).isEqualTo(1);
      assertThat(value(samples, "dualwrite_statement_seconds_count", "side=\"postgres\""))
          .isGreaterThan(0);
      assertThat(samples.get("dualwrite_statement_seconds_bucket"))
          .anySatisfy(line -> assertThat(line).contains("side=\"mysql\"").contains("le=\"0.005\""));
      // one gauge per instance, however many runtimes it has
      assertThat(samples.get("dualwrite_breaker_state")).hasSize(1);
    } finally {
      reads.close();
      compares.close();
    }
    // the last runtime out takes the gauges with it
    assertThat(samplesByName(registry.scrape())).doesNotContainKey("dualwrite_breaker_state");
  }

  /** The check fails for a name the driver does not publish, wherever the query puts it. */
  @Test
  void aQueryOfAnUnknownMetricIsReported() {
    Set<String> names =
        metricNames(
            "histogram_quantile(0.99, sum by (le, side) (rate(dualwrite_statement_seconds_bucket"
                + "{instance=~\"$instance\"}[$__rate_interval]))) / on (side) group_left"
                + " max without (kind) (dualwrite_latency_p99_seconds offset 5m) > bool 0");
    assertThat(names)
        .containsExactlyInAnyOrder(
            "dualwrite_statement_seconds_bucket", "dualwrite_latency_p99_seconds");
    assertThat(missing(names, Set.of("dualwrite_statement_seconds_bucket")))
        .containsExactly("dualwrite_latency_p99_seconds");
  }

  private static DualWriteDataSource dataSource(
      DatabasePair db, Object registry, int readPercent, int comparePercent) {
    DualWriteDataSource ds = new DualWriteDataSource();
    ds.setUrl("jdbc:dualwrite:" + db.mysql().jdbcUrl().substring("jdbc:".length()));
    ds.setUser(db.mysql().user());
    ds.setPassword(db.mysql().password());
    ds.setPostgresUrl(db.postgres().jdbcUrl());
    ds.setPostgresUser(db.postgres().user());
    ds.setPostgresPassword(db.postgres().password());
    ds.setControl("none");
    ds.setInstance("orders-1");
    ds.setPhase("DUAL_WRITE");
    ds.setReadPercent(readPercent);
    ds.setComparePercent(comparePercent);
    ds.setMeterRegistry(registry);
    return ds;
  }

  private static void workload(
      DatabasePair db, DualWriteDataSource reads, DualWriteDataSource compares)
      throws SQLException {
    try (Connection c = reads.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE item (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " name VARCHAR(40) NOT NULL) ENGINE=InnoDB");
      for (int i = 0; i < 5; i++) {
        s.executeUpdate("INSERT INTO item (name) VALUES ('item " + i + "')");
      }
      for (int i = 0; i < 5; i++) {
        count(s, "SELECT COUNT(*) FROM item"); // served by PostgreSQL
      }
      c.setAutoCommit(false);
      s.executeUpdate("UPDATE item SET name = 'first' WHERE id = 1");
      count(s, "SELECT COUNT(*) FROM item WHERE name = 'first'"); // written: MySQL answers
      c.commit();
      c.setAutoCommit(true);
    }
    // a row changed behind the driver's back on PostgreSQL: a compared read differs
    onPostgres(db, "UPDATE item SET name = 'changed' WHERE id = 2");
    try (Connection c = compares.getConnection();
        Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM item")).isEqualTo(5);
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM item WHERE id = 2")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(2)).isEqualTo("item 1"); // MySQL's answer
      }
      // a key taken on PostgreSQL alone: the mirrored insert fails there
      onPostgres(db, "INSERT INTO item (id, name) VALUES (100, 'only here')");
      s.executeUpdate("INSERT INTO item (id, name) VALUES (100, 'both')");
    }
  }

  private static void onPostgres(DatabasePair db, String sql) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every metric name in the dashboard's panel queries and template variables. */
  static Set<String> dashboardMetricNames(String dashboardJson) throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(dashboardJson);
    Set<String> names = new TreeSet<>();
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asText());
      }
    }
    assertThat(expressions).as("panel queries").isNotEmpty().doesNotContain("");
    expressions.forEach(e -> names.addAll(metricNames(e)));
    Pattern labelValues = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      for (String query :
          List.of(variable.path("definition").asText(), variable.path("query").toString())) {
        Matcher m = labelValues.matcher(query);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /** Every metric name in the {@code expr:} lines of Prometheus rule files. */
  static Set<String> alertMetricNames(String rulesYaml) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$").matcher(rulesYaml);
    while (m.find()) {
      names.addAll(metricNames(m.group(1)));
    }
    return names;
  }

  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "inf",
          "nan");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  /**
   * The metric names in one PromQL expression: identifiers left once string literals, label
   * matchers, range selectors and grouping label lists are taken out, that are neither keywords nor
   * functions or aggregations (an identifier followed by a parenthesis).
   */
  static Set<String> metricNames(String expr) {
    String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    s = s.replaceAll("\\{[^}]*}", " ");
    s = s.replaceAll("\\[[^]]*]", " ");
    s = s.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String word = m.group();
      if (m.start() > 0
          && (Character.isDigit(s.charAt(m.start() - 1)) || s.charAt(m.start() - 1) == '.')) {
        continue; // the exponent or unit of a number
      }
      String rest = s.substring(m.end()).stripLeading();
      if (PROMQL_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) || rest.startsWith("(")) {
        continue;
      }
      names.add(word);
    }
    return names;
  }

  static Set<String> missing(Set<String> queried, Set<String> scraped) {
    Set<String> missing = new TreeSet<>(queried);
    missing.removeAll(scraped);
    return missing;
  }

  /** Sample lines of a Prometheus text scrape by metric name. */
  static Map<String, List<String>> samplesByName(String scrape) {
    Map<String, List<String>> samples = new TreeMap<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = IDENTIFIER.matcher(line);
      if (m.lookingAt()) {
        samples.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(line);
      }
    }
    return samples;
  }

  /** The sum of the samples of {@code name} whose labels contain {@code label}. */
  static double value(Map<String, List<String>> samples, String name, String label) {
    List<String> lines = samples.get(name);
    assertThat(lines).as("samples of %s", name).isNotNull();
    return lines.stream()
        .filter(line -> line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
