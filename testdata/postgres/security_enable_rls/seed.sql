-- zdplan_owner and zdplan_app are cluster roles the test setup creates (internal/pgtest SharedRoles).
ALTER TABLE documents OWNER TO zdplan_owner;
INSERT INTO documents (id, tenant, body)
SELECT g, CASE g % 3 WHEN 0 THEN 'a' WHEN 1 THEN 'b' ELSE 'shared' END, 'seeded ' || g
FROM generate_series(1, 2000) AS g;
