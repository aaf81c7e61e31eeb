CREATE TABLE customers (
    id int unsigned NOT NULL AUTO_INCREMENT,
    name varchar(120) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE invoices (
    id bigint unsigned NOT NULL AUTO_INCREMENT,
    customer_id int unsigned NOT NULL,
    number varchar(20) NOT NULL,
    total decimal(12,2) NOT NULL DEFAULT 0.00,
    issued_on date NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY invoices_number (number),
    KEY invoices_customer (customer_id, issued_on),
    CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
