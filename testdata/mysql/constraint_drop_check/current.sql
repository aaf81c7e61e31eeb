CREATE TABLE line_items (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    quantity int NOT NULL CHECK (quantity > 0),
    unit_price decimal(10,2) NOT NULL,
    CONSTRAINT line_items_price_nonneg CHECK (unit_price >= 0)
);
