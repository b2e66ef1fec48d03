-- MySQL's JSON functions that edit a document (JSON_REMOVE, JSON_ARRAY_APPEND, JSON_ARRAY_INSERT,
-- JSON_MERGE_PATCH) or measure and compare documents (JSON_DEPTH, JSON_OVERLAPS, JSON_VALUE), issue
-- #16. An edit applies at the place MySQL's path names, with its wrapping of a value that is not an
-- array ($.a[0] of {"a": 1} is the 1), and changes nothing where the path finds nothing
-- (JsonDocumentFunctions, MysqlJsonPath.printLocation).

-- id: json-remove-literals
-- category: p1.json-construct
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 keeps the member at $.a[0] of {"a": 1} and gives NULL for [last - 1]; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); $.a[0] of {"a": 1} is the 1 itself, so the member goes; $[0] of an object is the document, which is not removed
-- row: json'{"a": 1, "b": [1, 3]}', json'{"a": 1}', json'[1, 2]', json'[1, 2, 3]', json'{"a": 1}', json'5', json'{}', NULL, NULL, json'{"a": []}', json'{"a": {}}', json'[[1]]', json'{}', json'[1, 2]', json'{"a": [2]}'
SELECT JSON_REMOVE('{"a": 1, "b": [1, 2, 3]}', '$.b[1]') AS a, JSON_REMOVE('{"a": 1}', '$.x') AS b, JSON_REMOVE('[1, 2, 3]', '$[last]') AS c, JSON_REMOVE('[1, 2, 3]', '$[5]') AS d, JSON_REMOVE('{"a": 1}', '$[0]') AS e, JSON_REMOVE('5', '$[0]') AS f, JSON_REMOVE('{"a": {"b": 1}}', '$.a.b', '$.a') AS g, JSON_REMOVE(NULL, '$.a') AS h, JSON_REMOVE('{"a": 1}', NULL) AS i, JSON_REMOVE('{"a": [1, 2]}', '$.a[0]', '$.a[0]') AS j, JSON_REMOVE('{"a": {"1": 2}}', '$.a."1"') AS k, JSON_REMOVE('[[1, 2]]', '$[0][1]') AS l, JSON_REMOVE('{"a": 1}', '$.a[0]') AS m, JSON_REMOVE('[1, 2]', '$.a') AS o, JSON_REMOVE('{"a": [1, 2]}', '$.a[last - 1]') AS p;

-- id: json-remove-columns
-- category: p1.json-construct
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 gives NULL when a path finds nothing; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: 1, json'{"os": "android", "device": "tablet", "version": 12}', json'{"os": "android", "device": "tablet", "version": 12}', json'{"os": "android", "device": "tablet", "version": 12}'
-- row: 2, json'{"tags": ["daily"], "points": 10, "chore_id": 1}', json'{"late": false, "tags": ["kitchen", "daily"], "points": 10, "chore_id": 1}', json'{"late": false, "tags": ["kitchen", "daily"], "points": 10, "chore_id": 1}'
-- row: 3, json'{"meta": {"streak": 3}, "tags": [], "points": 12, "chore_id": 9}', json'{"late": true, "meta": {"streak": 3}, "tags": [], "points": 12, "chore_id": 9}', json'{"late": true, "meta": {}, "tags": [], "points": 12, "chore_id": 9}'
-- row: 4, json'{"ok": true, "job": "nightly", "duration_ms": 1532.25}', json'{"ok": true, "job": "nightly", "duration_ms": 1532.25}', json'{"ok": true, "job": "nightly", "duration_ms": 1532.25}'
-- row: 5, json'{"text": "做得好 👍", "quote": "say \"hi\""}', json'{"text": "做得好 👍", "quote": "say \"hi\""}', json'{"text": "做得好 👍", "quote": "say \"hi\""}'
-- row: 6, json'{"os": "ios", "device": "phone", "version": 17.2}', json'{"os": "ios", "device": "phone", "version": 17.2}', json'{"os": "ios", "device": "phone", "version": 17.2}'
-- row: 7, NULL, NULL, NULL
-- row: 8, json'[1, 2, 3]', json'[1, 3]', json'[1, 2, 3]'
SELECT id, JSON_REMOVE(payload, '$.tags[0]', '$.late') AS a, JSON_REMOVE(payload, '$[1]') AS b, JSON_REMOVE(payload, '$.meta.streak') AS c FROM activity_log ORDER BY id;

