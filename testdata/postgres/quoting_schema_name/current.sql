CREATE SCHEMA "Billing Dept";

CREATE TABLE "Billing Dept"."Invoices" (
    "invoiceId" bigint PRIMARY KEY,
    "amount" numeric(10,2) NOT NULL
);
