CREATE TABLE subscriptions (
    id bigint PRIMARY KEY,
    plan text NOT NULL DEFAULT 'starter',
    seats integer NOT NULL DEFAULT 5,
    trial_days integer DEFAULT 30,
    renews_at timestamptz DEFAULT (now() + interval '30 days')
);
