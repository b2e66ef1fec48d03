-- NOW()/UUID()/RAND(): reads are compared by shape (or by value where the result is deterministic);
-- writes run through the rewriter's PinnedStatement with the same computed value bound on both sides.

-- id: nd-now-shape
-- category: nondeterministic
-- mode: shape
SELECT NOW() AS n;

-- id: nd-current-timestamp-shape
-- category: nondeterministic
-- mode: shape
SELECT CURRENT_TIMESTAMP AS n, CURRENT_TIMESTAMP() AS m;

-- id: nd-sysdate-shape
-- category: nondeterministic
-- mode: shape
SELECT SYSDATE() AS n;

-- id: nd-curdate-shape
-- category: nondeterministic
-- mode: shape
SELECT CURDATE() AS d, CURRENT_DATE AS e;

-- id: nd-uuid-shape
-- category: nondeterministic
-- mode: shape
SELECT UUID() AS u;

-- id: nd-now-fraction-shape
-- category: nondeterministic
-- mode: shape
SELECT NOW(3) AS n, NOW(6) AS m;

-- id: nd-utc-timestamp-shape
-- category: nondeterministic
-- mode: shape
SELECT UTC_TIMESTAMP() AS n;

-- id: nd-rand-range
-- category: nondeterministic
SELECT RAND() >= 0 AND RAND() < 1 AS ok;

-- id: nd-uuid-length
-- category: nondeterministic
SELECT LENGTH(UUID()) AS n, UUID() <> UUID() AS differ;

-- id: nd-unix-timestamp-recent
-- category: nondeterministic
SELECT UNIX_TIMESTAMP() > 1700000000 AS ok;

-- id: nd-now-after-fixture
-- category: nondeterministic
SELECT NOW() > '2024-01-01' AS ok, DATE(NOW()) = CURDATE() AS same_day;

-- id: nd-curdate-filter
-- category: nondeterministic
SELECT COUNT(*) FROM assignments WHERE due_date < CURDATE();

-- id: nd-interval-from-now
-- category: nondeterministic
SELECT COUNT(*) FROM assignments WHERE completed_at > NOW() - INTERVAL 100 YEAR;

-- id: nd-update-now6
-- category: nondeterministic
UPDATE users SET last_login_at = NOW(6) WHERE id = 3;

-- id: nd-insert-now3
-- category: nondeterministic
INSERT INTO activity_log (user_id, action, created_at) VALUES (3, 'login', NOW(3));

-- id: nd-update-now
-- category: nondeterministic
UPDATE families SET updated_at = NOW() WHERE id = 2;

-- id: nd-insert-uuid
-- category: nondeterministic
INSERT INTO settings (family_id, name, value) VALUES (4, 'token', UUID());

-- id: nd-update-rand
-- category: nondeterministic
UPDATE chores SET reward = ROUND(RAND() * 10, 2) WHERE id = 3;

-- id: nd-insert-curdate
-- category: nondeterministic
INSERT INTO daily_stats (user_id, day) VALUES (8, CURDATE());

-- id: nd-update-current-timestamp
-- category: nondeterministic
UPDATE assignments SET completed_at = CURRENT_TIMESTAMP, status = 'done' WHERE id = 2;

-- id: nd-insert-utc-timestamp
-- category: nondeterministic
INSERT INTO reward_adjustments (user_id, amount, created_at) VALUES (2, 1.00, UTC_TIMESTAMP());

-- id: nd-update-unix-timestamp
-- category: nondeterministic
UPDATE chores SET points = UNIX_TIMESTAMP() % 1000 WHERE id = 5;

-- id: nd-insert-two-calls
-- category: nondeterministic
INSERT INTO activity_log (action, payload, created_at) VALUES ('tick', JSON_OBJECT('at', UNIX_TIMESTAMP()), NOW());

-- id: nd-update-with-bind
-- category: nondeterministic
-- binds: 'pinned', 7
-- note: app parameters and computed values are interleaved in the binding plan
UPDATE assignments SET completed_at = NOW(), note = ? WHERE id = ?;

-- id: nd-insert-select-now
-- category: nondeterministic
INSERT INTO daily_stats (user_id, day, completed) SELECT id, CURDATE(), 0 FROM users WHERE family_id = 3;
