INSERT INTO orders (id, amount) VALUES (:n, 5);
-- Not amount_list: it is dropped and created again, and a query that
-- calls it meanwhile fails (finding ZD127).
SELECT total_amount(amount), largest_amount(amount) FROM orders WHERE id <= 10;
