package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.pg;
import static io.dualwrite.rewriter.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Grouped queries selecting columns functionally dependent on the GROUP BY, over the part of Sakila
 * that {@code sales_by_store} reads, as {@code SHOW CREATE VIEW} prints it.
 */
class GroupByDependenceTest {
  static ColumnInfo notNull(String name, String type) {
    return new ColumnInfo(name, type, false, false, false, false);
  }

  static ColumnInfo ci(String name, String type) {
    return new ColumnInfo(name, type, false, false, false, true);
  }

  static final SchemaCatalog SAKILA =
      SchemaCatalog.of(
          new TableInfo(
              "payment",
              List.of(
                  notNull("payment_id", "smallint(5) unsigned"),
                  Fixtures.col("rental_id", "int(11)"),
                  notNull("amount", "decimal(5,2)")),
              List.of("payment_id"),
              List.of()),
          new TableInfo(
              "rental",
              List.of(notNull("rental_id", "int(11)"), notNull("inventory_id", "mediumint(8)")),
              List.of("rental_id"),
              List.of()),
          new TableInfo(
              "inventory",
              List.of(
                  notNull("inventory_id", "mediumint(8) unsigned"),
                  notNull("store_id", "tinyint(3) unsigned")),
              List.of("inventory_id"),
              List.of()),
          new TableInfo(
              "store",
              List.of(
                  notNull("store_id", "tinyint(3) unsigned"),
                  notNull("manager_staff_id", "tinyint(3) unsigned"),
                  notNull("address_id", "smallint(5) unsigned"),
                  Fixtures.col("deputy_staff_id", "tinyint(3) unsigned")),
              List.of("store_id"),
              List.of(List.of("manager_staff_id"), List.of("deputy_staff_id"))),
          new TableInfo(
              "address",
              List.of(
                  notNull("address_id", "smallint(5) unsigned"),
                  notNull("city_id", "smallint(5) unsigned"),
                  notNull("postal_code", "varchar(10)")),
              List.of("address_id"),
              List.of()),
          new TableInfo(
              "city",
              List.of(
                  notNull("city_id", "smallint(5) unsigned"),
                  ci("city", "varchar(50)"),
                  notNull("country_id", "smallint(5) unsigned")),
              List.of("city_id"),
              List.of()),
          new TableInfo(
              "country",
              List.of(notNull("country_id", "smallint(5) unsigned"), ci("country", "varchar(50)")),
              List.of("country_id"),
              List.of()),
          new TableInfo(
              "staff",
              List.of(
                  notNull("staff_id", "tinyint(3) unsigned"),
                  ci("first_name", "varchar(45)"),
                  ci("last_name", "varchar(45)")),
              List.of("staff_id"),
              List.of()),
          new TableInfo(
              "zone",
              List.of(notNull("code", "varchar(10)"), notNull("label", "varchar(20)")),
              List.of("code"),
              List.of()));

  static final Rewriter REWRITER = Rewriter.builder().catalog(SAKILA).build();

  /** MariaDB 10.11's SHOW CREATE VIEW of Sakila's sales_by_store. */
  static final String MARIADB_VIEW =
      "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW"
          + " `sales_by_store` AS select concat(`c`.`city`,_utf8mb3',',`cy`.`country`) AS `store`,"
          + "concat(`m`.`first_name`,_utf8mb3' ',`m`.`last_name`) AS `manager`,sum(`p`.`amount`)"
          + " AS `total_sales` from (((((((`payment` `p` join `rental` `r`"
          + " on(`p`.`rental_id` = `r`.`rental_id`)) join `inventory` `i`"
          + " on(`r`.`inventory_id` = `i`.`inventory_id`)) join `store` `s`"
          + " on(`i`.`store_id` = `s`.`store_id`)) join `address` `a`"
          + " on(`s`.`address_id` = `a`.`address_id`)) join `city` `c`"
          + " on(`a`.`city_id` = `c`.`city_id`)) join `country` `cy`"
          + " on(`c`.`country_id` = `cy`.`country_id`)) join `staff` `m`"
          + " on(`s`.`manager_staff_id` = `m`.`staff_id`)) group by `s`.`store_id`"
          + " order by `cy`.`country`,`c`.`city`";

