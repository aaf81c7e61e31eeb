CREATE TABLE "user" (
    id bigint PRIMARY KEY,
    "select" text NOT NULL,
    "from" date,
    "table" text
);

CREATE TABLE "order" (
    id bigint PRIMARY KEY,
    "user" bigint NOT NULL,
    "group" text,
    "desc" text
);
