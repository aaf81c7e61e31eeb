CREATE TABLE users (
    id serial PRIMARY KEY,
    email text NOT NULL
);

CREATE TABLE notifications (
    id bigserial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id),
    seq_no smallserial,
    message text NOT NULL
);
