-- Hand-written source of truth; current.sql is pg_dump's rendering of exactly this schema.
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name text NOT NULL DEFAULT 'x',
    role varchar(20) NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
    score integer NOT NULL DEFAULT -1,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku varchar(32) NOT NULL,
    name text NOT NULL,
    price numeric(10,2) NOT NULL CHECK (price >= 0),
    tags text[] NOT NULL DEFAULT '{}',
    attributes jsonb NOT NULL DEFAULT '{}',
    CONSTRAINT products_sku_key UNIQUE (sku)
);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id bigint REFERENCES products (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    status order_status NOT NULL DEFAULT 'pending',
    quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    amount numeric(10,2) NOT NULL,
    amount_with_tax numeric(12,2) GENERATED ALWAYS AS (amount * 1.19) STORED,
    note varchar(200) DEFAULT 'n/a',
    placed_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE invoice_number_seq START WITH 1000 INCREMENT BY 5 CACHE 10;

CREATE UNIQUE INDEX users_lower_email_idx ON users (lower(email));
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX orders_placed_at_idx ON orders (placed_at DESC) WHERE status <> 'cancelled';
CREATE INDEX products_tags_idx ON products USING gin (tags);
CREATE INDEX products_name_pattern_idx ON products (name text_pattern_ops) INCLUDE (price);

CREATE VIEW order_summary AS
    SELECT u.email, count(o.id) AS order_count, sum(o.amount) AS total_amount
    FROM users u
    LEFT JOIN orders o ON o.user_id = u.id
    WHERE u.is_active
    GROUP BY u.email;

COMMENT ON TABLE users IS 'Registered users';
COMMENT ON COLUMN users.email IS 'Login e-mail, unique';
COMMENT ON COLUMN orders.amount_with_tax IS 'Computed by the database';
COMMENT ON VIEW order_summary IS 'Per-user order statistics';
