CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%_@_%');
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    backup_email email_address
);
