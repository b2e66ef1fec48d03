-- Fixture data, in MySQL syntax. Explicit keys; explicit timestamps (so both sides hold the same
-- values); unicode text; NULLs in every nullable column somewhere.

INSERT INTO families (id, name, plan, timezone, created_at, updated_at) VALUES
  (1, 'Müller', 'pro', 'Europe/Berlin', '2023-01-15 09:30:00', '2024-02-01 12:00:00'),
  (2, 'O''Brien', 'free', 'Europe/Dublin', '2023-03-02 18:45:10', NULL),
  (3, '李', 'plus', 'Asia/Shanghai', '2023-07-20 00:00:00', NULL),
  (4, 'Empty Nest', 'free', 'UTC', '2024-01-01 00:00:00', NULL);

INSERT INTO users (id, family_id, email, username, display_name, role, is_admin, is_active, birth_date, points, balance, bio, last_login_at, created_at, updated_at) VALUES
  (1, 1, 'anna.mueller@example.com', 'anna', 'Anna Müller', 'parent', 1, 1, '1985-04-12', 120, 15.50, 'Loves lists', '2024-03-01 08:15:30.123456', '2023-01-15 09:31:00', '2024-03-01 08:15:30'),
  (2, 1, 'Ben.Mueller@Example.com', 'ben', 'Ben Müller', 'child', 0, 1, '2012-09-30', 340, 4.25, NULL, '2024-03-02 17:00:00.000000', '2023-01-15 09:35:00', '2024-03-02 17:00:00'),
  (3, 1, 'clara@example.com', 'Clara', 'Clara 🚀', 'child', 0, 1, '2015-02-28', 0, 0.00, 'Ünïcödé bio ✓', NULL, '2023-02-01 10:00:00', '2023-02-01 10:00:00'),
  (4, 2, 'sean.obrien@example.ie', 'sean', 'Seán O''Brien', 'parent', 1, 1, '1979-11-03', 75, 100.00, 'Tea, then "chores"', '2024-02-28 21:30:00.5', '2023-03-02 18:46:00', '2024-02-28 21:30:00'),
  (5, 2, 'niamh@example.ie', 'niamh', 'Niamh', 'child', 0, 0, NULL, 15, -2.75, NULL, NULL, '2023-03-05 12:00:00', '2023-06-01 00:00:00'),
  (6, 3, 'lei@example.cn', 'lei', '李雷', 'parent', 0, 1, '1990-06-01', 500, 1234.56, '喜欢做家务', '2024-01-31 23:59:59.999999', '2023-07-20 00:05:00', '2024-01-31 23:59:59'),
  (7, 3, 'meimei@example.cn', 'MeiMei', '韩梅梅', 'child', 0, 1, '2016-12-25', 260, 3.10, 'back\\slash and 50% off_sale', NULL, '2023-07-21 08:00:00', '2023-07-21 08:00:00'),
  (8, 1, 'guest@example.com', 'guest', 'Guest', 'guest', 0, 0, NULL, 0, 0.00, '', NULL, '2024-01-05 14:00:00', '2024-01-05 14:00:00');

INSERT INTO chores (id, family_id, title, description, points, reward, frequency, tags, is_archived, due_time, created_at) VALUES
  (1, 1, 'Dishes', 'Load and empty the dishwasher', 10, 1.50, 'daily', 'kitchen,daily', 0, '19:30:00', '2023-01-16 08:00:00'),
  (2, 1, 'Vacuum', 'Living room and hall', 25, 2.00, 'weekly', 'cleaning,floor', 0, NULL, '2023-01-16 08:05:00'),
  (3, 1, 'Walk the dog', NULL, 15, NULL, 'daily', 'outdoor,pets', 0, '07:15:00', '2023-01-20 07:00:00'),
  (4, 1, 'Clean car', 'Inside and out', 50, 5.00, 'monthly', 'outdoor', 1, NULL, '2023-02-10 10:00:00'),
  (5, 2, 'Take out bins', 'Tuesday night', 5, 0.50, 'weekly', 'kitchen,outdoor', 0, '21:00:00', '2023-03-03 09:00:00'),
  (6, 2, 'Homework check', '', 0, 0.00, 'daily', NULL, 0, '18:00:00', '2023-03-03 09:10:00'),
  (7, 3, '整理房间', 'Tidy the room — 每天', 20, 1.25, 'daily', 'cleaning', 0, '20:00:00', '2023-07-21 09:00:00'),
  (8, 3, 'Water plants', 'Balcony', 8, 0.33, 'weekly', 'outdoor,plants', 0, NULL, '2023-07-22 09:00:00'),
  (9, 1, 'dishes (weekend)', 'Same, lowercase title', 12, 1.75, 'weekly', 'kitchen', 0, '13:00:00', '2023-05-01 12:00:00'),
  (10, 2, 'Mow lawn', 'Front and back', 40, 3.00, 'monthly', 'outdoor,garden', 0, '10:00:00', '2023-04-01 10:00:00');

