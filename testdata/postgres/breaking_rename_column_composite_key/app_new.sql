INSERT INTO ledger (tenant_id, entry_id, amount, memo) VALUES (:n % 3 + 1, :n, 1, 'draft');
UPDATE ledger SET memo = 'new' || :n WHERE tenant_id = :n % 3 + 1 AND entry_id = :n;
SELECT tenant_id, entry_id, memo FROM ledger WHERE tenant_id = :n % 3 + 1 AND entry_id = :n;
