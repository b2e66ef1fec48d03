-- MySQL functions with no same-named PostgreSQL equivalent (or a different meaning), and locking reads.

-- id: ifnull-decimal
-- category: p0.ifnull
-- order: ordered
SELECT id, IFNULL(reward, 0) AS r FROM chores ORDER BY id;

-- id: ifnull-text
-- category: p0.ifnull
-- order: ordered
SELECT id, IFNULL(description, 'n/a') AS d FROM chores ORDER BY id;

-- id: ifnull-both-null
-- category: p0.ifnull
-- order: unordered
SELECT IFNULL(NULL, NULL) AS x;

-- id: ifnull-aggregate
-- category: p0.ifnull
-- order: ordered
SELECT u.display_name, IFNULL(SUM(r.amount), 0) AS total FROM users u LEFT JOIN reward_adjustments r ON r.user_id = u.id GROUP BY u.id, u.display_name ORDER BY u.id;

-- id: ifnull-nested
-- category: p0.ifnull
-- order: ordered
SELECT IFNULL(note, IFNULL(rating, 'none')) AS n FROM assignments ORDER BY id;

-- id: ifnull-date-literal-in-a-comparison
-- category: p0.ifnull
-- order: ordered
-- note: the literal is a date, so PostgreSQL keeps COALESCE a date (as text it could not be compared)
SELECT id FROM assignments WHERE '2024-03-02' BETWEEN due_date AND IFNULL(completed_at, '9999-12-31') ORDER BY id;

-- id: ifnull-number-literal-in-arithmetic
-- category: p0.ifnull
-- order: ordered
SELECT id, IFNULL(rating, '0') + 1 AS r FROM assignments ORDER BY id;

-- id: ifnull-decimal-keeps-its-scale
-- category: p0.ifnull
-- order: ordered
-- note: MySQL's result has the largest scale of the arguments: a NULL amount gives 0.00
SELECT u.id, IFNULL(SUM(r.amount), 0) AS total, COALESCE(MAX(r.amount), 0) AS top FROM users u LEFT JOIN reward_adjustments r ON r.user_id = u.id GROUP BY u.id ORDER BY u.id;

-- id: ifnull-number-stays-number
-- category: p0.ifnull
-- order: ordered
SELECT id, IFNULL(rating, 0) + 1 AS r, COALESCE(note, 'n/a') AS n, COALESCE(NULL, rating, 2.5) AS c FROM assignments ORDER BY id;

-- id: coalesce-mixed-types-is-string
-- category: p0.ifnull
-- order: ordered
SELECT id, COALESCE(rating, 'none') AS r, COALESCE(completed_at, due_date, 'never') AS c FROM assignments ORDER BY id;

-- id: ifnull-in-where
-- category: p0.ifnull
-- order: ordered
SELECT id FROM assignments WHERE IFNULL(rating, 0) < 3 ORDER BY id;

-- id: ifnull-datetime-cast
-- category: p0.ifnull
-- order: ordered
SELECT id, IFNULL(completed_at, CAST('2000-01-01 00:00:00' AS DATETIME)) AS c FROM assignments ORDER BY id;

-- id: ifnull-datetime
-- category: p0.ifnull
-- order: ordered
SELECT id, IFNULL(completed_at, TIMESTAMP '2000-01-01 00:00:00') AS c FROM assignments ORDER BY id;

-- id: if-text
-- category: p0.if
-- order: ordered
SELECT id, IF(points >= 20, 'big', 'small') AS size FROM chores ORDER BY id;

-- id: if-tinyint-condition
-- category: p0.if
-- order: ordered
SELECT id, IF(is_admin, 'admin', 'member') AS kind FROM users ORDER BY id;

-- id: if-null-and-zero-condition
-- category: p0.if
-- order: unordered
SELECT IF(NULL, 1, 2) AS a, IF(0, 1, 2) AS b, IF(5, 1, 2) AS c;

-- id: if-conditional-sums
-- category: p0.if
-- order: unordered
SELECT SUM(IF(status = 'done', 1, 0)) AS done, SUM(IF(status = 'open', 1, 0)) AS open_count FROM assignments;

