package io.dualwrite.it.spring;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Spring Boot application in DUAL_WRITE: MySQL authoritative, reads from PostgreSQL. */
class SpringBootDualWriteIT extends SpringBootAppTestBase {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    dataSource(registry, "DUAL_WRITE", 0);
  }
}