-- id: json-array-append-literals
-- category: p1.json-construct
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 gives NULL when a path finds nothing; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); a value that is not an array becomes the array of it and the appended value; a path that finds nothing changes nothing
-- row: json'[1, 2, 3]', json'{"a": [1, 2]}', json'{"a": [1, 2, 3]}', json'{"a": 1}', json'[{"a": 1}, 2]', json'[1, [2, "x"]]', json'[1]', NULL, json'[1, null]', json'{"a": [null, 1]}', json'{"a": [[1, 5]]}', json'[5, 1]', NULL
SELECT JSON_ARRAY_APPEND('[1, 2]', '$', 3) AS a, JSON_ARRAY_APPEND('{"a": 1}', '$.a', 2) AS b, JSON_ARRAY_APPEND('{"a": [1]}', '$.a', 2, '$.a', 3) AS c, JSON_ARRAY_APPEND('{"a": 1}', '$.b', 2) AS d, JSON_ARRAY_APPEND('{"a": 1}', '$', 2) AS e, JSON_ARRAY_APPEND('[1, [2]]', '$[1]', 'x') AS f, JSON_ARRAY_APPEND('[1]', '$[5]', 2) AS g, JSON_ARRAY_APPEND(NULL, '$', 1) AS h, JSON_ARRAY_APPEND('[1]', '$', NULL) AS i, JSON_ARRAY_APPEND('{"a": null}', '$.a', 1) AS j, JSON_ARRAY_APPEND('{"a": [1]}', '$.a[0]', 5) AS k, JSON_ARRAY_APPEND('5', '$', 1) AS l, JSON_ARRAY_APPEND('[1]', NULL, 1) AS m;

-- id: json-array-append-values
-- category: p1.json-construct
-- order: unordered
-- note: a string is appended as a JSON string (never parsed), TRUE as JSON true, JSON_OBJECT as an object
SELECT JSON_ARRAY_APPEND('[1]', '$', JSON_OBJECT('x', 1)) AS a, JSON_ARRAY_APPEND('[1]', '$', '{"y": 1}') AS b, JSON_ARRAY_APPEND('[1]', '$', TRUE) AS c, JSON_ARRAY_APPEND('[1]', '$', 2.5) AS d, JSON_ARRAY_APPEND('[1]', '$', 'it''s') AS e;

-- id: json-array-append-columns
-- category: p1.json-construct
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 gives NULL when a path finds nothing; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: 1, json'{"os": "android", "device": "tablet", "version": 12}', json'{"os": "android", "device": "tablet", "version": [12, 2]}', json'[{"os": "android", "device": "tablet", "version": 12}, 1]'
-- row: 2, json'{"late": false, "tags": ["kitchen", "daily", "complete"], "points": 10, "chore_id": 1}', json'{"late": false, "tags": ["kitchen", "daily"], "points": 10, "chore_id": 1}', json'[{"late": false, "tags": ["kitchen", "daily"], "points": 10, "chore_id": 1}, 2]'
-- row: 3, json'{"late": true, "meta": {"streak": 3}, "tags": ["complete"], "points": 12, "chore_id": 9}', json'{"late": true, "meta": {"streak": 3}, "tags": [], "points": 12, "chore_id": 9}', json'[{"late": true, "meta": {"streak": 3}, "tags": [], "points": 12, "chore_id": 9}, 3]'
-- row: 4, json'{"ok": true, "job": "nightly", "duration_ms": 1532.25}', json'{"ok": true, "job": "nightly", "duration_ms": 1532.25}', json'[{"ok": true, "job": "nightly", "duration_ms": 1532.25}, 4]'
-- row: 5, json'{"text": "做得好 👍", "quote": "say \"hi\""}', json'{"text": "做得好 👍", "quote": "say \"hi\""}', json'[{"text": "做得好 👍", "quote": "say \"hi\""}, 5]'
-- row: 6, json'{"os": "ios", "device": "phone", "version": 17.2}', json'{"os": "ios", "device": "phone", "version": [17.2, 4]}', json'[{"os": "ios", "device": "phone", "version": 17.2}, 6]'
-- row: 7, NULL, NULL, NULL
-- row: 8, json'[1, 2, 3]', json'[1, 2, 3]', json'[1, 2, 3, 8]'
SELECT id, JSON_ARRAY_APPEND(payload, '$.tags', action) AS a, JSON_ARRAY_APPEND(payload, '$.version', user_id) AS b, JSON_ARRAY_APPEND(payload, '$', id) AS c FROM activity_log ORDER BY id;

