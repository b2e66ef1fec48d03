-- Constructs outside workload 9 (a SaaS billing application's SQL, written outside the repository,
-- notes/trial29) and the refusals left by workload 8 ran into, with MySQL 9.7.4's answers: ANY_VALUE,
-- JSON_CONTAINS of array and object candidates, JSON_ARRAYAGG of JSON_OBJECT, JSON_TABLE CHAR(n),
-- TIMEDIFF of DATETIME(3), a SET column as a number, CAST AS SIGNED of
-- a string value, DATE_ADD of a string, and the spelling a case-insensitive group shows.

-- id: ow9-ddl
-- category: ddl.create-table
-- order: unordered
-- tables: ow9_items
CREATE TABLE ow9_items (id INT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, t0 DATETIME(3) NOT NULL, t1 DATETIME(3) NULL, dur TIME NULL, doc JSON NULL, flags SET('a','b','c','d') NOT NULL DEFAULT '', price DECIMAL(10,2) NULL) DEFAULT CHARSET=utf8mb4;

-- id: ow9-seed
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: ow9_items
INSERT INTO ow9_items VALUES (1, 'Zoë', '2024-01-01 10:00:00.250', '2024-01-01 12:30:15.125', '01:30:00', '{"tags": ["a", "b"], "k": 1, "items": [{"name": "x", "qty": 2}, {"name": "y", "qty": 3}], "code": "AB", "d": "2024-05-01", "f": 1.5}', 'a,c', 10.50), (2, 'zoe', '2024-01-02 00:00:00.000', NULL, NULL, '{"tags": ["c"], "k": 2, "items": [{"name": "y", "qty": 1}], "code": "CD", "d": "2024-06-30", "f": 2.25}', 'b,c,d', NULL), (3, 'Ann', '2024-02-29 23:59:59.999', '2024-03-01 00:00:00.001', '23:00:00', NULL, '', 3.00), (4, 'bob', '2024-03-01 00:00:00.000', NULL, NULL, NULL, 'b', 1.00), (5, 'Bob', '2024-03-02 00:00:00.000', NULL, NULL, NULL, '', 2.00), (6, 'éclair', '2024-03-03 00:00:00.000', NULL, NULL, NULL, 'd', NULL), (7, 'Eclair', '2024-03-04 00:00:00.000', NULL, NULL, NULL, 'a,b,c,d', NULL);

-- id: ow9-any-value
-- category: functions
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 has no ANY_VALUE; the rows are MySQL 9.7.4's
-- row: 1, 'Zoë', 1
-- row: 2, 'zoe', 1
-- row: 3, 'Ann', 1
-- row: 4, 'bob', 1
-- row: 5, 'Bob', 1
-- row: 6, 'éclair', 1
-- row: 7, 'Eclair', 1
SELECT id, ANY_VALUE(name) AS n, COUNT(*) AS c FROM ow9_items GROUP BY id ORDER BY id;

-- id: ow9-any-value-2
-- category: functions
-- mode: expect
-- order: ordered
-- note: ANY_VALUE in WHERE is the row's value, in the select list and ORDER BY one of the group's; MariaDB 10.11 has no ANY_VALUE, the rows are MySQL 9.7.4's
-- row: 0, 0, 1
-- row: 1, 10, 2
SELECT id DIV 2 AS g, ANY_VALUE(id DIV 2 * 10) AS p, COUNT(*) AS c FROM ow9_items WHERE ANY_VALUE(id) < 4 GROUP BY id DIV 2 ORDER BY ANY_VALUE(id DIV 2 * 10);

-- id: ow9-any-value-3
-- category: functions
-- mode: expect
-- order: ordered
-- note: without GROUP BY or an aggregate ANY_VALUE(x) is x, sorted under x's collation; MariaDB 10.11 has no ANY_VALUE, the rows are MySQL 9.7.4's
-- row: 'Ann'
-- row: 'bob'
-- row: 'Bob'
SELECT ANY_VALUE(name) AS n FROM ow9_items WHERE id IN (3, 4, 5) ORDER BY n, id;

-- id: ow9-any-value-4
-- category: functions
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 has no ANY_VALUE; the row is MySQL 9.7.4's
-- row: 1, json'1'
SELECT COUNT(*) AS c, ANY_VALUE(JSON_EXTRACT(doc, '$.k')) AS k FROM ow9_items WHERE id = 1;

-- id: ow9-timediff-ms
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(t1, t0) AS d, CONCAT('took ', TIMEDIFF(t1, t0)) AS c, JSON_OBJECT('d', TIMEDIFF(t1, t0)) AS j, TIME_TO_SEC(TIMEDIFF(t1, t0)) AS s, TIMESTAMPDIFF(SECOND, t0, t1) AS s2, TIMESTAMPDIFF(MICROSECOND, t0, t1) AS us, HOUR(TIMEDIFF(t1, t0)) AS h FROM ow9_items ORDER BY id;

