CREATE TABLE payments (
    id bigint NOT NULL PRIMARY KEY,
    amount_cents bigint NOT NULL COMMENT 'amount in the smallest currency unit',
    method varchar(20) NOT NULL COMMENT 'card, sepa or paypal',
    note varchar(200)
) COMMENT='card and bank payments';
