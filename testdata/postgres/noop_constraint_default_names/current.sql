CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL UNIQUE,
    age integer CHECK (age >= 0),
    tenant_id bigint NOT NULL,
    slug text NOT NULL,
    UNIQUE (tenant_id, slug),
    CHECK (slug <> '')
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    total numeric(10,2) CHECK (total >= 0) CHECK (total < 1000000)
);

CREATE INDEX ON orders (user_id);
CREATE INDEX ON users (lower(email));
