package io.dualwrite.driver.workload;

import static io.dualwrite.driver.testing.Workloads.assertEveryTableEqual;
import static io.dualwrite.driver.testing.Workloads.describe;
import static io.dualwrite.driver.testing.Workloads.execute;
import static io.dualwrite.driver.testing.Workloads.keys;
import static io.dualwrite.driver.testing.Workloads.longValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.Workloads;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Sakila schema (the MySQL sample database) created through the driver from the original
 * script, then a rental-shop workload: inserts with generated keys, multi-row inserts, batches,
 * upserts, multi-table updates and deletes, ordered deletes with LIMIT, rollbacks and savepoints.
 * After each step every table must hold the same rows on both sides, read directly over the vendor
 * drivers. Subclasses choose the phase; each gets a fresh pair of databases.
 */
@ExtendWith(TestDatabases.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SakilaWorkload {
  static final int BASE_TABLES = 16;
  static final List<String> VIEWS =
      List.of(
          "customer_list",
          "film_list",
          "nicer_but_slower_film_list",
          "staff_list",
          "sales_by_store",
          "sales_by_film_category",
          "actor_info");

  /** The phase the driver runs in. */
  abstract String phase();

  Connection connect(DatabasePair db) throws SQLException {
    return DualWriteTestUrls.connect(db, "dualwrite.phase", phase());
  }

  /** Application-visible failures and discrepancies while the schema was created. */
  static final List<String> schemaFailures = new CopyOnWriteArrayList<>();

  static final List<Discrepancy> schemaDiscrepancies = new CopyOnWriteArrayList<>();

  /**
   * Creates the Sakila tables and views through the driver the way a migration tool with ordered
   * migrations would: tables in foreign-key order (the script itself relies on {@code
   * FOREIGN_KEY_CHECKS=0}, see {@link SakilaScriptIT}), the staff-to-store constraint of the
   * store/staff cycle added by {@code ALTER TABLE} once the first rows exist, then the views.
   */
  @BeforeAll
  static void createSakilaSchemaThroughTheDriver(DatabasePair db, TestInfo info)
      throws SQLException {
    schemaFailures.clear();
    schemaDiscrepancies.clear();
    String phase = phaseOf(info);
    List<SakilaScript.Stmt> script = SakilaScript.load();
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase)) {
      c.unwrap(io.dualwrite.driver.jdbc.DualWriteConnection.class)
          .discrepancyRecorder()
          .addSink(schemaDiscrepancies::add);
      List<SakilaScript.Stmt> tables =
          SakilaScript.of(script, SakilaScript.Kind.TABLE).stream()
              .map(
                  t ->
                      t.name().equals("staff")
                          ? new SakilaScript.Stmt(
                              t.kind(),
                              t.name(),
                              SakilaScript.withoutConstraint(t.sql(), "fk_staff_store"))
                          : t)
              .toList();
      for (SakilaScript.Stmt s : SakilaScript.inForeignKeyOrder(tables)) {
        run(c, s.name(), s.sql());
      }
      // The script's own mode for its views (sales_by_store groups by store only).
      run(c, "sql_mode", "SET SQL_MODE = 'TRADITIONAL'");
      for (SakilaScript.Stmt s : SakilaScript.of(script, SakilaScript.Kind.VIEW)) {
        run(c, s.name(), s.sql());
      }
    }
  }

  private static void run(Connection c, String name, String sql) {
    try {
      execute(c, sql);
    } catch (SQLException e) {
      schemaFailures.add(name + ": " + e.getMessage());
    }
  }

  /** The phase of the concrete class (a static hook cannot call {@link #phase()}). */
  private static String phaseOf(TestInfo info) {
    return info.getTestClass().orElseThrow().getSimpleName().contains("PgPrimary")
        ? "PG_PRIMARY"
        : "DUAL_WRITE";
  }

  @Test
  @Order(1)
  void sakilaTablesAndViewsAreCreatedOnBothSidesWithoutDiscrepancies(DatabasePair db)
      throws SQLException {
    try (Connection pg = db.openPostgres()) {
      long tables =
          longValue(
              pg,
              "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                  + " AND table_type = 'BASE TABLE'");
      List<String> views = new ArrayList<>();
      try (Statement s = pg.createStatement();
          var rs =
              s.executeQuery(
                  "SELECT table_name FROM information_schema.views"
                      + " WHERE table_schema = current_schema() ORDER BY table_name")) {
        while (rs.next()) {
          views.add(rs.getString(1));
        }
      }
      assertThat(tables).as("Sakila base tables on PostgreSQL").isEqualTo(BASE_TABLES);
      assertThat(schemaFailures).as("statements that failed the application").isEmpty();
      assertThat(views).as("Sakila views on PostgreSQL").containsExactlyInAnyOrderElementsOf(VIEWS);
    }
    assertThat(schemaDiscrepancies)
        .as("discrepancies while creating the schema: %s", describe(schemaDiscrepancies))
        .isEmpty();
  }

  @Test
  @Order(2)
  void referenceDataWithMultiRowInsertsBatchesAndGeneratedKeys(DatabasePair db)
      throws SQLException {
    try (Connection c = connect(db)) {
      try (Statement s = c.createStatement()) {
        assertThat(
                s.executeUpdate(
                    "INSERT INTO language (name) VALUES ('English'), ('Italian'), ('Japanese')"))
            .isEqualTo(3);
        assertThat(
                s.executeUpdate(
                    "INSERT INTO country (country) VALUES ('Canada'), ('Australia')",
                    Statement.RETURN_GENERATED_KEYS))
            .isEqualTo(2);
        assertThat(keys(s)).containsExactly(1L, 2L);
      }
      List<Long> cities = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO city (city, country_id) VALUES (?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        String[][] rows = {{"Lethbridge", "1"}, {"Woodridge", "2"}, {"Toronto", "1"}};
        for (String[] r : rows) {
          ps.setString(1, r[0]);
          ps.setInt(2, Integer.parseInt(r[1]));
          assertThat(ps.executeUpdate()).isEqualTo(1);
          cities.addAll(keys(ps));
        }
      }
      assertThat(cities).containsExactly(1L, 2L, 3L);
      List<Long> addresses = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO address (address, address2, district, city_id, postal_code, phone)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        for (int i = 1; i <= 8; i++) {
          ps.setString(1, i + " MySakila Drive");
          if (i % 3 == 0) {
            ps.setNull(2, java.sql.Types.VARCHAR);
          } else {
            ps.setString(2, "Unit " + i);
          }
          ps.setString(3, i % 2 == 0 ? "Alberta" : "QLD");
          ps.setLong(4, cities.get(i % cities.size()));
          ps.setString(5, i % 4 == 0 ? null : String.format("%05d", i * 1111));
          ps.setString(6, "+1-555-01" + i);
          ps.executeUpdate();
          addresses.addAll(keys(ps));
        }
      }
      assertThat(addresses).hasSize(8).doesNotHaveDuplicates();
      // store and staff reference each other: staff first, then the stores, then the constraint.
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO staff (first_name, last_name, address_id, picture, email, store_id,"
                  + " active, username, password) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        for (int i = 1; i <= 2; i++) {
          ps.setString(1, i == 1 ? "Mike" : "Jon");
          ps.setString(2, i == 1 ? "Hillyer" : "Stephens");
          ps.setLong(3, addresses.get(i - 1));
          ps.setBytes(
              4, i == 1 ? new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 255} : null);
          ps.setString(5, i == 1 ? "Mike.Hillyer@sakilastaff.com" : null);
          ps.setInt(6, i);
          ps.setInt(7, 1); // setBoolean on flags: see TypicalAppWorkload and HibernateWorkloadIT
          ps.setString(8, i == 1 ? "Mike" : "Jon");
          ps.setString(9, "8cb2237d0679ca88db6464eac60da96345513964");
          ps.executeUpdate();
          assertThat(keys(ps)).containsExactly((long) i);
        }
      }
      execute(
          c,
          "INSERT INTO store (manager_staff_id, address_id) VALUES (1, "
              + addresses.get(0)
              + "), (2, "
              + addresses.get(1)
              + ")",
          "ALTER TABLE staff ADD CONSTRAINT fk_staff_store FOREIGN KEY (store_id)"
              + " REFERENCES store (store_id) ON DELETE RESTRICT ON UPDATE CASCADE");
      execute(
          c,
          "INSERT INTO actor (first_name, last_name) VALUES ('PENELOPE', 'GUINESS'),"
              + " ('NICK', 'WAHLBERG'), ('ED', 'CHASE'), ('JENNIFER', 'DAVIS'), ('JOHNNY', 'LOLLOBRIGIDA')",
          "INSERT INTO category (name) VALUES ('Action'), ('Animation'), ('Children'), ('Classics')");
      List<Long> films = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO film (title, description, release_year, language_id,"
                  + " original_language_id, rental_duration, rental_rate, length,"
                  + " replacement_cost, rating, special_features)"
                  + " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        String[] ratings = {"G", "PG", "PG-13", "R", "NC-17", "PG"};
        String[] features = {
          "Trailers",
          "Deleted Scenes,Behind the Scenes",
          null,
          // In the SET's definition order: MySQL reorders a bound SET value, PostgreSQL stores the
          // text as bound (a documented limit of the varchar mapping for bound values).
          "Trailers,Commentaries",
          "",
          "Trailers"
        };
        for (int i = 0; i < 6; i++) {
          ps.setString(1, "FILM " + (char) ('A' + i));
          ps.setString(2, i == 2 ? null : "A Epic Drama of a Feminist And a Mad Scientist #" + i);
          ps.setInt(3, 2000 + i);
          if (i % 2 == 0) {
            ps.setNull(4, java.sql.Types.INTEGER);
          } else {
            ps.setInt(4, 2);
          }
          ps.setInt(5, 3 + i % 5);
          ps.setBigDecimal(6, new BigDecimal("0.99").add(BigDecimal.valueOf(i)));
          ps.setInt(7, 86 + i * 10);
          ps.setBigDecimal(8, new BigDecimal("20.99"));
          ps.setString(9, ratings[i]);
          ps.setString(10, features[i]);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(6).containsOnly(1);
        films.addAll(keys(ps));
      }
      assertThat(films).as("generated keys of a batch").hasSize(6);
      execute(
          c,
          "INSERT INTO film_actor (actor_id, film_id) VALUES (1, 1), (1, 2), (2, 1), (3, 3),"
              + " (4, 4), (5, 5), (5, 6), (2, 6)",
          "INSERT INTO film_category (film_id, category_id) VALUES (1, 1), (2, 2), (3, 3),"
              + " (4, 4), (5, 1), (6, 2)",
          "INSERT INTO film_text (film_id, title, description)"
              + " SELECT film_id, title, description FROM film");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO inventory (film_id, store_id) VALUES (?, ?)")) {
        for (int i = 0; i < 24; i++) {
          ps.setLong(1, films.get(i % films.size()));
          ps.setInt(2, 1 + i % 2);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(24);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO customer (store_id, first_name, last_name, email, address_id, active,"
                  + " create_date) VALUES (?, ?, ?, ?, ?, ?, NOW())",
              Statement.RETURN_GENERATED_KEYS)) {
        String[] names = {"MARY", "PATRICIA", "LINDA", "BARBARA", "ELIZABETH", "JENNIFER"};
        for (int i = 0; i < names.length; i++) {
          ps.setInt(1, 1 + i % 2);
          ps.setString(2, names[i]);
          ps.setString(3, "SMITH" + i);
          ps.setString(4, names[i] + ".SMITH@sakilacustomer.org");
          ps.setLong(5, addresses.get(2 + i));
          ps.setInt(6, i != 3 ? 1 : 0);
          assertThat(ps.executeUpdate()).isEqualTo(1);
          assertThat(keys(ps)).containsExactly((long) i + 1);
        }
      }
    }
    assertEveryTableEqual(db, BASE_TABLES);
  }

  @Test
  @Order(3)
  void rentalBatchesAndPaymentsWithGeneratedKeys(DatabasePair db) throws SQLException {
    LocalDateTime base = LocalDateTime.of(2024, 2, 14, 9, 30, 15);
    List<Long> rentals = new ArrayList<>();
    try (Connection c = connect(db)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO rental (rental_date, inventory_id, customer_id, return_date, staff_id)"
                  + " VALUES (?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        for (int i = 0; i < 30; i++) {
          ps.setTimestamp(1, Timestamp.valueOf(base.plusHours(i * 7L)));
          ps.setInt(2, 1 + i % 24);
          ps.setInt(3, 1 + i % 6);
          if (i % 4 == 0) {
            ps.setNull(4, java.sql.Types.TIMESTAMP);
          } else {
            ps.setTimestamp(4, Timestamp.valueOf(base.plusDays(3).plusHours(i)));
          }
          ps.setInt(5, 1 + i % 2);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        assertThat(counts).hasSize(30);
        rentals.addAll(keys(ps));
      }
      assertThat(rentals).as("generated keys of the rental batch").hasSize(30);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO payment (customer_id, staff_id, rental_id, amount, payment_date)"
                  + " VALUES (?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        for (int i = 0; i < rentals.size(); i++) {
          ps.setInt(1, 1 + i % 6);
          ps.setInt(2, 1 + i % 2);
          if (i % 10 == 9) {
            ps.setNull(3, java.sql.Types.INTEGER);
          } else {
            ps.setLong(3, rentals.get(i));
          }
          ps.setBigDecimal(4, new BigDecimal("0.99").add(new BigDecimal(i % 5)));
          ps.setTimestamp(5, Timestamp.valueOf(base.plusHours(i * 7L).plusMinutes(5)));
          assertThat(ps.executeUpdate()).isEqualTo(1);
          assertThat(keys(ps)).containsExactly((long) i + 1);
        }
      }
      // A payment dated by the database clock: NOW() must be the same value on both sides.
      execute(
          c,
          "INSERT INTO payment (customer_id, staff_id, rental_id, amount, payment_date)"
              + " VALUES (1, 1, NULL, 7.50, NOW())");
    }
    assertEveryTableEqual(db, BASE_TABLES);
  }

  @Test
  @Order(4)
  void upsertsOnUniqueKeysChangeTheSameRows(DatabasePair db) throws SQLException {
    try (Connection c = connect(db);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO rental (rental_date, inventory_id, customer_id, return_date, staff_id)"
                    + " VALUES (?, ?, ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE return_date = VALUES(return_date),"
                    + " staff_id = VALUES(staff_id)")) {
      // The first rental (2024-02-14 09:30:15, inventory 1, customer 1) exists: an update.
      ps.setTimestamp(1, Timestamp.valueOf("2024-02-14 09:30:15"));
      ps.setInt(2, 1);
      ps.setInt(3, 1);
      ps.setTimestamp(4, Timestamp.valueOf("2024-02-20 18:00:00"));
      ps.setInt(5, 2);
      assertThat(ps.executeUpdate()).as("MySQL's count for an upsert that updated").isEqualTo(2);
      // A new tuple: an insert.
      ps.setTimestamp(1, Timestamp.valueOf("2024-05-01 12:00:00"));
      ps.setInt(2, 3);
      ps.setInt(3, 2);
      ps.setNull(4, java.sql.Types.TIMESTAMP);
      ps.setInt(5, 1);
      assertThat(ps.executeUpdate()).as("MySQL's count for an upsert that inserted").isEqualTo(1);
      execute(
          c,
          "INSERT INTO actor (actor_id, first_name, last_name) VALUES (1, 'PENELOPE', 'GUINESS'),"
              + " (6, 'BETTE', 'NICHOLSON')"
              + " ON DUPLICATE KEY UPDATE last_name = CONCAT(actor.last_name, 'S')",
          "INSERT INTO actor (first_name, last_name) VALUES ('GRACE', 'MOSTEL')");
    }
    assertEveryTableEqual(db, BASE_TABLES);
  }

  @Test
  @Order(5)
  void multiTableUpdatesAndOrderedDeletesWithLimit(DatabasePair db) throws SQLException {
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      int returned =
          s.executeUpdate(
              "UPDATE rental r JOIN inventory i ON i.inventory_id = r.inventory_id"
                  + " JOIN store st ON st.store_id = i.store_id"
                  + " SET r.return_date = '2024-03-01 10:00:00', r.staff_id = st.manager_staff_id"
                  + " WHERE st.store_id = 1 AND r.return_date IS NULL");
      assertThat(returned).isPositive();
      s.executeUpdate(
          "UPDATE payment p JOIN customer cu ON cu.customer_id = p.customer_id"
              + " SET p.amount = p.amount * 1.10 WHERE cu.active = 1 AND p.amount > 2");
      assertThat(
              s.executeUpdate(
                  "DELETE FROM payment WHERE customer_id = 2"
                      + " ORDER BY payment_date DESC, payment_id DESC LIMIT 2"))
          .isEqualTo(2);
      s.executeUpdate(
          "DELETE p FROM payment p JOIN rental r ON r.rental_id = p.rental_id"
              + " WHERE r.customer_id = 4");
      s.executeUpdate(
          "UPDATE film SET rental_rate = rental_rate + 1 ORDER BY film_id DESC LIMIT 2");
      s.executeUpdate(
          "UPDATE customer SET active = NOT active, email = LOWER(email) WHERE store_id = 2");
    }
    assertEveryTableEqual(db, BASE_TABLES);
  }

  @Test
  @Order(6)
  void transactionsWithRollbackAndSavepointsEndEqual(DatabasePair db) throws SQLException {
    try (Connection c = connect(db)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO customer (store_id, first_name, last_name, address_id, create_date)"
                + " VALUES (1, 'ROLLED', 'BACK', 7, NOW())");
        s.executeUpdate("DELETE FROM payment WHERE customer_id = 1");
        c.rollback();

        s.executeUpdate(
            "INSERT INTO customer (store_id, first_name, last_name, address_id, create_date)"
                + " VALUES (2, 'KEPT', 'CUSTOMER', 8, '2024-06-01 08:00:00')",
            Statement.RETURN_GENERATED_KEYS);
        long kept = keys(s).get(0);
        Savepoint beforeRental = c.setSavepoint("before_rental");
        s.executeUpdate(
            "INSERT INTO rental (rental_date, inventory_id, customer_id, staff_id)"
                + " VALUES ('2024-06-01 09:00:00', 5, "
                + kept
                + ", 1)");
        s.executeUpdate("UPDATE inventory SET store_id = 2 WHERE inventory_id = 5");
        c.rollback(beforeRental);
        Savepoint beforePayment = c.setSavepoint();
        s.executeUpdate(
            "INSERT INTO payment (customer_id, staff_id, amount, payment_date)"
                + " VALUES ("
                + kept
                + ", 2, 3.99, '2024-06-01 09:05:00')");
        c.releaseSavepoint(beforePayment);
        s.executeUpdate("UPDATE address SET phone = '+1-555-9999' WHERE address_id = 8");
        c.commit();
      }
      c.setAutoCommit(true);
    }
    try (Connection pg = db.openPostgres()) {
      assertThat(longValue(pg, "SELECT COUNT(*) FROM customer WHERE first_name = 'ROLLED'"))
          .isZero();
      assertThat(longValue(pg, "SELECT COUNT(*) FROM customer WHERE first_name = 'KEPT'")).isOne();
      assertThat(longValue(pg, "SELECT COUNT(*) FROM rental WHERE rental_date >= '2024-06-01'"))
          .isZero();
    }
    assertEveryTableEqual(db, BASE_TABLES);
  }

  @Test
  @Order(7)
  void deterministicViewsReturnTheSameRowsOnBothSides(DatabasePair db) throws SQLException {
    // film_list and nicer_but_slower_film_list concatenate actors in an unspecified order.
    List<String> differences = new ArrayList<>();
    for (String view :
        List.of(
            "customer_list",
            "staff_list",
            "sales_by_store",
            "sales_by_film_category",
            "actor_info")) {
      String sql = "SELECT * FROM " + view + " ORDER BY 1";
      List<List<Object>> mysql;
      try (Connection c = db.openMysql()) {
        execute(c, "SET SESSION sql_mode = 'TRADITIONAL'"); // the views' own mode
        mysql = Workloads.rows(c, sql);
      } catch (SQLException e) {
        differences.add(view + ": on MySQL: " + e.getMessage());
        continue;
      }
      try (Connection c = db.openPostgres()) {
        List<List<Object>> postgres = Workloads.rows(c, sql);
        if (!postgres.equals(mysql)) {
          differences.add(view + ": mysql " + mysql + "\n    postgres " + postgres);
        }
      } catch (SQLException e) {
        differences.add(view + ": " + e.getMessage());
      }
    }
    assertThat(differences).as("views that differ").isEmpty();
  }
}
