-- MySQL write statements: ON DUPLICATE KEY UPDATE (VALUES() and row alias), INSERT IGNORE, REPLACE,
-- INSERT ... SET, multi-table UPDATE/DELETE, UPDATE/DELETE ... ORDER BY ... LIMIT, plain writes and
-- writes both servers must reject. Each write runs in a transaction on both sides; the written tables are
-- compared in full (ordered by primary key) with the update counts, then rolled back.

-- id: upsert-values-existing
-- category: p0.upsert
-- order: unordered
INSERT INTO settings (family_id, name, value) VALUES (1, 'currency', 'USD') ON DUPLICATE KEY UPDATE value = VALUES(value), version = version + 1;

-- id: upsert-values-new-row
-- category: p0.upsert
-- order: unordered
INSERT INTO settings (family_id, name, value) VALUES (2, 'week_start', 'sunday') ON DUPLICATE KEY UPDATE value = VALUES(value);

-- id: upsert-multi-row-accumulate
-- category: p0.upsert
-- order: unordered
INSERT INTO daily_stats (user_id, day, completed, points) VALUES (2, '2024-03-01', 1, 5), (2, '2024-03-03', 1, 25) ON DUPLICATE KEY UPDATE completed = completed + VALUES(completed), points = points + VALUES(points);

-- id: upsert-binds
-- category: p0.upsert
-- order: unordered
-- binds: 3, 'currency', 'RMB'
INSERT INTO settings (family_id, name, value) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value);

-- id: upsert-on-secondary-unique-key
-- category: p0.upsert
-- order: unordered
-- note: the conflict is on uq_assignment, not the primary key
INSERT INTO assignments (chore_id, user_id, status, due_date) VALUES (1, 2, 'open', '2024-03-01') ON DUPLICATE KEY UPDATE status = 'skipped', note = 'dup';

-- id: upsert-on-primary-key-unqualified-column
-- category: p0.upsert
-- order: unordered
-- note: an unqualified column in the UPDATE part is the existing row's value
INSERT INTO families (id, name, created_at) VALUES (2, 'Duplicate', '2024-01-01 00:00:00') ON DUPLICATE KEY UPDATE name = CONCAT(name, ' (dup)');

-- id: upsert-values-inside-expression
-- category: p0.upsert
-- order: unordered
INSERT INTO settings (family_id, name, value) VALUES (1, 'week_start', 'sunday') ON DUPLICATE KEY UPDATE value = CONCAT(value, '+', VALUES(value));

-- id: upsert-insert-select
-- category: p0.upsert
-- order: unordered
INSERT INTO daily_stats (user_id, day, completed, points) SELECT a.user_id, a.due_date, COUNT(*), SUM(c.points) FROM assignments a JOIN chores c ON c.id = a.chore_id WHERE a.status = 'done' GROUP BY a.user_id, a.due_date ON DUPLICATE KEY UPDATE completed = VALUES(completed), points = VALUES(points);

-- id: upsert-set-form
-- category: p0.upsert
-- order: unordered
INSERT INTO settings SET family_id = 1, name = 'currency', value = 'X' ON DUPLICATE KEY UPDATE value = 'Y', version = version * 10;

-- id: upsert-row-alias
-- category: p0.upsert
-- mode: expect
-- order: unordered
-- row: 1, 'currency', 'EUR', 1
-- row: 1, 'week_start', 'sunday', 3
-- then: SELECT family_id, name, value, version FROM settings WHERE family_id = 1 ORDER BY name
-- note: row alias (MySQL 8.0.19+) is not MariaDB syntax: PostgreSQL's table contents are checked against the MySQL 8 documented effect
INSERT INTO settings (family_id, name, value) VALUES (1, 'week_start', 'sunday') AS new ON DUPLICATE KEY UPDATE value = new.value, version = settings.version + 1;

-- id: upsert-row-alias-column-aliases
-- category: p0.upsert
-- mode: expect
-- order: unordered
-- row: 2, date'2024-03-01', 1, 10
-- row: 2, date'2024-03-02', 2, 17
-- then: SELECT user_id, day, completed, points FROM daily_stats WHERE user_id = 2 ORDER BY day
-- note: row and column aliases (MySQL 8.0.19+) are not MariaDB syntax
INSERT INTO daily_stats (user_id, day, completed, points) VALUES (2, '2024-03-02', 1, 7) AS n(u, d, c, p) ON DUPLICATE KEY UPDATE completed = completed + n.c, points = points + n.p;

