-- Mathematical functions and the STD/VARIANCE aggregates: DOUBLE results, NULL outside the domain.

-- id: fn-math-log-domain
-- category: functions
-- order: ordered
-- note: points holds 0: LN/LOG of 0 and SQRT of a negative are NULL in MySQL (PostgreSQL raises)
SELECT id, LN(points) AS a, LOG(points) AS b, LOG(2, points) AS c, LOG2(points) AS d, LOG10(points) AS e, SQRT(points - 100) AS f FROM users ORDER BY id;

-- id: fn-math-trig
-- category: functions
-- order: ordered
SELECT id, ACOS(balance / 100) AS a, ASIN(balance / 100) AS b, ATAN(points) AS c, ATAN(points, 2) AS d, ATAN2(points, 2) AS e, COS(points) AS f, SIN(points) AS g, TAN(points) AS h, DEGREES(points) AS i, RADIANS(points) AS j FROM users ORDER BY id;

-- id: fn-math-literals
-- category: functions
-- order: unordered
SELECT COT(1) AS a, COT(-2.5) AS b, EXP(2) AS c, LN(0) AS d, LOG(1, 8) AS e, LOG(0.5, 2) AS f, SQRT(-1) AS g, ACOS(2) AS h, LOG(-2, 8) AS i, ASIN(-1) AS j;

-- id: fn-math-aggregate-argument
-- category: functions
-- order: ordered
SELECT family_id, SQRT(SUM(points)) AS a, LN(AVG(points)) AS b, LOG10(MAX(points) - 75) AS c FROM users GROUP BY family_id ORDER BY family_id;

-- id: fn-math-bound-argument
-- category: functions
-- order: unordered
-- binds: 0.5, -3
SELECT ACOS(?) AS a, LN(?) AS b;

-- id: fn-stddev-variance
-- category: functions
-- mode: expect
-- order: ordered
-- row: 1, 138.8344337691482, 138.8344337691482, 6.340285383955521, 160.31219541881399, 19275, 40.19921875000001, 25700
-- row: 2, 30, 30, 51.375, 42.42640687119285, 900, 2639.390625, 1800
-- row: 3, 120, 120, 615.73, 169.7056274847714, 14400, 379123.43289999996, 28800
-- note: MariaDB 10.11 returns these DOUBLEs rounded to 4 decimals (138.8344); the rows are MySQL 9.7's
SELECT family_id, STD(points) AS a, STDDEV(points) AS b, STDDEV_POP(balance) AS c, STDDEV_SAMP(points) AS d, VARIANCE(points) AS e, VAR_POP(balance) AS f, VAR_SAMP(points) AS g FROM users GROUP BY family_id ORDER BY family_id;

-- id: fn-stddev-no-rows
-- category: functions
-- order: unordered
SELECT STD(points) AS a, VAR_SAMP(points) AS b, STDDEV_SAMP(balance) AS c FROM users WHERE id < 0;

-- id: math-of-aggregates
-- category: functions
-- order: ordered
-- note: found by an outside workload (session 16): the argument of SQRT/LN/LOG/ATAN was read in a scalar subquery, where PostgreSQL counted COUNT(*) over the subquery's one row; CAST(... AS UNSIGNED) likewise
SELECT user_id, ROUND(SQRT(SUM(POW(id, 2)) / COUNT(*)), 3) AS q, LN(COUNT(*)) AS l, LOG(2, COUNT(*) + 1) AS g, ATAN(COUNT(*)) AS t, CAST(COUNT(*) AS UNSIGNED) AS u FROM activity_log GROUP BY user_id ORDER BY user_id;

-- id: math-of-aggregates-whole-table
-- category: functions
-- order: unordered
SELECT SQRT(COUNT(*)) AS s, LN(COUNT(*)) AS l, LOG10(COUNT(*)) AS g, CAST(COUNT(*) AS UNSIGNED) AS u, EXP(COUNT(*) / 10) AS e FROM activity_log;

-- id: math-of-window-functions
-- category: functions
-- order: ordered
SELECT id, SQRT(ROW_NUMBER() OVER (ORDER BY id)) AS r, CAST(RANK() OVER (ORDER BY user_id) AS UNSIGNED) AS k FROM activity_log ORDER BY id;
