-- Durations: MySQL's TIME holds -838:59:59..838:59:59, PostgreSQL's time a time of day. TIMEDIFF and
-- SEC_TO_TIME as result columns and TIME_TO_SEC(TIMEDIFF(...)) keep durations beyond a day (each run on
-- MySQL 9.7.4).

-- id: dur-ddl
-- category: ddl.create-table
-- tables: dur_t
-- order: unordered
CREATE TABLE dur_t (id INT NOT NULL PRIMARY KEY, g VARCHAR(5) NOT NULL, a DATETIME NULL, b DATETIME NULL, t TIME NULL, n INT NULL) DEFAULT CHARSET=utf8mb4;

-- id: dur-seed
-- category: writes.insert
-- commit: true
-- tables: dur_t
-- order: unordered
INSERT INTO dur_t VALUES (1, 'x', '2024-01-03 12:00:00', '2024-01-01 00:00:00', '10:00:00', 90061), (2, 'x', '2024-01-01 00:00:00', '2024-01-01 01:30:00', '23:00:00', -3661), (3, 'y', '2024-03-01 00:00:00', '2024-01-01 00:00:00', NULL, 4000000), (4, 'y', NULL, '2024-01-01 00:00:00', '01:00:00', NULL), (5, 'z', '2024-01-01 10:00:00', '2024-01-01 09:00:00', '00:00:00', 0);

-- id: dur-result-columns
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(a, b) AS d, SEC_TO_TIME(n) AS s FROM dur_t ORDER BY id;

-- id: dur-grouped-sum
-- category: functions
-- order: ordered
SELECT g, SEC_TO_TIME(SUM(TIME_TO_SEC(TIMEDIFF(a, b)))) AS total, COUNT(*) AS c FROM dur_t GROUP BY g ORDER BY g;

-- id: dur-time-to-sec-beyond-day
-- category: functions
-- order: ordered
SELECT id, TIME_TO_SEC(TIMEDIFF(a, b)) AS secs FROM dur_t WHERE TIME_TO_SEC(TIMEDIFF(a, b)) > 3600 ORDER BY id;

-- id: dur-order-by-alias
-- category: functions
-- order: ordered
SELECT id, TIMEDIFF(a, b) AS d FROM dur_t ORDER BY d, id;

-- id: dur-aggregates
-- category: functions
-- order: unordered
SELECT SEC_TO_TIME(SUM(n)) AS total, SEC_TO_TIME(MAX(n)) AS mx, SEC_TO_TIME(MIN(n)) AS mn FROM dur_t;

-- id: dur-within-day-compared
-- category: functions
-- order: ordered
SELECT id, SEC_TO_TIME(id * 60) < t AS shorter FROM dur_t WHERE SEC_TO_TIME(id * 60) < t ORDER BY id;
