package io.dualwrite.admin.verify;

import io.dualwrite.admin.json.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code verify}'s output: a human report, or one JSON document. */
public final class VerifyReport {
  private VerifyReport() {}

  public static boolean equal(List<TableResult> results) {
    return results.stream().noneMatch(TableResult::differs);
  }

  public static void printHuman(PrintWriter out, List<TableResult> results) {
    long differing = 0;
    long differences = 0;
    for (TableResult r : results) {
      TableSpec t = r.table();
      if (r.problem() != null) {
        differing++;
        out.printf("%s: cannot compare: %s%n", t.mysqlName(), r.problem());
        continue;
      }
      String key =
          t.hasPrimaryKey()
              ? "primary key " + String.join(", ", t.keyNames())
              : "no primary key, compared by full row";
      out.printf(
          "%s (%s): %,d rows on MySQL, %,d on PostgreSQL: %s%n",
          t.mysqlName(),
          key,
          r.mysqlRows(),
          r.postgresRows(),
          r.differs() ? differenceSummary(r) : "equal");
      if (!r.differs()) {
        continue;
      }
      differing++;
      differences += r.differences();
      for (KeyDiff d : r.listed()) {
        out.println("  " + describe(t, d));
        printValues(out, "MySQL", d.mysql());
        printValues(out, "PostgreSQL", d.postgres());
      }
      if (r.truncated()) {
        out.printf(
            "  ... %,d more not listed (raise --max-keys)%n", r.differences() - r.listed().size());
      }
    }
    if (differing == 0) {
      out.printf("verify: all %d tables equal%n", results.size());
    } else {
      out.printf(
          "verify: %d of %d tables differ (%,d differing rows)%n",
          differing, results.size(), differences);
    }
  }

  private static String differenceSummary(TableResult r) {
    if (r.table().hasPrimaryKey()) {
      return String.format(
          "%,d missing on PostgreSQL, %,d extra on PostgreSQL, %,d changed",
          r.missing(), r.extra(), r.changed());
    }
    return String.format(
        "%,d rows only on MySQL, %,d rows only on PostgreSQL", r.missing(), r.extra());
  }

  private static String describe(TableSpec t, KeyDiff d) {
    String what =
        switch (d.kind()) {
          case MISSING -> t.hasPrimaryKey() ? "missing on PostgreSQL" : "row only on MySQL";
          case EXTRA -> t.hasPrimaryKey() ? "extra on PostgreSQL" : "row only on PostgreSQL";
          case CHANGED -> "changed";
        };
    StringBuilder b = new StringBuilder(what);
    if (!d.key().isEmpty()) {
      b.append(": ");
      List<String> names = t.keyNames();
      for (int i = 0; i < names.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(d.key().get(i));
      }
    }
    if (!d.columns().isEmpty()) {
      b.append(" (columns: ").append(String.join(", ", d.columns())).append(')');
    }
    return b.toString();
  }

  private static void printValues(PrintWriter out, String side, Map<String, String> values) {
    if (values.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder("      ").append(side).append(": ");
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      b.append(first ? "" : ", ").append(e.getKey()).append('=');
      b.append(e.getValue() == null ? "NULL" : "'" + e.getValue() + "'");
      first = false;
    }
    out.println(b);
  }

  public static String toJson(List<TableResult> results) {
    Json.ArrayBuilder tables = Json.array();
    long differences = 0;
    for (TableResult r : results) {
      differences += r.differences();
      tables.add(tableJson(r));
    }
    return Json.object()
        .put("equal", equal(results))
        .put("differences", differences)
        .put("tables", tables)
        .toString();
  }

  static Json.ObjectBuilder tableJson(TableResult r) {
    TableSpec t = r.table();
    Json.ArrayBuilder key = Json.array();
    t.keyNames().forEach(key::add);
    Json.ObjectBuilder o =
        Json.object()
            .put("table", t.mysqlName())
            .put("postgresTable", t.pgName())
            .put("primaryKey", key)
            .put("equal", !r.differs());
    if (r.problem() != null) {
      return o.put("problem", r.problem());
    }
    o.put("mysqlRows", r.mysqlRows())
        .put("postgresRows", r.postgresRows())
        .put("missing", r.missing())
        .put("extra", r.extra())
        .put("changed", r.changed())
        .put("rowsPerSecond", r.rowsPerSecond())
        .put("truncated", r.truncated());
    Json.ArrayBuilder diffs = Json.array();
    for (KeyDiff d : r.listed()) {
      Json.ArrayBuilder k = Json.array();
      d.key().forEach(k::add);
      Json.ArrayBuilder cols = Json.array();
      d.columns().forEach(cols::add);
      Json.ObjectBuilder one = Json.object().put("kind", d.kind().label()).put("key", k);
      if (!d.columns().isEmpty()) {
        one.put("columns", cols);
      }
      if (!d.mysql().isEmpty()) {
        one.put("mysql", valuesJson(d.mysql()));
      }
      if (!d.postgres().isEmpty()) {
        one.put("postgres", valuesJson(d.postgres()));
      }
      diffs.add(one);
    }
    return o.put("keys", diffs);
  }

  private static Json.ObjectBuilder valuesJson(Map<String, String> values) {
    Json.ObjectBuilder o = Json.object();
    values.forEach(o::put);
    return o;
  }
}
