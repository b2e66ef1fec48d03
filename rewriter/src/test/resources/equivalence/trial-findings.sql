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

-- id: trial27-addtime-of-date
-- category: functions
-- order: ordered
-- note: outside workload 7: ADDTIME/SUBTIME of a DATE column move its midnight and give a DATETIME (refused before)
SELECT a.id, ADDTIME(a.due_date, c.due_time) AS due_at, SUBTIME(a.due_date, c.due_time) AS before_due FROM assignments a JOIN chores c ON c.id = a.chore_id ORDER BY a.id;

-- id: trial27-format-locale
-- category: functions
-- order: ordered
-- note: outside workload 7: FORMAT's locale argument, for the locales whose separators MySQL 9.7.4 was checked to print (refused before)
SELECT id, FORMAT(reward * 1000, 2, 'de_DE') AS de, FORMAT(reward * 1000, 2, 'fr_FR') AS fr, FORMAT(reward * 1000, 1, 'de_CH') AS ch, FORMAT(reward * 1000, 0, 'sv_SE') AS sv, FORMAT(reward * 1000, 2, 'en_GB') AS gb, FORMAT(reward, 2, NULL) AS n FROM chores ORDER BY id;

-- id: trial27-recursive-date-anchor
-- category: general.query
-- order: ordered
-- note: outside workload 7: a recursive member's night + INTERVAL 1 DAY stays a DATE, as the anchor's column is (PostgreSQL refused the mix of date and timestamp before)
WITH RECURSIVE nights AS (SELECT a.id, a.due_date AS night, 1 AS k FROM assignments a WHERE a.id <= 3 UNION ALL SELECT id, night + INTERVAL 1 DAY, k + 1 FROM nights WHERE k < 3) SELECT id, night, DAYNAME(night) AS dn, night + INTERVAL 1 DAY AS next_night FROM nights ORDER BY id, night;

-- id: trial27-order-by-alias-expression
-- category: general.query
-- order: ordered
-- note: outside workload 7: ORDER BY an expression of select aliases (PostgreSQL takes an alias only bare: sorted over a derived table)
SELECT id, points AS p, family_id AS f FROM users ORDER BY p % 7 + f DESC, id;

-- id: trial27-rollup-order-by-alias-is-null
-- category: general.query
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 refuses ORDER BY with ROLLUP; the rows are MySQL 9.7.4's
-- row: 2024, 1, 1
-- row: 2024, 2, 6
-- row: 2024, 3, 9
-- row: 2024, NULL, 16
-- row: NULL, NULL, 16
SELECT YEAR(due_date) AS yr, MONTH(due_date) AS mon, COUNT(*) AS n FROM assignments GROUP BY YEAR(due_date), MONTH(due_date) WITH ROLLUP ORDER BY yr IS NULL, yr, mon IS NULL, mon;

-- id: review26-derived-alias-named-as-inner-column
-- category: p1.case-insensitive
-- order: ordered
-- note: review of session 26: a derived table's alias that names another column of its inner table lost its collation (the inner table leaked into the enclosing query's scope)
SELECT id, username FROM (SELECT id, display_name AS username FROM users) t WHERE username = 'ANNA MÜLLER' ORDER BY id;

-- id: review26-recursive-integer-anchor
-- category: general.query
-- order: ordered
-- note: review of session 26: typing the anchor's INT column printed v + 1 in bigint, which PostgreSQL refused against the anchor's integer
WITH RECURSIVE r AS (SELECT points AS v, 1 AS k FROM users WHERE id = 1 UNION ALL SELECT v + 1, k + 1 FROM r WHERE k < 3) SELECT v, k FROM r ORDER BY k;

-- id: review26-order-by-shadowing-alias-expression
-- category: general.query
-- order: ordered
-- note: review of session 26: inside an ORDER BY expression MySQL means the column, not the alias of the same name
SELECT id, -points AS points FROM users ORDER BY points + 0, id;

-- id: review26-greatest-binary-column
-- category: p1.case-insensitive
-- order: ordered
-- note: review of session 26: a _bin column among GREATEST's arguments makes MySQL compare as binary
SELECT id, GREATEST(display_name, username) AS g, LEAST(display_name, username) AS l FROM users ORDER BY id;

