package io.dualwrite.admin.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class OrderedTranslationsTest {

  private static SourceStatement statement(int i) {
    String text = "SELECT " + i;
    return new SourceStatement(text, i, text.length(), false);
  }

  private static Outcome outcome(SourceStatement s) {
    return new Outcome(s.text().toLowerCase(), null, null, "SELECT", null);
  }

  @Test
  void resultsComeBackInInputOrderEvenWhenLaterOnesFinishFirst() {
    List<String> seen = new ArrayList<>();
    ConcurrentHashMap<String, Boolean> threadsUsed = new ConcurrentHashMap<>();
    try (OrderedTranslations t =
        new OrderedTranslations(
            4,
            s -> {
              threadsUsed.put(Thread.currentThread().getName(), true);
              // earlier statements take longer
              LockSupport.parkNanos((200 - s.line()) * 20_000L);
              return outcome(s);
            },
            (s, o) -> {
              assertThat(o.postgres()).isEqualTo(s.text().toLowerCase());
              seen.add(s.text());
            })) {
      for (int i = 0; i < 200; i++) {
        t.submit(statement(i));
      }
      t.finish();
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      expected.add("SELECT " + i);
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(threadsUsed.keySet()).allMatch(n -> n.startsWith("dualwrite-translate-"));
  }

  @Test
  void oneThreadTranslatesOnTheCallersThread() {
    List<String> threads = new ArrayList<>();
    try (OrderedTranslations t =
        new OrderedTranslations(
            1,
            s -> {
              threads.add(Thread.currentThread().getName());
              return outcome(s);
            },
            (s, o) -> {})) {
      t.submit(statement(1));
      t.finish();
    }
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }
}
