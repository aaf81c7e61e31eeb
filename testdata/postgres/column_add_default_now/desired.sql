CREATE TABLE documents (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    body text,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