-- id: json-array-insert-literals
-- category: p1.json-construct
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 inserts [last] after the last element and gives NULL before the start; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); past the end appends, before the start ([last - 5] of two elements) inserts first, a value that is not an array is left alone
-- row: json'[1, "x", 2, 3]', json'[1, 2, "x"]', json'{"a": [0, 1]}', json'{"a": 1}', json'[1, "x", 2]', json'["x", 1, 2]', json'[1, "y", "x", 2]', json'[[1, "x"], 2]', json'{"a": ["x", 1]}', NULL, json'[null]'
SELECT JSON_ARRAY_INSERT('[1, 2, 3]', '$[1]', 'x') AS a, JSON_ARRAY_INSERT('[1, 2]', '$[9]', 'x') AS b, JSON_ARRAY_INSERT('{"a": [1]}', '$.a[0]', 0) AS c, JSON_ARRAY_INSERT('{"a": 1}', '$.a[0]', 0) AS d, JSON_ARRAY_INSERT('[1, 2]', '$[last]', 'x') AS e, JSON_ARRAY_INSERT('[1, 2]', '$[last - 5]', 'x') AS f, JSON_ARRAY_INSERT('[1, 2]', '$[1]', 'x', '$[1]', 'y') AS g, JSON_ARRAY_INSERT('[[1], 2]', '$[0][5]', 'x') AS h, JSON_ARRAY_INSERT('{"a": [1]}', '$.a[last]', 'x') AS i, JSON_ARRAY_INSERT(NULL, '$[0]', 1) AS j, JSON_ARRAY_INSERT('[]', '$[0]', NULL) AS k;

-- id: json-array-insert-columns
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_ARRAY_INSERT(payload, '$.tags[0]', action) AS a, JSON_ARRAY_INSERT(payload, '$[1]', 0) AS b FROM activity_log ORDER BY id;

-- id: json-merge-patch-literals
-- category: p1.json-construct
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 loses a member merged into a nested object ({"b": {"d": 2}}); the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); RFC 7396: null removes a member, objects merge at any depth, a patch that is not an object replaces the document
-- row: json'{"b": {"c": 1, "d": 2}}', json'{"a": 1}', json'[2]', NULL, NULL, json'[1]', json'{"b": 2}', json'{"a": {"x": 1, "z": {}}}', json'null', json'{"a": {}}', json'{"1": {"4": [5]}}'
SELECT JSON_MERGE_PATCH('{"a": 1, "b": {"c": 1}}', '{"b": {"d": 2}, "a": null}') AS a, JSON_MERGE_PATCH('[1]', '{"a": 1}') AS b, JSON_MERGE_PATCH('{"a": 1}', '[2]') AS c, JSON_MERGE_PATCH(NULL, '{"a": 1}') AS d, JSON_MERGE_PATCH('{"a": 1}', NULL) AS e, JSON_MERGE_PATCH(NULL, '[1]') AS f, JSON_MERGE_PATCH('{"a": 1}', '{"b": 2}', '{"a": null}') AS g, JSON_MERGE_PATCH('{"a": {"x": 1}}', '{"a": {"y": null, "z": {"q": null}}}') AS h, JSON_MERGE_PATCH('{"a": 1}', 'null') AS i, JSON_MERGE_PATCH('{"a": 5}', '{"a": {"b": null}}') AS j, JSON_MERGE_PATCH('{"1": {"2": 3}}', '{"1": {"2": null, "4": [5]}}') AS k;