-- id: ignore-duplicate-and-new
-- category: p0.insert-ignore
-- order: unordered
INSERT IGNORE INTO settings (family_id, name, value) VALUES (1, 'currency', 'USD'), (4, 'currency', 'GBP');

-- id: ignore-duplicate-ci-email
-- category: p0.insert-ignore
-- order: unordered
-- note: the unique email is case-insensitive in MySQL: the row is a duplicate
INSERT IGNORE INTO users (family_id, email, username, display_name, created_at, updated_at) VALUES (2, 'NIAMH@example.ie', 'niamh2', 'Niamh again', '2024-03-01 00:00:00', '2024-03-01 00:00:00');

-- id: ignore-all-columns-duplicate
-- category: p0.insert-ignore
-- order: unordered
INSERT IGNORE INTO daily_stats VALUES (2, '2024-03-01', 9, 9);

-- id: ignore-truncates-too-long
-- category: p0.insert-ignore
-- order: unordered
-- note: IGNORE turns 'data too long' into a truncation warning
INSERT IGNORE INTO settings (family_id, name, value) VALUES (4, 'long', REPEAT('a', 300));

-- id: ignore-truncates-multibyte
-- category: p0.insert-ignore
-- order: unordered
-- note: the length counts characters, not bytes; rows that fit are unchanged
INSERT IGNORE INTO settings (family_id, name, value) VALUES (4, 'accents', REPEAT('é', 260)), (4, 'fits', 'short');

-- id: ignore-foreign-key-violation
-- category: p0.insert-ignore
-- order: unordered
-- note: IGNORE also skips a row that violates a foreign key
INSERT IGNORE INTO assignments (chore_id, user_id, due_date) VALUES (999, 2, '2024-01-01');

-- id: ignore-set-form
-- category: p0.insert-ignore
-- order: unordered
INSERT IGNORE INTO settings SET family_id = 1, name = 'currency', value = 'X';

-- id: ignore-select
-- category: p0.insert-ignore
-- order: unordered
INSERT IGNORE INTO daily_stats (user_id, day, completed, points) SELECT user_id, due_date, 1, 0 FROM assignments WHERE user_id IN (2, 3) AND status = 'done';

-- id: insert-select-in-list-and-or
-- category: p0.insert-ignore
-- order: unordered
-- note: JSqlParser reads x IN (...) AND y inside INSERT ... SELECT as x IN ((...) AND y)
INSERT IGNORE INTO daily_stats (user_id, day, completed, points) SELECT user_id, due_date, 2, 1 FROM assignments WHERE user_id NOT IN (2, 3) AND status = 'done' OR user_id IN (SELECT id FROM users WHERE id = 4) AND status <> 'done';

-- id: replace-existing-resets-defaults
-- category: p0.replace
-- order: unordered
-- note: REPLACE deletes and re-inserts: version goes back to its default 1
REPLACE INTO settings (family_id, name, value) VALUES (1, 'week_start', 'sunday');

-- id: replace-new-row
-- category: p0.replace
-- order: unordered
REPLACE INTO settings (family_id, name, value, version) VALUES (4, 'currency', 'GBP', 1);

-- id: replace-multi-row
-- category: p0.replace
-- order: unordered
REPLACE INTO daily_stats (user_id, day, completed, points) VALUES (2, '2024-03-01', 3, 30), (7, '2024-02-01', 1, 20);

-- id: replace-set-form
-- category: p0.replace
-- order: unordered
REPLACE INTO settings SET family_id = 2, name = 'currency', value = 'GBP';

-- id: replace-conflicts-two-unique-keys
-- category: p0.replace
-- order: unordered
-- note: the new row collides with row 2 (primary key) and row 1 (uq_assignment): MySQL deletes both; translated (since session 26) as a deletion of the rows conflicting on either key, then the insert (ON CONFLICT can name one key)
REPLACE INTO assignments (id, chore_id, user_id, status, due_date) VALUES (2, 1, 2, 'open', '2024-03-01');

