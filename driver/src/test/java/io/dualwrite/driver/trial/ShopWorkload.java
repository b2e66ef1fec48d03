package io.dualwrite.driver.trial;

import static io.dualwrite.driver.trial.Trial.assertEveryTableEqual;
import static io.dualwrite.driver.trial.Trial.assertNoDiscrepancies;
import static io.dualwrite.driver.trial.Trial.keys;
import static io.dualwrite.driver.trial.Trial.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.discrepancy.DiscrepancyKind;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An e-commerce application written the way such applications use plain JDBC: catalog loads in
 * batches with generated keys, checkout transactions that lock stock and coupons with {@code SELECT
 * ... FOR UPDATE}, a rolled-back checkout, upserts, INSERT IGNORE, multi-table UPDATE, DELETE with
 * a subquery, then reports. After each step both sides hold the same rows and nothing was recorded;
 * finally the reports served by PostgreSQL give what raw MySQL gives.
 */
@ExtendWith(TestDatabases.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ShopWorkload {
  private Connection c;
  private List<Discrepancy> seen;

  abstract String phase();

  /** Connector/J settings the application's URL carries (none by default). */
  String[] connectorJSettings() {
    return new String[0];
  }

  private String[] withConnectorJSettings(String... dualwrite) {
    String[] extra = connectorJSettings();
    String[] all = java.util.Arrays.copyOf(dualwrite, dualwrite.length + extra.length);
    System.arraycopy(extra, 0, all, dualwrite.length, extra.length);
    return all;
  }

  @BeforeAll
  static void createSchema(DatabasePair db, TestInfo info) throws SQLException {
    String phase =
        info.getTestClass().orElseThrow().getSimpleName().contains("PgPrimary")
            ? "PG_PRIMARY"
            : "DUAL_WRITE";
    ShopSchema.create(db, phase);
  }

  @BeforeEach
  void connect(DatabasePair db) throws SQLException {
    c = DualWriteTestUrls.connect(db, withConnectorJSettings("dualwrite.phase", phase()));
    seen = Trial.discrepancies(c);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private void assertSidesEqual(DatabasePair db) throws SQLException {
    assertNoDiscrepancies(seen);
    assertEveryTableEqual(db, ShopSchema.TABLES);
    assertThat(c.unwrap(DualWriteConnection.class).drift().snapshot()).as("drift").isEmpty();
  }

  @Test
  @Order(1)
  void catalogCustomersCouponsAndStockAreLoadedWithBatchesAndGeneratedKeys(DatabasePair db)
      throws SQLException {
    Object[][] products = {
      {
        "SKU-MUG-01",
        "Tasse \u2615 \u00c9dition",
        "12.90",
        "4.1000",
        "{\"brand\": \"Acme\", \"color\": \"red\"}",
        true
      },
      {
        "SKU-TEE-02",
        "T-shirt \uD83D\uDC55 organic",
        "24.50",
        null,
        "{\"brand\": \"Loom\", \"color\": \"blue\", \"sizes\": [\"S\", \"M\", \"L\"]}",
        true
      },
      {"SKU-LAMP-3", "Desk lamp", "149.00", "80.5000", null, true},
      {
        "SKU-CABLE4",
        "USB-C cable 2m",
        "9.99",
        "1.2345",
        "{\"brand\": \"Acme\", \"color\": \"black\"}",
        true
      },
      {"SKU-OLD-05", "Discontinued gadget", "0.01", "0.0000", "{}", false},
    };
    List<Long> productIds;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO products (sku, name, price, cost, attributes, active)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (Object[] p : products) {
        ps.setString(1, (String) p[0]);
        ps.setString(2, (String) p[1]);
        ps.setBigDecimal(3, new BigDecimal((String) p[2]));
        if (p[3] == null) {
          ps.setNull(4, Types.DECIMAL);
        } else {
          ps.setBigDecimal(4, new BigDecimal((String) p[3]));
        }
        ps.setString(5, (String) p[4]);
        ps.setBoolean(6, (Boolean) p[5]);
        ps.addBatch();
      }
      assertThat(ps.executeBatch()).hasSize(products.length);
      productIds = keys(ps);
    }
    assertThat(productIds).containsExactly(1L, 2L, 3L, 4L, 5L);

    String[][] customers = {
      {
        "zoe@example.com",
        "Zo\u00eb Kr\u00e4mer \uD83D\uDE00",
        "DE",
        "Loves \u2615 and \uD83C\uDF55\nSecond line"
      },
      {"li.wei@example.cn", "\u674e\u4f1f", "CN", null},
      {"o'brien@example.ie", "Se\u00e1n O'Brien", "IE", "Quote ' and backslash \\ and 100% sure"},
      {"sam@example.com", "Sam Smith", null, ""},
    };
    List<Long> customerIds = new ArrayList<>();
    try (PreparedStatement withCountry =
            c.prepareStatement(
                "INSERT INTO customers (email, full_name, country, bio) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement defaultCountry =
            c.prepareStatement(
                "INSERT INTO customers (email, full_name, bio) VALUES (?, ?, ?)",
                new String[] {"id"})) {
      for (String[] cu : customers) {
        PreparedStatement ps = cu[2] == null ? defaultCountry : withCountry;
        int i = 1;
        ps.setString(i++, cu[0]);
        ps.setString(i++, cu[1]);
        if (cu[2] != null) {
          ps.setString(i++, cu[2]);
        }
        ps.setString(i, cu[3]);
        assertThat(ps.executeUpdate()).isEqualTo(1);
        customerIds.addAll(keys(ps));
      }
    }
    assertThat(customerIds).containsExactly(1L, 2L, 3L, 4L);

    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO coupons (code, kind, amount, valid_from, valid_to, max_uses)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      Object[][] coupons = {
        {"WELCOME10", "percent", "10.00", "2024-01-01", null, null},
        {"FIVEOFF", "fixed", "5.00", "2024-03-01", "2024-12-31", 100},
        {"FREESHIP", "shipping", "4.95", "2024-06-01", "2024-06-30", 1},
        {"EXPIRED", "fixed", "2.50", "2020-01-01", "2020-12-31", 10},
      };
      for (Object[] co : coupons) {
        ps.setString(1, (String) co[0]);
        ps.setString(2, (String) co[1]);
        ps.setBigDecimal(3, new BigDecimal((String) co[2]));
        ps.setDate(4, Date.valueOf((String) co[3]));
        ps.setDate(5, co[4] == null ? null : Date.valueOf((String) co[4]));
        if (co[5] == null) {
          ps.setNull(6, Types.INTEGER);
        } else {
          ps.setInt(6, (Integer) co[5]);
        }
        ps.addBatch();
      }
      // 1 each, or SUCCESS_NO_INFO when Connector/J rewrites the batch into one INSERT.
      assertThat(ps.executeBatch()).hasSize(4).doesNotContain(0, Statement.EXECUTE_FAILED);
    }

    // Stock arrives per warehouse; a second delivery of the same product adds up (upsert batch).
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO inventory (product_id, warehouse, on_hand) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE on_hand = on_hand + VALUES(on_hand)")) {
      int[][] deliveries = {{1, 100}, {2, 40}, {3, 5}, {4, 250}, {5, 0}, {1, 20}, {3, 7}};
      for (int[] d : deliveries) {
        ps.setLong(1, d[0]);
        ps.setString(2, "BER");
        ps.setInt(3, d[1]);
        ps.addBatch();
        if (d[0] <= 2) {
          ps.setLong(1, d[0]);
          ps.setString(2, "NYC");
          ps.setInt(3, d[1] / 2);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (entity, entity_id, action, details)"
                + " VALUES ('catalog', 0, ?, JSON_OBJECT('by', 'importer', 'products', 5))")) {
      // JSON_OBJECT with bind values here: finding 2 (TrialFindingsIT).
      ps.setString(1, "import");
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertSidesEqual(db);
  }

  @Test
  @Order(2)
  void checkoutTransactionsLockStockAndCouponsAndOneRollsBack(DatabasePair db) throws SQLException {
    // customer email, placed at, coupon, sku -> quantity, commit?
    checkout(
        "ZOE@example.com",
        "2024-06-03 10:15:00",
        "WELCOME10",
        skus("SKU-MUG-01", 2, "SKU-TEE-02", 1),
        true);
    checkout("li.wei@example.cn", "2024-06-15 23:59:59", "FREESHIP", skus("SKU-CABLE4", 3), true);
    checkout(
        "sam@example.com",
        "2024-07-01 00:00:00",
        null,
        skus("SKU-LAMP-3", 1, "SKU-MUG-01", 1, "SKU-CABLE4", 10),
        true);
    // Out of stock on the last line: the whole checkout is rolled back.
    checkout(
        "o'brien@example.ie",
        "2024-07-02 08:00:00",
        "FIVEOFF",
        skus("SKU-TEE-02", 1, "SKU-LAMP-3", 50),
        false);
    checkout("o'brien@example.ie", "2024-07-02 08:05:00", "FIVEOFF", skus("SKU-TEE-02", 2), true);
    checkout("zoe@example.com", "2024-08-20 12:00:00", null, skus("SKU-LAMP-3", 2), true);
    assertSidesEqual(db);
  }

  private static Map<String, Integer> skus(Object... pairs) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return m;
  }

  private void checkout(
      String email, String placedAt, String coupon, Map<String, Integer> lines, boolean enoughStock)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      long customerId;
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM customers WHERE email = ?")) {
        ps.setString(1, email);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next())
              .as("customer %s (e-mail compared case-insensitively)", email)
              .isTrue();
          customerId = rs.getLong("id");
        }
      }
      long orderId;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO orders (customer_id, placed_at, coupon_code) VALUES (?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, customerId);
        ps.setTimestamp(2, Timestamp.valueOf(placedAt));
        ps.setString(3, coupon);
        ps.executeUpdate();
        orderId = keys(ps).get(0);
      }
      boolean ok = true;
      int line = 0;
      try (PreparedStatement product =
              c.prepareStatement("SELECT id, price FROM products WHERE sku = ? AND active = 1");
          PreparedStatement stock =
              c.prepareStatement(
                  "SELECT on_hand - reserved AS available FROM inventory"
                      + " WHERE product_id = ? AND warehouse = 'BER' FOR UPDATE");
          PreparedStatement item =
              c.prepareStatement(
                  "INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price,"
                      + " discount) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement reserve =
              c.prepareStatement(
                  "UPDATE inventory SET reserved = reserved + ?"
                      + " WHERE product_id = ? AND warehouse = 'BER'")) {
        for (Map.Entry<String, Integer> l : lines.entrySet()) {
          product.setString(1, l.getKey());
          long productId;
          BigDecimal price;
          try (ResultSet rs = product.executeQuery()) {
            assertThat(rs.next()).isTrue();
            productId = rs.getLong(1);
            price = rs.getBigDecimal(2);
          }
          stock.setLong(1, productId);
          try (ResultSet rs = stock.executeQuery()) {
            assertThat(rs.next()).isTrue();
            if (rs.getLong("available") < l.getValue()) {
              ok = false;
              break;
            }
          }
          item.setLong(1, orderId);
          item.setInt(2, ++line);
          item.setLong(3, productId);
          item.setInt(4, l.getValue());
          item.setBigDecimal(5, price);
          item.setBigDecimal(6, line == 1 ? new BigDecimal("0.50") : BigDecimal.ZERO);
          item.addBatch();
          reserve.setInt(1, l.getValue());
          reserve.setLong(2, productId);
          assertThat(reserve.executeUpdate()).isEqualTo(1);
        }
        if (ok) {
          assertThat(item.executeBatch()).hasSize(lines.size());
        }
      }
      if (!ok || !enoughStock) {
        assertThat(ok).as("stock check of a checkout expected to fail").isEqualTo(enoughStock);
        c.rollback();
        return;
      }
      if (coupon != null) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, kind, amount, used, max_uses FROM coupons WHERE code = ?"
                    + " AND valid_from <= ? AND IFNULL(valid_to, '9999-12-31') >= ? FOR UPDATE")) {
          // "AND (valid_to IS NULL OR valid_to >= ?)" fails on PostgreSQL: finding 1.
          Date day = new Date(Timestamp.valueOf(placedAt).getTime());
          ps.setString(1, coupon);
          ps.setDate(2, day);
          ps.setDate(3, day);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              try (PreparedStatement use =
                  c.prepareStatement(
                      "UPDATE coupons SET used = used + 1 WHERE id = ?"
                          + " AND IFNULL(max_uses, 4294967295) > used")) {
                // "AND (max_uses IS NULL OR used < max_uses)": finding 1 (TrialFindingsIT).
                use.setInt(1, rs.getInt("id"));
                use.executeUpdate();
              }
            }
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE orders SET total = (SELECT IFNULL(SUM(quantity * unit_price - discount), 0)"
                  + " FROM order_items WHERE order_id = ?), status = 'paid' WHERE id = ?")) {
        ps.setLong(1, orderId);
        ps.setLong(2, orderId);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO audit_log (entity, entity_id, action, details, created_at)"
                  + " VALUES ('order', ?, 'placed', ?, NOW())")) {
        ps.setLong(1, orderId);
        ps.setString(
            2,
            "{\"lines\": "
                + lines.size()
                + ", \"coupon\": "
                + (coupon == null ? "null" : "\"" + coupon + "\"")
                + "}");
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException | RuntimeException | AssertionError e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  @Test
  @Order(3)
  void upsertsInsertIgnoreJoinedUpdatesAndDeletesWithSubqueries(DatabasePair db)
      throws SQLException {
    // Price feed: an upsert by SKU (the id is not supplied; sku is the only other unique key).
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO products (sku, name, price, attributes) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE price = VALUES(price), name = VALUES(name)")) {
      ps.setString(1, "SKU-MUG-01");
      ps.setString(2, "Tasse \u2615 \u00c9dition 2");
      ps.setBigDecimal(3, new BigDecimal("13.50"));
      ps.setString(4, null);
      assertThat(ps.executeUpdate()).as("an upsert that updates counts 2").isEqualTo(2);
      ps.setString(1, "SKU-NEW-06");
      ps.setString(2, "Notebook A5");
      ps.setBigDecimal(3, new BigDecimal("3.20"));
      ps.setString(4, "{\"brand\": \"Acme\", \"color\": \"red\"}");
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT IGNORE INTO coupons (code, kind, amount, valid_from) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, "WELCOME10");
      ps.setString(2, "fixed");
      ps.setBigDecimal(3, BigDecimal.ONE);
      ps.setDate(4, Date.valueOf("2025-01-01"));
      assertThat(ps.executeUpdate()).isZero();
      ps.setString(1, "SPRING25");
      ps.setString(2, "percent");
      ps.setBigDecimal(3, new BigDecimal("25"));
      ps.setDate(4, Date.valueOf("2025-03-20"));
      assertThat(ps.executeUpdate()).isOne();
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE customers c SET c.loyalty_points = (SELECT IFNULL(FLOOR(SUM(o.total)), 0)"
              + " FROM orders o WHERE o.customer_id = c.id AND o.status = 'paid')");
      s.executeUpdate(
          "UPDATE orders o JOIN customers c ON c.id = o.customer_id"
              + " SET o.note = CONCAT('VIP: ', c.full_name)"
              + " WHERE c.loyalty_points >= 100 AND o.status = 'paid'");
      s.executeUpdate(
          "UPDATE products p JOIN inventory i ON i.product_id = p.id AND i.warehouse = 'BER'"
              + " SET p.active = 0 WHERE i.on_hand - i.reserved = 0");
      s.executeUpdate("UPDATE orders SET status = 'shipped' WHERE placed_at < '2024-07-01'");
      s.executeUpdate(
          "UPDATE orders SET status = 'cancelled' WHERE customer_id ="
              + " (SELECT id FROM customers WHERE email = 'o''brien@example.ie')");
      assertThat(
              s.executeUpdate(
                  "UPDATE inventory i JOIN order_items oi ON oi.product_id = i.product_id"
                      + " JOIN orders o ON o.id = oi.order_id"
                      + " SET i.reserved = i.reserved - oi.quantity"
                      + " WHERE o.status = 'cancelled' AND i.warehouse = 'BER'"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate(
                  "DELETE FROM order_items WHERE order_id IN"
                      + " (SELECT id FROM orders WHERE status = 'cancelled')"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate(
                  "DELETE FROM coupons WHERE valid_to < '2024-01-01' AND id NOT IN"
                      + " (SELECT x.id FROM (SELECT id FROM coupons WHERE used > 0) x)"))
          .isEqualTo(1);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE audit_log a JOIN orders o ON o.id = a.entity_id SET a.action = ?"
                + " WHERE a.entity = ? AND o.status = 'cancelled'")) {
      ps.setString(1, "cancelled");
      ps.setString(2, "order");
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertSidesEqual(db);
  }

  static final List<Trial.Query> REPORTS =
      List.of(
          q(
              "SELECT id, email, full_name, country, bio, loyalty_points, created_at FROM customers"
                  + " ORDER BY id"),
          q("SELECT * FROM products ORDER BY id"),
          q("SELECT * FROM order_items ORDER BY order_id, line_no"),
          q("SELECT * FROM inventory ORDER BY product_id, warehouse"),
          q("SELECT * FROM coupons ORDER BY id"),
          q("SELECT id, entity, entity_id, action, details FROM audit_log ORDER BY id"),
          q(
              "SELECT o.id, c.full_name, o.status, o.total, o.placed_at FROM orders o"
                  + " JOIN customers c ON c.id = o.customer_id"
                  + " WHERE o.status IN ('paid', 'shipped', 'pending')"
                  + " ORDER BY o.placed_at DESC, o.id LIMIT ?, ?",
              0,
              10),
          q("SELECT o.id, o.total FROM orders o ORDER BY o.id LIMIT ?, ?", 2, 2),
          q(
              "SELECT c.country, COUNT(DISTINCT o.customer_id) AS buyers, COUNT(*) AS orders,"
                  + " SUM(o.total) AS revenue, AVG(o.total) AS avg_order FROM orders o"
                  + " JOIN customers c ON c.id = o.customer_id GROUP BY c.country ORDER BY c.country"),
          q(
              "SELECT DATE_FORMAT(placed_at, '%Y-%m') AS month, COUNT(*) AS n, SUM(total) AS revenue"
                  + " FROM orders GROUP BY DATE_FORMAT(placed_at, '%Y-%m') ORDER BY month"),
          q(
              "SELECT p.sku, p.name, IFNULL(SUM(oi.quantity), 0) AS sold,"
                  + " SUM(oi.quantity * oi.unit_price) AS gross FROM products p"
                  + " LEFT JOIN order_items oi ON oi.product_id = p.id"
                  + " GROUP BY p.id, p.sku, p.name ORDER BY sold DESC, p.sku"),
          q(
              "SELECT sku, CASE WHEN price >= 100 THEN 'premium' WHEN price >= 20 THEN 'standard'"
                  + " ELSE 'budget' END AS tier, price FROM products WHERE name LIKE ?"
                  + " ORDER BY sku",
              "%a%"),
          q(
              "SELECT code, kind, amount, valid_from, valid_to,"
                  + " max_uses, used FROM coupons"
                  + " WHERE ? BETWEEN valid_from AND IFNULL(valid_to, '9999-12-31') ORDER BY code",
              Date.valueOf("2024-06-10")),
          q(
              "SELECT product_id, warehouse, on_hand, reserved, CAST(on_hand - reserved AS SIGNED) AS available"
                  + " FROM inventory WHERE reorder_level > on_hand - reserved"
                  + " ORDER BY product_id, warehouse"),
          q(
              "SELECT product_id, on_hand FROM inventory WHERE warehouse IN (?, ?)"
                  + " ORDER BY product_id, warehouse",
              "BER",
              "nyc"),
          q(
              "SELECT JSON_UNQUOTE(JSON_EXTRACT(attributes, '$.color')) AS color, COUNT(*) AS n"
                  + " FROM products WHERE attributes IS NOT NULL"
                  + " GROUP BY JSON_UNQUOTE(JSON_EXTRACT(attributes, '$.color')) ORDER BY color"),
          q(
              "SELECT sku, JSON_UNQUOTE(JSON_EXTRACT(attributes, '$.brand')) AS brand, price"
                  + " FROM products WHERE JSON_UNQUOTE(JSON_EXTRACT(attributes, '$.brand')) = ?"
                  + " ORDER BY price",
              "Acme"),
          q(
              "SELECT customer_id, MAX(placed_at) AS last_order, MIN(total) AS smallest,"
                  + " ROUND(AVG(total), 2) AS avg_total, COUNT(*) AS n FROM orders"
                  + " GROUP BY customer_id HAVING COUNT(*) >= 1 ORDER BY customer_id"),
          q("SELECT full_name, country FROM customers WHERE email = ?", "SAM@EXAMPLE.COM"),
          q(
              "SELECT COUNT(*) AS n, SUM(total) AS s FROM orders WHERE placed_at >= ? AND placed_at < ?",
              Timestamp.valueOf("2024-06-01 00:00:00"),
              Timestamp.valueOf("2024-07-01 00:00:00")),
          q(
              "SELECT o.id, oi.line_no, oi.quantity * oi.unit_price - oi.discount AS line_total"
                  + " FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.id = ?"
                  + " ORDER BY oi.line_no",
              3L),
          q(
              "SELECT CONCAT(full_name, ' <', email, '>') AS contact, CHAR_LENGTH(full_name) AS len,"
                  + " LENGTH(full_name) AS bytes, UPPER(country) AS cc FROM customers ORDER BY id"),
          q(
              "SELECT id, DATE(placed_at) AS day, DATE_FORMAT(placed_at, '%d/%m/%Y %H:%i') AS shown,"
                  + " DATEDIFF(?, placed_at) AS age_days FROM orders ORDER BY id",
              Date.valueOf("2024-12-31")),
          q(
              "SELECT c.full_name, COUNT(o.id) AS orders, SUM(o.total) AS spent"
                  + " FROM customers c LEFT JOIN orders o ON o.customer_id = c.id"
                  + " AND o.status <> 'cancelled' GROUP BY c.id, c.full_name ORDER BY spent DESC, c.id"),
          q("SELECT id, sku, active FROM products WHERE id IN (?, ?, ?) ORDER BY id", 1, 3, 4),
          q(
              "SELECT sku, price * 1.19 AS gross, price / 3 AS third, TRUNCATE(price * 0.9, 2) AS sale"
                  + " FROM products ORDER BY id"));

  @Test
  @Order(4)
  void reportsServedByPostgresGiveWhatMysqlGives(DatabasePair db) throws SQLException {
    List<String> differences;
    try (Connection raw = db.openMysql();
        Connection pg =
            DualWriteTestUrls.connect(
                db, "dualwrite.phase", phase(), "dualwrite.readPercent", "100")) {
      List<Discrepancy> readSeen = Trial.discrepancies(pg);
      differences = Trial.compareReads(raw, pg, REPORTS);
      assertNoDiscrepancies(readSeen);
    }
    assertThat(differences)
        .as("what the application sees differently from PostgreSQL (%s)", differences.size())
        .isEmpty();
  }

  @Test
  @Order(5)
  void paginationThroughProductsWithLimitOffsetBindsSeesEveryRowOnce(DatabasePair db)
      throws SQLException {
    List<String> pages = new ArrayList<>();
    try (Connection pg =
            DualWriteTestUrls.connect(
                db, "dualwrite.phase", phase(), "dualwrite.readPercent", "100");
        PreparedStatement ps =
            pg.prepareStatement("SELECT sku FROM products ORDER BY name, id LIMIT ?, ?")) {
      for (int offset = 0; offset < 20; offset += 2) {
        ps.setInt(1, offset);
        ps.setInt(2, 2);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(Trial.servedByPostgres(rs)).isTrue();
          while (rs.next()) {
            pages.add(rs.getString(1));
          }
        }
      }
    }
    List<String> expected = new ArrayList<>();
    try (Connection raw = db.openMysql();
        Statement s = raw.createStatement();
        ResultSet rs = s.executeQuery("SELECT sku FROM products ORDER BY name, id")) {
      while (rs.next()) {
        expected.add(rs.getString(1));
      }
    }
    assertThat(pages).containsExactlyElementsOf(expected);
  }

  @Test
  @Order(6)
  void comparedReportsFindNoMismatch(DatabasePair db) throws SQLException {
    List<Discrepancy> compared;
    try (Connection cmp =
        DualWriteTestUrls.connect(
            db, "dualwrite.phase", phase(), "dualwrite.comparePercent", "100")) {
      compared = Trial.discrepancies(cmp);
      for (Trial.Query query : REPORTS) {
        try (PreparedStatement ps = cmp.prepareStatement(query.sql())) {
          for (int i = 0; i < query.binds().length; i++) {
            ps.setObject(i + 1, query.binds()[i]);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rs.getObject(1);
            }
          }
        }
      }
    }
    assertThat(compared)
        .as("compared reads: %s", Trial.describe(compared))
        .noneMatch(d -> d.kind() == DiscrepancyKind.READ_MISMATCH)
        .isEmpty();
  }
}
