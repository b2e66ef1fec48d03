-- A string used as a number (issue #16): in arithmetic, SUM/AVG, ROUND, or compared with a number
-- (a number literal or a numeric column). MySQL reads the string's numeric prefix as a DOUBLE:
-- leading whitespace skipped, then sign, digits, fraction and exponent as far as they go (' 5x' is
-- 5, '1.5.6' is 1.5, '.5e1' is 5), 0 when there is none ('abc', ''), with a warning. PostgreSQL
-- rejected all of these before (character varying + integer, invalid input syntax for integer).

-- id: strnum-create
-- category: ddl.create-table
-- order: unordered
-- tables: str_nums
CREATE TABLE str_nums (id INT NOT NULL PRIMARY KEY, s VARCHAR(20) NULL, t TEXT NULL, n INT NULL, d DECIMAL(8,2) NULL, f DOUBLE NULL);

-- id: strnum-seed
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: str_nums
INSERT INTO str_nums VALUES (1, '5', '5', 5, 5.00, 5), (2, '05', '2', 2, 2.50, 2.5), (3, ' 5x', '0', 0, 0, 0), (4, '5.0', '-3', -3, -3.50, 1000), (5, 'abc', NULL, NULL, NULL, NULL), (6, NULL, '7', 7, 7, 7), (7, '.5e1', '1e1', 1, 1, 1), (8, '1e', '10', 10, 10, 10), (9, '-', '9', 9, 9, 9), (10, '\t7', ' 7', 7, 7, 7), (11, '+3', '3', 3, 3, 3), (12, '1.5.6', '1', 1, 1, 1), (13, '', '0', 0, 0, 0), (14, '2.5', '2.5', 2, 2.50, 2.5);

-- id: strnum-arithmetic
-- category: p1.string-as-number
-- order: ordered
SELECT id, s + 1 AS a, s * 2 AS m, s - 0.5 AS b, s / 4 AS q, s DIV 2 AS i, ROUND(s) AS r, t + n AS tn FROM str_nums ORDER BY id;

-- id: strnum-literals
-- category: p1.string-as-number
-- order: unordered
SELECT '5' + 1 AS a, '1.5' * 2 AS b, ' 12abc' + 0 AS c, 'abc' + 1 AS d, '.5e1' / 2 AS e, 10 - '2.5' AS f, ROUND('2.5') AS g;

-- id: strnum-column-equals-number
-- category: p1.string-as-number
-- order: ordered
SELECT id FROM str_nums WHERE s = 5 OR 7 = s ORDER BY id;

-- id: strnum-column-ordered-against-number
-- category: p1.string-as-number
-- order: ordered
SELECT id, s > 1 AS gt, s <= 2.5 AS le, s <> 0 AS ne, t >= 3 AS tge FROM str_nums ORDER BY id;

-- id: strnum-column-between-and-in
-- category: p1.string-as-number
-- order: ordered
SELECT id FROM str_nums WHERE s BETWEEN 1 AND 6 AND s NOT IN (5, 7) OR t IN (10, 2.5) ORDER BY id;

-- id: strnum-column-against-numeric-column
-- category: p1.string-as-number
-- order: ordered
SELECT id, s = n AS sn, t < d AS td, s >= f AS sf FROM str_nums ORDER BY id;

-- id: strnum-numeric-column-against-string
-- category: p1.string-as-number
-- order: ordered
SELECT id, n = '5.0' AS a, n = 'abc' AS b, n < '3abc' AS c, d = '2.5x' AS e, f >= ' 1e3' AS g, n = '7' AS h FROM str_nums ORDER BY id;

-- id: strnum-numeric-column-in-and-between-strings
-- category: p1.string-as-number
-- order: ordered
SELECT id FROM str_nums WHERE n IN ('7', '1.0') OR d BETWEEN '2.4' AND '2.6x' ORDER BY id;

-- id: strnum-number-literal-against-string-literal
-- category: p1.string-as-number
-- order: unordered
SELECT 5 = '5.0' AS a, 2 < '10x' AS b, 1.5 = ' 1.5' AS c, 0 = 'abc' AS d;

-- id: strnum-aggregates
-- category: p1.string-as-number
-- order: unordered
SELECT SUM(s) AS s, AVG(s) AS a, SUM(DISTINCT s) AS sd, AVG(DISTINCT t) AS ad, SUM(t) AS st FROM str_nums;

-- id: strnum-update-from-string
-- category: writes.update
-- order: unordered
-- tables: str_nums
UPDATE str_nums SET n = s * 2 + 1, d = s / 4, f = t + 0.25 WHERE id IN (1, 2, 7, 14);

-- id: strnum-sum-of-unquoted-json
-- category: p1.string-as-number
-- order: unordered
-- note: an unquoted JSON value is a string, read as a number where one is wanted (trial 16's SUM(doc->>'$.n') failed on PostgreSQL: sum(text)); true, an object member missing (NULL) and a document that is an array count as MySQL counts them
SELECT SUM(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.points'))) AS p, AVG(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.version'))) AS v, SUM(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.ok'))) AS o, SUM(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.duration_ms'))) AS d FROM activity_log;

