-- JSON, CAST/CONVERT, string functions, index hints, STRAIGHT_JOIN, SQL_CALC_FOUND_ROWS, hex/bit literals.

-- id: je-string-member
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_EXTRACT(payload, '$.device') AS d FROM activity_log ORDER BY id;

-- id: je-array-element
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_EXTRACT(payload, '$.tags[0]') AS t FROM activity_log ORDER BY id;

-- id: je-nested
-- category: p1.json-extract
-- order: unordered
SELECT JSON_EXTRACT(payload, '$.meta.streak') AS s FROM activity_log WHERE id = 3;

-- id: je-unquote
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_UNQUOTE(JSON_EXTRACT(payload, '$.os')) AS os FROM activity_log ORDER BY id;

-- id: je-unquote-compare
-- category: p1.json-extract
-- order: ordered
SELECT id FROM activity_log WHERE JSON_UNQUOTE(JSON_EXTRACT(payload, '$.late')) = 'true' ORDER BY id;

-- id: je-number-arithmetic
-- category: p1.json-extract
-- order: ordered
SELECT id, JSON_EXTRACT(payload, '$.version') + 0 AS v FROM activity_log WHERE action = 'login' ORDER BY id;

-- id: je-top-level-array
-- category: p1.json-extract
-- order: unordered
SELECT JSON_EXTRACT(payload, '$[1]') AS x FROM activity_log WHERE id = 8;

-- id: je-literal-document
-- category: p1.json-extract
-- order: unordered
SELECT JSON_EXTRACT('{"a": {"b": [10, 20]}}', '$.a.b[1]') AS x;

-- id: je-whole-object
-- category: p1.json-extract
-- order: unordered
SELECT JSON_EXTRACT(payload, '$.meta') AS m FROM activity_log WHERE id = 3;

-- id: je-unicode
-- category: p1.json-extract
-- order: unordered
SELECT JSON_EXTRACT(payload, '$.text') AS t FROM activity_log WHERE id = 5;

-- id: je-escaped-quote
-- category: p1.json-extract
-- order: unordered
SELECT JSON_UNQUOTE(JSON_EXTRACT(payload, '$.quote')) AS q FROM activity_log WHERE id = 5;

-- id: je-in-where
-- category: p1.json-extract
-- order: unordered
SELECT COUNT(*) FROM activity_log WHERE JSON_UNQUOTE(JSON_EXTRACT(payload, '$.device')) = 'phone';

-- id: je-whole-column
-- category: p1.json-extract
-- order: ordered
-- note: compared as JSON values: MariaDB keeps the inserted text, PostgreSQL its own form
SELECT id, payload FROM activity_log ORDER BY id;

-- id: je-multiple-paths
-- category: p1.json-extract
-- order: unordered
-- note: several paths give a JSON array of the matches
SELECT JSON_EXTRACT(payload, '$.device', '$.os') AS x FROM activity_log WHERE id = 1;

-- id: je-multiple-paths-partial
-- category: p1.json-extract
-- order: ordered
-- note: paths that find nothing are skipped; none found is NULL
SELECT id, JSON_EXTRACT(payload, '$.missing', '$.os', '$.version') AS x, JSON_EXTRACT(payload, '$.no', '$.nothing') AS y FROM activity_log ORDER BY id;

-- id: arrow-member
-- category: p1.json-arrow
-- mode: expect
-- order: ordered
-- row: 1, json'"tablet"'
-- row: 2, NULL
-- row: 3, NULL
-- row: 4, NULL
-- row: 5, NULL
-- row: 6, json'"phone"'
-- row: 7, NULL
-- row: 8, NULL
-- note: -> is MySQL 8 syntax MariaDB lacks; expected values from the MySQL 8 manual's semantics (JSON_EXTRACT)
SELECT id, payload->'$.device' AS d FROM activity_log ORDER BY id;

