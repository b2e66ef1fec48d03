-- MySQL lexical syntax the rewriter must translate: backticks and case folding, double-quoted strings,
-- backslash escapes, || as OR, # and /*! */ comments, LIMIT offset,count (with ? binds).

-- id: ident-backticks
-- category: p0.identifiers
-- order: ordered
SELECT `id`, `display_name` FROM `users` ORDER BY `id`;

-- id: ident-mixed-case-columns
-- category: p0.identifiers
-- order: ordered
SELECT ID, Display_Name, EMAIL FROM users WHERE Family_ID = 1 ORDER BY Id;

-- id: ident-backtick-aliases
-- category: p0.identifiers
-- order: ordered
SELECT u.`ID` AS `UserId`, f.`Name` AS `FamilyName` FROM `users` AS u JOIN `families` f ON f.`id` = u.`family_id` ORDER BY u.id;

-- id: ident-backtick-table-alias
-- category: p0.identifiers
-- order: ordered
SELECT `u`.`display_name` FROM `users` `u` WHERE `u`.`role` = 'parent' ORDER BY `u`.`id`;

-- id: ident-alias-with-space
-- category: p0.identifiers
-- order: unordered
SELECT COUNT(*) AS `total count` FROM users;

-- id: ident-settings-columns
-- category: p0.identifiers
-- order: ordered
SELECT `name`, `value`, `version` FROM `settings` WHERE `family_id` = 1 ORDER BY `name`;

-- id: ident-reserved-derived-alias
-- category: p0.identifiers
-- order: ordered
-- note: ORDER is reserved on both sides; the alias must stay quoted
SELECT `order`.id FROM (SELECT id FROM chores WHERE points > 20) AS `order` ORDER BY `order`.id;

-- id: ident-reserved-user-alias
-- category: p0.identifiers
-- order: unordered
-- note: USER is reserved in PostgreSQL (and a function there), not in MySQL
SELECT `user`.email FROM users AS `user` WHERE `user`.id = 4;

-- id: ident-reserved-column-aliases
-- category: p0.identifiers
-- order: ordered
SELECT id AS `select`, title AS `from` FROM chores WHERE id < 3 ORDER BY 1;

-- id: ident-mixed-case-alias-reference
-- category: p0.identifiers
-- order: ordered
SELECT Points AS P, Id FROM users WHERE id IN (2, 4) ORDER BY P DESC;

-- id: ident-order-by-desc
-- category: p0.identifiers
-- order: ordered
SELECT `display_name` FROM users WHERE `id` IN (1, 3) ORDER BY `id` DESC;

-- id: ident-qualified-star
-- category: p0.identifiers
-- order: ordered
SELECT `s`.* FROM `settings` AS `s` WHERE `s`.`family_id` = 3 ORDER BY `s`.`name`;

-- id: dq-select-literal
-- category: p0.dq-strings
-- order: unordered
SELECT "hello" AS greeting;

-- id: dq-where
-- category: p0.dq-strings
-- order: unordered
SELECT id FROM users WHERE username = "ben";

-- id: dq-concat
-- category: p0.dq-strings
-- order: unordered
SELECT CONCAT("Hi ", display_name) AS g FROM users WHERE id = 1;

-- id: dq-mixed-quotes
-- category: p0.dq-strings
-- order: unordered
SELECT "it's" AS a, 'say "x"' AS b;

-- id: dq-doubled-quote
-- category: p0.dq-strings
-- order: unordered
SELECT "a""b" AS doubled;

-- id: dq-in-or
-- category: p0.dq-strings
-- order: ordered
SELECT id FROM chores WHERE title = "Dishes" OR title = "Vacuum" ORDER BY id;

-- id: dq-like
-- category: p0.dq-strings
-- order: ordered
SELECT id FROM chores WHERE description LIKE "%room%" ORDER BY id;

-- id: dq-update
-- category: p0.dq-strings
-- order: unordered
UPDATE families SET timezone = "Europe/Paris" WHERE id = 4;

-- id: bs-newline
-- category: p0.backslash
-- order: unordered
SELECT 'line1\nline2' AS s;

-- id: bs-tab
-- category: p0.backslash
-- order: unordered
SELECT 'tab\there' AS s;

-- id: bs-escaped-quote
-- category: p0.backslash
-- order: unordered
SELECT 'it\'s' AS s;

-- id: bs-escaped-dq
-- category: p0.backslash
-- order: unordered
SELECT "quote \"inside\"" AS s;

-- id: bs-backslash
-- category: p0.backslash
-- order: unordered
SELECT 'back\\slash' AS s;

-- id: bs-where-backslash
-- category: p0.backslash
-- order: unordered
SELECT id FROM users WHERE bio = 'back\\slash and 50% off_sale';

-- id: bs-like-escaped-percent
-- category: p0.backslash
-- order: unordered
-- note: \% stays a backslash-percent in the string; LIKE's default escape makes it a literal %
SELECT id FROM users WHERE bio LIKE '%50\% off%';

-- id: bs-like-escaped-underscore
-- category: p0.backslash
-- order: unordered
SELECT id FROM users WHERE bio LIKE '%off\_sale';

-- id: bs-ctrl-z
-- category: p0.backslash
-- order: unordered
SELECT 'a\Zb' AS s;

-- id: bs-unknown-escape
-- category: p0.backslash
-- order: unordered
-- note: an unknown escape drops the backslash
SELECT 'unknown\qescape' AS s;

-- id: bs-windows-path
-- category: p0.backslash
-- order: unordered
SELECT 'C:\\temp\\new' AS path;

-- id: bs-insert
-- category: p0.backslash
-- order: unordered
INSERT INTO settings (family_id, name, value) VALUES (4, 'path', 'C:\\Users\\n\'s');

