-- Operators and semantics that differ: LENGTH in bytes, / with MySQL scale and NULL on zero, DIV/MOD/%,
-- bitwise ^, <=>, GREATEST/LEAST with NULL, NULL ordering, REGEXP, case-insensitive collations.

-- id: len-bytes-vs-chars
-- category: p1.length
-- order: ordered
SELECT id, LENGTH(display_name) AS bytes, CHAR_LENGTH(display_name) AS chars FROM users ORDER BY id;

-- id: len-literals
-- category: p1.length
-- order: unordered
SELECT LENGTH('Müller') AS a, CHAR_LENGTH('Müller') AS b, CHARACTER_LENGTH('🚀') AS c, LENGTH('🚀') AS d;

-- id: len-titles
-- category: p1.length
-- order: ordered
SELECT id, LENGTH(title) AS l FROM chores ORDER BY id;

-- id: len-null-empty
-- category: p1.length
-- order: unordered
SELECT LENGTH(NULL) AS a, LENGTH('') AS b, CHAR_LENGTH(NULL) AS c;

-- id: len-octet
-- category: p1.length
-- order: unordered
SELECT OCTET_LENGTH('李雷') AS a;

-- id: len-multibyte-rows
-- category: p1.length
-- order: ordered
SELECT id FROM users WHERE LENGTH(display_name) <> CHAR_LENGTH(display_name) ORDER BY id;

-- id: len-of-number
-- category: p1.length
-- order: unordered
SELECT LENGTH(123.45) AS a;

-- id: len-bits
-- category: p1.length
-- order: unordered
SELECT BIT_LENGTH('ab') AS a, BIT_LENGTH('ü') AS b;

-- id: div-one-third
-- category: p1.division
-- order: unordered
-- note: MySQL gives the dividend's scale + 4 decimals: 0.3333
SELECT 1 / 3 AS x;

-- id: div-exact
-- category: p1.division
-- order: unordered
SELECT 10 / 4 AS x;

-- id: div-by-zero-null
-- category: p1.division
-- order: unordered
-- note: a read divides by zero to NULL
SELECT 7 / 0 AS x;

-- id: div-int-columns
-- category: p1.division
-- order: ordered
SELECT id, points / 3 AS x FROM chores ORDER BY id;

-- id: div-decimal-column
-- category: p1.division
-- order: ordered
SELECT id, amount / 3 AS x FROM reward_adjustments ORDER BY id;

-- id: div-decimal-by-decimal-zero
-- category: p1.division
-- order: ordered
-- note: row 8 divides by 0.0000
SELECT id, amount / multiplier AS x FROM reward_adjustments ORDER BY id;

-- id: div-sum-by-count
-- category: p1.division
-- order: unordered
SELECT SUM(points) / COUNT(*) AS x FROM chores;

-- id: div-avg-int
-- category: p1.division
-- order: unordered
SELECT AVG(points) AS a FROM chores;

-- id: div-avg-tinyint
-- category: p1.division
-- order: unordered
SELECT AVG(rating) AS b FROM assignments;

-- id: div-avg-decimal
-- category: p1.division
-- order: unordered
SELECT AVG(balance) AS a FROM users;

-- id: div-column-by-zero
-- category: p1.division
-- order: unordered
SELECT points / 0 AS x FROM chores WHERE id = 1;

-- id: div-decimal-literal
-- category: p1.division
-- order: unordered
SELECT 5.0 / 2 AS a, 1 / 8 AS b, 2 / 3 AS c, -2 / 3 AS d;

-- id: div-double
-- category: p1.division
-- order: ordered
SELECT id, dbl_v / 2 AS x FROM numeric_edges WHERE id IN (3, 4, 6) ORDER BY id;

-- id: div-count
-- category: p1.division
-- order: unordered
SELECT COUNT(*) / 3 AS x FROM users;

-- id: div-null
-- category: p1.division
-- order: unordered
SELECT NULL / 2 AS a, 2 / NULL AS b;

-- id: intdiv-signs
-- category: p1.div-mod
-- order: unordered
SELECT 7 DIV 2 AS a, -7 DIV 2 AS b, 7 DIV -2 AS c;

-- id: intdiv-zero
-- category: p1.div-mod
-- order: unordered
SELECT 7 DIV 0 AS a;

