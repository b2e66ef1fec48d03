package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.rewriter.AutoIncrement;
import io.dualwrite.rewriter.Binding;
import io.dualwrite.rewriter.KeyBinding;
import io.dualwrite.rewriter.PinnedStatement;
import io.dualwrite.rewriter.Translation;
import java.util.List;

/**
 * The SQL a statement runs as on one side and where each of its placeholders takes its value: the
 * one place that decides between the translation's plain text, its pinned form (values computed
 * once, such as {@code NOW()}, bound on both sides) and the form that writes generated keys
 * explicitly.
 *
 * @param sql the vendor SQL
 * @param sources per placeholder, the application parameter it binds, or -1 for {@code values}
 * @param values per placeholder with source -1, the value to bind (null when there is none)
 * @param targets on PostgreSQL, the translation that says which column each application parameter
 *     is written into or compared with ({@link Translation#parameterTarget}); null on MySQL
 */
record SideSql(String sql, int[] sources, Object[] values, Translation targets) {

  SideSql(String sql, int[] sources, Object[] values) {
    this(sql, sources, values, null);
  }

  /** The same bindings for {@code text}, a form of this SQL with the same parameters. */
  SideSql withText(String text) {
    return text.equals(sql) ? this : new SideSql(text, sources, values, targets);
  }

  /**
   * {@code t} on {@code side}: pinned when the rewriter pinned it (and did not refuse it), else as
   * translated, binding the application's parameters in order on MySQL and through the parameter
   * map on PostgreSQL.
   *
   * @param binds one execution's parameters (only their count matters), or null
   * @param computed the values computed for the pinned calls, or null when not pinned
   */
  static SideSql of(Translation t, Side side, Bind[] binds, Object[] computed) {
    PinnedStatement pinned = t.isRefused() ? null : t.pinned();
    if (pinned != null) {
      List<Binding> bindings =
          side == Side.POSTGRES ? pinned.postgresBindings() : pinned.mysqlBindings();
      return new SideSql(
          side == Side.POSTGRES ? pinned.postgresSql() : pinned.mysqlSql(),
          Binder.appSources(bindings),
          Binder.computedValues(bindings, computed),
          side == Side.POSTGRES ? t : null);
    }
    return side == Side.POSTGRES
        ? new SideSql(t.postgresSql(), t.parameterMap(), null, t)
        : new SideSql(t.mysqlSql(), Binder.identity(binds), null);
  }

  /** The SQL alone of {@link #of}. */
  static String sqlOf(Translation t, Side side) {
    PinnedStatement pinned = t.isRefused() ? null : t.pinned();
    if (pinned != null) {
      return side == Side.POSTGRES ? pinned.postgresSql() : pinned.mysqlSql();
    }
    return side == Side.POSTGRES ? t.postgresSql() : t.mysqlSql();
  }

  /**
   * The insert on PostgreSQL with its AUTO_INCREMENT column written explicitly: each generated key
   * from {@code keys}, starting at {@code firstKey}.
   */
  static SideSql withGeneratedKeys(
      Translation t, Object[] computed, List<Object> keys, int firstKey) {
    AutoIncrement ai = t.autoIncrement();
    List<KeyBinding> kb = ai.postgresKeyBindings();
    int[] sources = new int[kb.size()];
    Object[] values = new Object[kb.size()];
    for (int i = 0; i < kb.size(); i++) {
      KeyBinding b = kb.get(i);
      if (b instanceof KeyBinding.AppParameter p) {
        sources[i] = p.index();
      } else if (b instanceof KeyBinding.ComputedValue v) {
        sources[i] = -1;
        values[i] = computed[v.callIndex()];
      } else if (b instanceof KeyBinding.GeneratedKey g) {
        sources[i] = -1;
        values[i] = keys.get(firstKey + g.row());
      }
    }
    return new SideSql(ai.postgresSqlWithKeys(), sources, values, t);
  }

  /** Whether running it needs a prepared statement (it binds something). */
  boolean binds(Bind[] appBinds) {
    return appBinds != null || values != null || Binder.hasParameters(sources);
  }
}
