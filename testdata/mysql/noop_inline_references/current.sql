CREATE TABLE teams (
    id int NOT NULL PRIMARY KEY
);
CREATE TABLE members (
    id int NOT NULL PRIMARY KEY,
    team_id int NOT NULL REFERENCES teams (id) ON DELETE CASCADE
);
