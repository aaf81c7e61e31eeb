CREATE TABLE "UserAccounts" (
    "Id" bigint PRIMARY KEY,
    "userName" text NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE "Orders" (
    "Id" bigint PRIMARY KEY,
    "accountId" bigint NOT NULL,
    "totalAmount" numeric(10,2) NOT NULL
);

CREATE INDEX "Orders_accountId_idx" ON "Orders" ("accountId");
