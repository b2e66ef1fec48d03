-- Issue #16: window functions with MySQL's frames: NTH_VALUE, and named windows (WINDOW w AS (...)),
-- which PostgreSQL reads the same way.

-- id: window-nth-value
-- category: functions
-- order: ordered
-- note: the default frame ends at the current row: NULL until the frame has n rows
SELECT id, NTH_VALUE(points, 2) OVER (ORDER BY id) AS a, NTH_VALUE(points, 1) OVER (PARTITION BY family_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS b, NTH_VALUE(username, 3) OVER (PARTITION BY family_id ORDER BY id) AS c FROM users ORDER BY id;

-- id: window-named
-- category: functions
-- order: ordered
SELECT id, ROW_NUMBER() OVER o AS rn, SUM(points) OVER w AS running, FIRST_VALUE(username) OVER w AS first_name, COUNT(*) OVER f AS in_family FROM users WINDOW o AS (PARTITION BY family_id ORDER BY id), w AS (PARTITION BY family_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), f AS (PARTITION BY family_id) ORDER BY id;

-- id: window-avg-exact-scale
-- category: general.query
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 gives other running averages for b (its default frame over ORDER BY); the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); found by an outside workload (session 16): MySQL's AVG of an exact number over a window is a DECIMAL with 4 more decimals than the argument, as the grouped AVG; PostgreSQL's avg gave 16 or more
-- row: 1, 15.500000, 120.0000, 169.332500, 347.50000
-- row: 2, 9.875000, 230.0000, 169.332500, 230.62500
-- row: 3, 6.583333, 153.3333, 169.332500, 230.62500
-- row: 4, 100.000000, 133.7500, 169.332500, 347.50000
-- row: 5, 48.625000, 110.0000, 169.332500, 230.62500
-- row: 6, 1234.560000, 175.0000, 169.332500, 347.50000
-- row: 7, 618.830000, 187.1429, 169.332500, 230.62500
-- row: 8, 1.416667, 163.7500, 169.332500, 0.00000
SELECT id, AVG(balance) OVER (PARTITION BY family_id ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS a, AVG(points) OVER (ORDER BY id) AS b, AVG(balance) OVER () AS c, AVG(points * 1.5) OVER (PARTITION BY role) AS d FROM users ORDER BY id;
