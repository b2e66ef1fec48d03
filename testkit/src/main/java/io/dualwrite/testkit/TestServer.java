package io.dualwrite.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One database server (the MySQL side or the PostgreSQL side) on which test databases are created
 * and dropped. Implementations differ only in where the server comes from.
 */
abstract class TestServer {

  /** The SQL dialect of a server: how to create and drop a database on it. */
  enum Kind {
    MYSQL("`"),
    POSTGRES("\"");

    private final String quote;

    Kind(String quote) {
      this.quote = quote;
    }

    String quote(String identifier) {
      return quote + identifier + quote;
    }

    String dropDatabase(String name) {
      return this == MYSQL
          ? "DROP DATABASE IF EXISTS " + quote(name)
          : "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)";
    }
  }

  private final Kind kind;
  private volatile String version;

  TestServer(Kind kind) {
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  /** Where it comes from, for the banner: "embedded", "external", "container". */
  abstract String origin();

  /** An endpoint with rights to create databases; its URL names the server's default database. */
  abstract Endpoint admin();

  /** An endpoint for the named database on this server. */
  Endpoint database(String name) {
    Endpoint admin = admin();
    return new Endpoint(
        JdbcUrls.withDatabase(admin.jdbcUrl(), name), admin.user(), admin.password());
  }

  /** The server's own version string, e.g. {@code 10.11.5-MariaDB} or {@code PostgreSQL 16.10}. */
  String version() {
    if (version == null) {
      String query = kind == Kind.MYSQL ? "SELECT VERSION()" : "SHOW server_version";
      try (Connection c = admin().open();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(query)) {
        rs.next();
        version = (kind == Kind.MYSQL ? "" : "PostgreSQL ") + rs.getString(1);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the version of " + admin(), e);
      }
    }
    return version;
  }

  void createDatabase(String name) throws SQLException {
    execute(kind.dropDatabase(name));
    execute("CREATE DATABASE " + kind.quote(name));
  }

  void dropDatabase(String name) throws SQLException {
    execute(kind.dropDatabase(name));
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = admin().open();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Stops the server if this JVM started it. */
  void stop() {}
}
