-- Everyday queries over the fixture: joins, sub-queries, windows, ENUM and TINYINT(1) semantics, edge numbers.

-- id: gen-join-aggregate-having
-- category: general.query
-- order: ordered
SELECT f.name, COUNT(u.id) AS members FROM families f LEFT JOIN users u ON u.family_id = f.id GROUP BY f.id, f.name HAVING COUNT(u.id) >= 0 ORDER BY f.id;

-- id: gen-exists
-- category: general.query
-- order: ordered
SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.user_id = u.id AND a.status = 'done') ORDER BY id;

-- id: gen-not-in-subquery
-- category: general.query
-- order: ordered
SELECT id FROM chores WHERE id NOT IN (SELECT chore_id FROM assignments WHERE status = 'done') ORDER BY id;

-- id: gen-union
-- category: general.query
-- mysqlerror: Illegal mix of collations
-- note: users.email is utf8mb4_general_ci, families.name the server default: the same on MariaDB 10.11, utf8mb4_0900_ai_ci on MySQL 8+, which refuses the UNION
-- order: unordered
SELECT email AS x FROM users WHERE id < 3 UNION SELECT name FROM families WHERE id < 3;

-- id: gen-cte
-- category: general.query
-- order: ordered
WITH done AS (SELECT user_id, COUNT(*) AS n FROM assignments WHERE status = 'done' GROUP BY user_id) SELECT u.display_name, d.n FROM users u JOIN done d ON d.user_id = u.id ORDER BY u.id;

-- id: gen-case-when
-- category: general.query
-- order: ordered
SELECT id, CASE WHEN points >= 40 THEN 'L' WHEN points >= 15 THEN 'M' ELSE 'S' END AS size FROM chores ORDER BY id;

-- id: gen-between-dates
-- category: general.query
-- order: ordered
SELECT id FROM assignments WHERE due_date BETWEEN '2024-03-01' AND '2024-03-03' ORDER BY id;

-- id: gen-count-distinct
-- category: general.query
-- order: unordered
SELECT COUNT(DISTINCT user_id) AS users, COUNT(rating) AS rated, COUNT(*) AS total FROM assignments;

-- id: gen-count-distinct-several
-- category: general.query
-- order: unordered
-- note: MySQL counts the distinct combinations without a NULL among them (birth_date and rating are NULL in some rows); display_name is case-insensitive (was refused: count takes one argument in PostgreSQL)
SELECT COUNT(DISTINCT family_id, role) AS a, COUNT(DISTINCT family_id, birth_date) AS b, COUNT(DISTINCT role, LOWER(display_name), is_admin) AS c, COUNT(DISTINCT family_id, display_name) AS d FROM users;

-- id: gen-count-distinct-several-grouped
-- category: general.query
-- order: unordered
SELECT user_id, COUNT(DISTINCT status, rating) AS n FROM assignments GROUP BY user_id;

-- id: gen-window-running-sum
-- category: general.query
-- order: ordered
SELECT id, user_id, SUM(rating) OVER (PARTITION BY user_id ORDER BY id) AS running FROM assignments ORDER BY id;

-- id: gen-enum-order
-- category: general.query
-- order: ordered
-- note: an ENUM sorts by its declaration order (open, done, skipped), not alphabetically
SELECT id, status FROM assignments ORDER BY status, id;

-- id: gen-enum-order-desc
-- category: general.query
-- order: ordered
SELECT id, frequency FROM chores ORDER BY frequency DESC, id;

-- id: gen-enum-compare-index
-- category: general.query
-- order: ordered
-- note: ENUM comparison with a string compares as strings in MySQL
SELECT id FROM chores WHERE frequency > 'daily' ORDER BY id;

-- id: gen-string-number-compare
-- category: general.query
-- order: unordered
SELECT id FROM users WHERE points = '340';

-- id: gen-boolean-expression-value
-- category: general.query
-- order: ordered
SELECT id, points > 100 AS many, is_admin = 1 AS admin FROM users ORDER BY id;

-- id: gen-true-false-literals
-- category: general.query
-- order: unordered
SELECT TRUE AS t, FALSE AS f, TRUE + 1 AS two;

-- id: gen-where-tinyint-true
-- category: general.query
-- order: ordered
SELECT id FROM users WHERE is_active = TRUE ORDER BY id;

