-- DDL on scratch tables, run last (it changes the schema; the rewriter's catalog is reloaded after each
-- statement). After each statement the affected tables are compared in full, columns included.

-- id: ddl-create-scratch
-- category: ddl.create-table
-- order: unordered
-- tables: scratch_items
CREATE TABLE scratch_items (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL, qty INT DEFAULT 0, price DECIMAL(8,2), created DATETIME NOT NULL DEFAULT '2024-01-01 00:00:00') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- id: ddl-seed-scratch
-- category: writes.insert
-- order: unordered
-- commit: true
INSERT INTO scratch_items (name, qty, price) VALUES ('apple', 3, 0.5), ('Pear', NULL, 1.25), ('kiwi', 7, NULL);

-- id: ddl-alter-storage-options
-- category: ddl.alter-options
-- order: unordered
-- tables: scratch_items
-- note: ENGINE, ROW_FORMAT and DEFAULT CHARSET have no PostgreSQL meaning: nothing runs there
ALTER TABLE scratch_items ENGINE=InnoDB, ROW_FORMAT=DYNAMIC, DEFAULT CHARSET=utf8mb4;

-- id: ddl-alter-convert-charset
-- category: ddl.alter-options
-- order: unordered
-- tables: scratch_items
-- then: SELECT id FROM scratch_items WHERE name = 'PEAR'
ALTER TABLE scratch_items CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- id: ddl-alter-comment
-- category: ddl.alter-options
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items COMMENT = 'scratch ''items''';

-- id: ddl-alter-auto-increment
-- category: ddl.alter-options
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items AUTO_INCREMENT = 1000;

-- id: ddl-insert-after-auto-increment
-- category: writes.insert
-- order: unordered
-- commit: true
-- then: SELECT id, name FROM scratch_items WHERE name = 'fig'
INSERT INTO scratch_items (name, qty) VALUES ('fig', 1);

-- id: ddl-add-column
-- category: ddl.alter-add
-- order: unordered
-- tables: scratch_items
-- then: SELECT id, active FROM scratch_items WHERE active ORDER BY id
ALTER TABLE scratch_items ADD COLUMN active TINYINT(1) NOT NULL DEFAULT 1;

-- id: ddl-add-column-after
-- category: ddl.alter-add
-- mode: refuse
-- refuse: unsupported-syntax:column-position
-- note: PostgreSQL cannot place a column; an INSERT without a column list would fill different columns
ALTER TABLE scratch_items ADD COLUMN note VARCHAR(100) NULL AFTER name;

-- id: ddl-add-enum-column
-- category: ddl.alter-add
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items ADD COLUMN kind ENUM('a','b') NOT NULL DEFAULT 'a';

-- id: ddl-drop-column
-- category: ddl.alter-drop
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items DROP COLUMN kind;

-- id: ddl-modify-type
-- category: ddl.alter-modify
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items MODIFY qty BIGINT NULL DEFAULT 5;

-- id: ddl-modify-length
-- category: ddl.alter-modify
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items MODIFY COLUMN name VARCHAR(120) NOT NULL;

-- id: ddl-insert-after-modify
-- category: writes.insert
-- order: unordered
-- tables: scratch_items
-- commit: true
-- note: the new default of qty (5) applies
INSERT INTO scratch_items (name) VALUES ('defaulted');

-- id: ddl-change-column
-- category: ddl.alter-change
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items CHANGE COLUMN price unit_price DECIMAL(10,3) NULL;

-- id: ddl-rename-column
-- category: ddl.alter-rename-column
-- order: unordered
-- tables: scratch_items
-- then: SELECT quantity FROM scratch_items ORDER BY id
ALTER TABLE scratch_items RENAME COLUMN qty TO quantity;

-- id: ddl-alter-default
-- category: ddl.alter-rename-column
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items ALTER COLUMN quantity SET DEFAULT 9;

-- id: ddl-alter-default-applies
-- category: ddl.alter-rename-column
-- order: unordered
-- tables: scratch_items
-- note: the new default fills the omitted column
INSERT INTO scratch_items (name) VALUES ('fig');

