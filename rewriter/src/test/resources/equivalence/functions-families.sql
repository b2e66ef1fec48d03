-- Translations added family by family (issue 16): hashing through pgcrypto, dates, strings,
-- WITH ROLLUP/GROUPING, set operations, recursive CTEs, TABLE, LATERAL. Each runs on MySQL/MariaDB as
-- written and on PostgreSQL translated (expect mode where MariaDB lacks the syntax).

-- id: fn-sha1-pgcrypto
-- category: functions
-- order: ordered
-- mysqlerror: SHA1 does not exist
-- note: translated through pgcrypto's digest(), which the runner installs on PostgreSQL; MySQL 9.7 has no SHA1 (8.4 has), MariaDB runs it
SELECT id, SHA1(email) AS a, SHA(username) AS b, SHA1(NULL) AS c, SHA1('') AS d, SHA1(CONCAT(display_name, id)) AS e FROM users ORDER BY id;

-- id: fn-timestampadd
-- category: functions
-- order: ordered
-- note: TIMESTAMPADD is DATE_ADD with the unit first: a DATE plus days stays a DATE
SELECT id, TIMESTAMPADD(DAY, 10, birth_date) AS a, TIMESTAMPADD(HOUR, 5, birth_date) AS b, TIMESTAMPADD(MONTH, 1, birth_date) AS c, TIMESTAMPADD(MINUTE, points, last_login_at) AS d, TIMESTAMPADD(SQL_TSI_WEEK, 1, birth_date) AS e, TIMESTAMPADD(SECOND, -30, created_at) AS f FROM users ORDER BY id;

-- id: fn-string-space-elt-base64
-- category: functions
-- order: ordered
SELECT id, CONCAT('[', SPACE(id), ']') AS a, ELT(id, 'one', 'two', 'three') AS b, TO_BASE64(display_name) AS c, TO_BASE64(REPEAT(username, 20)) AS d, ELT(0, 'x') AS e, SPACE(0) AS f FROM users ORDER BY id;

-- id: fn-rollup
-- category: functions
-- order: unordered
-- note: GROUP BY ... WITH ROLLUP is GROUP BY ROLLUP (...): the subtotal rows have NULL in the rolled-up columns
SELECT family_id, is_admin, COUNT(*) AS n, SUM(points) AS p FROM users GROUP BY family_id, is_admin WITH ROLLUP;

-- id: fn-rollup-case-insensitive-column
-- category: functions
-- order: unordered
-- note: a _ci column is grouped by lower(col) on PostgreSQL and shown as a value of its group; NULL in the subtotal rows
SELECT email, family_id, COUNT(*) AS n, SUM(points) AS p FROM users GROUP BY family_id, email WITH ROLLUP;

-- id: fn-rollup-grouping-case-insensitive-column
-- category: functions
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 has no GROUPING(); the rows are MySQL 9.7.4's. GROUPING of a _ci column names the lower(col) PostgreSQL groups by
-- row: NULL, NULL, 8, 1, 1, 3
-- row: NULL, 1, 4, 1, 0, 1
-- row: 'anna.mueller@example.com', 1, 1, 0, 0, 0
-- row: 'Ben.Mueller@Example.com', 1, 1, 0, 0, 0
-- row: 'clara@example.com', 1, 1, 0, 0, 0
-- row: 'guest@example.com', 1, 1, 0, 0, 0
-- row: NULL, 2, 2, 1, 0, 1
-- row: 'niamh@example.ie', 2, 1, 0, 0, 0
-- row: 'sean.obrien@example.ie', 2, 1, 0, 0, 0
-- row: NULL, 3, 2, 1, 0, 1
-- row: 'lei@example.cn', 3, 1, 0, 0, 0
-- row: 'meimei@example.cn', 3, 1, 0, 0, 0
SELECT email, family_id, COUNT(*) AS n, GROUPING(email) AS ge, GROUPING(family_id) AS gf, GROUPING(family_id, email) AS g2 FROM users GROUP BY family_id, email WITH ROLLUP;

