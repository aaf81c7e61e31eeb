CREATE TABLE subscriptions (
    id bigint PRIMARY KEY,
    plan text NOT NULL DEFAULT 'free',
    seats integer NOT NULL DEFAULT 1,
    trial_days integer DEFAULT 14,
    renews_at timestamptz DEFAULT now()
);
