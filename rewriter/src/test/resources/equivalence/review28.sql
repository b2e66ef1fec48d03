-- The review of session 28's BIT(n) columns (a helper; each statement run on MySQL 9.7.4): BIT values where a
-- string is wanted (MIN/MAX, ANY_VALUE, window values, scalar subqueries, UNION columns, views: refused),
-- JSON of a BIT (refused), comparisons with strings and hex literals (numbers), literals written into BIT
-- columns by INSERT ... SELECT, SET and ON DUPLICATE KEY UPDATE, defaults.

-- id: r29-ddl
-- category: ddl.create-table
-- commit: true
-- tables: r29_t
-- order: unordered
CREATE TABLE r29_t (id INT NOT NULL PRIMARY KEY, name VARCHAR(20), n INT, f BIT(8), w BIT(12), k BIT(1)) DEFAULT CHARSET=utf8mb4;

-- id: r29-seed
-- category: writes.insert
-- commit: true
-- tables: r29_t
-- order: unordered
INSERT INTO r29_t VALUES (1,'one',5,5,8,1),(2,'A',65,65,4095,0),(3,'5',53,0,0,0),(4,'four',0,53,300,1),(5,'five',NULL,NULL,NULL,NULL);

-- id: r29-view
-- category: ddl.create-table
-- commit: true
-- tables: r29_v
-- order: unordered
CREATE VIEW r29_v AS SELECT id, f, w FROM r29_t;

-- id: r29-concat-min
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT CONCAT(MIN(w), '') AS u FROM r29_t WHERE id = 2;

-- id: r29-concat-max-group
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT id, CONCAT('v=', MAX(f)) = 'v=A' AS u FROM r29_t GROUP BY id ORDER BY id;

-- id: r29-lpad-max
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT LPAD(MAX(f), 3, '0') = '00A' AS u FROM r29_t;

-- id: r29-upper-subq
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT UPPER((SELECT f FROM r29_t WHERE id = 2)) = 'A' AS u;

-- id: r29-subq-eq-str
-- category: p1.bitwise
-- order: unordered
SELECT (SELECT f FROM r29_t WHERE id = 2) = 'A' AS u, (SELECT f FROM r29_t WHERE id = 1) = '5' AS v;

-- id: r29-max-eq-hex
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:literal:hex
SELECT MAX(f) = x'41' AS u, MAX(f) = 65 AS v FROM r29_t;

-- id: r29-having-hex
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:literal:hex
SELECT k + 0 AS k, MAX(f) + 0 AS m FROM r29_t GROUP BY k HAVING MAX(f) > x'40' ORDER BY k;

-- id: r29-subq-eq-hex
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:literal:hex
SELECT id FROM r29_t WHERE (SELECT f FROM r29_t WHERE id = 2) = x'41' ORDER BY id;

-- id: r29-max-like
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT MAX(f) LIKE 'A' AS u FROM r29_t;

-- id: r29-json-max
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT JSON_OBJECT('k', MAX(f)) AS u FROM r29_t;

-- id: r29-json-derived
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT x.id, JSON_OBJECT('k', x.f) AS u FROM (SELECT id, f FROM r29_t) x ORDER BY x.id;

-- id: r29-json-objectagg
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_OBJECTAGG
SELECT JSON_OBJECTAGG(id, f) AS u FROM r29_t;

-- id: r29-json-array-w
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT id, JSON_ARRAY(w, 1) AS u FROM r29_t ORDER BY id;

-- id: r29-any-value
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT CONCAT(ANY_VALUE(f), '') = 'A' AS u FROM r29_t WHERE id = 2;

-- id: r29-window-concat
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT id, CONCAT(LAG(f) OVER (ORDER BY id), '') AS u FROM r29_t ORDER BY id;

-- id: r29-window-first
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT id, CONCAT(FIRST_VALUE(f) OVER (ORDER BY id DESC), '') AS u FROM r29_t ORDER BY id;

-- id: r29-union-bit-concat
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT CONCAT(u, '') AS c FROM (SELECT f AS u FROM r29_t WHERE id = 2 UNION ALL SELECT w FROM r29_t WHERE id = 1) z ORDER BY c;

-- id: r29-union-bit-like
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT u + 0 AS n FROM (SELECT f AS u FROM r29_t WHERE id = 2 UNION ALL SELECT w FROM r29_t WHERE id = 1) z WHERE u LIKE 'A' ORDER BY n;

-- id: r29-view-concat
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT id, CONCAT(f, '') AS u FROM r29_v ORDER BY id;

-- id: r29-view-like
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT id FROM r29_v WHERE f LIKE 'A' ORDER BY id;

