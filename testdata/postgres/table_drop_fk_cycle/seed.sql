INSERT INTO users (id, email) VALUES
    (1, 'alice@example.com'),
    (2, 'bob@example.com');
INSERT INTO teams (id, name) VALUES (10, 'Platform');
INSERT INTO team_members (id, team_id, user_id, role) VALUES
    (100, 10, 1, 'owner'),
    (101, 10, 2, 'member');
UPDATE teams SET owner_member_id = 100 WHERE id = 10;
