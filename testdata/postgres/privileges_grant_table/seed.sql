INSERT INTO app.accounts (name, secret) SELECT 'account ' || g, 's' || g FROM generate_series(1, 50) AS g;
INSERT INTO public."Order Items" (account_id, qty) SELECT g % 50 + 1, g FROM generate_series(1, 200) AS g;
