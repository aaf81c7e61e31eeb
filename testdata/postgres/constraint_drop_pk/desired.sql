CREATE TABLE user_roles (
    user_id bigint NOT NULL,
    role text NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX user_roles_user_id_idx ON user_roles (user_id);
