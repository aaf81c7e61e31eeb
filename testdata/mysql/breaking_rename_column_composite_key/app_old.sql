INSERT INTO ledger (tenant_id, entry_id, amount, note) VALUES (@n % 3 + 1, @n, 1, 'draft');
UPDATE ledger SET note = CONCAT('old', @n) WHERE tenant_id = @n % 3 + 1 AND entry_id = @n;
UPDATE ledger SET amount = amount + 1 WHERE tenant_id = @n % 3 + 1 AND entry_id = @n % 400 + 1;
SELECT tenant_id, entry_id, note FROM ledger WHERE tenant_id = @n % 3 + 1 AND entry_id = @n;