-- id: json-merge-patch-columns
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_MERGE_PATCH(payload, '{"late": null, "meta": {"streak": 4, "best": 9}, "os": "linux"}') AS a, JSON_MERGE_PATCH('{"seen": true}', payload) AS b FROM activity_log ORDER BY id;

-- id: json-depth
-- category: p1.json-extract
-- order: unordered
SELECT JSON_DEPTH('1') AS a, JSON_DEPTH('[]') AS b, JSON_DEPTH('[1]') AS c, JSON_DEPTH('{"a": [1, {"b": {}}]}') AS d, JSON_DEPTH('{"a": [1, {"b": {"c": 1}}]}') AS e, JSON_DEPTH(NULL) AS f, JSON_DEPTH('null') AS g, JSON_DEPTH('{}') AS h, JSON_DEPTH('[[], [[]]]') AS i, JSON_DEPTH('"x"') AS j;

-- id: json-depth-columns
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_DEPTH(payload) AS d FROM activity_log ORDER BY id;

-- id: json-overlaps
-- category: p1.json-extract
-- order: unordered
-- note: two objects share a member; otherwise each is read as an array (a scalar or object as the array of it) and they share an element
SELECT JSON_OVERLAPS('[1, 2]', '[2, 3]') AS a, JSON_OVERLAPS('[1, 2]', '[3]') AS b, JSON_OVERLAPS('{"a": 1, "b": 2}', '{"b": 2}') AS c, JSON_OVERLAPS('{"a": 1}', '{"a": 2}') AS d, JSON_OVERLAPS('1', '1.0') AS e, JSON_OVERLAPS('[1]', '1') AS f, JSON_OVERLAPS('{"a": 1}', '[{"a": 1}]') AS g, JSON_OVERLAPS('{"a": 1}', '[1]') AS h, JSON_OVERLAPS(NULL, '1') AS i, JSON_OVERLAPS('[[1, 2]]', '[1]') AS j, JSON_OVERLAPS('[[1, 2]]', '[[1, 2]]') AS k, JSON_OVERLAPS('"a"', '["a"]') AS l, JSON_OVERLAPS('[]', '[]') AS m, JSON_OVERLAPS('{}', '{}') AS o;

-- id: json-overlaps-columns
-- category: p1.json-extract
-- order: ordered
SELECT id FROM activity_log WHERE JSON_OVERLAPS(payload, '{"os": "ios", "late": true}') OR JSON_OVERLAPS(JSON_EXTRACT(payload, '$.tags'), '["daily", "weekly"]') OR JSON_OVERLAPS(payload, '[3, 4]') ORDER BY id;

-- id: json-value
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 gives NULL for an array, 1 for true, and no 512-character limit; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); an array or object comes back as its JSON text, JSON null as SQL NULL, a value longer than 512 characters as NULL
-- row: '1', 'x', '[1]', NULL, 'true', NULL, '6', NULL, 512
SELECT JSON_VALUE('{"a": 1}', '$.a') AS a, JSON_VALUE('{"a": "x"}', '$.a') AS b, JSON_VALUE('{"a": [1]}', '$.a') AS c, JSON_VALUE('{"a": null}', '$.a') AS d, JSON_VALUE('{"a": true}', '$.a') AS e, JSON_VALUE('{"a": 1}', '$.b') AS f, JSON_VALUE('[5, 6]', '$[last]') AS g, CHAR_LENGTH(JSON_VALUE(JSON_OBJECT('a', REPEAT('x', 600)), '$.a')) AS h, CHAR_LENGTH(JSON_VALUE(JSON_OBJECT('a', REPEAT('x', 512)), '$.a')) AS i;

