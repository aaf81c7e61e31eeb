INSERT INTO events (id, kind, payload, tags) VALUES
    (1, 'signup', '{"plan": "pro", "referrer": "newsletter"}', '{web,eu}'),
    (2, 'login', '{"ip": "10.0.0.1"}', '{ios}'),
    (3, 'purchase', '{"amount": 42.5, "currency": "EUR"}', '{}');