-- id: r29-view-eq-hex
-- category: p1.bitwise
-- order: ordered
SELECT id FROM r29_v WHERE w = x'0008' ORDER BY id;

-- id: r29-derived-eq-hex
-- category: p1.bitwise
-- order: ordered
SELECT id FROM (SELECT id, w FROM r29_t) x WHERE x.w = x'0008' ORDER BY id;

-- id: r29-cte-eq-hex
-- category: p1.bitwise
-- order: ordered
WITH c AS (SELECT id, w AS ww FROM r29_t) SELECT id FROM c WHERE ww IN (x'0008', x'012C') ORDER BY id;

-- id: r29-case-when-hex
-- category: p1.bitwise
-- order: ordered
SELECT id, CASE f WHEN x'41' THEN 'a' WHEN 5 THEN 'five' ELSE 'o' END AS u FROM r29_t ORDER BY id;

-- id: r29-not-between-hex
-- category: p1.bitwise
-- order: ordered
SELECT id FROM r29_t WHERE f NOT BETWEEN 1 AND b'111' ORDER BY id;

-- id: r29-gt-bitlit
-- category: p1.bitwise
-- order: ordered
SELECT id FROM r29_t WHERE w >= b'100000000' ORDER BY id;

-- id: r29-bit-and-hex
-- category: p1.bitwise
-- order: ordered
SELECT id, f & x'0F' AS a, w | x'0100' AS b FROM r29_t ORDER BY id;

-- id: r29-hex-plus
-- category: p1.bitwise
-- order: ordered
SELECT id, f + x'01' AS a FROM r29_t ORDER BY id;

-- id: r29-bitlit-eq-k
-- category: p1.bitwise
-- order: ordered
SELECT id FROM r29_t WHERE k = x'01' ORDER BY id;

-- id: r29-concat-k-max
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:bit-as-text
SELECT CONCAT(MAX(k), '') AS u FROM r29_t;

-- id: r29-if-max
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:IF
SELECT IF(1, MAX(f), 0) AS u FROM r29_t;

-- id: r29-coalesce-subq
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:COALESCE
SELECT COALESCE((SELECT f FROM r29_t WHERE id = 2), 0) AS u;

-- id: r29-coalesce-max
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:COALESCE
SELECT COALESCE(MAX(f), 0) AS u FROM r29_t;

-- id: r29-ifnull-derived
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:IFNULL
SELECT x.id, IFNULL(x.f, 0) AS u FROM (SELECT id, f FROM r29_t) x ORDER BY x.id;

-- id: r29-greatest-max
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:GREATEST
SELECT GREATEST(MAX(f), 3) AS u FROM r29_t;

-- id: r29-max-bare-union
-- category: p1.bitwise
-- order: unordered
SELECT MAX(f) AS u FROM r29_t UNION ALL SELECT MIN(f) FROM r29_t;

-- id: r29-ddl-s
-- category: ddl.create-table
-- commit: true
-- tables: r29_s
-- order: unordered
CREATE TABLE r29_s (id INT NOT NULL PRIMARY KEY, n INT, f BIT(8)) DEFAULT CHARSET=utf8mb4;

-- id: r29-seed-s
-- category: writes.insert
-- commit: true
-- tables: r29_s
-- order: unordered
INSERT INTO r29_s VALUES (1, 1, 1), (2, 2, 2);

-- id: r29-bit-odku-num
-- category: writes.insert
-- commit: true
-- tables: r29_s
-- order: unordered
INSERT INTO r29_s (id, f) VALUES (2, 0) ON DUPLICATE KEY UPDATE f = 'C';

-- id: r29-bit-ins-set
-- category: writes.insert
-- commit: true
-- tables: r29_s
-- order: unordered
INSERT INTO r29_s SET id = 4, f = 'D';

-- id: r29-bit-upd-case
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:CASE
-- tables: r29_s
UPDATE r29_s SET f = CASE WHEN id = 1 THEN 'E' ELSE f END WHERE id <= 2;

-- id: r29-bit-upd-join
-- category: writes.update
-- commit: true
-- tables: r29_s
-- order: unordered
UPDATE r29_s s JOIN r29_t t ON t.id = s.id SET s.f = t.w & 255 WHERE s.id = 1;

-- id: r29-after-s
-- category: p1.bitwise
-- order: ordered
SELECT id, n, f + 0 AS f FROM r29_s ORDER BY id;

-- id: r29-ddl-da
-- category: refusals
-- mode: refuse
-- refuse: parse-error
-- tables: r29_da
CREATE TABLE r29_da (id INT NOT NULL PRIMARY KEY, a BIT(8) DEFAULT x'0A');