-- id: json-value-columns
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 reads JSON false as 0 here; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: 1, 'android', NULL, NULL
-- row: 2, NULL, '["kitchen", "daily"]', '10'
-- row: 6, 'ios', NULL, NULL
SELECT id, JSON_VALUE(payload, '$.os') AS os, JSON_VALUE(payload, '$.tags') AS tags, JSON_VALUE(payload, '$.points') AS points FROM activity_log WHERE JSON_VALUE(payload, '$.late') = 'false' OR JSON_VALUE(payload, '$.device') IS NOT NULL ORDER BY id;

-- id: json-docs-create
-- category: ddl.create-table
-- order: unordered
-- tables: json_docs
CREATE TABLE json_docs (id INT NOT NULL PRIMARY KEY, doc JSON NULL);

-- id: json-docs-seed
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: json_docs
INSERT INTO json_docs VALUES (1, '{"tags": ["a", "b"], "n": 1, "meta": {"x": 1, "y": 2}}'), (2, '{"tags": "solo", "n": 2}'), (3, '[1, 2, 3]'), (4, NULL), (5, '{"meta": 7}');

-- id: json-docs-update-edits
-- category: writes.update
-- order: unordered
-- tables: json_docs
UPDATE json_docs SET doc = JSON_MERGE_PATCH(JSON_ARRAY_APPEND(JSON_REMOVE(doc, '$.n'), '$.tags', 'c'), '{"meta": {"y": null, "z": 3}}') WHERE id IN (1, 2, 4);

-- id: json-docs-update-insert
-- category: writes.update
-- order: unordered
-- tables: json_docs
UPDATE json_docs SET doc = JSON_ARRAY_INSERT(doc, '$[0]', JSON_DEPTH(doc)) WHERE JSON_OVERLAPS(doc, '[2, 9]');

-- id: json-docs-update-bound
-- category: writes.update
-- order: unordered
-- tables: json_docs
-- binds: 'd', '{"meta": {"x": null, "w": [1]}}', 1
-- note: a bound string is appended as a JSON string; a bound patch is parsed as JSON
UPDATE json_docs SET doc = JSON_MERGE_PATCH(JSON_ARRAY_APPEND(doc, '$.tags', ?), ?) WHERE id = ?;

-- id: json-docs-read-bound
-- category: p1.json-extract
-- order: ordered
-- binds: '[1, 9]'
SELECT id, JSON_OVERLAPS(doc, ?) AS o, JSON_DEPTH(doc) AS d FROM json_docs ORDER BY id;

-- id: json-remove-whole-document-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_REMOVE
-- note: MySQL raises an error for the path $ here
SELECT JSON_REMOVE(payload, '$') FROM activity_log;

-- id: json-array-insert-not-a-position-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_ARRAY_INSERT
-- note: MySQL raises an error: the path must end with an array position
SELECT JSON_ARRAY_INSERT(payload, '$.tags', 1) FROM activity_log;

-- id: json-remove-wildcard-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_REMOVE
-- note: MySQL raises an error for a wildcard or range in an editing path
SELECT JSON_REMOVE(payload, '$.tags[*]') FROM activity_log;

-- id: json-set-positions
-- category: p1.json-construct
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 gives NULL for a position before the start ([last - 5]); the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); an array position in JSON_SET/REPLACE/INSERT: an element replaced, past the end appended, before the start put first; a value that is not an array is itself at [0] and becomes [value, new] at a later position
-- row: json'{"a": [9, 2]}', json'{"a": [1, 2, 9]}', json'{"a": 9}', json'{"a": [1, 9]}', json'{"a": [1, 9]}', json'[1, 9]', json'[9, 1, 2]', json'[[1, 9]]', json'{"a": [null, 9]}', NULL, json'[null]', json'[2, 3]', json'9', json'[5, 9]'
SELECT JSON_SET('{"a": [1, 2]}', '$.a[0]', 9) AS a, JSON_SET('{"a": [1, 2]}', '$.a[5]', 9) AS b, JSON_SET('{"a": 1}', '$.a[0]', 9) AS c, JSON_SET('{"a": 1}', '$.a[1]', 9) AS d, JSON_SET('{"a": 1}', '$.a[3]', 9) AS e, JSON_SET('[1, 2]', '$[last]', 9) AS f, JSON_SET('[1, 2]', '$[last - 5]', 9) AS g, JSON_SET('[[1]]', '$[0][1]', 9) AS h, JSON_SET('{"a": null}', '$.a[1]', 9) AS i, JSON_SET(NULL, '$[0]', 1) AS j, JSON_SET('[1]', '$[0]', NULL) AS k, JSON_SET('[1]', '$[0]', 2, '$[1]', 3) AS l, JSON_SET('5', '$[0]', 9) AS m, JSON_SET('5', '$[1]', 9) AS o;