-- id: arrow-unquote
-- category: p1.json-arrow
-- mode: expect
-- order: ordered
-- row: 1, 'android'
-- row: 6, 'ios'
-- row: 8, NULL
-- note: ->> is MySQL 8 syntax MariaDB lacks
SELECT id, payload->>'$.os' AS os FROM activity_log WHERE action = 'login' ORDER BY id;

-- id: arrow-array-value
-- category: p1.json-arrow
-- mode: expect
-- order: unordered
-- row: json'["kitchen", "daily"]'
-- note: -> is MySQL 8 syntax MariaDB lacks
SELECT payload->'$.tags' AS t FROM activity_log WHERE id = 2;

-- id: arrow-unquote-number
-- category: p1.json-arrow
-- mode: expect
-- order: unordered
-- row: '3'
-- note: ->> gives text; MariaDB lacks it
SELECT payload->>'$.meta.streak' AS s FROM activity_log WHERE id = 3;

-- id: arrow-in-where
-- category: p1.json-arrow
-- mode: expect
-- order: unordered
-- row: 1
-- note: ->> is MySQL 8 syntax MariaDB lacks
SELECT id FROM activity_log WHERE payload->>'$.device' = 'tablet';

-- id: arrow-array-index
-- category: p1.json-arrow
-- mode: expect
-- order: unordered
-- row: json'3'
-- note: -> is MySQL 8 syntax MariaDB lacks
SELECT payload->'$[2]' AS x FROM activity_log WHERE id = 8;

-- id: arrow-unquote-escapes
-- category: p1.json-arrow
-- mode: expect
-- order: unordered
-- row: 'say "hi"'
-- note: ->> is MySQL 8 syntax MariaDB lacks
SELECT payload->>'$.quote' AS q FROM activity_log WHERE id = 5;

-- id: arrow-order-by
-- category: p1.json-arrow
-- mode: expect
-- order: ordered
-- row: 8
-- row: 6
-- row: 1
-- note: NULL sorts first ascending; ->> is MySQL 8 syntax MariaDB lacks
SELECT id FROM activity_log WHERE action = 'login' ORDER BY payload->>'$.device', id;

-- id: jo-columns
-- category: p1.json-construct
-- order: ordered
SELECT JSON_OBJECT('id', id, 'name', display_name) AS j FROM users ORDER BY id;

-- id: ja-mixed
-- category: p1.json-construct
-- order: unordered
SELECT JSON_ARRAY(1, 'two', NULL, 3.5) AS j;

-- id: jo-tinyint
-- category: p1.json-construct
-- order: unordered
-- note: TINYINT(1) is the number 1 in MySQL's JSON, not true
SELECT JSON_OBJECT('admin', is_admin) AS j FROM users WHERE id = 1;

-- id: ja-columns
-- category: p1.json-construct
-- order: ordered
SELECT JSON_ARRAY(id, points) AS j FROM chores ORDER BY id;

-- id: jo-nested
-- category: p1.json-construct
-- order: unordered
SELECT JSON_OBJECT('nested', JSON_ARRAY(1, 2), 'empty', JSON_OBJECT()) AS j;

-- id: jo-date
-- category: p1.json-construct
-- order: unordered
SELECT JSON_OBJECT('due', due_date) AS j FROM assignments WHERE id = 1;

-- id: jo-datetime
-- category: p1.json-construct
-- mode: expect
-- order: unordered
-- row: json'{"at": "2024-03-01 19:45:00.000000"}'
-- note: MySQL 8 writes a DATETIME into JSON with six fractional digits; MariaDB (no JSON type) writes it without
SELECT JSON_OBJECT('at', completed_at) AS j FROM assignments WHERE id = 1;

-- id: jo-boolean-values
-- category: p1.json-construct
-- order: unordered
-- note: TRUE/FALSE and conditions become JSON booleans, not 1/0
SELECT JSON_OBJECT('t', TRUE, 'f', FALSE, 'n', 1) AS j, JSON_ARRAY(TRUE, 0) AS a;

-- id: jo-condition-values
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_OBJECT('admin', is_admin = 1, 'rich', points > 100) AS j FROM users ORDER BY id;