-- id: gen-where-tinyint-bare
-- category: general.query
-- order: ordered
SELECT id FROM users WHERE is_admin ORDER BY id;

-- id: gen-where-not-tinyint
-- category: general.query
-- order: ordered
SELECT id FROM users WHERE NOT is_active ORDER BY id;

-- id: gen-sum-tinyint
-- category: general.query
-- order: unordered
SELECT SUM(is_active) AS active, SUM(is_admin) AS admins FROM users;

-- id: gen-upper-lower-trim
-- category: general.query
-- order: ordered
SELECT UPPER(username) AS u, LOWER(display_name) AS l, TRIM('  x  ') AS t FROM users ORDER BY id;

-- id: gen-upper-lower-beyond-ascii
-- category: general.query
-- order: ordered
-- note: MySQL changes the case of every letter ('Müller' to 'MÜLLER', 'Ü' to 'ü'); the test PostgreSQL's lc_ctype is C, whose upper() changes ASCII only: run under C.utf8 (found by outside workloads trial24b and trial25)
SELECT id, UPPER(display_name) AS u, LOWER(UPPER(display_name)) AS l, LCASE(bio) AS b, UPPER(bio) = 'ÜNÏCÖDÉ BIO ✓' AS e FROM users ORDER BY id;

-- id: gen-upper-lower-against-binary-column
-- category: general.query
-- order: ordered
-- note: a _ci expression against a _bin column compares by code point: COLLATE "C" on both operands, as UPPER/LOWER's result carries a collation of its own (review, session 25: PostgreSQL refused the mix)
SELECT id, LOWER(email) = username AS a, UPPER(display_name) <> username AS b, STRCMP(LOWER(display_name), 'clara') AS c FROM users ORDER BY id;

-- id: gen-upper-beyond-ascii-update
-- category: writes.update
-- order: unordered
UPDATE users SET display_name = UPPER(display_name), bio = LOWER(bio) WHERE id IN (1, 3, 4);

-- id: gen-replace-reverse-repeat
-- category: general.query
-- order: unordered
SELECT REPLACE(title, ' ', '_') AS r, REVERSE(username) AS v, REPEAT('ab', 2) AS p FROM chores, users WHERE chores.id = 1 AND users.id = 1;

-- id: gen-left-right-substring
-- category: general.query
-- order: ordered
SELECT LEFT(display_name, 3) AS l, RIGHT(display_name, 2) AS r, SUBSTRING(display_name, 2, 3) AS s, SUBSTRING(display_name, -3) AS t FROM users ORDER BY id;

-- id: gen-substring-negative-and-zero
-- category: general.query
-- order: unordered
SELECT SUBSTRING('abc', -5) AS a, MID('abcdef', -4, 2) AS b, SUBSTRING('abc', 0) AS c, SUBSTR(NULL, -1) AS d, SUBSTRING('abcdef', -3, -1) AS e, SUBSTRING('héllo', -4, 2) AS f;

-- id: gen-round-double-half-even
-- category: general.query
-- order: ordered
-- note: MySQL rounds a DOUBLE as rint(x * 10^d) / 10^d (2.25 -> 2.2, 0.5 -> 0), not like DECIMAL
SELECT id, ROUND(dbl_v) AS r0, ROUND(dbl_v, 1) AS r1, ROUND(2.25e0, 1) AS tie, ROUND(0.5e0) AS half, ROUND(-2.5e0) AS neg FROM numeric_edges WHERE dbl_v IS NOT NULL ORDER BY id;

-- id: gen-round-double-expression
-- category: general.query
-- order: ordered
-- note: arithmetic with a DOUBLE operand is a DOUBLE in MySQL: 0.1 + 2.15 rounds half to even
SELECT id, ROUND(dbl_v * 10, 1) AS a, ROUND(dbl_v / 4, 2) AS b, ROUND(dbl_v + 2.15, 1) AS c, ROUND(ABS(dbl_v) + 0.15, 1) AS d, (dbl_v * 2) / 3 AS e FROM numeric_edges WHERE id IN (3, 4, 6) ORDER BY id;

