-- Issue #16 (JSON): MySQL's JSON paths with its results where PostgreSQL's #> differs:
-- an array step on a value that is not an array wraps it ($[0] of an object is the object), [last]
-- and [last - N], a member named like an integer is never a position, out-of-range positions, and
-- unquoting JSON null gives 'null' (MysqlJsonPath).

-- id: json-path-position-wraps-columns
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_EXTRACT(payload, '$[0]') AS a, JSON_EXTRACT(payload, '$[1]') AS b, JSON_EXTRACT(payload, '$.device[0]') AS d, JSON_EXTRACT(payload, '$.meta[0].streak') AS g, JSON_EXTRACT(payload, '$[0].os') AS h FROM activity_log ORDER BY id;

-- id: json-path-last-columns
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 gives NULL for [last] on these columns; the rows are MySQL 9.7's (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: 1, json'{"device": "tablet", "os": "android", "version": 12}', NULL, NULL
-- row: 2, json'{"chore_id": 1, "points": 10, "tags": ["kitchen", "daily"], "late": false}', json'"daily"', json'"kitchen"'
-- row: 3, json'{"chore_id": 9, "points": 12, "tags": [], "late": true, "meta": {"streak": 3}}', NULL, NULL
-- row: 4, json'{"job": "nightly", "ok": true, "duration_ms": 1532.25}', NULL, NULL
-- row: 6, json'{"device": "phone", "os": "ios", "version": 17.2}', NULL, NULL
-- row: 7, NULL, NULL, NULL
-- row: 8, json'3', NULL, NULL
SELECT id, JSON_EXTRACT(payload, '$[last]') AS c, JSON_EXTRACT(payload, '$.tags[last]') AS e, JSON_EXTRACT(payload, '$.tags[last-1]') AS f FROM activity_log WHERE id <> 5 ORDER BY id;

-- id: json-path-position-wraps-literals
-- category: p1.json-extract
-- order: unordered
-- note: $[0] of an object is the object even when it has a member "0"; $."1" of an array is NULL
SELECT JSON_EXTRACT('{"0": 5, "a": [1, {"b": 2}]}', '$[0]') AS a, JSON_EXTRACT('[5, 6]', '$."1"') AS b, JSON_EXTRACT('{"1": 7}', '$."1"') AS c, JSON_EXTRACT('null', '$[0]') AS d, JSON_EXTRACT('[[1, 2], [3]]', '$[0][last]') AS e, JSON_EXTRACT('[1, 2]', '$[5]') AS f, JSON_EXTRACT('[1, 2, 3]', '$[last - 5]') AS g, JSON_EXTRACT('"x"', '$[0][0]') AS h, JSON_EXTRACT('{"a": [1, {"b": 2}]}', '$.a[1].b') AS i, JSON_EXTRACT('{"a": 1}', '$[1]') AS j;

-- id: json-path-unquote-null-and-kinds
-- category: p1.json-extract
-- order: unordered
-- note: JSON null unquotes to the text 'null'; a missing path to SQL NULL; other values to their JSON text
SELECT JSON_UNQUOTE(JSON_EXTRACT('{"a": null, "b": "s"}', '$.a')) AS a, JSON_UNQUOTE(JSON_EXTRACT('{"a": null, "b": "s"}', '$.b')) AS b, JSON_UNQUOTE(JSON_EXTRACT('{"c": 1.5}', '$.c')) AS c, JSON_UNQUOTE(JSON_EXTRACT('{"a": 1}', '$.zz')) AS d, JSON_UNQUOTE(JSON_EXTRACT('{"d": [1, "x"]}', '$.d')) AS e, JSON_UNQUOTE(JSON_EXTRACT('[true]', '$[0]')) AS f;

-- id: json-path-unquote-columns
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_UNQUOTE(JSON_EXTRACT(payload, '$.late')) AS a, JSON_UNQUOTE(JSON_EXTRACT(payload, '$[0].device')) AS b, JSON_UNQUOTE(JSON_EXTRACT(payload, '$.tags[0]')) AS c FROM activity_log ORDER BY id;

