CREATE TABLE users (
    id int NOT NULL PRIMARY KEY
);
CREATE TABLE orders (
    id int NOT NULL PRIMARY KEY,
    user_id int NOT NULL,
    qty int NOT NULL CHECK (qty > 0),
    total decimal(10,2) NOT NULL,
    FOREIGN KEY (user_id) REFERENCES users (id),
    CHECK (total >= 0)
);