-- id: ow9-addtime-ms
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:SUBTIME
SELECT id, SUBTIME(t0, '00:00:01') AS st, ADDTIME(t0, '01:00:00') AS at FROM ow9_items ORDER BY id;

-- id: ow9-json-contains-object
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_CONTAINS(doc, '{"k": 1}') AS a, JSON_CONTAINS(JSON_EXTRACT(doc, '$.tags'), '["a", "b"]') AS b, JSON_CONTAINS(doc, '"a"', '$.tags') AS c, JSON_CONTAINS(doc, '{"name": "y"}', '$.items') AS d FROM ow9_items ORDER BY id;

-- id: ow9-json-search-star
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_SEARCH
SELECT id, JSON_SEARCH(doc, 'one', 'y', NULL, '$.items[*].name') AS a, JSON_SEARCH(doc, 'all', 'y') AS b FROM ow9_items ORDER BY id;

-- id: ow9-json-arrayagg-object
-- category: p1.json-construct
-- order: unordered
SELECT JSON_ARRAYAGG(JSON_OBJECT('id', id, 'n', name)) AS j FROM (SELECT id, name FROM ow9_items ORDER BY id) x;

-- id: ow9-json-table-types
-- category: p1.json-extract
-- order: ordered
SELECT s.id, j.code, CONCAT('[', j.c1, ']') AS c1, j.code = 'ab' AS ci FROM ow9_items s, JSON_TABLE(s.doc, '$' COLUMNS (code CHAR(2) PATH '$.code', c1 CHAR PATH '$.code')) AS j ORDER BY s.id;

-- id: ow9-json-table-char-spaces
-- category: p1.json-extract
-- order: ordered
SELECT j.n, CONCAT('[', j.c, ']') AS c, CONCAT('[', j.v, ']') AS v, CONCAT('[', j.t, ']') AS t FROM JSON_TABLE('["abcd     ", "  é  ", "", 12, true, 1.50, "abcdef", null]', '$[*]' COLUMNS (n FOR ORDINALITY, c CHAR(5) PATH '$', v VARCHAR(5) PATH '$', t CHAR(3) PATH '$' DEFAULT '"z  "' ON EMPTY)) AS j ORDER BY j.n;

-- id: ow9-collate-as-cs-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:collate
-- note: utf8mb4_0900_as_cs equates canonically equivalent strings and ignores some characters (MySQL 9.7.4: 'é' = 'e' U+0301, 'a' U+00AD 'b' = 'ab'), which a comparison by code point does not (a review found it; session 27)
SELECT id, name COLLATE utf8mb4_0900_as_cs = 'zoe' AS a, name COLLATE utf8mb4_0900_as_cs <> 'Zoe' AS b, name COLLATE utf8mb4_0900_as_cs LIKE 'Z%' AS c, name = 'zoe' COLLATE utf8mb4_0900_as_cs AS d FROM ow9_items WHERE name COLLATE utf8mb4_bin = 'zoe' OR name COLLATE utf8mb4_0900_as_cs = 'Ann' OR name COLLATE utf8mb4_0900_as_cs = 'Zoë' ORDER BY id;

-- id: ow9-crc32
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:CRC32
SELECT id, CRC32(name) AS c, CRC32('MySQL') AS m FROM ow9_items ORDER BY id;

-- id: ow9-bit-count-set
-- category: p1.bitwise
-- order: ordered
SELECT id, BIT_COUNT(flags + 0) AS n, flags + 0 AS v FROM ow9_items ORDER BY id;

-- id: ow9-sec-to-time-cte
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:SEC_TO_TIME
WITH x AS (SELECT id, TIME_TO_SEC(dur) AS s FROM ow9_items) SELECT id, SEC_TO_TIME(s) AS t, SEC_TO_TIME(s * 2) AS t2 FROM x ORDER BY id;

-- id: ow9-json-arrayagg-plain
-- category: p1.json-construct
-- order: unordered
SELECT JSON_OBJECTAGG(name, price) AS o, JSON_ARRAYAGG(price) AS a FROM ow9_items;

-- id: ow9-jc-ddl
-- category: ddl.create-table
-- order: unordered
-- tables: ow9_jc
CREATE TABLE ow9_jc (id INT NOT NULL PRIMARY KEY, t JSON NULL);

