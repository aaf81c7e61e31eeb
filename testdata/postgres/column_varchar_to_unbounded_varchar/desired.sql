CREATE TABLE products (
    id bigint PRIMARY KEY,
    name varchar(120) NOT NULL,
    description character varying
);
