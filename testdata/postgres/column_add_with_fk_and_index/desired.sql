CREATE TABLE teams (
    id bigint PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    team_id bigint REFERENCES teams (id) ON DELETE SET NULL
);

CREATE INDEX users_team_id_idx ON users (team_id);
