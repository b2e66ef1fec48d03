-- The function table's proofs (docs/functions.md, FunctionTableTest): operators and functions the
-- rewriter translates that no other entry runs. Each runs on MySQL/MariaDB as written and on
-- PostgreSQL translated, and the results are compared.

-- id: fn-op-arithmetic
-- category: functions
-- order: ordered
SELECT id, points + 1 AS a, points - 1 AS b, points * 2 AS c, points / 3 AS d, -points AS e, points % 7 AS f, points DIV 7 AS g, points MOD 7 AS h FROM users ORDER BY id;

-- id: fn-op-comparison
-- category: functions
-- order: ordered
SELECT id, points = 0 AS a, points <> 0 AS b, points != 75 AS c, points < 100 AS d, points <= 75 AS e, points > 100 AS f, points >= 75 AS g, bio <=> NULL AS h FROM users ORDER BY id;

-- id: fn-op-between
-- category: functions
-- order: ordered
SELECT id, points BETWEEN 50 AND 200 AS a, points NOT BETWEEN 50 AND 200 AS b FROM users ORDER BY id;

-- id: fn-op-is
-- category: functions
-- order: ordered
SELECT id, bio IS NULL AS a, bio IS NOT NULL AS b, (points > 100) IS TRUE AS c, (points > 100) IS NOT TRUE AS d FROM users ORDER BY id;

-- id: fn-op-exists
-- category: functions
-- order: ordered
SELECT id FROM families f WHERE EXISTS (SELECT 1 FROM users u WHERE u.family_id = f.id) AND NOT EXISTS (SELECT 1 FROM users u WHERE u.family_id = f.id AND u.points > 1000) ORDER BY id;

-- id: fn-op-logical
-- category: functions
-- order: ordered
SELECT id, (points > 100 AND is_admin = 1) AS a, (points > 100 OR is_admin = 1) AS b, NOT (points > 100) AS c, (points > 100 XOR is_admin = 1) AS d, (points > 100 && is_admin = 1) AS e, (points > 100 || is_admin = 1) AS f FROM users ORDER BY id;

-- id: fn-op-bits
-- category: functions
-- order: ordered
SELECT id, points & 6 AS a, points | 1 AS b, points ^ 3 AS c, points << 2 AS d, points >> 1 AS e FROM users ORDER BY id;

-- id: fn-op-like-regexp
-- category: functions
-- order: ordered
SELECT id, username LIKE 'a%' AS a, username NOT LIKE '%e%' AS b, username REGEXP '^[a-c]' AS c, username NOT REGEXP '^[a-c]' AS d, username RLIKE 'n$' AS e FROM users ORDER BY id;

-- id: fn-op-case
-- category: functions
-- order: ordered
SELECT id, CASE role WHEN 'parent' THEN 'P' WHEN 'child' THEN 'C' ELSE 'X' END AS r, CASE WHEN points > 100 THEN 'high' ELSE 'low' END AS l FROM users ORDER BY id;

-- id: fn-count-distinct
-- category: functions
-- order: unordered
SELECT COUNT(DISTINCT family_id) AS n, COUNT(DISTINCT role) AS r FROM users;

-- id: fn-math
-- category: functions
-- order: ordered
SELECT id, CEILING(balance) AS a, SIGN(points - 100) AS b, EXP(1) AS c, LN(10) AS d, PI() AS e FROM users ORDER BY id;

-- id: fn-string-case-trim-ascii
-- category: functions
-- order: ordered
SELECT id, UCASE(username) AS a, LCASE(display_name) AS b, LTRIM(CONCAT('  ', username)) AS c, RTRIM(CONCAT(username, '  ')) AS d, ASCII(username) AS e FROM users ORDER BY id;

-- id: fn-date-parts
-- category: functions
-- order: ordered
SELECT id, DAYOFMONTH(birth_date) AS a, QUARTER(birth_date) AS b, SECOND(last_login_at) AS c, EXTRACT(YEAR FROM birth_date) AS d, EXTRACT(MONTH FROM created_at) AS e, SUBDATE(birth_date, INTERVAL 1 DAY) AS f FROM users ORDER BY id;

-- id: fn-current-time-shape
-- category: functions
-- mode: shape
-- order: unordered
SELECT CURRENT_DATE() AS a, CURRENT_TIME() AS b, CURTIME() AS c, LOCALTIME() AS d, LOCALTIMESTAMP() AS e, UTC_DATE() AS f, UTC_TIME() AS g;

-- id: fn-window-ranking
-- category: functions
-- order: ordered
SELECT id, RANK() OVER (ORDER BY points) AS a, DENSE_RANK() OVER (ORDER BY family_id) AS b, PERCENT_RANK() OVER (ORDER BY points) AS c, CUME_DIST() OVER (ORDER BY points) AS d, NTILE(3) OVER (ORDER BY id) AS e FROM users ORDER BY id;

-- id: fn-window-values
-- category: functions
-- order: ordered
SELECT id, LAG(points) OVER (ORDER BY id) AS a, LEAD(points, 2) OVER (ORDER BY id) AS b, FIRST_VALUE(points) OVER (PARTITION BY family_id ORDER BY id) AS c, LAST_VALUE(points) OVER (PARTITION BY family_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS d FROM users ORDER BY id;

-- id: fn-regexp-like
-- category: functions
-- mode: expect
-- order: ordered
-- row: 1, 1, 0, 0
-- row: 2, 0, 0, 0
-- row: 3, 1, 0, 1
-- row: 4, 1, 0, 0
-- row: 5, 1, 0, 0
-- row: 6, 0, 0, 0
-- row: 7, 0, 0, 0
-- row: 8, 0, 0, 0
-- note: MariaDB 10.11 has no REGEXP_LIKE; the rows are MySQL 9.7's (username is utf8mb4_bin: case-sensitive; display_name case-insensitive)
SELECT id, REGEXP_LIKE(username, 'a') AS f, REGEXP_LIKE(username, '^c') AS g, REGEXP_LIKE(display_name, '^c') AS h FROM users ORDER BY id;