-- id: json-set-positions-members
-- category: p1.json-construct
-- order: unordered
SELECT JSON_SET('{"a": [{"q": 1}, {"q": 2}]}', '$.a[1].q', 9) AS a, JSON_SET('{"a": [{"q": 1}]}', '$.a[1].q', 9) AS b, JSON_SET('{"a": {"q": 1}}', '$.a[0].q', 9) AS c, JSON_SET('{"a": [{"q": 1}]}', '$.a[0].r', 9) AS d, JSON_SET('{"a": [1]}', '$.a[0].r', 9) AS e, JSON_SET('{"a": [{"q": 1}]}', '$.a[last].q', 'x', '$.b', 1) AS f;

-- id: json-replace-insert-positions
-- category: p1.json-construct
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 gives NULL for a position before the start ([last - 5]); the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: json'{"a": [9, 2]}', json'{"a": [1, 2]}', json'{"a": 9}', json'{"a": 1}', json'[1, 2]', json'{"a": [1, 2]}', json'{"a": [1, 2, 9]}', json'{"a": 1}', json'{"a": [1, 9]}', json'[9, 1, 2]', json'{"a": [{"q": 1, "r": 6}]}', json'{"a": [{"q": 5}]}'
SELECT JSON_REPLACE('{"a": [1, 2]}', '$.a[0]', 9) AS a, JSON_REPLACE('{"a": [1, 2]}', '$.a[5]', 9) AS b, JSON_REPLACE('{"a": 1}', '$.a[0]', 9) AS c, JSON_REPLACE('{"a": 1}', '$.a[1]', 9) AS d, JSON_REPLACE('[1, 2]', '$[last - 5]', 9) AS e, JSON_INSERT('{"a": [1, 2]}', '$.a[0]', 9) AS f, JSON_INSERT('{"a": [1, 2]}', '$.a[5]', 9) AS g, JSON_INSERT('{"a": 1}', '$.a[0]', 9) AS h, JSON_INSERT('{"a": 1}', '$.a[1]', 9) AS i, JSON_INSERT('[1, 2]', '$[last - 5]', 9) AS j, JSON_INSERT('{"a": [{"q": 1}]}', '$.a[0].q', 5, '$.a[0].r', 6) AS k, JSON_REPLACE('{"a": [{"q": 1}]}', '$.a[0].q', 5, '$.a[0].r', 6) AS l;

-- id: json-set-positions-columns
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_SET(payload, '$.tags[0]', 'first', '$.tags[9]', 'last') AS s, JSON_REPLACE(payload, '$[0].version', 0) AS r, JSON_INSERT(payload, '$.meta[1]', action) AS i FROM activity_log ORDER BY id;

-- id: json-docs-update-set-position
-- category: writes.update
-- order: unordered
-- tables: json_docs
-- binds: 'z'
UPDATE json_docs SET doc = JSON_SET(doc, '$.tags[0]', ?, '$[1]', 0) WHERE id IN (1, 2, 3, 4);

