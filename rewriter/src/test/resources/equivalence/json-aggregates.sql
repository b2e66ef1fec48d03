-- Issue #16 (JSON): JSON_ARRAYAGG and JSON_OBJECTAGG as jsonb_agg / jsonb_object_agg. Neither
-- database defines the order of the aggregated elements, so these entries aggregate one row per
-- group, equal values, or objects (whose member order does not count).

-- id: json-arrayagg-one-row-groups
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_ARRAYAGG(username) AS a, JSON_ARRAYAGG(points) AS b, JSON_ARRAYAGG(birth_date) AS c, JSON_ARRAYAGG(is_admin) AS d, JSON_ARRAYAGG(NULL) AS e, JSON_ARRAYAGG('x') AS f FROM users GROUP BY id ORDER BY id;

-- id: json-arrayagg-equal-values
-- category: p1.json-construct
-- order: ordered
SELECT family_id, JSON_ARRAYAGG(family_id) AS a, COUNT(*) AS n FROM users GROUP BY family_id ORDER BY family_id;

-- id: json-objectagg-groups
-- category: p1.json-construct
-- order: ordered
SELECT family_id, JSON_OBJECTAGG(username, points) AS a, JSON_OBJECTAGG(id, display_name) AS b, JSON_OBJECTAGG(username, birth_date) AS c FROM users GROUP BY family_id ORDER BY family_id;

-- id: json-objectagg-literal-key
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_OBJECTAGG('k', username) AS a, JSON_OBJECTAGG(username, 'v') AS b FROM users GROUP BY id ORDER BY id;

-- id: json-aggregates-no-rows
-- category: p1.json-construct
-- order: unordered
SELECT JSON_ARRAYAGG(points) AS a, JSON_OBJECTAGG(username, points) AS b FROM users WHERE id > 1000000;

-- id: json-arrayagg-json-column
-- category: p1.json-construct
-- order: ordered
SELECT id, JSON_ARRAYAGG(payload) AS a FROM activity_log GROUP BY id ORDER BY id;

-- id: json-aggregate-float-refused
-- category: refusals
-- mode: refuse
-- refuse: unsupported-function:JSON_ARRAYAGG
SELECT JSON_ARRAYAGG(points / 3) FROM users;

-- id: json-arrayagg-grouped
-- category: p1.json-construct
-- order: ordered
-- note: the aggregate's argument is no grouped column (outside trial, session 11: refused as group-by-not-functional); one row per group, whose order neither database defines
SELECT family_id, JSON_ARRAYAGG(username) AS names, JSON_OBJECTAGG(username, points) AS pts FROM users WHERE id IN (1, 4, 6) GROUP BY family_id ORDER BY family_id;
