CREATE TABLE users (
    id bigint CONSTRAINT users_pkey PRIMARY KEY,
    email text NOT NULL CONSTRAINT users_email_key UNIQUE,
    age integer,
    tenant_id bigint NOT NULL,
    slug text NOT NULL,
    CONSTRAINT users_tenant_id_slug_key UNIQUE (tenant_id, slug),
    CONSTRAINT users_age_check CHECK (age >= 0),
    CONSTRAINT users_slug_check CHECK (slug <> '')
);

CREATE TABLE orders (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    total numeric(10,2),
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT orders_total_check CHECK (total >= 0),
    CONSTRAINT orders_total_check1 CHECK (total < 1000000)
);

CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX users_lower_idx ON users (lower(email));
