package io.dualwrite.driver.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * The metadata of the database the application believes it talks to (MySQL while MySQL is in use),
 * so frameworks pick the MySQL dialect; {@code getConnection()} is the dualwrite connection.
 */
final class DualWriteDatabaseMetaData extends ForwardingDatabaseMetaData {
  private final DualWriteConnection connection;

  DualWriteDatabaseMetaData(DualWriteConnection connection, DatabaseMetaData delegate) {
    super(delegate);
    this.connection = connection;
  }

  @Override
  protected Connection wrapperConnection() {
    return connection;
  }
}
