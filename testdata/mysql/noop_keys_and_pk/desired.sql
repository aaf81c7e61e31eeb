CREATE TABLE users (
    id int(11) NOT NULL,
    email varchar(191) NOT NULL,
    team_id int(11) NOT NULL,
    handle varchar(40) NOT NULL,
    created_at datetime NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY email (email),
    UNIQUE INDEX users_handle_uq (handle),
    KEY users_team (team_id, created_at) USING BTREE,
    KEY users_created (created_at)
) ENGINE = InnoDB;