-- id: pipes-or-where
-- category: p0.or-pipes
-- order: ordered
SELECT id FROM users WHERE role = 'guest' || points > 300 ORDER BY id;

-- id: pipes-truth-table
-- category: p0.or-pipes
-- order: unordered
SELECT 0 || 0 AS a, 0 || 1 AS b, NULL || 1 AS c, NULL || 0 AS d;

-- id: pipes-tinyint-operand
-- category: p0.or-pipes
-- order: ordered
SELECT id FROM chores WHERE is_archived || points >= 40 ORDER BY id;

-- id: pipes-count
-- category: p0.or-pipes
-- order: unordered
SELECT COUNT(*) FROM assignments WHERE status = 'open' || rating = 5;

-- id: pipes-in-select
-- category: p0.or-pipes
-- order: ordered
SELECT id, (rating > 4 || note IS NOT NULL) AS flagged FROM assignments ORDER BY id;

-- id: comment-hash
-- category: p0.comments
-- order: unordered
SELECT id # the key
FROM users WHERE id = 1;

-- id: comment-executable-straight-join
-- category: p0.comments
-- order: ordered
SELECT /*! STRAIGHT_JOIN */ u.id FROM users u JOIN families f ON f.id = u.family_id WHERE f.id = 2 ORDER BY u.id;

-- id: comment-block
-- category: p0.comments
-- order: unordered
SELECT id FROM users /* plain comment */ WHERE id = 2;

-- id: comment-versioned-no-cache
-- category: p0.comments
-- order: ordered
SELECT /*!40000 SQL_NO_CACHE */ id FROM families ORDER BY id;

-- id: comment-dash
-- category: p0.comments
-- order: unordered
SELECT 1 -- dash comment
  + 1 AS two;

-- id: comment-hash-in-string
-- category: p0.comments
-- order: unordered
SELECT id FROM families WHERE name = 'a#b' OR id = 1 # trailing 'quote;

-- id: comment-leading
-- category: p0.comments
-- order: unordered
/* leading comment */ SELECT COUNT(*) FROM chores;

-- id: comment-in-string-not-comment
-- category: p0.comments
-- order: unordered
SELECT id FROM chores WHERE title = '/* not a comment */' OR id = 2;

-- id: comment-executable-expression
-- category: p0.comments
-- order: unordered
-- note: MySQL executes the content of /*! */
SELECT 5 /*! + 1 */ AS six;

-- id: comment-versioned-future
-- category: p0.comments
-- mode: expect
-- order: unordered
-- row: 1
-- note: MySQL 8 skips a versioned comment newer than itself; MariaDB compares 99999 with its own 6-digit version 101105 and runs it, so only the MySQL 8 value is asserted
SELECT 1 /*!99999 + 100 */ AS one;

-- id: comment-versioned-past
-- category: p0.comments
-- mode: expect
-- order: unordered
-- row: 101
-- note: 8.0.0 <= 8.4: MySQL 8 runs the content; MariaDB skips versions 50700-99999 as MySQL-only, so only the MySQL 8 value is asserted
SELECT 1 /*!80000 + 100 */ AS n;

-- id: limit-offset-count
-- category: p0.limit
-- order: ordered
SELECT id FROM users ORDER BY id LIMIT 2, 3;

-- id: limit-count
-- category: p0.limit
-- order: ordered
SELECT id FROM users ORDER BY id LIMIT 3;

-- id: limit-offset-keyword
-- category: p0.limit
-- order: ordered
SELECT id FROM users ORDER BY id LIMIT 3 OFFSET 2;

-- id: limit-binds-offset-count
-- category: p0.limit
-- order: ordered
-- binds: 1, 2
-- note: parameter order changes: LIMIT ? OFFSET ? needs the map
SELECT id FROM users ORDER BY id LIMIT ?, ?;

-- id: limit-bind-count
-- category: p0.limit
-- order: ordered
-- binds: 4
SELECT id FROM users ORDER BY id LIMIT ?;

-- id: limit-binds-with-where
-- category: p0.limit
-- order: ordered
-- binds: 1, 1, 2
SELECT id FROM users WHERE family_id = ? ORDER BY id LIMIT ?, ?;

-- id: limit-zero
-- category: p0.limit
-- order: ordered
SELECT id FROM users ORDER BY id LIMIT 0, 0;

-- id: limit-beyond-end
-- category: p0.limit
-- order: ordered
SELECT id FROM users ORDER BY id LIMIT 100, 5;

-- id: limit-all-rows-idiom
-- category: p0.limit
-- order: ordered
-- note: the MySQL manual's idiom for 'all rows after the offset'
SELECT id FROM users ORDER BY id LIMIT 5, 18446744073709551615;

-- id: limit-with-subquery
-- category: p0.limit
-- order: ordered
SELECT title FROM chores WHERE id IN (SELECT chore_id FROM assignments WHERE status = 'done') ORDER BY id LIMIT 1, 2;

-- id: limit-in-derived-table
-- category: p0.limit
-- order: ordered
SELECT * FROM (SELECT id FROM chores ORDER BY points DESC, id LIMIT 3) AS top3 ORDER BY id;

-- id: limit-binds-after-where-bind
-- category: p0.limit
-- order: ordered
-- binds: 2, 2
SELECT id FROM assignments WHERE user_id = ? ORDER BY due_date DESC, id LIMIT ?;

-- id: limit-bind-offset-in-union
-- category: p0.limit
-- order: unordered
(SELECT id FROM users WHERE family_id = 1 ORDER BY id LIMIT 1, 1) UNION ALL (SELECT id FROM users WHERE family_id = 2 ORDER BY id LIMIT 1);
