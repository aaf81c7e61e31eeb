CREATE SCHEMA app;
CREATE TABLE app.accounts (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, owner text);
CREATE TABLE app.members (account_id bigint NOT NULL REFERENCES app.accounts (id), member text NOT NULL);

SET search_path = app;

CREATE POLICY p_accounts ON accounts
USING (tenant_id::text = current_setting('app.tenant_id', true)::text)
WITH CHECK (tenant_id::text = current_setting('app.tenant_id', true)::text);

CREATE POLICY "Members read" ON accounts FOR SELECT TO zdplan_app
    USING (EXISTS (SELECT 1 FROM members m WHERE m.account_id = accounts.id AND m.member = current_user));

CREATE POLICY insert_own ON accounts FOR INSERT TO zdplan_app, zdplan_owner WITH CHECK (owner = current_user);
CREATE POLICY update_own ON accounts AS RESTRICTIVE FOR UPDATE TO PUBLIC USING (owner = current_user) WITH CHECK (owner IS NOT NULL);
CREATE POLICY "delete" ON accounts FOR DELETE USING (false);

CREATE TABLE "Audit" (id bigint PRIMARY KEY, account_id bigint, "When" timestamptz NOT NULL DEFAULT now());
ALTER TABLE "Audit" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Audit readers" ON "Audit" FOR SELECT TO zdplan_app USING (account_id IN (SELECT id FROM accounts));
