package io.dualwrite.admin.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.backfill.TableInfo.Col;
import io.dualwrite.driver.Phase;
import io.dualwrite.driver.control.StoredFlags;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackfillPlanTest {

  private static TableInfo table(String name, Set<String> parents, String... keyTypes) {
    List<Col> cols = new java.util.ArrayList<>();
    List<Integer> key = new java.util.ArrayList<>();
    for (int i = 0; i < keyTypes.length; i++) {
      cols.add(new Col("k" + i, "k" + i, keyTypes[i], "bigint", false));
      key.add(i);
    }
    return new TableInfo(name, name, cols, key, null, 0, 0, parents, false, null);
  }

  @Test
  void compositeKeysAreReadAfterTheCheckpointAsARangeOnThePrimaryKey() {
    assertThat(ChunkCopier.afterPredicate(table("t", Set.of(), "int", "int", "int")))
        .isEqualTo(
            "((`k0` > ?) OR (`k0` = ? AND `k1` > ?) OR (`k0` = ? AND `k1` = ? AND `k2` > ?))");
  }

  @Test
  void referencedTablesComeFirst() {
    TableInfo line = table("line", Set.of("orders"), "int");
    TableInfo orders = table("orders", Set.of("customer"), "int");
    TableInfo customer = table("customer", Set.of(), "int");
    assertThat(BackfillCommand.parentsFirst(List.of(line, orders, customer)))
        .extracting(TableInfo::mysqlName)
        .containsExactly("customer", "orders", "line");
  }

  @Test
  void extraRowsAreLookedForOnlyWhereBothDatabasesOrderKeysAlike() {
    assertThat(table("t", Set.of(), "bigint", "datetime").keyOrderAgrees()).isTrue();
    assertThat(table("t", Set.of(), "varbinary").keyOrderAgrees()).isTrue();
    assertThat(table("t", Set.of(), "bigint", "varchar").keyOrderAgrees()).isFalse();
  }

  @Test
  void runsOnlyInDualWrite() {
    assertThat(Backfiller.phaseRefusal(Optional.empty())).isPresent();
    for (Phase p : Phase.values()) {
      StoredFlags f = new StoredFlags(p, 0, 0, 1, Instant.EPOCH, "test");
      assertThat(Backfiller.phaseRefusal(Optional.of(f)).isEmpty())
          .as(p.name())
          .isEqualTo(p == Phase.DUAL_WRITE);
    }
  }

  @Test
  void lockTimeoutsAndDeadlocksAreRetriedOtherErrorsAreNot() {
    assertThat(Backfiller.retryable(new SQLException("x", "HY000", 1205))).isTrue();
    assertThat(Backfiller.retryable(new SQLTransactionRollbackException("x", "40001", 1213)))
        .isTrue();
    assertThat(Backfiller.retryable(new SQLException("x", "55P03"))).isTrue();
    assertThat(Backfiller.retryable(new SQLException("x", "40P01"))).isTrue();
    assertThat(Backfiller.retryable(new SQLException("x", "23505"))).isFalse();
  }
}