-- id: replace-several-rows-two-unique-keys
-- category: p0.replace
-- mode: refuse
-- refuse: unsupported-syntax:REPLACE:several-keys
-- note: several rows: a later row may replace an earlier one, which one deletion before the insert does not reproduce
REPLACE INTO assignments (id, chore_id, user_id, status, due_date) VALUES (2, 1, 2, 'open', '2024-03-01'), (3, 1, 2, 'open', '2024-03-01');

-- id: replace-select
-- category: p0.replace
-- order: unordered
REPLACE INTO daily_stats (user_id, day, completed, points) SELECT user_id, day, completed + 1, points FROM daily_stats WHERE user_id = 2;

-- id: insert-set-basic
-- category: p0.insert-set
-- order: unordered
INSERT INTO settings SET family_id = 4, name = 'currency', value = 'USD';

-- id: insert-set-auto-increment
-- category: p0.insert-set
-- order: unordered
INSERT INTO chores SET family_id = 2, title = 'Feed cat', points = 5, created_at = '2024-03-05 10:00:00';

-- id: insert-set-binds
-- category: p0.insert-set
-- order: unordered
-- binds: 7, date'2024-02-02', 1
INSERT INTO daily_stats SET user_id = ?, day = ?, completed = ?;

-- id: insert-set-expression
-- category: p0.insert-set
-- order: unordered
INSERT INTO reward_adjustments SET user_id = 3, amount = 2.5 * 3, reason = CONCAT('x', 3), created_at = '2024-03-06 00:00:00';

-- id: update-join
-- category: p0.multi-update
-- order: unordered
UPDATE chores c JOIN families f ON f.id = c.family_id SET c.points = c.points + 10 WHERE f.plan = 'pro';

-- id: update-inner-join-two-columns
-- category: p0.multi-update
-- order: unordered
UPDATE assignments a INNER JOIN chores c ON c.id = a.chore_id SET a.status = 'skipped', a.note = CONCAT('archived: ', c.title) WHERE c.is_archived = 1;

-- id: update-comma-join
-- category: p0.multi-update
-- order: unordered
UPDATE users u, reward_adjustments r SET u.balance = u.balance + r.amount WHERE r.user_id = u.id AND r.id = 3;

-- id: update-join-both-tables
-- category: p0.multi-update
-- mode: refuse
-- refuse: unsupported-syntax:multi-table-update
-- note: one statement changes two tables; PostgreSQL updates one table per statement
UPDATE users u JOIN families f ON f.id = u.family_id SET u.points = 0, f.updated_at = '2024-03-10 00:00:00' WHERE f.id = 2;

-- id: update-left-join-is-null
-- category: p0.multi-update
-- order: unordered
UPDATE chores c LEFT JOIN assignments a ON a.chore_id = c.id SET c.is_archived = 1 WHERE a.id IS NULL;

-- id: update-left-join-own-columns
-- category: p0.multi-update
-- order: unordered
-- note: a chore with several assignments is updated once; the new value uses the target's own column
UPDATE chores c LEFT JOIN assignments a ON a.chore_id = c.id AND a.status = 'done' SET c.points = c.points + 1 WHERE a.id IS NOT NULL OR c.id = 3;

-- id: update-join-derived-table
-- category: p0.multi-update
-- order: unordered
UPDATE users u JOIN (SELECT user_id, SUM(amount) AS total FROM reward_adjustments GROUP BY user_id) t ON t.user_id = u.id SET u.balance = u.balance + t.total;

-- id: update-join-binds
-- category: p0.multi-update
-- order: unordered
-- binds: 3, 2
UPDATE assignments a JOIN users u ON u.id = a.user_id SET a.rating = ? WHERE u.family_id = ? AND a.status = 'done';

-- id: delete-join
-- category: p0.multi-delete
-- order: unordered
DELETE a FROM assignments a JOIN chores c ON c.id = a.chore_id WHERE c.is_archived = 1;

-- id: delete-inner-join-alias
-- category: p0.multi-delete
-- order: unordered
DELETE a FROM assignments AS a INNER JOIN users u ON u.id = a.user_id WHERE u.is_active = 0;

