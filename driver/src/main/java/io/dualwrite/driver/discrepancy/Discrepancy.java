package io.dualwrite.driver.discrepancy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One observed difference between the sides (contract section 5): time, instance, kind, statement
 * fingerprint, the SQL (never bind values: those are logged only at debug level), a detail of the
 * difference, and the tables (and keys, when known) it may have left different.
 */
public record Discrepancy(
    Instant time,
    String instance,
    DiscrepancyKind kind,
    String fingerprint,
    String sql,
    String detail,
    Set<String> tables,
    List<String> keys) {

  public Discrepancy {
    tables = tables == null ? Set.of() : Set.copyOf(tables);
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  /** The record as one JSON object on one line. */
  public String toJson() {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"time\":");
    Json.string(b, time.toString());
    b.append(",\"instance\":");
    Json.string(b, instance);
    b.append(",\"kind\":");
    Json.string(b, kind.name());
    b.append(",\"fingerprint\":");
    Json.string(b, fingerprint);
    b.append(",\"sql\":");
    Json.string(b, sql);
    b.append(",\"detail\":");
    Json.string(b, detail);
    b.append(",\"tables\":[");
    int i = 0;
    for (String t : tables) {
      if (i++ > 0) {
        b.append(',');
      }
      Json.string(b, t);
    }
    b.append("],\"keys\":[");
    for (int k = 0; k < keys.size(); k++) {
      if (k > 0) {
        b.append(',');
      }
      Json.string(b, keys.get(k));
    }
    return b.append("]}").toString();
  }
}
