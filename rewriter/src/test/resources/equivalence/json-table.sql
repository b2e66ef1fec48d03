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

-- id: json-table-text-document
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: a text column as the document (here another JSON_TABLE's VARCHAR column) is parsed as JSON, as MySQL does: CAST(... AS jsonb); the rows are MySQL 9.7.4's (MariaDB 10.11 rejects this document)
-- row: 1, 1, json'1'
-- row: 1, 2, json'1'
-- row: 2, 3, json'3'
SELECT jt.n, jt2.x, JSON_EXTRACT(jt.d, '$[0]') AS f FROM JSON_TABLE('[{"d": "[1, 2]"}, {"d": "[3]"}, {"d": "{\\"a\\": 4}"}]', '$[*]' COLUMNS (n FOR ORDINALITY, d VARCHAR(20) PATH '$.d')) AS jt, JSON_TABLE(jt.d, '$[*]' COLUMNS (x INT PATH '$')) AS jt2 ORDER BY jt.n, jt2.x;

-- id: json-table-insert-select-upsert
-- category: writes.insert
-- order: unordered
-- note: INSERT ... SELECT ... FROM JSON_TABLE(...) AS jt ON DUPLICATE KEY UPDATE: jt names the JSON_TABLE, not a row alias
INSERT INTO settings (family_id, name, value) SELECT jt.f, jt.n, jt.v FROM JSON_TABLE('[{"f": 1, "n": "week_start", "v": "sunday"}, {"f": 2, "n": "theme", "v": "dark"}]', '$[*]' COLUMNS (f INT PATH '$.f', n VARCHAR(64) PATH '$.n', v VARCHAR(255) PATH '$.v')) AS jt ON DUPLICATE KEY UPDATE value = VALUES(value), version = version + 1;

-- id: json-table-unsigned
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: UNSIGNED integer columns: from 0 (-0.5 rounds half to even to 0; -0.6 and "-1" are errors), 4294967295.5 rounds out of INT UNSIGNED; the rows are MySQL 9.7.4's (run on it by hand): MariaDB 10.11 clamps to the type's limits (-1 is 0, 4294967296 is 4294967295), reads "abc" as 0 and rounds 2.5 up to 3
-- row: 1, 1, 1, 1, 1, 0
-- row: 2, NULL, NULL, NULL, 9, 0
-- row: 3, 2, 2, 2, 2, 0
-- row: 4, 4, 4, 4, 4, 0
-- row: 5, 7, 7, 7, 7, 0
-- row: 6, 8, 8, 8, 8, 0
-- row: 7, 0, 0, 0, 0, 0
-- row: 8, NULL, NULL, NULL, 9, 0
-- row: 9, 4294967295, NULL, NULL, 9, 0
-- row: 10, NULL, NULL, NULL, 9, 0
-- row: 11, NULL, NULL, NULL, 9, 0
-- row: 12, 1, 1, 1, 1, 0
-- row: 13, NULL, NULL, NULL, 9, 0
-- row: 14, 100, 100, 100, 100, 0
-- row: 15, 255, 255, 255, 255, 0
-- row: 16, 256, NULL, 256, 256, 0
-- row: 17, 65535, NULL, 65535, 65535, 0
-- row: 18, 65536, NULL, NULL, 65536, 0
-- row: 19, 0, 0, 0, 0, 0
-- row: 20, 0, 0, 0, 0, 0
-- row: 21, NULL, NULL, NULL, 9, 0
-- row: 22, 0, 0, 0, 0, 0
-- row: 23, NULL, NULL, NULL, NULL, 0
-- row: 24, NULL, NULL, NULL, 9, 0
SELECT * FROM JSON_TABLE('[1, -1, 2.5, 3.5, "7", " 8", "-0", "-1", 4294967295, 4294967296, 4294967295.5, true, "abc", 1e2, 255, 256, 65535, 65536, -0.4, -0.5, -0.6, 0.5, null, {}]', '$[*]' COLUMNS (n FOR ORDINALITY, u INT UNSIGNED PATH '$', t TINYINT UNSIGNED PATH '$', s SMALLINT UNSIGNED PATH '$', m MEDIUMINT UNSIGNED PATH '$' DEFAULT '"9"' ON ERROR, e INT UNSIGNED EXISTS PATH '$.a')) AS jt ORDER BY n;

-- id: json-table-bigint-unsigned
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: BIGINT UNSIGNED from 0 to 2^63 - 1; MySQL 9.7.4 wraps a negative DOUBLE or string into the type, so those (and values from 2^63) fail on PostgreSQL and are not here; MariaDB 10.11 rounds 2.5 up to 3 and 4294967296.5 up, and reads "x" as 0; the rows are MySQL 9.7.4's
-- row: 1, 0, 0
-- row: 2, 1, 1
-- row: 3, 2, 2
-- row: 4, 18, 18
-- row: 5, 19, 19
-- row: 6, 9223372036854775807, 9223372036854775807
-- row: 7, 4294967296, 4294967296
-- row: 8, 1000000000000000000, 1000000000000000000
-- row: 9, 0, 0
-- row: 10, 1, 1
-- row: 11, NULL, 42
-- row: 12, NULL, 42
SELECT * FROM JSON_TABLE('[0, 1, 2.5, "18", " +19", 9223372036854775807, 4294967296.5, 1e18, -0.5, true, "x", [1]]', '$[*]' COLUMNS (n FOR ORDINALITY, b BIGINT UNSIGNED PATH '$', c BIGINT(20) UNSIGNED PATH '$' DEFAULT '42' ON ERROR)) AS jt ORDER BY n;

-- id: json-table-double
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 reads a string's leading number ("4 " is 4, "abc" is 0) and "1e400" as the largest DOUBLE; DOUBLE columns in MySQL: a string is read whole after leading white space ("" is 0, " " and "4 " errors), below the smallest DOUBLE is 0 (-0 from a string's sign), a string beyond the largest an error; the rows are MySQL 9.7.4's (run on it by hand; doubles compare within 1e-9, so -0 equals 0 here)
-- row: 1, 1, 1, 10
-- row: 2, 1.5, 1.5, 10
-- row: 3, 2.5, 2.5, 10
-- row: 4, 3, 3, 10
-- row: 5, NULL, -2.5, 10
-- row: 6, 100, 100, 10
-- row: 7, NULL, -2.5, 10
-- row: 8, 1, 1, 10
-- row: 9, 0, 0, 10
-- row: 10, 0.1, 0.1, 10
-- row: 11, 1.2345678901234568e20, 1.2345678901234568e20, 10
-- row: 12, NULL, -2.5, 10
-- row: 13, 0, 0, 10
-- row: 14, NULL, -2.5, 10
-- row: 15, 1e308, 1e308, 10
-- row: 16, NULL, -2.5, 10
-- row: 17, NULL, -2.5, 10
-- row: 18, NULL, -2.5, 10
-- row: 19, 2.675, 2.675, 10
-- row: 20, 0.30000000000000004, 0.30000000000000004, 10
-- row: 21, 5, 5, 10
-- row: 22, 0.5, 0.5, 10
-- row: 23, 5, 5, 10
-- row: 24, NULL, -2.5, 10
-- row: 25, 0, 0, 10
-- row: 26, -0, -0, 10
-- row: 27, 7, 7, 10
-- row: 28, -0, -0, 10
-- row: 29, NULL, NULL, 10
-- row: 30, 0, 0, 10
-- row: 31, 1.7976931348623157e308, 1.7976931348623157e308, 10
-- row: 32, NULL, -2.5, 10
-- row: 33, 9.007199254740992e15, 9.007199254740992e15, 10
-- row: 34, -0.01275, -0.01275, 10
SELECT * FROM JSON_TABLE('[1, 1.5, "2.5", " 3", "4 ", "1e2", "abc", true, false, 0.1, 123456789012345678901, "0x10", "", " ", 1e308, "1e400", [1], {}, 2.675, 0.30000000000000004, "+5", ".5", "5.", "-", "1e-400", "-1e-400", "\\t\\n7", "-0", null, 1e-400, "1.7976931348623157e308", "1.8e308", 9007199254740993, -12.75e-3]', '$[*]' COLUMNS (n FOR ORDINALITY, d DOUBLE PATH '$', p DOUBLE PRECISION PATH '$' DEFAULT '"-2.5"' ON ERROR, e DOUBLE PATH '$.a' DEFAULT '1e1' ON EMPTY)) AS jt ORDER BY n;