-- id: delete-left-join-is-null
-- category: p0.multi-delete
-- order: unordered
DELETE r FROM reward_adjustments r LEFT JOIN users u ON u.id = r.user_id AND u.role = 'child' WHERE u.id IS NULL;

-- id: delete-left-join-matched-rows
-- category: p0.multi-delete
-- order: unordered
DELETE a FROM assignments a LEFT JOIN chores c ON c.id = a.chore_id AND c.frequency = 'daily' WHERE c.id IS NOT NULL AND a.status <> 'done';

-- id: delete-using
-- category: p0.multi-delete
-- order: unordered
DELETE FROM a USING assignments AS a JOIN chores AS c ON c.id = a.chore_id WHERE c.frequency = 'monthly';

-- id: delete-join-unaliased
-- category: p0.multi-delete
-- order: unordered
DELETE assignments FROM assignments JOIN users ON users.id = assignments.user_id WHERE users.family_id = 3;

-- id: delete-two-tables
-- category: p0.multi-delete
-- mode: refuse
-- refuse: unsupported-syntax:multi-table-delete
-- note: one statement deletes from two tables
DELETE a, r FROM assignments a JOIN reward_adjustments r ON r.user_id = a.user_id WHERE a.user_id = 5;

-- id: update-order-limit
-- category: p0.order-limit
-- order: ordered
UPDATE assignments SET status = 'skipped' WHERE status = 'open' ORDER BY due_date, id LIMIT 2;

-- id: delete-order-desc-limit
-- category: p0.order-limit
-- order: ordered
DELETE FROM activity_log WHERE action = 'login' ORDER BY created_at DESC LIMIT 1;

-- id: update-order-limit-no-where
-- category: p0.order-limit
-- order: ordered
UPDATE chores SET points = points + 1 ORDER BY points DESC, id LIMIT 3;

-- id: delete-order-limit
-- category: p0.order-limit
-- order: ordered
DELETE FROM reward_adjustments ORDER BY amount, id LIMIT 2;

-- id: update-order-limit-binds
-- category: p0.order-limit
-- order: ordered
-- binds: 1, 2
UPDATE chores SET points = points * 2 WHERE family_id = ? ORDER BY id LIMIT ?;

-- id: delete-limit-only
-- category: p0.order-limit
-- order: unordered
-- note: LIMIT without ORDER BY: both sides order by the primary key (MySQL runs the ordered form)
DELETE FROM assignments WHERE status <> 'done' LIMIT 2;

-- id: update-limit-only-binds
-- category: p0.order-limit
-- order: unordered
-- binds: 1, 2
UPDATE chores SET points = points + ? WHERE is_archived = 0 LIMIT ?;

-- id: delete-limit-only-text-key
-- category: p0.order-limit
-- mode: refuse
-- refuse: unsupported-syntax:write-limit-unordered
-- note: a text primary key may sort differently on each side: still refused
DELETE FROM settings WHERE 1 = 1 LIMIT 1;

-- id: update-order-desc-limit-one
-- category: p0.order-limit
-- order: ordered
UPDATE users SET points = points - 5 WHERE points > 0 ORDER BY id DESC LIMIT 1;

-- id: insert-auto-increment
-- category: writes.insert
-- order: unordered
INSERT INTO families (name, plan, created_at) VALUES ('New', 'plus', '2024-03-04 05:06:07');

-- id: insert-multi-row
-- category: writes.insert
-- order: unordered
INSERT INTO families (name, created_at) VALUES ('A', '2024-01-01 00:00:00'), ('B', '2024-01-02 00:00:00');

-- id: insert-boolean-literals
-- category: writes.insert
-- order: unordered
INSERT INTO chores (family_id, title, points, reward, frequency, tags, is_archived, created_at) VALUES (4, 'Réparer vélo', 30, 2.5, 'once', NULL, FALSE, '2024-03-05 00:00:00');

-- id: insert-user-defaults
-- category: writes.insert
-- order: unordered
INSERT INTO users (family_id, email, username, display_name, is_admin, created_at, updated_at) VALUES (4, 'new@example.com', 'new', 'New 👋', TRUE, '2024-03-05 00:00:00', '2024-03-05 00:00:00');

