-- The sqlglot MySQL->PostgreSQL cases (corpus/sqlglot_mysql_to_postgres.jsonl), one entry per line of the
-- file (sqlglot-NN = line NN), in the form executed: the input verbatim when it is a statement, else
-- wrapped as the note says. Run by SqlglotCorpusIT, not by ExecutionEquivalenceIT.

-- id: sqlglot-01
-- category: sqlglot
-- order: unordered
-- tables: t
-- note: the input, verbatim
CREATE TABLE t (foo BLOB);

-- id: sqlglot-02
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT 0xCC;

-- id: sqlglot-03
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim (trailing space)
SELECT 0xCC;

-- id: sqlglot-04
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT x'CC';

-- id: sqlglot-05
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT 0x0000CC;

-- id: sqlglot-06
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT x'0000CC';

-- id: sqlglot-07
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT 0b1011;

-- id: sqlglot-08
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT b'1011';

-- id: sqlglot-09
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as a WHERE condition over sg_text, which has the FULLTEXT index MySQL requires
SELECT id FROM sg_text WHERE MATCH(col1, col2, col3) AGAINST('abc');

-- id: sqlglot-10
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_dates (x, y are DATETIME columns there)
SELECT DATEDIFF(x, y) FROM sg_dates;

-- id: sqlglot-11
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_nums
SELECT FROM_UNIXTIME(col) FROM sg_nums;

-- id: sqlglot-12
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
WITH t AS (SELECT CAST('2020-01-10' AS DATE) AS col, 5 AS num_days) SELECT DATE_ADD(col, INTERVAL num_days DAY) FROM t;

-- id: sqlglot-13
-- category: sqlglot
-- mode: shape
-- order: unordered
-- note: the input is an expression; executed as SELECT CURDATE(); non-deterministic, compared by shape
SELECT CURDATE();

-- id: sqlglot-14
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT CONCAT('11', '22');

-- id: sqlglot-15
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_nums
SELECT a XOR b FROM sg_nums;

-- id: sqlglot-16
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim; MySQL accepts only literals and ? in LIMIT
SELECT * FROM test LIMIT 0 + 1, 0 + 1;

-- id: sqlglot-17
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT a FROM tbl FOR UPDATE;

-- id: sqlglot-18
-- category: sqlglot
-- mode: expect
-- order: unordered
-- row: 1
-- row: 2
-- row: NULL
-- note: the input, verbatim; FOR SHARE is MySQL 8 syntax MariaDB lacks, so the rows of tbl are the expectation
SELECT a FROM tbl FOR SHARE;

-- id: sqlglot-19
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_gc
SELECT GROUP_CONCAT(DISTINCT x ORDER BY y DESC) FROM sg_gc;

-- id: sqlglot-20
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_gc; MySQL requires a string literal after SEPARATOR
SELECT GROUP_CONCAT(x ORDER BY y SEPARATOR z) FROM sg_gc;

-- id: sqlglot-21
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_gc
SELECT GROUP_CONCAT(DISTINCT x ORDER BY y DESC SEPARATOR '') FROM sg_gc;

-- id: sqlglot-22
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_gc (a row with a NULL argument is skipped; the others are equal, so order cannot matter)
SELECT GROUP_CONCAT(a, b, c SEPARATOR ',') FROM sg_gc;

-- id: sqlglot-23
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_gc
SELECT GROUP_CONCAT(a, b, c SEPARATOR '') FROM sg_gc;

-- id: sqlglot-24
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_gc
SELECT GROUP_CONCAT(DISTINCT a, b, c SEPARATOR '') FROM sg_gc;

-- id: sqlglot-25
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_gc
SELECT GROUP_CONCAT(a, b, c ORDER BY d SEPARATOR '') FROM sg_gc;

-- id: sqlglot-26
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_gc
SELECT GROUP_CONCAT(DISTINCT a, b, c ORDER BY d SEPARATOR '') FROM sg_gc;

-- id: sqlglot-27
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_nums (b is 0 in one row)
SELECT a / b FROM sg_nums;

-- id: sqlglot-28
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ...
SELECT TRUNCATE(3.14159, 2);

-- id: sqlglot-29
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim; col2 holds a NULL, which sorts first in MySQL
SELECT FIRST_VALUE(col1) OVER (ORDER BY col2 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM table1;

-- id: sqlglot-30
-- category: sqlglot
-- mode: expect
-- order: unordered
-- row: 'n'
-- row: 'n'
-- row: 'n'
-- note: the input, verbatim; RESPECT NULLS is MySQL 8 syntax MariaDB lacks; the NULL col2 row (col1 n) sorts first
SELECT FIRST_VALUE(col1) RESPECT NULLS OVER (ORDER BY col2) FROM table1;

-- id: sqlglot-31
-- category: sqlglot
-- mode: shape
-- order: unordered
-- note: the input, verbatim; non-deterministic, compared by shape
SELECT DATE_ADD(CURRENT_TIMESTAMP, INTERVAL -1 QUARTER);

-- id: sqlglot-32
-- category: sqlglot
-- order: unordered
-- tables: t2
-- note: the input with table t renamed t2 (case 1 already created t)
CREATE TABLE t2 (c INT COMMENT 'comment 1') COMMENT = 'comment 2';

-- id: sqlglot-33
-- category: sqlglot
-- order: unordered
-- note: the input with table t renamed sg_json (a JSON column)
SELECT JSON_EXTRACT(a, '$') FROM sg_json;

-- id: sqlglot-34
-- category: sqlglot
-- order: unordered
-- note: the input with table t renamed sg_json; JSON_EXTRACT_SCALAR is not a MySQL function
SELECT JSON_EXTRACT_SCALAR(a, '$') FROM sg_json;

-- id: sqlglot-35
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT CHAR_LENGTH('foo');

-- id: sqlglot-36
-- category: sqlglot
-- order: unordered
-- note: the input, verbatim
SELECT CHARACTER_LENGTH('foo');

-- id: sqlglot-37
-- category: sqlglot
-- order: unordered
-- note: the input is an expression; executed as SELECT ... FROM sg_nums2 (y is 0 in one row)
SELECT CAST(x AS DECIMAL) / y FROM sg_nums2;
