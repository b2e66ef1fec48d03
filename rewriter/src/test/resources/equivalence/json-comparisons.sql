-- Issue #16 (JSON): a JSON value compared with a number or with TRUE/FALSE, JSON_CONTAINS of a
-- scalar, JSON_KEYS. Comparisons: MySQL turns the other
-- operand into JSON and compares JSON values: numbers numerically, values of different JSON types
-- by the types' precedence (null < number < string < object < array < boolean), TRUE/FALSE as JSON
-- booleans (so JSON 1 is not TRUE). MariaDB's JSON is text compared as SQL values, so the entries
-- with other types than numbers list MySQL 9.7.4's rows (expect mode).

-- id: json-compare-number-order
-- category: p1.json-extract
-- order: ordered
SELECT id FROM activity_log WHERE JSON_EXTRACT(payload, '$.points') > 10 OR JSON_EXTRACT(payload, '$.version') < 17.5 ORDER BY id;

-- id: json-compare-number-both-ways
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_EXTRACT(payload, '$.points') >= 10 AS a, 11 > JSON_EXTRACT(payload, '$.points') AS b, JSON_EXTRACT(payload, '$.duration_ms') <= 1532.25 AS c FROM activity_log WHERE id IN (2, 3, 4) ORDER BY id;

-- id: json-compare-number-type-precedence
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB compares its JSON text as SQL values; MySQL 9.7.4's rows (run there): a JSON string, boolean, array or object ranks above any number, JSON null below; $[0] of an object is the object
-- row: 1, 1, NULL, NULL, NULL, NULL, 1, 1
-- row: 2, NULL, 1, 1, NULL, 1, 1, NULL
-- row: 3, NULL, 1, 1, 0, 0, 1, NULL
-- row: 4, NULL, NULL, NULL, NULL, NULL, 1, NULL
-- row: 5, NULL, NULL, NULL, NULL, NULL, 1, NULL
-- row: 6, 1, NULL, NULL, NULL, NULL, 1, 1
-- row: 7, NULL, NULL, NULL, NULL, NULL, NULL, NULL
-- row: 8, NULL, NULL, NULL, NULL, NULL, 0, NULL
SELECT id, JSON_EXTRACT(payload, '$.device') > 5 AS s, JSON_EXTRACT(payload, '$.late') > 5 AS b, JSON_EXTRACT(payload, '$.tags') >= 5 AS a, JSON_EXTRACT(payload, '$.meta') < 5 AS o, JSON_EXTRACT(payload, '$.points') <= 10 AS n, 3 < JSON_EXTRACT(payload, '$[0]') AS w, JSON_EXTRACT(payload, '$.version') > -1.5 AS v FROM activity_log ORDER BY id;

-- id: json-compare-json-null-with-number
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB's JSON null is the text 'null' (0); MySQL 9.7.4: JSON null ranks below numbers, so the comparison is not NULL
-- row: 0, 1, NULL
SELECT JSON_EXTRACT('{"a": null}', '$.a') > 400 AS gt, JSON_EXTRACT('{"a": null}', '$.a') < 400 AS lt, JSON_EXTRACT('{"a": null}', '$.b') < 400 AS missing;

-- id: json-compare-true-false
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB compares its JSON text with 1/0; MySQL 9.7.4's rows: TRUE/FALSE become JSON booleans, so JSON 1 is not TRUE and a non-boolean is never equal
-- row: 1, NULL, NULL, NULL, 0
-- row: 2, 0, NULL, 1, 0
-- row: 3, 1, NULL, 1, 0
-- row: 4, NULL, 0, NULL, 0
-- row: 5, NULL, NULL, NULL, 0
-- row: 6, NULL, NULL, NULL, 0
-- row: 7, NULL, NULL, NULL, NULL
-- row: 8, NULL, NULL, NULL, 0
SELECT id, JSON_EXTRACT(payload, '$.late') = TRUE AS t, JSON_EXTRACT(payload, '$.ok') = FALSE AS f, JSON_EXTRACT(payload, '$.points') <> TRUE AS n, JSON_EXTRACT(payload, '$[0]') = true AS w FROM activity_log ORDER BY id;

