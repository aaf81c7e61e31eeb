-- Hand-written source of truth; current.sql is mariadb-dump's rendering of exactly this schema.
CREATE TABLE users (
    id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email varchar(191) NOT NULL,
    display_name varchar(100) NOT NULL DEFAULT '',
    role enum('member', 'admin') NOT NULL DEFAULT 'member',
    score int NOT NULL DEFAULT -1,
    is_active bool NOT NULL DEFAULT true,
    bio text,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
    UNIQUE KEY users_email (email),
    FULLTEXT KEY users_bio (bio)
) COMMENT = 'Registered users';

CREATE TABLE products (
    id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku varchar(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name varchar(200) NOT NULL,
    price decimal(10,2) NOT NULL CHECK (price >= 0),
    weight_g int unsigned,
    UNIQUE KEY products_sku (sku),
    KEY products_name_prefix (name(20))
);

CREATE TABLE orders (
    id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id int unsigned NOT NULL,
    product_id bigint unsigned,
    quantity int NOT NULL DEFAULT 1,
    amount decimal(10,2) NOT NULL,
    amount_with_tax decimal(12,2) AS (amount * 1.19) STORED,
    note varchar(200) DEFAULT 'n/a' COMMENT 'free text from the customer',
    placed_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY orders_placed_at (placed_at DESC),
    CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT orders_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL,
    CONSTRAINT orders_quantity_check CHECK (quantity > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE VIEW order_summary AS
    SELECT u.email, COUNT(o.id) AS order_count, SUM(o.amount) AS total_amount
    FROM users u
    LEFT JOIN orders o ON o.user_id = u.id
    WHERE u.is_active
    GROUP BY u.email;
