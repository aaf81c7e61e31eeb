CREATE TABLE settings (
    id int NOT NULL PRIMARY KEY,
    theme varchar(20) NOT NULL DEFAULT 'light',
    page_size smallint NOT NULL DEFAULT 25,
    locale varchar(10) DEFAULT 'en',
    beta tinyint(1) NOT NULL
);
