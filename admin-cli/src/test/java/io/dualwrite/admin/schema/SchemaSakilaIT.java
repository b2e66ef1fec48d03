package io.dualwrite.admin.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.admin.CliRun;
import io.dualwrite.admin.CliRun.Result;
import io.dualwrite.admin.ExitCodes;
import io.dualwrite.admin.MiniJson;
import io.dualwrite.admin.translate.Scripts;
import io.dualwrite.admin.verify.AdminArgs;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code schema} on the MySQL Sakila schema (the repository's copy in the rewriter's corpus): 16
 * tables with a foreign key cycle (store and staff), composite keys, FULLTEXT, ENUM, SET, YEAR,
 * BLOB, and 7 views, some reading others; triggers and routines are left alone with a note.
 */
@ExtendWith(TestDatabases.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaSakilaIT {
  static final Path SCRIPT =
      Path.of("../rewriter/src/test/resources/equivalence/corpus/sakila-mysql-schema.sql");

  static final List<String> TABLES =
      List.of(
          "actor",
          "address",
          "category",
          "city",
          "country",
          "customer",
          "film",
          "film_actor",
          "film_category",
          "film_text",
          "inventory",
          "language",
          "payment",
          "rental",
          "staff",
          "store");
  static final List<String> VIEWS =
      List.of(
          "actor_info",
          "customer_list",
          "film_list",
          "nicer_but_slower_film_list",
          "sales_by_film_category",
          "sales_by_store",
          "staff_list");

  @BeforeAll
  static void loadSakilaIntoMysql(DatabasePair db) throws SQLException, IOException {
    try (Connection my = db.openMysql();
        Statement s = my.createStatement()) {
      for (String sql : Scripts.split(Files.readString(SCRIPT))) {
        String u = sql.strip().toUpperCase(Locale.ROOT);
        if (u.startsWith("DROP SCHEMA") || u.startsWith("CREATE SCHEMA") || u.startsWith("USE ")) {
          continue;
        }
        s.execute(sql.replace("sakila.", ""));
      }
      // MySQL's counters: PostgreSQL's identities must start past them
      s.execute("INSERT INTO language (name) VALUES ('English'), ('Italian')");
      s.execute("ALTER TABLE actor AUTO_INCREMENT = 500");
    }
  }

  @Test
  @Order(1)
  void dryRunPrintsTheDdlInDependencyOrderAndChangesNothing(DatabasePair db) throws SQLException {
    Result r = CliRun.run("", AdminArgs.of(db, "schema", "--dry-run"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    String out = r.out();
    for (String t : TABLES) {
      assertThat(out).contains("CREATE TABLE " + t + " (");
    }
    for (String v : VIEWS) {
      assertThat(out).contains("CREATE VIEW " + v + " AS ");
    }
    int lastTable = out.lastIndexOf("CREATE TABLE ");
    int firstKey = out.indexOf(" ADD CONSTRAINT ");
    int firstView = out.indexOf("CREATE VIEW ");
    assertThat(lastTable).isLessThan(out.indexOf("CREATE INDEX "));
    assertThat(out.lastIndexOf("CREATE INDEX ")).isLessThan(firstKey);
    assertThat(out.lastIndexOf(" ADD CONSTRAINT ")).isLessThan(firstView);
    // the store <-> staff cycle: both keys as ALTER TABLE after both tables
    assertThat(out)
        .contains("ALTER TABLE store ADD CONSTRAINT fk_store_staff FOREIGN KEY")
        .contains("ALTER TABLE staff ADD CONSTRAINT fk_staff_store FOREIGN KEY");
    assertThat(out).contains("ALTER TABLE actor ALTER COLUMN actor_id RESTART WITH 500");
    assertThat(out)
        .containsPattern("-- schema: \\d+ to create, 0 already on PostgreSQL, 0 refused");
    assertThat(r.err()).contains("3 triggers not created").contains("routines not created");
    assertThat(pgRelations(db)).isEmpty();
  }

  @Test
  @Order(2)
  void createsEveryTableViewIndexAndForeignKeyThenCheckIsEqual(DatabasePair db)
      throws SQLException {
    Result r = CliRun.run("", AdminArgs.of(db, "schema"));
    // sales_by_store groups by s.store_id alone and selects columns of joined tables, which
    // PostgreSQL accepts only once they are in the GROUP BY too (they are determined by it)
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("created: table store")
        .contains("created: view sales_by_store")
        .contains("70 created, 0 already on PostgreSQL, 0 refused, 0 failed");
    TreeSet<String> expected = new TreeSet<>(TABLES);
    expected.addAll(VIEWS);
    assertThat(pgRelations(db)).containsExactlyElementsOf(expected);
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      // the identity starts past MySQL's AUTO_INCREMENT
      try (ResultSet rs =
          s.executeQuery(
              "INSERT INTO actor (first_name, last_name) VALUES ('A', 'B') RETURNING actor_id")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(500);
      }
      s.execute("DELETE FROM actor");
      // the views answer
      s.executeQuery("SELECT * FROM actor_info").close();
      s.executeQuery("SELECT * FROM sales_by_film_category").close();
    }
    Result check = CliRun.run("", AdminArgs.of(db, "schema", "--check"));
    assertThat(check.exitCode()).as(check.all()).isEqualTo(ExitCodes.OK);
    assertThat(check.outLines())
        .containsExactly("schema --check: 23 tables and views compared: equal");
  }

  /**
   * Regression: sales_by_store was rejected by PostgreSQL (42803), as SHOW CREATE VIEW nests every
   * join in parentheses, where the rewriter did not look for the grouped key's dependent columns.
   * The same rows on both sides: each store's sales, with its city, country and manager.
   */
  @Test
  @Order(3)
  void salesByStoreFromShowCreateViewAnswersAsOnMysql(DatabasePair db) throws SQLException {
    List<String> rows =
        List.of(
            "INSERT INTO country (country_id, country) VALUES (1, 'Canada'), (2, 'Australia')",
            "INSERT INTO city (city_id, city, country_id) VALUES (1, 'Lethbridge', 1),"
                + " (2, 'Woodridge', 2)",
            "INSERT INTO address (address_id, address, district, city_id, phone) VALUES"
                + " (1, '47 MySakila Drive', 'Alberta', 1, ''),"
                + " (2, '28 MySQL Boulevard', 'QLD', 2, '')",
            "INSERT INTO store (store_id, manager_staff_id, address_id) VALUES (1, 1, 1),"
                + " (2, 2, 2)",
            "INSERT INTO staff (staff_id, first_name, last_name, address_id, store_id, username)"
                + " VALUES (1, 'Mike', 'Hillyer', 1, 1, 'Mike'), (2, 'Jon', 'Stephens', 2, 2,"
                + " 'Jon')",
            "INSERT INTO customer (customer_id, store_id, first_name, last_name, address_id,"
                + " create_date) VALUES (1, 1, 'MARY', 'SMITH', 1, '2024-01-01 00:00:00'),"
                + " (2, 2, 'PATRICIA', 'JOHNSON', 2, '2024-01-01 00:00:00')",
            "INSERT INTO film (film_id, title, language_id) VALUES (1, 'ACADEMY DINOSAUR', 1)",
            "INSERT INTO inventory (inventory_id, film_id, store_id) VALUES (1, 1, 1), (2, 1, 1),"
                + " (3, 1, 2)",
            "INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, staff_id)"
                + " VALUES (1, '2024-01-02 10:00:00', 1, 1, 1), (2, '2024-01-02 11:00:00', 2, 2,"
                + " 1), (3, '2024-01-03 10:00:00', 3, 1, 2), (4, '2024-01-04 10:00:00', 3, 2, 2)",
            "INSERT INTO payment (payment_id, customer_id, staff_id, rental_id, amount,"
                + " payment_date) VALUES (1, 1, 1, 1, 2.99, '2024-01-02 10:00:00'),"
                + " (2, 2, 1, 2, 4.99, '2024-01-02 11:00:00'), (3, 1, 2, 3, 0.99,"
                + " '2024-01-03 10:00:00'), (4, 2, 2, 4, 5.98, '2024-01-04 10:00:00'),"
                + " (5, 1, 1, NULL, 1.00, '2024-01-05 10:00:00')");
    try (Connection my = db.openMysql();
        Statement s = my.createStatement()) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0"); // store and staff reference each other
      for (String sql : rows) {
        s.execute(sql);
      }
    }
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("INSERT INTO language (language_id, name) VALUES (1, 'English'), (2, 'Italian')");
      // the cycle on PostgreSQL: one key dropped, the rows written, then schema adds it back
      s.execute("ALTER TABLE store DROP CONSTRAINT fk_store_staff");
      for (String sql : rows) {
        s.execute(sql);
      }
    }
    Result r = CliRun.run("", AdminArgs.of(db, "schema", "--table=store"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("created: foreign key fk_store_staff on store");

    String select = "SELECT store, manager, total_sales FROM sales_by_store";
    List<String> onMysql;
    List<String> onPostgres;
    try (Connection my = db.openMysql()) {
      if (my.getMetaData().getDatabaseProductVersion().contains("MariaDB")) {
        // MariaDB does not follow functional dependencies: under ONLY_FULL_GROUP_BY it rejects
        // the view MySQL accepts
        try (Statement s = my.createStatement()) {
          s.execute("SET SESSION sql_mode = REPLACE(@@sql_mode, 'ONLY_FULL_GROUP_BY', '')");
        }
      }
      onMysql = rows(my, select);
    }
    try (Connection pg = db.openPostgres()) {
      onPostgres = rows(pg, select);
    }
    assertThat(onMysql)
        .containsExactly(
            "Woodridge,Australia | Jon Stephens | 6.97", "Lethbridge,Canada | Mike Hillyer | 7.98");
    assertThat(onPostgres).isEqualTo(onMysql);
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? " | " : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  @Test
  @Order(4)
  void aSecondRunCreatesNothing(DatabasePair db) {
    Result r = CliRun.run("", AdminArgs.of(db, "schema"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .doesNotContain("created: ")
        .contains("0 created, 70 already on PostgreSQL, 0 refused, 0 failed")
        .contains("exists: foreign key fk_store_staff on store (skipped)")
        .contains("exists: view sales_by_store (skipped)")
        .contains("schema: 0 created, ");
    Result dry = CliRun.run("", AdminArgs.of(db, "schema", "--dry-run"));
    assertThat(dry.out())
        .doesNotContain("CREATE TABLE")
        .doesNotContain("CREATE VIEW")
        .contains("-- schema: 0 to create");
  }

  @Test
  @Order(5)
  void whatIsDroppedOnPostgresIsNamedByCheckAndRestoredAlone(DatabasePair db) throws SQLException {
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("DROP INDEX film_idx_title");
      s.execute("ALTER TABLE payment DROP CONSTRAINT fk_payment_rental");
      s.execute("DROP TABLE film_text");
      s.execute("ALTER TABLE category ALTER COLUMN last_update TYPE timestamp(3)");
    }
    Result check = CliRun.run("", AdminArgs.of(db, "schema", "--check"));
    assertThat(check.exitCode()).as(check.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(check.out())
        .contains("index film_idx_title on film: missing on PostgreSQL")
        .contains("foreign key fk_payment_rental on payment: missing on PostgreSQL")
        .contains("table film_text: missing on PostgreSQL")
        .contains(
            "column category.last_update: type (expected timestamp(0) without time zone, found"
                + " timestamp(3) without time zone)")
        .contains("4 differences");

    Result json = CliRun.run("", AdminArgs.of(db, "schema", "--check", "--json"));
    assertThat(json.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
    List<String> lines = json.outLines();
    assertThat(lines).hasSize(5);
    Map<String, Object> summary = MiniJson.object(lines.get(4));
    assertThat(summary.toString()).contains("equal=false").contains("differences=4");

    Result r = CliRun.run("", AdminArgs.of(db, "schema"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("created: table film_text")
        .contains("created: index film_idx_title on film")
        .contains("created: foreign key fk_payment_rental on payment")
        .contains("created: index film_text_idx_title_description on film_text")
        .contains("schema: 4 created, ");

    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement()) {
      s.execute("ALTER TABLE category ALTER COLUMN last_update TYPE timestamp(0)");
    }
    Result again = CliRun.run("", AdminArgs.of(db, "schema", "--check"));
    assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).contains("23 tables and views compared: equal");
  }

  @Test
  @Order(6)
  void aSequenceBehindMysqlIsReportedAndMovedForward(DatabasePair db) throws SQLException {
    try (Connection my = db.openMysql();
        Statement s = my.createStatement()) {
      s.execute("ALTER TABLE category AUTO_INCREMENT = 900");
    }
    Result check = CliRun.run("", AdminArgs.of(db, "schema", "--check", "--table=category"));
    assertThat(check.exitCode()).as(check.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(check.out())
        .contains("sequence of category.category_id: behind MySQL's AUTO_INCREMENT");
    Result r = CliRun.run("", AdminArgs.of(db, "schema", "--table=category"));
    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("sequence of category.category_id: moved from 1 to 900");
    assertThat(CliRun.run("", AdminArgs.of(db, "schema", "--check", "--table=category")).exitCode())
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  @Order(7)
  void usageErrorsExitTwo(DatabasePair db) {
    Result both = CliRun.run("", AdminArgs.of(db, "schema", "--check", "--dry-run"));
    assertThat(both.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    Result unknown = CliRun.run("", AdminArgs.of(db, "schema", "--table=nope"));
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(unknown.err()).contains("no table or view 'nope'");
  }

  static TreeSet<String> pgRelations(DatabasePair db) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (Connection pg = db.openPostgres();
        Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v')")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
