package io.dualwrite.admin.fleet;

import io.dualwrite.admin.json.Json;
import io.dualwrite.driver.control.ControlStore;
import io.dualwrite.driver.control.DiscrepancySummary;
import io.dualwrite.driver.control.DriftEntry;
import io.dualwrite.driver.control.InstanceStatus;
import io.dualwrite.driver.control.StoredFlags;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One reading of the control store: flags, instances, discrepancy and drift counts. An instance is
 * live when seen within three of its refresh intervals; it is behind when it has not applied the
 * stored version.
 */
public record FleetStatus(
    Optional<StoredFlags> flags,
    List<InstanceStatus> instances,
    long discrepancies,
    long discrepanciesSinceFlags,
    long fingerprints,
    List<DriftEntry> drift) {

  public static FleetStatus read(ControlStore store) throws SQLException {
    Optional<StoredFlags> flags = store.flags();
    List<DiscrepancySummary> all = store.discrepancySummary(null);
    long total = all.stream().mapToLong(DiscrepancySummary::occurrences).sum();
    long since = total;
    if (flags.isPresent()) {
      since =
          store.discrepancySummary(flags.get().updatedAt()).stream()
              .mapToLong(DiscrepancySummary::occurrences)
              .sum();
    }
    return new FleetStatus(flags, store.instances(), total, since, all.size(), store.drift());
  }

  public long version() {
    return flags.map(StoredFlags::version).orElse(0L);
  }

  public static boolean live(InstanceStatus i) {
    return !i.stale();
  }

  public boolean behind(InstanceStatus i) {
    return i.appliedVersion() < version() || i.flagsError() != null;
  }

  public TreeSet<String> driftTables() {
    TreeSet<String> tables = new TreeSet<>();
    drift.forEach(d -> tables.add(d.table()));
    return tables;
  }

  public void printHuman(PrintWriter out) {
    if (flags.isEmpty()) {
      out.println("flags: none stored yet (no instance has used this control store)");
    } else {
      StoredFlags f = flags.get();
      out.printf(
          "phase %s, reads %d%% from PostgreSQL, compare %d%%, flags version %d (set %s by %s)%n",
          f.phase(),
          f.readPercent(),
          f.comparePercent(),
          f.version(),
          f.updatedAt(),
          f.updatedBy());
    }
    out.printf(
        "instances: %d (%d live)%n",
        instances.size(), instances.stream().filter(FleetStatus::live).count());
    for (InstanceStatus i : instances) {
      boolean stale = i.stale();
      boolean behind = behind(i);
      StringBuilder line = new StringBuilder(stale || behind ? "  ! " : "    ");
      line.append(i.instance())
          .append("  version ")
          .append(i.appliedVersion())
          .append(behind ? " (behind)" : "")
          .append("  ")
          .append(i.phase())
          .append(" read ")
          .append(i.readPercent())
          .append("% compare ")
          .append(i.comparePercent())
          .append("%  seen ")
          .append(String.format("%.1f s ago", i.millisSinceSeen() / 1000.0))
          .append(
              i.stoppedAt() != null
                  ? " (stopped cleanly at " + i.stoppedAt() + ")"
                  : stale ? " (not seen for 3 refresh intervals)" : "")
          .append("  mirror ")
          .append(i.mirrorHealth())
          .append("  discrepancies ")
          .append(i.discrepancies());
      if (i.driftTables() > 0) {
        line.append("  drift tables ").append(i.driftTables());
      }
      if (i.flagsError() != null) {
        line.append("  refuses the flags: ").append(i.flagsError());
      }
      if (i.crashed()) {
        line.append("  CRASHED (no clean stop)");
        if (!i.writtenTables().isEmpty()) {
          line.append(", tables it was writing: ")
              .append(String.join(", ", i.writtenTables()))
              .append(
                  i.crashDriftOpenedAt() == null
                      ? ""
                      : " (drift opened " + i.crashDriftOpenedAt() + ")");
        }
      }
      if (i.lastOutageError() != null && i.lastOutageEnd() == null && i.lastOutageStart() != null) {
        line.append("  control store unreachable: ").append(i.lastOutageError());
      }
      out.println(line);
    }
    out.printf(
        "discrepancies: %,d recorded in %d fingerprints, %,d since the flags last changed%n",
        discrepancies, fingerprints, discrepanciesSinceFlags);
    TreeSet<String> tables = driftTables();
    out.printf(
        "drift: %,d rows in %d tables%s%n",
        drift.size(),
        tables.size(),
        tables.isEmpty() ? "" : " (" + String.join(", ", tables) + ")");
  }

  public Json.ObjectBuilder toJson() {
    Json.ObjectBuilder doc = Json.object();
    if (flags.isPresent()) {
      StoredFlags f = flags.get();
      doc.put(
          "flags",
          Json.object()
              .put("phase", f.phase().name())
              .put("readPercent", f.readPercent())
              .put("comparePercent", f.comparePercent())
              .put("version", f.version())
              .put("updatedAt", f.updatedAt().toString())
              .put("updatedBy", f.updatedBy()));
    } else {
      doc.put("flags", (String) null);
    }
    Json.ArrayBuilder list = Json.array();
    for (InstanceStatus i : instances) {
      Json.ObjectBuilder o =
          Json.object()
              .put("instance", i.instance())
              .put("appliedVersion", i.appliedVersion())
              .put("behind", behind(i))
              .put("stale", i.stale())
              .put("live", live(i))
              .put("phase", i.phase() == null ? null : i.phase().name())
              .put("readPercent", i.readPercent())
              .put("comparePercent", i.comparePercent())
              .put("lastSeen", i.lastSeen().toString())
              .put("millisSinceSeen", i.millisSinceSeen())
              .put("refreshMillis", i.refreshMillis())
              .put("startedAt", i.startedAt().toString())
              .put("mirrorHealth", i.mirrorHealth())
              .put("mysqlBreaker", i.mysqlBreaker())
              .put("postgresBreaker", i.postgresBreaker())
              .put("discrepancies", i.discrepancies())
              .put("discrepanciesDropped", i.discrepanciesDropped())
              .put("driftTables", i.driftTables())
              .put("controlOutages", i.controlOutages())
              .put("flagsError", i.flagsError())
              .put("crashed", i.crashed())
              .put("stoppedAt", instant(i.stoppedAt()))
              .put("crashDriftOpenedAt", instant(i.crashDriftOpenedAt()));
      Json.ArrayBuilder written = Json.array();
      i.writtenTables().forEach(written::add);
      o.put("writtenTables", written);
      list.add(o);
    }
    doc.put("instances", list);
    doc.put(
        "discrepancies",
        Json.object()
            .put("total", discrepancies)
            .put("sinceFlagsChanged", discrepanciesSinceFlags)
            .put("fingerprints", fingerprints));
    Json.ArrayBuilder tables = Json.array();
    driftTables().forEach(tables::add);
    doc.put("drift", Json.object().put("rows", drift.size()).put("tables", tables));
    return doc;
  }

  static String instant(Instant i) {
    return i == null ? null : i.toString();
  }
}
