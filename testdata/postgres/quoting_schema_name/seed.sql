INSERT INTO "Billing Dept"."Invoices" ("invoiceId", "amount") VALUES (1, 100.00), (2, 0.00);
