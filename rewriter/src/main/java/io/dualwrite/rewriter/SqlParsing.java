package io.dualwrite.rewriter;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one normalized statement on the caller's thread, the way {@code
 * CCJSqlParserUtil.parse(String)} configures the parser (simple parsing first, complex parsing only
 * when that fails and the nesting depth allows), but without its executor thread per parse.
 *
 * <p>The time budget: one shared daemon timer thread for the whole JVM sets the parser's {@code
 * interrupted} flag when a parse runs past its deadline; JSqlParser checks that flag in its
 * unbounded lookaheads, so a pathological statement stops backtracking and fails fast. A parse that
 * ends after its deadline is reported as a timeout whatever its outcome.
 */
final class SqlParsing {

  /** Why parsing failed: a timeout or a syntax error. */
  static final class ParseFailure extends Exception {
    final boolean timeout;

    ParseFailure(String message, boolean timeout) {
      super(message, null, false, false);
      this.timeout = timeout;
    }
  }

  private static final ScheduledExecutorService TIMER = newTimer();

  private SqlParsing() {}

  private static ScheduledExecutorService newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "dualwrite-rewriter-parse-timer");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  static Statement parse(String sql, long timeoutMillis) throws ParseFailure {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try {
      return parseOnce(sql, false, deadline, timeoutMillis);
    } catch (ParseFailure simple) {
      if (simple.timeout
          || CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
        throw simple;
      }
      // the parser must not be reused: a fresh one for the complex attempt
      return parseOnce(sql, true, deadline, timeoutMillis);
    }
  }

  private static Statement parseOnce(String sql, boolean complex, long deadline, long timeoutMillis)
      throws ParseFailure {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new ParseFailure("parsing took longer than " + timeoutMillis + " ms", true);
    }
    CCJSqlParser parser = new CCJSqlParser(new StringProvider(sql));
    parser.withAllowComplexParsing(complex);
    ScheduledFuture<?> alarm =
        TIMER.schedule(() -> parser.interrupted = true, remaining, TimeUnit.NANOSECONDS);
    try {
      Statement statement = parser.Statement();
      if (parser.interrupted || System.nanoTime() > deadline) {
        throw new ParseFailure("parsing took longer than " + timeoutMillis + " ms", true);
      }
      return statement;
    } catch (ParseFailure f) {
      throw f;
    } catch (Exception | Error e) {
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
        throw (VirtualMachineError) e;
      }
      if (parser.interrupted || System.nanoTime() > deadline) {
        throw new ParseFailure("parsing took longer than " + timeoutMillis + " ms", true);
      }
      if (e instanceof StackOverflowError) {
        throw new ParseFailure("statement is nested too deeply to parse", false);
      }
      String message = String.valueOf(e.getMessage());
      int nl = message.indexOf('\n');
      throw new ParseFailure(nl > 0 ? message.substring(0, nl) : message, false);
    } finally {
      alarm.cancel(false);
    }
  }
}