-- id: jo-decimal
-- category: p1.json-construct
-- order: unordered
SELECT JSON_OBJECT('amount', amount) AS j FROM reward_adjustments WHERE id = 2;

-- id: ja-empty
-- category: p1.json-construct
-- order: unordered
SELECT JSON_ARRAY() AS j;

-- id: jo-null-value
-- category: p1.json-construct
-- order: unordered
SELECT JSON_OBJECT('k', NULL) AS j;

-- id: jo-unicode
-- category: p1.json-construct
-- order: ordered
SELECT JSON_OBJECT('name', display_name, 'bio', bio) AS j FROM users WHERE id IN (3, 6, 7) ORDER BY id;

-- id: cast-signed-strings
-- category: p1.cast
-- order: unordered
SELECT CAST('42' AS SIGNED) AS a, CAST('-7' AS SIGNED) AS b;

-- id: cast-signed-rounds
-- category: p1.cast
-- order: unordered
SELECT CAST(3.7 AS SIGNED) AS a, CAST(-3.5 AS SIGNED) AS b, CAST(2.5 AS SIGNED) AS c;

-- id: cast-signed-prefix
-- category: p1.cast
-- order: unordered
-- note: MySQL takes the numeric prefix (with a warning)
SELECT CAST('12abc' AS SIGNED) AS a;

-- id: cast-signed-prefix-variants
-- category: p1.cast
-- order: unordered
SELECT CAST(' -7 apples' AS SIGNED) AS a, CAST('none' AS SIGNED) AS b, CAST('+42' AS SIGNED) AS c, CAST('' AS SIGNED) AS d;

-- id: cast-unsigned-negative
-- category: p1.cast
-- order: unordered
-- note: MySQL wraps a negative value around 2^64 (-1 is 18446744073709551615); a DECIMAL is rounded half away from zero first, a DOUBLE half to even
SELECT CAST(-1 AS UNSIGNED) AS a, CAST(19.99 AS UNSIGNED) AS b, CAST(-0.4 AS UNSIGNED) AS c, CAST(2.5 AS UNSIGNED) AS f, CAST(2.5e0 AS UNSIGNED) AS g, CAST(NULL AS UNSIGNED) AS j, CAST('-5' AS UNSIGNED) AS l, CAST(' 12abc' AS UNSIGNED INTEGER) AS d;

-- id: cast-unsigned-column
-- category: p1.cast
-- order: ordered
-- note: a signed column may hold negatives, which MySQL wraps around 2^64
SELECT id, CAST(points AS UNSIGNED) AS p, CAST(points - 100 AS UNSIGNED) AS q FROM chores ORDER BY id;

-- id: cast-char-int
-- category: p1.cast
-- order: ordered
SELECT CAST(id AS CHAR) AS s FROM users ORDER BY id;

-- id: cast-char-decimal
-- category: p1.cast
-- order: ordered
SELECT CAST(balance AS CHAR) AS s FROM users ORDER BY id;

-- id: cast-char-tinyint
-- category: p1.cast
-- order: ordered
SELECT CAST(is_admin AS CHAR) AS s FROM users ORDER BY id;

-- id: cast-char-length
-- category: p1.cast
-- order: ordered
-- note: CHAR(N) truncates and never pads
SELECT id, CAST(display_name AS CHAR(3)) AS s FROM users ORDER BY id;

-- id: cast-decimal-scale
-- category: p1.cast
-- order: unordered
SELECT CAST('3.14159' AS DECIMAL(5,2)) AS a, CAST(amount AS DECIMAL(4,1)) AS b FROM reward_adjustments WHERE id = 3;

-- id: cast-decimal-default-precision
-- category: p1.cast
-- order: unordered
-- note: DECIMAL without precision is DECIMAL(10,0): 123
SELECT CAST(123.456 AS DECIMAL) AS a;

-- id: cast-date
-- category: p1.cast
-- order: unordered
SELECT CAST('2024-03-05' AS DATE) AS a, CAST(created_at AS DATE) AS b FROM chores WHERE id = 1;

