CREATE TABLE api_keys (
    id bigint PRIMARY KEY,
    account_id bigint NOT NULL,
    label text NOT NULL,
    public_id uuid DEFAULT gen_random_uuid()
);
