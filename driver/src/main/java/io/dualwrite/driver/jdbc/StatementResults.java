package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import io.dualwrite.driver.vendor.MysqlColumnType;
import io.dualwrite.driver.vendor.MysqlLookingResultSet;
import io.dualwrite.rewriter.Translation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetFactory;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * The results of a statement wrapper's last execution, as the application sees them: its result set
 * (MySQL's as is, PostgreSQL's made to read like Connector/J's), update count and generated keys.
 * Every result's {@code getStatement()} is the application's wrapper.
 */
final class StatementResults {
  private final StatementContext ctx;
  private final Statement owner;

  private ResultSet resultSet;
  private long updateCount = -1;
  private ResultSet generatedKeys;

  StatementResults(StatementContext ctx, Statement owner) {
    this.ctx = ctx;
    this.owner = owner;
  }

  ResultSet resultSet() {
    return resultSet;
  }

  long updateCount() {
    return updateCount;
  }

  ResultSet generatedKeys() {
    return generatedKeys;
  }

  void updateCount(long count) {
    updateCount = count;
  }

  /** The result of a read of {@code t} that {@code side} answered. */
  void resultSet(ResultSet rs, Side side, Translation t) throws SQLException {
    resultSet = wrap(rs, side, t);
  }

  /** Called when the application moves to the next result; results of ours have only one. */
  void clear() {
    resultSet = null;
    updateCount = -1;
  }

  /** Closes the result set and forgets every result. */
  void close() throws SQLException {
    if (resultSet != null) {
      resultSet.close();
      resultSet = null;
    }
    generatedKeys = null;
    updateCount = -1;
  }

  /**
   * The application's view of a vendor result: MySQL's as is; PostgreSQL's made to read like
   * Connector/J's, with each column's MySQL type taken from the schema catalog when the column is a
   * plain table column (else derived from the PostgreSQL type).
   */
  private ResultSet wrap(ResultSet rs, Side side, Translation t) throws SQLException {
    if (rs == null) {
      return null;
    }
    if (side == Side.MYSQL) {
      return new DualWriteResultSet(rs, owner);
    }
    return ctx.resultShapes().wrap(rs, t, owner);
  }

  /**
   * Reads the generated keys of {@code ran}'s last execution for the mirror, and keeps them for the
   * application's {@code getGeneratedKeys()}: the vendor's own result set rewound when it can be
   * (Connector/J's is in memory), else an in-memory copy.
   */
  List<Object> readKeys(Statement ran) throws SQLException {
    return readKeys(ran, false);
  }

  /**
   * As {@link #readKeys(Statement)}, with {@code detached}: the keys are always copied, so {@code
   * ran} may be closed afterwards (a statement the driver made for one execution).
   */
  List<Object> readKeys(Statement ran, boolean detached) throws SQLException {
    ResultSet rs = ran.getGeneratedKeys();
    List<Object> keys = new ArrayList<>();
    if (rs == null) {
      return keys;
    }
    if (rs.getMetaData().getColumnCount() == 0) {
      rs.close(); // a driver with nothing generated may answer with no columns at all
      return keys;
    }
    if (!detached && rs.getType() != ResultSet.TYPE_FORWARD_ONLY) {
      while (rs.next()) {
        keys.add(rs.getObject(1));
      }
      rs.beforeFirst();
      generatedKeys = new DualWriteResultSet(rs, owner);
      return keys;
    }
    CachedRowSet copy = materialize(rs);
    while (copy.next()) {
      keys.add(copy.getObject(1));
    }
    copy.beforeFirst();
    if (ctx.authoritativeSide() == Side.POSTGRES && copy.getMetaData().getColumnCount() == 1) {
      // PostgreSQL's RETURNING of the AUTO_INCREMENT column, shown as Connector/J shows keys.
      generatedKeys = new MysqlLookingResultSet(copy, GENERATED_KEY_TYPE, GENERATED_KEY, owner);
    } else {
      generatedKeys = new DualWriteResultSet(copy, owner);
    }
    return keys;
  }

  /**
   * What Connector/J returns for a write that generated no key (no AUTO_INCREMENT column, or an
   * UPDATE/DELETE): an empty {@code GENERATED_KEY} result. PostgreSQL, asked for keys, would return
   * whole rows ({@code RETURNING *}).
   */
  void noGeneratedKeys() throws SQLException {
    CachedRowSet empty = ROW_SETS.createCachedRowSet();
    RowSetMetaDataImpl meta = new RowSetMetaDataImpl();
    meta.setColumnCount(1);
    meta.setColumnName(1, "GENERATED_KEY");
    meta.setColumnLabel(1, "GENERATED_KEY");
    meta.setColumnType(1, Types.BIGINT);
    meta.setColumnTypeName(1, "BIGINT UNSIGNED");
    empty.setMetaData(meta);
    generatedKeys = new DualWriteResultSet(empty, owner);
  }

  /** Reads {@code rs} into memory and closes it. */
  static CachedRowSet materialize(ResultSet rs) throws SQLException {
    CachedRowSet rows = ROW_SETS.createCachedRowSet();
    try (rs) {
      rows.populate(rs);
    }
    return rows;
  }

  /** Connector/J's generated keys: one column {@code GENERATED_KEY}, {@code BIGINT UNSIGNED}. */
  private static final List<String> GENERATED_KEY = List.of("GENERATED_KEY");

  private static final List<MysqlColumnType> GENERATED_KEY_TYPE =
      List.of(MysqlColumnType.parse("bigint unsigned"));

  /** One RowSetFactory for the JVM: {@code RowSetProvider.newFactory()} scans the class path. */
  private static final RowSetFactory ROW_SETS = rowSets();

  private static RowSetFactory rowSets() {
    try {
      return RowSetProvider.newFactory();
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