-- id: mod-signs
-- category: p1.div-mod
-- order: unordered
SELECT 7 MOD 3 AS a, -7 MOD 3 AS b, 7 % -3 AS c, MOD(-7, -3) AS d;

-- id: mod-decimal-and-zero
-- category: p1.div-mod
-- order: unordered
SELECT 7.5 MOD 2 AS a, 7 % 0 AS b, MOD(7, 0) AS c;

-- id: divmod-columns
-- category: p1.div-mod
-- order: ordered
SELECT id, points DIV 10 AS tens, points % 10 AS ones FROM chores ORDER BY id;

-- id: mod-in-where
-- category: p1.div-mod
-- order: ordered
SELECT id FROM users WHERE id % 2 = 0 ORDER BY id;

-- id: intdiv-decimal
-- category: p1.div-mod
-- order: unordered
SELECT 10.7 DIV 3 AS a;

-- id: intdiv-negative-decimal-column
-- category: p1.div-mod
-- order: ordered
-- note: DIV truncates toward zero: -2.75 DIV 1 = -2
SELECT id, balance DIV 1 AS a FROM users ORDER BY id;

-- id: mod-decimal-column
-- category: p1.div-mod
-- order: ordered
SELECT id, MOD(balance, 1) AS f FROM users ORDER BY id;

-- id: xor-caret
-- category: p1.bitwise
-- order: unordered
SELECT 5 ^ 3 AS x;

-- id: xor-caret-column
-- category: p1.bitwise
-- order: ordered
SELECT id, id ^ 1 AS x FROM users ORDER BY id;

-- id: xor-caret-chain
-- category: p1.bitwise
-- order: unordered
SELECT 12 ^ 10 ^ 6 AS x, 1 ^ NULL AS y;

-- id: xor-caret-precedence
-- category: p1.bitwise
-- order: unordered
-- note: ^ binds tighter than *: (2 ^ 3) * 2 = 2
SELECT 2 ^ 3 * 2 AS x;

-- id: bit-and-or-shift
-- category: p1.bitwise
-- order: unordered
SELECT 6 & 3 AS a, 6 | 3 AS b, 1 << 4 AS c, 256 >> 2 AS d;

-- id: bit-not-zero
-- category: p1.bitwise
-- order: unordered
-- note: ~ is 64-bit unsigned in MySQL (18446744073709551615); PostgreSQL's ~0 is -1, so it is written as 2^64 - 1 - x
SELECT ~0 AS x;

-- id: xor-logical
-- category: p1.bitwise
-- order: unordered
SELECT 1 XOR 1 AS a, 1 XOR 0 AS b, 0 XOR NULL AS c;

-- id: xor-logical-columns
-- category: p1.bitwise
-- order: ordered
SELECT id FROM users WHERE is_admin XOR is_active ORDER BY id;

-- id: nse-literals
-- category: p1.null-safe-eq
-- order: unordered
SELECT NULL <=> NULL AS a, 1 <=> NULL AS b, 1 <=> 1 AS c;

-- id: nse-column-null
-- category: p1.null-safe-eq
-- order: ordered
SELECT id FROM assignments WHERE rating <=> NULL ORDER BY id;

-- id: nse-column-value
-- category: p1.null-safe-eq
-- order: unordered
SELECT id FROM assignments WHERE note <=> 'Rain';

-- id: nse-self-join
-- category: p1.null-safe-eq
-- order: ordered
SELECT a.id AS a_id, b.id AS b_id FROM assignments a JOIN assignments b ON a.rating <=> b.rating AND a.id < b.id WHERE a.user_id = 5 ORDER BY a.id, b.id;

-- id: nse-negated
-- category: p1.null-safe-eq
-- order: ordered
SELECT id FROM users WHERE NOT (birth_date <=> NULL) ORDER BY id;

-- id: not-parenthesised-comparison
-- category: p1.null-safe-eq
-- order: ordered
SELECT id, NOT (points > 100) AS low, (is_admin = 1) + 0 AS a FROM users WHERE NOT (points > 100) OR (id = 6) ORDER BY id;

-- id: nse-in-select
-- category: p1.null-safe-eq
-- order: ordered
SELECT id, rating <=> 5 AS five FROM assignments ORDER BY id;

