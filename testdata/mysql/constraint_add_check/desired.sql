CREATE TABLE line_items (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    quantity int NOT NULL,
    unit_price decimal(10,2) NOT NULL,
    discount decimal(5,2) NOT NULL DEFAULT 0,
    CONSTRAINT line_items_quantity_positive CHECK (quantity > 0),
    CONSTRAINT line_items_discount_range CHECK (discount BETWEEN 0 AND 100)
);
