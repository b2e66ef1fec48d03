package io.dualwrite.testkit;

import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * MySQL 8.4 and PostgreSQL 16 in Docker through Testcontainers, chosen with {@code
 * -Ddualwrite.test.databases=containers} on machines that have a Docker engine.
 */
final class ContainerServers {
  private ContainerServers() {}

  static TestServer mysql() {
    MySQLContainer container =
        new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
    container.start();
    // The root user may create databases; the URL names the server's "mysql" database.
    return wrap(TestServer.Kind.MYSQL, container, "mysql");
  }

  static TestServer postgres() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:16");
    container.start();
    return wrap(TestServer.Kind.POSTGRES, container, "postgres");
  }

  private static TestServer wrap(
      TestServer.Kind kind, JdbcDatabaseContainer<?> container, String database) {
    Endpoint admin =
        new Endpoint(
            JdbcUrls.withDatabase(container.getJdbcUrl(), database),
            container.getUsername(),
            container.getPassword());
    return new TestServer(kind) {
      @Override
      String origin() {
        return "container " + container.getDockerImageName();
      }

      @Override
      Endpoint admin() {
        return admin;
      }

      @Override
      void stop() {
        container.stop();
      }
    };
  }
}
