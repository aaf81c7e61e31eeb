-- An enum replaced by another (no cast between enums: through text), and
-- text turned into an enum while it has a default.
CREATE TYPE order_state AS ENUM ('new', 'paid');
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TYPE label_kind AS ENUM ('none', 'gift');
CREATE TABLE orders (id int PRIMARY KEY, state order_status NOT NULL DEFAULT 'new', label label_kind DEFAULT 'gift');
