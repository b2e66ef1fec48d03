package io.dualwrite.rewriter;

import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;

/**
 * Records, while a statement is printed, which column each application parameter is written into or
 * compared with ({@link ParameterTarget}): the printers of assignments and comparisons wrap the
 * printing of a bare {@code ?} in {@link #with}, and the parameter's printer calls {@link #record}.
 */
final class ParameterTargets {
  private ParameterTargets() {}

  /**
   * Runs {@code print} with {@code value}'s parameter, when it is a bare {@code ?}, recorded as
   * written into ({@code assigned}) or compared with {@code column}.
   */
  static void with(
      PrintContext ctx,
      Optional<ColumnInfo> column,
      Expression value,
      boolean assigned,
      Runnable print) {
    if (column.isEmpty() || !(value instanceof JdbcParameter)) {
      print.run();
      return;
    }
    ParameterTarget outer = ctx.nextParameterTarget;
    ctx.nextParameterTarget = new ParameterTarget(column.get().mysqlType(), assigned);
    try {
      print.run();
    } finally {
      ctx.nextParameterTarget = outer;
    }
  }

  /** The application's parameter {@code index} (0-based) was printed: its target, if any. */
  static void record(PrintContext ctx, int index) {
    if (ctx.nextParameterTarget != null) {
      ctx.parameterTargets.putIfAbsent(index, ctx.nextParameterTarget);
    }
  }
}
