CREATE TABLE api_keys (
    id bigint PRIMARY KEY,
    account_id bigint NOT NULL,
    label text NOT NULL
);
