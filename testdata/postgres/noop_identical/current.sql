CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id uuid NOT NULL DEFAULT gen_random_uuid(),
    email varchar(255) NOT NULL,
    username text COLLATE "C" NOT NULL,
    display_name varchar(100),
    is_active boolean NOT NULL DEFAULT true,
    tags text[] NOT NULL DEFAULT '{}',
    settings jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_public_id_key UNIQUE (public_id),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_username_length_check CHECK (char_length(username) BETWEEN 3 AND 32)
);

CREATE TABLE products (
    id serial PRIMARY KEY,
    sku varchar(32) NOT NULL UNIQUE,
    name text NOT NULL,
    price numeric(10,2) NOT NULL CHECK (price >= 0),
    stock integer NOT NULL DEFAULT 0,
    dimensions_cm integer[],
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    product_id integer NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'pending',
    quantity integer NOT NULL DEFAULT 1,
    unit_price numeric(10,2) NOT NULL,
    total numeric(12,2) GENERATED ALWAYS AS (quantity * unit_price) STORED,
    notes text,
    placed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    CONSTRAINT orders_quantity_check CHECK (quantity > 0)
);

CREATE INDEX orders_user_id_idx ON orders (user_id);

CREATE VIEW recent_orders AS
    SELECT o.id, o.user_id, o.total
    FROM orders o
    WHERE o.placed_at > now() - interval '30 days';

COMMENT ON TABLE orders IS 'Customer orders';