-- id: cast-datetime
-- category: p1.cast
-- order: unordered
SELECT CAST('2024-03-05 10:11:12' AS DATETIME) AS a;

-- id: cast-datetime-rounds-fraction
-- category: p1.cast
-- mode: expect
-- order: unordered
-- row: ts'2024-03-05 10:11:13'
-- note: MySQL 8 rounds the fraction to DATETIME(0) (unless TIME_TRUNCATE_FRACTIONAL); MariaDB truncates, so only the MySQL 8 value is asserted
SELECT CAST('2024-03-05 10:11:12.987' AS DATETIME) AS a;

-- id: cast-date-to-datetime
-- category: p1.cast
-- order: ordered
SELECT id, CAST(due_date AS DATETIME) AS d FROM assignments ORDER BY id;

-- id: cast-time
-- category: p1.cast
-- order: unordered
SELECT CAST('10:11:12' AS TIME) AS t;

-- id: cast-decimal-then-divide
-- category: p1.cast
-- order: unordered
SELECT CAST(1 AS DECIMAL(5,2)) / 3 AS x;

-- id: cast-signed-decimal-column
-- category: p1.cast
-- order: ordered
SELECT id, CAST(dec_v AS SIGNED) AS x FROM numeric_edges WHERE id IN (3, 4, 6) ORDER BY id;

-- id: convert-signed
-- category: p1.convert
-- order: unordered
SELECT CONVERT('42', SIGNED) AS a;

-- id: convert-char
-- category: p1.convert
-- order: ordered
SELECT id, CONVERT(points, CHAR) AS p FROM chores ORDER BY id;

-- id: convert-using
-- category: p1.convert
-- order: ordered
SELECT id, CONVERT(display_name USING utf8mb4) AS n FROM users ORDER BY id;

-- id: convert-date
-- category: p1.convert
-- order: unordered
SELECT CONVERT('2024-03-05', DATE) AS d;

-- id: convert-decimal
-- category: p1.convert
-- order: ordered
SELECT id, CONVERT(amount, DECIMAL(10,1)) AS a FROM reward_adjustments ORDER BY id;

-- id: si-positive
-- category: p1.substring-index
-- order: unordered
SELECT SUBSTRING_INDEX('www.example.com', '.', 2) AS a;

-- id: si-negative
-- category: p1.substring-index
-- order: unordered
SELECT SUBSTRING_INDEX('www.example.com', '.', -2) AS a;

-- id: si-email-domain
-- category: p1.substring-index
-- order: ordered
SELECT id, SUBSTRING_INDEX(email, '@', -1) AS domain FROM users ORDER BY id;

-- id: si-first-tag
-- category: p1.substring-index
-- order: ordered
SELECT id, SUBSTRING_INDEX(tags, ',', 1) AS t FROM chores ORDER BY id;

-- id: si-zero-and-missing
-- category: p1.substring-index
-- order: unordered
SELECT SUBSTRING_INDEX('a,b', ',', 0) AS a, SUBSTRING_INDEX('abc', ',', 1) AS b, SUBSTRING_INDEX(NULL, ',', 1) AS c;

-- id: si-multichar-delim
-- category: p1.substring-index
-- order: unordered
SELECT SUBSTRING_INDEX('a--b--c', '--', -1) AS a, SUBSTRING_INDEX('a--b--c', '--', 5) AS b;

-- id: locate-basic
-- category: p1.locate-instr
-- order: unordered
SELECT LOCATE('b', 'abcb') AS a, LOCATE('b', 'abcb', 3) AS b, LOCATE('z', 'abc') AS c;

-- id: instr-basic
-- category: p1.locate-instr
-- order: unordered
SELECT INSTR('foobar', 'bar') AS a, INSTR('foobar', 'x') AS b;

-- id: locate-column
-- category: p1.locate-instr
-- order: ordered
SELECT id, LOCATE('@', email) AS at_pos FROM users ORDER BY id;

-- id: instr-multibyte
-- category: p1.locate-instr
-- order: ordered
-- note: positions count characters, not bytes
SELECT id, INSTR(display_name, 'ü') AS p FROM users ORDER BY id;