-- id: if-null-branch
-- category: p0.if
-- order: ordered
SELECT id, IF(reward IS NULL, NULL, reward * 2) AS r2 FROM chores ORDER BY id;

-- id: if-numeric-branch
-- category: p0.if
-- order: ordered
SELECT id, IF(rating > 3, rating, NULL) AS good FROM assignments ORDER BY id;

-- id: if-over-aggregate
-- category: p0.if
-- order: ordered
SELECT user_id, IF(COUNT(*) > 2, 'busy', 'calm') AS workload FROM assignments GROUP BY user_id ORDER BY user_id;

-- id: if-nested
-- category: p0.if
-- order: unordered
SELECT IF(1 > 2, 'a', IF(2 > 1, 'b', 'c')) AS nested;

-- id: concat-columns
-- category: p0.concat
-- order: ordered
SELECT CONCAT(display_name, ' <', email, '>') AS who FROM users ORDER BY id;

-- id: concat-null-column
-- category: p0.concat
-- order: ordered
-- note: CONCAT is NULL when any argument is NULL (chore 3)
SELECT id, CONCAT(title, ': ', description) AS full_text FROM chores ORDER BY id;

-- id: concat-null-literal
-- category: p0.concat
-- order: unordered
SELECT CONCAT('a', NULL, 'b') AS x;

-- id: concat-ws-skips-nulls
-- category: p0.concat
-- order: ordered
SELECT CONCAT_WS(', ', title, description, tags) AS x FROM chores ORDER BY id;

-- id: concat-ws-empty-kept
-- category: p0.concat
-- order: unordered
SELECT CONCAT_WS('-', 'a', NULL, 'b', '') AS x;

-- id: concat-ws-null-separator
-- category: p0.concat
-- order: unordered
SELECT CONCAT_WS(NULL, 'a', 'b') AS x;

-- id: concat-numbers
-- category: p0.concat
-- order: ordered
SELECT CONCAT(id, '-', points) AS x FROM chores ORDER BY id;

-- id: concat-decimal-scale
-- category: p0.concat
-- order: ordered
SELECT CONCAT(balance, '') AS b FROM users ORDER BY id;

-- id: concat-dates
-- category: p0.concat
-- order: ordered
SELECT CONCAT(due_date, ' ', IFNULL(completed_at, '-')) AS x FROM assignments ORDER BY id;

-- id: concat-fractional-datetimes
-- category: p0.concat
-- order: ordered
-- note: a DATETIME(n) becomes a string with exactly n fractional digits (.000000 included)
SELECT u.id, CONCAT('at ', u.last_login_at) AS a, IFNULL(u.last_login_at, 'never') AS b, CONCAT(l.created_at, '') AS c FROM users u LEFT JOIN activity_log l ON l.id = u.id ORDER BY u.id;

-- id: concat-tinyint
-- category: p0.concat
-- order: ordered
-- note: TINYINT(1) prints as 1/0, not true/false
SELECT CONCAT(is_admin, '/', is_active) AS a FROM users ORDER BY id;

-- id: concat-decimal-literal
-- category: p0.concat
-- order: unordered
SELECT CONCAT(1.50, 'x') AS x;

-- id: concat-double
-- category: p0.concat
-- order: ordered
SELECT CONCAT(dbl_v, '') AS x FROM numeric_edges WHERE id IN (3, 4) ORDER BY id;

-- id: concat-single-arg
-- category: p0.concat
-- order: ordered
SELECT CONCAT(username) AS x FROM users ORDER BY id;

-- id: gc-order-by
-- category: p0.group-concat
-- order: ordered
SELECT user_id, GROUP_CONCAT(chore_id ORDER BY chore_id) AS c FROM assignments GROUP BY user_id ORDER BY user_id;

-- id: gc-distinct-order
-- category: p0.group-concat
-- order: ordered
SELECT user_id, GROUP_CONCAT(DISTINCT chore_id ORDER BY chore_id) AS c FROM assignments GROUP BY user_id ORDER BY user_id;

