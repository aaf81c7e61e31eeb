CREATE TABLE users (
    id bigint PRIMARY KEY,
    display_name varchar(50) NOT NULL,
    city varchar(40)
);
