-- The review of session 27's changes (a helper; each statement run on MySQL 9.7.4): date-time and
-- string IFNULL/COALESCE as result columns, DATE_ADD of a string, ANY_VALUE and the value of a
-- case-insensitive group after an UPDATE moved rows and in a join, JSON_CONTAINS candidates, JSON_TABLE
-- CHAR(n), TIMEDIFF of DATETIME(3) within a day, ADDTIME of DATETIME and TIME columns, SET columns
-- as numbers, ~x in bit operations, CAST AS SIGNED of text, LIKE BINARY, PERIOD_DIFF, hex literals.

-- id: review27-ddl-t
-- category: ddl.create-table
-- order: unordered
-- tables: r27_t
CREATE TABLE r27_t (id INT NOT NULL PRIMARY KEY, name VARCHAR(40) NULL, d DATE NULL, d2 DATE NULL, dt DATETIME NULL, dt2 DATETIME NULL, t TIME NULL, t0 DATETIME(3) NULL, t1 DATETIME(3) NULL, flags SET('a','b','c') NOT NULL DEFAULT '', n INT NULL, s VARCHAR(40) NULL, doc JSON NULL) DEFAULT CHARSET=utf8mb4;

-- id: review27-seed-t
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: r27_t
INSERT INTO r27_t VALUES (1, 'ACME', '2024-01-15', '2023-11-02', '2024-01-01 10:00:00', '2024-01-03 12:00:00', '01:00:00', '2024-01-01 10:00:00.250', '2024-01-02 12:30:15.125', 'a,c', 1, '12abc', '[1,2]'), (2, 'acme', NULL, '2024-03-01', '2024-01-02 00:00:00', '2024-01-01 23:00:00', '23:30:00', '2024-01-02 00:00:00.000', '2024-01-01 23:00:00.500', 'b', 2, ' 12', '{"a":[1,2]}'), (3, 'Bob', '2024-02-29', NULL, NULL, NULL, NULL, '2024-01-01 00:00:00.000', NULL, '', -5, '', NULL);

-- id: review27-ddl-s
-- category: ddl.create-table
-- order: unordered
-- tables: r27_s
CREATE TABLE r27_s (id INT NOT NULL PRIMARY KEY, s VARCHAR(20) NOT NULL) DEFAULT CHARSET=utf8mb4;

-- id: review27-seed-s
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: r27_s
INSERT INTO r27_s VALUES (1, 'é'), (2, 'é'), (3, 'ab'), (4, 'a­b'), (5, 'E');

-- id: review27-ddl-av
-- category: ddl.create-table
-- order: unordered
-- tables: r27_av
CREATE TABLE r27_av (id INT NOT NULL PRIMARY KEY, g INT NOT NULL, v VARCHAR(20) NOT NULL, name VARCHAR(20) NOT NULL) DEFAULT CHARSET=utf8mb4;

-- id: review27-seed-av
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: r27_av
INSERT INTO r27_av VALUES (1, 1, 'first', 'acme'), (2, 1, 'second', 'ACME'), (3, 2, 'third', 'Bob'), (4, 2, 'fourth', 'BOB');

-- id: review27-upd-av
-- category: writes.update
-- order: unordered
-- commit: true
-- tables: r27_av
UPDATE r27_av SET g = g * 1, v = CONCAT(v, '') WHERE id IN (1, 3);

-- id: review27-ddl-i
-- category: ddl.create-table
-- order: unordered
-- tables: r27_i
CREATE TABLE r27_i (id INT NOT NULL PRIMARY KEY, v INT NULL, ti TINYINT UNSIGNED NULL) DEFAULT CHARSET=utf8mb4;

-- id: review27-ins-hex
-- category: writes.insert
-- mode: expect
-- order: unordered
-- tables: r27_i
-- then: SELECT id, v, ti FROM r27_i ORDER BY id
-- note: MySQL stores a hexadecimal or bit-value literal written into an integer column as its number; MariaDB 10.11 rejects X'41' there, the rows are MySQL 9.7.4's
-- row: 1, 65, 127
-- row: 2, 258, 5
-- row: 3, 255, 255
INSERT INTO r27_i VALUES (1, X'41', 0x7F), (2, 0x0102, b'101'), (3, b'11111111', X'FF');

-- id: review27-upd-hex
-- category: writes.update
-- order: unordered
-- tables: r27_t
UPDATE r27_t SET n = 0x10 WHERE id = 1;

