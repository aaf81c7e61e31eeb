CREATE TABLE payments (
  id bigint PRIMARY KEY,
  amount numeric(12,2) NOT NULL DEFAULT 0, -- zdplan:using coalesce(nullif(trim(amount), ''), '0')::numeric(12,2)
  note text
);
