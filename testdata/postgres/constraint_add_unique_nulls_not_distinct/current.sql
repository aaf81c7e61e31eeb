CREATE TABLE promo_codes (
    id bigint PRIMARY KEY,
    code text NOT NULL,
    campaign_id bigint
);
