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

  @Test
  void tablesOfAnotherDatabaseAreStillRefused() {
    assertThat(refusal(SHOP, "SELECT * FROM billing.orders").code())
        .isEqualTo("unsupported-syntax:qualified-name");
    assertThat(refusal(Fixtures.WITH_CATALOG, "SELECT * FROM shop.orders").code())
        .as("no database known")
        .isEqualTo("unsupported-syntax:qualified-name");
  }
}