-- id: r29-ddl-db
-- category: refusals
-- mode: refuse
-- refuse: parse-error
-- tables: r29_db
CREATE TABLE r29_db (id INT NOT NULL PRIMARY KEY, b BIT(8) DEFAULT 0x0F);

-- id: r29-ddl-dc
-- category: ddl.create-table
-- commit: true
-- tables: r29_dc
-- order: unordered
CREATE TABLE r29_dc (id INT NOT NULL PRIMARY KEY, c BIT(16) DEFAULT '');

-- id: r29-ins-dc
-- category: writes.insert
-- commit: true
-- tables: r29_dc
-- order: unordered
INSERT INTO r29_dc (id) VALUES (1);

-- id: r29-read-dc
-- category: p1.bitwise
-- order: ordered
SELECT id, c + 0 AS v FROM r29_dc ORDER BY id;

-- id: r29-ddl-dd
-- category: ddl.create-table
-- commit: true
-- tables: r29_dd
-- order: unordered
CREATE TABLE r29_dd (id INT NOT NULL PRIMARY KEY, d BIT(16) DEFAULT 'AB');

-- id: r29-ins-dd
-- category: writes.insert
-- commit: true
-- tables: r29_dd
-- order: unordered
INSERT INTO r29_dd (id) VALUES (1);

-- id: r29-read-dd
-- category: p1.bitwise
-- order: ordered
SELECT id, d + 0 AS v FROM r29_dd ORDER BY id;

-- id: r29-ddl-de
-- category: ddl.create-table
-- commit: true
-- tables: r29_de
-- order: unordered
CREATE TABLE r29_de (id INT NOT NULL PRIMARY KEY, e BIT(8) DEFAULT '5');

-- id: r29-ins-de
-- category: writes.insert
-- commit: true
-- tables: r29_de
-- order: unordered
INSERT INTO r29_de (id) VALUES (1);

-- id: r29-read-de
-- category: p1.bitwise
-- order: ordered
SELECT id, e + 0 AS v FROM r29_de ORDER BY id;

-- id: r29-ddl-dg
-- category: ddl.create-table
-- commit: true
-- tables: r29_dg
-- order: unordered
CREATE TABLE r29_dg (id INT NOT NULL PRIMARY KEY, g BIT(6) DEFAULT '0');

-- id: r29-ins-dg
-- category: writes.insert
-- commit: true
-- tables: r29_dg
-- order: unordered
INSERT INTO r29_dg (id) VALUES (1);

-- id: r29-read-dg
-- category: p1.bitwise
-- order: ordered
SELECT id, g + 0 AS v FROM r29_dg ORDER BY id;

-- id: r29-ddl-dj
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:default
-- tables: r29_dj
CREATE TABLE r29_dj (id INT NOT NULL PRIMARY KEY, j BIT(8) DEFAULT (b'11' | 4));

-- id: r29-ddl-dm
-- category: ddl.create-table
-- commit: true
-- tables: r29_dm
-- order: unordered
CREATE TABLE r29_dm (id INT NOT NULL PRIMARY KEY, m BIT(8) NOT NULL DEFAULT b'00000011');

-- id: r29-ins-dm
-- category: writes.insert
-- commit: true
-- tables: r29_dm
-- order: unordered
INSERT INTO r29_dm (id) VALUES (1);

-- id: r29-read-dm
-- category: p1.bitwise
-- order: ordered
SELECT id, m + 0 AS v FROM r29_dm ORDER BY id;

-- id: r29-ddl-do
-- category: ddl.create-table
-- commit: true
-- tables: r29_do
-- order: unordered
CREATE TABLE r29_do (id INT NOT NULL PRIMARY KEY, o BIT(8) DEFAULT 7);

-- id: r29-ins-do
-- category: writes.insert
-- commit: true
-- tables: r29_do
-- order: unordered
INSERT INTO r29_do (id) VALUES (1);

-- id: r29-read-do
-- category: p1.bitwise
-- order: ordered
SELECT id, o + 0 AS v FROM r29_do ORDER BY id;

-- id: r29-ddl-dq
-- category: ddl.create-table
-- commit: true
-- tables: r29_dq
-- order: unordered
CREATE TABLE r29_dq (id INT NOT NULL PRIMARY KEY, q BIT(8) DEFAULT B'101');

-- id: r29-ins-dq
-- category: writes.insert
-- commit: true
-- tables: r29_dq
-- order: unordered
INSERT INTO r29_dq (id) VALUES (1);

-- id: r29-read-dq
-- category: p1.bitwise
-- order: ordered
SELECT id, q + 0 AS v FROM r29_dq ORDER BY id;