-- id: ddl-add-index
-- category: ddl.index
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items ADD INDEX idx_scratch_name (name);

-- id: ddl-create-index
-- category: ddl.index
-- order: unordered
-- tables: scratch_items
CREATE INDEX idx_scratch_qty ON scratch_items (quantity);

-- id: ddl-create-index-two-columns
-- category: ddl.index
-- order: unordered
-- tables: scratch_items
CREATE INDEX idx_scratch_created ON scratch_items (created, name);

-- id: ddl-drop-index-on
-- category: ddl.index
-- order: unordered
-- tables: scratch_items
DROP INDEX idx_scratch_qty ON scratch_items;

-- id: ddl-drop-index-alter
-- category: ddl.index
-- order: unordered
-- tables: scratch_items
ALTER TABLE scratch_items DROP INDEX idx_scratch_created;

-- id: ddl-create-unique-index
-- category: ddl.index
-- order: unordered
-- tables: scratch_items
CREATE UNIQUE INDEX uq_scratch_name ON scratch_items (name);

-- id: ddl-unique-index-case-insensitive
-- category: p1.case-insensitive
-- mode: error
-- note: the unique index on a case-insensitive column rejects APPLE next to apple
INSERT INTO scratch_items (name) VALUES ('APPLE');

-- id: ddl-truncate
-- category: ddl.truncate
-- order: unordered
-- tables: scratch_items
TRUNCATE TABLE scratch_items;

-- id: ddl-insert-after-truncate
-- category: writes.insert
-- order: unordered
-- tables: scratch_items
-- commit: true
-- note: TRUNCATE restarts AUTO_INCREMENT: the key is 1 again (no sequence help for committed writes)
INSERT INTO scratch_items (name) VALUES ('after truncate');

-- id: ddl-rename-table
-- category: ddl.rename-table
-- order: unordered
-- tables: scratch_things
-- then: SELECT id, name FROM scratch_things ORDER BY id
RENAME TABLE scratch_items TO scratch_things;

-- id: ddl-alter-rename-table
-- category: ddl.rename-table
-- order: unordered
-- tables: scratch_items2
ALTER TABLE scratch_things RENAME TO scratch_items2;

-- id: ddl-create-view
-- category: ddl.view
-- order: unordered
-- then: SELECT family, points FROM v_family_points ORDER BY points
CREATE VIEW v_family_points AS SELECT f.name AS family, SUM(u.points) AS points FROM families f JOIN users u ON u.family_id = f.id GROUP BY f.id, f.name;

-- id: ddl-create-or-replace-view
-- category: ddl.view
-- order: unordered
-- then: SELECT * FROM v_open ORDER BY id
CREATE OR REPLACE VIEW v_open AS SELECT a.id, c.title, a.due_date FROM assignments a JOIN chores c ON c.id = a.chore_id WHERE a.status = 'open';

-- id: ddl-view-mysql-functions
-- category: ddl.view
-- order: unordered
-- then: SELECT * FROM v_user_labels ORDER BY id
CREATE VIEW v_user_labels AS SELECT id, CONCAT(display_name, IF(is_admin, ' (admin)', '')) AS label, IFNULL(bio, '') AS bio, DATE_FORMAT(created_at, '%Y-%m') AS since FROM users;

-- id: ddl-select-view-join
-- category: ddl.view
-- order: ordered
SELECT v.label, COUNT(a.id) AS n FROM v_user_labels v LEFT JOIN assignments a ON a.user_id = v.id GROUP BY v.id, v.label ORDER BY v.id;

-- id: ddl-drop-view
-- category: ddl.view
-- order: unordered
DROP VIEW v_open;

-- id: ddl-reserved-names
-- category: p0.identifiers
-- order: unordered
-- tables: t_reserved
CREATE TABLE t_reserved (`order` INT NOT NULL, `user` VARCHAR(10), `select` TINYINT(1) DEFAULT 0, PRIMARY KEY (`order`));