-- id: ow9-jc-seed
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: ow9_jc
INSERT INTO ow9_jc VALUES (1, '[[3]]'), (2, '[1,[2,3]]'), (3, '[{"a":1}]'), (4, '[[{"a":1}]]'), (5, '[{"a":1,"b":2}]'), (6, '{"a":[1,2]}'), (7, '{"a":[[1],2]}'), (8, '{"a":{"b":[1,2]}}'), (9, '{"a":1}'), (10, '[]'), (11, '[{}]'), (12, '1'), (13, '[1]'), (14, '[1,2]'), (15, '[{"a":[1,2]}]'), (16, '[[1,2],[3]]'), (17, '{"a":[{"b":1}]}'), (18, '[true]'), (19, '"x"'), (20, '["x"]'), (21, '{"a":{"a":1}}'), (22, NULL), (23, '{"a":1.0,"k":"it''s"}'), (24, '[null]'), (25, '{"a":null}');

-- id: ow9-jc-0
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_CONTAINS(t, '3') AS c0, JSON_CONTAINS(t, '[3]') AS c1, JSON_CONTAINS(t, '[[3]]') AS c2, JSON_CONTAINS(t, '{"a":1}') AS c3, JSON_CONTAINS(t, '[{"a":1}]') AS c4, JSON_CONTAINS(t, '{"a":[1]}') AS c5, JSON_CONTAINS(t, '{"a":{"b":2}}') AS c6 FROM ow9_jc ORDER BY id;

-- id: ow9-jc-7
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_CONTAINS(t, '{}') AS c7, JSON_CONTAINS(t, '[]') AS c8, JSON_CONTAINS(t, '[1.0]') AS c9, JSON_CONTAINS(t, '[[1,3]]') AS c10, JSON_CONTAINS(t, '[[1],[3]]') AS c11, JSON_CONTAINS(t, '[[1]]') AS c12, JSON_CONTAINS(t, '{"a":{"b":1}}') AS c13 FROM ow9_jc ORDER BY id;

-- id: ow9-jc-14
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_CONTAINS(t, '1') AS c14, JSON_CONTAINS(t, '"x"') AS c15, JSON_CONTAINS(t, '["x","x"]') AS c16, JSON_CONTAINS(t, 'true') AS c17, JSON_CONTAINS(t, 'null') AS c18, JSON_CONTAINS(t, '{"k":"it''s"}') AS c19, JSON_CONTAINS(t, '{"a":null}') AS c20 FROM ow9_jc ORDER BY id;

-- id: ow9-jc-path
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_CONTAINS(t, '1', '$.a') AS a, JSON_CONTAINS(t, '{"b": 1}', '$.a') AS b, JSON_CONTAINS(t, '[1]', '$[1]') AS c FROM ow9_jc ORDER BY id;

-- id: ow9-set-numbers
-- category: p1.bitwise
-- order: ordered
SELECT id, flags + 0 AS v, flags & 4 AS a, flags | 1 AS o, BIT_COUNT(flags) AS n, BIT_COUNT(flags + 0) AS n2, flags * 1.5 AS m, ~id & 255 AS inv, 255 & ~id AS inv2, ~id | 0 AS inv3 FROM ow9_items ORDER BY id;

-- id: ow9-cast-json-signed
-- category: p1.cast
-- order: ordered
SELECT id, CAST(JSON_UNQUOTE(JSON_EXTRACT(doc, '$.k')) AS UNSIGNED) AS k, CAST(JSON_UNQUOTE(JSON_EXTRACT(doc, '$.missing')) AS UNSIGNED) AS m, CAST(JSON_UNQUOTE(JSON_EXTRACT(doc, '$.code')) AS SIGNED) AS c, CAST(JSON_EXTRACT(doc, '$.nothing') AS SIGNED) AS n, CAST(name AS SIGNED) AS s FROM ow9_items ORDER BY id;

-- id: ow9-cast-json-null
-- category: p1.cast
-- order: unordered
SELECT CAST(JSON_UNQUOTE(JSON_EXTRACT('{"a": null, "b": " 42x", "c": "-7"}', '$.a')) AS UNSIGNED) AS a, CAST(JSON_UNQUOTE(JSON_EXTRACT('{"a": null, "b": " 42x", "c": "-7"}', '$.b')) AS SIGNED) AS b, CAST(JSON_UNQUOTE(JSON_EXTRACT('{"a": null, "b": " 42x", "c": "-7"}', '$.c')) AS SIGNED) AS c;

-- id: ow9-date-add-string
-- category: p0.date-arith
-- order: ordered
SELECT DATE_ADD('2025-01-31', INTERVAL 1 MONTH) AS a, DATE_SUB('2025-03-31', INTERVAL 1 MONTH) AS b, ADDDATE('2025-12-07', 10) AS c, DATE_ADD('2025-01-31 10:00:00', INTERVAL 90 MINUTE) AS d, DATE_ADD('2025-01-31', INTERVAL 2 HOUR) AS e FROM ow9_items WHERE DATE_ADD('2024-01-01', INTERVAL id DAY) < '2024-01-03' ORDER BY id;