-- id: strnum-arithmetic-of-unquoted-json
-- category: p1.string-as-number
-- order: ordered
SELECT id, JSON_UNQUOTE(JSON_EXTRACT(payload, '$.points')) + 1 AS a, JSON_UNQUOTE(JSON_EXTRACT(payload, '$.version')) * 2 AS b, JSON_UNQUOTE(JSON_EXTRACT(payload, '$.late')) + 0 AS c FROM activity_log ORDER BY id;

-- id: strnum-grouped-sum-of-unquoted-json
-- category: p1.string-as-number
-- order: unordered
SELECT action, SUM(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.points'))) AS p, COUNT(*) AS n FROM activity_log GROUP BY action;

-- id: strnum-unquoted-json-compared-with-number
-- category: p1.string-as-number
-- order: unordered
SELECT id FROM activity_log WHERE JSON_UNQUOTE(JSON_EXTRACT(payload, '$.points')) > 10 OR JSON_UNQUOTE(JSON_EXTRACT(payload, '$.version')) = 17.2 OR JSON_UNQUOTE(JSON_EXTRACT(payload, '$.chore_id')) BETWEEN 0 AND 1;

-- id: enum-as-number
-- category: p1.string-as-number
-- order: ordered
-- note: an ENUM read as a number is its index, the value's place in the declaration from 1 (trial 16's enum_col + 0 failed on PostgreSQL: character varying + integer)
SELECT id, status + 0 AS i, status * 10 AS t, status - 1 AS z, status / 2 AS h FROM assignments ORDER BY id;

-- id: enum-compared-with-number
-- category: p1.string-as-number
-- order: unordered
SELECT id, status FROM assignments WHERE status = 2 OR 3 = status;

-- id: enum-index-in-aggregate
-- category: p1.string-as-number
-- order: unordered
SELECT frequency + 0 AS f, COUNT(*) AS n, SUM(frequency + 0) AS s FROM chores GROUP BY frequency + 0;

-- id: enum-average
-- category: p1.string-as-number
-- mode: expect
-- order: unordered
-- note: MySQL 9.7 averages an ENUM's index as a DOUBLE (this entry ran in compare mode on MySQL 9.7.4 and passed); MariaDB 10.11 as a DECIMAL (1.8750, and ROUND(..., 2) of 2.625 gives 2.63)
-- row: 1.875, 1.875, 2.62
SELECT AVG(status) AS a, AVG(status + 0) AS b, ROUND(AVG(frequency), 2) AS c FROM assignments JOIN chores ON chores.id = assignments.chore_id;