-- id: json-compare-true-in-where
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB compares its JSON text with 1; MySQL 9.7.4's rows
-- row: 3
-- row: 4
SELECT id FROM activity_log WHERE JSON_EXTRACT(payload, '$.late') = TRUE OR JSON_EXTRACT(payload, '$.ok') = TRUE ORDER BY id;

-- id: json-contains-scalar-columns
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB gives 0 for a path not found; MySQL 9.7.4's rows (run there) have NULL
-- row: 1, NULL, NULL, NULL, 0, 0
-- row: 2, 1, 0, 0, 0, NULL
-- row: 3, 0, 1, 1, 0, NULL
-- row: 4, NULL, NULL, NULL, 0, NULL
-- row: 5, NULL, NULL, NULL, 0, NULL
-- row: 6, NULL, NULL, NULL, 0, 1
-- row: 7, NULL, NULL, NULL, NULL, NULL
-- row: 8, NULL, NULL, NULL, 1, NULL
SELECT id, JSON_CONTAINS(payload, '"kitchen"', '$.tags') AS a, JSON_CONTAINS(payload, '12', '$.points') AS b, JSON_CONTAINS(payload, 'true', '$.late') AS c, JSON_CONTAINS(payload, '2') AS d, JSON_CONTAINS(payload, '17.2', '$.version') AS e FROM activity_log ORDER BY id;

-- id: json-contains-scalar-in-where
-- category: p1.json-extract
-- order: ordered
SELECT id FROM activity_log WHERE JSON_CONTAINS(payload, '"daily"', '$.tags') OR JSON_CONTAINS(payload, '3') ORDER BY id;

-- id: json-contains-nested-arrays-and-types
-- category: p1.json-extract
-- order: unordered
-- note: a scalar is found at any depth of nested arrays but not inside an object; numbers compare across integer and decimal, other types only with their own; strings are case-sensitive
SELECT JSON_CONTAINS('[3.0]', '3') AS a, JSON_CONTAINS('[[3]]', '3') AS c, JSON_CONTAINS('{"a": 3}', '3') AS d, JSON_CONTAINS('["3"]', '3') AS f, JSON_CONTAINS('[1]', 'true') AS h, JSON_CONTAINS('[null]', 'null') AS i, JSON_CONTAINS('["Red"]', '"red"') AS n, JSON_CONTAINS('[[1, [2]]]', '2') AS o, JSON_CONTAINS('[{"a": [3]}]', '3') AS p, JSON_CONTAINS('3', '3') AS q;

-- id: json-contains-array-candidate
-- category: p1.json-extract
-- order: unordered
-- note: an array or object candidate follows MySQL's containment rules, unrolled over the literal (refused before session 27)
SELECT id FROM activity_log WHERE JSON_CONTAINS(payload, '["kitchen"]', '$.tags');

-- id: json-keys-literals
-- category: p1.json-extract
-- order: unordered
SELECT JSON_KEYS('{"a": 1, "bb": {"c": 2}}') AS k, JSON_KEYS('{"a": 1, "bb": {"c": 2}}', '$.bb') AS p, JSON_KEYS('[1]') AS arr, JSON_KEYS('{}') AS e, JSON_KEYS('{"a": 1}', '$.zz') AS m;

-- id: json-keys-columns
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB lists the keys in document order; MySQL 9.7.4's rows (run there): by length in bytes, then bytewise, as jsonb stores them
-- row: 1, json'["os", "device", "version"]', NULL
-- row: 2, json'["late", "tags", "points", "chore_id"]', NULL
-- row: 3, json'["late", "meta", "tags", "points", "chore_id"]', json'["streak"]'
-- row: 4, json'["ok", "job", "duration_ms"]', NULL
-- row: 5, json'["text", "quote"]', NULL
-- row: 6, json'["os", "device", "version"]', NULL
-- row: 7, NULL, NULL
-- row: 8, NULL, NULL
SELECT id, JSON_KEYS(payload) AS k, JSON_KEYS(payload, '$.meta') AS m FROM activity_log ORDER BY id;

