package io.dualwrite.driver.jdbc;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Settings the application made on a statement wrapper, applied to every vendor statement it uses
 * (either side's, created before or after the setting).
 */
final class StatementSettings {
  private Integer queryTimeout;
  private Long maxRows;
  private Integer fetchSize;
  private Integer fetchDirection;
  private Integer maxFieldSize;
  private Boolean escapeProcessing;
  private Boolean poolable;
  private Boolean closeOnCompletion;

  void applyTo(Statement s) throws SQLException {
    if (queryTimeout != null) {
      s.setQueryTimeout(queryTimeout);
    }
    if (maxRows != null) {
      s.setLargeMaxRows(maxRows);
    }
    if (fetchSize != null) {
      s.setFetchSize(fetchSize);
    }
    if (fetchDirection != null) {
      s.setFetchDirection(fetchDirection);
    }
    if (maxFieldSize != null) {
      s.setMaxFieldSize(maxFieldSize);
    }
    if (escapeProcessing != null) {
      s.setEscapeProcessing(escapeProcessing);
    }
    if (poolable != null) {
      s.setPoolable(poolable);
    }
  }

  void queryTimeout(int seconds) {
    queryTimeout = seconds;
  }

  int queryTimeout() {
    return queryTimeout == null ? 0 : queryTimeout;
  }

  void maxRows(long rows) {
    maxRows = rows;
  }

  long maxRows() {
    return maxRows == null ? 0 : maxRows;
  }

  void fetchSize(int rows) {
    fetchSize = rows;
  }

  int fetchSize() {
    return fetchSize == null ? 0 : fetchSize;
  }

  void fetchDirection(int direction) {
    fetchDirection = direction;
  }

  void maxFieldSize(int size) {
    maxFieldSize = size;
  }

  void escapeProcessing(boolean enable) {
    escapeProcessing = enable;
  }

  void poolable(boolean value) {
    poolable = value;
  }

  boolean poolable() {
    return poolable != null && poolable;
  }

  void closeOnCompletion() {
    closeOnCompletion = true;
  }

  boolean isCloseOnCompletion() {
    return closeOnCompletion != null && closeOnCompletion;
  }
}
