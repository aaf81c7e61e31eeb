CREATE TABLE "UserAccounts" (
    "Id" bigint PRIMARY KEY,
    "userName" text NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "lastLoginAt" timestamptz,
    CONSTRAINT "UserAccounts_userName_notBlank" CHECK ("userName" <> '')
);

CREATE TABLE "Orders" (
    "Id" bigint PRIMARY KEY,
    "accountId" bigint NOT NULL REFERENCES "UserAccounts" ("Id") ON DELETE CASCADE,
    "totalAmount" numeric(12,2) NOT NULL,
    CONSTRAINT "Orders_totalAmount_Check" CHECK ("totalAmount" >= 0)
);

CREATE INDEX "Orders_accountId_idx" ON "Orders" ("accountId", "Id" DESC);
CREATE INDEX "UserAccounts_lastLoginAt_idx" ON "UserAccounts" ("lastLoginAt" DESC NULLS LAST);
CREATE UNIQUE INDEX "UserAccounts_userName_lower_idx" ON "UserAccounts" (lower("userName"));

CREATE VIEW "RecentOrders" AS
    SELECT o."Id", o."accountId", a."userName"
    FROM "Orders" o
    JOIN "UserAccounts" a ON a."Id" = o."accountId";

COMMENT ON TABLE "UserAccounts" IS 'Mixed-case table';
COMMENT ON COLUMN "UserAccounts"."createdAt" IS 'Set by the database';
