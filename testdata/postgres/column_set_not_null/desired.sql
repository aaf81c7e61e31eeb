CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    country_code char(2) NOT NULL,
    signup_source text
);
