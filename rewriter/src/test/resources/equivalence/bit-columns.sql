-- BIT(n) columns: a bigint with a CHECK of n bits on PostgreSQL; MySQL computes with the number
-- wherever a number is wanted, and reads its bytes where a string is (refused there). Each statement
-- run on MySQL 9.7.4.

-- id: bit-ddl-flags
-- category: ddl.create-table
-- tables: bitc_flags
-- order: unordered
CREATE TABLE bitc_flags (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL, f BIT(8) NOT NULL DEFAULT b'0', g BIT(3) NULL DEFAULT b'101', w BIT(12) NULL DEFAULT 240, k BIT(1) NOT NULL DEFAULT b'1') DEFAULT CHARSET=utf8mb4;

-- id: bit-seed-flags
-- category: writes.insert
-- commit: true
-- tables: bitc_flags
-- order: unordered
INSERT INTO bitc_flags (id, name, f, g, w, k) VALUES (1, 'one', 5, b'11', 4095, 0), (2, 'two', b'10000001', 7, b'101010101010', 1), (3, 'three', 'A', NULL, NULL, b'0'), (4, 'four', 0x2C, 0, x'0800', 1);

-- id: bit-seed-defaults
-- category: writes.insert
-- commit: true
-- tables: bitc_flags
-- order: unordered
INSERT INTO bitc_flags (id, name) VALUES (5, 'five');

-- id: bit-seed-default-kw
-- category: writes.insert
-- commit: true
-- tables: bitc_flags
-- order: unordered
INSERT INTO bitc_flags VALUES (6, 'six', DEFAULT, DEFAULT, DEFAULT, DEFAULT);

-- id: bit-read-bare
-- category: p1.bitwise
-- order: ordered
SELECT id, f, g, w, k FROM bitc_flags ORDER BY id;

-- id: bit-read-numbers
-- category: p1.bitwise
-- order: ordered
SELECT id, f + 0 AS n, BIT_COUNT(f) AS c, BIN(f) AS b, HEX(f) AS h, OCT(w) AS o, LPAD(BIN(f), 8, '0') AS padded FROM bitc_flags ORDER BY id;

-- id: bit-read-ops
-- category: p1.bitwise
-- order: ordered
SELECT id, f & 1 AS low, f | 2 AS with2, f ^ g AS x, f >> 3 AS shifted, f << 2 AS up, (f & b'00100000') <> 0 AS b5, ~f & 255 AS inv FROM bitc_flags ORDER BY id;

-- id: bit-read-inversion-parenthesed
-- category: p1.bitwise
-- order: ordered
SELECT id, ((~f)) & 255 AS inv, 7 | ((~g)) AS inv3 FROM bitc_flags ORDER BY id;

-- id: bit-read-where-and
-- category: p1.bitwise
-- order: ordered
SELECT id FROM bitc_flags WHERE f & b'00000100' ORDER BY id;

-- id: bit-read-where-eq
-- category: p1.bitwise
-- order: ordered
SELECT id FROM bitc_flags WHERE f = b'101' OR f = 65 OR w = x'0800' OR w = b'11110000' ORDER BY id;

-- id: bit-read-where-range
-- category: p1.bitwise
-- order: ordered
SELECT id FROM bitc_flags WHERE f > 3 AND f BETWEEN 4 AND 200 AND f IN (5, 44, b'01000001') ORDER BY id;

-- id: bit-read-arith
-- category: p1.bitwise
-- order: ordered
SELECT id, f DIV 2 AS d, f * 1.5 AS m, f / 2 AS q, -f AS neg, f MOD 3 AS r, ABS(f) AS a FROM bitc_flags ORDER BY id;

-- id: bit-read-aggregates
-- category: p1.bitwise
-- order: unordered
SELECT BIT_OR(f) AS o, BIT_AND(f) AS a, BIT_XOR(f) AS x, SUM(f) AS s, AVG(f) AS av, MAX(f) + 0 AS mx, MIN(w) + 0 AS mn, COUNT(DISTINCT f) AS cd FROM bitc_flags;

-- id: bit-read-group
-- category: p1.bitwise
-- order: ordered
SELECT f + 0 AS n, COUNT(*) AS c FROM bitc_flags GROUP BY f ORDER BY f;

-- id: bit-read-case
-- category: p1.bitwise
-- order: ordered
SELECT id, CASE WHEN f & 1 THEN 'odd' ELSE 'even' END AS parity, IF(f & 4, 'y', 'n') AS has4, IFNULL(g + 0, 0) AS g0, COALESCE(g + 0, f + 0) AS gf, GREATEST(f + 0, 3) AS gr FROM bitc_flags ORDER BY id;