-- id: nse-bind
-- category: p1.null-safe-eq
-- order: ordered
-- binds: NULL
SELECT id FROM assignments WHERE note <=> ? ORDER BY id;

-- id: gl-basic
-- category: p1.greatest-least
-- order: unordered
SELECT GREATEST(1, 5, 3) AS g, LEAST(1, 5, 3) AS l;

-- id: gl-greatest-null
-- category: p1.greatest-least
-- order: unordered
-- note: MySQL: NULL if any argument is NULL
SELECT GREATEST(1, NULL, 3) AS g;

-- id: gl-least-null
-- category: p1.greatest-least
-- order: unordered
SELECT LEAST(NULL, 2) AS l;

-- id: gl-column
-- category: p1.greatest-least
-- order: ordered
SELECT id, GREATEST(points, 20) AS g FROM chores ORDER BY id;

-- id: gl-nullable-column
-- category: p1.greatest-least
-- order: ordered
SELECT id, LEAST(reward, 1.00) AS l FROM chores ORDER BY id;

-- id: gl-strings
-- category: p1.greatest-least
-- order: unordered
SELECT GREATEST('apple', 'banana', 'cherry') AS g, LEAST('b', 'a', 'c') AS l;

-- id: gl-dates
-- category: p1.greatest-least
-- order: unordered
SELECT GREATEST(DATE '2024-01-01', DATE '2024-03-05') AS g;

-- id: gl-dates-cast
-- category: p1.greatest-least
-- order: unordered
SELECT GREATEST(CAST('2024-01-01' AS DATE), CAST('2024-03-05' AS DATE)) AS g;

-- id: gl-dates-columns
-- category: p1.greatest-least
-- order: ordered
SELECT id, GREATEST(due_date, IFNULL(DATE(completed_at), due_date)) AS g FROM assignments ORDER BY id;

-- id: gl-nullable-rating
-- category: p1.greatest-least
-- order: ordered
SELECT id, GREATEST(rating, 3) AS g FROM assignments ORDER BY id;

-- id: no-asc
-- category: p1.null-ordering
-- order: ordered
-- note: MySQL sorts NULLs first ascending
SELECT id, rating FROM assignments ORDER BY rating, id;

-- id: no-desc
-- category: p1.null-ordering
-- order: ordered
-- note: and last descending
SELECT id, rating FROM assignments ORDER BY rating DESC, id;

-- id: no-decimal-asc
-- category: p1.null-ordering
-- order: ordered
SELECT id, reward FROM chores ORDER BY reward ASC, id;

-- id: no-date-desc
-- category: p1.null-ordering
-- order: ordered
SELECT id, birth_date FROM users ORDER BY birth_date DESC, id DESC;

-- id: no-limit
-- category: p1.null-ordering
-- order: ordered
SELECT id FROM users ORDER BY last_login_at, id LIMIT 3;

-- id: no-text
-- category: p1.null-ordering
-- order: ordered
SELECT id, note FROM assignments ORDER BY note, id;

-- id: no-aggregate-alias
-- category: p1.null-ordering
-- order: ordered
SELECT user_id, MAX(rating) AS best FROM assignments GROUP BY user_id ORDER BY best, user_id;

-- id: no-isnull-idiom
-- category: p1.null-ordering
-- order: ordered
-- note: the MySQL idiom for NULLs last
SELECT id FROM assignments ORDER BY ISNULL(rating), rating, id;

-- id: no-minus-desc-idiom
-- category: p1.null-ordering
-- order: ordered
SELECT id, rating FROM assignments ORDER BY -rating DESC, id;

-- id: no-window
-- category: p1.null-ordering
-- order: ordered
SELECT id, ROW_NUMBER() OVER (ORDER BY rating, id) AS rn FROM assignments ORDER BY id;

-- id: no-ordinal
-- category: p1.null-ordering
-- order: ordered
SELECT rating, id FROM assignments ORDER BY 1 DESC, 2;

-- id: re-ci-class
-- category: p1.regexp
-- order: ordered
-- note: REGEXP on a case-insensitive column matches case-insensitively
SELECT id FROM chores WHERE title REGEXP '^[A-Z]' ORDER BY id;

