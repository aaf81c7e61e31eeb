CREATE TABLE "user" (
    id bigint PRIMARY KEY,
    "select" text NOT NULL,
    "from" date,
    "limit" integer DEFAULT 10 CHECK ("limit" > 0)
);

CREATE TABLE "order" (
    id bigint PRIMARY KEY,
    "user" bigint NOT NULL REFERENCES "user" (id),
    "group" text NOT NULL,
    "desc" text,
    "where" text DEFAULT 'and'
);

CREATE INDEX "index" ON "user" ("select");
CREATE INDEX order_group_desc_idx ON "order" ("group", "desc" DESC);
CREATE UNIQUE INDEX "order_user_where_idx" ON "order" ("user") WHERE "where" IS NOT NULL;

CREATE VIEW "check" AS
    SELECT u.id AS "column", o."group" AS "constraint"
    FROM "user" u
    JOIN "order" o ON o."user" = u.id;

COMMENT ON TABLE "order" IS 'Orders ("order" is a reserved word)';
COMMENT ON COLUMN "order"."user" IS 'References "user".id';
