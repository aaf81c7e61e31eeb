INSERT INTO app.accounts (id, tenant_id, owner) SELECT g, g % 5, 'user' || g FROM generate_series(1, 200) AS g;
INSERT INTO app.members (account_id, member) SELECT g, 'user' || g FROM generate_series(1, 200) AS g;
