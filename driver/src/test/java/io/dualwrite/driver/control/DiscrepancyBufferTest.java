package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.control.DiscrepancyBuffer.Batch;
import io.dualwrite.driver.control.DiscrepancyBuffer.DriftKey;
import io.dualwrite.driver.control.DiscrepancyBuffer.Group;
import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.discrepancy.DriftTracker;
import io.dualwrite.driver.discrepancy.Fingerprints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class DiscrepancyBufferTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Discrepancy record(
      DiscrepancyKind kind, String sql, Instant time, Set<String> tables, List<String> keys) {
    return new Discrepancy(
        time, "i1", kind, Fingerprints.of(sql), sql, "detail of " + sql, tables, keys);
  }

  private static Discrepancy mismatch(String sql, Instant time) {
    return record(DiscrepancyKind.READ_MISMATCH, sql, time, Set.of("t"), List.of());
  }

  private static DiscrepancyBuffer buffer(int maxGroups, int maxDriftKeys) {
    return new DiscrepancyBuffer(maxGroups, maxDriftKeys, d -> false);
  }

  @Test
  void identicalRecordsFromManyThreadsAggregateIntoOneGroupWithAnExactCount() throws Exception {
    DiscrepancyBuffer buffer = buffer(10, 10);
    Discrepancy first = mismatch("SELECT * FROM t WHERE id = 1", T0);
    buffer.accept(first);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 2_500; i++) {
                  // Different literals, same statement shape: one fingerprint.
                  buffer.accept(
                      mismatch(
                          "SELECT * FROM t WHERE id = " + (thread * 10_000 + i),
                          T0.plusMillis(1 + i)));
                }
              });
      th.start();
      threads.add(th);
    }
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }

    Batch batch = buffer.drain();
    assertThat(batch.groups()).hasSize(1);
    Group g = batch.groups().get(0);
    assertThat(g.count()).isEqualTo(10_001);
    assertThat(g.first()).isSameAs(first);
    assertThat(g.last()).isEqualTo(T0.plusMillis(2_500));
    assertThat(batch.dropped()).isZero();
    assertThat(buffer.accepted()).isEqualTo(10_001);
  }

  @Test
  void differentKindsAndStatementsStayApart() {
    DiscrepancyBuffer buffer = buffer(10, 10);
    buffer.accept(mismatch("SELECT a FROM t", T0));
    buffer.accept(mismatch("SELECT b FROM t", T0));
    buffer.accept(
        record(DiscrepancyKind.MIRROR_FAILED, "SELECT a FROM t", T0, Set.of("t"), List.of()));
    buffer.accept(mismatch("SELECT a FROM t", T0));

    assertThat(buffer.drain().groups())
        .extracting(g -> g.first().kind() + " " + g.first().sql() + " x" + g.count())
        .containsExactly(
            "READ_MISMATCH SELECT a FROM t x2",
            "READ_MISMATCH SELECT b FROM t x1",
            "MIRROR_FAILED SELECT a FROM t x1");
  }

  @Test
  void recordsBeyondTheGroupBoundAreCountedAsDroppedByKind() {
    DiscrepancyBuffer buffer = buffer(2, 10);
    buffer.accept(mismatch("SELECT a FROM t", T0));
    buffer.accept(mismatch("SELECT b FROM t", T0));
    buffer.accept(mismatch("SELECT c FROM t", T0.plusSeconds(1)));
    buffer.accept(mismatch("SELECT d FROM t", T0.plusSeconds(2)));
    buffer.accept(
        record(DiscrepancyKind.ROW_COUNT_MISMATCH, "UPDATE t SET a = 1", T0, Set.of(), List.of()));
    // An existing group still counts while the buffer is full.
    buffer.accept(mismatch("SELECT a FROM t", T0.plusSeconds(3)));

    Batch batch = buffer.drain();
    assertThat(batch.groups()).extracting(Group::count).containsExactly(2L, 1L);
    assertThat(batch.dropped()).isEqualTo(3);
    assertThat(batch.firstDropped()).isEqualTo(T0);
    assertThat(batch.lastDropped()).isEqualTo(T0.plusSeconds(2));
    assertThat(batch.droppedDetail())
        .isEqualTo("3 records dropped: buffer full (ROW_COUNT_MISMATCH 1, READ_MISMATCH 2)");
    assertThat(buffer.droppedTotal()).isEqualTo(3);
    assertThat(buffer.accepted()).isEqualTo(6);
  }

  @Test
  void drainLeavesTheBufferEmptyAndTheNextWindowStartsFresh() {
    DiscrepancyBuffer buffer = buffer(1, 10);
    buffer.accept(mismatch("SELECT a FROM t", T0));
    buffer.accept(mismatch("SELECT b FROM t", T0));
    assertThat(buffer.drain().dropped()).isEqualTo(1);

    Batch empty = buffer.drain();
    assertThat(empty.isEmpty()).isTrue();
    buffer.accept(mismatch("SELECT b FROM t", T0));
    Batch next = buffer.drain();
    assertThat(next.groups()).extracting(g -> g.first().sql()).containsExactly("SELECT b FROM t");
    assertThat(next.dropped()).isZero();
    assertThat(buffer.droppedTotal()).isEqualTo(1);
  }

  @Test
  void requeuedBatchMergesWithRecordsThatArrivedMeanwhileKeepingTheOlderSample() {
    DiscrepancyBuffer buffer = buffer(10, 10);
    Discrepancy older = mismatch("SELECT a FROM t WHERE x = 1", T0);
    buffer.accept(older);
    buffer.accept(mismatch("SELECT a FROM t WHERE x = 2", T0.plusSeconds(1)));
    Batch failed = buffer.drain();
    buffer.accept(mismatch("SELECT a FROM t WHERE x = 3", T0.plusSeconds(5)));
    buffer.accept(mismatch("SELECT z FROM t", T0.plusSeconds(6)));

    buffer.requeue(failed);

    Batch batch = buffer.drain();
    assertThat(batch.groups()).hasSize(2);
    Group a = batch.groups().get(0);
    assertThat(a.first()).isSameAs(older);
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.last()).isEqualTo(T0.plusSeconds(5));
    assertThat(batch.groups().get(1).first().sql()).isEqualTo("SELECT z FROM t");
  }

  @Test
  void requeueBeyondTheBoundTurnsGroupsIntoDroppedRecordsNotLostOnes() {
    DiscrepancyBuffer buffer = buffer(2, 10);
    buffer.accept(mismatch("SELECT a FROM t", T0));
    buffer.accept(mismatch("SELECT a FROM t", T0));
    buffer.accept(mismatch("SELECT b FROM t", T0));
    buffer.accept(mismatch("SELECT c FROM t", T0)); // dropped
    Batch failed = buffer.drain();
    buffer.accept(mismatch("SELECT d FROM t", T0));
    buffer.accept(mismatch("SELECT e FROM t", T0));

    buffer.requeue(failed);

    Batch batch = buffer.drain();
    long kept = batch.groups().stream().mapToLong(Group::count).sum();
    assertThat(kept + batch.dropped()).as("every record accounted for").isEqualTo(6);
    assertThat(batch.groups()).extracting(g -> g.first().sql()).contains("SELECT a FROM t");
    assertThat(batch.dropped()).isEqualTo(3);
  }

  @Test
  void recordsThatOpenedDriftContributeEveryKeyAndReadMismatchesNone() {
    DriftTracker tracker = new DriftTracker();
    DiscrepancyBuffer buffer =
        new DiscrepancyBuffer(10, 100, DiscrepancyBuffer.driftInference(tracker));
    tracker.open(Set.of("orders"), List.of("1", "2"));
    buffer.accept(
        record(
            DiscrepancyKind.MIRROR_FAILED,
            "INSERT INTO orders VALUES (1)",
            T0,
            Set.of("orders"),
            List.of("1", "2")));
    buffer.accept(
        record(
            DiscrepancyKind.MIRROR_FAILED,
            "INSERT INTO orders VALUES (2)",
            T0,
            Set.of("orders"),
            List.of("3")));
    // Not drifted: a failed mirror on a table the tracker does not hold did not open drift.
    buffer.accept(
        record(
            DiscrepancyKind.MIRROR_FAILED, "DELETE FROM other", T0, Set.of("other"), List.of("9")));
    buffer.accept(
        record(
            DiscrepancyKind.READ_MISMATCH,
            "SELECT * FROM orders",
            T0,
            Set.of("orders"),
            List.of("7")));

    assertThat(buffer.pendingDriftTables()).containsExactly("orders");
    assertThat(buffer.drain().drift())
        .containsExactly(
            new DriftKey("orders", "1"), new DriftKey("orders", "2"), new DriftKey("orders", "3"));
    assertThat(buffer.pendingDriftTables()).isEmpty();
  }

  @Test
  void driftWithoutKeysOrBeyondTheKeyBoundMarksTheWholeTable() {
    DiscrepancyBuffer buffer = new DiscrepancyBuffer(10, 2, d -> true);
    buffer.accept(
        record(DiscrepancyKind.MIRROR_SKIPPED, "INSERT INTO a", T0, Set.of("a"), List.of()));
    buffer.accept(
        record(
            DiscrepancyKind.MIRROR_SKIPPED,
            "INSERT INTO b",
            T0,
            Set.of("b"),
            List.of("1", "2", "3", "x".repeat(ControlDialect.MAX_ROW_KEY + 1))));

    assertThat(buffer.drain().drift())
        .containsExactly(new DriftKey("a", ""), new DriftKey("b", "1"), new DriftKey("b", ""));
  }

  @Test
  void longSqlAndManyKeysAreTrimmedInTheSampleOnly() {
    DiscrepancyBuffer buffer = new DiscrepancyBuffer(10, 1000, d -> true);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      keys.add(Integer.toString(i));
    }
    String sql = "INSERT INTO t VALUES " + "(1),".repeat(5000) + "(1)";
    buffer.accept(record(DiscrepancyKind.MIRROR_FAILED, sql, T0, Set.of("t"), keys));

    Batch batch = buffer.drain();
    Discrepancy sample = batch.groups().get(0).first();
    assertThat(sample.sql()).hasSize(DiscrepancyBuffer.MAX_TEXT).endsWith("...");
    assertThat(sample.keys()).hasSize(DiscrepancyBuffer.MAX_SAMPLE_KEYS);
    assertThat(sample.fingerprint()).isEqualTo(Fingerprints.of(sql));
    assertThat(batch.drift()).hasSize(150);
  }
}
