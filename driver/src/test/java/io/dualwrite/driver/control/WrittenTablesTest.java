package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WrittenTablesTest {

  @Test
  void aTableStaysPublishedForTheIntervalAfterItsLastWrite() {
    WrittenTables w = new WrittenTables();
    w.noteWrite(Set.of("a"));
    assertThat(w.rotate()).containsExactly("a");
    w.noteWrite(Set.of("b"));
    // a was written in the previous interval: still published
    assertThat(w.rotate()).containsExactly("a", "b");
    // nothing written since: b (previous interval) only
    assertThat(w.rotate()).containsExactly("b");
    assertThat(w.rotate()).isEmpty();
  }

  @Test
  void theListenerHearsOfTablesNotPublishedOnly() {
    WrittenTables w = new WrittenTables();
    AtomicInteger woken = new AtomicInteger();
    w.onNewTable(woken::incrementAndGet);
    w.noteWrite(Set.of("a"));
    assertThat(woken.get()).isEqualTo(1);
    w.noteWrite(Set.of("a")); // not published yet: told again (the agent coalesces)
    assertThat(woken.get()).isEqualTo(2);
    assertThat(w.peek()).containsExactly("a");
    w.noteWrite(Set.of("a"));
    assertThat(woken.get()).isEqualTo(2);
    w.rotate();
    w.noteWrite(Set.of("a")); // still in the published set
    assertThat(woken.get()).isEqualTo(2);
    w.rotate(); // published: a (previous interval)
    w.rotate(); // published: a (written in the interval before)
    w.rotate(); // published: nothing
    w.noteWrite(Set.of("a"));
    assertThat(woken.get()).isEqualTo(3);
  }

  @Test
  void aTableDroppedFromTheNextHeartbeatIsAnnouncedAgainWhenWritten() {
    WrittenTables w = new WrittenTables();
    AtomicInteger woken = new AtomicInteger();
    w.onNewTable(woken::incrementAndGet);
    w.noteWrite(Set.of("a"));
    w.rotate(); // [a]
    w.rotate(); // [a]: previous
    woken.set(0);
    List<String> next = w.rotate(); // [] : a no longer published
    assertThat(next).isEmpty();
    w.noteWrite(Set.of("a"));
    assertThat(woken.get()).isEqualTo(1);
    assertThat(w.peek()).containsExactly("a");
  }

  @Test
  void beyondTheBoundEveryTableIsNamed() {
    WrittenTables w = new WrittenTables();
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= WrittenTables.MAX_TABLES; i++) {
      many.add("t" + i);
    }
    w.noteWrite(many);
    assertThat(w.rotate()).containsExactly(WrittenTables.ALL);
    assertThat(w.rotate()).containsExactly(WrittenTables.ALL);
    assertThat(w.rotate()).isEmpty();
  }

  @Test
  void aTooLongSetIsStoredAsEveryTable() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      names.add("a_rather_long_table_name_number_" + i + "_with_padding_to_make_it_long");
    }
    assertThat(ControlStore.writtenJson(names)).isEqualTo("[\"*\"]");
    assertThat(ControlStore.writtenJson(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
  }
}
