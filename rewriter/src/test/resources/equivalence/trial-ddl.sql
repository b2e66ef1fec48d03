-- DDL from a new user's trial of the driver (trial findings 14, 27-30), run after ddl.sql on its own
-- scratch tables.

-- id: trial-ddl-column-check
-- category: ddl.create-table
-- order: unordered
-- tables: trial_scores
-- note: finding 27: a column-level CHECK (enforced by MySQL 8.0.16+) keeps the table (MariaDB does not read a named column CHECK; the unit test covers that form)
CREATE TABLE trial_scores (id INT NOT NULL PRIMARY KEY, score INT NOT NULL DEFAULT 0 CHECK (score >= 0), grade CHAR(1) NULL CHECK (grade IN ('A', 'B')));

-- id: trial-ddl-column-check-passes
-- category: writes.insert
-- order: unordered
INSERT INTO trial_scores (id, score, grade) VALUES (1, 5, 'A');

-- id: trial-ddl-column-check-enforced
-- category: writes.errors
-- mode: error
INSERT INTO trial_scores (id, score) VALUES (2, -1);

-- id: trial-ddl-second-column-check-enforced
-- category: writes.errors
-- mode: error
INSERT INTO trial_scores (id, grade) VALUES (3, 'Z');

-- id: trial-ddl-fulltext-then-unique
-- category: ddl.create-table
-- order: unordered
-- tables: trial_posts
-- note: finding 28: keys after a FULLTEXT key keep their own kind
CREATE TABLE trial_posts (id INT NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL, body TEXT, FULLTEXT KEY ft_trial_posts (title, body), UNIQUE KEY uq_trial_posts_title (title), KEY idx_trial_posts_body (id));

-- id: trial-ddl-seed-posts
-- category: writes.insert
-- order: unordered
-- commit: true
INSERT INTO trial_posts VALUES (1, 'Hello', 'World');

-- id: trial-ddl-unique-after-fulltext-enforced
-- category: writes.errors
-- mode: error
INSERT INTO trial_posts VALUES (2, 'hello', 'again');

-- id: trial-ddl-rename-index
-- category: ddl.index
-- order: unordered
-- tables: trial_posts
-- note: finding 30
ALTER TABLE trial_posts RENAME INDEX idx_trial_posts_body TO idx_trial_posts_id;

-- id: trial-ddl-fk-parent
-- category: ddl.create-table
-- order: unordered
-- tables: trial_parent
CREATE TABLE trial_parent (id INT NOT NULL PRIMARY KEY);

-- id: trial-ddl-fk-child
-- category: ddl.create-table
-- order: unordered
-- tables: trial_child
CREATE TABLE trial_child (id INT NOT NULL PRIMARY KEY, parent_id INT NULL, CONSTRAINT fk_trial_child_parent FOREIGN KEY (parent_id) REFERENCES trial_parent (id));

-- id: trial-ddl-fk-enforced
-- category: writes.errors
-- mode: error
INSERT INTO trial_child VALUES (1, 42);

-- id: trial-ddl-drop-foreign-key
-- category: ddl.alter-drop
-- order: unordered
-- tables: trial_child
-- note: finding 29: MySQL's DROP FOREIGN KEY is PostgreSQL's DROP CONSTRAINT
ALTER TABLE trial_child DROP FOREIGN KEY fk_trial_child_parent;

-- id: trial-ddl-fk-dropped
-- category: writes.insert
-- order: unordered
INSERT INTO trial_child VALUES (2, 42);

-- id: trial-ddl-set-table
-- category: ddl.create-table
-- order: unordered
-- tables: trial_tickets
CREATE TABLE trial_tickets (id INT NOT NULL PRIMARY KEY, labels SET('bug','billing','feature') NOT NULL);

-- id: trial-ddl-seed-tickets
-- category: writes.insert
-- order: unordered
-- commit: true
INSERT INTO trial_tickets VALUES (1, 'feature'), (2, 'bug'), (3, 'billing'), (4, 'feature,bug'), (5, ''), (6, 'billing,feature');