-- id: insert-user-clock-defaults
-- category: writes.insert
-- order: unordered
-- note: created_at/updated_at come from each server's clock (compared within the clock tolerance)
INSERT INTO users (family_id, email, username, display_name) VALUES (4, 'clock@example.com', 'clock', 'Clock');

-- id: insert-json-text
-- category: writes.insert
-- order: unordered
INSERT INTO activity_log (user_id, action, payload, created_at) VALUES (1, 'export', '{"format": "csv", "rows": 12}', '2024-03-05 10:00:00.250');

-- id: insert-json-object
-- category: writes.insert
-- order: unordered
INSERT INTO activity_log (user_id, action, payload, created_at) VALUES (2, 'import', JSON_OBJECT('rows', 3, 'ok', TRUE), '2024-03-05 10:00:00');

-- id: insert-binds-typed
-- category: writes.insert
-- order: unordered
-- binds: 3, 1.25, 1.1, 'bind', ts'2024-03-05 11:00:00'
INSERT INTO reward_adjustments (user_id, amount, multiplier, reason, created_at) VALUES (?, ?, ?, ?, ?);

-- id: insert-decimal-rounding
-- category: writes.insert
-- order: unordered
-- note: DECIMAL(20,6) rounds the seventh decimal
INSERT INTO numeric_edges (id, tiny_s, int_u, dec_v, dbl_v, label) VALUES (7, -5, 42, 123.4567891, 2.5e-3, 'inserted');

-- id: insert-select
-- category: writes.insert
-- order: unordered
INSERT INTO assignments (chore_id, user_id, due_date) SELECT id, 3, '2024-04-01' FROM chores WHERE family_id = 1 AND is_archived = 0;

-- id: insert-select-group
-- category: writes.insert
-- order: unordered
INSERT INTO daily_stats (user_id, day, completed, points) SELECT user_id, DATE(completed_at), COUNT(*), 0 FROM assignments WHERE status = 'done' AND user_id = 7 GROUP BY user_id, DATE(completed_at);

-- id: insert-unicode
-- category: writes.insert
-- order: unordered
INSERT INTO chores (family_id, title, description, created_at) VALUES (3, '🧹 扫地', 'Ünïcödé ✓ — “quotes”', '2024-03-05 00:00:00');

-- id: insert-time-and-enum
-- category: writes.insert
-- order: unordered
INSERT INTO chores (family_id, title, frequency, due_time, created_at) VALUES (1, 'Night check', 'daily', '23:59:59', '2024-03-05 00:00:00');

-- id: update-on-update-timestamp
-- category: writes.update
-- order: unordered
-- note: users.updated_at has ON UPDATE CURRENT_TIMESTAMP
UPDATE users SET display_name = 'Anna M.', bio = NULL WHERE id = 1;

-- id: update-arithmetic
-- category: writes.update
-- order: unordered
UPDATE chores SET points = points + 5 WHERE family_id = 1;

-- id: update-decimal-rounding
-- category: writes.update
-- order: unordered
-- note: DECIMAL(8,2) rounds half away from zero: 1.375 -> 1.38
UPDATE chores SET reward = reward * 1.1 WHERE reward IS NOT NULL;

-- id: update-decimal-division
-- category: writes.update
-- order: unordered
UPDATE reward_adjustments SET amount = amount / 3 WHERE id IN (5, 9);

-- id: update-binds
-- category: writes.update
-- order: unordered
-- binds: 2
UPDATE assignments SET completed_at = '2024-03-05 08:00:00', status = 'done' WHERE id = ?;

-- id: update-enum
-- category: writes.update
-- order: unordered
UPDATE families SET plan = 'plus' WHERE plan = 'free';

-- id: update-not-tinyint
-- category: writes.update
-- order: unordered
UPDATE chores SET is_archived = NOT is_archived WHERE family_id = 1;

-- id: update-tinyint-literal
-- category: writes.update
-- order: unordered
UPDATE chores SET is_archived = 1 WHERE id = 3;

-- id: update-concat-ws-null
-- category: writes.update
-- order: unordered
UPDATE chores SET tags = CONCAT_WS(',', tags, 'new') WHERE id IN (3, 6);

