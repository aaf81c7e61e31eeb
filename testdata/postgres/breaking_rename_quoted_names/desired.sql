-- zdplan:renamed-from "Order Items"
CREATE TABLE "select" (
  "ID" bigint PRIMARY KEY,
  "from" text NOT NULL, -- zdplan:renamed-from "Last ""Name"""
  "user" integer -- zdplan:using nullif("user", '')::integer
);