-- id: gc-separator
-- category: p0.group-concat
-- order: ordered
SELECT family_id, GROUP_CONCAT(title ORDER BY id SEPARATOR ', ') AS titles FROM chores GROUP BY family_id ORDER BY family_id;

-- id: gc-skips-nulls
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(note ORDER BY id) AS notes FROM assignments;

-- id: gc-all-null
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(note ORDER BY id) AS notes FROM assignments WHERE note IS NULL;

-- id: gc-distinct-separator
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(DISTINCT tags ORDER BY tags SEPARATOR ';') AS t FROM chores;

-- id: gc-multiple-args
-- category: p0.group-concat
-- order: ordered
SELECT u.id, GROUP_CONCAT(c.title, ' (', c.points, ')' ORDER BY a.id SEPARATOR '; ') AS x FROM users u JOIN assignments a ON a.user_id = u.id JOIN chores c ON c.id = a.chore_id GROUP BY u.id ORDER BY u.id;

-- id: gc-order-desc
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(id ORDER BY id DESC) AS ids FROM users WHERE is_active = 1;

-- id: gc-binary-collation-order
-- category: p0.group-concat
-- order: ordered
SELECT family_id, COUNT(*) AS n, GROUP_CONCAT(username ORDER BY username SEPARATOR ',') AS names FROM users GROUP BY family_id ORDER BY family_id;

-- id: gc-of-concat
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(CONCAT(a.id, ':', a.status) ORDER BY a.id SEPARATOR ' ') AS x FROM assignments a WHERE a.user_id = 3;

-- id: gc-decimals
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(amount ORDER BY id) AS x FROM reward_adjustments;

-- id: gc-empty-separator
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(DISTINCT status ORDER BY status SEPARATOR '') AS x FROM assignments WHERE user_id = 2;

-- id: gc-default-separator-single-group
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(id ORDER BY points, id) AS x FROM chores WHERE family_id = 2;

-- id: gc-distinct-order-by-other-column
-- category: p0.group-concat
-- order: ordered
SELECT a.user_id, GROUP_CONCAT(DISTINCT c.title ORDER BY c.points DESC, c.title SEPARATOR '|') AS x FROM assignments a JOIN chores c ON c.id = a.chore_id GROUP BY a.user_id ORDER BY a.user_id;

-- id: gc-distinct-several-args
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(DISTINCT a.status, '/', a.user_id ORDER BY a.user_id DESC, a.status) AS x FROM assignments a;

-- id: gc-distinct-case-insensitive
-- category: p0.group-concat
-- order: unordered
SELECT GROUP_CONCAT(DISTINCT display_name ORDER BY display_name SEPARATOR ', ') AS x FROM users;

-- id: gc-distinct-with-subquery-like-sakila-actor-info
-- category: p0.group-concat
-- order: ordered
SELECT u.id, GROUP_CONCAT(DISTINCT CONCAT(c.title, ': ', (SELECT COUNT(*) FROM assignments a2 WHERE a2.chore_id = c.id)) ORDER BY c.title SEPARATOR '; ') AS x FROM users u JOIN assignments a ON a.user_id = u.id JOIN chores c ON c.id = a.chore_id GROUP BY u.id ORDER BY u.id;

-- id: df-iso-date
-- category: p0.date-format
-- order: ordered
SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d') AS d FROM chores ORDER BY id;

-- id: df-european
-- category: p0.date-format
-- order: ordered
SELECT DATE_FORMAT(completed_at, '%d/%m/%Y %H:%i:%s') AS d FROM assignments ORDER BY id;

-- id: df-names-12h
-- category: p0.date-format
-- order: unordered
SELECT DATE_FORMAT(CAST('2024-03-05 14:07:09' AS DATETIME), '%W %M %e, %Y %l:%i %p') AS s;

-- id: df-ordinal-suffix
-- category: p0.date-format
-- order: ordered
SELECT DATE_FORMAT(birth_date, '%b %D %y') AS d FROM users ORDER BY id;

-- id: df-microseconds
-- category: p0.date-format
-- order: ordered
SELECT DATE_FORMAT(last_login_at, '%Y-%m-%d %H:%i:%s.%f') AS d FROM users ORDER BY id;

