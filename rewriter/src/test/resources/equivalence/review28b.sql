-- The second review of session 28 (a helper; each statement run on MySQL 9.7.4): durations as result
-- columns beyond a day, FORMAT of DOUBLE/FLOAT values and of quotients, AVG inside a division.

-- id: r28b-dur-ddl
-- category: ddl.create-table
-- tables: r28b_d
-- order: unordered
CREATE TABLE r28b_d (id INT NOT NULL PRIMARY KEY, g VARCHAR(5) NOT NULL, a DATETIME NULL, b DATETIME NULL, a3 DATETIME(3) NULL, b3 DATETIME(3) NULL, t1 TIME NULL, t2 TIME NULL, n INT NULL, p DECIMAL(10,2) NULL) DEFAULT CHARSET=utf8mb4;

-- id: r28b-dur-seed
-- category: writes.insert
-- commit: true
-- tables: r28b_d
-- order: unordered
INSERT INTO r28b_d VALUES (1, 'x', '2024-01-03 12:00:00', '2024-01-01 00:00:00', '2024-01-03 12:00:00.250', '2024-01-01 00:00:00.500', '10:00:00', '23:30:00', 90061, 1.50), (2, 'x', '2024-01-01 00:00:00', '2024-01-01 01:30:00', '2024-01-01 00:00:00.000', '2024-01-01 01:30:00.750', '23:00:00', '01:00:00', -3661, -2.25), (3, 'y', '2024-03-01 00:00:00', '2024-01-01 00:00:00', '2024-03-01 00:00:00.125', '2024-01-01 00:00:00.000', NULL, '00:00:01', 4000000, 100000.75), (4, 'y', NULL, '2024-01-01 00:00:00', NULL, '2024-01-01 00:00:00', '01:00:00', NULL, NULL, NULL), (5, 'z', '2024-01-01 10:00:00', '2024-01-01 09:00:00', '2024-01-01 10:00:00.999', '2024-01-01 09:00:00.001', '00:00:00', '00:00:00', 0, 0.00);

-- id: r28b-dur-order-alias
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(n) AS s FROM r28b_d ORDER BY s, id;

-- id: r28b-dur-order-expr
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(n) AS s FROM r28b_d ORDER BY SEC_TO_TIME(n), id;

-- id: r28b-dur-order-position
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(a, b) AS d FROM r28b_d ORDER BY 2 DESC, 1;

-- id: r28b-dur-having-alias
-- category: functions
-- order: ordered
SELECT g, SEC_TO_TIME(SUM(n)) AS s FROM r28b_d GROUP BY g HAVING s > '30:00:00' ORDER BY g;

-- id: r28b-dur-having-expr
-- category: functions
-- order: ordered
SELECT g, SEC_TO_TIME(SUM(n)) AS s FROM r28b_d GROUP BY g HAVING SEC_TO_TIME(SUM(n)) > '30:00:00' ORDER BY g;

-- id: r28b-dur-group-order-expr
-- category: functions
-- order: ordered
SELECT g, SEC_TO_TIME(SUM(n)) AS s FROM r28b_d GROUP BY g ORDER BY SEC_TO_TIME(SUM(n)) DESC;

-- id: r28b-dur-distinct-agg
-- category: functions
-- order: unordered
SELECT DISTINCT SEC_TO_TIME(SUM(n)) AS s FROM r28b_d GROUP BY g;

-- id: r28b-dur-distinct-agg-ordered
-- category: functions
-- order: ordered
SELECT DISTINCT SEC_TO_TIME(SUM(n)) AS s FROM r28b_d GROUP BY g ORDER BY s;

-- id: r28b-dur-fractional-literals
-- category: functions
-- order: unordered
SELECT SEC_TO_TIME(NULL) AS c, SEC_TO_TIME(-90061) AS d, SEC_TO_TIME(3020400) AS e, SEC_TO_TIME(-3020400) AS f;

-- id: r28b-dur-avg
-- category: functions
-- order: ordered
SELECT g, SEC_TO_TIME(FLOOR(SUM(p) / 3)) AS s FROM r28b_d GROUP BY g ORDER BY g;

-- id: r28b-dur-floor-quotient
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(FLOOR(p * 1000 / 7)) AS s, SEC_TO_TIME(CEIL(n / 7)) AS c FROM r28b_d ORDER BY id;

-- id: r28b-dur-timediff-ms
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(a3, b3) AS d FROM r28b_d ORDER BY id;

-- id: r28b-dur-time-to-sec-ms
-- category: functions
-- order: ordered
SELECT id, TIME_TO_SEC(TIMEDIFF(a3, b3)) AS s FROM r28b_d ORDER BY id;