-- id: re-rlike-ci
-- category: p1.regexp
-- order: ordered
SELECT id FROM users WHERE email RLIKE 'example\\.com$' ORDER BY id;

-- id: re-literal-ci
-- category: p1.regexp
-- order: unordered
SELECT 'abc' REGEXP 'B' AS a;

-- id: re-not-regexp
-- category: p1.regexp
-- order: ordered
SELECT id, title NOT REGEXP 'a' AS no_a FROM chores ORDER BY id;

-- id: re-binary-column-case-sensitive
-- category: p1.regexp
-- order: ordered
-- note: username is utf8mb4_bin: case-sensitive
SELECT id FROM users WHERE username REGEXP '^[a-z]+$' ORDER BY id;

-- id: re-alternation
-- category: p1.regexp
-- order: ordered
SELECT id FROM chores WHERE tags REGEXP '(^|,)outdoor(,|$)' ORDER BY id;

-- id: re-replace-all
-- category: p1.regexp
-- order: unordered
-- note: MySQL replaces every match
SELECT REGEXP_REPLACE('a1b22c333', '[0-9]+', '#') AS r;

-- id: re-substr
-- category: p1.regexp
-- order: unordered
SELECT REGEXP_SUBSTR('order 1234 shipped', '[0-9]+') AS r;

-- id: re-instr
-- category: p1.regexp
-- order: unordered
SELECT REGEXP_INSTR('abc123', '[0-9]') AS r;

-- id: re-functions-follow-collation
-- category: p1.regexp
-- order: ordered
-- note: email and display_name are case-insensitive, username is utf8mb4_bin: the regexp functions match under the subject's collation. REGEXP_SUBSTR without a match is NULL in MySQL 8 but '' in MariaDB, so every row here matches
SELECT id, REGEXP_REPLACE(email, '[AEIOU]', '*') AS r, REGEXP_INSTR(display_name, 'M') AS i, REGEXP_INSTR(username, '^[A-Z]') AS u, REGEXP_SUBSTR(username, '[a-z]+') AS s, REGEXP_SUBSTR(email, 'e.a') AS d FROM users ORDER BY id;

-- id: re-replace-backreference-refused
-- category: p1.regexp
-- mode: refuse
-- refuse: unsupported-function:REGEXP_REPLACE
-- note: ICU writes a group reference $1, PostgreSQL \1
SELECT REGEXP_REPLACE('2024-03-05', '([0-9]+)-([0-9]+)-([0-9]+)', '$3.$2.$1') AS d;

-- id: re-null
-- category: p1.regexp
-- order: unordered
SELECT NULL REGEXP 'a' AS r;

-- id: re-bind
-- category: p1.regexp
-- order: ordered
-- binds: 'room|hall'
SELECT id FROM chores WHERE description REGEXP ? ORDER BY id;

-- id: ci-equals
-- category: p1.case-insensitive
-- order: unordered
SELECT id FROM users WHERE email = 'BEN.MUELLER@EXAMPLE.COM';

-- id: ci-like
-- category: p1.case-insensitive
-- order: unordered
SELECT id FROM users WHERE email LIKE 'ben%';

-- id: ci-in-list
-- category: p1.case-insensitive
-- order: ordered
SELECT id FROM users WHERE email IN ('CLARA@example.com', 'lei@EXAMPLE.cn') ORDER BY id;

-- id: ci-binary-column-no-match
-- category: p1.case-insensitive
-- order: unordered
SELECT id FROM users WHERE username = 'clara';

-- id: ci-binary-column-match
-- category: p1.case-insensitive
-- order: unordered
SELECT id FROM users WHERE username = 'Clara';

-- id: ci-default-collation-column
-- category: p1.case-insensitive
-- order: ordered
-- note: every VARCHAR without a collation is case-insensitive under the table default
SELECT id FROM chores WHERE title = 'dishes' ORDER BY id;

-- id: ci-like-default-column
-- category: p1.case-insensitive
-- order: ordered
SELECT id FROM chores WHERE title LIKE 'DISH%' ORDER BY id;

-- id: ci-order-by
-- category: p1.case-insensitive
-- order: ordered
-- note: case-insensitive collation order: 'anna' < 'Ben' < 'clara'
SELECT email FROM users ORDER BY email;