  /** MySQL 9's: the same nesting, each ON condition in two parentheses. */
  static final String MYSQL_VIEW =
      "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `sales_by_store`"
          + " AS select concat(`c`.`city`,_utf8mb4',',`cy`.`country`) AS `store`,"
          + "concat(`m`.`first_name`,_utf8mb4' ',`m`.`last_name`) AS `manager`,sum(`p`.`amount`)"
          + " AS `total_sales` from (((((((`payment` `p` join `rental` `r`"
          + " on((`p`.`rental_id` = `r`.`rental_id`))) join `inventory` `i`"
          + " on((`r`.`inventory_id` = `i`.`inventory_id`))) join `store` `s`"
          + " on((`i`.`store_id` = `s`.`store_id`))) join `address` `a`"
          + " on((`s`.`address_id` = `a`.`address_id`))) join `city` `c`"
          + " on((`a`.`city_id` = `c`.`city_id`))) join `country` `cy`"
          + " on((`c`.`country_id` = `cy`.`country_id`))) join `staff` `m`"
          + " on((`s`.`manager_staff_id` = `m`.`staff_id`))) group by `s`.`store_id`"
          + " order by `cy`.`country`,`c`.`city`";

  @Test
  void salesByStoreAsShowCreateViewNestsItsJoinsGroupsByTheDependentColumns() {
    for (String view : List.of(MARIADB_VIEW, MYSQL_VIEW)) {
      assertThat(pg(REWRITER, view))
          .contains(" GROUP BY s.store_id, c.city, cy.country, m.first_name, m.last_name ORDER BY")
          // the tables inside the parentheses are known: ORDER BY follows their collation
          .endsWith("ORDER BY lower(cy.country) NULLS FIRST, lower(c.city) NULLS FIRST");
    }
  }

  @Test
  void aUniqueKeyOfNotNullColumnsDeterminesItsRow() {
    assertThat(
            pg(
                REWRITER,
                "SELECT m.staff_id, s.address_id, COUNT(*) FROM staff m JOIN store s ON"
                    + " s.manager_staff_id = m.staff_id GROUP BY m.staff_id"))
        .endsWith("GROUP BY m.staff_id, s.address_id");
  }

  @Test
  void aNullableUniqueKeyIsRefusedByName() {
    Refusal r =
        refusal(
            REWRITER,
            "SELECT m.staff_id, s.address_id, COUNT(*) FROM staff m JOIN store s ON"
                + " s.deputy_staff_id = m.staff_id GROUP BY s.deputy_staff_id");
    assertThat(r.code()).isEqualTo("unsupported-syntax:group-by-not-functional");
    assertThat(r.reason()).contains("s.address_id");
  }

  @Test
  void theOnOfAnOuterJoinProvesNothingEvenInParentheses() {
    Refusal r =
        refusal(
            REWRITER,
            "SELECT i.store_id, COUNT(*) FROM (inventory i LEFT JOIN store s ON s.store_id ="
                + " i.store_id) GROUP BY s.store_id");
    assertThat(r.code()).isEqualTo("unsupported-syntax:group-by-not-functional");
    assertThat(r.reason()).contains("i.store_id");
    // the same join inner: determined
    assertThat(
            pg(
                REWRITER,
                "SELECT i.store_id, COUNT(*) FROM (inventory i JOIN store s ON s.store_id ="
                    + " i.store_id) GROUP BY s.store_id"))
        .endsWith("GROUP BY s.store_id, i.store_id");
  }

  @Test
  void anEqualityAcrossKindsOrCollationsProvesNothing() {
    // '01' = 1 in MySQL: a text key equal to a number is not one value
    Refusal r =
        refusal(
            REWRITER,
            "SELECT z.label, SUM(p.amount) FROM payment p JOIN zone z ON z.code = p.rental_id"
                + " GROUP BY p.rental_id");
    assertThat(r.code()).isEqualTo("unsupported-syntax:group-by-not-functional");
    assertThat(r.reason()).contains("z.label");
    // 'a' = 'A' under a case-insensitive collation
    assertThat(
            refusal(
                    REWRITER,
                    "SELECT cy.country_id, COUNT(*) FROM city c JOIN country cy ON cy.country ="
                        + " c.city GROUP BY c.city")
                .code())
        .isEqualTo("unsupported-syntax:group-by-not-functional");
    // text to text of the same kind is one value
    assertThat(
            pg(
                REWRITER,
                "SELECT z.label, COUNT(*) FROM address a JOIN zone z ON z.code = a.postal_code"
                    + " GROUP BY a.postal_code"))
        .endsWith("GROUP BY a.postal_code, z.label");
  }

  @Test
  void aCaseInsensitivePrimaryKeyGroupedByLowerStillGroupsItsDependentColumns() {
    // counters.name is a case-insensitive primary key: grouped by lower(name), which PostgreSQL
    // does not follow to hits
    assertThat(pg("SELECT name, hits FROM counters GROUP BY name"))
        .isEqualTo(
            "SELECT min(name) AS name, hits FROM counters GROUP BY lower(name), counters.hits");
  }
}
