package io.dualwrite.rewriter;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
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

  /** What one parser reads: a statement, or a condition. */
  @FunctionalInterface
  private interface Production<T> {
    T read(CCJSqlParser parser) throws Exception;
  }

  /** One statement, the way the rewriter reads every statement it translates. */
  static Statement parse(String sql, long timeoutMillis) throws ParseFailure {
    return parse(sql, timeoutMillis, CCJSqlParser::Statement);
  }

  /**
   * A condition on its own (a column-level CHECK, which the statement's tree holds as text), with
   * the same parser configuration and time budget as a statement.
   */
  static Expression parseCondition(String condition, long timeoutMillis) throws ParseFailure {
    return parse(condition, timeoutMillis, SqlParsing::wholeCondition);
  }

  private static Expression wholeCondition(CCJSqlParser parser) throws Exception {
    Expression e = parser.Expression();
    if (parser.getNextToken().kind != CCJSqlParserConstants.EOF) {
      throw new IllegalArgumentException("text after the condition");
    }
    return e;
  }

  private static <T> T parse(String sql, long timeoutMillis, Production<T> production)
      throws ParseFailure {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try {
      return parseOnce(sql, false, deadline, timeoutMillis, production);
    } catch (ParseFailure simple) {
      if (simple.timeout
          || CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
        throw simple;
      }
      // the parser must not be reused: a fresh one for the complex attempt
      return parseOnce(sql, true, deadline, timeoutMillis, production);
    }
  }

  private static <T> T parseOnce(
      String sql, boolean complex, long deadline, long timeoutMillis, Production<T> production)
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
      T read = production.read(parser);
      if (parser.interrupted || System.nanoTime() > deadline) {
        throw new ParseFailure("parsing took longer than " + timeoutMillis + " ms", true);
      }
      return read;
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