-- id: df-week-numbers
-- category: p0.date-format
-- order: unordered
-- note: no PostgreSQL template numbers weeks like %U: the format is cut around %U, %u and %w, printed through WEEK(d, 0/1) and the day of the week (refused before session 27)
SELECT DATE_FORMAT(CAST('2024-01-07' AS DATE), '%a %j %U %u %w') AS s;

-- id: df-group-by-month
-- category: p0.date-format
-- order: ordered
SELECT DATE_FORMAT(due_date, '%Y%m') AS ym, COUNT(*) AS n FROM assignments GROUP BY ym ORDER BY ym;

-- id: df-hour-minute
-- category: p0.date-format
-- order: ordered
SELECT DATE_FORMAT(created_at, '%H:%i') AS t FROM families ORDER BY id;

-- id: df-literal-percent
-- category: p0.date-format
-- order: unordered
SELECT DATE_FORMAT(CAST('2024-12-31 23:59:59' AS DATETIME), '%% %Y literal') AS s;

-- id: df-unpadded
-- category: p0.date-format
-- order: unordered
SELECT DATE_FORMAT(CAST('2024-03-05' AS DATE), '%c/%e/%y %k') AS s;

-- id: df-time-12h-seconds
-- category: p0.date-format
-- order: unordered
SELECT DATE_FORMAT(CAST('2024-03-05 00:05:09' AS DATETIME), '%h:%i:%s %p|%r|%T') AS s;

-- id: std-day-month-year
-- category: p0.str-to-date
-- order: unordered
SELECT STR_TO_DATE('05/03/2024', '%d/%m/%Y') AS d;

-- id: std-datetime
-- category: p0.str-to-date
-- order: unordered
SELECT STR_TO_DATE('2024-03-05 14:07:09', '%Y-%m-%d %H:%i:%s') AS dt;

-- id: std-month-name
-- category: p0.str-to-date
-- order: unordered
SELECT STR_TO_DATE('March 5 2024', '%M %e %Y') AS d;

-- id: std-time-only
-- category: p0.str-to-date
-- order: unordered
SELECT STR_TO_DATE('14:07', '%H:%i') AS t;

-- id: std-invalid-gives-null
-- category: p0.str-to-date
-- order: unordered
SELECT STR_TO_DATE('not a date', '%Y-%m-%d') AS d;

-- id: std-shapes
-- category: p0.str-to-date
-- order: unordered
-- note: a value that does not fit the format is NULL; trailing text after a fitting value is ignored; a time-only format gives a TIME
SELECT STR_TO_DATE('2024-3-5', '%Y-%m-%d') AS a, STR_TO_DATE('5.3.2024 garbage', '%d.%m.%Y') AS b, STR_TO_DATE('x5.3.2024', '%d.%m.%Y') AS c, STR_TO_DATE('07:08:09.25', '%H:%i:%s.%f') AS d, STR_TO_DATE(NULL, '%Y') AS e;

-- id: std-in-where
-- category: p0.str-to-date
-- order: ordered
SELECT id FROM assignments WHERE due_date >= STR_TO_DATE('01.03.2024', '%d.%m.%Y') ORDER BY id;

-- id: std-12h-clock
-- category: p0.str-to-date
-- order: unordered
SELECT STR_TO_DATE('2024-03-05 07:08:09 PM', '%Y-%m-%d %h:%i:%s %p') AS dt;

-- id: da-add-month-end
-- category: p0.date-arith
-- order: unordered
-- note: month arithmetic clamps to the month's last day; the result stays a DATE
SELECT DATE_ADD(DATE '2024-01-31', INTERVAL 1 MONTH) AS d;

-- id: da-add-month-end-cast
-- category: p0.date-arith
-- order: unordered
SELECT DATE_ADD(CAST('2024-01-31' AS DATE), INTERVAL 1 MONTH) AS d;

-- id: da-add-days-column
-- category: p0.date-arith
-- order: ordered
SELECT id, DATE_ADD(due_date, INTERVAL 7 DAY) AS next_due FROM assignments ORDER BY id;