-- id: fn-rollup-grouping
-- category: functions
-- mode: expect
-- order: ordered
-- row: NULL, NULL, 8, 1310, 1, 1, 3
-- row: 1, NULL, 4, 460, 0, 1, 1
-- row: 1, 0, 3, 340, 0, 0, 0
-- row: 1, 1, 1, 120, 0, 0, 0
-- row: 2, NULL, 2, 90, 0, 1, 1
-- row: 2, 0, 1, 15, 0, 0, 0
-- row: 2, 1, 1, 75, 0, 0, 0
-- row: 3, NULL, 2, 760, 0, 1, 1
-- row: 3, 0, 2, 760, 0, 0, 0
-- note: MariaDB 10.11 has no GROUPING() and no ORDER BY with ROLLUP; the rows are MySQL 9.7's
SELECT family_id, is_admin, COUNT(*) AS n, SUM(points) AS p, GROUPING(family_id) AS gf, GROUPING(is_admin) AS ga, GROUPING(family_id, is_admin) AS g2 FROM users GROUP BY family_id, is_admin WITH ROLLUP ORDER BY family_id, is_admin;

-- id: fn-rollup-order-by-enum
-- category: functions
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 refuses ORDER BY with ROLLUP; the rows are MySQL 9.7.4's. Under WITH ROLLUP MySQL sorts an ENUM group column as text under its collation, not in declaration order (found by outside workload trial25)
-- row: 'child', 4
-- row: 'guest', 1
-- row: 'parent', 3
-- row: NULL, 8
SELECT role, COUNT(*) AS n FROM users GROUP BY role WITH ROLLUP ORDER BY GROUPING(role), role;

-- id: fn-date-microsecond-todays-week
-- category: functions
-- order: ordered
SELECT id, MICROSECOND(last_login_at) AS a, TO_DAYS(birth_date) AS b, TO_DAYS(created_at) AS c, WEEKOFYEAR(birth_date) AS d, WEEKOFYEAR(created_at) AS e FROM users ORDER BY id;

-- id: fn-date-microsecond-todays-week-literals
-- category: functions
-- order: unordered
SELECT MICROSECOND('2024-01-02 03:04:05.123456') AS a, TO_DAYS('2024-01-02 23:59:59') AS b, WEEKOFYEAR('2021-01-03') AS c, WEEKOFYEAR(DATE '2024-12-30') AS d, MICROSECOND(TIME '10:00:01.5') AS e;

-- id: fn-intersect-except
-- category: functions
-- order: unordered
SELECT family_id FROM users INTERSECT SELECT id FROM families EXCEPT SELECT 3;

-- id: fn-recursive-cte
-- category: functions
-- order: ordered
WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT n, n * n AS sq FROM c ORDER BY n;

-- id: fn-recursive-cte-path
-- category: functions
-- order: ordered
-- note: the path idiom: CAST(... AS CHAR(n)) in the anchor, CONCAT in the recursive part (outside trial, session 11: PostgreSQL refused varchar(n) against text)
WITH RECURSIVE tree AS (SELECT id, CAST(name AS CHAR(60)) AS path, 1 AS depth FROM families WHERE id = 1 UNION ALL SELECT t.id + 1, CONCAT(t.path, ' > ', f.name), t.depth + 1 FROM tree t JOIN families f ON f.id = t.id + 1 WHERE t.depth < 3) SELECT id, path, depth FROM tree ORDER BY id;

-- id: fn-recursive-cte-date-series
-- category: functions
-- order: ordered
-- note: a DATE column of a recursive CTE plus an INTERVAL stays a DATE: MySQL types the CTE's columns by its first member (session 16's workload: PostgreSQL failed, recursive query column is date in the non-recursive term but timestamp overall)
WITH RECURSIVE d (day) AS (SELECT DATE '2024-01-30' UNION ALL SELECT day + INTERVAL 1 DAY FROM d WHERE day < '2024-02-02') SELECT day FROM d ORDER BY day;

-- id: fn-recursive-cte-date-add-month
-- category: functions
-- order: ordered
WITH RECURSIVE m AS (SELECT CAST('2024-01-31' AS DATE) AS month_end, 1 AS k UNION ALL SELECT DATE_ADD(month_end, INTERVAL 1 MONTH), k + 1 FROM m WHERE k < 4) SELECT k, month_end, DATE_FORMAT(month_end, '%Y-%m') AS ym FROM m ORDER BY k;

