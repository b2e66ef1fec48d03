package io.dualwrite.it.spring.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot application, as an application team writes it for MySQL: Spring Data JPA
 * entities and repositories, Flyway migrations in MySQL DDL, HikariCP. It knows nothing of
 * dualwrite: only its {@code application.properties} name the driver.
 */
@SpringBootApplication
public class ShopApplication {}