-- id: da-sub-minutes
-- category: p0.date-arith
-- order: ordered
SELECT id, DATE_SUB(completed_at, INTERVAL 90 MINUTE) AS x FROM assignments ORDER BY id;

-- id: da-hour-minute-unit
-- category: p0.date-arith
-- order: unordered
SELECT DATE_ADD(CAST('2024-03-05 10:00:00' AS DATETIME), INTERVAL '1:30' HOUR_MINUTE) AS x;

-- id: da-date-plus-hours
-- category: p0.date-arith
-- order: unordered
-- note: a DATE plus a time unit becomes a DATETIME
SELECT DATE_ADD(CAST('2024-03-05' AS DATE), INTERVAL 2 HOUR) AS x;

-- id: da-plus-interval-operator
-- category: p0.date-arith
-- order: ordered
SELECT id, due_date + INTERVAL 1 DAY AS x FROM assignments ORDER BY id;

-- id: da-sub-month-leap
-- category: p0.date-arith
-- order: unordered
SELECT DATE_SUB(CAST('2024-03-31' AS DATE), INTERVAL 1 MONTH) AS d;

-- id: da-add-year-leap
-- category: p0.date-arith
-- order: unordered
SELECT DATE_ADD(CAST('2024-02-29' AS DATE), INTERVAL 1 YEAR) AS d;

-- id: da-negative-quarter
-- category: p0.date-arith
-- order: unordered
SELECT DATE_ADD(CAST('2024-03-05 10:00:00' AS DATETIME), INTERVAL -1 QUARTER) AS x;

-- id: da-weeks
-- category: p0.date-arith
-- order: unordered
SELECT DATE_ADD(CAST('2024-03-05 10:00:00' AS DATETIME), INTERVAL 3 WEEK) AS x;

-- id: da-in-where
-- category: p0.date-arith
-- order: ordered
SELECT id FROM assignments WHERE completed_at > DATE_SUB(CAST('2024-03-02 00:00:00' AS DATETIME), INTERVAL 1 DAY) ORDER BY id;

-- id: da-column-interval
-- category: p0.date-arith
-- order: ordered
SELECT id, DATE_ADD(created_at, INTERVAL points SECOND) AS x FROM chores ORDER BY id;

-- id: da-interval-first
-- category: p0.date-arith
-- order: unordered
SELECT INTERVAL 1 DAY + CAST('2024-12-31' AS DATE) AS d;

-- id: da-minus-interval-operator
-- category: p0.date-arith
-- order: ordered
SELECT created_at - INTERVAL 1 YEAR AS x FROM families ORDER BY id;

-- id: da-adddate-days
-- category: p0.date-arith
-- order: unordered
SELECT ADDDATE(CAST('2024-03-05' AS DATE), 10) AS d;

-- id: da-day-second-unit
-- category: p0.date-arith
-- order: unordered
SELECT DATE_ADD(CAST('2024-03-05 10:00:00' AS DATETIME), INTERVAL '1 02:03:04' DAY_SECOND) AS x;

-- id: da-compound-units
-- category: p0.date-arith
-- order: unordered
-- note: a negative sign applies to every part; YEAR_MONTH keeps a DATE a DATE, units with a time part make it a DATETIME
SELECT DATE_SUB(CAST('2024-03-05 10:00:00' AS DATETIME), INTERVAL '-1:90' HOUR_MINUTE) AS a, DATE '2024-01-31' + INTERVAL '1-1' YEAR_MONTH AS b, DATE '2024-01-31' + INTERVAL '1 12' DAY_HOUR AS c, CAST('2024-03-05 10:00:00' AS DATETIME) - INTERVAL '2:03:04' HOUR_SECOND AS d, CAST('2024-03-05 10:00:00' AS DATETIME) + INTERVAL '1 0:5' DAY_MINUTE AS e, CAST('2024-03-05 10:00:00' AS DATETIME) + INTERVAL '7:08' MINUTE_SECOND AS f;