-- id: r28b-dur-timediff-times
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(t1, t2) AS d, TIME_TO_SEC(TIMEDIFF(t1, t2)) AS s FROM r28b_d ORDER BY id;

-- id: r28b-dur-timediff-literal
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(a, '2023-12-01 00:00:00') AS d FROM r28b_d ORDER BY id;

-- id: r28b-dur-window
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:SEC_TO_TIME
SELECT id, SEC_TO_TIME(SUM(n) OVER (ORDER BY id)) AS run FROM r28b_d ORDER BY id;

-- id: r28b-dur-cte
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:SEC_TO_TIME
WITH c AS (SELECT g, SUM(n) AS t FROM r28b_d GROUP BY g) SELECT g, SEC_TO_TIME(t) AS s FROM c ORDER BY g;

-- id: r28b-dur-derived-outer
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:SEC_TO_TIME
SELECT x.g, SEC_TO_TIME(x.t) AS s FROM (SELECT g, SUM(n) AS t FROM r28b_d GROUP BY g) x ORDER BY x.g;

-- id: r28b-dur-derived-inner
-- category: functions
-- order: ordered
SELECT x.id, x.s FROM (SELECT id, SEC_TO_TIME(n) AS s FROM r28b_d) x ORDER BY x.id;

-- id: r28b-dur-union
-- category: functions
-- order: unordered
SELECT SEC_TO_TIME(n) AS s FROM r28b_d WHERE id = 1 UNION ALL SELECT SEC_TO_TIME(n) FROM r28b_d WHERE id = 5;

-- id: r28b-dur-scalar-subquery
-- category: functions
-- order: unordered
SELECT (SELECT SEC_TO_TIME(SUM(n)) FROM r28b_d) AS s;

-- id: r28b-dur-in-subquery
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(n) AS s FROM r28b_d WHERE id IN (SELECT id FROM r28b_d WHERE n IS NOT NULL) ORDER BY id;

-- id: r28b-dur-limit
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(n) AS s FROM r28b_d ORDER BY s DESC LIMIT 2;

-- id: r28b-dur-group-by-alias
-- category: functions
-- order: ordered
SELECT SEC_TO_TIME(n) AS s, COUNT(*) AS c FROM r28b_d GROUP BY s ORDER BY s;

-- id: r28b-dur-grouped-plain
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(n) AS s FROM r28b_d GROUP BY id ORDER BY id;

-- id: r28b-dur-concat
-- category: functions
-- order: ordered
SELECT id, CONCAT(SEC_TO_TIME(n), '') AS s FROM r28b_d WHERE id IN (2, 5) ORDER BY id;

-- id: r28b-dur-sum-timediff
-- category: functions
-- order: ordered
SELECT g, SEC_TO_TIME(SUM(TIME_TO_SEC(TIMEDIFF(a3, b3)))) AS total FROM r28b_d GROUP BY g ORDER BY g;

-- id: r28b-dur-where-ttsec
-- category: functions
-- order: ordered
SELECT id FROM r28b_d WHERE TIME_TO_SEC(TIMEDIFF(a, b)) < 0 OR TIME_TO_SEC(TIMEDIFF(a, b)) > 86400 ORDER BY id;

-- id: r28b-dur-for-update
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(a, b) AS d FROM r28b_d WHERE id <= 3 ORDER BY id FOR UPDATE;

-- id: r28b-dur-case-alias
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(a, b) AS d FROM r28b_d ORDER BY CASE WHEN d IS NULL THEN 1 ELSE 0 END, d;

-- id: r28b-dur-max-of-timediff
-- category: functions
-- order: unordered
SELECT SEC_TO_TIME(MAX(TIME_TO_SEC(TIMEDIFF(a, b)))) AS mx, SEC_TO_TIME(MIN(TIME_TO_SEC(TIMEDIFF(a, b)))) AS mn FROM r28b_d;

-- id: r28b-fmt-ddl
-- category: ddl.create-table
-- tables: r28b_f
-- order: unordered
CREATE TABLE r28b_f (id INT NOT NULL PRIMARY KEY, w DOUBLE NULL, f FLOAT NULL, qty INT NULL, price DECIMAL(10,2) NULL) DEFAULT CHARSET=utf8mb4;

-- id: r28b-fmt-seed
-- category: writes.insert
-- commit: true
-- tables: r28b_f
-- order: unordered
INSERT INTO r28b_f VALUES (1, 2.675, 2.675, 3, 10.50), (2, 1e66, 0.1, 4, 3.33), (3, 1e100, 1.1, 0, 0.00), (4, NULL, NULL, NULL, NULL), (5, 1e307, 3e38, 7, 1234.56), (6, -2.5, 0.3, -2, -1.25), (7, 1.7976931348623157e308, 12345, 9, 99999999.99), (8, 5e-324, -0.0, 1, 0.01);