-- id: r29-ddl-dr
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:default
-- tables: r29_dr
CREATE TABLE r29_dr (id INT NOT NULL PRIMARY KEY, r BIT(8) DEFAULT _binary'A');

-- id: r29-ddl-du
-- category: ddl.create-table
-- commit: true
-- tables: r29_du
-- order: unordered
CREATE TABLE r29_du (id INT NOT NULL PRIMARY KEY, u BIT(1) DEFAULT 1);

-- id: r29-ins-du
-- category: writes.insert
-- commit: true
-- tables: r29_du
-- order: unordered
INSERT INTO r29_du (id) VALUES (1);

-- id: r29-read-du
-- category: p1.bitwise
-- order: ordered
SELECT id, u + 0 AS v FROM r29_du ORDER BY id;

-- id: r29-alter-add
-- category: ddl.create-table
-- commit: true
-- tables: r29_s
-- order: unordered
ALTER TABLE r29_s ADD COLUMN m BIT(8) NOT NULL DEFAULT b'11', ADD COLUMN o BIT(12) DEFAULT 160;

-- id: r29-after-alter
-- category: p1.bitwise
-- order: ordered
SELECT id, m + 0 AS m, o + 0 AS o FROM r29_s ORDER BY id;

-- id: r29-alter-modify
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:alter:modify-range
-- tables: r29_s
ALTER TABLE r29_s MODIFY COLUMN n BIT(8);

-- id: r29-after-modify
-- category: p1.bitwise
-- order: ordered
SELECT id, n + 0 AS n FROM r29_s ORDER BY id;

-- id: r29-alter-int
-- category: ddl.create-table
-- commit: true
-- tables: r29_s
-- order: unordered
ALTER TABLE r29_s MODIFY COLUMN f INT;

-- id: r29-after-int
-- category: p1.bitwise
-- order: ordered
SELECT id, f FROM r29_s ORDER BY id;

-- id: r29-int-eq-a
-- category: p1.bitwise
-- order: ordered
SELECT id FROM r29_t WHERE n = 'A' ORDER BY id;

-- id: r29-int-between-hex
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:literal:hex
SELECT id FROM r29_t WHERE n BETWEEN 4 AND x'40' ORDER BY id;

-- id: r29-int-nullsafe-hex
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:literal:hex
SELECT id, n <=> x'05' AS e FROM r29_t ORDER BY id;

-- id: r29-bit-nullsafe-hex
-- category: p1.bitwise
-- order: ordered
SELECT id, f <=> x'05' AS e, x'41' <=> f AS g FROM r29_t ORDER BY id;

-- id: r29-int-odku-hex
-- category: writes.insert
-- commit: true
-- tables: r29_s
-- order: unordered
INSERT INTO r29_s (id, n) VALUES (1, 0) ON DUPLICATE KEY UPDATE n = x'41';

-- id: r29-int-ins-select-hex
-- category: writes.insert
-- commit: true
-- tables: r29_s
-- order: unordered
INSERT INTO r29_s (id, n) SELECT 30, x'42';

-- id: r29-gb-ddl
-- category: ddl.create-table
-- commit: true
-- tables: r29_gb
-- order: unordered
CREATE TABLE r29_gb (id INT NOT NULL PRIMARY KEY, currency VARCHAR(5) NULL, kind VARCHAR(10) NULL, amt DECIMAL(8,2) NOT NULL, name VARCHAR(20) NOT NULL) DEFAULT CHARSET=utf8mb4;

-- id: r29-gb-seed
-- category: writes.insert
-- commit: true
-- tables: r29_gb
-- order: unordered
INSERT INTO r29_gb VALUES (1, NULL, 'fee', 1.50, 'Zoe Martin'), (2, 'EUR', 'charge', 2.00, 'ZOE MARTIN'), (3, NULL, 'charge', 3.25, 'anna'), (4, 'EUR', 'fee', 4.00, 'Anna'), (5, 'USD', NULL, 5.00, 'bob');

-- id: r29-gb-alias-names-column
-- category: functions
-- order: unordered
-- note: outside workload 11's r008: GROUP BY currency means the column, not the select alias of the same name (MySQL warns 1052)
SELECT COALESCE(currency, 'ALL') AS currency, COALESCE(kind, 'subtotal') AS kind, SUM(amt) AS total FROM r29_gb GROUP BY currency, kind WITH ROLLUP;

-- id: r29-gb-alias-names-column-2
-- category: functions
-- order: ordered
SELECT UPPER(LEFT(name, 1)) AS name, COUNT(*) AS n FROM r29_gb GROUP BY name ORDER BY n DESC, name;
