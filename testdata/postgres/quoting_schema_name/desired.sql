CREATE SCHEMA "Billing Dept";

CREATE TYPE "Billing Dept"."Invoice Status" AS ENUM ('open', 'paid');

CREATE TABLE "Billing Dept"."Invoices" (
    "invoiceId" bigint PRIMARY KEY,
    "amount" numeric(10,2) NOT NULL CHECK ("amount" >= 0),
    "status" "Billing Dept"."Invoice Status" NOT NULL DEFAULT 'open'
);

CREATE TABLE "Billing Dept"."Invoice Lines" (
    "lineId" bigserial PRIMARY KEY,
    "invoiceId" bigint NOT NULL REFERENCES "Billing Dept"."Invoices" ("invoiceId"),
    "description" text NOT NULL
);

CREATE INDEX "Invoice Lines_invoiceId_idx" ON "Billing Dept"."Invoice Lines" ("invoiceId");

COMMENT ON SCHEMA "Billing Dept" IS 'Owned by finance';
COMMENT ON COLUMN "Billing Dept"."Invoices"."status" IS 'Payment state';
