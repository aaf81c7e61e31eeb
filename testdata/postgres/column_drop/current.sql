CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    legacy_password_md5 char(32),
    fax_number varchar(32),
    created_at timestamptz NOT NULL DEFAULT now()
);
