CREATE TABLE promo_codes (
    id bigint PRIMARY KEY,
    code text NOT NULL,
    campaign_id bigint,
    CONSTRAINT promo_codes_code_campaign_id_key UNIQUE NULLS NOT DISTINCT (code, campaign_id)
);
