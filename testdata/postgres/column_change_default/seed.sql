INSERT INTO subscriptions (id, plan, seats) VALUES
    (1, 'free', 1),
    (2, 'pro', 12);
