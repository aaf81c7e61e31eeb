-- Hand-written target; current.sql is a mariadb-dump of the schema before these changes.
CREATE TABLE users (
    id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email varchar(255) NOT NULL,
    display_name varchar(100) NOT NULL DEFAULT '',
    role enum('member', 'admin', 'owner') NOT NULL DEFAULT 'member',
    phone varchar(32),
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY users_email (email)
) COMMENT = 'Registered users';

CREATE TABLE products (
    id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku varchar(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name varchar(200) NOT NULL,
    price decimal(10,2) NOT NULL CHECK (price >= 0),
    UNIQUE KEY products_sku (sku),
    KEY products_name (name)
);

CREATE TABLE orders (
    id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id int unsigned NOT NULL,
    product_id bigint unsigned,
    quantity int NOT NULL DEFAULT 1,
    amount decimal(10,2) NOT NULL,
    placed_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY orders_placed_at (placed_at),
    CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT orders_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE order_notes (
    id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id bigint unsigned NOT NULL,
    body text NOT NULL,
    CONSTRAINT order_notes_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);