-- id: da-compound-unit-lax-form-refused
-- category: p0.date-arith
-- mode: refuse
-- refuse: unsupported-syntax:interval:HOUR_MINUTE
-- note: MySQL reads '90' HOUR_MINUTE as 90 minutes (parts are right-aligned); only the full form is translated
SELECT DATE_ADD(CAST('2024-03-05 10:00:00' AS DATETIME), INTERVAL '90' HOUR_MINUTE) AS x;

-- id: dd-literals
-- category: p0.datediff
-- order: unordered
SELECT DATEDIFF(CAST('2024-03-05' AS DATE), CAST('2024-02-28' AS DATE)) AS d;

-- id: dd-datetime-vs-date
-- category: p0.datediff
-- order: ordered
SELECT id, DATEDIFF(completed_at, due_date) AS d FROM assignments ORDER BY id;

-- id: dd-string-datetimes
-- category: p0.datediff
-- order: unordered
-- note: the time parts are ignored: -1
SELECT DATEDIFF('2024-03-01 23:59:59', '2024-03-02 00:00:01') AS d;

-- id: dd-age-div
-- category: p0.datediff
-- order: ordered
SELECT id, DATEDIFF(CAST('2024-03-05' AS DATE), birth_date) DIV 365 AS age FROM users ORDER BY id;

-- id: dd-in-where
-- category: p0.datediff
-- order: ordered
SELECT id FROM assignments WHERE DATEDIFF(completed_at, due_date) >= 1 ORDER BY id;

-- id: tsd-month-not-complete
-- category: p0.timestampdiff
-- order: unordered
SELECT TIMESTAMPDIFF(MONTH, CAST('2024-01-31' AS DATE), CAST('2024-02-29' AS DATE)) AS m;

-- id: tsd-age-years
-- category: p0.timestampdiff
-- order: ordered
SELECT id, TIMESTAMPDIFF(YEAR, birth_date, CAST('2024-03-05' AS DATE)) AS age FROM users ORDER BY id;

-- id: tsd-hours-date-datetime
-- category: p0.timestampdiff
-- order: ordered
SELECT id, TIMESTAMPDIFF(HOUR, due_date, completed_at) AS h FROM assignments ORDER BY id;

-- id: tsd-seconds-truncate-negative
-- category: p0.timestampdiff
-- order: unordered
-- note: -1.5 s truncates toward zero: -1
SELECT TIMESTAMPDIFF(SECOND, CAST('2024-03-05 10:00:00' AS DATETIME(6)), CAST('2024-03-05 09:59:58.5' AS DATETIME(6))) AS s;

-- id: tsd-days-partial
-- category: p0.timestampdiff
-- order: unordered
SELECT TIMESTAMPDIFF(DAY, CAST('2024-03-01 12:00:00' AS DATETIME), CAST('2024-03-05 11:59:59' AS DATETIME)) AS d;

-- id: tsd-months-long
-- category: p0.timestampdiff
-- order: unordered
SELECT TIMESTAMPDIFF(MONTH, CAST('2023-01-15' AS DATE), CAST('2024-03-14' AS DATE)) AS m;

-- id: tsd-weeks-quarters
-- category: p0.timestampdiff
-- order: unordered
SELECT TIMESTAMPDIFF(WEEK, CAST('2024-01-01' AS DATE), CAST('2024-03-05' AS DATE)) AS w, TIMESTAMPDIFF(QUARTER, CAST('2023-11-30' AS DATE), CAST('2024-03-05' AS DATE)) AS q;

-- id: tsd-minutes-column
-- category: p0.timestampdiff
-- order: ordered
SELECT id, TIMESTAMPDIFF(MINUTE, created_at, last_login_at) AS m FROM users ORDER BY id;

-- id: ut-literal
-- category: p0.unix-timestamp
-- order: unordered
SELECT UNIX_TIMESTAMP(TIMESTAMP '2024-03-05 10:00:00') AS t;

-- id: typed-literals
-- category: p0.date-arith
-- order: unordered
-- note: DATE, TIMESTAMP (a DATETIME in MySQL) and TIME literals keep their types
SELECT DATE '2024-02-29' AS d, TIMESTAMP '2024-03-05 10:00:00.25' AS ts, TIME '23:59:58' AS t;