-- id: locate-accent-insensitive
-- category: p1.locate-instr
-- order: ordered
-- note: MySQL 8's utf8mb4_0900_ai_ci finds 'u' in 'Müller' and 'unicode' in 'Ünïcödé', at character positions
SELECT id, LOCATE('u', display_name) AS a, POSITION('MULLER' IN display_name) AS b, LOCATE('e', display_name, 3) AS c, INSTR(display_name, 'Sea') AS d, INSTR(bio, 'unicode') AS e, LOCATE('✓', bio, 2) AS f FROM users ORDER BY id;

-- id: locate-ci
-- category: p1.locate-instr
-- order: unordered
-- note: case-insensitive for non-binary strings
SELECT LOCATE('B', 'abc') AS a;

-- id: instr-ci-column
-- category: p1.locate-instr
-- order: ordered
SELECT id, INSTR(title, 'DISH') AS p FROM chores ORDER BY id;

-- id: locate-null
-- category: p1.locate-instr
-- order: unordered
SELECT LOCATE(NULL, 'a') AS a, LOCATE('a', NULL) AS b;

-- id: fis-basic
-- category: p1.find-in-set
-- order: unordered
SELECT FIND_IN_SET('b', 'a,b,c') AS a, FIND_IN_SET('d', 'a,b,c') AS b;

-- id: fis-column
-- category: p1.find-in-set
-- order: ordered
SELECT id, FIND_IN_SET('outdoor', tags) AS p FROM chores ORDER BY id;

-- id: fis-in-where
-- category: p1.find-in-set
-- order: ordered
SELECT id FROM chores WHERE FIND_IN_SET('kitchen', tags) > 0 ORDER BY id;

-- id: fis-null
-- category: p1.find-in-set
-- order: unordered
SELECT FIND_IN_SET(NULL, 'a') AS a, FIND_IN_SET('a', NULL) AS b;

-- id: fis-ci
-- category: p1.find-in-set
-- order: unordered
SELECT FIND_IN_SET('B', 'a,b,c') AS a;

-- id: field-basic
-- category: p1.field
-- order: unordered
SELECT FIELD('b', 'a', 'b', 'c') AS a, FIELD('z', 'a') AS b;

-- id: field-null
-- category: p1.field
-- order: unordered
SELECT FIELD(NULL, 'a', NULL) AS a;

-- id: field-order-by
-- category: p1.field
-- order: ordered
SELECT id FROM chores ORDER BY FIELD(frequency, 'monthly', 'weekly', 'daily', 'once'), id;

-- id: field-numbers
-- category: p1.field
-- order: unordered
SELECT FIELD(2, 1, 2, 3) AS a;

-- id: field-ci
-- category: p1.field
-- order: unordered
SELECT FIELD('B', 'a', 'b') AS a;

-- id: lpad-zeros
-- category: p1.pad
-- order: ordered
SELECT LPAD(id, 5, '0') AS p FROM users ORDER BY id;

-- id: rpad-dots
-- category: p1.pad
-- order: unordered
SELECT RPAD('ab', 5, '.') AS p;

-- id: pad-truncates
-- category: p1.pad
-- order: unordered
SELECT LPAD('abcdef', 3, '*') AS a, RPAD('abcdef', 3, '*') AS b;

-- id: pad-multibyte
-- category: p1.pad
-- order: unordered
SELECT LPAD('李', 3, '雷') AS a, RPAD('ü', 3, 'ö') AS b;

-- id: pad-null
-- category: p1.pad
-- order: unordered
SELECT RPAD(NULL, 3, 'x') AS a, LPAD('x', NULL, 'y') AS b;

-- id: pad-multichar
-- category: p1.pad
-- order: ordered
SELECT LPAD(points, 6, 'ab') AS p FROM chores WHERE id IN (1, 6) ORDER BY id;

-- id: hint-use-index
-- category: p1.index-hints
-- order: ordered
SELECT id FROM users USE INDEX (idx_users_family) WHERE family_id = 1 ORDER BY id;