-- id: gen-round-truncate
-- category: general.query
-- order: unordered
SELECT ROUND(2.5) AS a, ROUND(-2.5) AS b, ROUND(1.005, 2) AS c, TRUNCATE(3.14159, 2) AS d, TRUNCATE(-3.9, 0) AS e;

-- id: gen-ceil-floor-abs
-- category: general.query
-- order: ordered
SELECT id, CEIL(balance) AS c, FLOOR(balance) AS f, ABS(balance) AS a FROM users ORDER BY id;

-- id: gen-pow-sqrt
-- category: general.query
-- order: unordered
SELECT POW(2, 10) AS p, SQRT(16) AS s, POWER(2, 0.5) AS r;

-- id: gen-date-parts
-- category: general.query
-- order: ordered
SELECT id, YEAR(created_at) AS y, MONTH(created_at) AS m, DAY(created_at) AS d, HOUR(created_at) AS h, MINUTE(created_at) AS mi FROM chores ORDER BY id;

-- id: gen-weekday-functions
-- category: general.query
-- order: unordered
SELECT DAYOFWEEK(CAST('2024-03-05' AS DATE)) AS dow, WEEKDAY(CAST('2024-03-05' AS DATE)) AS wd, DAYNAME(CAST('2024-03-05' AS DATE)) AS dn, MONTHNAME(CAST('2024-03-05' AS DATE)) AS mn, DAYOFYEAR(CAST('2024-03-05' AS DATE)) AS doy;

-- id: gen-last-day
-- category: general.query
-- order: unordered
SELECT LAST_DAY(CAST('2024-02-10' AS DATE)) AS a, LAST_DAY(CAST('2023-02-10 10:00:00' AS DATETIME)) AS b;

-- id: gen-date-of-datetime
-- category: general.query
-- order: ordered
SELECT id, DATE(completed_at) AS d, TIME(completed_at) AS t FROM assignments ORDER BY id;

-- id: gen-time-column
-- category: general.query
-- order: ordered
SELECT id, due_time FROM chores ORDER BY id;

-- id: gen-nullif-coalesce
-- category: general.query
-- order: ordered
SELECT NULLIF(points, 0) AS n, COALESCE(reward, points, 0) AS c FROM chores ORDER BY id;

-- id: gen-numeric-edges
-- category: general.query
-- order: ordered
SELECT * FROM numeric_edges ORDER BY id;

-- id: gen-unsigned-edges
-- category: general.query
-- order: ordered
SELECT * FROM unsigned_edges ORDER BY id;

-- id: gen-unsigned-arithmetic
-- category: general.query
-- order: unordered
SELECT big_u - 1 AS x FROM unsigned_edges WHERE id = 1;

-- id: gen-bigint-edges-arith
-- category: general.query
-- order: ordered
SELECT big_s DIV 2 AS h, int_s + 1 AS i FROM numeric_edges WHERE id IN (1, 2, 3) ORDER BY id;

-- id: gen-bigint-edges-division
-- category: general.query
-- order: ordered
-- note: MySQL divides exactly to the dividend's scale + 4; PostgreSQL's default division keeps 16 significant digits
SELECT id, big_s / 2 AS h, big_s / 3 AS t, dec_v / 7 AS d FROM numeric_edges WHERE id IN (1, 2, 4) ORDER BY id;

-- id: gen-bigint-edges-avg
-- category: general.query
-- order: unordered
SELECT AVG(big_s) AS a, AVG(dec_v) AS d FROM numeric_edges WHERE id IN (2, 3);

-- id: gen-with-date-column-arith
-- category: general.query
-- order: ordered
-- note: a WITH query's DATE column plus a DAY/MONTH interval stays a DATE
WITH d AS (SELECT id, birth_date, CAST('2024-01-31' AS DATE) AS fixed FROM users) SELECT id, birth_date + INTERVAL 1 MONTH AS m, DATE_ADD(fixed, INTERVAL id DAY) AS f FROM d ORDER BY id;

-- id: gen-int-arith-is-bigint
-- category: general.query
-- order: ordered
-- note: MySQL computes INT and SMALLINT arithmetic in BIGINT
SELECT id, int_s * 2 AS d, -int_s AS n, small_s - 1 AS s, tiny_s + tiny_s AS t FROM numeric_edges WHERE id IN (1, 2, 4) ORDER BY id;

