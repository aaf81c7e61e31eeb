CREATE COLLATION sort_key (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION sort_key IS 'sort key';
CREATE TYPE score_range AS RANGE (subtype = integer);
CREATE TABLE scores (
    id bigint PRIMARY KEY,
    label text
);