-- id: ci-distinct
-- category: p1.case-insensitive
-- order: unordered
SELECT DISTINCT title FROM chores WHERE title IN ('Dishes', 'DISHES');

-- id: ci-min-max
-- category: p1.case-insensitive
-- order: unordered
SELECT MIN(email) AS lo, MAX(email) AS hi FROM users;

-- id: ci-min-max-grouped
-- category: p1.case-insensitive
-- order: ordered
SELECT family_id, MIN(email) AS lo, MAX(email) AS hi, MIN(username) AS first_bin FROM users GROUP BY family_id ORDER BY family_id;

-- id: ci-greater-than
-- category: p1.case-insensitive
-- order: ordered
SELECT id FROM users WHERE email > 'b' ORDER BY id;

-- id: ci-literal-compare
-- category: p1.case-insensitive
-- order: unordered
SELECT 'abc' = 'ABC' AS a;

-- id: ci-literal-order
-- category: p1.case-insensitive
-- order: unordered
SELECT 'a' < 'B' AS lt, 'Z' > 'y' AS gt, INSTR('Hello', 'L') AS i;

-- id: ci-having-alias
-- category: p1.case-insensitive
-- order: unordered
-- note: a select alias in HAVING has its column's case-insensitive collation
SELECT email AS e, COUNT(*) AS n FROM users GROUP BY email HAVING e = 'ANNA.MUELLER@EXAMPLE.COM';

