package io.dualwrite.it.spring;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring Boot application in PG_PRIMARY, as after a rollout: its first migration ran through
 * the driver while in DUAL_WRITE; the application now starts with PostgreSQL authoritative for
 * writes and errors (which reach Spring and Hibernate with MySQL's codes), its Flyway applies the
 * next migration (DDL and a row, PostgreSQL first, then MySQL) and restores its session with {@code
 * SET foreign_key_checks=?, sql_safe_updates=?}, and every read is served by PostgreSQL and
 * compared with MySQL's.
 */
class SpringBootPgPrimaryIT extends SpringBootAppTestBase {

  @BeforeAll
  static void migrateInDualWrite() {
    SimpleDriverDataSource ds = new SimpleDriverDataSource();
    ds.setDriver(new io.dualwrite.driver.Driver());
    ds.setUrl(DualWriteTestUrls.url(db));
    ds.setConnectionProperties(DualWriteTestUrls.properties(db, "dualwrite.phase", "DUAL_WRITE"));
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    dataSource(registry, "PG_PRIMARY", 100);
  }
}