-- id: bit-read-window
-- category: p1.bitwise
-- order: ordered
SELECT id, ROW_NUMBER() OVER (ORDER BY f DESC, id) AS rn FROM bitc_flags ORDER BY id;

-- id: bit-read-max-bare
-- category: p1.bitwise
-- order: unordered
SELECT MAX(f) AS mx, MIN(g) AS mn FROM bitc_flags;

-- id: bit-read-group-concat-num
-- category: p1.bitwise
-- order: unordered
SELECT GROUP_CONCAT(f + 0 ORDER BY id) AS fs FROM bitc_flags;

-- id: bit-upd-or
-- category: writes.update
-- commit: true
-- tables: bitc_flags
-- order: unordered
UPDATE bitc_flags SET f = f | b'01000000' WHERE id IN (1, 2);

-- id: bit-upd-clear
-- category: writes.update
-- commit: true
-- tables: bitc_flags
-- order: unordered
UPDATE bitc_flags SET f = f & ~4, g = g ^ 1 WHERE id <= 3;

-- id: bit-upd-literals
-- category: writes.update
-- commit: true
-- tables: bitc_flags
-- order: unordered
UPDATE bitc_flags SET w = 'B', g = x'06' WHERE id = 3;

-- id: bit-ins-select
-- category: writes.insert
-- commit: true
-- tables: bitc_flags
-- order: unordered
INSERT INTO bitc_flags (id, name, f, g) SELECT id + 10, CONCAT(name, '-copy'), f | 16, g FROM bitc_flags WHERE id <= 2;

-- id: bit-upsert
-- category: writes.insert
-- commit: true
-- tables: bitc_flags
-- order: unordered
INSERT INTO bitc_flags (id, name, f) VALUES (1, 'one', 8) ON DUPLICATE KEY UPDATE f = f | VALUES(f);

-- id: bit-read-after
-- category: p1.bitwise
-- order: ordered
SELECT id, name, f + 0 AS f, g + 0 AS g, w + 0 AS w, k + 0 AS k FROM bitc_flags ORDER BY id;

-- id: bit-refuse-concat
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT CONCAT('f=', f) FROM bitc_flags;

-- id: bit-refuse-length
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT LENGTH(f) FROM bitc_flags;

-- id: bit-refuse-cast-char
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT CAST(f AS CHAR) FROM bitc_flags;

-- id: bit-refuse-ddl-64
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:type:bit
CREATE TABLE bitc_wide (id INT PRIMARY KEY, h BIT(64));

-- id: bit-refuse-least
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:LEAST
SELECT LEAST(f, g) FROM bitc_flags;

-- id: bit-refuse-ifnull
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:IFNULL
SELECT IFNULL(g, 0) FROM bitc_flags;

-- id: bit-refuse-if
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:IF
SELECT IF(id > 1, f, w) FROM bitc_flags;

-- id: bit-refuse-case
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:CASE
SELECT CASE WHEN id > 1 THEN f ELSE 0 END FROM bitc_flags;

-- id: bit-refuse-greatest-literal
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:GREATEST
SELECT GREATEST(f, b'100') FROM bitc_flags;

-- id: bit-refuse-cast-binary
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT CAST(f AS BINARY) FROM bitc_flags;

-- id: bit-read-bin-of-expression
-- category: p1.bitwise
-- order: ordered
-- note: outside workload 11's r096 and r100: BIN and the bit aggregates of integer arithmetic of a BIT
SELECT id, BIN(f + 0) AS b, BIN(f * 2 + 1) AS c, OCT(w + 1) AS o FROM bitc_flags ORDER BY id;

-- id: bit-read-bit-aggregates-of-expression
-- category: p1.bitwise
-- order: unordered
SELECT BIT_OR(f + 0) AS o, BIT_AND(f + 1) AS a, BIT_XOR(f * 3) AS x FROM bitc_flags;

-- id: bit-read-bit-operation-vs-literal
-- category: p1.bitwise
-- order: ordered
-- note: outside workload 11's r099: a bit operation is a BIGINT UNSIGNED, compared with a bit-value or hex literal as numbers
SELECT id, (f & b'00000011') = b'00000011' AS both2, (f | 1) > x'10' AS big, (f >> 1) = b'10' AS two FROM bitc_flags ORDER BY id;

-- id: bit-upd-clear-bit-literal
-- category: writes.update
-- commit: true
-- tables: bitc_flags
-- order: unordered
-- note: outside workload 11's w25: ~ of a bit-value literal
UPDATE bitc_flags SET f = f & ~b'00000001' WHERE id IN (1, 2);