-- id: review27-ins-hex-empty
-- category: writes.insert
-- mode: expect
-- order: unordered
-- tables: r27_i
-- then: SELECT id, v, ti FROM r27_i WHERE id = 4
-- note: X'' in an integer column is 0 in MySQL 9.7.4; MariaDB 10.11 rejects it
-- row: 4, 0, NULL
INSERT INTO r27_i VALUES (4, X'', NULL);

-- id: review27-coalesce-top
-- category: functions
-- order: ordered
SELECT id, COALESCE(d, '2024-01-01') AS x, IFNULL(dt, '2024-01-01 00:00:00') AS y, IF(id > 1, t, '00:00:00') AS z FROM r27_t ORDER BY id;

-- id: review27-dateadd-basic
-- category: functions
-- order: unordered
SELECT DATE_ADD('2024-01-31', INTERVAL 1 MONTH) AS a, ADDDATE('2024-01-01', 5) AS b, DATE_SUB('2024-03-01', INTERVAL 1 DAY) AS c, DATE_ADD('2024-01-01', INTERVAL 90 MINUTE) AS e, DATE_ADD('2024-01-01 10:00:00', INTERVAL 1 DAY) AS f;

-- id: review27-dateadd-fraction
-- category: functions
-- order: unordered
SELECT DATE_ADD('2024-01-01 00:00:00.5', INTERVAL 1 SECOND) AS a, DATE_ADD('2024-01-01 00:00:00.500000', INTERVAL 1 DAY) AS b;

-- id: review27-anyvalue-updated
-- category: functions
-- mode: expect
-- order: ordered
-- note: after an UPDATE moved rows 1 and 3 to the end of PostgreSQL's heap, ANY_VALUE still gives the row first by primary key, as MySQL 9.7.4; MariaDB 10.11 has no ANY_VALUE
-- row: 1, 'first', 2
-- row: 2, 'third', 2
SELECT g, ANY_VALUE(v) AS v, COUNT(*) AS c FROM r27_av GROUP BY g ORDER BY g;

-- id: review27-anyvalue-rollup
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:ANY_VALUE
SELECT g, ANY_VALUE(v) AS v, COUNT(*) AS c FROM r27_av GROUP BY g WITH ROLLUP;

-- id: review27-group-ci-updated
-- category: functions
-- order: ordered
SELECT name, COUNT(*) AS c FROM r27_av GROUP BY name ORDER BY name;

-- id: review27-group-ci-join
-- category: p1.case-insensitive
-- order: ordered
-- note: in a join the first row MySQL reads is not the first by primary key (the review: 'acme' by key, MySQL 'ACME'); the translation keeps min() there, which agrees on this data
SELECT a.name, COUNT(*) AS c FROM r27_av a JOIN r27_av b ON b.g = a.g GROUP BY a.name ORDER BY a.name;

-- id: review27-json-contains-matrix
-- category: p1.json-extract
-- order: ordered
SELECT j.id, JSON_CONTAINS(j.doc, '[]') AS c1, JSON_CONTAINS(j.doc, '{}') AS c2, JSON_CONTAINS(j.doc, '[[]]') AS c3, JSON_CONTAINS(j.doc, '[1,1]') AS c4, JSON_CONTAINS(j.doc, '[[1,2]]') AS c5, JSON_CONTAINS(j.doc, '{"a":{}}') AS c6, JSON_CONTAINS(j.doc, '{"a":[]}') AS c7, JSON_CONTAINS(j.doc, '[{"a":[1]}]') AS c8, JSON_CONTAINS(j.doc, '1.0') AS c9, JSON_CONTAINS(j.doc, 'null') AS c10, JSON_CONTAINS(j.doc, '[null]') AS c11, JSON_CONTAINS(j.doc, '{"a":null}') AS c12, JSON_CONTAINS(j.doc, '{"a\\"b":1}') AS c13, JSON_CONTAINS(j.doc, '{"a":5,"a":1}') AS c14, JSON_CONTAINS(j.doc, '[[[1]]]') AS c15, JSON_CONTAINS(j.doc, 'true') AS c16, JSON_CONTAINS(j.doc, '[1,[2]]') AS c17, JSON_CONTAINS(j.doc, '{"a":{"b":1}}') AS c18, JSON_CONTAINS(j.doc, '[{}]') AS c19, JSON_CONTAINS(j.doc, '"\\u00e9"') AS c20, JSON_CONTAINS(j.doc, '[2,1]') AS c21 FROM JSON_TABLE('[[1,2], [[1,2],[3]], {"a":1}, {"a":[1,2]}, [{"a":1,"b":2}], [[{"a":[1]}]], 1, null, [], {}, {"a":{"b":1}}, [null], {"a":null}, {"a\\"b":1}, [[]], [true,1], "é", [1,[2,3]], {"a":{"b":[1,2]}}, [[[1]]], [1.0]]', '$[*]' COLUMNS (id FOR ORDINALITY, doc JSON PATH '$')) AS j ORDER BY j.id;

