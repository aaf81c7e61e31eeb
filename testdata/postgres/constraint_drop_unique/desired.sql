CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    phone text,
    CONSTRAINT users_email_key UNIQUE (email)
);
