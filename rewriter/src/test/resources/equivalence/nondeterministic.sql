-- NOW()/UUID()/RAND(): reads are compared by shape (or by value where the result is deterministic);
-- writes run through the rewriter's PinnedStatement with the same computed value bound on both sides.

-- id: nd-now-shape
-- category: nondeterministic
-- mode: shape
-- order: unordered
SELECT NOW() AS n;

-- id: nd-current-timestamp-shape
-- category: nondeterministic
-- mode: shape
-- order: unordered
SELECT CURRENT_TIMESTAMP AS n, CURRENT_TIMESTAMP() AS m;

-- id: nd-sysdate-shape
-- category: nondeterministic
-- mode: shape
-- order: unordered
SELECT SYSDATE() AS n;

-- id: nd-curdate-shape
-- category: nondeterministic
-- mode: shape
-- order: unordered
SELECT CURDATE() AS d, CURRENT_DATE AS e;

-- id: nd-uuid-shape
-- category: nondeterministic
-- mode: shape
-- order: unordered
SELECT UUID() AS u;

-- id: nd-now-fraction-shape
-- category: nondeterministic
-- mode: shape
-- order: unordered
SELECT NOW(3) AS n, NOW(6) AS m;

-- id: nd-utc-timestamp-shape
-- category: nondeterministic
-- mode: shape
-- order: unordered
SELECT UTC_TIMESTAMP() AS n;

-- id: nd-rand-range
-- category: nondeterministic
-- order: unordered
SELECT RAND() >= 0 AND RAND() < 1 AS ok;

-- id: nd-uuid-length
-- category: nondeterministic
-- order: unordered
SELECT LENGTH(UUID()) AS n, UUID() <> UUID() AS differ;

-- id: nd-unix-timestamp-recent
-- category: nondeterministic
-- order: unordered
SELECT UNIX_TIMESTAMP() > 1700000000 AS ok;

-- id: nd-now-after-fixture
-- category: nondeterministic
-- order: unordered
SELECT NOW() > '2024-01-01' AS ok, DATE(NOW()) = CURDATE() AS same_day;

-- id: nd-curdate-filter
-- category: nondeterministic
-- order: unordered
SELECT COUNT(*) FROM assignments WHERE due_date < CURDATE();

-- id: nd-interval-from-now
-- category: nondeterministic
-- order: unordered
SELECT COUNT(*) FROM assignments WHERE completed_at > NOW() - INTERVAL 100 YEAR;

-- id: nd-update-now6
-- category: nondeterministic
-- order: unordered
UPDATE users SET last_login_at = NOW(6) WHERE id = 3;

-- id: nd-insert-now3
-- category: nondeterministic
-- order: unordered
INSERT INTO activity_log (user_id, action, created_at) VALUES (3, 'login', NOW(3));

-- id: nd-update-now
-- category: nondeterministic
-- order: unordered
UPDATE families SET updated_at = NOW() WHERE id = 2;

-- id: nd-insert-uuid
-- category: nondeterministic
-- order: unordered
INSERT INTO settings (family_id, name, value) VALUES (4, 'token', UUID());

-- id: nd-update-rand
-- category: nondeterministic
-- order: unordered
UPDATE chores SET reward = ROUND(RAND() * 10, 2) WHERE id = 3;

-- id: nd-insert-curdate
-- category: nondeterministic
-- order: unordered
INSERT INTO daily_stats (user_id, day) VALUES (8, CURDATE());

-- id: nd-update-current-timestamp
-- category: nondeterministic
-- order: unordered
UPDATE assignments SET completed_at = CURRENT_TIMESTAMP, status = 'done' WHERE id = 2;

-- id: nd-insert-utc-timestamp
-- category: nondeterministic
-- order: unordered
INSERT INTO reward_adjustments (user_id, amount, created_at) VALUES (2, 1.00, UTC_TIMESTAMP());

-- id: nd-update-unix-timestamp
-- category: nondeterministic
-- order: unordered
UPDATE chores SET points = UNIX_TIMESTAMP() % 1000 WHERE id = 5;

-- id: nd-insert-two-calls
-- category: nondeterministic
-- order: unordered
INSERT INTO activity_log (action, payload, created_at) VALUES ('tick', JSON_OBJECT('at', UNIX_TIMESTAMP()), NOW());

-- id: nd-update-with-bind
-- category: nondeterministic
-- order: unordered
-- binds: 'pinned', 7
-- note: app parameters and computed values are interleaved in the binding plan
UPDATE assignments SET completed_at = NOW(), note = ? WHERE id = ?;

-- id: nd-insert-select-now
-- category: nondeterministic
-- order: unordered
INSERT INTO daily_stats (user_id, day, completed) SELECT id, CURDATE(), 0 FROM users WHERE family_id = 3;

-- A pinned clock in arithmetic is MySQL's number for the date-time on both sides: the MySQL side
-- casts the bound text to the call's type (bare text read as a number was the year, 2024).

-- id: nd-update-now-plus-zero
-- category: nondeterministic
-- order: unordered
UPDATE numeric_edges SET big_s = NOW() + 0 WHERE id = 3;

-- id: nd-update-now3-plus-zero
-- category: nondeterministic
-- order: unordered
UPDATE numeric_edges SET dec_v = NOW(3) + 0, big_s = NOW(3) + 1 WHERE id = 4;

-- id: nd-update-now3-fraction
-- category: nondeterministic
-- order: unordered
-- then: SELECT id, int_s, dec_v FROM numeric_edges WHERE id = 6
UPDATE numeric_edges SET int_s = NOW() + 0 > 20200101000000, dec_v = (NOW(3) + 0) - FLOOR(NOW(3) + 0) WHERE id = 6;

-- id: nd-update-curdate-curtime-numbers
-- category: nondeterministic
-- order: unordered
UPDATE numeric_edges SET int_s = CURDATE() + 0, dec_v = CURTIME(3) + 0, big_s = UTC_DATE() - 1 WHERE id = 3;

-- id: nd-insert-now-numbers
-- category: nondeterministic
-- order: unordered
INSERT INTO numeric_edges (id, big_s, dec_v, label) VALUES (7, NOW() + 0, SYSDATE(6) + 0, 'clock');

-- id: nd-update-rand-double-division
-- category: nondeterministic
-- order: unordered
-- note: RAND()'s bound double is cast to DOUBLE: as a DECIMAL literal, 0.25 / 3 would be 0.083333
UPDATE numeric_edges SET dbl_v = RAND() / 3 WHERE id = 3;

-- id: nd-update-unix-timestamp-of-now3
-- category: nondeterministic
-- order: unordered
UPDATE numeric_edges SET dec_v = UNIX_TIMESTAMP(NOW(3)), big_s = UNIX_TIMESTAMP(NOW()) WHERE id = 6;
