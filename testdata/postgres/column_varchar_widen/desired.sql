CREATE TABLE users (
    id bigint PRIMARY KEY,
    display_name varchar(100) NOT NULL,
    city varchar(40)
);
