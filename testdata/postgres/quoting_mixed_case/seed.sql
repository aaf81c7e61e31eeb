INSERT INTO "UserAccounts" ("Id", "userName") VALUES (1, 'Alice'), (2, 'bob');
INSERT INTO "Orders" ("Id", "accountId", "totalAmount") VALUES (100, 1, 20.00), (101, 2, 35.90);
