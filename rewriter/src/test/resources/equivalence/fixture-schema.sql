-- Fixture schema for the execution-equivalence tests: a chore-tracking app for families, in MySQL
-- DDL as an application would ship it. It runs on MariaDB as written and on PostgreSQL through the
-- rewriter (so every statement here is also a DDL-translation test).

CREATE TABLE families (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(100) NOT NULL,
  plan ENUM('free','plus','pro') NOT NULL DEFAULT 'free',
  timezone VARCHAR(40) NOT NULL DEFAULT 'UTC',
  created_at DATETIME NOT NULL,
  updated_at DATETIME NULL DEFAULT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE users (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  family_id INT UNSIGNED NOT NULL,
  email VARCHAR(191) COLLATE utf8mb4_general_ci NOT NULL COMMENT 'case-insensitive, unique',
  username VARCHAR(50) COLLATE utf8mb4_bin NOT NULL COMMENT 'case-sensitive',
  display_name VARCHAR(100) NOT NULL,
  role ENUM('parent','child','guest') NOT NULL DEFAULT 'child',
  is_admin TINYINT(1) NOT NULL DEFAULT 0,
  is_active TINYINT(1) NOT NULL DEFAULT 1,
  birth_date DATE NULL,
  points INT NOT NULL DEFAULT 0,
  balance DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  bio TEXT NULL,
  last_login_at DATETIME(6) NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_users_email (email),
  KEY idx_users_family (family_id),
  CONSTRAINT fk_users_family FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `chores` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `family_id` INT UNSIGNED NOT NULL,
  `title` VARCHAR(200) NOT NULL,
  `description` TEXT,
  `points` SMALLINT NOT NULL DEFAULT 10,
  `reward` DECIMAL(8,2) DEFAULT NULL,
  `frequency` ENUM('once','daily','weekly','monthly') NOT NULL DEFAULT 'once',
  `tags` VARCHAR(255) DEFAULT NULL,
  `is_archived` TINYINT(1) NOT NULL DEFAULT '0',
  `due_time` TIME DEFAULT NULL,
  `created_at` DATETIME NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_chores_family` (`family_id`),
  CONSTRAINT `fk_chores_family` FOREIGN KEY (`family_id`) REFERENCES `families` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4;

CREATE TABLE assignments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  chore_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  status ENUM('open','done','skipped') NOT NULL DEFAULT 'open',
  due_date DATE NOT NULL,
  completed_at DATETIME NULL,
  rating TINYINT NULL,
  note VARCHAR(500) NULL,
  UNIQUE KEY uq_assignment (chore_id, user_id, due_date),
  KEY idx_assignments_user (user_id),
  CONSTRAINT fk_assignments_chore FOREIGN KEY (chore_id) REFERENCES chores (id),
  CONSTRAINT fk_assignments_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE reward_adjustments (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id INT UNSIGNED NOT NULL,
  amount DECIMAL(10,2) NOT NULL,
  multiplier DECIMAL(6,4) NOT NULL DEFAULT 1.0000,
  reason VARCHAR(200) NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY idx_adjustments_user (user_id),
  CONSTRAINT fk_adjustments_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE activity_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id INT UNSIGNED NULL,
  action VARCHAR(50) NOT NULL,
  payload JSON NULL,
  ip VARCHAR(45) NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_log_user_time (user_id, created_at)
) ENGINE=InnoDB;

CREATE TABLE settings (
  family_id INT UNSIGNED NOT NULL,
  name VARCHAR(64) NOT NULL,
  value VARCHAR(255) NULL,
  version INT NOT NULL DEFAULT 1,
  PRIMARY KEY (family_id, name)
) ENGINE=InnoDB;

CREATE TABLE daily_stats (
  user_id INT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  completed INT NOT NULL DEFAULT 0,
  points INT NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day)
) ENGINE=InnoDB;

CREATE TABLE numeric_edges (
  id INT NOT NULL,
  tiny_s TINYINT NULL,
  tiny_u TINYINT UNSIGNED NULL,
  small_s SMALLINT NULL,
  int_s INT NULL,
  int_u INT UNSIGNED NULL,
  big_s BIGINT NULL,
  dec_v DECIMAL(20,6) NULL,
  dbl_v DOUBLE NULL,
  label VARCHAR(30) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

CREATE TABLE unsigned_edges (
  id INT NOT NULL PRIMARY KEY,
  big_u BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;
