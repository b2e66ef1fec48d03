-- FORMAT of DOUBLE/FLOAT values (MySQL's rint of x * 10^d, printed from the double's shortest text), of
-- DECIMAL quotients (their div_precision_increment scale) and of COUNT(*) quotients (each run on MySQL 9.7.4).

-- id: fmt-ddl
-- category: ddl.create-table
-- tables: fmt_t
-- order: unordered
CREATE TABLE fmt_t (id INT NOT NULL PRIMARY KEY, w DOUBLE NULL, f FLOAT NULL, qty INT NULL, price DECIMAL(10,2) NULL) DEFAULT CHARSET=utf8mb4;

-- id: fmt-seed
-- category: writes.insert
-- commit: true
-- tables: fmt_t
-- order: unordered
INSERT INTO fmt_t VALUES (1, 2.675, 2.675, 3, 10.50), (2, 1.005, 1.005, 4, 3.33), (3, -0.004, -0.004, 0, 0.00), (4, NULL, NULL, NULL, NULL), (5, 1234567.891, 0.125, 7, 1234.56), (6, 2.5, 3.5, -2, -1.25);

-- id: fmt-double-literals
-- category: functions
-- order: unordered
SELECT FORMAT(2.675e0, 2) AS a, FORMAT(-0.001e0, 2) AS b, FORMAT(0.1e0, 20) AS c, FORMAT(1234567.891e0, 2) AS d, FORMAT(2.5e0, 0) AS e, FORMAT(3.5e0, 0) AS f, FORMAT(-2.5e0, 0) AS g, FORMAT(1e20, 2) AS h, FORMAT(1.005e0, 2) AS i, FORMAT(1e15 + 0.3e0, 2) AS j, FORMAT(-1.5e-7, 2) AS k;

-- id: fmt-double-columns
-- category: functions
-- order: ordered
SELECT id, FORMAT(w, 2) AS w2, FORMAT(f, 2) AS f2, FORMAT(w * 3, 1) AS w3, FORMAT(w, 0) AS w0, FORMAT(f, 4) AS f4 FROM fmt_t ORDER BY id;

-- id: fmt-double-aggregates
-- category: functions
-- order: unordered
SELECT FORMAT(AVG(w), 3) AS a, FORMAT(SUM(w), 4) AS s, FORMAT(MAX(f), 2) AS m FROM fmt_t;

-- id: fmt-quotients
-- category: functions
-- order: ordered
SELECT id, FORMAT(price / qty, 2) AS unit, FORMAT(price / 3, 4) AS third, FORMAT(qty / 7, 3) AS q FROM fmt_t ORDER BY id;

-- id: fmt-quotient-of-count
-- category: functions
-- order: unordered
SELECT FORMAT(SUM(price) / COUNT(*), 2) AS avg_price, FORMAT(SUM(qty) / COUNT(qty), 1) AS avg_qty, FORMAT(COUNT(*) / 3, 2) AS c FROM fmt_t;

-- id: fmt-locale-double
-- category: functions
-- order: ordered
SELECT id, FORMAT(w, 2, 'de_DE') AS de FROM fmt_t ORDER BY id;
