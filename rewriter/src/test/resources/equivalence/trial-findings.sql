-- Constructs a new user's trial of the driver ran into (trial findings, numbered as in the trial's
-- notes): JSON built from bound values, clock defaults pinned in INSERT ... SELECT, text written
-- into JSON columns, JSON comparisons and functions, ordering after DISTINCT/UNION, HAVING on aliases.

-- id: trial-json-object-bind-clock-defaults
-- category: writes.insert
-- order: unordered
-- binds: 'A-1'
-- note: finding 2: users has DEFAULT CURRENT_TIMESTAMP columns, pinned; the ? inside JSON_OBJECT must keep its binding
INSERT INTO users (family_id, email, username, display_name, bio) VALUES (4, 'json@example.com', 'json', 'Json', JSON_OBJECT('id', ?));

-- id: trial-json-array-bind-clock-defaults
-- category: writes.insert
-- order: unordered
-- binds: 'Json', 'A-2'
-- note: finding 2 with JSON_ARRAY
INSERT INTO users (family_id, email, username, display_name, bio) VALUES (4, 'json2@example.com', 'json2', ?, JSON_ARRAY(?));

-- id: trial-insert-select-clock-default
-- category: writes.insert
-- order: ordered
-- note: finding 10: the omitted created_at/updated_at are pinned in INSERT ... SELECT too
INSERT INTO users (family_id, email, username, display_name) SELECT family_id, CONCAT('copy-', email), CONCAT('copy-', username), display_name FROM users WHERE id IN (1, 2) ORDER BY id;

-- id: trial-json-object-bound-number
-- category: p1.json-construct
-- order: unordered
-- binds: 5, 'five', 2.5
-- note: finding 13: a bound number stays a JSON number, a bound string a JSON string
INSERT INTO activity_log (user_id, action, payload, created_at) VALUES (1, 'bind', JSON_OBJECT('n', ?, 's', ?, 'd', ?), '2024-03-05 10:00:00');

-- id: trial-json-array-of-binds
-- category: p1.json-construct
-- order: unordered
-- binds: 'red', 'blue', 7
-- note: finding 11: PostgreSQL types each bound element (42P18 before)
INSERT INTO activity_log (user_id, action, payload, created_at) VALUES (1, 'bind', JSON_ARRAY(?, ?, ?), '2024-03-05 10:00:00');

-- id: trial-json-extract-equals-number
-- category: p1.json-extract
-- order: ordered
-- note: finding 15: a JSON number equals a number (jsonb has no jsonb = integer operator)
SELECT id FROM activity_log WHERE JSON_EXTRACT(payload, '$.version') = 12 OR JSON_EXTRACT(payload, '$.points') = 10 ORDER BY id;

-- id: trial-json-extract-not-equals-number
-- category: p1.json-extract
-- order: ordered
SELECT id FROM activity_log WHERE JSON_EXTRACT(payload, '$.points') <> 10 ORDER BY id;

-- id: trial-json-extract-equals-bind
-- category: p1.json-extract
-- order: ordered
-- binds: 17.2
SELECT id FROM activity_log WHERE JSON_EXTRACT(payload, '$.version') = ? ORDER BY id;

-- id: trial-json-set
-- category: p1.json-extract
-- order: unordered
-- note: finding 16: replaces or adds a member; a path under a missing member or in an array is a no-op
UPDATE activity_log SET payload = JSON_SET(payload, '$.os', 'linux', '$.meta.streak', 4, '$.meta.best', 5) WHERE id IN (1, 3, 8);

-- id: trial-json-length
-- category: p1.json-extract
-- order: ordered
-- note: finding 16: members of an object, elements of an array, NULL for NULL or a missing path
SELECT id, JSON_LENGTH(payload) AS n, JSON_LENGTH(payload, '$.tags') AS t FROM activity_log ORDER BY id;

-- id: trial-json-contains-scalar
-- category: p1.json-extract
-- order: ordered
-- note: finding 16: MySQL finds a candidate inside nested arrays, PostgreSQL's @> does not; a scalar candidate is translated by walking the arrays (json-comparisons.sql)
SELECT id FROM activity_log WHERE JSON_CONTAINS(payload, '"kitchen"', '$.tags') ORDER BY id;

-- id: trial-distinct-order-ci
-- category: p1.case-insensitive
-- order: ordered
-- note: finding 21: ORDER BY lower(col) after SELECT DISTINCT needs a derived table on PostgreSQL
SELECT DISTINCT email FROM users WHERE id < 8 ORDER BY email;

-- id: trial-distinct-order-enum
-- category: general.query
-- order: ordered
SELECT DISTINCT role FROM users ORDER BY role DESC;

-- id: trial-union-order-ci
-- category: p1.case-insensitive
-- order: ordered
-- note: finding 23: PostgreSQL orders a UNION only by output columns
SELECT email FROM users WHERE id = 1 UNION ALL SELECT email FROM users WHERE id > 3 ORDER BY email;

-- id: trial-having-alias
-- category: general.query
-- order: ordered
-- note: finding 26: MySQL resolves select-list aliases in HAVING
SELECT family_id, COUNT(*) AS n, SUM(points) AS total FROM users GROUP BY family_id HAVING n > 1 AND total > 0 ORDER BY family_id;
