CREATE TABLE teams (
    id int NOT NULL PRIMARY KEY
);
CREATE TABLE members (
    id int NOT NULL PRIMARY KEY,
    team_id int NOT NULL,
    KEY team_id (team_id),
    CONSTRAINT members_ibfk_1 FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
);