-- id: json-compare-string-order
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB compares its JSON text (with the quotes) as SQL strings; MySQL 9.7.4's rows (run there): the string literal becomes a JSON string, compared bytewise with a JSON string ("android" > "Ios", "ios" > "Ios"), below an object, array or boolean and above a number; $[0] of an object is the object
-- row: 1, 1, 0, NULL, 1, NULL, NULL, NULL, 1
-- row: 2, NULL, NULL, NULL, NULL, 1, 1, NULL, 1
-- row: 3, NULL, NULL, NULL, NULL, 1, 1, 0, 1
-- row: 4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1
-- row: 5, NULL, NULL, 1, NULL, NULL, NULL, NULL, 1
-- row: 6, 0, 0, NULL, 1, NULL, NULL, NULL, 1
-- row: 7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
-- row: 8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0
SELECT id, JSON_EXTRACT(payload, '$.device') > 'phone' AS d, JSON_EXTRACT(payload, '$.os') <= 'Ios' AS o, 'm' < JSON_EXTRACT(payload, '$.text') AS t, JSON_EXTRACT(payload, '$.version') < 'a' AS v, JSON_EXTRACT(payload, '$.late') >= 'z' AS b, JSON_EXTRACT(payload, '$.tags') > 'z' AS a, JSON_EXTRACT(payload, '$.meta') < 'z' AS m, JSON_EXTRACT(payload, '$[0]') >= '1' AS w FROM activity_log ORDER BY id;

-- id: json-compare-string-literals
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB compares its JSON text as SQL strings; MySQL 9.7.4 (run there): JSON null ranks below a string; an empty string is the least string; UTF-8 byte order puts "é" above "z"; a quote in the literal stays one character
-- row: 1, 1, 1, 1, 1
SELECT JSON_EXTRACT('{"a": null}', '$.a') < 'a' AS nul, JSON_EXTRACT('{"a": ""}', '$.a') < 'a' AS empty_s, JSON_EXTRACT('{"a": "é"}', '$.a') > 'z' AS utf8, JSON_EXTRACT('{"a": "it''s"}', '$.a') <= 'it''s' AS q, JSON_EXTRACT('{"a": "abc"}', '$.a') >= 'ab' AS pre;

-- id: json-compare-ordered-parameter-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:json-ordered
-- note: MySQL compares a bound value as the JSON type of the value bound, which the translation cannot know
-- binds: 5
SELECT id FROM activity_log WHERE JSON_EXTRACT(payload, '$.points') > ?;

-- id: json-coalesce-with-other-types
-- category: p1.json-extract
-- order: ordered
-- note: COALESCE/IFNULL of a JSON value and another type is a LONGTEXT in MySQL: the JSON value's text or the other argument's ('0' for FALSE); PostgreSQL rejected COALESCE(jsonb, integer)
SELECT id, COALESCE(JSON_EXTRACT(payload, '$.late'), false) AS a, IFNULL(JSON_EXTRACT(payload, '$.device'), 'none') AS b, COALESCE(JSON_EXTRACT(payload, '$.points'), 0) AS c, IFNULL(JSON_EXTRACT(payload, '$.tags'), '[]') AS d, COALESCE(NULL, JSON_EXTRACT(payload, '$.version'), 1) AS e FROM activity_log ORDER BY id;

-- id: json-in-a-condition-and-coalesce-with-a-constructor
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MySQL 9.7.4 compares a JSON value in a condition with the JSON integer 0 (JSON false is true there); COALESCE of JSON values stays JSON inside JSON_OBJECT (an outside workload, session 24: PostgreSQL failed on jsonb <> integer, and embedded the array as a string); MariaDB 10.11 has no CAST(... AS JSON) and reads JSON as text; the rows are MySQL 9.7.4's
-- row: 1, 1, 0, json'{"f": [1, 2]}'
-- row: 2, 0, 1, json'{"f": []}'
-- row: 3, 0, 0, json'{"f": []}'
SELECT id, JSON_EXTRACT(j, '$.e') IS TRUE AS t, JSON_EXTRACT(j, '$.e') IS FALSE AS f, JSON_OBJECT('f', COALESCE(JSON_EXTRACT(j, '$.f'), JSON_ARRAY())) AS o FROM (SELECT 1 AS id, CAST('{"e": false, "f": [1, 2]}' AS JSON) AS j UNION ALL SELECT 2, CAST('{"e": 0}' AS JSON) UNION ALL SELECT 3, CAST('{}' AS JSON)) AS x ORDER BY id;
