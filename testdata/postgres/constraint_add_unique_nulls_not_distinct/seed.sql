INSERT INTO promo_codes (id, code, campaign_id) VALUES
    (1, 'WELCOME10', NULL),
    (2, 'WELCOME10', 7),
    (3, 'SPRING24', 7);
