package io.dualwrite.it.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.Driver;
import io.dualwrite.driver.testing.TableComparison;
import io.dualwrite.it.spring.shop.Customer;
import io.dualwrite.it.spring.shop.CustomerRepository;
import io.dualwrite.it.spring.shop.OrderStatus;
import io.dualwrite.it.spring.shop.PurchaseOrder;
import io.dualwrite.it.spring.shop.PurchaseOrderRepository;
import io.dualwrite.it.spring.shop.ShopApplication;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link ShopApplication} started by Spring Boot over dualwrite on a fresh pair of databases:
 * its Flyway migrations (MySQL DDL) run through the driver, then entity CRUD and repository
 * queries, then both databases must hold the same rows in every table. Subclasses choose the phase;
 * both serve every eligible read from PostgreSQL ({@code readPercent=100}).
 */
@SpringBootTest(classes = ShopApplication.class)
@ExtendWith(TestDatabases.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SpringBootAppTestBase {
  // Whole seconds: Connector/J sends MariaDB (which announces itself as 5.5.5-10.11) no fraction.
  static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 14, 9, 26, 53);

  static DatabasePair db;
  private static SimpleMeterRegistry meters;

  @Autowired CustomerRepository customers;
  @Autowired PurchaseOrderRepository orders;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void databases(DatabasePair pair) {
    db = pair;
    // The driver's meters go to Micrometer's global registry; this one keeps their counts.
    meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
  }

  @AfterAll
  static void stop() {
    Metrics.removeRegistry(meters);
    meters.close();
  }

  /**
   * What an application's {@code application.properties} says (the rest is in this module's
   * application.properties): the MySQL URL behind {@code jdbc:dualwrite:}, MySQL's credentials, and
   * the driver's own properties handed to it by HikariCP.
   */
  static void dataSource(DynamicPropertyRegistry registry, String phase, int comparePercent) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:dualwrite:" + db.mysql().jdbcUrl().substring("jdbc:".length()));
    registry.add("spring.datasource.username", () -> db.mysql().user());
    registry.add("spring.datasource.password", () -> nullToEmpty(db.mysql().password()));
    String props = "spring.datasource.hikari.data-source-properties";
    registry.add(props + "[dualwrite.postgres.url]", () -> db.postgres().jdbcUrl());
    registry.add(props + "[dualwrite.postgres.user]", () -> db.postgres().user());
    registry.add(
        props + "[dualwrite.postgres.password]", () -> nullToEmpty(db.postgres().password()));
    // Static flags: the control store's dualwrite_* tables in the MySQL database would make a new
    // database non-empty to Flyway (docs/driver.md, Spring Boot).
    registry.add(props + "[dualwrite.control]", () -> "none");
    registry.add(props + "[dualwrite.phase]", () -> phase);
    registry.add(props + "[dualwrite.readPercent]", () -> "100");
    registry.add(props + "[dualwrite.comparePercent]", () -> Integer.toString(comparePercent));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Drops every runtime of this class's configuration, so the next class starts clean. */
  @AfterAll
  static void shutdownDriver() {
    Driver.shutdown();
  }

  @Test
  @Order(1)
  void flywayMigrationsRanThroughTheDriverOnBothSides() throws SQLException {
    try (Connection mysql = db.openMysql();
        Connection pg = db.openPostgres()) {
      for (Connection c : List.of(mysql, pg)) {
        assertThat(
                TableComparison.rows(
                    c,
                    "SELECT version, success FROM flyway_schema_history"
                        + " WHERE type = 'SQL' ORDER BY installed_rank"))
            .as("Flyway's history on %s", c.getMetaData().getDatabaseProductName())
            .hasSize(2)
            .allSatisfy(row -> assertThat(String.valueOf(row.get(1))).isIn("true", "1"));
        assertThat(TableComparison.count(c, "customer")).isEqualTo(1); // V2's seed row
        assertThat(TableComparison.count(c, "purchase_order")).isZero();
      }
      // The DDL PostgreSQL got: the foreign key (with its ON DELETE CASCADE), the secondary and the
      // unique index, and the column V2 added.
      assertThat(
              TableComparison.rows(
                  pg,
                  "SELECT rc.delete_rule FROM information_schema.referential_constraints rc"
                      + " JOIN information_schema.table_constraints tc"
                      + " ON tc.constraint_name = rc.constraint_name"
                      + " AND tc.constraint_schema = rc.constraint_schema"
                      + " WHERE tc.table_name = 'purchase_order'"))
          .containsExactly(List.of("CASCADE"));
      // indexes on _ci text columns are on lower(column), as MySQL compares them
      assertThat(
              TableComparison.rows(
                  pg,
                  "SELECT indexname || ': ' || indexdef FROM pg_indexes"
                      + " WHERE tablename IN ('customer', 'purchase_order') ORDER BY indexname"))
          .extracting(row -> (String) row.get(0))
          .anySatisfy(
              d -> assertThat(d).startsWith("customer_uq_customer_email:").contains("UNIQUE"))
          .anySatisfy(
              d ->
                  assertThat(d)
                      .startsWith("purchase_order_idx_order_status_placed:")
                      .contains("placed_at"))
          .anySatisfy(d -> assertThat(d).startsWith("customer_idx_customer_name:"));
      assertThat(
              TableComparison.rows(
                  pg,
                  "SELECT data_type FROM information_schema.columns"
                      + " WHERE table_name = 'customer' AND column_name = 'loyalty_points'"))
          .containsExactly(List.of("integer"));
    }
  }

  @Test
  @Order(2)
  void entityCrudAndRepositoryQueriesWithReadsFromPostgres() {
    double postgresReadsBefore = readsServedBy("postgres");
    double discrepanciesBefore = discrepancies();

    Customer ada = customers.save(new Customer("ada@example.com", "Ada", T0));
    Customer alan = customers.save(new Customer("alan@example.com", "Alan", T0.plusDays(1)));
    Customer grace = customers.save(new Customer("grace@example.com", "Grace", T0.plusDays(2)));
    assertThat(List.of(ada.getId(), alan.getId(), grace.getId())).doesNotContainNull();

    List<PurchaseOrder> placed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Customer who = i % 2 == 0 ? ada : alan;
      OrderStatus status = i < 3 ? OrderStatus.NEW : OrderStatus.PAID;
      placed.add(
          orders.save(
              new PurchaseOrder(
                  who,
                  status,
                  new BigDecimal("10.25").multiply(BigDecimal.valueOf(i + 1)),
                  T0.plusHours(i))));
    }
    PurchaseOrder forGrace =
        orders.save(new PurchaseOrder(grace, OrderStatus.NEW, new BigDecimal("5.00"), T0));

    // read-modify-write in one transaction: dirty checking and @Version
    tx.executeWithoutResult(
        s -> {
          PurchaseOrder o = orders.findById(placed.get(0).getId()).orElseThrow();
          o.setStatus(OrderStatus.SHIPPED);
          customers.findById(ada.getId()).orElseThrow().setName("Ada Lovelace");
        });
    assertThat(orders.findById(placed.get(0).getId()).orElseThrow())
        .satisfies(o -> assertThat(o.getStatus()).isEqualTo(OrderStatus.SHIPPED))
        .satisfies(o -> assertThat(o.getVersion()).isEqualTo(1));
    assertThat(customers.addLoyaltyPoints(alan.getId(), 7)).isEqualTo(1);

    // derived queries
    assertThat(customers.findByEmail("alan@example.com"))
        .get()
        .satisfies(c -> assertThat(c.getLoyaltyPoints()).isEqualTo(7))
        .satisfies(c -> assertThat(c.getCreatedAt()).isEqualTo(T0.plusDays(1)));
    assertThat(customers.findByNameStartingWithOrderByNameAsc("A"))
        .extracting(Customer::getName)
        .containsExactly("Ada Lovelace", "Alan");
    assertThat(orders.countByStatus(OrderStatus.NEW)).isEqualTo(3);
    Page<PurchaseOrder> page =
        orders.findByStatus(OrderStatus.NEW, PageRequest.of(1, 2, Sort.by("placedAt", "id")));
    assertThat(page.getTotalElements()).isEqualTo(3);
    assertThat(page.getContent()).extracting(PurchaseOrder::getId).hasSize(1);

    // @Query JPQL
    assertThat(
            orders.findForCustomer(
                "ada@example.com", List.of(OrderStatus.PAID, OrderStatus.SHIPPED)))
        .extracting(PurchaseOrder::getId)
        .containsExactly(placed.get(4).getId(), placed.get(0).getId());
    assertThat(orders.totalSpent(alan.getId())).isEqualByComparingTo("123.00");
    assertThat(orders.totalSpent(-1)).isEqualByComparingTo("0");

    // delete: an entity, and a customer whose orders go by the foreign key's ON DELETE CASCADE
    orders.delete(forGrace);
    orders.save(new PurchaseOrder(grace, OrderStatus.CANCELLED, new BigDecimal("1.00"), T0));
    customers.deleteById(grace.getId());
    customers.flush();
    assertThat(customers.findById(grace.getId())).isEmpty();
    assertThat(orders.count()).isEqualTo(6);

    assertThat(readsServedBy("postgres") - postgresReadsBefore)
        .as("reads served by PostgreSQL at readPercent 100")
        .isGreaterThan(10);
    assertThat(discrepancies() - discrepanciesBefore).as("discrepancies recorded").isZero();
  }

  @Test
  @Order(3)
  void duplicateKeyThroughRepositoryCarriesMysqlErrorCode() {
    double discrepanciesBefore = discrepancies();
    assertThatThrownBy(
            () -> customers.saveAndFlush(new Customer("alan@example.com", "Imposter", T0)))
        .isInstanceOf(DataIntegrityViolationException.class)
        .satisfies(e -> assertMysqlDuplicateKey(e, "uq_customer_email"));

    // Spring's JDBC translation picks the error codes by database product name: MySQL's 1062 is
    // DuplicateKeyException.
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO customer (email, name, created_at) VALUES (?, ?, ?)",
                    "ada@example.com",
                    "Imposter",
                    T0))
        .isInstanceOf(DuplicateKeyException.class)
        .satisfies(e -> assertMysqlDuplicateKey(e, "uq_customer_email"));
    assertThat(customers.findByEmail("alan@example.com"))
        .get()
        .extracting(Customer::getName)
        .isEqualTo("Alan");
    assertThat(discrepancies() - discrepanciesBefore).as("discrepancies recorded").isZero();
  }

  private static void assertMysqlDuplicateKey(Throwable e, String key) {
    SQLException sql = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        sql = s;
        break;
      }
    }
    assertThat((Object) sql).as("the SQLException under %s", e).isNotNull();
    assertThat(sql.getErrorCode()).as("vendor code of %s", sql).isEqualTo(1062);
    assertThat(sql.getSQLState()).isEqualTo("23000");
    assertThat(sql.getMessage()).startsWith("Duplicate entry ").contains(key);
  }

  @Test
  @Order(4)
  void everyTableHoldsTheSameRowsOnBothSides() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection mysql = db.openMysql();
        Statement s = mysql.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name NOT LIKE 'dualwrite\\_%'")) {
      while (rs.next()) {
        tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    assertThat(tables)
        .containsExactlyInAnyOrder("customer", "purchase_order", "flyway_schema_history");
    TableComparison.assertSameRows(db, "customer", "id");
    TableComparison.assertSameRows(db, "purchase_order", "id");
    TableComparison.assertSameRows(db, "flyway_schema_history", "installed_rank");
  }

  static double readsServedBy(String side) {
    return meters.find("dualwrite.reads").tag("side", side).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  static double discrepancies() {
    return meters.find("dualwrite.discrepancies").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
