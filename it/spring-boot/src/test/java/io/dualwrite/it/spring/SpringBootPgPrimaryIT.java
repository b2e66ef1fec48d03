package io.dualwrite.it.spring;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring Boot application in PG_PRIMARY, as after a rollout: its Flyway migrations ran through
 * the driver while in DUAL_WRITE; now PostgreSQL is authoritative for writes and errors (which
 * reach Spring and Hibernate with MySQL's codes), and every read is served by PostgreSQL and
 * compared with MySQL's.
 *
 * <p>Flyway itself does not start in PG_PRIMARY yet: after migrating it restores the session with
 * {@code SET foreign_key_checks=?, sql_safe_updates=?}, a session statement with bound values that
 * the driver does not run with PostgreSQL authoritative ("it has no PostgreSQL equivalent"). So
 * this context runs without Flyway, on the schema Flyway made in DUAL_WRITE.
 */
class SpringBootPgPrimaryIT extends SpringBootAppTestBase {

  @BeforeAll
  static void migrateInDualWrite() {
    SimpleDriverDataSource ds = new SimpleDriverDataSource();
    ds.setDriver(new io.dualwrite.driver.Driver());
    ds.setUrl(DualWriteTestUrls.url(db));
    ds.setConnectionProperties(DualWriteTestUrls.properties(db, "dualwrite.phase", "DUAL_WRITE"));
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    dataSource(registry, "PG_PRIMARY", 100);
    registry.add("spring.flyway.enabled", () -> "false");
  }
}