-- id: json-merge-preserve-literals
-- category: p1.json-construct
-- order: unordered
-- note: two objects merge (a member of both becomes the merge of its values); anything else is read as arrays and joined
SELECT JSON_MERGE_PRESERVE('[1, 2]', '[true, false]') AS a, JSON_MERGE_PRESERVE('{"name": "x"}', '{"id": 47}') AS b, JSON_MERGE_PRESERVE('1', 'true') AS c, JSON_MERGE_PRESERVE('[1, 2]', '{"id": 47}') AS d, JSON_MERGE_PRESERVE('{"a": 1, "b": 2}', '{"a": 3, "c": 4}', '{"a": 5, "d": 6}') AS f, JSON_MERGE_PRESERVE('{"a": {"x": 1}}', '{"a": {"x": 2, "y": 3}}') AS g, JSON_MERGE_PRESERVE('{"a": [1]}', '{"a": 2}') AS h, JSON_MERGE_PRESERVE('{"a": {"x": 1}}', '{"a": 5}') AS i, JSON_MERGE_PRESERVE('{"a": 1}', NULL) AS j, JSON_MERGE_PRESERVE('{"a": null}', '{"a": null}') AS k, JSON_MERGE_PRESERVE('{"a": {"b": {"c": 1}}}', '{"a": {"b": {"c": [2]}, "d": 1}}') AS l, JSON_MERGE_PRESERVE('{"a": [1, 2]}', '{"a": [2, 3]}') AS m, JSON_MERGE_PRESERVE('{}', '{}') AS o, JSON_MERGE_PRESERVE('[]', '[]') AS p, JSON_MERGE_PRESERVE('"x"', '{"a": 1}') AS q, JSON_MERGE('[1]', '[2]') AS r;

-- id: json-merge-preserve-columns
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_MERGE_PRESERVE(payload, '{"tags": ["new"], "meta": {"streak": 1, "best": 2}, "late": null}') AS a, JSON_MERGE_PRESERVE('[0]', payload) AS b FROM activity_log ORDER BY id;

-- id: json-search-literals
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 matches case-insensitively and keeps members in document order; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); the paths of matching strings in document order (members in jsonb's and MySQL's key order, length first); a number is never matched; the comparison is case-sensitive in MySQL 9.7
-- row: json'"$[0]"', json'["$[0]", "$[2].x"]', NULL, json'"$[0].k"', json'["$[0]", "$[2].x", "$[3].y"]', NULL, NULL, NULL, NULL, json'"$"', json'["$.a", "$.b", "$.aa"]', json'"$.a.b"', json'"$[0]"'
SELECT JSON_SEARCH('["abc", [{"k": "10"}, "def"], {"x": "abc"}, {"y": "bcd"}]', 'one', 'abc') AS a, JSON_SEARCH('["abc", [{"k": "10"}, "def"], {"x": "abc"}, {"y": "bcd"}]', 'all', 'abc') AS b, JSON_SEARCH('["abc"]', 'all', 'ghi') AS c, JSON_SEARCH('[{"k": "10"}]', 'all', '10') AS d, JSON_SEARCH('["abc", [{"k": "10"}, "def"], {"x": "abc"}, {"y": "bcd"}]', 'all', '%b%') AS e, JSON_SEARCH('["ABC"]', 'one', 'abc') AS f, JSON_SEARCH('{"a": 5}', 'one', '5') AS g, JSON_SEARCH(NULL, 'one', 'x') AS h, JSON_SEARCH('["x"]', 'one', NULL) AS i, JSON_SEARCH('"x"', 'one', 'x') AS j, JSON_SEARCH('{"b": "x", "a": "x", "aa": "x"}', 'all', 'x') AS k, JSON_SEARCH('{"a": {"b": "x"}, "b": "x"}', 'one', 'x') AS l, JSON_SEARCH('["x"]', 'ONE', 'x') AS m;

-- id: json-search-names-and-escapes
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 prints member names unquoted; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); a member name that is not an identifier is printed as a JSON string; a pattern's escape character defaults to backslash
-- row: json'["$.\"\"", "$.c.\"1\"", "$.$a", "$._1", "$.\"a b\"", "$.\"a-b\""]', json'"$[0]"', json'"$[0]"', json'"$[0]"', json'"$[0]"', json'["$[0]", "$[1]"]'
SELECT JSON_SEARCH('{"a b": "x", "c": {"1": "x"}, "$a": "x", "_1": "x", "": "x", "a-b": "x"}', 'all', 'x') AS a, JSON_SEARCH('["a_c", "abc"]', 'all', 'a\_c') AS b, JSON_SEARCH('["a_c", "abc"]', 'all', 'a|_c', '|') AS c, JSON_SEARCH('["a%", "ab"]', 'all', 'a\%') AS d, JSON_SEARCH('[""]', 'one', '') AS e, JSON_SEARCH('["a_c", "abc"]', 'all', 'a_c', '') AS f;