-- id: json-table-nested-siblings
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 gives JSON null as the JSON text null in a JSON column; the rows are MySQL 9.7.4's (run on it by hand), listed in its order (a statement without ORDER BY is compared unordered): NESTED PATH: each row of a parent row's first nested clause (the sibling's columns NULL), then each of the second's; one row of NULLs only when no sibling finds a row; an ordinality counts within its parent row; a wildcard over a value that is not an array finds nothing; JSON null is a row
-- row: 1, 11, 1, 11.0, 1, '1', NULL, NULL, NULL, 1
-- row: 1, 111, 2, 111.0, 1, '1', NULL, NULL, NULL, 1
-- row: 1, NULL, NULL, NULL, NULL, '1', 7, NULL, NULL, 1
-- row: 1, NULL, NULL, NULL, NULL, '1', NULL, json'[11, 111]', 11, 1
-- row: 2, NULL, NULL, NULL, NULL, '2', 8, NULL, NULL, 2
-- row: 2, NULL, NULL, NULL, NULL, '2', 9, NULL, NULL, 2
-- row: 2, NULL, NULL, NULL, NULL, '2', NULL, json'[]', NULL, 2
-- row: 3, NULL, NULL, NULL, NULL, '3', NULL, NULL, NULL, 3
-- row: 4, NULL, NULL, NULL, NULL, '4', NULL, json'5', 5, 4
-- row: 5, NULL, NULL, NULL, NULL, '5', NULL, NULL, NULL, 5
-- row: 6, NULL, 1, NULL, 1, '6', NULL, NULL, NULL, 6
-- row: 6, 2, 2, 2.0, 1, '6', NULL, NULL, NULL, 6
-- row: 6, NULL, NULL, NULL, NULL, '6', NULL, json'[null, 2]', NULL, 6
SELECT * FROM JSON_TABLE('[{"a": 1, "b": [11, 111], "c": [7]}, {"a": 2, "b": [], "c": [8, 9]}, {"a": 3}, {"a": 4, "b": 5}, {"a": 5, "b": null}, {"a": 6, "b": [null, 2]}]', '$[*]' COLUMNS (x INT PATH '$.a', NESTED PATH '$.b[*]' COLUMNS (b INT PATH '$', bo FOR ORDINALITY, d DECIMAL(5,1) PATH '$', e INT EXISTS PATH '$'), y VARCHAR(5) PATH '$.a', NESTED PATH '$.c[*]' COLUMNS (c INT PATH '$'), NESTED PATH '$.b' COLUMNS (bj JSON PATH '$', bd DOUBLE PATH '$[0]'), o FOR ORDINALITY)) AS jt;

-- id: json-table-nested-deep
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 gives 1 for $.k[1] in a nested clause; the rows are MySQL 9.7.4's (run on it by hand), listed in its order (a statement without ORDER BY is compared unordered): a NESTED PATH in a NESTED PATH: an empty inner array or a missing member gives its parent row once with NULLs; a clause of nested clauses only
-- row: 1, 1, 1, 1, NULL, NULL, NULL
-- row: 1, 1, 2, 2, NULL, NULL, NULL
-- row: 1, 2, NULL, NULL, NULL, NULL, NULL
-- row: 1, 3, NULL, NULL, NULL, NULL, NULL
-- row: 1, 4, 3, 1, NULL, NULL, NULL
-- row: 1, NULL, NULL, NULL, NULL, NULL, NULL
-- row: 2, NULL, NULL, NULL, NULL, NULL, NULL
-- row: 3, 1, 4, 1, NULL, NULL, NULL
-- row: 3, 1, 5, 2, NULL, NULL, NULL
-- row: 3, 1, 6, 3, NULL, NULL, NULL
-- row: 3, NULL, NULL, NULL, 2, NULL, NULL
-- row: 3, NULL, NULL, NULL, NULL, '3', 1
-- row: 3, NULL, NULL, NULL, NULL, '4', 2
-- row: 3, NULL, NULL, NULL, NULL, '5', 3
SELECT * FROM JSON_TABLE('[{"a": 1, "b": [{"c": [1, 2]}, {"c": []}, {"d": 1}, {"c": [3]}]}, {"a": 2}, {"a": 3, "b": [{"c": [4, 5, 6]}], "k": [1, 2], "m": [3, 4, 5]}]', '$[*]' COLUMNS (x INT PATH '$.a', NESTED PATH '$.b[*]' COLUMNS (bo FOR ORDINALITY, NESTED PATH '$.c[*]' COLUMNS (c INT PATH '$', co FOR ORDINALITY)), NESTED PATH '$' COLUMNS (NESTED PATH '$.k[1]' COLUMNS (k INT PATH '$'), NESTED PATH '$.m[*]' COLUMNS (m VARCHAR(3) PATH '$', mo FOR ORDINALITY)))) AS jt;

-- id: json-table-nested-column-named-as-the-key
-- category: p1.json-extract
-- order: unordered
-- note: a nested column named dw_k, the name the translation's ordering key would take (found by review: ambiguous on PostgreSQL)
SELECT * FROM JSON_TABLE('[{"a": [1, 2]}, {"b": 3}]', '$[*]' COLUMNS (NESTED PATH '$.a[*]' COLUMNS (dw_k INT PATH '$', NESTED PATH '$' COLUMNS (DW_K1 INT PATH '$')))) AS jt;

-- id: json-table-nested-over-column
-- category: p1.json-extract
-- order: ordered
-- note: NESTED PATH over a column's documents, joined, filtered and aggregated on the nested columns
SELECT a.id, jt.os, COUNT(jt.tag) AS tags, MAX(jt.n) AS last_n FROM activity_log a, JSON_TABLE(a.payload, '$' COLUMNS (os VARCHAR(10) PATH '$.os', NESTED PATH '$.tags[*]' COLUMNS (n FOR ORDINALITY, tag VARCHAR(20) PATH '$'))) AS jt WHERE jt.tag IS NULL OR jt.tag <> 'daily' GROUP BY a.id, jt.os ORDER BY a.id;

-- id: json-table-nested-insert-select
-- category: writes.insert
-- order: unordered
-- note: INSERT ... SELECT from a JSON_TABLE with a NESTED PATH: one row per nested value
INSERT INTO settings (family_id, name, value) SELECT jt.f, jt.n, jt.v FROM JSON_TABLE('[{"f": 1, "s": [{"n": "nested_a", "v": "1"}, {"n": "nested_b", "v": "2"}]}, {"f": 2, "s": [{"n": "nested_a", "v": "3"}]}]', '$[*]' COLUMNS (f INT PATH '$.f', NESTED PATH '$.s[*]' COLUMNS (n VARCHAR(64) PATH '$.n', v VARCHAR(255) PATH '$.v'))) AS jt;

-- id: json-table-nested-without-path-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:json-table
-- note: MySQL 9.7 requires NESTED PATH (NESTED alone is its syntax error 1064)
SELECT * FROM JSON_TABLE('[{"a": [1, 2]}]', '$[*]' COLUMNS (NESTED '$.a[*]' COLUMNS (x INT PATH '$'))) AS jt;

-- id: json-table-duplicate-column-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:json-table
-- note: MySQL's error 1060, a nested column named as an outer one
SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH '$', NESTED PATH '$' COLUMNS (A INT PATH '$'))) AS jt;

-- id: json-table-float-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:json-table
-- note: MySQL's FLOAT rounds to single precision with its own range checks (3.4028235e38 is an error there); not translated
SELECT * FROM JSON_TABLE('[1.5]', '$[*]' COLUMNS (d FLOAT PATH '$')) AS jt;

-- id: json-table-boolean-column
-- category: p1.json-extract
-- order: ordered
-- note: outside workload 8: a BOOLEAN column (MySQL's TINYINT(1)): true 1, false 0, a number as an integer
SELECT * FROM JSON_TABLE('[true, false, 1, 0, null, "1"]', '$[*]' COLUMNS (n FOR ORDINALITY, b BOOLEAN PATH '$', c BOOL PATH '$')) AS jt ORDER BY n;
