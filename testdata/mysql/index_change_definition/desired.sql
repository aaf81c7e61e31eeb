CREATE TABLE orders (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_email varchar(255) NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'new',
    reference char(12) NOT NULL,
    placed_at datetime NOT NULL,
    KEY orders_lookup (customer_email, placed_at DESC)
);
