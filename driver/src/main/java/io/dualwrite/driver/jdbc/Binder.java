package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.rewriter.Binding;
import io.dualwrite.rewriter.ParameterTarget;
import io.dualwrite.rewriter.Translation;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Binds a statement's parameters on a vendor statement: the application's recorded parameters
 * ({@link Bind}), replayed through a source map (which application parameter each placeholder
 * takes, or -1 for a value dualwrite computed), and the computed values themselves.
 */
final class Binder {
  private Binder() {}

  private static final int[] NONE = new int[0];
  private static final DateTimeFormatter MYSQL_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter MYSQL_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  /** Identity maps for up to 64 parameters, shared (callers only read them). */
  private static final int[][] IDENTITIES = new int[65][];

  static {
    for (int n = 0; n < IDENTITIES.length; n++) {
      IDENTITIES[n] = new int[n];
      for (int i = 0; i < n; i++) {
        IDENTITIES[n][i] = i;
      }
    }
  }

  /** The source map that binds the application's parameters in their own order. */
  static int[] identity(Bind[] binds) {
    if (binds == null) {
      return NONE;
    }
    if (binds.length < IDENTITIES.length) {
      return IDENTITIES[binds.length];
    }
    int[] map = new int[binds.length];
    for (int i = 0; i < map.length; i++) {
      map[i] = i;
    }
    return map;
  }

  /** Binding list to source indexes: app parameter index, or -1 for a computed value. */
  static int[] appSources(List<Binding> bindings) {
    int[] sources = new int[bindings.size()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = bindings.get(i) instanceof Binding.AppParameter p ? p.index() : -1;
    }
    return sources;
  }

  /** The computed value each binding takes (null where it takes an application parameter). */
  static Object[] computedValues(List<Binding> bindings, Object[] computed) {
    Object[] values = new Object[bindings.size()];
    for (int i = 0; i < values.length; i++) {
      if (bindings.get(i) instanceof Binding.ComputedValue v) {
        values[i] = computed[v.callIndex()];
      }
    }
    return values;
  }

  static boolean hasParameters(int[] sources) {
    return sources != null && sources.length > 0;
  }

  /**
   * Binds parameter {@code i+1} of {@code ps} from {@code sources[i]}: an application parameter
   * index, or -1 for {@code values[i]} (a computed value or generated key).
   */
  static void apply(PreparedStatement ps, Bind[] binds, int[] sources, Object[] values, Side side)
      throws SQLException {
    apply(ps, binds, sources, values, side, false);
  }

  /**
   * As {@link #apply(PreparedStatement, Bind[], int[], Object[], Side)}; with {@code wholeSeconds},
   * timestamps bound for PostgreSQL lose their fractional seconds, as they did on their way to a
   * MySQL-side server that Connector/J sends none to (MariaDB announces 5.5.5).
   */
  static void apply(
      PreparedStatement ps,
      Bind[] binds,
      int[] sources,
      Object[] values,
      Side side,
      boolean wholeSeconds)
      throws SQLException {
    apply(ps, binds, sources, values, side, wholeSeconds, null);
  }

  /**
   * Binds {@code sql}'s placeholders: see {@link #apply(PreparedStatement, Bind[], int[], Object[],
   * Side, boolean, Translation)}.
   */
  static void apply(
      PreparedStatement ps, Bind[] binds, SideSql sql, Side side, boolean wholeSeconds)
      throws SQLException {
    apply(ps, binds, sql.sources(), sql.values(), side, wholeSeconds, sql.targets());
  }

  /**
   * As {@link #apply(PreparedStatement, Bind[], int[], Object[], Side, boolean)}; on PostgreSQL, an
   * application parameter written into or compared with a column ({@code targets}, may be null)
   * goes as the value MySQL converts it to for that column (see {@link Bind#forTarget}).
   */
  static void apply(
      PreparedStatement ps,
      Bind[] binds,
      int[] sources,
      Object[] values,
      Side side,
      boolean wholeSeconds,
      Translation targets)
      throws SQLException {
    for (int i = 0; i < sources.length; i++) {
      if (sources[i] >= 0) {
        ParameterTarget target = targets == null ? null : targets.parameterTarget(sources[i]);
        bindOne(ps, i + 1, binds, sources[i], side, wholeSeconds, target);
      } else {
        bindComputed(ps, i + 1, values[i], side);
      }
    }
  }

  /**
   * Binds a value dualwrite computed (NOW(), UUID(), a generated key). On MySQL, dates and times go
   * as their literal text: MySQL converts the text exactly, whatever Connector/J's time zone
   * settings, and Connector/J would drop fractional seconds for servers that announce an old
   * version (MariaDB announces 5.5.5).
   */
  private static void bindComputed(PreparedStatement ps, int index, Object value, Side side)
      throws SQLException {
    if (side == Side.MYSQL && value instanceof LocalDateTime t) {
      ps.setString(index, MYSQL_DATETIME.format(t));
    } else if (side == Side.MYSQL && value instanceof LocalTime t) {
      ps.setString(index, MYSQL_TIME.format(t));
    } else if (side == Side.MYSQL && value instanceof LocalDate d) {
      ps.setString(index, d.toString());
    } else {
      ps.setObject(index, value);
    }
  }

  private static void bindOne(
      PreparedStatement ps,
      int index,
      Bind[] binds,
      int source,
      Side side,
      boolean wholeSeconds,
      ParameterTarget target)
      throws SQLException {
    Bind b = binds == null || source >= binds.length ? null : binds[source];
    if (b == null) {
      throw new SQLException("No value specified for parameter " + (source + 1) + ".", "07001");
    }
    if (side == Side.POSTGRES) {
      Bind value = target == null ? b : b.forTarget(target, wholeSeconds);
      (wholeSeconds ? value.withoutFractionalSeconds() : value).applyToPostgres(ps, index);
    } else {
      b.applyToMysql(ps, index);
    }
  }
}
