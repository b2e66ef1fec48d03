-- Statements the rewriter must refuse (with the code) instead of passing MySQL-only SQL to PostgreSQL.

-- id: refuse-create-trigger
-- category: refusals
-- mode: refuse
-- refuse: trigger
CREATE TRIGGER trg_users_points BEFORE UPDATE ON users FOR EACH ROW SET NEW.points = GREATEST(NEW.points, 0);

-- id: refuse-create-procedure
-- category: refusals
-- mode: refuse
-- refuse: procedure
CREATE PROCEDURE reset_points() BEGIN UPDATE users SET points = 0; END;

-- id: refuse-create-function
-- category: refusals
-- mode: refuse
-- refuse: function
CREATE FUNCTION double_it(x INT) RETURNS INT DETERMINISTIC RETURN x * 2;

-- id: refuse-parse-error
-- category: refusals
-- mode: refuse
-- refuse: parse-error
SELEC id FROM users;

-- id: refuse-incomplete
-- category: refusals
-- mode: refuse
-- refuse: parse-error
SELECT * FROM;

-- id: refuse-get-lock
-- category: refusals
-- mode: refuse
-- refuse: driver-intercepted:mysql-session:GET_LOCK
-- note: named locks are MySQL's: the driver sends such reads to MySQL
SELECT GET_LOCK('job', 10);

-- id: refuse-load-file
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:LOAD_FILE
SELECT LOAD_FILE('/etc/hostname');

-- id: refuse-into-outfile
-- category: refusals
-- mode: refuse
-- refuse: parse-error
SELECT id FROM users INTO OUTFILE '/tmp/users.txt';

-- id: refuse-found-rows
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:FOUND_ROWS
SELECT FOUND_ROWS();

-- id: refuse-match-against
-- category: refusals
-- mode: refuse
-- refuse: unsupported
SELECT id FROM chores WHERE MATCH(title) AGAINST ('dishes');

-- id: refuse-benchmark
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:BENCHMARK
SELECT BENCHMARK(10, MD5('a'));

-- id: refuse-call
-- category: refusals
-- mode: refuse
-- refuse: procedure
CALL reset_points();

-- id: refuse-load-data
-- category: refusals
-- mode: refuse
-- refuse: parse-error
LOAD DATA INFILE '/tmp/users.csv' INTO TABLE users;

-- id: refuse-handler
-- category: refusals
-- mode: refuse
-- refuse: parse-error
HANDLER users OPEN;

-- id: refuse-user-variable-assign-in-select
-- category: refusals
-- mode: refuse
-- refuse: unsupported
SELECT @rank := @rank + 1 AS r FROM users;

-- id: json-function-of-count-star-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_ARRAY_APPEND
-- note: the translation reads the argument in a subquery, where PostgreSQL would count the subquery's one row
SELECT JSON_ARRAY_APPEND('[]', '$', COUNT(*)) FROM activity_log;

-- id: refuse-window-range-interval-fraction
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:window-frame
-- note: MySQL rounds the amount 1.5 DAY to 2 days; only integer amounts are translated
SELECT id, SUM(amount) OVER (ORDER BY created_at RANGE INTERVAL 1.5 DAY PRECEDING) AS a FROM reward_adjustments ORDER BY id;

-- id: refuse-window-range-interval-time-key
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:window-frame
-- note: over a TIME key PostgreSQL drops the days of the interval (TIME '23:45' minus INTERVAL 1 DAY frames from 23:45), MySQL's TIME is a duration
SELECT id, COUNT(*) OVER (ORDER BY due_time RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW) AS a FROM chores ORDER BY id;

-- id: refuse-convert-using-latin1-compared
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:CONVERT
-- note: the result's collation latin1_swedish_ci compares 'é' = 'e' and 'ü' = 'y' (MySQL 9.7.4), which lower() does not reproduce; its value alone is translated
SELECT id FROM users WHERE CONVERT(display_name USING latin1) = 'Anna Myller' ORDER BY id;

-- id: refuse-collate-group-by
-- category: refusals
-- mode: refuse
-- refuse: unsupported-syntax:collate
-- note: COLLATE is translated in comparisons, LIKE and ORDER BY only; grouping under PAD SPACE would put 'a' and 'a ' in one group
SELECT COUNT(*) AS n FROM users GROUP BY display_name COLLATE utf8mb4_bin;