-- id: review27-json-contains-table
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_CONTAINS(doc, '[1]') AS a, JSON_CONTAINS(doc, '{"a":[2]}') AS b, JSON_CONTAINS(doc, '2', '$.a') AS c, JSON_CONTAINS(doc, '[]', '$.zz') AS e FROM r27_t ORDER BY id;

-- id: review27-json-arrayagg-obj
-- category: p1.json-construct
-- order: unordered
SELECT JSON_ARRAYAGG(JSON_OBJECT('id', id, 'doc', doc)) AS a, JSON_ARRAYAGG(doc) AS b FROM r27_t WHERE id IN (1, 3);

-- id: review27-json-table-char
-- category: p1.json-extract
-- order: ordered
SELECT j.id, j.c, CONCAT('[', j.c, ']') AS cc, j.v, CONCAT('[', j.v, ']') AS vv FROM JSON_TABLE('[" ab  ", "abcd     ", 12, true, "a\\t"]', '$[*]' COLUMNS (id FOR ORDINALITY, c CHAR(5) PATH '$', v VARCHAR(5) PATH '$')) AS j ORDER BY j.id;

-- id: review27-addtime-dt-number
-- category: functions
-- order: ordered
SELECT id, ADDTIME(dt, '01:00:00') + 0 AS x FROM r27_t ORDER BY id;

-- id: review27-addtime-dt-coalesce
-- category: functions
-- order: ordered
SELECT id, COALESCE(ADDTIME(dt, '01:00:00'), '2024-01-01 00:00:00') AS x FROM r27_t ORDER BY id;

-- id: review27-addtime-dt-sum
-- category: functions
-- order: unordered
SELECT SUM(ADDTIME(dt, '01:00:00')) AS x FROM r27_t;

-- id: review27-addtime-time
-- category: functions
-- order: ordered
SELECT id, ADDTIME(t, '00:15:00') AS a, SUBTIME(t, '00:30:00') AS b, ADDTIME(t, '00:15:00') + 0 AS c, JSON_OBJECT('a', ADDTIME(t, '00:15:00')) AS j FROM r27_t ORDER BY id;

-- id: review27-timediff-min
-- category: functions
-- order: unordered
SELECT TIMEDIFF('23:59:00', MIN(t)) AS a, TIMEDIFF(MAX(t), MIN(t)) AS b FROM r27_t;

-- id: review27-set-number
-- category: functions
-- order: ordered
SELECT id, flags & 4 AS a, flags + 0 AS b, BIT_COUNT(flags) AS c, flags | 0 AS e, -flags AS f, flags * 1.5 AS g, CONCAT(flags, '') AS h FROM r27_t ORDER BY id;

-- id: review27-set-where
-- category: functions
-- order: ordered
SELECT id FROM r27_t WHERE flags = 5 OR flags > 4 OR flags = 'b' ORDER BY id;

-- id: review27-inv-paren
-- category: functions
-- order: unordered
SELECT (~1) & 255 AS a;

-- id: review27-inv-big
-- category: functions
-- order: unordered
SELECT ~0 & 18446744073709551615 AS a;

-- id: review27-like-binary
-- category: functions
-- order: ordered
SELECT id FROM r27_t WHERE name LIKE BINARY 'AC%' ORDER BY id;

-- id: review27-like-binary-not
-- category: functions
-- order: ordered
SELECT id FROM r27_t WHERE name NOT LIKE BINARY 'a%' ORDER BY id;

-- id: review27-like-binary-escape
-- category: functions
-- order: ordered
SELECT id FROM r27_av WHERE v LIKE BINARY 'f!%' ESCAPE '!' ORDER BY id;

-- id: review27-period
-- category: functions
-- order: ordered
SELECT id, PERIOD_DIFF(DATE_FORMAT(d, '%Y%m'), DATE_FORMAT(d2, '%Y%m')) AS a, PERIOD_ADD(DATE_FORMAT(d, '%Y%m'), 1) AS b, PERIOD_DIFF(DATE_FORMAT(dt, '%Y%m'), 202312) AS c FROM r27_t ORDER BY id;

