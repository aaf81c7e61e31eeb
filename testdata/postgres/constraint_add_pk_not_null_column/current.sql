CREATE TABLE page_views (
    id bigint NOT NULL,
    path text NOT NULL,
    viewed_at timestamptz NOT NULL DEFAULT now()
);