-- id: typed-literal-in-where
-- category: p0.date-arith
-- order: ordered
SELECT id FROM users WHERE birth_date < DATE '2000-01-01' AND created_at >= TIMESTAMP '2023-01-15 09:35:00' ORDER BY id;

-- id: typed-literal-relaxed-refused
-- category: p0.date-arith
-- mode: refuse
-- refuse: unsupported-syntax:literal:DATE
-- note: MySQL reads any punctuation as a date delimiter; only the standard form is translated
SELECT DATE '2024/01/31' AS d;

-- id: typed-literal-timestamp-needs-time
-- category: p0.date-arith
-- mode: refuse
-- refuse: unsupported-syntax:literal:TIMESTAMP
-- note: a TIMESTAMP literal without a time of day is rejected by the server (MariaDB: Incorrect DATETIME value), PostgreSQL would accept it
SELECT TIMESTAMP '2024-03-05' AS midnight;

-- id: ut-cast-datetime
-- category: p0.unix-timestamp
-- order: unordered
SELECT UNIX_TIMESTAMP(CAST('2024-03-05 10:00:00' AS DATETIME)) AS t;

-- id: ut-string-literal
-- category: p0.unix-timestamp
-- order: unordered
SELECT UNIX_TIMESTAMP('2024-03-05 10:00:00') AS t;

-- id: ut-fractional-column
-- category: p0.unix-timestamp
-- order: ordered
-- note: a DATETIME(3) argument gives a DECIMAL with the fraction
SELECT id, UNIX_TIMESTAMP(created_at) AS t FROM activity_log ORDER BY id;

-- id: ut-datetime-column
-- category: p0.unix-timestamp
-- order: ordered
SELECT id, UNIX_TIMESTAMP(created_at) AS t FROM chores ORDER BY id;

-- id: ut-date
-- category: p0.unix-timestamp
-- order: unordered
SELECT UNIX_TIMESTAMP(CAST('2024-03-05' AS DATE)) AS t;

-- id: ut-in-where
-- category: p0.unix-timestamp
-- order: ordered
SELECT id FROM assignments WHERE UNIX_TIMESTAMP(completed_at) > 1709300000 ORDER BY id;

-- id: ut-null
-- category: p0.unix-timestamp
-- order: unordered
SELECT UNIX_TIMESTAMP(NULL) AS t;

-- id: fu-integer
-- category: p0.from-unixtime
-- order: unordered
SELECT FROM_UNIXTIME(1709632800) AS t;

-- id: fu-fraction
-- category: p0.from-unixtime
-- order: unordered
SELECT FROM_UNIXTIME(1709632800.5) AS t;

-- id: fu-format
-- category: p0.from-unixtime
-- order: unordered
SELECT FROM_UNIXTIME(1709632800, '%Y-%m-%d %H:%i') AS t;

-- id: fu-epoch
-- category: p0.from-unixtime
-- order: unordered
SELECT FROM_UNIXTIME(0) AS t;

-- id: fu-in-where
-- category: p0.from-unixtime
-- order: ordered
SELECT id FROM chores WHERE created_at < FROM_UNIXTIME(1675000000) ORDER BY id;

-- id: fu-round-trip
-- category: p0.from-unixtime
-- order: unordered
SELECT FROM_UNIXTIME(UNIX_TIMESTAMP(CAST('2024-02-29 12:34:56' AS DATETIME))) AS t;

-- id: md5-literal
-- category: p0.md5
-- mysqlerror: MD5 does not exist
-- note: MySQL 9.7.4 (as the testkit provisions it) has no MD5(): "FUNCTION db.MD5 does not exist"; MariaDB runs it
-- order: unordered
SELECT MD5('hello') AS h;

-- id: md5-column
-- category: p0.md5
-- mysqlerror: MD5 does not exist
-- order: ordered
SELECT id, MD5(email) AS h FROM users ORDER BY id;

-- id: md5-null
-- category: p0.md5
-- mysqlerror: MD5 does not exist
-- order: unordered
SELECT MD5(NULL) AS h;