-- id: fn-cast-char-length
-- category: p1.cast
-- order: ordered
SELECT id, CAST(display_name AS CHAR(3)) AS a, CAST(points AS CHAR(2)) AS b, CONVERT(email, CHAR(5)) AS c FROM users ORDER BY id;

-- id: fn-table-statement
-- category: functions
-- mode: expect
-- order: unordered
-- row: 2, date'2024-03-01', 1, 10
-- row: 2, date'2024-03-02', 1, 10
-- row: 3, date'2024-03-02', 1, 12
-- row: 5, date'2024-03-01', 1, 0
-- note: TABLE t is MySQL 8.0.19 syntax MariaDB lacks; the rows are MySQL 9.7's
TABLE daily_stats;

-- id: fn-lateral
-- category: functions
-- mode: expect
-- order: ordered
-- row: 1, 4, 340
-- row: 2, 2, 75
-- row: 3, 2, 500
-- row: 4, 0, NULL
-- note: LATERAL is MySQL 8.0.14 syntax MariaDB lacks; the rows are MySQL 9.7's
SELECT f.id, d.n, d.m FROM families f, LATERAL (SELECT COUNT(*) AS n, MAX(u.points) AS m FROM users u WHERE u.family_id = f.id) AS d ORDER BY f.id;

-- id: fn-bit-aggregates
-- category: functions
-- order: ordered
SELECT family_id, BIT_AND(points) AS a, BIT_OR(points) AS b, BIT_XOR(points) AS c FROM users GROUP BY family_id ORDER BY family_id;

-- id: fn-bit-aggregates-negative
-- category: functions
-- order: unordered
-- note: MySQL returns BIGINT UNSIGNED: a negative result is 2^64 + v
SELECT BIT_AND(int_s) AS a, BIT_OR(int_s) AS b, BIT_XOR(int_s) AS c, BIT_OR(big_s) AS d FROM numeric_edges;

-- id: fn-bit-aggregates-no-rows
-- category: functions
-- order: unordered
-- note: over no rows BIT_AND is all ones, BIT_OR and BIT_XOR 0
SELECT BIT_AND(points) AS a, BIT_OR(points) AS b, BIT_XOR(points) AS c FROM users WHERE id < 0;

-- id: fn-member-of-literals
-- category: functions
-- mode: expect
-- order: unordered
-- row: 1, 0, 1, 1, 0, 1, NULL, NULL, 1, 0
-- note: MEMBER OF is MySQL 8.0.17 syntax MariaDB lacks; the rows are MySQL 9.7's: a string is never a number, a scalar document is a one-element array, NULL gives NULL
SELECT 2 MEMBER OF('[1, 2]') AS a, '2' MEMBER OF('[1, 2]') AS b, 'x' MEMBER OF('["x", "y"]') AS c, 1 MEMBER OF('1') AS d, 3 MEMBER OF('[1, [3]]') AS e, 2.0 MEMBER OF('[1, 2]') AS f, NULL MEMBER OF('[1]') AS g, 1 MEMBER OF(NULL) AS h, 'x' MEMBER OF('"x"') AS i, 1 MEMBER OF('[true]') AS j;

-- id: fn-member-of-path
-- category: functions
-- mode: expect
-- order: ordered
-- row: 1, NULL, NULL
-- row: 2, 0, 1
-- row: 3, 0, 0
-- row: 4, NULL, NULL
-- row: 5, NULL, NULL
-- row: 6, NULL, NULL
-- row: 7, NULL, NULL
-- row: 8, NULL, NULL
-- note: MEMBER OF is MySQL 8.0.17 syntax MariaDB lacks; the rows are MySQL 9.7's (a missing path is NULL)
SELECT id, 'phone' MEMBER OF(payload->'$.tags') AS t, 'daily' MEMBER OF(payload->'$.tags') AS u FROM activity_log ORDER BY id;

-- id: fn-member-of-true-refused
-- category: functions
-- mode: refuse
-- refuse: unsupported-syntax:member-of
-- note: MySQL reads TRUE as JSON true here (TRUE MEMBER OF('[1]') is 0), the rewriter as 1
SELECT TRUE MEMBER OF('[1]') AS k;