-- id: r28b-fmt-big-literal
-- category: functions
-- order: unordered
SELECT FORMAT(1e66, 0) AS a, FORMAT(1.23e65, 1) AS b, FORMAT(1e100, 2) AS c;

-- id: r28b-fmt-overflow-literal
-- category: functions
-- order: unordered
SELECT FORMAT(1e307, 2) AS a;

-- id: r28b-fmt-overflow-30
-- category: functions
-- order: unordered
SELECT FORMAT(1e280, 30) AS a;

-- id: r28b-fmt-big-columns
-- category: functions
-- order: ordered
SELECT id, FORMAT(w, 0) AS w0 FROM r28b_f WHERE id IN (1, 2, 3, 6) ORDER BY id;

-- id: r28b-fmt-big-columns-2
-- category: functions
-- order: ordered
SELECT id, FORMAT(w, 2) AS w2 FROM r28b_f WHERE id IN (5, 7) ORDER BY id;

-- id: r28b-fmt-tiny
-- category: functions
-- order: unordered
SELECT FORMAT(5e-324, 30) AS a, FORMAT(2e-7, 30) AS b, FORMAT(-1e-300, 2) AS c, FORMAT(4.9e-31, 30) AS d, FORMAT(5.5e-30, 30) AS e;

-- id: r28b-fmt-precision
-- category: functions
-- order: unordered
SELECT FORMAT(0.3e0 + 0.6e0, 20) AS a, FORMAT(1 / 3e0, 25) AS b, FORMAT(2 / 3e0, 16) AS c, FORMAT(1e22 + 1e0, 0) AS d, FORMAT(123456789012345678e0, 0) AS e, FORMAT(1.1e0 * 1.1e0, 30) AS f, FORMAT(0.5e0, 40) AS g;

-- id: r28b-fmt-null-d
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT FORMAT(0.5e0, NULL) AS a;

-- id: r28b-fmt-negative-d
-- category: functions
-- order: unordered
SELECT FORMAT(2.5e0, -1) AS a, FORMAT(-1234.5e0, -2) AS b, FORMAT(1234.5e0, 0) AS c, FORMAT(-0.4e0, 0) AS d;

-- id: r28b-fmt-float-columns
-- category: functions
-- order: ordered
SELECT id, FORMAT(f, 2) AS f2, FORMAT(f, 10) AS f10, FORMAT(f * 1.1, 4) AS f11, FORMAT(f / 3, 6) AS f3 FROM r28b_f ORDER BY id;

-- id: r28b-fmt-float-sum
-- category: functions
-- order: unordered
SELECT FORMAT(SUM(f), 8) AS s, FORMAT(AVG(f), 8) AS a FROM r28b_f WHERE id IN (1, 2, 3, 6);

-- id: r28b-fmt-double-exprs
-- category: functions
-- order: ordered
SELECT id, FORMAT(w * 1.1, 3) AS a, FORMAT(w / 3, 5) AS b, FORMAT(w + price, 2) AS c, FORMAT(price / w, 6) AS d, FORMAT(w / 0, 2) AS e FROM r28b_f WHERE id IN (1, 4, 6) ORDER BY id;

-- id: r28b-fmt-double-agg
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT FORMAT(SUM(w) / COUNT(*), 3) AS a, FORMAT(AVG(w), 3) AS b FROM r28b_f WHERE id IN (1, 6);

-- id: r28b-fmt-string-division
-- category: functions
-- order: unordered
SELECT FORMAT('3' / 2, 2) AS a, FORMAT('2.675' * 1, 2) AS b;

-- id: r28b-fmt-quotient-nested
-- category: functions
-- order: ordered
SELECT id, FORMAT(price / qty / 7, 12) AS a, FORMAT(price / 3 * 3, 6) AS b, FORMAT(qty / 7 / 7, 10) AS c, FORMAT(price / qty, 10) AS d FROM r28b_f ORDER BY id;

-- id: r28b-fmt-quotient-zero
-- category: functions
-- order: ordered
SELECT id, FORMAT(price / 0, 2) AS a, FORMAT(qty / 0.0, 2) AS b FROM r28b_f WHERE id IN (1, 3) ORDER BY id;

-- id: r28b-fmt-quotient-aggs
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT FORMAT(SUM(price / qty), 8) AS a, FORMAT(AVG(price / qty), 12) AS b, FORMAT(MAX(qty / 7), 6) AS c, FORMAT(SUM(qty / 3), 6) AS d FROM r28b_f;

