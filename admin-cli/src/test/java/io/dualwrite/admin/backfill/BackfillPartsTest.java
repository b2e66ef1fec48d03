package io.dualwrite.admin.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.backfill.TableInfo.Col;
import io.dualwrite.admin.verify.KeyBound;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@code backfill --parts} cuts a table into key ranges and bounds each part's chunks. */
class BackfillPartsTest {

  private static TableInfo table(String... keyTypes) {
    List<Col> cols = new ArrayList<>();
    List<Integer> key = new ArrayList<>();
    for (int i = 0; i < keyTypes.length; i++) {
      cols.add(new Col("k" + i, "k" + i, keyTypes[i], "bigint", false));
      key.add(i);
    }
    cols.add(new Col("v", "v", "varchar", "text", false));
    return new TableInfo("t", "t", cols, key, null, 0, 0, Set.of(), false, null);
  }

  @Test
  void aPartEndsAtItsLastKeyIncludedOnACompositeKey() {
    assertThat(ChunkCopier.upToPredicate(table("int", "int", "int")))
        .isEqualTo(
            "((`k0` < ?) OR (`k0` = ? AND `k1` < ?) OR (`k0` = ? AND `k1` = ? AND `k2` < ?)"
                + " OR (`k0` = ? AND `k1` = ? AND `k2` = ?))");
    assertThat(KeyBound.bindOrder(3, true)).containsExactly(0, 0, 1, 0, 1, 2, 0, 1, 2);
    assertThat(KeyBound.bindOrder(3, false)).containsExactly(0, 0, 1, 0, 1, 2);
  }

  @Test
  void aSingleColumnKeyIsAPlainComparison() {
    assertThat(ChunkCopier.afterPredicate(table("bigint"))).isEqualTo("`k0` > ?");
    assertThat(ChunkCopier.upToPredicate(table("bigint"))).isEqualTo("`k0` <= ?");
    assertThat(KeyBound.bindOrder(1, true)).containsExactly(0);
  }

  /**
   * The two bounds, evaluated as MySQL evaluates them over every key of a small composite key
   * space, select exactly the keys after one key and up to another in lexicographic order.
   */
  @Test
  void theBoundsSelectExactlyTheLexicographicRange() {
    List<int[]> keys = new ArrayList<>();
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        for (int c = 0; c < 3; c++) {
          keys.add(new int[] {a, b, c});
        }
      }
    }
    for (int[] after : keys) {
      for (int[] upTo : keys) {
        for (int[] k : keys) {
          boolean expected = compare(k, after) > 0 && compare(k, upTo) <= 0;
          boolean evaluated = evaluate(k, after, false) && evaluate(k, upTo, true);
          assertThat(evaluated).as("%s after %s up to %s", k, after, upTo).isEqualTo(expected);
        }
      }
    }
  }

  /**
   * Evaluates {@link KeyBound#sql}'s shape as written: each OR term compares a prefix for equality
   * and the next column strictly; {@code upTo} adds the all-equal term. The marks take {@link
   * KeyBound#bindOrder}'s columns, so a wrong order shows here too.
   */
  private static boolean evaluate(int[] key, int[] bound, boolean upTo) {
    int n = key.length;
    List<Integer> order = KeyBound.bindOrder(n, upTo);
    String sql = KeyBound.sql(List.of("k0", "k1", "k2"), upTo).replace("(", "").replace(")", "");
    int mark = 0;
    boolean any = false;
    for (String term : sql.split(" OR ")) {
      boolean all = true;
      for (String cmp : term.split(" AND ")) {
        String[] p = cmp.trim().split(" ");
        int column = Integer.parseInt(p[0].substring(1));
        int value = bound[order.get(mark++)];
        int v = key[column];
        all &=
            switch (p[1]) {
              case "=" -> v == value;
              case "<" -> v < value;
              case ">" -> v > value;
              case "<=" -> v <= value;
              default -> throw new IllegalStateException(p[1]);
            };
      }
      any |= all;
    }
    assertThat(mark).isEqualTo(order.size());
    return any;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  @Test
  void partsHoldAboutEqualRowCounts() {
    assertThat(KeySplit.step(1_000, 4)).isEqualTo(250);
    assertThat(KeySplit.step(1_001, 4)).isEqualTo(251);
    assertThat(KeySplit.step(3, 4)).as("fewer rows than parts: one part").isZero();
    assertThat(KeySplit.step(1_000_000, 1)).as("one part: no boundary").isZero();
  }

  @Test
  void boundariesAreReadFromThePrimaryKeyIndexAfterThePreviousOne() {
    assertThat(KeySplit.keyAtSql(table("int", "datetime"), true))
        .isEqualTo(
            "SELECT `k0`, `k1` FROM `t` FORCE INDEX (PRIMARY) ORDER BY `k0`, `k1` LIMIT 1 OFFSET"
                + " ?");
    assertThat(KeySplit.keyAtSql(table("int", "datetime"), false))
        .isEqualTo(
            "SELECT `k0`, `k1` FROM `t` FORCE INDEX (PRIMARY) WHERE ((`k0` > ?) OR (`k0` = ? AND"
                + " `k1` > ?)) ORDER BY `k0`, `k1` LIMIT 1 OFFSET ?");
  }
}