-- id: review27-seed-t2
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: r27_t
INSERT INTO r27_t VALUES (4, 'bob', '2024-05-05', '2024-01-05', '2024-01-01 10:00:00', '2024-01-01 12:30:00', '10:00:00', '2024-01-01 10:00:00.250', '2024-01-01 12:30:15.125', 'a,b,c', 7, '-1', '[null]'), (5, 'x', NULL, NULL, '2024-01-01 10:00:00', '2024-01-01 11:00:00', '00:00:00', '2024-01-01 10:00:00.000', '2024-01-01 11:00:00.100', 'c', 0, 'null', '[]');

-- id: review27-timediff-ms-day
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(t1, t0) AS x, CONCAT('', TIMEDIFF(t1, t0)) AS c, JSON_OBJECT('d', TIMEDIFF(t1, t0)) AS j, LENGTH(TIMEDIFF(t1, t0)) AS l, TIMEDIFF(t1, '2024-01-01 10:00:00') AS y, CAST(TIMEDIFF(t1, t0) AS CHAR) AS z FROM r27_t WHERE id IN (4, 5) ORDER BY id;

-- id: review27-timediff-ms-union
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(t1, t0) AS x FROM r27_t WHERE id = 4 UNION ALL SELECT id, t FROM r27_t WHERE id = 5 ORDER BY id;

-- id: review27-timediff-ms-groupconcat
-- category: functions
-- order: unordered
SELECT GROUP_CONCAT(TIMEDIFF(t1, t0) ORDER BY id) AS g FROM r27_t WHERE id IN (4, 5);

-- id: review27-timediff-json-plain-day
-- category: functions
-- order: ordered
SELECT id, JSON_OBJECT('d', TIMEDIFF(dt2, dt)) AS j, JSON_OBJECT('t', TIMEDIFF(t, '00:00:00')) AS k, JSON_ARRAY(TIMEDIFF(dt2, dt)) AS a FROM r27_t WHERE id IN (4, 5) ORDER BY id;

-- id: review27-coalesce-insert-select
-- category: writes.insert
-- order: unordered
-- tables: r27_s
INSERT INTO r27_s (id, s) SELECT id + 100, COALESCE(d, '2024-01-01') FROM r27_t;

-- id: review27-inv-and
-- category: functions
-- order: ordered
SELECT id, ~n & 255 AS a, ~n | 1 AS b, ~n ^ n AS c, ~n & NULL AS f, ~n & -1 AS g, 5 & ~2 AS h FROM r27_t ORDER BY id;

-- id: review27-inv-decimal
-- category: functions
-- order: unordered
SELECT ~1 & 2.5 AS a, ~1 & '6' AS b;

-- id: review27-set-avg
-- category: functions
-- order: unordered
SELECT AVG(flags) AS a FROM r27_t;

-- id: review27-set-update
-- category: writes.update
-- order: unordered
-- tables: r27_t
UPDATE r27_t SET n = flags + 0 WHERE id < 5;

-- id: review27-cast-unsigned-col
-- category: p1.cast
-- order: ordered
SELECT id, CAST(s AS UNSIGNED) AS a, CONVERT(s, SIGNED) AS b, CAST(CONCAT(s, '9') AS SIGNED) AS c FROM r27_t ORDER BY id;

-- id: review27-cast-where
-- category: p1.cast
-- order: ordered
SELECT id FROM r27_t WHERE CAST(s AS SIGNED) = 12 ORDER BY id;

-- id: review27-anyvalue-distinct
-- category: functions
-- order: ordered
SELECT DISTINCT name FROM r27_av ORDER BY name;

-- id: review27-json-arrayagg-extract
-- category: p1.json-construct
-- order: unordered
SELECT JSON_ARRAYAGG(JSON_EXTRACT(doc, '$.a')) AS a FROM r27_t WHERE id IN (1, 2);

-- id: review27-timediff-ms-text
-- category: functions
-- order: ordered
SELECT id, SUBSTRING(TIMEDIFF(t1, t0), 1, 12) AS a, REPLACE(TIMEDIFF(t1, t0), ':', '-') AS b, TIMEDIFF(t1, t0) LIKE '%.100' AS c, CONVERT(TIMEDIFF(t1, t0), CHAR) AS e, UPPER(TIMEDIFF(t1, t0)) AS f FROM r27_t WHERE id IN (4, 5) ORDER BY id;

-- id: review27-timediff-ms-castchar
-- category: functions
-- order: ordered
SELECT id, CAST(TIMEDIFF(t1, t0) AS CHAR) AS z FROM r27_t WHERE id IN (4, 5) ORDER BY id;