-- id: update-no-match
-- category: writes.update
-- order: unordered
UPDATE users SET points = 0 WHERE id = 999;

-- id: update-same-value-counts
-- category: writes.update
-- order: unordered
-- note: with the JDBC default (found rows) a row set to its own value still counts
UPDATE settings SET value = 'EUR' WHERE name = 'currency';

-- id: update-subquery
-- category: writes.update
-- order: unordered
UPDATE users SET points = (SELECT COUNT(*) FROM assignments WHERE assignments.user_id = users.id AND status = 'done') WHERE role = 'child';

-- id: delete-by-family
-- category: writes.delete
-- order: unordered
DELETE FROM settings WHERE family_id = 3;

-- id: delete-is-null
-- category: writes.delete
-- order: unordered
DELETE FROM activity_log WHERE user_id IS NULL;

-- id: delete-binds
-- category: writes.delete
-- order: unordered
-- binds: 'open', date'2024-03-03'
DELETE FROM assignments WHERE status = ? AND due_date < ?;

-- id: delete-all
-- category: writes.delete
-- order: unordered
DELETE FROM daily_stats;

-- id: delete-user
-- category: writes.delete
-- order: unordered
DELETE FROM users WHERE id = 8;

-- id: delete-cascade-empty
-- category: writes.delete
-- order: unordered
DELETE FROM families WHERE id = 4;

-- id: delete-subquery
-- category: writes.delete
-- order: unordered
DELETE FROM reward_adjustments WHERE user_id IN (SELECT id FROM users WHERE family_id = 3);

-- id: error-foreign-key-restrict
-- category: writes.errors
-- mode: error
-- note: users cascade, but their assignments reference them without cascade
DELETE FROM families WHERE id = 2;

-- id: error-duplicate-primary-key
-- category: writes.errors
-- mode: error
INSERT INTO settings (family_id, name, value) VALUES (1, 'currency', 'USD');

-- id: error-not-null
-- category: writes.errors
-- mode: error
INSERT INTO families (name, created_at) VALUES (NULL, '2024-01-01 00:00:00');

-- id: error-too-long-strict
-- category: writes.errors
-- mode: error
INSERT INTO settings (family_id, name) VALUES (1, REPEAT('x', 65));

-- id: error-tinyint-out-of-range
-- category: writes.errors
-- mode: error
-- note: TINYINT is -128..127; strict mode rejects 200
INSERT INTO numeric_edges (id, tiny_s, label) VALUES (9, 200, 'x');

-- id: error-unsigned-negative
-- category: writes.errors
-- mode: error
INSERT INTO numeric_edges (id, tiny_u, label) VALUES (9, -1, 'x');

-- id: error-int-unsigned-negative
-- category: writes.errors
-- mode: error
-- note: 0 - 1 is out of range for INT UNSIGNED
UPDATE numeric_edges SET int_u = int_u - 1 WHERE id = 3;

-- id: error-invalid-enum
-- category: writes.errors
-- mode: error
INSERT INTO families (name, plan, created_at) VALUES ('X', 'gold', '2024-01-01 00:00:00');

-- id: error-division-by-zero-in-write
-- category: writes.errors
-- mode: error
-- note: ERROR_FOR_DIVISION_BY_ZERO in strict mode makes it an error in a write
UPDATE users SET points = points / 0 WHERE id = 1;

-- id: error-duplicate-ci-email
-- category: p1.case-insensitive
-- mode: error
-- note: the unique key on the case-insensitive email rejects a different-case duplicate
INSERT INTO users (family_id, email, username, display_name, created_at, updated_at) VALUES (1, 'ANNA.MUELLER@example.com', 'anna2', 'dup', '2024-01-01 00:00:00', '2024-01-01 00:00:00');

-- id: error-invalid-date
-- category: writes.errors
-- mode: error
INSERT INTO assignments (chore_id, user_id, due_date) VALUES (1, 2, '2024-02-30');

-- id: update-set-sleep
-- category: writes.update
-- order: unordered
-- note: SLEEP in a write sleeps on each database and stores its 0 on both
UPDATE chores SET points = SLEEP(0.01) WHERE id IN (1, 2);
