-- Issue #16 (JSON): MySQL's JSON_TABLE as a LATERAL derived table over jsonb_path_query (JsonTable):
-- the rows the row path finds in document order, each column converted as MySQL 9.7 converts it
-- (checked by hand on MySQL 9.7.4 before these entries were written).

-- id: json-table-literal-conversions
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 converts otherwise (a string with a fraction to its integer part, 2.5 up to 3, out of range to the type's limit, "abc" to 0); the rows are MySQL 9.7.4's (run on it by hand); integers round a fraction half to even and take a string of digits with leading spaces and a sign; text columns print a number as MySQL does (2.50 as 2.5, 1000.0 as is); too long, out of range, an object or an array is NULL (ON ERROR); JSON null is NULL; EXISTS finds JSON null
-- row: 1, 1, 1, '1', '1', json'1', 1, '1'
-- row: 2, 2, 2, '2', '2', json'"2"', 1, '2'
-- row: 3, 4, 4, '3.7', '3.7', json'3.7', 1, '3.7'
-- row: 4, NULL, NULL, '3.7', '3.7', json'"3.7"', 1, '3.7'
-- row: 5, NULL, NULL, 'abc', 'abc', json'"abc"', 1, 'abc'
-- row: 6, 1, 1, 'true', 'true', json'true', 1, 'true'
-- row: 7, 0, 0, 'false', 'false', json'false', 1, 'false'
-- row: 8, NULL, NULL, NULL, NULL, NULL, 1, NULL
-- row: 9, NULL, NULL, NULL, NULL, json'{"x": 1}', 1, NULL
-- row: 10, NULL, NULL, NULL, NULL, json'[1]', 1, NULL
-- row: 11, 2, 2, '2.5', '2.5', json'2.5', 1, '2.5'
-- row: 12, NULL, NULL, '', '', json'""', 1, ''
-- row: 13, NULL, NULL, ' 5 ', ' 5 ', json'" 5 "', 1, ' 5 '
-- row: 14, NULL, NULL, NULL, '99999999999', json'99999999999', 1, '99999999999'
-- row: 15, -1, -1, '-1', '-1', json'-1', 1, '-1'
-- row: 16, 2, 2, '1.5', '1.5', json'1.5', 1, '1.5'
-- row: 17, NULL, NULL, '2.5', '2.5', json'"2.5"', 1, '2.5'
-- row: 18, NULL, NULL, '1e2', '1e2', json'"1e2"', 1, '1e2'
-- row: 19, 2, 2, '+2', '+2', json'"+2"', 1, '+2'
-- row: 20, 4, 4, ' 4', ' 4', json'" 4"', 1, ' 4'
-- row: 21, 3, 3, '3.0', '3.0', json'3.0', 1, '3.0'
-- row: 22, 0, 0, NULL, '0.0000125', json'0.0000125', 1, '0.0000125'
-- row: 23, 0, 0, '0.1', '0.1', json'0.1', 1, '0.1'
-- row: 24, 127, 127, '127', '127', json'127', 1, '127'
-- row: 25, 128, NULL, '128', '128', json'128', 1, '128'
-- row: 26, 0, 0, '-0.5', '-0.5', json'-0.5', 1, '-0.5'
-- row: 27, 1000, NULL, NULL, '1000.0', json'1000.0', 1, '1000.0'
SELECT * FROM JSON_TABLE('[1, "2", 3.7, "3.7", "abc", true, false, null, {"x": 1}, [1], 2.5, "", " 5 ", 99999999999, -1, 1.5, "2.5", "1e2", "+2", " 4", 3.0, 0.0000125, 0.1, 127, 128, -0.5, 1000.0]', '$[*]' COLUMNS (n FOR ORDINALITY, i INT PATH '$', t TINYINT PATH '$', v VARCHAR(5) PATH '$', w VARCHAR(20) PATH '$', j JSON PATH '$', e INT EXISTS PATH '$', x TEXT PATH '$')) AS jt ORDER BY n;

-- id: json-table-number-text
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 keeps a number's text as written and rounds 2.50 up to 3; the rows are MySQL 9.7.4's (run on it by hand); a number with a fraction is a DOUBLE in MySQL, printed without trailing zeros but one
-- row: 1, '2.5', 2
-- row: 2, '3.0', 3
-- row: 3, '0.1', 0
-- row: 4, '123.456', 123
-- row: 5, '-1.75', -2
-- row: 6, '7', 7
SELECT * FROM JSON_TABLE('[2.50, 3.00, 0.10, 123.456, -1.75, 7]', '$[*]' COLUMNS (n FOR ORDINALITY, s VARCHAR(20) PATH '$', b BIGINT PATH '$')) AS jt ORDER BY n;

-- id: json-table-decimals
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 converts otherwise; the rows are MySQL 9.7.4's (run on it by hand): a number or a string rounded half away from zero to the scale (2.675 is 2.68: MySQL converts a JSON DOUBLE through its shortest text), spaces either side of a string, a sign, an exponent; out of range after rounding, another string, an object or an array is NULL; DEFAULT '"0.5"' ON EMPTY converted too
-- row: 1, 1.01, 1, 1, 0.6
-- row: 2, 1.01, 1, 1, 0.6
-- row: 3, 2.68, 3, 3, 0.6
-- row: 4, -1.01, -1, -1, 0.6
-- row: 5, -1.01, -1, -1, 0.6
-- row: 6, 1.50, 2, 2, 0.6
-- row: 7, 5.00, 5, 5, 0.6
-- row: 8, 100.00, 100, 100, 0.6
-- row: 9, NULL, NULL, NULL, 0.6
-- row: 10, NULL, NULL, NULL, 0.6
-- row: 11, 1.00, 1, 1, 0.6
-- row: 12, NULL, NULL, NULL, 0.6
-- row: 13, NULL, NULL, NULL, 0.6
-- row: 14, 999.99, 1000, 1000, 0.6
-- row: 15, NULL, 1000, 1000, 0.6
-- row: 16, NULL, 1000, 1000, 0.6
-- row: 17, 12.00, 12, 12, 0.6
-- row: 18, 3.50, 4, 4, 0.6
-- row: 19, 0.50, 1, 1, 0.6
-- row: 20, 5.00, 5, 5, 0.6
-- row: 21, NULL, NULL, NULL, 0.6
-- row: 22, 0.13, 0, 0, 0.6
-- row: 23, NULL, NULL, NULL, 0.6
SELECT * FROM JSON_TABLE('[1.005, "1.005", 2.675, -1.005, "-1.005", 1.5, " 5 ", "1e2", "abc", "", true, null, [1], 999.994, 999.995, "999.995", 12, "+3.5", ".5", "5.", "0x10", 0.125, {}]', '$[*]' COLUMNS (n FOR ORDINALITY, d DECIMAL(5, 2) PATH '$', e DECIMAL(10, 0) PATH '$', f DECIMAL PATH '$', g NUMERIC(4, 1) PATH '$.a' DEFAULT '"0.55"' ON EMPTY)) AS jt ORDER BY n;

-- id: json-table-over-column
-- category: p1.json-extract
-- order: ordered
-- note: JSON_TABLE sees the tables before it; a document without the path, a NULL document or a wildcard over a value that is not an array gives no row
SELECT a.id, jt.n, jt.tag FROM activity_log a, JSON_TABLE(a.payload, '$.tags[*]' COLUMNS (n FOR ORDINALITY, tag VARCHAR(20) PATH '$')) AS jt ORDER BY a.id, jt.n;

-- id: json-table-defaults-and-exists
-- category: p1.json-extract
-- order: ordered
-- note: DEFAULT '-1' ON EMPTY is JSON text converted to the column's type (as MariaDB reads it too); a row path of single steps gives one row per document that has it (an array document too)
SELECT a.id, jt.* FROM activity_log a JOIN JSON_TABLE(a.payload, '$' COLUMNS (os VARCHAR(10) PATH '$.os', points INT PATH '$.points' DEFAULT '-1' ON EMPTY, late INT EXISTS PATH '$.late', meta JSON PATH '$.meta', version VARCHAR(10) PATH '$.version', first INT PATH '$[0]' DEFAULT '"0"' ON ERROR)) AS jt ON TRUE ORDER BY a.id;

-- id: json-table-left-join-filter-group
-- category: p1.json-extract
-- order: ordered
-- note: JSON_TABLE's text columns compare case-insensitively (MySQL 9.7 gives them the connection's utf8mb4_0900_ai_ci); a LEFT JOIN keeps documents without rows
SELECT a.id, COUNT(jt.tag) AS tags, SUM(jt.tag = 'KITCHEN') AS kitchen FROM activity_log a LEFT JOIN JSON_TABLE(a.payload, '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$')) AS jt ON TRUE GROUP BY a.id ORDER BY a.id;

