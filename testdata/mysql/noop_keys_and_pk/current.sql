CREATE TABLE users (
    id int NOT NULL PRIMARY KEY,
    email varchar(191) NOT NULL UNIQUE,
    team_id int NOT NULL,
    handle varchar(40) NOT NULL,
    created_at datetime NOT NULL,
    INDEX users_team (team_id, created_at),
    CONSTRAINT users_handle_uq UNIQUE (handle)
);
CREATE INDEX users_created ON users (created_at);
