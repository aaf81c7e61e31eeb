INSERT INTO scores (id, label) VALUES (1, 'Alpha'), (2, 'beta');