-- id: ow9-group-representative
-- category: p1.case-insensitive
-- order: ordered
SELECT name, COUNT(*) AS c FROM ow9_items GROUP BY name ORDER BY name;

-- id: ow9-flags-ddl
-- category: ddl.create-table
-- order: unordered
-- tables: ow9_flags
CREATE TABLE ow9_flags (id INT NOT NULL PRIMARY KEY, bits TINYINT UNSIGNED NOT NULL, big BIGINT NULL);

-- id: ow9-flags-seed
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: ow9_flags
-- note: workload 9's seed wrote bit-value literals into a TINYINT UNSIGNED column, which MySQL stores as numbers (PostgreSQL was given bytea)
INSERT INTO ow9_flags VALUES (1, b'00000011', b'10000'), (2, b'11111111', b'101'), (3, b'1111111', b'100000010');

-- id: ow9-flags-update
-- category: writes.update
-- order: unordered
-- tables: ow9_flags
UPDATE ow9_flags SET bits = b'00000111', big = b'101010111100' WHERE id = 1;

-- id: ow9-flags-read
-- category: p1.bitwise
-- order: ordered
SELECT id, bits, big, bits & b'00000010' AS b2 FROM ow9_flags ORDER BY id;

-- id: ow9-addtime-time-column
-- category: functions
-- order: ordered
-- note: ADDTIME/SUBTIME of a TIME column is a TIME (refused before session 27; a result outside a day fails on PostgreSQL)
SELECT id, ADDTIME(dur, '00:30:00') AS a, SUBTIME(dur, '01:00:00') AS s, CONCAT('', ADDTIME(dur, '00:30:00')) AS t, JSON_ARRAY(ADDTIME(dur, '00:30:00')) AS j FROM ow9_items WHERE id IN (1, 2) ORDER BY id;

-- id: ow9-addtime-time-column-update
-- category: writes.update
-- order: unordered
-- tables: ow9_items
UPDATE ow9_items SET dur = ADDTIME(dur, '00:15:00') WHERE id = 1;

-- id: ow9-timediff-min-time
-- category: functions
-- order: unordered
SELECT TIMEDIFF('23:59:00', MIN(dur)) AS left_of_day, TIMEDIFF(MAX(dur), '00:00:00') AS latest FROM ow9_items;

-- id: ow9-like-binary
-- category: p1.case-insensitive
-- order: ordered
SELECT id, name LIKE BINARY 'Z%' AS z, name LIKE BINARY '%o%' AS o, name NOT LIKE BINARY 'b%' AS nb FROM ow9_items ORDER BY id;

-- id: ow9-like-binary-underscore
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:like-binary
SELECT id FROM ow9_items WHERE name LIKE BINARY 'Zo_';

-- id: ow9-period-diff-date-format
-- category: functions
-- order: ordered
SELECT id, PERIOD_DIFF(DATE_FORMAT(t1, '%Y%m'), DATE_FORMAT(t0, '%Y%m')) AS months, PERIOD_ADD(DATE_FORMAT(t0, '%Y%m'), 11) AS later FROM ow9_items ORDER BY id;

-- id: ow9-interval-bracketed-amount
-- category: p0.date-arith
-- order: ordered
-- note: workload 9's next-Monday idiom; JSqlParser reads INTERVAL (expr) as MySQL's INTERVAL() function (refused before session 27)
SELECT id, DATE_ADD(DATE(t0), INTERVAL (7 - WEEKDAY(t0)) DAY) AS next_monday, DATE(t0) - INTERVAL (id * 2) DAY AS back FROM ow9_items ORDER BY id;

-- id: ow9-date-format-week
-- category: p0.date-format
-- order: ordered
-- note: workload 9's weekly report grouped by DATE_FORMAT(occurred_at, '%Y-%u'); %U/%u are WEEK(d, 0/1) with two digits, %w the day of the week (refused before session 27)
SELECT d, DATE_FORMAT(d, '%Y-%u') AS yu, DATE_FORMAT(d, 'w%U/%w %%u') AS uw FROM (SELECT DATE '2023-01-01' AS d UNION ALL SELECT DATE '2024-12-30' UNION ALL SELECT DATE '2021-01-03' UNION ALL SELECT DATE '2020-12-31' UNION ALL SELECT DATE '2024-01-01' UNION ALL SELECT NULL) AS x ORDER BY d;

-- id: ow9-date-format-week-column
-- category: p0.date-format
-- order: ordered
SELECT DATE_FORMAT(t0, '%x-%v %Y-%u') AS w, COUNT(*) AS c FROM ow9_items GROUP BY w ORDER BY w;
