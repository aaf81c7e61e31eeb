CREATE TABLE settings (
    id int NOT NULL PRIMARY KEY,
    theme varchar(20) NOT NULL DEFAULT 'system',
    page_size smallint NOT NULL DEFAULT 50,
    locale varchar(10),
    beta tinyint(1) NOT NULL DEFAULT 0
);