-- id: ddl-reserved-insert
-- category: p0.identifiers
-- order: unordered
-- commit: true
INSERT INTO t_reserved (`order`, `user`, `select`) VALUES (1, 'x', 1), (2, NULL, 0);

-- id: ddl-reserved-select
-- category: p0.identifiers
-- order: ordered
SELECT `order`, `user`, `select` FROM t_reserved WHERE `select` = 1 ORDER BY `order`;

-- id: ddl-create-if-not-exists
-- category: ddl.create-table
-- order: unordered
-- tables: scratch_log
CREATE TABLE IF NOT EXISTS scratch_log (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, msg TEXT, at TIMESTAMP(3) NULL, PRIMARY KEY (id)) ENGINE=InnoDB;

-- id: ddl-create-if-not-exists-again
-- category: ddl.create-table
-- order: unordered
-- tables: scratch_log
-- note: a second CREATE IF NOT EXISTS is a no-op on both sides
CREATE TABLE IF NOT EXISTS scratch_log (id INT PRIMARY KEY);

-- id: ddl-create-like
-- category: ddl.create-table
-- order: unordered
-- tables: scratch_copy
CREATE TABLE scratch_copy LIKE chores;

-- id: ddl-create-like-copies-defaults
-- category: ddl.create-table
-- order: unordered
-- tables: scratch_copy
-- note: the copy has its own AUTO_INCREMENT counter and the defaults, and no foreign key (family 99 does not exist)
INSERT INTO scratch_copy (family_id, title, created_at) VALUES (99, 'copy', '2024-01-01 00:00:00'), (98, 'copy2', '2024-01-02 00:00:00');

-- id: ddl-create-as-select
-- category: ddl.create-table
-- mode: refuse
-- refuse: unsupported-syntax:create-table-as
-- note: the derived column types would differ between the sides
CREATE TABLE scratch_sel AS SELECT id, title FROM chores WHERE points > 20;

-- id: ddl-table-types
-- category: ddl.create-table
-- order: unordered
-- tables: scratch_types
CREATE TABLE scratch_types (id SMALLINT UNSIGNED PRIMARY KEY, c CHAR(3), vb VARBINARY(8), b BLOB, mt MEDIUMTEXT, lt LONGTEXT, d DATE, t TIME(2), dt DATETIME(6), y YEAR, f FLOAT, dbl DOUBLE PRECISION, n NUMERIC(7,3), bi BIGINT, bo BOOLEAN, js JSON) ENGINE=InnoDB;

-- id: ddl-types-insert
-- category: writes.insert
-- order: unordered
-- tables: scratch_types
-- commit: true
INSERT INTO scratch_types (id, c, vb, b, mt, lt, d, t, dt, f, dbl, n, bi, bo, js) VALUES (1, 'ab', X'00FF', 'blob', 'medium', 'long', '2024-03-05', '10:11:12.34', '2024-03-05 10:11:12.123456', 1.5, 2.25, 1234.567, -5, TRUE, '{"k": [1, 2]}');

-- id: ddl-drop-tables
-- category: ddl.drop-table
-- order: unordered
DROP TABLE scratch_types, t_reserved;

-- id: ddl-drop-if-exists
-- category: ddl.drop-table
-- order: unordered
DROP TABLE IF EXISTS scratch_log, scratch_missing;

-- id: ddl-check-json-unquote
-- category: ddl.create-table
-- order: unordered
-- tables: scratch_json_check
-- note: a CHECK over an unquoted JSON value: the number text is printed inline there (PostgreSQL takes no subquery in a CHECK)
CREATE TABLE scratch_json_check (id INT NOT NULL PRIMARY KEY, doc JSON, CONSTRAINT doc_v CHECK (JSON_UNQUOTE(JSON_EXTRACT(doc, '$.v')) <> 'x'));

-- id: ddl-check-json-unquote-insert
-- category: writes.insert
-- order: unordered
-- commit: true
INSERT INTO scratch_json_check (id, doc) VALUES (1, '{"v": 2}'), (2, '{"v": "y"}');