-- id: gen-double-sum
-- category: general.query
-- order: unordered
SELECT SUM(dbl_v) AS s FROM numeric_edges WHERE id IN (3, 4, 6);

-- id: gen-utf8-like
-- category: general.query
-- order: ordered
SELECT id FROM chores WHERE title LIKE '%房%' ORDER BY id;

-- id: gen-datetime6-column
-- category: general.query
-- order: ordered
SELECT id, last_login_at FROM users ORDER BY id;

-- id: gen-datetime3-filter
-- category: general.query
-- order: ordered
SELECT id FROM activity_log WHERE created_at >= '2024-03-01 19:45:01' ORDER BY id;

-- id: gen-timestamp-column
-- category: general.query
-- order: ordered
SELECT id, created_at, updated_at FROM users ORDER BY id;

-- id: gen-in-binds
-- category: general.query
-- order: ordered
-- binds: 2, 4, 99
SELECT id FROM users WHERE id IN (?, ?, ?) ORDER BY id;

-- id: gen-like-bind
-- category: general.query
-- order: ordered
-- binds: '%a%'
SELECT id FROM chores WHERE title LIKE ? ORDER BY id;

-- id: gen-timestamp-bind
-- category: general.query
-- order: ordered
-- binds: ts'2024-03-01 12:00:00'
SELECT id FROM assignments WHERE completed_at > ? ORDER BY id;

-- id: gen-derived-group
-- category: general.query
-- order: ordered
SELECT t.user_id, t.n FROM (SELECT user_id, COUNT(*) AS n FROM assignments GROUP BY user_id) t WHERE t.n > 1 ORDER BY t.user_id;

-- id: gen-self-join-parents
-- category: general.query
-- order: ordered
SELECT c.display_name AS child, p.display_name AS parent FROM users c JOIN users p ON p.family_id = c.family_id AND p.role = 'parent' WHERE c.role = 'child' ORDER BY c.id, p.id;

-- id: gen-scalar-subquery
-- category: general.query
-- order: ordered
SELECT id, (SELECT COUNT(*) FROM assignments a WHERE a.chore_id = c.id) AS n FROM chores c ORDER BY id;

-- id: gen-empty-string-vs-null
-- category: general.query
-- order: ordered
SELECT chores.id, description = '' AS empty_desc, bio IS NULL AS no_bio FROM chores JOIN users ON users.id = chores.id ORDER BY chores.id;

