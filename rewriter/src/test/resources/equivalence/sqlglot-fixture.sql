-- Tiny tables the sqlglot cases need, in MySQL syntax: created on MariaDB as written and on
-- PostgreSQL through the rewriter (a statement the rewriter cannot translate is reported by the test).

CREATE TABLE sg_text (id INT PRIMARY KEY, col1 VARCHAR(50), col2 VARCHAR(50), col3 VARCHAR(50), FULLTEXT KEY ft_sg_text (col1, col2, col3)) ENGINE=InnoDB;
INSERT INTO sg_text VALUES (1, 'abc def', 'x', 'y'), (2, 'nothing', 'here', 'abc'), (3, 'no', 'match', 'at all');
CREATE TABLE sg_dates (id INT PRIMARY KEY, x DATETIME NULL, y DATETIME NULL);
INSERT INTO sg_dates VALUES (1, '2024-03-05 01:00:00', '2024-02-28 23:00:00'), (2, '2024-01-01 00:00:00', '2024-01-01 23:59:59'), (3, NULL, '2024-01-01 00:00:00');
CREATE TABLE sg_nums (id INT PRIMARY KEY, a INT NULL, b INT NULL, col BIGINT NULL);
INSERT INTO sg_nums VALUES (1, 7, 2, 1709632800), (2, 1, 0, 0), (3, 0, 0, NULL), (4, NULL, 3, 86400);
CREATE TABLE sg_nums2 (id INT PRIMARY KEY, x VARCHAR(20) NULL, y INT NULL);
INSERT INTO sg_nums2 VALUES (1, '10.6', 4), (2, '3', 0), (3, '-2.5', 3);
CREATE TABLE test (id INT PRIMARY KEY);
INSERT INTO test VALUES (1), (2), (3);
CREATE TABLE tbl (id INT PRIMARY KEY, a INT NULL);
INSERT INTO tbl VALUES (1, 1), (2, 2), (3, NULL);
CREATE TABLE sg_gc (id INT PRIMARY KEY, a VARCHAR(5), b VARCHAR(5), c VARCHAR(5), d INT, x VARCHAR(5), y INT, z VARCHAR(5));
INSERT INTO sg_gc VALUES (1, 'a', 'b', 'c', 3, 'p', 1, '-'), (2, 'a', 'b', 'c', 2, 'q', 2, '-'), (3, 'a', NULL, 'c', 1, 'r', 3, '-');
CREATE TABLE table1 (id INT PRIMARY KEY, col1 VARCHAR(5), col2 INT NULL);
INSERT INTO table1 VALUES (1, 'a', 2), (2, 'b', 1), (3, 'n', NULL);
CREATE TABLE sg_json (id INT PRIMARY KEY, a JSON NULL);
INSERT INTO sg_json VALUES (1, '{"k": [1, 2]}'), (2, '"text"'), (3, NULL);