-- id: ci-accent-insensitive
-- category: p1.case-insensitive
-- order: unordered
-- note: utf8mb4_general_ci (and MySQL 8's utf8mb4_0900_ai_ci) ignore accents
SELECT id FROM users WHERE display_name = 'Anna Muller';

-- id: ci-union-distinct
-- category: p1.case-insensitive
-- order: unordered
-- note: UNION removes duplicates under the case-insensitive collation
SELECT COUNT(*) AS n FROM (SELECT 'Dishes' AS t UNION SELECT 'DISHES' UNION SELECT 'dishes') x;

-- id: ci-union-columns
-- category: p1.case-insensitive
-- order: ordered
-- note: UNION keeps one of the values equal but for case: the first branch's, as MySQL
SELECT email AS e FROM users WHERE id = 2 UNION SELECT 'ben.mueller@example.com' UNION SELECT email FROM users WHERE id IN (1, 2) ORDER BY e;

-- id: ci-bind
-- category: p1.case-insensitive
-- order: unordered
-- binds: 'SEAN.OBRIEN@EXAMPLE.IE'
SELECT id FROM users WHERE email = ?;

-- id: ci-join
-- category: p1.case-insensitive
-- order: unordered
SELECT a.id FROM users a JOIN users b ON a.email = UPPER(b.email) WHERE b.id = 2;

-- id: ci-derived-comparisons
-- category: p1.case-insensitive
-- order: ordered
-- note: a string function of a _ci column keeps its collation: 'Example.com' equals 'EXAMPLE.COM' (outside trial, session 11: 6 rows against 0 before)
SELECT id, SUBSTRING_INDEX(email, '@', -1) = 'EXAMPLE.COM' AS a, LEFT(email, 3) IN ('BEN', 'ANN') AS b, CONCAT(email, '!') LIKE 'BEN%' AS c, LOWER(email) = 'CLARA@EXAMPLE.COM' AS d FROM users ORDER BY id;

-- id: ci-derived-where
-- category: p1.case-insensitive
-- order: ordered
SELECT id FROM users WHERE SUBSTRING_INDEX(email, '@', -1) = 'example.COM' ORDER BY id;

-- id: ci-derived-count-distinct
-- category: p1.case-insensitive
-- order: unordered
SELECT COUNT(DISTINCT SUBSTRING_INDEX(email, '@', -1)) AS domains FROM users;

-- id: ci-derived-group-by
-- category: p1.case-insensitive
-- order: ordered
-- note: 'Example.com' and 'example.com' are one group (grouped through a LATERAL column, refused before session 26); which spelling MySQL shows is the first row it reads, so only the groups are compared
SELECT COUNT(*) AS n, MIN(id) AS first_id FROM users GROUP BY SUBSTRING_INDEX(email, '@', -1) ORDER BY n DESC, first_id;

-- id: ci-derived-distinct
-- category: p1.case-insensitive
-- order: unordered
SELECT COUNT(*) AS domains FROM (SELECT DISTINCT SUBSTRING_INDEX(email, '@', -1) AS domain FROM users) d;

-- id: ci-derived-update
-- category: writes.update
-- order: unordered
-- tables: users
-- note: users.updated_at has ON UPDATE CURRENT_TIMESTAMP; Ben's 'Example.com' is updated too
UPDATE users SET points = points + 1 WHERE SUBSTRING_INDEX(email, '@', -1) = 'example.com';

-- id: ci-derived-distinct-lower
-- category: p1.case-insensitive
-- order: ordered
-- note: LOWER/UPPER of a _ci column has one case already: DISTINCT and GROUP BY of it are exact, not refused
SELECT DISTINCT LOWER(SUBSTRING_INDEX(email, '@', -1)) AS d FROM users ORDER BY d;

-- id: temporal-arithmetic-literals
-- category: p0.date-arith
-- order: unordered
-- note: MySQL reads a date-time in arithmetic as the number its digits spell: a day across a month is 70, a day of DATETIMEs 1000000 (PostgreSQL's operators gave 1, an interval or a date: found by review, session 23)
SELECT DATE '2024-02-01' - DATE '2024-01-31' AS a, DATE '2024-01-31' + 1 AS b, TIMESTAMP '2024-01-02 00:00:00' - TIMESTAMP '2024-01-01 00:00:00' AS c, TIME '11:30:00' - TIME '10:00:00' AS d, TIMESTAMP '2024-01-02 00:00:00.123' + 0 AS e, TIME '10:00:00.5' * 2 AS f, -DATE '2024-01-01' AS g, DATE '2024-01-01' / 7 AS h, DATE '2024-01-01' DIV 7 AS i, DATE '2024-01-01' % 7 AS j, DATE '2024-01-01' + 0.5 AS k, DATE '0099-01-01' + 0 AS m;

-- id: temporal-arithmetic-columns
-- category: p0.date-arith
-- order: ordered
-- note: DATE, DATETIME, DATETIME(3), DATETIME(6), TIMESTAMP and TIME columns, and DATE() and CAST results, as numbers
SELECT a.id, a.due_date - a.due_date + 1 AS a, DATE(a.completed_at) - a.due_date AS b, a.completed_at - c.created_at AS c, c.due_time - TIME '07:00:00' AS d, u.last_login_at + 0 AS e, u.created_at + 0 AS f, -a.due_date AS g, a.due_date / 7 AS h, a.due_date DIV 7 AS i, a.due_date % 7 AS j, MOD(a.due_date, 7) AS k, CAST(a.completed_at AS DATE) + 0 AS l, CAST(a.due_date AS DATETIME(2)) + 0 AS m, a.due_date * 1.5 AS n FROM assignments a JOIN chores c ON c.id = a.chore_id JOIN users u ON u.id = a.user_id ORDER BY a.id;

-- id: temporal-arithmetic-datetime3
-- category: p0.date-arith
-- order: ordered
-- note: a DATETIME(3) keeps its three fractional digits as a DECIMAL (.120, not .12)
SELECT id, created_at + 0 AS a, created_at - created_at AS b, created_at * 1 AS c FROM activity_log ORDER BY id;

-- id: temporal-arithmetic-aggregates
-- category: p0.date-arith
-- order: ordered
-- note: SUM and AVG of date-times add their numbers (AVG with 4 more decimals, a DECIMAL)
SELECT user_id, SUM(due_date) AS a, AVG(due_date) AS b, SUM(DISTINCT completed_at) AS c, AVG(completed_at) AS d FROM assignments GROUP BY user_id ORDER BY user_id;

-- id: temporal-arithmetic-where
-- category: p0.date-arith
-- order: ordered
SELECT id FROM assignments WHERE DATE(completed_at) - due_date >= 1 OR completed_at - CAST(due_date AS DATETIME) > 100000 ORDER BY id;

-- id: temporal-arithmetic-update
-- category: writes.update
-- order: unordered
-- tables: users
-- note: users.updated_at has ON UPDATE CURRENT_TIMESTAMP
UPDATE users SET points = DATE(last_login_at) - birth_date WHERE birth_date IS NOT NULL AND last_login_at IS NOT NULL;

-- id: temporal-arithmetic-min-max
-- category: p0.date-arith
-- order: ordered
SELECT user_id, MAX(due_date) - MIN(due_date) AS span, MAX(completed_at) + 0 AS last_done FROM assignments GROUP BY user_id ORDER BY user_id;

-- id: temporal-mixed-with-string-if-case-coalesce
-- category: p0.if
-- order: ordered
-- note: a date-time and a string among IF/CASE/COALESCE results make a string in MySQL: '2024-01-01' stays as written, where PostgreSQL read it as a timestamp 2024-01-01 00:00:00 (found by review, session 23)
SELECT id, IF(completed_at IS NULL, '2024-01-01', completed_at) AS a, CASE WHEN completed_at IS NULL THEN 'never' ELSE completed_at END AS b, COALESCE(completed_at, '2024-01-01') AS c, IFNULL(completed_at, 'open') AS d, IF(id > 2, due_date, '2024-03') AS e FROM assignments ORDER BY id;

-- id: temporal-literal-coalesce-result-column
-- category: p0.if
-- order: ordered
-- note: IFNULL/COALESCE of a date or time and a literal written as one is a VARCHAR in MySQL; as a result column the application reads that string (PostgreSQL gave a time, found by outside workload 8), while in a condition it stays typed
SELECT id, COALESCE(due_time, '00:00:00') AS t, IFNULL(due_time, '12:30:00') AS t2, IF(due_time IS NULL, '23:59:59', due_time) AS t3, CASE WHEN due_time IS NULL THEN '00:00:00' ELSE due_time END AS t4 FROM chores WHERE COALESCE(due_time, '00:00:00') < '20:00:00' ORDER BY id;

-- id: temporal-literal-coalesce-result-column-date
-- category: p0.if
-- order: ordered
SELECT id, IFNULL(completed_at, '9999-12-31 00:00:00') AS c, IFNULL(rating, '0') AS r, COALESCE(due_date, '1970-01-01') AS d FROM assignments WHERE '2024-03-02' BETWEEN due_date AND IFNULL(completed_at, '9999-12-31') ORDER BY id;

-- id: temporal-arithmetic-control-flow-and-subquery
-- category: p0.date-arith
-- order: ordered
-- note: IF/COALESCE/CASE of date-times and a scalar subquery's MAX of one are date-times in arithmetic (found by review, session 24)
SELECT id, COALESCE(completed_at, completed_at) + 0 AS a, IF(id > 1, due_date, NULL) + 1 AS b, CASE WHEN id > 2 THEN due_date END - 1 AS c, (SELECT MAX(due_date) FROM assignments) + 1 AS d FROM assignments ORDER BY id;

-- id: temporal-arithmetic-stored
-- category: writes.update
-- order: unordered
-- tables: assignments
-- note: MySQL stores the number d + 1 as the date it spells (20240302 is 2024-03-02; a DATETIME + 1 is a second later); PostgreSQL got a bigint for a date column (found by review, session 24)
UPDATE assignments SET due_date = due_date + 1, completed_at = completed_at + 1 WHERE id IN (2, 3);

-- id: date-compared-with-integer-time-of-day
-- category: p0.date-arith
-- mode: expect
-- order: ordered
-- note: against a DATE MySQL 9.7.4 drops an integer's time of day: due_date = 20240301120000 is due_date = 2024-03-01 (found by review, session 24); MariaDB 10.11 compares as a DATETIME (2024-03-02 < 2024-03-02 00:00:01 there); the rows are MySQL 9.7.4's
-- row: 1
-- row: 4
-- row: 5
-- row: 6
-- row: 8
-- row: 9
-- row: 10
-- row: 11
-- row: 14
-- row: 16
SELECT id FROM assignments WHERE due_date = 20240301120000 OR due_date < 20240302000001 ORDER BY id;

-- id: ci-in-subquery
-- category: p1.case-insensitive
-- order: ordered
-- note: x IN (SELECT ...) compares under x's case-insensitive collation (found by review, session 24: it compared exactly)
SELECT id FROM families WHERE name IN (SELECT UPPER(SUBSTRING_INDEX(display_name, ' ', -1)) FROM users WHERE id = 4) ORDER BY id;

-- id: ci-in-subquery-update
-- category: writes.update
-- order: unordered
-- tables: families
UPDATE families SET plan = 'plus' WHERE name IN (SELECT UPPER(SUBSTRING_INDEX(display_name, ' ', -1)) FROM users WHERE id = 4);

-- id: temporal-round-fraction-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:ROUND
-- note: MySQL rounds a date-time with fractional seconds as a DOUBLE (its binary value)
SELECT id, ROUND(created_at, 1) FROM activity_log;

-- id: ci-order-by-position
-- category: p1.case-insensitive
-- order: ordered
-- note: ORDER BY a position naming case-insensitive text sorts ignoring case ('Ben...' after 'anna...'); PostgreSQL sorted the output column bytewise (found by the outside workload, session 24)
SELECT email, id FROM users ORDER BY 1, 2;

-- id: enum-order-by-position
-- category: p1.case-insensitive
-- order: ordered
-- note: ORDER BY a position naming an ENUM sorts by the declaration ('parent','child','guest')
SELECT role, id FROM users ORDER BY 1 DESC, 2;

-- id: ci-order-by-scalar-subquery-alias
-- category: p1.case-insensitive
-- order: ordered
-- note: a scalar subquery's value keeps its column's collation: ordered ignoring case (found by the outside workload, session 24)
SELECT (SELECT u.email FROM users u WHERE u.id = a.user_id) AS who, a.id FROM assignments a ORDER BY who, a.id;

-- id: ci-scalar-subquery-compared
-- category: p1.case-insensitive
-- order: ordered
SELECT a.id FROM assignments a WHERE (SELECT u.email FROM users u WHERE u.id = a.user_id) = 'BEN.MUELLER@EXAMPLE.COM' ORDER BY a.id;

-- id: ci-distinct-order-by-alias-and-position
-- category: p1.case-insensitive
-- order: ordered
-- note: a DISTINCT of case-insensitive text is a GROUP BY of its folded text, which can sort by it (it sorted the alias bytewise before)
SELECT DISTINCT email AS e FROM users ORDER BY e;

-- id: ci-group-by-order-by-position
-- category: p1.case-insensitive
-- order: ordered
SELECT email, COUNT(*) AS n FROM users GROUP BY email ORDER BY 1;

-- id: date-compared-with-integer
-- category: p0.date-arith
-- order: ordered
-- note: MySQL reads an integer compared with a DATE or DATETIME as YYYYMMDD, YYMMDD or YYYYMMDDhhmmss (PostgreSQL has no date < integer: found by the outside workload, session 24)
SELECT id, due_date < 20240305 AS a, due_date = 240303 AS b, due_date BETWEEN 20240301 AND 20240303 AS c, completed_at >= 20240302 AS d, completed_at < 20240304100000 AS e, due_date IN (20240301, 20240305) AS f FROM assignments ORDER BY id;

-- id: date-compared-with-integer-where
-- category: p0.date-arith
-- order: ordered
SELECT id FROM assignments WHERE due_date >= 20240302 AND completed_at IS NOT NULL ORDER BY id;

-- id: recursive-cte-date-function-series
-- category: p0.date-arith
-- order: ordered
-- note: a DATE() anchor plus INTERVAL 1 DAY stays a DATE in the recursive member (PostgreSQL failed: date against timestamp; found by the outside workload, session 24)
WITH RECURSIVE days AS (SELECT DATE('2024-02-27') AS d UNION ALL SELECT d + INTERVAL 1 DAY FROM days WHERE d < '2024-03-02') SELECT days.d, COUNT(a.id) AS n FROM days LEFT JOIN assignments a ON a.due_date = days.d GROUP BY days.d ORDER BY days.d;

-- id: ci-partition-by
-- category: p1.case-insensitive
-- order: ordered
-- note: PARTITION BY a case-insensitive column puts values differing only in case together (found by review, session 24)
SELECT id, COUNT(*) OVER (PARTITION BY SUBSTRING_INDEX(email, '@', -1)) AS n FROM users ORDER BY id;