-- id: gen-group-by-dependent-through-nested-joins
-- category: general.query
-- mode: expect
-- order: ordered
-- row: 'anna', 'Müller', 1, NULL
-- row: 'ben', 'Müller', 4, 17
-- row: 'Clara', 'Müller', 4, 4
-- row: 'sean', 'O''Brien', 1, 1
-- row: 'niamh', 'O''Brien', 3, 7
-- row: 'MeiMei', '李', 3, 9
-- note: MySQL 8+ accepts it under ONLY_FULL_GROUP_BY: u.username and f.name are determined by a.user_id through the join equalities and the primary keys (MariaDB does not follow them and rejects it, so only PostgreSQL runs it; the rows are the fixture's). The joins are nested in parentheses as SHOW CREATE VIEW prints them; the translation adds the determined columns to the GROUP BY
SELECT u.username, f.name AS family, COUNT(*) AS n, SUM(a.rating) AS r FROM ((assignments a JOIN users u ON u.id = a.user_id) JOIN families f ON f.id = u.family_id) GROUP BY a.user_id ORDER BY a.user_id;

-- id: gen-group-by-dependent-on-unique-not-null-key
-- category: general.query
-- mode: expect
-- order: ordered
-- row: 'anna.mueller@example.com', 'Anna Müller', 1
-- row: 'Ben.Mueller@Example.com', 'Ben Müller', 4
-- row: 'clara@example.com', 'Clara 🚀', 4
-- row: 'meimei@example.cn', '韩梅梅', 3
-- row: 'niamh@example.ie', 'Niamh', 3
-- row: 'sean.obrien@example.ie', 'Seán O''Brien', 1
-- note: users.email is a unique key over a NOT NULL case-insensitive column, so MySQL 8+ accepts display_name under ONLY_FULL_GROUP_BY (MariaDB rejects it; the rows are the fixture's); grouped by lower(email) on PostgreSQL, display_name is added to the GROUP BY
SELECT u.email, u.display_name, COUNT(a.id) AS n FROM users u JOIN assignments a ON a.user_id = u.id GROUP BY u.email ORDER BY u.email;

-- id: order-by-alias-of-case-insensitive-text
-- category: p1.case-insensitive
-- order: ordered
-- note: found by an outside workload (session 16): MySQL resolves an ORDER BY name to the select-list alias first, and sorts it with the aliased text's collation (here utf8mb4_general_ci: Ben after anna)
SELECT id, email AS e, SUBSTRING_INDEX(email, '@', -1) AS dom FROM users ORDER BY e, id;

-- id: order-by-alias-of-case-insensitive-expression
-- category: p1.case-insensitive
-- order: ordered
SELECT id, SUBSTRING_INDEX(email, '@', -1) AS dom FROM users ORDER BY dom DESC, id;

-- id: convert-using-ascii-latin1
-- category: general.query
-- order: ordered
-- note: found by an outside workload: MySQL replaces each character the target charset cannot hold by one '?' (a character outside the BMP too); latin1 is Windows-1252 there ('€', 'Œ' kept, 'Ā' not); JSqlParser 5.3 cannot parse CONVERT(f(...) USING cs) (a parse-error)
SELECT id, CONVERT(display_name USING ascii) AS a, CONVERT(bio USING latin1) AS b, CONVERT(points USING ascii) AS c, CONVERT('€Œ…ƒ ĀЖ' USING latin1) AS d FROM users ORDER BY id;

-- id: convert-using-ascii-compared
-- category: p1.case-insensitive
-- order: ordered
-- note: the result's collation is ascii_general_ci: it compares case-insensitively even from a utf8mb4_bin column
SELECT id, CONVERT(username USING ascii) = 'CLARA' AS a, CONVERT(display_name USING ascii) LIKE 'anna m_ller%' AS b FROM users WHERE CONVERT(username USING ascii) <> 'MEIMEI' ORDER BY id;

-- id: collate-utf8mb4-bin-order
-- category: p1.case-insensitive
-- order: ordered
-- note: found by an outside workload: ORDER BY x COLLATE utf8mb4_bin sorts by code point (upper case before lower case, 'é' after 'z', CJK after Latin), a _ci column too; PostgreSQL's COLLATE "C" on UTF-8 is the same order
SELECT id, display_name FROM users ORDER BY display_name COLLATE utf8mb4_bin DESC, email COLLATE utf8mb4_bin, id;

-- id: collate-utf8mb4-bin-compare
-- category: p1.case-insensitive
-- order: ordered
-- note: the explicit collation outranks the _ci column's: case counts; utf8mb4_bin is PAD SPACE, so trailing spaces do not (MySQL 9.7.4: 'a ' = 'a' COLLATE utf8mb4_bin is 1), but LIKE does not pad
SELECT id, email COLLATE utf8mb4_bin = 'ben.mueller@example.com' AS a, email = 'Ben.Mueller@Example.com  ' COLLATE utf8mb4_bin AS b, username COLLATE utf8mb4_bin < 'a' AS c, display_name COLLATE utf8mb4_bin >= 'Seán' AS d, email COLLATE utf8mb4_bin LIKE 'ben%' AS e, CONCAT(username, ' ') COLLATE utf8mb4_bin LIKE 'ben' AS f FROM users WHERE email COLLATE utf8mb4_bin <> 'GUEST@example.com' ORDER BY id;

-- id: collate-utf8mb4-0900-bin
-- category: p1.case-insensitive
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 has no utf8mb4_0900_bin; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed): NO PAD, so a trailing space counts
-- row: 3, 0, 0, 1
-- row: 7, 0, 0, 1
-- row: 1, 0, 0, 0
-- row: 2, 0, 0, 0
-- row: 8, 0, 0, 0
-- row: 6, 0, 0, 0
-- row: 5, 0, 1, 0
-- row: 4, 0, 0, 0
SELECT id, display_name COLLATE utf8mb4_0900_bin = 'Niamh ' AS a, display_name COLLATE utf8mb4_0900_bin = 'Niamh' AS b, username COLLATE utf8mb4_0900_bin < 'a' AS c FROM users ORDER BY username COLLATE utf8mb4_0900_bin;