INSERT INTO assignments (id, chore_id, user_id, status, due_date, completed_at, rating, note) VALUES
  (1, 1, 2, 'done', '2024-03-01', '2024-03-01 19:45:00', 5, 'Great job'),
  (2, 1, 3, 'open', '2024-03-02', NULL, NULL, NULL),
  (3, 2, 2, 'done', '2024-03-03', '2024-03-04 10:00:00', 4, NULL),
  (4, 3, 3, 'skipped', '2024-03-01', NULL, NULL, 'Rain'),
  (5, 3, 2, 'done', '2024-02-29', '2024-02-29 07:30:00', 3, NULL),
  (6, 5, 5, 'done', '2024-02-27', '2024-02-27 21:05:00', 5, 'On time'),
  (7, 5, 5, 'open', '2024-03-05', NULL, NULL, NULL),
  (8, 6, 5, 'done', '2024-03-01', '2024-03-01 18:30:00', 2, 'Rushed'),
  (9, 7, 7, 'done', '2024-01-31', '2024-01-31 20:10:00', 5, '很好'),
  (10, 7, 7, 'done', '2024-02-01', '2024-02-01 20:20:00', 4, NULL),
  (11, 8, 7, 'open', '2024-02-02', NULL, NULL, NULL),
  (12, 9, 3, 'done', '2024-03-02', '2024-03-02 13:30:00', 4, NULL),
  (13, 2, 3, 'open', '2024-03-10', NULL, NULL, NULL),
  (14, 10, 4, 'done', '2024-02-15', '2024-02-15 11:00:00', 1, 'Too long'),
  (15, 1, 2, 'done', '2024-03-02', '2024-03-02 20:00:00', 5, NULL),
  (16, 4, 1, 'skipped', '2024-02-20', NULL, NULL, NULL);

INSERT INTO reward_adjustments (id, user_id, amount, multiplier, reason, created_at) VALUES
  (1, 2, 5.00, 1.0000, 'Weekly allowance', '2024-03-01 09:00:00'),
  (2, 2, -1.50, 1.0000, 'Broken plate', '2024-03-02 10:00:00'),
  (3, 3, 2.25, 1.5000, 'Bonus', '2024-03-02 11:00:00'),
  (4, 5, 0.10, 0.3333, NULL, '2024-02-28 12:00:00'),
  (5, 7, 10.00, 2.0000, '春节', '2024-02-10 08:00:00'),
  (6, 7, 0.01, 1.0000, 'Rounding', '2024-02-11 08:00:00'),
  (7, 4, 99.99, 1.2500, 'Big job', '2024-02-15 12:00:00'),
  (8, 2, 0.00, 0.0000, 'Zero', '2024-03-03 12:00:00'),
  (9, 6, 1234.56, 1.0000, NULL, '2024-01-01 00:00:00');

INSERT INTO activity_log (id, user_id, action, payload, ip, created_at) VALUES
  (1, 2, 'login', '{"device": "tablet", "os": "android", "version": 12}', '10.0.0.2', '2024-03-01 08:00:00.125'),
  (2, 2, 'complete', '{"chore_id": 1, "points": 10, "tags": ["kitchen", "daily"], "late": false}', '10.0.0.2', '2024-03-01 19:45:01.000'),
  (3, 3, 'complete', '{"chore_id": 9, "points": 12, "tags": [], "late": true, "meta": {"streak": 3}}', NULL, '2024-03-02 13:30:02.500'),
  (4, NULL, 'system', '{"job": "nightly", "ok": true, "duration_ms": 1532.25}', NULL, '2024-03-03 02:00:00.000'),
  (5, 7, 'comment', '{"text": "做得好 👍", "quote": "say \\"hi\\""}', '192.168.1.7', '2024-02-01 20:30:00.999'),
  (6, 4, 'login', '{"device": "phone", "os": "ios", "version": 17.2}', '10.0.1.4', '2024-02-28 21:29:59.000'),
  (7, 1, 'settings', NULL, '10.0.0.1', '2024-03-01 08:16:00.000'),
  (8, 6, 'login', '[1, 2, 3]', '10.0.3.6', '2024-01-31 23:59:59.999');

INSERT INTO settings (family_id, name, value, version) VALUES
  (1, 'currency', 'EUR', 1),
  (1, 'week_start', 'monday', 2),
  (2, 'currency', 'EUR', 1),
  (3, 'currency', 'CNY', 1),
  (3, 'reminders', NULL, 1);

INSERT INTO daily_stats (user_id, day, completed, points) VALUES
  (2, '2024-03-01', 1, 10),
  (2, '2024-03-02', 1, 10),
  (3, '2024-03-02', 1, 12),
  (5, '2024-03-01', 1, 0);

INSERT INTO numeric_edges (id, tiny_s, tiny_u, small_s, int_s, int_u, big_s, dec_v, dbl_v, label) VALUES
  (1, -128, 0, -32768, -2147483648, 0, -9223372036854775808, -99999999999999.999999, -1.5e300, 'minimum'),
  (2, 127, 255, 32767, 2147483647, 4294967295, 9223372036854775807, 99999999999999.999999, 1.7976931348623157e308, 'maximum'),
  (3, 0, 0, 0, 0, 0, 0, 0.000000, 0, 'zero'),
  (4, -1, 1, -1, -7, 7, -3, 2.500000, 0.1, 'small'),
  (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'nulls'),
  (6, 3, 3, 10, 10, 3, 100, 0.000001, 3.14159265358979, 'fractions');

INSERT INTO unsigned_edges (id, big_u) VALUES (1, 18446744073709551615), (2, 9223372036854775808), (3, 0);
