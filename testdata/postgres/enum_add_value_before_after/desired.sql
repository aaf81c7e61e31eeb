CREATE TYPE subscription_tier AS ENUM ('trial', 'free', 'starter', 'pro', 'team', 'enterprise');

CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    tier subscription_tier NOT NULL DEFAULT 'free'
);
