INSERT INTO items (id, sku, price, qty) SELECT g, 'sku-' || g, g, g FROM generate_series(1, 500) AS g;
