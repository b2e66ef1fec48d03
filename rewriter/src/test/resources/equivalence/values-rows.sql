-- Issue #16: MySQL 8's table value constructor, VALUES ROW(...), with MySQL's column names
-- (column_0, column_1, ...). MariaDB 10.11 has no ROW form, so these are expect entries; their rows
-- and labels are MySQL 9.7's (each ran in compare mode on MySQL 9.7.4 and passed, as did
-- INSERT INTO settings (family_id, name, value, version) VALUES ROW(2, 'x', 'y', 1), ROW(2, 'z', NULL, 3),
-- which cannot be an entry here: a write runs on the MySQL side, and MariaDB cannot parse it).

-- id: values-row-statement
-- category: p1.values-row
-- mode: expect
-- note: MariaDB 10.11 has no VALUES ROW(...)
-- order: unordered
-- row: 1, 'a'
-- row: 2, 'b'
VALUES ROW(1, 'a'), ROW(2, 'b');

-- id: values-row-derived-table
-- category: p1.values-row
-- mode: expect
-- note: MariaDB 10.11 has no VALUES ROW(...)
-- order: ordered
-- row: 4, 3
-- row: 2, 1
SELECT t.column_1, t.column_0 FROM (VALUES ROW(1, 2), ROW(3, 4)) AS t ORDER BY t.column_0 DESC;

-- id: values-row-union-branch
-- category: p1.values-row
-- mode: expect
-- note: MariaDB 10.11 has no VALUES ROW(...)
-- order: unordered
-- row: 1, 2
-- row: 3, 4
SELECT 1 AS a, 2 AS b UNION ALL VALUES ROW(3, 4);
