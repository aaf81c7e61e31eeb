CREATE TABLE line_items (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    quantity int NOT NULL,
    unit_price decimal(10,2) NOT NULL
);