-- id: r28b-fmt-count-grouped
-- category: functions
-- order: ordered
SELECT qty > 0 AS pos, FORMAT(COUNT(*) / 3, 4) AS c, FORMAT(SUM(price) / COUNT(*), 2) AS avgp FROM r28b_f GROUP BY qty > 0 ORDER BY pos;

-- id: r28b-fmt-count-having
-- category: functions
-- order: ordered
SELECT qty, FORMAT(SUM(price) / COUNT(*), 3) AS a FROM r28b_f GROUP BY qty HAVING COUNT(*) / 2 > 0.2 ORDER BY qty;

-- id: r28b-fmt-window
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT id, FORMAT(SUM(price) OVER (ORDER BY id), 2) AS run, FORMAT(price / SUM(price) OVER (), 6) AS share, FORMAT(ROW_NUMBER() OVER (ORDER BY id) / 3, 4) AS rn FROM r28b_f ORDER BY id;

-- id: r28b-fmt-window-double
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT id, FORMAT(AVG(w) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), 3) AS a FROM r28b_f WHERE id IN (1, 4, 6) ORDER BY id;

-- id: r28b-fmt-window-order-by
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT id FROM r28b_f ORDER BY FORMAT(COUNT(*) OVER (PARTITION BY qty > 0) / 3, 2), id;

-- id: r28b-fmt-locale-big
-- category: functions
-- order: ordered
SELECT id, FORMAT(w, 2, 'de_DE') AS de, FORMAT(price / 3, 3, 'fr_FR') AS fr FROM r28b_f WHERE id IN (1, 2, 6) ORDER BY id;

-- id: r28b-fmt-count-star-direct
-- category: functions
-- order: unordered
SELECT FORMAT(COUNT(*), 2) AS a, FORMAT(COUNT(*) * 1000000, 0) AS b, FORMAT(COUNT(*) / 7, 8) AS c FROM r28b_f;

-- id: r28b-fmt-sum-in-subquery-arg
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT id, FORMAT((SELECT SUM(price) FROM r28b_f) / qty, 3) AS a FROM r28b_f WHERE id IN (1, 2) ORDER BY id;

-- id: r28b-fmt-avg-quotients
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT FORMAT(AVG(price) / 3, 12) AS a, FORMAT(AVG(qty) / 7, 12) AS b, FORMAT(SUM(price) / SUM(qty), 10) AS c, FORMAT(MAX(price) / MIN(qty), 8) AS d FROM r28b_f;

-- id: r28b-fmt-round-quotients
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FORMAT
SELECT id, FORMAT(ROUND(price, 5) / 3, 12) AS a, FORMAT(TRUNCATE(price, 1) / 3, 9) AS b, FORMAT(ABS(price) / qty, 9) AS c, FORMAT(price * qty / 11, 9) AS d FROM r28b_f ORDER BY id;

-- id: r28b-fmt-literal-quotients
-- category: functions
-- order: unordered
SELECT FORMAT(1.50 / 3, 8) AS a, FORMAT(-7 / 2, 1) AS b, FORMAT(1 / 3 * 3, 4) AS c, FORMAT(10 / 4 / 4, 10) AS d, FORMAT(0.0001 / 3, 12) AS e, FORMAT(-0.00001 / 3, 9) AS f;

-- id: r28b-dur-sec-to-time-ttsec
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(TIME_TO_SEC(t1) * 30) AS s, SEC_TO_TIME(TIME_TO_SEC(t1) - 86400 * 2) AS n FROM r28b_d ORDER BY id;

-- id: r28b-dur-timediff-neg-literal
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF('2023-12-01 00:00:00', a) AS d FROM r28b_d ORDER BY id;

-- id: r28b-dur-timediff-date-cast
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:TIMEDIFF
SELECT id, TIMEDIFF(DATE(a), b) AS d FROM r28b_d ORDER BY id;

-- id: r28b-dur-nulls-desc
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(a, b) AS d FROM r28b_d ORDER BY d DESC, id;

-- id: r28b-plain-round-quotient
-- category: functions
-- order: ordered
SELECT id, ROUND(price, 5) / 3 AS a, AVG(qty) OVER () / 7 AS b FROM r28b_f WHERE id = 6 ORDER BY id;

-- id: r28b-plain-avg-quotient
-- category: functions
-- order: unordered
SELECT AVG(qty) / 7 AS b, AVG(price) / 3 AS a FROM r28b_f;

-- id: r28b-fmt-avg-direct
-- category: functions
-- order: unordered
SELECT FORMAT(AVG(qty), 8) AS a, FORMAT(AVG(price), 10) AS b FROM r28b_f;
