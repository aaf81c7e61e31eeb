CREATE TABLE authors (
    id int unsigned NOT NULL AUTO_INCREMENT,
    name varchar(100) NOT NULL,
    born date DEFAULT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE books (
    id int unsigned NOT NULL AUTO_INCREMENT,
    author_id int unsigned NOT NULL,
    title varchar(200) NOT NULL,
    isbn char(13) DEFAULT NULL,
    pages smallint unsigned NOT NULL DEFAULT 0,
    price decimal(8,2) NOT NULL DEFAULT 0.00,
    PRIMARY KEY (id),
    UNIQUE KEY books_isbn (isbn),
    KEY books_author (author_id),
    CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
    CONSTRAINT books_price_nonneg CHECK (price >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE VIEW long_books AS SELECT id, title, pages FROM books WHERE pages > 500;
