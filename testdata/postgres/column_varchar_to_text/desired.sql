CREATE TABLE articles (
    id bigint PRIMARY KEY,
    slug varchar(80) NOT NULL UNIQUE,
    summary text
);
