CREATE TABLE "customer data" (
    id bigint PRIMARY KEY,
    "first name" text NOT NULL,
    "we""ird" text,
    "semi;colon" integer DEFAULT 0,
    "dash--dash" text DEFAULT '--;--',
    "last name" text,
    "/* not a comment */" text
);

CREATE TABLE "line;items" (
    id bigint PRIMARY KEY,
    "customer data id" bigint NOT NULL,
    "qty -- count" integer NOT NULL,
    CONSTRAINT "line;items_customer--fkey" FOREIGN KEY ("customer data id") REFERENCES "customer data" (id),
    CONSTRAINT "qty; check" CHECK ("qty -- count" > 0)
);

CREATE INDEX "customer data_first name_idx" ON "customer data" ("first name", "last name");
CREATE INDEX "idx ""quoted"" name" ON "customer data" ("we""ird") WHERE "semi;colon" <> 0;

CREATE VIEW "customer; view" AS
    SELECT id, "first name" || ' ' || coalesce("last name", '') AS "full name -- computed"
    FROM "customer data";

COMMENT ON TABLE "customer data" IS 'Has spaces; and -- dashes';
COMMENT ON COLUMN "customer data"."we""ird" IS 'it''s got a "double quote" inside; /* really */';
