CREATE TABLE accounts (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL,
    status varchar(16) NOT NULL DEFAULT 'active',
    credits int unsigned NOT NULL DEFAULT 100,
    updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
);
