package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;

import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;

/**
 * MySQL calls whose value differs per evaluation (NOW(), UUID(), RAND(), LAST_INSERT_ID(), ...): a
 * typed {@code ?} the driver binds when pinned, else the PostgreSQL equivalent.
 */
final class NonDeterministicFunctions {

  /** Non-deterministic calls whose value is fixed for the whole statement in MySQL. */
  static final Set<String> STATEMENT_CONSTANT =
      Set.of(
          "NOW",
          "CURRENT_TIMESTAMP",
          "LOCALTIME",
          "LOCALTIMESTAMP",
          "CURDATE",
          "CURRENT_DATE",
          "CURTIME",
          "CURRENT_TIME",
          "UTC_TIMESTAMP",
          "UTC_DATE",
          "UTC_TIME",
          "UNIX_TIMESTAMP",
          "LAST_INSERT_ID"); // the session's value from before the statement

  /**
   * Calls whose value differs per evaluation; lifted into parameters in writes: the statement
   * constants, and those MySQL evaluates anew each time (SYSDATE, UUID, RAND).
   */
  static final Set<String> NON_DETERMINISTIC =
      union(STATEMENT_CONSTANT, Set.of("SYSDATE", "UUID", "RAND"));

  private NonDeterministicFunctions() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** NOW(), UUID(), RAND(), ...: a typed '?' when pinned, else the PostgreSQL equivalent. */
  static void nonDeterministic(
      PgExpressionDeParser d, Expression node, String n, List<Expression> args) {
    int fsp = 0;
    if (n.equals("LAST_INSERT_ID")) {
      lastInsertId(d, node, args);
      return;
    }
    if (n.equals("RAND") && !args.isEmpty()) {
      throw RefusedException.function(
          "RAND", "RAND(seed) produces MySQL's own pseudo-random sequence.");
    }
    if (n.equals("UNIX_TIMESTAMP") && !args.isEmpty()) {
      arity(n, args, 1, 1);
      int digits =
          TemporalNumbers.of(d, args.get(0))
              .filter(t -> t.kind() == TemporalNumbers.Kind.DATETIME)
              .map(TemporalNumbers.Temporal::fsp)
              .orElse(0);
      if (digits > 0) {
        // a DATETIME(n)/TIMESTAMP(n) (a column, NOW(n), a cast, a literal) gives a DECIMAL with
        // its n fractional digits
        d.a("round(EXTRACT(EPOCH FROM CAST(CAST(");
        d.dateOperand(args.get(0));
        d.a(" AS timestamp) AS timestamptz)), " + digits + ")");
        return;
      }
      d.a("CAST(floor(EXTRACT(EPOCH FROM CAST(CAST(");
      d.dateOperand(args.get(0));
      d.a(" AS timestamp) AS timestamptz))) AS bigint)");
      return;
    }
    if (!args.isEmpty()) {
      if (args.size() == 1 && args.get(0) instanceof LongValue lv && lv.getValue() <= 6) {
        fsp = (int) lv.getValue();
      } else {
        throw RefusedException.function(n, n + " with these arguments is not supported.");
      }
    }
    timeKey(d, node, n, fsp);
  }

  /**
   * LAST_INSERT_ID(). In a write, the no-argument form is the MySQL session's value from before the
   * statement, which the driver reads from MySQL and binds on both sides (a pinned call); {@code
   * LAST_INSERT_ID(expr)} stores expr (the idiom {@code id = LAST_INSERT_ID(id + 1)}), its session
   * side effect being MySQL's. In a read the driver answers it from MySQL (refused here with the
   * {@code driver-intercepted:LAST_INSERT_ID} code it looks for).
   */
  private static void lastInsertId(PgExpressionDeParser d, Expression node, List<Expression> args) {
    if (args.size() == 1 && d.ctx.inWrite) {
      d.a("(");
      d.value(args.get(0));
      d.a(")");
      return;
    }
    if (args.isEmpty() && d.ctx.inWrite) {
      Integer call = d.ctx.callIndex.get(node);
      if (call != null && d.ctx.pinCalls) {
        d.a("CAST(? AS bigint)");
        d.ctx.bindings.add(new Binding.ComputedValue(call));
      } else {
        // Only the pinned form runs; this one is for display (translate): PostgreSQL's nearest.
        d.a("lastval()");
      }
      return;
    }
    if (args.size() > 1) {
      arity("LAST_INSERT_ID", args, 0, 1);
    }
    throw new RefusedException(
        "driver-intercepted:LAST_INSERT_ID",
        "LAST_INSERT_ID() is answered by the driver from MySQL's session.");
  }

  /** The fractional-seconds digits of a non-deterministic call node (NOW(3) gives 3). */
  static int fractionalDigits(Expression node) {
    if (node instanceof Function f
        && f.getParameters() != null
        && f.getParameters().size() == 1
        && f.getParameters().get(0) instanceof LongValue lv) {
      return (int) lv.getValue();
    }
    return 0;
  }