-- id: trial-order-by-set
-- category: general.query
-- order: ordered
-- note: finding 14: MySQL sorts a SET by the members' bit value (bug=1, billing=2, feature=4)
SELECT id, labels FROM trial_tickets ORDER BY labels DESC, id;

-- id: trial-find-in-set-of-set-column
-- category: p1.find-in-set
-- order: ordered
-- note: outside workload 7: with a constant and a SET column MySQL answers the member's place in the SET's declaration (FIND_IN_SET('feature', 'bug,feature') is 3), not in the value's list
SELECT id, FIND_IN_SET('feature', labels) AS f, FIND_IN_SET('BUG', labels) AS b, FIND_IN_SET('none', labels) AS n, FIND_IN_SET('feature', CONCAT(labels, '')) AS l FROM trial_tickets ORDER BY id;

-- id: trial-set-column-expression-update
-- category: writes.update
-- order: unordered
-- note: outside workload 7: an expression written into a SET column is stored in declaration order, once each member, as MySQL stores it (PostgreSQL stored the text as computed)
UPDATE trial_tickets SET labels = CONCAT_WS(',', labels, 'bug') WHERE id IN (1, 3, 4, 6);

-- id: trial-set-column-number
-- category: writes.update
-- order: unordered
-- note: review of session 26: a number written into a SET column is its members' bits (5: bug and feature); it was normalised to ''
UPDATE trial_tickets SET labels = 5 WHERE id IN (1, 2);

-- id: trial-set-column-number-expression
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:set-column-number
UPDATE trial_tickets SET labels = id + 1 WHERE id = 1;

-- id: trial-set-column-upsert-expression
-- category: writes.insert
-- order: unordered
-- note: review of session 26: ON DUPLICATE KEY UPDATE of a SET column with an expression is stored in declaration order
INSERT INTO trial_tickets (id, labels) VALUES (4, 'billing') ON DUPLICATE KEY UPDATE labels = CONCAT_WS(',', labels, VALUES(labels));

-- id: trial-set-column-if-and-upsert-values
-- category: writes.update
-- order: unordered
-- note: second review of session 26: IF/CASE/VALUES() written into a SET column were refused for a moment (taken for numbers)
UPDATE trial_tickets SET labels = IF(id = 1, 'billing', 'feature,bug') WHERE id IN (1, 2);

-- id: trial-set-column-upsert-values
-- category: writes.insert
-- order: unordered
INSERT INTO trial_tickets (id, labels) VALUES (2, 'feature,billing') ON DUPLICATE KEY UPDATE labels = VALUES(labels);

-- id: trial-set-column-expression-insert
-- category: writes.insert
-- order: unordered
INSERT INTO trial_tickets VALUES (7, CONCAT('feature', ',', 'BUG', ',bug')), (8, LOWER('Billing'));

-- id: trial-replace-keys-table
-- category: ddl.create-table
-- order: unordered
-- tables: trial_keys
CREATE TABLE trial_keys (id INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, amount DECIMAL(5,1) NOT NULL, UNIQUE KEY uq_code (code), UNIQUE KEY uq_amount (amount));

-- id: trial-replace-keys-seed
-- category: writes.insert
-- order: unordered
-- commit: true
INSERT INTO trial_keys VALUES (1, '042', 1.3), (2, 'b', 2.0);

-- id: trial-replace-number-into-text-key
-- category: p0.replace
-- order: unordered
-- note: second review of session 26: 42 is stored '42' and does not replace '042' (the deletion compared numbers)
REPLACE INTO trial_keys VALUES (3, 42, 9.9);

-- id: trial-replace-rounded-decimal-key
-- category: p0.replace
-- order: unordered
-- note: 1.25 is stored 1.3 in DECIMAL(5,1) and replaces that row (PostgreSQL failed on the unique key)
REPLACE INTO trial_keys VALUES (4, 'x', 1.25);

-- id: trial-replace-rounded-integer-key
-- category: p0.replace
-- order: unordered
REPLACE INTO trial_keys VALUES (2.4, 'y', 7.0);