-- id: hint-force-primary
-- category: p1.index-hints
-- order: ordered
SELECT id FROM users FORCE INDEX (PRIMARY) WHERE id > 5 ORDER BY id;

-- id: hint-ignore-index
-- category: p1.index-hints
-- order: ordered
SELECT id FROM users IGNORE INDEX (uq_users_email) WHERE email LIKE 'a%' ORDER BY id;

-- id: hint-for-join
-- category: p1.index-hints
-- order: ordered
SELECT a.id FROM assignments a USE INDEX FOR JOIN (idx_assignments_user) JOIN users u ON u.id = a.user_id ORDER BY a.id;

-- id: hint-force-count
-- category: p1.index-hints
-- order: unordered
SELECT COUNT(*) FROM chores FORCE INDEX (idx_chores_family) WHERE family_id = 2;

-- id: sj-select-modifier
-- category: p1.straight-join
-- order: ordered
SELECT STRAIGHT_JOIN u.id, f.name FROM users u JOIN families f ON f.id = u.family_id ORDER BY u.id;

-- id: sj-join-operator
-- category: p1.straight-join
-- order: ordered
SELECT u.id FROM users u STRAIGHT_JOIN assignments a ON a.user_id = u.id WHERE a.status = 'done' ORDER BY a.id;

-- id: sj-with-where
-- category: p1.straight-join
-- order: ordered
SELECT c.title FROM chores c STRAIGHT_JOIN families f ON f.id = c.family_id WHERE f.plan = 'free' ORDER BY c.id;

-- id: cfr-limit
-- category: p1.calc-found-rows
-- mode: refuse
-- refuse: unsupported-syntax:SQL_CALC_FOUND_ROWS
-- note: the following FOUND_ROWS() has no PostgreSQL equivalent; refusing keeps the pair honest
SELECT SQL_CALC_FOUND_ROWS id FROM users ORDER BY id LIMIT 2;

-- id: cfr-offset
-- category: p1.calc-found-rows
-- mode: refuse
-- refuse: unsupported-syntax:SQL_CALC_FOUND_ROWS
-- note: as above, with LIMIT offset,count
SELECT SQL_CALC_FOUND_ROWS title FROM chores WHERE family_id = 1 ORDER BY id LIMIT 1, 2;

-- id: hex-x-literal
-- category: p1.hex-bit
-- order: unordered
SELECT X'41' AS s;

-- id: hex-0x-numeric
-- category: p1.hex-bit
-- order: unordered
SELECT 0x41 + 0 AS n, 0xFF + 1 AS m;

-- id: hex-0x-string-compare
-- category: p1.hex-bit
-- order: unordered
SELECT 0x41 = 'A' AS eq;

-- id: bit-b-literal
-- category: p1.hex-bit
-- order: unordered
-- note: a bit literal is a number or a binary string depending on context, as a hex literal is
SELECT b'1011' + 0 AS n, 0b1011 + 0 AS m;

-- id: bit-literal-contexts
-- category: p1.hex-bit
-- order: unordered
SELECT CONCAT('x', b'1000001') AS a, b'11111111' + 0 AS b, HEX(b'101') AS c, 0b1111 | 0b0001 AS d, b'1000001' = 'A' AS e, 0b100000101000010 AS f;

-- id: bit-count
-- category: p1.hex-bit
-- order: ordered
SELECT id, BIT_COUNT(points) AS a, BIT_COUNT(-1) AS b, BIT_COUNT(0) AS c, BIT_COUNT(255) AS d FROM users ORDER BY id;

-- id: hex-bytes
-- category: p1.hex-bit
-- order: unordered
SELECT X'CAFE' AS b;

-- id: hex-function
-- category: p1.hex-bit
-- order: unordered
SELECT HEX('abc') AS h, HEX(255) AS n;

-- id: hex-concat
-- category: p1.hex-bit
-- order: unordered
SELECT CONCAT('x', 0x41) AS s;

