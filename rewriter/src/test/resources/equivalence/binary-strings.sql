-- String functions over binary columns (BLOB, VARBINARY): MySQL reads a binary string's bytes as the
-- characters they encode, has no letter case for it, and counts its positions in bytes. Before, the
-- rewriter cast such a column to text, which on PostgreSQL is its escaped hex form ('\x68656c6c6f'):
-- CONCAT, LIKE, REPLACE, TRIM and UPPER gave other values. Byte-positional functions are refused.

-- id: bin-create
-- category: ddl.create-table
-- order: unordered
-- tables: bin_docs
CREATE TABLE bin_docs (id INT NOT NULL PRIMARY KEY, body BLOB NULL, token VARBINARY(16) NULL, title VARCHAR(40) NOT NULL);

-- id: bin-seed
-- category: writes.insert
-- order: unordered
-- commit: true
-- tables: bin_docs
INSERT INTO bin_docs VALUES (1, 'hello world', UNHEX('414243'), 'first'), (2, 'café au lait', 'xyz', 'Second'), (3, NULL, NULL, 'third'), (4, '', '', 'fourth');

-- id: bin-case-unchanged
-- category: functions
-- order: ordered
SELECT id, UPPER(body) AS u, LOWER(token) AS l, UCASE(token) AS uc, LCASE(body) AS lc FROM bin_docs ORDER BY id;

-- id: bin-concat-replace-trim
-- category: functions
-- order: ordered
SELECT id, CONCAT(body, '!') AS c, CONCAT(title, ':', token) AS t, CONCAT_WS('-', token, body) AS w, REPLACE(body, 'l', 'L') AS r, TRIM(CONCAT('  ', body, '  ')) AS tr FROM bin_docs ORDER BY id;

-- id: bin-like-and-equality
-- category: functions
-- order: ordered
SELECT id, body LIKE 'he%' AS a, body LIKE '%lait' AS b, token = 'ABC' AS c, body = 'hello world' AS d FROM bin_docs ORDER BY id;

-- id: bin-lengths
-- category: functions
-- order: ordered
SELECT id, LENGTH(body) AS n, CHAR_LENGTH(body) AS c, OCTET_LENGTH(token) AS o, BIT_LENGTH(token) AS b FROM bin_docs ORDER BY id;

-- id: bin-where-like
-- category: functions
-- order: ordered
SELECT id, title FROM bin_docs WHERE body LIKE '%o%' ORDER BY id;

-- id: bin-refuse-substring
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:SUBSTRING
SELECT id, SUBSTRING(body, 2, 3) AS s FROM bin_docs ORDER BY id;

-- id: bin-refuse-locate
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:LOCATE
SELECT id, LOCATE('l', body) AS p FROM bin_docs ORDER BY id;

-- id: bin-refuse-left
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:LEFT
SELECT id, LEFT(token, 1) AS s FROM bin_docs ORDER BY id;

-- id: bin-refuse-reverse
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:REVERSE
SELECT id, REVERSE(body) AS r FROM bin_docs ORDER BY id;

-- id: bin-refuse-lpad
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:LPAD
SELECT id, LPAD(token, 5, 'x') AS p FROM bin_docs ORDER BY id;

-- id: bin-refuse-instr
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:INSTR
SELECT id, INSTR(body, 'o') AS p FROM bin_docs ORDER BY id;

-- id: bin-operator-compares-bytes
-- category: functions
-- order: ordered
-- note: BINARY x (and CAST(x AS BINARY)) compares byte by byte: case and trailing spaces count, where email's _ci collation ignores case
SELECT id FROM users WHERE BINARY email = 'Ben.Mueller@Example.com' OR BINARY username = 'Clara' ORDER BY id;

-- id: bin-operator-values
-- category: functions
-- order: ordered
-- note: user 7's bio holds a backslash, which PostgreSQL's CAST(text AS bytea) would read as an escape
SELECT id, BINARY email = 'ben.mueller@example.com' AS a, CAST(bio AS BINARY) AS b, BINARY 'a' = 'A' AS c, BINARY 'a ' = 'a' AS d, CAST(points AS BINARY) AS e, CONVERT(display_name, BINARY) AS f FROM users ORDER BY id;

-- id: bin-operator-order
-- category: functions
-- order: ordered
SELECT id, username FROM users ORDER BY BINARY username, id;
