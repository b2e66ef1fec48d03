package io.dualwrite.driver.discrepancy;

import io.dualwrite.driver.metrics.DriverMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every discrepancy goes (contract section 5): one JSON line on the {@code
 * io.dualwrite.discrepancy} logger, a Micrometer counter, the drift tracker when the difference may
 * have left rows different, and every registered sink (the control store's buffered writer).
 *
 * <p>Nothing of the application's data leaves through a record: the SQL is kept with its literals
 * replaced by {@code ?} and credential statements redacted ({@link SafeText#sql}), the detail
 * without quoted values ({@link SafeText#detail}; the paths pass vendor errors through {@link
 * SafeText#error}). The statement as written, with its values, is logged only at debug level on the
 * {@code io.dualwrite.discrepancy.values} logger (never a credential statement).
 */
public final class DiscrepancyRecorder {
  private static final Logger LOG = LoggerFactory.getLogger("io.dualwrite.discrepancy");
  private static final Logger VALUES = LoggerFactory.getLogger("io.dualwrite.discrepancy.values");

  private final String instance;
  private final DriftTracker drift;
  private final DriverMetrics metrics;
  private final List<DiscrepancySink> sinks = new CopyOnWriteArrayList<>();

  public DiscrepancyRecorder(String instance, DriftTracker drift, DriverMetrics metrics) {
    this.instance = instance;
    this.drift = drift;
    this.metrics = metrics;
  }

  public void addSink(DiscrepancySink sink) {
    sinks.add(sink);
  }

  public void removeSink(DiscrepancySink sink) {
    sinks.remove(sink);
  }

  public DriftTracker drift() {
    return drift;
  }

  /**
   * Records a difference.
   *
   * @param opensDrift whether rows of {@code tables} may now differ between the sides
   */
  public Discrepancy record(
      DiscrepancyKind kind,
      String sql,
      String detail,
      Set<String> tables,
      List<String> keys,
      boolean opensDrift) {
    Discrepancy d =
        new Discrepancy(
            Instant.now(),
            instance,
            kind,
            Fingerprints.of(sql),
            SafeText.sql(sql),
            SafeText.detail(detail),
            tables,
            keys);
    if (opensDrift) {
      drift.open(d.tables(), d.keys());
    }
    metrics.discrepancy(kind);
    if (LOG.isWarnEnabled()) {
      LOG.warn(d.toJson());
    }
    if (VALUES.isDebugEnabled() && sql != null && !SafeText.isCredentialStatement(sql)) {
      VALUES.debug(
          "{} {} statement as written: {}",
          d.kind(),
          d.fingerprint(),
          io.dualwrite.driver.config.Redaction.oneLine(
              sql.length() > SafeText.MAX_SQL ? sql.substring(0, SafeText.MAX_SQL) : sql));
    }
    for (DiscrepancySink sink : sinks) {
      try {
        sink.accept(d);
      } catch (RuntimeException e) {
        LOG.error("discrepancy sink {} failed", sink, e);
      }
    }
    return d;
  }
}
