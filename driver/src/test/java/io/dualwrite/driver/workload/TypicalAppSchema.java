package io.dualwrite.driver.workload;

import io.dualwrite.driver.testing.Workloads;
import io.dualwrite.testkit.DatabasePair;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The schema of a typical household-chores application, in MySQL DDL: users in families, chores
 * assigned to users, reward adjustments in DECIMAL, an activity log with JSON, boolean flags as
 * {@code TINYINT(1)}/{@code BOOLEAN}, and created/updated timestamps filled by MySQL's clock. (Keys
 * are signed BIGINT here; the Laravel-style BIGINT UNSIGNED pattern is {@link SchemaPatternsIT}.)
 */
final class TypicalAppSchema {
  static final String[] DDL = {
    "CREATE TABLE families (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " name VARCHAR(80) NOT NULL, invite_code CHAR(8) NOT NULL,"
        + " is_premium BOOLEAN NOT NULL DEFAULT FALSE,"
        + " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
        + " updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
        + " UNIQUE KEY uq_families_invite (invite_code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " family_id INT UNSIGNED NOT NULL, email VARCHAR(190) NOT NULL,"
        + " display_name VARCHAR(80) NULL, role ENUM('parent','child') NOT NULL DEFAULT 'child',"
        + " is_active TINYINT(1) NOT NULL DEFAULT 1, is_admin TINYINT(1) NOT NULL DEFAULT 0,"
        + " birth_date DATE NULL, login_count INT NOT NULL DEFAULT 0,"
        + " created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,"
        + " updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
        + " ON UPDATE CURRENT_TIMESTAMP(3),"
        + " UNIQUE KEY uq_users_email (email), KEY idx_users_family (family_id),"
        + " CONSTRAINT fk_users_family FOREIGN KEY (family_id) REFERENCES families (id)"
        + " ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    "CREATE TABLE chores (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " family_id INT UNSIGNED NOT NULL, title VARCHAR(120) NOT NULL,"
        + " points SMALLINT UNSIGNED NOT NULL DEFAULT 1, reward DECIMAL(8,2) NOT NULL DEFAULT 0.00,"
        + " recurring BOOLEAN NOT NULL DEFAULT 0, due_time TIME NULL,"
        + " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
        + " updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
        + " CONSTRAINT fk_chores_family FOREIGN KEY (family_id) REFERENCES families (id))"
        + " ENGINE=InnoDB",
    "CREATE TABLE assignments (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " chore_id INT UNSIGNED NOT NULL, user_id BIGINT NOT NULL,"
        + " due_date DATE NOT NULL, done TINYINT(1) NOT NULL DEFAULT 0, done_at DATETIME NULL,"
        + " note TEXT NULL,"
        + " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
        + " updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
        + " UNIQUE KEY uq_assignment (chore_id, user_id, due_date),"
        + " CONSTRAINT fk_assignments_chore FOREIGN KEY (chore_id) REFERENCES chores (id),"
        + " CONSTRAINT fk_assignments_user FOREIGN KEY (user_id) REFERENCES users (id))"
        + " ENGINE=InnoDB",
    "CREATE TABLE reward_adjustments (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " user_id BIGINT NOT NULL, amount DECIMAL(10,2) NOT NULL,"
        + " balance_after DECIMAL(12,4) NULL, reason VARCHAR(200) NULL,"
        + " approved BOOLEAN NULL,"
        + " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
        + " KEY idx_adjustments_user (user_id)) ENGINE=InnoDB",
    "CREATE TABLE activity_log (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
        + " user_id BIGINT NULL, action VARCHAR(40) NOT NULL, payload JSON NULL,"
        + " created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
        + " KEY idx_activity_user (user_id)) ENGINE=InnoDB",
    "CREATE TABLE user_settings (user_id BIGINT NOT NULL,"
        + " setting VARCHAR(40) NOT NULL, value VARCHAR(200) NULL,"
        + " updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
        + " PRIMARY KEY (user_id, setting)) ENGINE=InnoDB"
  };

  static final int TABLES = DDL.length;

  private TypicalAppSchema() {}

  static void create(DatabasePair db, String phase) throws SQLException {
    try (Connection c =
        io.dualwrite.driver.testing.DualWriteTestUrls.connect(db, "dualwrite.phase", phase)) {
      Workloads.execute(c, DDL);
    }
  }
}
