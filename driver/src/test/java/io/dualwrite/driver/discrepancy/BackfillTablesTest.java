package io.dualwrite.driver.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.Phase.Side;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackfillTablesTest {

  @Test
  void fewerRowsOnPostgresInATableBeingBackfilledAreExplained() {
    BackfillTables b = new BackfillTables();
    b.replaceWith(List.of("Orders"));
    assertThat(b.explainsFewerRows(Side.MYSQL, 1, 0, Set.of("orders"), Set.of("orders"))).isTrue();
    assertThat(b.explainsFewerRows(Side.MYSQL, 2, 1, Set.of("db.orders"), Set.of())).isTrue();
  }

  @Test
  void otherDifferencesAreNotExplained() {
    BackfillTables b = new BackfillTables();
    b.replaceWith(List.of("orders", "customer"));
    // more rows on PostgreSQL: never the backfill's doing
    assertThat(b.explainsFewerRows(Side.MYSQL, 0, 1, Set.of("orders"), Set.of())).isFalse();
    // a table not being backfilled
    assertThat(b.explainsFewerRows(Side.MYSQL, 1, 0, Set.of("orders", "item"), Set.of())).isFalse();
    // values read from another table being backfilled
    assertThat(
            b.explainsFewerRows(Side.MYSQL, 3, 1, Set.of("orders"), Set.of("orders", "customer")))
        .isFalse();
    // PostgreSQL authoritative
    assertThat(b.explainsFewerRows(Side.POSTGRES, 1, 0, Set.of("orders"), Set.of())).isFalse();
    // nothing being backfilled
    b.replaceWith(List.of());
    assertThat(b.explainsFewerRows(Side.MYSQL, 1, 0, Set.of("orders"), Set.of())).isFalse();
  }

  @Test
  void readsOfATableBeingBackfilledAreKnown() {
    BackfillTables b = new BackfillTables();
    assertThat(b.anyIncomplete(List.of("orders"))).isFalse();
    b.replaceWith(List.of("orders"));
    assertThat(b.anyIncomplete(List.of("customer", "ORDERS"))).isTrue();
    assertThat(b.anyIncomplete(List.of("customer"))).isFalse();
  }
}