-- id: md5-unicode
-- category: p0.md5
-- mysqlerror: MD5 does not exist
-- order: unordered
SELECT MD5('Müller 🚀') AS h;

-- id: md5-of-concat
-- category: p0.md5
-- mysqlerror: MD5 does not exist
-- order: ordered
SELECT MD5(CONCAT(id, ':', username)) AS h FROM users ORDER BY id;

-- id: md5-of-number
-- category: p0.md5
-- mysqlerror: MD5 does not exist
-- order: unordered
SELECT MD5(123) AS h;

-- id: sha2-256
-- category: p0.sha2
-- order: unordered
SELECT SHA2('hello', 256) AS h;

-- id: sha2-512
-- category: p0.sha2
-- order: unordered
SELECT SHA2('hello', 512) AS h;

-- id: sha2-224-384
-- category: p0.sha2
-- order: unordered
SELECT SHA2('hello', 224) AS a, SHA2('hello', 384) AS b;

-- id: sha2-zero-means-256
-- category: p0.sha2
-- order: unordered
SELECT SHA2('hello', 0) AS h;

-- id: sha2-bad-length-null
-- category: p0.sha2
-- order: unordered
SELECT SHA2('hello', 7) AS h;

-- id: sha2-column
-- category: p0.sha2
-- order: ordered
SELECT id, SHA2(email, 256) AS h FROM users ORDER BY id;

-- id: sha2-null
-- category: p0.sha2
-- order: unordered
SELECT SHA2(NULL, 256) AS h;

-- id: lock-for-update
-- category: p0.locking
-- order: unordered
SELECT id, points FROM users WHERE id = 2 FOR UPDATE;

-- id: lock-for-update-ordered
-- category: p0.locking
-- order: ordered
SELECT id FROM chores WHERE family_id = 1 ORDER BY id FOR UPDATE;

-- id: lock-share-mode
-- category: p0.locking
-- order: ordered
SELECT name FROM settings WHERE family_id = 1 ORDER BY name LOCK IN SHARE MODE;

-- id: lock-for-update-join
-- category: p0.locking
-- order: ordered
SELECT u.id FROM users u JOIN families f ON f.id = u.family_id WHERE f.id = 3 ORDER BY u.id FOR UPDATE;

-- id: lock-for-update-aggregate
-- category: p0.locking
-- order: unordered
-- note: MySQL accepts FOR UPDATE with an aggregate; PostgreSQL does not
SELECT COUNT(*) FROM users WHERE family_id = 1 FOR UPDATE;

-- id: lock-for-update-group-by
-- category: p0.locking
-- order: ordered
-- note: the rows are locked in a derived table that keeps the alias; grouping happens outside
SELECT u.family_id, COUNT(*) AS n, MAX(points) AS m FROM users u WHERE u.points > 10 GROUP BY u.family_id ORDER BY u.family_id FOR UPDATE;

-- id: lock-for-update-aggregate-join-refused
-- category: p0.locking
-- mode: refuse
-- refuse: unsupported-syntax:for-update-aggregate
-- note: PostgreSQL forbids FOR UPDATE with aggregates; over a join the rows to lock are not moved into a derived table
SELECT COUNT(*) FROM users u JOIN families f ON f.id = u.family_id WHERE f.id = 1 FOR UPDATE;

-- id: lock-nowait
-- category: p0.locking
-- order: unordered
SELECT id FROM users WHERE id = 1 FOR UPDATE NOWAIT;

-- id: lock-skip-locked
-- category: p0.locking
-- order: ordered
SELECT id FROM assignments WHERE status = 'open' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;

-- id: lock-share-binds
-- category: p0.locking
-- order: ordered
-- binds: 5
SELECT id, status FROM assignments WHERE user_id = ? ORDER BY id LOCK IN SHARE MODE;

-- id: lock-for-share
-- category: p0.locking
-- mode: expect
-- order: unordered
-- row: 2
-- note: FOR SHARE is MySQL 8 syntax MariaDB 10.11 lacks
SELECT id FROM users WHERE id = 2 FOR SHARE;
