CREATE TABLE payments (
    id bigint NOT NULL PRIMARY KEY,
    amount_cents bigint NOT NULL COMMENT 'amount in cents',
    method varchar(20) NOT NULL,
    note varchar(200) COMMENT 'free text'
) COMMENT='card and bank payments';