-- id: hex-in-where
-- category: p1.hex-bit
-- order: unordered
SELECT id FROM users WHERE username = 0x616E6E61;

-- id: hex-0x-non-utf8
-- category: p1.hex-bit
-- order: unordered
SELECT 0xCC AS b;

-- id: hex-compare-column-collation
-- category: p1.hex-bit
-- order: unordered
-- note: email is utf8mb4_general_ci and the column's collation outranks the literal's binary one: the lower-case spelling of Ben's address matches; username is utf8mb4_bin
SELECT id FROM users WHERE email = 0x62656E2E6D75656C6C6572406578616D706C652E636F6D OR username = 0x636C617261;

-- id: hex-compare-string-literal-binary
-- category: p1.hex-bit
-- order: unordered
-- note: against a string literal the hex literal's binary collation wins: case matters
SELECT 0x41 = 'a' AS ci, 0x41 = 'A' AS cs, 0x61 < 'B' AS lt;

-- id: hex-arithmetic-and-bits
-- category: p1.hex-bit
-- order: unordered
-- note: MySQL 8 reads X'..' as a number here too (its manual: X'41' + 0 is 65); MariaDB reads only the 0x form so, so the test uses 0x
SELECT 0x10 * 2 AS m, -0x10 AS neg, 0xFF & 0x0F AS b, 0x0100 - 1 AS d, 0xFFFFFFFF + 1 AS big, 0x01 << 4 AS sh;

-- id: hex-division-refused
-- category: p1.hex-bit
-- mode: refuse
-- refuse: unsupported-syntax:literal:hex
-- note: division and modulo by a hex literal are not translated (MariaDB, the test stand-in, reads X'0100' DIV 2 as 0; MySQL 8 as 128)
SELECT X'0100' DIV 2 AS d;

-- id: hex-as-string-argument
-- category: p1.hex-bit
-- order: unordered
SELECT UPPER(0x6162) AS u, LOWER(X'41') AS l, LENGTH(0xCC) AS n, CONCAT_WS('-', X'41', 0x42) AS w, REPLACE('aXb', 0x58, '-') AS r;

-- id: hex-function-columns
-- category: p1.hex-bit
-- order: ordered
SELECT id, HEX(username) AS u, HEX(points) AS p, HEX(-1) AS m, HEX(X'0aff') AS x FROM users ORDER BY id;

-- id: hex-compare-number-refused
-- category: p1.hex-bit
-- mode: refuse
-- refuse: unsupported-syntax:literal:hex
-- note: a hex literal against a number may compare as a number or as a binary string; refused rather than guessed
SELECT id FROM users WHERE points = 0x0F;

-- id: hex-non-utf8-as-string-refused
-- category: p1.hex-bit
-- mode: refuse
-- refuse: unsupported-syntax:literal:hex
-- note: MySQL concatenates the raw byte; PostgreSQL text cannot hold it
SELECT CONCAT('x', 0xCC) AS s;

-- id: sleep-literal
-- category: p1.sleep
-- order: unordered
-- note: SLEEP pauses, then gives the BIGINT 0 (PostgreSQL's pg_sleep returns void)
SELECT SLEEP(0.01) AS s, sleep(0) AS z, SLEEP('0.01') + 1 AS t;

-- id: sleep-bound
-- category: p1.sleep
-- order: unordered
-- binds: 0, 0.01
-- note: BenchBase resourcestresser's SELECT SLEEP(?) (the seconds bound as an integer)
SELECT SLEEP(?), SLEEP(?);

-- id: sleep-per-row
-- category: p1.sleep
-- order: ordered
SELECT id, SLEEP(0.001) AS s FROM chores WHERE SLEEP(0) = 0 ORDER BY id;

-- id: sleep-null-or-negative
-- category: p1.sleep
-- order: unordered
-- mysqlerror: Incorrect arguments to sleep
-- note: MariaDB (and MySQL under a non-strict sql_mode) return 0 at once, as pg_sleep does; MySQL under its default strict sql_mode raises an error
SELECT SLEEP(NULL) AS a, SLEEP(-1) AS b;
