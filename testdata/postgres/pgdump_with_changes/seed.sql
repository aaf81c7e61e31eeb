INSERT INTO public.customers (email, name, tier) VALUES
    ('ops@acme.example', 'Acme Corp', 'gold'),
    ('hello@globex.example', 'Globex', 'basic');
INSERT INTO public.tickets (customer_id, status, subject, priority, legacy_ref) VALUES
    (1, 'open', 'Invoice PDF is blank', 2, 'ZD-1041'),
    (1, 'closed', 'Password reset', -1, NULL),
    (2, 'open', 'API rate limit', 1, 'ZD-1077');
