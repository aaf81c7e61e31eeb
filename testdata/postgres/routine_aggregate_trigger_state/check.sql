SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM orders WHERE id <= 200) <> 200;
SELECT 'old insert not audited: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM order_audit WHERE order_id = n);
SELECT 'new insert without a note: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE (SELECT note FROM orders WHERE id = n) IS DISTINCT FROM 'n/a';
SELECT 'total_amount wrong' WHERE (SELECT total_amount(amount) FROM orders) <> (SELECT sum(amount) FROM orders);
SELECT 'amount_list not text' WHERE pg_typeof((SELECT amount_list(amount) FROM orders WHERE id <= 3)) <> 'text'::regtype;
