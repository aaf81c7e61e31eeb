CREATE TABLE tickets (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    status enum('open','in_progress','closed') NOT NULL DEFAULT 'open',
    priority ENUM('low', 'high') DEFAULT NULL
);
