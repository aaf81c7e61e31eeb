INSERT INTO user_roles (user_id, role) VALUES (1, 'admin'), (1, 'billing'), (2, 'viewer');
