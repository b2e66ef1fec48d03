package io.dualwrite.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The forwarding classes, with their hooks used the way dualwrite's wrappers use them, over the
 * real vendor drivers: the application only ever sees wrappers through back-references, and {@code
 * unwrap} still reaches the vendor's own interfaces.
 */
@ExtendWith(TestDatabases.class)
class ForwardingWrappersIT {

  @Test
  void mysqlBackReferencesStayOnTheWrappers(DatabasePair db) throws SQLException {
    try (Connection vendor = db.openMysql();
        Connection connection = new LinkedConnection(vendor)) {
      assertBackReferencesStayOnTheWrappers(
          connection,
          "CREATE TABLE forwarding_item (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))",
          connection.getCatalog(),
          null);
      assertThat(connection.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class)).isTrue();
      assertThat(connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class))
          .isSameAs(vendor.unwrap(com.mysql.cj.jdbc.JdbcConnection.class));
    }
  }

  @Test
  void postgresBackReferencesStayOnTheWrappers(DatabasePair db) throws SQLException {
    try (Connection vendor = db.openPostgres();
        Connection connection = new LinkedConnection(vendor)) {
      assertBackReferencesStayOnTheWrappers(
          connection,
          "CREATE TABLE forwarding_item (id SERIAL PRIMARY KEY, name VARCHAR(20))",
          null,
          "public");
      assertThat(connection.isWrapperFor(org.postgresql.PGConnection.class)).isTrue();
      assertThat(connection.unwrap(org.postgresql.PGConnection.class))
          .isSameAs(vendor.unwrap(org.postgresql.PGConnection.class));
    }
  }

  private static void assertBackReferencesStayOnTheWrappers(
      Connection connection, String createTable, String catalog, String schema)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertThat(statement).isInstanceOf(LinkedStatement.class);
      assertThat(statement.getConnection()).isSameAs(connection);
      statement.execute(createTable);
    }

    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO forwarding_item (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      assertThat(insert).isInstanceOf(LinkedPreparedStatement.class);
      assertThat(((LinkedPreparedStatement) insert).sql)
          .isEqualTo("INSERT INTO forwarding_item (name) VALUES (?)");
      insert.setString(1, "first");
      assertThat(insert.executeUpdate()).isEqualTo(1);
      try (ResultSet keys = insert.getGeneratedKeys()) {
        assertThat(keys).isInstanceOf(LinkedResultSet.class);
        assertThat(keys.getStatement()).isSameAs(insert);
        assertThat(keys.next()).isTrue();
        assertThat(keys.getLong(1)).isEqualTo(1L);
      }
    }

    connection.setAutoCommit(false);
    Savepoint beforeSecond = connection.setSavepoint("before_second");
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO forwarding_item (name) VALUES (?)")) {
      insert.setString(1, "second");
      insert.executeUpdate();
    }
    connection.rollback(beforeSecond);
    connection.commit();
    connection.setAutoCommit(true);

    try (PreparedStatement query =
        connection.prepareStatement("SELECT id, name FROM forwarding_item ORDER BY id")) {
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows).isInstanceOf(LinkedResultSet.class);
        assertThat(rows.getStatement()).isSameAs(query);
        assertThat(rows.getStatement().getConnection()).isSameAs(connection);
        assertThat(rows.unwrap(ResultSet.class)).isSameAs(rows);
        assertThat(rows.getMetaData().getColumnCount()).isEqualTo(2);
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("name")).isEqualTo("first");
        assertThat(rows.next()).as("the rolled-back row is gone").isFalse();
      }
    }

    DatabaseMetaData metaData = connection.getMetaData();
    assertThat(metaData).isInstanceOf(LinkedMetaData.class);
    assertThat(metaData.getConnection()).isSameAs(connection);
    try (ResultSet tables = metaData.getTables(catalog, schema, "forwarding_item", null)) {
      assertThat(tables).isInstanceOf(LinkedResultSet.class);
      assertThat(tables.getStatement()).isNull();
      assertThat(tables.next()).isTrue();
      assertThat(tables.getString("TABLE_NAME")).isEqualToIgnoringCase("forwarding_item");
    }

    assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
  }

  /** Wraps everything it creates so back-references lead to the wrappers. */
  static final class LinkedConnection extends ForwardingConnection {
    LinkedConnection(Connection delegate) {
      super(delegate);
    }

    @Override
    protected Statement wrapStatement(Statement statement) {
      return new LinkedStatement(statement, this);
    }

    @Override
    protected PreparedStatement wrapPreparedStatement(PreparedStatement statement, String sql) {
      return new LinkedPreparedStatement(statement, this, sql);
    }

    @Override
    protected CallableStatement wrapCallableStatement(CallableStatement statement, String sql) {
      return new LinkedCallableStatement(statement, this);
    }

    @Override
    protected DatabaseMetaData wrapMetaData(DatabaseMetaData metaData) {
      return new LinkedMetaData(metaData, this);
    }
  }

  static final class LinkedStatement extends ForwardingStatement {
    private final Connection connection;

    LinkedStatement(Statement delegate, Connection connection) {
      super(delegate);
      this.connection = connection;
    }

    @Override
    protected Connection wrapperConnection() {
      return connection;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
      return new LinkedResultSet(resultSet, this);
    }
  }

  static final class LinkedPreparedStatement extends ForwardingPreparedStatement {
    private final Connection connection;
    final String sql;

    LinkedPreparedStatement(PreparedStatement delegate, Connection connection, String sql) {
      super(delegate);
      this.connection = connection;
      this.sql = sql;
    }

    @Override
    protected Connection wrapperConnection() {
      return connection;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
      return new LinkedResultSet(resultSet, this);
    }
  }

  static final class LinkedCallableStatement extends ForwardingCallableStatement {
    private final Connection connection;

    LinkedCallableStatement(CallableStatement delegate, Connection connection) {
      super(delegate);
      this.connection = connection;
    }

    @Override
    protected Connection wrapperConnection() {
      return connection;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
      return new LinkedResultSet(resultSet, this);
    }
  }

  static final class LinkedResultSet extends ForwardingResultSet {
    private final Statement statement;

    LinkedResultSet(ResultSet delegate, Statement statement) {
      super(delegate);
      this.statement = statement;
    }

    @Override
    protected Statement wrapperStatement() {
      return statement;
    }
  }

  static final class LinkedMetaData extends ForwardingDatabaseMetaData {
    private final Connection connection;

    LinkedMetaData(DatabaseMetaData delegate, Connection connection) {
      super(delegate);
      this.connection = connection;
    }

    @Override
    protected Connection wrapperConnection() {
      return connection;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
      // Metadata result sets have no statement of the application's.
      return new LinkedResultSet(resultSet, null);
    }
  }
}
