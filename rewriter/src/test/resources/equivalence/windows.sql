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