  /** The upper-case function name of a non-deterministic call node, or null. */
  static String nonDeterministicName(Expression node) {
    String n;
    if (node instanceof Function f) {
      if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
        return null;
      }
      n = PgExpressionDeParser.upper(Identifiers.normalize(f.getName()));
      if (n.equals("UNIX_TIMESTAMP") && f.getParameters() != null && !f.getParameters().isEmpty()) {
        return null;
      }
      if ((n.equals("RAND") || n.equals("LAST_INSERT_ID"))
          && f.getParameters() != null
          && !f.getParameters().isEmpty()) {
        return null;
      }
    } else if (node instanceof TimeKeyExpression t) {
      n = PgExpressionDeParser.upper(t.getStringValue()).replace("()", "").trim();
    } else {
      return null;
    }
    return NON_DETERMINISTIC.contains(n) ? n : null;
  }

  static void timeKey(PgExpressionDeParser d, Expression node, String n, int fsp) {
    Integer call = d.ctx.callIndex.get(node);
    if (d.ctx.pinCalls && call != null) {
      d.a("CAST(? AS ").a(pinnedType(n, fsp)).a(")");
      d.ctx.bindings.add(new Binding.ComputedValue(call));
      return;
    }
    switch (n) {
      case "NOW", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP" ->
          d.a(fsp == 0 ? "date_trunc('second', LOCALTIMESTAMP)" : "LOCALTIMESTAMP(" + fsp + ")");
      case "SYSDATE" ->
          d.a(
              fsp == 0
                  ? "date_trunc('second', CAST(clock_timestamp() AS timestamp))"
                  : "CAST(clock_timestamp() AS timestamp(" + fsp + "))");
      case "CURDATE", "CURRENT_DATE" -> d.a("CURRENT_DATE");
      case "CURTIME", "CURRENT_TIME" ->
          d.a(
              fsp == 0
                  ? "CAST(date_trunc('second', LOCALTIME) AS time)"
                  : "LOCALTIME(" + fsp + ")");
      case "UTC_TIMESTAMP" ->
          d.a(
              fsp == 0
                  ? "date_trunc('second', CAST(now() AT TIME ZONE 'UTC' AS timestamp))"
                  : "CAST(now() AT TIME ZONE 'UTC' AS timestamp(" + fsp + "))");
      case "UTC_DATE" -> d.a("CAST(now() AT TIME ZONE 'UTC' AS date)");
      case "UTC_TIME" -> d.a("CAST(date_trunc('second', now() AT TIME ZONE 'UTC') AS time)");
      case "UNIX_TIMESTAMP" -> d.a("CAST(floor(EXTRACT(EPOCH FROM now())) AS bigint)");
      case "UUID" -> d.a("CAST(gen_random_uuid() AS text)");
      case "RAND" -> d.a("random()");
      default -> throw new IllegalStateException(n);
    }
  }

  /**
   * The MySQL type a pinned call's {@code ?} is cast to, so MySQL reads the bound value as the
   * call's own type. A clock's value is bound as text, which MySQL reads in arithmetic as a DOUBLE
   * ({@code '2026-12-07 15:50:11' + 0} is 2026, {@code NOW() + 0} 20261207155011): it is cast to a
   * DATETIME, DATE or TIME with the call's fractional digits ({@code NOW(3)} is a DATETIME(3)).
   * RAND()'s double arrives as a literal such as {@code 0.3}, a DECIMAL ({@code 1 / 0.3} is 3.3333,
   * {@code 1 / RAND()} 3.3333333333333335): cast to DOUBLE. LAST_INSERT_ID() is a BIGINT UNSIGNED
   * ({@code LAST_INSERT_ID() - 10} below 10 is out of range, not negative): cast to UNSIGNED. Null
   * where the bound value already has the call's type: UNIX_TIMESTAMP()'s integer (a BIGINT), and
   * UUID()'s text.
   */
  static String mysqlPinnedType(String n, int fsp) {
    String digits = fsp > 0 ? "(" + fsp + ")" : "";
    return switch (n) {
      case "RAND" -> "DOUBLE";
      case "LAST_INSERT_ID" -> "UNSIGNED";
      case "CURDATE", "CURRENT_DATE", "UTC_DATE" -> "DATE";
      case "CURTIME", "CURRENT_TIME", "UTC_TIME" -> "TIME" + digits;
      case "NOW", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "SYSDATE", "UTC_TIMESTAMP" ->
          "DATETIME" + digits;
      default -> null;
    };
  }

  static String pinnedType(String n, int fsp) {
    return switch (n) {
      case "CURDATE", "CURRENT_DATE", "UTC_DATE" -> "date";
      case "CURTIME", "CURRENT_TIME", "UTC_TIME" -> "time(" + fsp + ")";
      case "UNIX_TIMESTAMP" -> "bigint";
      case "UUID" -> "text";
      case "RAND" -> "double precision";
      default -> "timestamp(" + fsp + ")";
    };
  }
}
