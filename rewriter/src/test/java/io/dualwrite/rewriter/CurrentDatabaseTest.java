package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.pg;
import static io.dualwrite.rewriter.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurrentDatabaseTest {
  /** The fixtures' tables, as the catalog of the MySQL database {@code shop}. */
  private static final Rewriter SHOP =
      Rewriter.builder()
          .catalog(
              new SchemaCatalog() {
                @Override
                public Optional<TableInfo> table(String name) {
                  return Fixtures.CATALOG.table(name);
                }

                @Override
                public String database() {
                  return "shop";
                }
              })
          .build();

  @Test
  void tablesQualifiedWithTheCurrentDatabaseAreItsTables() {
    assertThat(
            pg(
                SHOP,
                "SELECT u.id, o.total FROM shop.users u JOIN `shop`.`orders` o ON o.user_id = u.id"
                    + " WHERE u.id IN (SELECT user_id FROM SHOP.orders)"))
        .isEqualTo(
            "SELECT u.id, o.total FROM users AS u JOIN orders AS o ON o.user_id = u.id"
                + " WHERE u.id IN (SELECT user_id FROM orders)");
    assertThat(pg(SHOP, "INSERT INTO shop.orders (id, user_id) VALUES (1, 2)"))
        .startsWith("INSERT INTO orders ");
    assertThat(pg(SHOP, "UPDATE shop.orders SET total = 1 WHERE shop.orders.id = 3"))
        .isEqualTo("UPDATE orders SET total = 1 WHERE orders.id = 3");
  }

  /**
   * Regression (Flyway's MySQL support names its history table with the database: its CREATE TABLE
   * and CREATE INDEX were refused as database-qualified, so PostgreSQL never got the table).
   */
  @Test
  void flywayHistoryTableDdlQualifiedWithTheCurrentDatabaseWasRefused() {
    String create =
        "CREATE TABLE `shop`.`flyway_schema_history` (\n"
            + "    `installed_rank` INT NOT NULL,\n"
            + "    `version` VARCHAR(50),\n"
            + "    `description` VARCHAR(200) NOT NULL,\n"
            + "    `type` VARCHAR(20) NOT NULL,\n"
            + "    `script` VARCHAR(1000) NOT NULL,\n"
            + "    `checksum` INT,\n"
            + "    `installed_by` VARCHAR(100) NOT NULL,\n"
            + "    `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
            + "    `execution_time` INT NOT NULL,\n"
            + "    `success` BOOL NOT NULL,\n"
            + "    CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)\n"
            + ") ENGINE=InnoDB";
    assertThat(pg(SHOP, create))
        .startsWith("CREATE TABLE flyway_schema_history (")
        .doesNotContain("shop");
    assertThat(
            pg(
                SHOP,
                "CREATE INDEX `flyway_schema_history_s_idx` ON `shop`.`flyway_schema_history`"
                    + " (`success`)"))
        .contains(" ON flyway_schema_history ")
        .doesNotContain("shop");
    assertThat(pg(SHOP, "ALTER TABLE shop.orders ADD COLUMN note VARCHAR(10)"))
        .startsWith("ALTER TABLE orders ");
    // Flyway's MariaDB support leaves the constraint's symbol out
    assertThat(pg(SHOP, create.replace("`flyway_schema_history_pk` ", "")))
        .isEqualTo(pg(SHOP, create));
    assertThat(pg(SHOP, "CREATE TABLE t (a INT, CONSTRAINT UNIQUE (a), CONSTRAINT CHECK (a > 0))"))
        .isEqualTo(pg(SHOP, "CREATE TABLE t (a INT, UNIQUE (a), CHECK (a > 0))"));
    assertThat(refusal(SHOP, "CREATE INDEX i ON billing.orders (id)").code())
        .isEqualTo("unsupported-syntax:qualified-name");
  }

  @Test
  void tablesOfAnotherDatabaseAreStillRefused() {
    assertThat(refusal(SHOP, "SELECT * FROM billing.orders").code())
        .isEqualTo("unsupported-syntax:qualified-name");
    assertThat(refusal(Fixtures.WITH_CATALOG, "SELECT * FROM shop.orders").code())
        .as("no database known")
        .isEqualTo("unsupported-syntax:qualified-name");
  }
}
