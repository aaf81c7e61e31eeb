CREATE TABLE orders (id bigint PRIMARY KEY, region text NOT NULL, archived boolean NOT NULL DEFAULT false);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY by_region ON orders USING (region = current_setting('app.region', true));
