CREATE TABLE "customer data" (
    id bigint PRIMARY KEY,
    "first name" text NOT NULL,
    "we""ird" text,
    "semi;colon" integer,
    "dash--dash" text
);

CREATE TABLE "line;items" (
    id bigint PRIMARY KEY,
    "customer data id" bigint NOT NULL,
    "qty -- count" integer NOT NULL
);