-- id: trial28-sec-to-time-of-integer-expressions
-- category: functions
-- order: unordered
-- note: outside workload 8: SEC_TO_TIME of SUM, of ROUND(AVG(...)) and of FLOOR of a DECIMAL sum (integer-valued: MySQL prints no fraction) was refused
SELECT SEC_TO_TIME(SUM(points) * 60) AS a, SEC_TO_TIME(ROUND(AVG(points * 60))) AS b, SEC_TO_TIME(FLOOR(SUM(reward) * 100)) AS c, FORMAT(AVG(points), 3) AS d FROM chores;

-- id: trial28-sec-to-time-of-time-to-sec
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(TIME_TO_SEC(due_time) * 2) AS doubled, SEC_TO_TIME(TIME_TO_SEC(due_time) - 3600) AS earlier FROM chores WHERE due_time BETWEEN '01:00:00' AND '11:59:59' ORDER BY id;

-- id: trial28-repeat-count
-- category: functions
-- order: ordered
-- note: outside workload 8: REPEAT with a bigint count (COUNT(*)) found no PostgreSQL function
SELECT chore_id, REPEAT('*', COUNT(*)) AS histogram, REPEAT('ab', COUNT(*) - 2) AS r FROM assignments GROUP BY chore_id ORDER BY chore_id;

-- id: trial28-substring-computed-start
-- category: functions
-- order: ordered
-- note: outside workload 8: SUBSTRING from a computed position (refused before); negative and zero positions as MySQL
SELECT id, SUBSTRING(email, LOCATE('@', email) + 1) AS domain, SUBSTRING(email, LOCATE('.', email) - 20) AS neg, SUBSTRING(email, LOCATE('z', email), 3) AS zero_or_z FROM users ORDER BY id;

-- id: trial28-regexp-like-match-type
-- category: p1.regexp
-- mode: expect
-- order: ordered
-- note: outside workload 8: REGEXP_LIKE's third argument, 'c' (case-sensitive) and 'i', the rightmost winning; MariaDB 10.11 has no REGEXP_LIKE, the rows are MySQL 9.7.4's
-- row: 1, 0, 1, 1
-- row: 2, 0, 1, 1
-- row: 3, 0, 1, 0
-- row: 4, 0, 1, 0
-- row: 5, 0, 1, 0
-- row: 6, 0, 0, 0
-- row: 7, 0, 0, 0
-- row: 8, 0, 1, 0
SELECT id, REGEXP_LIKE(display_name, 'anna', 'c') AS cs, REGEXP_LIKE(display_name, '^[A-Z]', 'i') AS any_first, REGEXP_LIKE(display_name, 'müller', 'ci') AS ci FROM users ORDER BY id;

-- id: trial28-rollup-grouping-alias
-- category: general.query
-- mode: expect
-- order: ordered
-- note: outside workload 8: GROUPING(yr) of a select alias in ORDER BY (PostgreSQL takes the grouping expression only); MariaDB 10.11 refuses ORDER BY with ROLLUP, the rows are MySQL 9.7.4's
-- row: 2024, 1, 1
-- row: 2024, 2, 6
-- row: 2024, 3, 9
-- row: 2024, NULL, 16
-- row: NULL, NULL, 16
SELECT YEAR(due_date) AS yr, MONTH(due_date) AS mon, COUNT(*) AS n FROM assignments GROUP BY YEAR(due_date), MONTH(due_date) WITH ROLLUP ORDER BY GROUPING(yr), yr, GROUPING(mon), mon;

-- id: review26b-greatest-two-collations-order
-- category: p1.case-insensitive
-- order: ordered
-- note: second review of session 26: GREATEST of columns of two collations is compared, sorted and grouped as binary in MySQL
SELECT id, GREATEST(display_name, email) AS g FROM users ORDER BY g, id;

-- id: review26b-substring-lengths
-- category: functions
-- order: ordered
-- note: second review of session 26: a bigint length found no substr(text, integer, bigint); a NULL length gave '' for MySQL's NULL
SELECT id, SUBSTRING(email, LOCATE('@', email) - 2, CAST(id AS SIGNED)) AS a, SUBSTRING(email, 2, NULLIF(id, id)) AS b, SUBSTRING(email, -3, CAST(id AS SIGNED) - 4) AS c FROM users ORDER BY id;