-- id: json-path-length-at-positions
-- category: p1.json-extract
-- order: unordered
SELECT JSON_LENGTH('{"a": 1, "b": 2}', '$[0]') AS a, JSON_LENGTH('[[1, 2, 3]]', '$[last]') AS b, JSON_LENGTH('[1]', '$[3]') AS c;

-- Paths that select several values ([*], .*, ranges, **): MySQL returns them as an array in
-- document order, NULL when none is found; a member or [*] step finds nothing on a value of another
-- type, a position or range wraps a value that is not an array and is clipped to the array.

-- id: json-path-wildcards-columns
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_EXTRACT(payload, '$.tags[*]') AS a, JSON_EXTRACT(payload, '$[*]') AS b, JSON_EXTRACT(payload, '$.tags[0 to 0]') AS c, JSON_UNQUOTE(JSON_EXTRACT(payload, '$[1 to 2]')) AS d FROM activity_log ORDER BY id;

-- id: json-path-wildcards-arrows
-- category: p1.json-arrow
-- mode: expect
-- order: ordered
-- note: MariaDB has no -> / ->>; MySQL 9.7.4's rows (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: 2, json'["kitchen", "daily"]', NULL
-- row: 8, NULL, '[2, 3]'
SELECT id, payload -> '$.tags[*]' AS a, payload ->> '$[1 to last]' AS b FROM activity_log WHERE id IN (2, 8) ORDER BY id;

-- id: json-path-wildcards-literals
-- category: p1.json-extract
-- order: unordered
SELECT JSON_EXTRACT('[{"a": 1}, {"a": 2}, {"b": 3}, 5, [{"a": 9}]]', '$[*].a') AS a, JSON_EXTRACT('[1, [2, 3], {"x": 4}]', '$[*][0]') AS b, JSON_EXTRACT('[0, 1, 2, 3, 4]', '$[1 to 3]') AS c, JSON_EXTRACT('[0, 1, 2, 3, 4]', '$[3 to 10]') AS d, JSON_EXTRACT('{"a": 1}', '$[0 to 1]') AS f, JSON_EXTRACT('{"a": 1}', '$[*]') AS g, JSON_EXTRACT('[{"a": 1}]', '$[*].b') AS h, JSON_UNQUOTE(JSON_EXTRACT('[{"a": "x"}, {"a": "y"}]', '$[*].a')) AS i, JSON_EXTRACT('[[1, 2], [3]]', '$[*][*]') AS j;

-- id: json-path-range-from-last
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 gives NULL for a range ending at last; MySQL 9.7.4's rows (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: json'[1, 2]', json'[0]'
SELECT JSON_EXTRACT('[0, 1, 2]', '$[last - 1 to last]') AS e, JSON_EXTRACT('[0, 1, 2]', '$[0 to last - 2]') AS f;

-- id: json-path-member-wildcard
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB keeps an object's members in document order; MySQL orders them by key length, then bytewise (as jsonb does), so .* lists [1, 2] (key a) first; MySQL 9.7.4's rows (ran in compare mode there and passed)
-- row: json'[[1, 2], {"c": 1}, 3]', NULL, json'[1]'
SELECT JSON_EXTRACT('{"b": {"c": 1}, "a": [1, 2], "aa": 3}', '$.*') AS a, JSON_EXTRACT('[1, 2]', '$.*') AS b, JSON_EXTRACT('{"x": {"k": 1}, "y": 2}', '$.*.k') AS c;

