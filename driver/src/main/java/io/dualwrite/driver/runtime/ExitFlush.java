package io.dualwrite.driver.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every live runtime's buffered discrepancies, drift and last heartbeat to the control store
 * when the JVM exits normally, so an application that never calls {@code Driver.shutdown()} or
 * {@code DualWriteDataSource.close()} (most do not) loses nothing it recorded. One shutdown hook
 * for the JVM, registered with the first runtime; a runtime closed before exit is forgotten. Each
 * flush is bounded by the control store's own timeouts (a 2 s connection timeout).
 */
final class ExitFlush {
  private static final Logger LOG = LoggerFactory.getLogger(ExitFlush.class);
  private static final Set<DriverRuntime> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean hooked;

  private ExitFlush() {}

  static void register(DriverRuntime runtime) {
    LIVE.add(runtime);
    if (!hooked) {
      synchronized (ExitFlush.class) {
        if (!hooked) {
          try {
            Runtime.getRuntime()
                .addShutdownHook(new Thread(ExitFlush::flushAll, "dualwrite-exit-flush"));
          } catch (IllegalStateException e) {
            return; // the JVM is already exiting
          }
          hooked = true;
        }
      }
    }
  }

  static void forget(DriverRuntime runtime) {
    LIVE.remove(runtime);
  }

  private static void flushAll() {
    for (DriverRuntime runtime : LIVE) {
      try {
        runtime.close();
      } catch (RuntimeException e) {
        LOG.warn("dualwrite could not flush a runtime at exit: {}", e.toString());
      }
    }
  }
}
