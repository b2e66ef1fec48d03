package io.dualwrite.driver.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WriteWindowsTest {
  private final WrittenTables written = new WrittenTables();
  private final WriteWindows windows = new WriteWindows(written);
  private final List<Boolean> published = new CopyOnWriteArrayList<>();

  @Test
  void nothingIsPublishedWhileTheJvmRuns() {
    windows.open(Set.of("a"));
    windows.close();
    assertThat(published).isEmpty();
    assertThat(written.peek()).containsExactly("a");
  }

  @Test
  void noWindowOpenAtExitIsACleanStopAtOnce() {
    long start = System.nanoTime();
    windows.atExit(60_000, published::add);
    assertThat(published).containsExactly(true);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(30));
  }

  @Test
  void aWindowClosingDuringTheWaitMakesTheStopClean() throws Exception {
    windows.open(Set.of("a"));
    CountDownLatch waiting = new CountDownLatch(1);
    Thread closer =
        new Thread(
            () -> {
              try {
                waiting.await();
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              windows.close();
            });
    closer.start();
    waiting.countDown();
    windows.atExit(60_000, published::add);
    closer.join();
    assertThat(published).containsExactly(true);
  }

  @Test
  void aWindowStillOpenAfterTheWaitLeavesTheStopUncleanUntilItCloses() {
    windows.open(Set.of("a"));
    windows.atExit(50, published::add);
    assertThat(published).containsExactly(false);
    windows.close();
    assertThat(published).containsExactly(false, true);
  }

  @Test
  void aWindowOpenedAfterTheCleanStopTakesItBackBeforeItReturns() {
    windows.atExit(50, published::add);
    windows.open(Set.of("late"));
    assertThat(published).containsExactly(true, false);
    assertThat(written.peek()).contains("late"); // announced before the stop was taken back
    windows.open(Set.of("other")); // already unclean: nothing more to publish
    assertThat(published).containsExactly(true, false);
    windows.close();
    assertThat(published).containsExactly(true, false);
    windows.close();
    assertThat(published).containsExactly(true, false, true);
    assertThat(windows.openCount()).isZero();
  }
}