-- id: json-path-any-depth
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB orders ** matches and reads $.x**.a otherwise; MySQL 9.7.4 visits a value before the values inside it (the document's own b first); its rows (ran in compare mode there and passed)
-- row: json'[3, 1, 2]', json'[1, 2]', json'[[1, 2]]', NULL
SELECT JSON_EXTRACT('{"a": {"b": 1, "c": {"b": 2}}, "b": 3}', '$**.b') AS a, JSON_EXTRACT('[{"b": 1}, [{"b": 2}]]', '$**.b') AS b, JSON_EXTRACT('{"x": {"a": [1, 2]}, "a": 0}', '$.x**.a') AS c, JSON_EXTRACT('{"a": 1}', '$**.z') AS d;

-- id: json-contains-path-literals
-- category: p1.json-extract
-- order: unordered
SELECT JSON_CONTAINS_PATH('{"a": 1, "b": null}', 'one', '$.a', '$.z') AS a, JSON_CONTAINS_PATH('{"a": 1, "b": null}', 'all', '$.a', '$.z') AS b, JSON_CONTAINS_PATH('{"a": 1, "b": null}', 'ALL', '$.a', '$.b') AS c, JSON_CONTAINS_PATH(NULL, 'one', '$.a') AS d, JSON_CONTAINS_PATH('[1, {"x": 2}]', 'one', '$[*].x') AS e, JSON_CONTAINS_PATH('{"a": 1}', 'one', '$[0]') AS f, JSON_CONTAINS_PATH('{"a": 1}', 'one', '$[1]') AS g, JSON_CONTAINS_PATH('[]', 'one', '$[*]') AS h, JSON_CONTAINS_PATH('{"a": [1]}', 'all', '$**.a') AS i;

-- id: json-contains-path-columns
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_CONTAINS_PATH(payload, 'one', '$.tags', '$.device') AS a, JSON_CONTAINS_PATH(payload, 'all', '$.tags[*]', '$.late') AS b, JSON_CONTAINS_PATH(payload, 'one', '$[2]') AS c FROM activity_log ORDER BY id;

-- id: json-type-literals
-- category: p1.json-extract
-- order: unordered
-- note: a number written with an exponent and no fraction (1e2) is not here: jsonb stores it as 100, so it reads as INTEGER where MySQL says DOUBLE
SELECT JSON_TYPE('{"a": 1}') AS a, JSON_TYPE('[1]') AS b, JSON_TYPE('"x"') AS c, JSON_TYPE('1') AS d, JSON_TYPE('1.5') AS e, JSON_TYPE('true') AS g, JSON_TYPE('null') AS h, JSON_TYPE(NULL) AS i, JSON_TYPE('1.0') AS k, JSON_TYPE('-5') AS l, JSON_TYPE(JSON_EXTRACT('{"a": 1}', '$.z')) AS m;

-- id: json-type-unsigned-and-beyond
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 calls every integer INTEGER; MySQL 9.7.4's rows (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: 'UNSIGNED INTEGER', 'DOUBLE', 'INTEGER'
SELECT JSON_TYPE('18446744073709551615') AS j, JSON_TYPE('99999999999999999999') AS m, JSON_TYPE('-9223372036854775808') AS n;

-- id: json-type-columns
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_TYPE(payload) AS t, JSON_TYPE(JSON_EXTRACT(payload, '$.version')) AS v, JSON_TYPE(JSON_EXTRACT(payload, '$.late')) AS l FROM activity_log ORDER BY id;

-- id: json-quote
-- category: p1.json-construct
-- order: unordered
SELECT JSON_QUOTE('a"b\\c') AS a, JSON_QUOTE('tab\there\nnl') AS b, JSON_QUOTE('é/ü 👍') AS c, JSON_QUOTE(NULL) AS d, JSON_QUOTE('') AS e;

-- id: json-quote-column
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_QUOTE(action) AS q FROM activity_log ORDER BY id;

-- id: json-replace-insert
-- category: p1.json-construct
-- order: unordered
SELECT JSON_REPLACE('{"a": 1, "b": [1]}', '$.a', 10, '$.c', 3) AS a, JSON_INSERT('{"a": 1, "b": null}', '$.a', 10, '$.b', 5, '$.c', 3) AS b, JSON_REPLACE('{"a": [1]}', '$.a.x', 1) AS c, JSON_INSERT('{"a": [1]}', '$.a.x', 1) AS d, JSON_REPLACE(NULL, '$.a', 1) AS e, JSON_INSERT('[1]', '$.a', 1) AS f, JSON_INSERT('{"a": {"b": 1}}', '$.a.c', 'x') AS g, JSON_REPLACE('{"a": 1}', '$.a', NULL) AS h;

-- id: json-replace-insert-columns
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_REPLACE(payload, '$.points', 0, '$.extra', 1) AS r, JSON_INSERT(payload, '$.points', 0, '$.extra', 1) AS i FROM activity_log WHERE id IN (1, 2, 3) ORDER BY id;

-- id: json-path-quoted-member-escapes
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: a quoted member name is a JSON string: \n, \", \\, \/ and \uXXXX in either case name the decoded key; the row is MySQL 9.7.4's (MariaDB 10.11 decodes neither \uXXXX nor \/ there)
-- row: json'1', json'2', json'3', json'4', json'5', 'x', 1
SELECT JSON_EXTRACT('{"aé": 1, "a\\nb": 2, "a\\"b": 3, "a\\\\b": 4, "a/": 5, "a\\tb": [6]}', '$."a\\u00e9"') AS a, JSON_EXTRACT('{"a\\nb": 2}', '$."a\\nb"') AS b, JSON_EXTRACT('{"a\\"b": 3}', '$."a\\"b"') AS c, JSON_EXTRACT('{"a\\\\b": 4}', '$."a\\\\b"') AS d, JSON_EXTRACT('{"a/": 5}', '$."a\\/"') AS e, JSON_UNQUOTE(JSON_EXTRACT('{"a\\tb": "x"}', '$."a\\u0009b"')) AS f, JSON_CONTAINS_PATH('{"é": 1}', 'one', '$."\\u00E9"') AS g;

-- id: json-unquote-number-text
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: an unquoted JSON number (->>, JSON_UNQUOTE, JSON_VALUE) is printed as MySQL prints it: an integer within BIGINT (UNSIGNED) as written, any other number as its DOUBLE's shortest digits, plain from 1e-15 to 1e15 with ".0" after an integral value (19.90 is 19.9), else with an exponent (1e-16, 1.8446744073709552e19); the shortest digits that read back, where PostgreSQL's float8 text has others (1e23, 6.429560891534334e16); the row is MySQL 9.7.4's (MariaDB 10.11 has no CAST(... AS JSON))
-- row: '0.000000000000001', '0.0000000000000015', '1e-16', '-1.25e-16', '0.0001', '0.00001', '123456789012345.67', '1234567890123456.8', '1e100', '-1e-100', '1.8446744073709552e19', '-9.223372036854776e18', '19.9', '1.0', '2.5', '0.30000000000000004', '18446744073709551615', '-9223372036854775808', 'a', '100.0', '1e23', '4e23', '6.429560891534334e16', '6.410422888842e17', '2.5e-300', '1.7976931348623157e308'
SELECT v->>'$[0]' AS a, v->>'$[1]' AS b, v->>'$[2]' AS c, v->>'$[3]' AS d, v->>'$[4]' AS e, v->>'$[5]' AS f, v->>'$[6]' AS g, v->>'$[7]' AS h, v->>'$[8]' AS i, v->>'$[9]' AS j, v->>'$[10]' AS k, v->>'$[11]' AS l, v->>'$[12]' AS m, JSON_UNQUOTE(JSON_EXTRACT(v, '$[13]')) AS n, JSON_VALUE(v, '$[14]') AS o, v->>'$[15]' AS p, v->>'$[16]' AS q, v->>'$[17]' AS r, v->>'$[18]' AS s, v->>'$[19]' AS t, v->>'$[20]' AS u, v->>'$[21]' AS w, v->>'$[22]' AS x, v->>'$[23]' AS y, v->>'$[24]' AS z, JSON_VALUE(v, '$[25]') AS zz FROM (SELECT CAST('[1e-15, 1.5e-15, 1e-16, -1.25e-16, 0.0001, 0.00001, 123456789012345.67, 1.2345678901234567e15, 1e100, -1e-100, 18446744073709551616, -9223372036854775809, 19.90, 1.0, 2.50, 0.30000000000000004, 18446744073709551615, -9223372036854775808, "a", 100.000, 1e23, 4e23, 64295608915343340.0, 641042288884200000.0, 2.5e-300, 1.7976931348623157e308]' AS JSON) AS v) AS t;

-- id: json-path-position-after-any-depth-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_EXTRACT
-- note: MySQL reports a value reached twice through a wrapped non-array once ({"a": [1, 2]} gives [{"a": [1, 2]}, 1, 2])
SELECT JSON_EXTRACT(payload, '$**[0]') FROM activity_log;
