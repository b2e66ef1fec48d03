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

-- id: window-range-interval-days
-- category: functions
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 does not read INTERVAL frames; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); found by an outside workload: a RANGE frame of INTERVAL n DAY over a DATETIME key (PostgreSQL 11+ reads RANGE ... INTERVAL '30 day' PRECEDING the same way)
-- row: 1, 5.00, 2, 5.75
-- row: 2, 3.50, 2, 0.75
-- row: 3, 2.25, 3, 2.25
-- row: 4, 0.10, 1, 5.85
-- row: 5, 10.00, 2, 110.00
-- row: 6, 10.01, 2, 100.00
-- row: 7, 99.99, 1, 100.09
-- row: 8, 3.50, 1, 0.00
-- row: 9, 1234.56, 1, 1234.56
SELECT id, SUM(amount) OVER (PARTITION BY user_id ORDER BY created_at RANGE BETWEEN INTERVAL 30 DAY PRECEDING AND CURRENT ROW) AS a, COUNT(*) OVER (ORDER BY created_at RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND INTERVAL 25 HOUR FOLLOWING) AS b, SUM(amount) OVER (ORDER BY created_at DESC RANGE INTERVAL 2 WEEK PRECEDING) AS c FROM reward_adjustments ORDER BY id;

-- id: window-range-interval-date-month
-- category: functions
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 does not read INTERVAL frames; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); a DATE key and month arithmetic at month ends, as MySQL 9.7.4 computes it: 2024-03-31 minus 1 month is 2024-02-29, checked by hand; units under a day count from the DATE's midnight; a NULL key frames the NULL rows
-- row: 1, 9, 10, 9, 10
-- row: 2, 11, 9, 6, 6
-- row: 3, 11, 6, 3, 10
-- row: 4, 9, 10, 9, 6
-- row: 5, 7, 10, 10, 10
-- row: 6, 6, 11, 11, 10
-- row: 7, 12, 2, 2, 6
-- row: 8, 9, 10, 9, 10
-- row: 9, 1, 7, 16, 10
-- row: 10, 2, 10, 15, 10
-- row: 11, 3, 12, 14, 6
-- row: 12, 11, 9, 6, 10
-- row: 13, 13, 1, 1, 6
-- row: 14, 4, 13, 13, 10
-- row: 15, 11, 9, 6, 10
-- row: 16, 5, 12, 12, 6
SELECT id, COUNT(*) OVER (ORDER BY due_date RANGE BETWEEN INTERVAL 1 MONTH PRECEDING AND CURRENT ROW) AS a, COUNT(*) OVER (ORDER BY due_date DESC RANGE BETWEEN INTERVAL 1 MONTH PRECEDING AND INTERVAL 36 HOUR FOLLOWING) AS b, COUNT(*) OVER (ORDER BY due_date RANGE BETWEEN CURRENT ROW AND INTERVAL 1 QUARTER FOLLOWING) AS c, COUNT(*) OVER (ORDER BY DATE(completed_at) RANGE BETWEEN INTERVAL 1 YEAR PRECEDING AND INTERVAL '1-1' YEAR_MONTH FOLLOWING) AS d FROM assignments ORDER BY id;

-- id: window-range-interval-fractional-seconds
-- category: functions
-- mode: expect
-- order: ordered
-- note: MariaDB 10.11 does not read INTERVAL frames; the rows are MySQL 9.7.4's (this entry ran in compare mode on MySQL 9.7.4 and passed); a DATETIME(6) key with NULLs, microsecond and compound units
-- row: 1, 1, 535, 195
-- row: 2, 1, 460, 340
-- row: 3, 4, 1310, 340
-- row: 4, 1, 535, 75
-- row: 5, 4, 1310, 15
-- row: 6, 1, 1035, 620
-- row: 7, 4, 1310, 600
-- row: 8, 4, 1310, 15
SELECT id, COUNT(*) OVER (ORDER BY last_login_at RANGE BETWEEN INTERVAL 500000 MICROSECOND PRECEDING AND INTERVAL '1 00:00:00' DAY_SECOND FOLLOWING) AS a, SUM(points) OVER (ORDER BY last_login_at RANGE BETWEEN INTERVAL 2 DAY PRECEDING AND UNBOUNDED FOLLOWING) AS b, SUM(points) OVER (ORDER BY birth_date RANGE BETWEEN INTERVAL 10 YEAR PRECEDING AND INTERVAL '3:30' HOUR_MINUTE FOLLOWING) AS c FROM users ORDER BY id;

-- id: window-range-numeric
-- category: functions
-- order: ordered
-- note: RANGE frames of plain numbers over an integer and a DECIMAL key, and of a fractional offset over the DECIMAL key (over an integer key PostgreSQL refuses one: refused)
SELECT id, SUM(points) OVER (ORDER BY points RANGE BETWEEN 100 PRECEDING AND CURRENT ROW) AS a, COUNT(*) OVER (ORDER BY balance RANGE BETWEEN 5 PRECEDING AND 10 FOLLOWING) AS b, COUNT(*) OVER (ORDER BY balance RANGE BETWEEN 1.25 PRECEDING AND 0.5 FOLLOWING) AS c FROM users ORDER BY id;

-- id: temporal-arithmetic-window
-- category: p0.date-arith
-- order: ordered
-- note: LAG/LEAD of a date-time is a date-time: its number in arithmetic (found by the outside workload, session 24: PostgreSQL failed on bigint - timestamp)
SELECT id, completed_at - LAG(completed_at) OVER (ORDER BY id) AS gap, LEAD(due_date) OVER (ORDER BY id) - due_date AS next_due FROM assignments ORDER BY id;
