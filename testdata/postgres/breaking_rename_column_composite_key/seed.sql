INSERT INTO ledger (tenant_id, entry_id, amount, note)
SELECT t, e, e / 100.0, 'note ' || t || '/' || e FROM generate_series(1, 3) AS t, generate_series(1, 400) AS e;