-- id: arrow-unquote-in-arithmetic
-- category: p1.string-as-number
-- mode: expect
-- order: ordered
-- note: MySQL's ->> binds tighter than arithmetic (JSqlParser read payload ->> ('$.points' * 2)); MariaDB 10.11 has no ->>, the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: 1, NULL, 13, NULL, 6
-- row: 2, 20, NULL, 9, NULL
-- row: 3, 24, NULL, 11, NULL
-- row: 4, NULL, NULL, NULL, NULL
-- row: 5, NULL, NULL, NULL, NULL
-- row: 6, NULL, 18.2, NULL, 8.6
-- row: 7, NULL, NULL, NULL, NULL
-- row: 8, NULL, NULL, NULL, NULL
SELECT id, payload->>'$.points' * 2 AS a, payload->>'$.version' + 1 AS b, activity_log.payload->>'$.points' - 1 AS c, payload->>'$.version' / 2 AS d FROM activity_log ORDER BY id;

-- id: strnum-modulo
-- category: p1.string-as-number
-- order: ordered
-- note: MySQL takes fmod of two DOUBLEs when an operand is a string, a FLOAT/DOUBLE or an ENUM; PostgreSQL has no % for double precision (it failed: operator does not exist: double precision % integer)
SELECT id, s % 3 AS a, MOD(t, 4) AS b, f % 3 AS c, MOD(f, 2.5) AS d, s MOD 2 AS e, '7.5' % 2 AS g, f % 0 AS z, MOD(s, 4) + 1 AS p FROM str_nums ORDER BY id;

-- id: strnum-string-functions
-- category: p1.string-as-number
-- order: ordered
-- note: a string function's result is read as a number like a text column (PostgreSQL failed: operator does not exist: text + integer)
SELECT id, CONCAT(s, 'x') + 1 AS a, CONCAT(t, s) * 2 AS b, LOWER(s) - 1 AS c, REPLACE(s, '.', '') + 0 AS r, SUBSTRING(t, 1, 1) / 2 AS q, CONCAT_WS('', s, n) + 0 AS w, UPPER(t) MOD 4 AS m FROM str_nums ORDER BY id;

-- id: strnum-string-function-compared
-- category: p1.string-as-number
-- order: ordered
SELECT id FROM str_nums WHERE CONCAT(s, '') = 5 OR UPPER(t) > 8 OR LOWER(s) IN (1, 2.5) ORDER BY id;

-- id: strnum-string-function-summed
-- category: p1.string-as-number
-- order: unordered
SELECT SUM(CONCAT(s, '0')) AS total, SUM(LOWER(t)) AS t_total, COUNT(*) AS n FROM str_nums;

-- id: strnum-more-string-functions
-- category: p1.string-as-number
-- order: ordered
-- note: the results of LEFT, RIGHT, LPAD, REPEAT, REVERSE, MID, LTRIM, UCASE, SUBSTRING_INDEX, HEX and SPACE read as numbers (PostgreSQL failed: operator does not exist: text + integer)
SELECT id, LEFT(s, 2) + 1 AS a, RIGHT(t, 1) * 2 AS b, LPAD(n, 3, '0') + 0 AS c, REPEAT(t, 2) + 0 AS d, REVERSE(n) + 0 AS e, MID(s, 1, 2) + 0 AS g, LTRIM(s) + 0 AS h, UCASE(t) - 1 AS i, SUBSTRING_INDEX(s, '.', 1) + 0 AS j, HEX(n) + 1 AS k, SPACE(2) + n AS l FROM str_nums ORDER BY id;

-- id: strnum-more-string-functions-compared
-- category: p1.string-as-number
-- order: ordered
SELECT id FROM str_nums WHERE LEFT(s, 1) = 5 OR HEX(n) > 8 OR RTRIM(t) IN (1, 2.5) OR CONCAT(N'1', n) = 17 ORDER BY id;

-- id: strnum-string-function-in-coalesce
-- category: p1.string-as-number
-- order: ordered
SELECT id, COALESCE(LEFT(s, 1), 0) AS a, IFNULL(RIGHT(t, 1), 'none') AS b FROM str_nums ORDER BY id;
