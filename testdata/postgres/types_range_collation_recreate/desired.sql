CREATE COLLATION sort_key (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
COMMENT ON COLLATION sort_key IS 'sort key';
CREATE TYPE score_range AS RANGE (subtype = numeric, subtype_diff = numrange_subdiff);
CREATE TABLE scores (
    id bigint PRIMARY KEY,
    label text,
    label_key text COLLATE sort_key,
    band score_range
);
