INSERT INTO users (id, email) VALUES
    (1, 'alice@example.com'),
    (2, 'bob@example.com');
INSERT INTO login_audit (user_id, ip) VALUES
    (1, '10.0.0.1'),
    (1, '10.0.0.7'),
    (2, '192.168.1.20');