-- id: json-table-string-defaults
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 takes DEFAULT '"x"' as the text "x" with its quotes; the rows are MySQL 9.7.4's (run on it by hand): the default is JSON text, converted as a value is; JSON null is NULL, not empty
-- row: 1, NULL, NULL, NULL, NULL
-- row: 2, 'E', NULL, 7, json'[9]'
-- row: 3, NULL, 'x', 8, json'"abcdef"'
-- row: 4, 'ab', 'ab', 8, json'"ab"'
-- row: 5, NULL, 'x', 8, json'[1]'
-- row: 6, '5 ', '5 ', 8, json'"5 "'
SELECT * FROM JSON_TABLE('[{"a": null}, {}, {"a": "abcdef"}, {"a": "ab"}, {"a": [1]}, {"a": "5 "}]', '$[*]' COLUMNS (n FOR ORDINALITY, v VARCHAR(3) PATH '$.a' DEFAULT '"E"' ON EMPTY, w VARCHAR(3) PATH '$.a' DEFAULT '"x"' ON ERROR, i INT PATH '$.a' DEFAULT '7' ON EMPTY DEFAULT '"8"' ON ERROR, j JSON PATH '$.a' DEFAULT '[9]' ON EMPTY)) AS jt ORDER BY n;

-- id: json-table-insert-select
-- category: writes.insert
-- order: unordered
-- note: INSERT ... SELECT FROM JSON_TABLE, a JSON column written from a JSON_TABLE column
INSERT INTO activity_log (user_id, action, payload, created_at) SELECT jt.u, jt.a, jt.p, '2024-03-05 10:00:00' FROM JSON_TABLE('[{"u": 1, "a": "import", "p": {"rows": 3}}, {"u": 2, "a": "export"}]', '$[*]' COLUMNS (u INT PATH '$.u', a VARCHAR(20) PATH '$.a', p JSON PATH '$.p')) AS jt;

-- id: json-table-insert-select-now
-- category: nondeterministic
-- order: unordered
-- note: pinned: NOW(3) computed once and bound on both sides, JSON_TABLE run on MySQL as written (MysqlPinDeParser)
INSERT INTO activity_log (user_id, action, created_at) SELECT jt.u, jt.a, NOW(3) FROM JSON_TABLE('[{"u": 3, "a": "login"}, {"u": 4, "a": "logout"}]', '$[*]' COLUMNS (u INT PATH '$.u', a VARCHAR(20) PATH '$.a')) AS jt;

-- id: json-table-nested-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:json-table
SELECT * FROM JSON_TABLE('[{"a": [1, 2]}]', '$[*]' COLUMNS (NESTED PATH '$.a[*]' COLUMNS (x INT PATH '$'))) AS jt;

-- id: json-table-double-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:json-table
SELECT * FROM JSON_TABLE('[1.5]', '$[*]' COLUMNS (d DOUBLE PATH '$')) AS jt;
