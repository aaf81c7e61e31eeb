CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text,
    country_code char(2),
    signup_source text
);
