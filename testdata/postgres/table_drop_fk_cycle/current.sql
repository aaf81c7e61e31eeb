CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL
);

CREATE TABLE teams (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    owner_member_id bigint
);

CREATE TABLE team_members (
    id bigint PRIMARY KEY,
    team_id bigint NOT NULL,
    user_id bigint NOT NULL REFERENCES users (id),
    role text NOT NULL DEFAULT 'member'
);

ALTER TABLE teams
    ADD CONSTRAINT teams_owner_member_id_fkey FOREIGN KEY (owner_member_id) REFERENCES team_members (id);

ALTER TABLE team_members
    ADD CONSTRAINT team_members_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE;
