CREATE TYPE subscription_tier AS ENUM ('free', 'pro', 'enterprise');

CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    tier subscription_tier NOT NULL DEFAULT 'free'
);