-- id: json-search-under-a-path
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 prints member names unquoted; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: json'["$.a.b", "$.a.c"]', NULL, json'"$.a"', json'"$.\"a b\".c"', NULL
SELECT JSON_SEARCH('{"a": {"b": "x", "c": "y"}}', 'all', '%', NULL, '$.a') AS a, JSON_SEARCH('{"a": {"b": "x"}}', 'all', 'x', NULL, '$.z') AS b, JSON_SEARCH('{"a": "x"}', 'all', 'x', NULL, '$.a') AS c, JSON_SEARCH('{"a b": {"c": "x"}}', 'all', 'x', NULL, '$."a b"') AS d, JSON_SEARCH('["x"]', 'all', 'x', NULL, NULL) AS e;

-- id: json-search-columns
-- category: p1.json-extract
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 keeps members in document order; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed)
-- row: 1, json'["$.os", "$.device"]', NULL
-- row: 3, NULL, NULL
-- row: 4, NULL, NULL
-- row: 5, json'"$.quote"', NULL
-- row: 6, NULL, NULL
-- row: 7, NULL, NULL
-- row: 8, NULL, NULL
SELECT id, JSON_SEARCH(payload, 'all', '%a%') AS a, JSON_SEARCH(payload, 'one', action) AS b FROM activity_log WHERE JSON_SEARCH(payload, 'one', 'kitchen') IS NULL ORDER BY id;

-- id: json-search-several-paths
-- category: p1.json-extract
-- mode: expect
-- order: unordered
-- note: MariaDB 10.11 lists the matches of several paths in document order (["$.a", "$.c.d"] for a); the rows are MySQL 9.7.4's (run on it by hand): matches in the order of the paths, each path's in document order, a value found again through a later or overlapping path once, at its first place; a path not found adds nothing, a NULL path gives NULL
-- row: json'["$.c.d", "$.a"]', json'["$.b[0]", "$.a", "$.c.d"]', json'"$.c.d"', NULL, json'"$.a"', json'"$.b[0]"', json'"$.c.d"'
SELECT JSON_SEARCH('{"a": "x", "b": ["x", "y"], "c": {"d": "x"}}', 'all', 'x', NULL, '$.c', '$.a') AS a, JSON_SEARCH('{"a": "x", "b": ["x", "y"], "c": {"d": "x"}}', 'all', 'x', NULL, '$.b', '$', '$.c') AS b, JSON_SEARCH('{"a": "x", "b": ["x", "y"], "c": {"d": "x"}}', 'one', 'x', NULL, '$.c', '$.a') AS c, JSON_SEARCH('{"a": "x"}', 'all', 'x', NULL, '$.z', NULL) AS d, JSON_SEARCH('{"a": "x"}', 'all', 'x', NULL, '$.z', '$.a') AS e, JSON_SEARCH('{"a": "x", "b": ["x", "y"]}', 'one', 'x', NULL, '$.z', '$.b') AS f, JSON_SEARCH('{"c": {"d": "x"}}', 'all', 'x', NULL, '$.c', '$.c') AS g;

-- id: json-search-wildcard-path-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_SEARCH
SELECT JSON_SEARCH(payload, 'all', 'x', NULL, '$.a', '$[*]') FROM activity_log;

-- id: json-valid-json-values
-- category: p1.json-extract
-- order: ordered
-- note: a JSON value is valid JSON; a path not found or a NULL column gives NULL
SELECT id, JSON_VALID(payload) AS a, JSON_VALID(JSON_EXTRACT(payload, '$.os')) AS b, JSON_VALID(JSON_EXTRACT(payload, '$.tags[0]')) AS c FROM activity_log ORDER BY id;

-- id: json-valid-string-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_VALID
-- note: PostgreSQL accepts 1e400, MySQL does not; IS JSON needs PostgreSQL 16
SELECT JSON_VALID(action) FROM activity_log;
