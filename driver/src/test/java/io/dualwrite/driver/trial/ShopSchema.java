package io.dualwrite.driver.trial;

import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.testkit.DatabasePair;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An e-commerce schema a new user would bring, in MySQL DDL as it is typically written: customers
 * with a unique e-mail and utf8mb4 text, products with DECIMAL prices and JSON attributes, orders
 * and order items (composite primary key), inventory with UNSIGNED counters, coupons with an ENUM
 * kind and DATE validity range, and an audit table with {@code ON UPDATE CURRENT_TIMESTAMP}.
 */
final class ShopSchema {
  static final String[] DDL = {
    "CREATE TABLE `customers` (\n"
        + "  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,\n"
        + "  `email` varchar(191) NOT NULL,\n"
        + "  `full_name` varchar(120) NOT NULL,\n"
        + "  `country` char(2) NOT NULL DEFAULT 'US',\n"
        + "  `bio` text,\n"
        + "  `loyalty_points` int(11) NOT NULL DEFAULT '0',\n"
        + "  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
        + "  PRIMARY KEY (`id`),\n"
        + "  UNIQUE KEY `uq_customers_email` (`email`)\n"
        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    "CREATE TABLE `products` (\n"
        + "  `id` int unsigned NOT NULL AUTO_INCREMENT,\n"
        + "  `sku` varchar(32) NOT NULL,\n"
        + "  `name` varchar(200) NOT NULL,\n"
        + "  `price` decimal(10,2) NOT NULL,\n"
        + "  `cost` decimal(10,4) DEFAULT NULL,\n"
        + "  `attributes` json DEFAULT NULL,\n"
        + "  `active` tinyint(1) NOT NULL DEFAULT '1',\n"
        + "  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
        + "  PRIMARY KEY (`id`),\n"
        + "  UNIQUE KEY `uq_products_sku` (`sku`),\n"
        + "  KEY `idx_products_name` (`name`)\n"
        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    "CREATE TABLE `orders` (\n"
        + "  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n"
        + "  `customer_id` int unsigned NOT NULL,\n"
        + "  `status` enum('pending','paid','shipped','cancelled') NOT NULL DEFAULT 'pending',\n"
        + "  `total` decimal(12,2) NOT NULL DEFAULT '0.00',\n"
        + "  `coupon_code` varchar(20) DEFAULT NULL,\n"
        + "  `placed_at` datetime NOT NULL,\n"
        + "  `note` varchar(255) DEFAULT NULL,\n"
        + "  PRIMARY KEY (`id`),\n"
        + "  KEY `idx_orders_customer_status` (`customer_id`,`status`),\n"
        + "  CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`)"
        + " REFERENCES `customers` (`id`)\n"
        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    "CREATE TABLE `order_items` (\n"
        + "  `order_id` bigint unsigned NOT NULL,\n"
        + "  `line_no` smallint unsigned NOT NULL,\n"
        + "  `product_id` int unsigned NOT NULL,\n"
        + "  `quantity` int unsigned NOT NULL,\n"
        + "  `unit_price` decimal(10,2) NOT NULL,\n"
        + "  `discount` decimal(5,2) NOT NULL DEFAULT '0.00',\n"
        + "  PRIMARY KEY (`order_id`,`line_no`),\n"
        + "  KEY `idx_items_product` (`product_id`),\n"
        + "  CONSTRAINT `fk_items_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`)"
        + " ON DELETE CASCADE,\n"
        + "  CONSTRAINT `fk_items_product` FOREIGN KEY (`product_id`)"
        + " REFERENCES `products` (`id`)\n"
        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    "CREATE TABLE `inventory` (\n"
        + "  `product_id` int unsigned NOT NULL,\n"
        + "  `warehouse` char(3) NOT NULL,\n"
        + "  `on_hand` int unsigned NOT NULL DEFAULT '0',\n"
        + "  `reserved` mediumint unsigned NOT NULL DEFAULT '0',\n"
        + "  `reorder_level` smallint unsigned NOT NULL DEFAULT '10',\n"
        + "  PRIMARY KEY (`product_id`,`warehouse`),\n"
        + "  CONSTRAINT `fk_inventory_product` FOREIGN KEY (`product_id`)"
        + " REFERENCES `products` (`id`)\n"
        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    "CREATE TABLE `coupons` (\n"
        + "  `id` int NOT NULL AUTO_INCREMENT,\n"
        + "  `code` varchar(20) NOT NULL,\n"
        + "  `kind` enum('percent','fixed','shipping') NOT NULL,\n"
        + "  `amount` decimal(8,2) NOT NULL,\n"
        + "  `valid_from` date NOT NULL,\n"
        + "  `valid_to` date DEFAULT NULL,\n"
        + "  `max_uses` int unsigned DEFAULT NULL,\n"
        + "  `used` int unsigned NOT NULL DEFAULT '0',\n"
        + "  PRIMARY KEY (`id`),\n"
        + "  UNIQUE KEY `uq_coupons_code` (`code`)\n"
        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    "CREATE TABLE `audit_log` (\n"
        + "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
        + "  `entity` varchar(40) NOT NULL,\n"
        + "  `entity_id` bigint NOT NULL,\n"
        + "  `action` varchar(20) NOT NULL,\n"
        + "  `details` json DEFAULT NULL,\n"
        + "  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
        + "  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP"
        + " ON UPDATE CURRENT_TIMESTAMP,\n"
        + "  PRIMARY KEY (`id`),\n"
        + "  KEY `idx_audit_entity` (`entity`,`entity_id`)\n"
        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
  };

  static final int TABLES = DDL.length;

  private ShopSchema() {}

  static void create(DatabasePair db, String phase) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db, "dualwrite.phase", phase)) {
      Trial.execute(c, DDL);
    }
  }
}
