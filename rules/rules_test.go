package rules_test

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/rules"
	"github.com/zdplan/zdplan/usage"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md")

func findings(t *testing.T, current, desired string) []rules.Finding {
	t.Helper()
	from, _, err := postgres.Parse("current.sql", []byte(current))
	if err != nil {
		t.Fatal(err)
	}
	to, _, err := postgres.Parse("desired.sql", []byte(desired))
	if err != nil {
		t.Fatal(err)
	}
	return rules.Run(diff.Schemas(from, to), rules.Config{})
}

// TestEveryRule: each rule fires on a change that has the problem and
// stays quiet on a close variant that does not.
func TestEveryRule(t *testing.T) {
	const users = "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), note text);\n"
	const trig = "CREATE TABLE t (a int);\nCREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
	cases := []struct {
		rule                  string
		current, fire, silent string
	}{
		{"ZD001", users + "CREATE RULE r AS ON INSERT TO users DO INSTEAD NOTHING;",
			users + "CREATE RULE r AS ON INSERT TO users DO ALSO NOTHING;",
			users + "CREATE RULE r AS ON INSERT TO users DO INSTEAD NOTHING;"},
		{"ZD101", users,
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), note text, name text NOT NULL);",
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), note text, name text NOT NULL DEFAULT '');"},
		{"ZD102", users,
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), note integer);",
			"CREATE TABLE users (id bigint PRIMARY KEY, email text, note text);"},
		{"ZD103", users,
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), note text, token uuid DEFAULT gen_random_uuid());",
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), note text, created timestamptz DEFAULT now());"},
		{"ZD104", users,
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));",
			users},
		{"ZD105", users + "CREATE TABLE audit (id bigint PRIMARY KEY);", users, users + "CREATE TABLE audit (id bigint PRIMARY KEY);"},
		{"ZD106", users,
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), remark text);",
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), remark jsonb);"},
		{"ZD107", users,
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, note text);",
			users},
		{"ZD108", users,
			users + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
			users},
		{"ZD109", users,
			users + "CREATE INDEX users_email_idx ON users (email);",
			users + "CREATE TABLE t (a int PRIMARY KEY); CREATE INDEX t_a_idx ON t (a);"},
		{"ZD110", users + "CREATE VIEW v AS SELECT id, email FROM users;",
			users + "CREATE VIEW v AS SELECT id FROM users;",
			users + "CREATE VIEW v AS SELECT id, email FROM users;"},
		{"ZD111", "CREATE TYPE mood AS ENUM ('sad', 'happy');",
			"CREATE TYPE mood AS ENUM ('happy');",
			"CREATE TYPE mood AS ENUM ('sad', 'happy', 'meh');"},
		{"ZD112", users,
			users + "CREATE TABLE events (payload jsonb);",
			users + "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb);"},
		{"ZD113", users,
			users + "CREATE TABLE orders (id serial PRIMARY KEY);",
			users + "CREATE TABLE orders (id bigserial PRIMARY KEY);"},
		{"ZD114", users,
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), note text);",
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(300), note text);"},
		{"ZD115", users + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
			users,
			users + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);"},
		{"ZD117", "CREATE TABLE events (kind text, payload text);",
			"CREATE TABLE events (kind text,\n body text -- zdplan:renamed-from payload\n);",
			"CREATE TABLE events (kind text, body text);"},
		{"ZD118", users,
			"CREATE TABLE users (\n id bigint PRIMARY KEY, email varchar(255),\n remark text -- zdplan:renamed-from note\n);",
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), remark text);"},
		{"ZD119", users,
			"-- zdplan:renamed-from users\nCREATE TABLE people (id bigint PRIMARY KEY, email varchar(255), note text);",
			"CREATE TABLE people (id bigint PRIMARY KEY, email varchar(255), note text);"},
		{"ZD120", users,
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));\n-- zdplan:split-from users on user_id = id\nCREATE TABLE notes (user_id bigint PRIMARY KEY, note text);",
			"CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));\nCREATE TABLE notes (user_id bigint PRIMARY KEY, note text);"},
		{"ZD124", users,
			users + "ALTER TABLE users ENABLE ROW LEVEL SECURITY;",
			users + "CREATE TABLE docs (id bigint PRIMARY KEY);\nALTER TABLE docs ENABLE ROW LEVEL SECURITY;"},
		{"ZD125", users + "ALTER TABLE users ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own ON users USING (email = current_user);",
			users + "ALTER TABLE users ENABLE ROW LEVEL SECURITY;",
			users + "ALTER TABLE users ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own ON users USING (email = current_user);\nCREATE POLICY staff ON users USING (true);"},
		{"ZD127", "CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';",
			"CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 2';",
			"CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION g() RETURNS integer LANGUAGE sql AS 'SELECT 2';"},
		{"ZD142", trig + "CREATE TRIGGER t_audit AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION audit();",
			trig + "CREATE TRIGGER t_audit AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION audit();\nALTER TABLE t DISABLE TRIGGER t_audit;",
			trig + "CREATE TRIGGER t_audit AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION audit();\nALTER TABLE t ENABLE ALWAYS TRIGGER t_audit;"},
		{"ZD131", "CREATE DOMAIN price AS numeric;\nCREATE TABLE products (id bigint PRIMARY KEY, price price);",
			"CREATE DOMAIN price AS numeric CHECK (VALUE >= 0);\nCREATE TABLE products (id bigint PRIMARY KEY, price price);",
			"CREATE DOMAIN price AS numeric;\nALTER DOMAIN price ADD CONSTRAINT price_check CHECK (VALUE >= 0) NOT VALID;\nCREATE TABLE products (id bigint PRIMARY KEY, price price);"},
		{"ZD126", users + "GRANT SELECT, UPDATE ON users TO zdplan_test_app;",
			users + "GRANT SELECT ON users TO zdplan_test_app;",
			users + "GRANT SELECT, UPDATE ON users TO zdplan_test_app;\nCREATE TABLE t (a int);\nGRANT SELECT ON t TO zdplan_test_app;"},
		{"ZD129", "CREATE TABLE b (room int, during tstzrange);",
			"CREATE TABLE b (room int, during tstzrange, EXCLUDE USING gist (during WITH &&));",
			"CREATE TABLE b (room int, during tstzrange);\nCREATE TABLE c (during tstzrange, EXCLUDE USING gist (during WITH &&));"},
		{"ZD132", "CREATE TABLE ev (id bigint, kind text, at date) PARTITION BY LIST (kind);",
			"CREATE TABLE ev (id bigint, kind text, at date) PARTITION BY RANGE (at);",
			"CREATE TABLE ev (id bigint, kind text, at date) PARTITION BY LIST (kind);\nCREATE TABLE ev_a PARTITION OF ev FOR VALUES IN ('a');"},
		{"ZD133", "CREATE TABLE ev (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE ev_x (id bigint, at date);",
			"CREATE TABLE ev (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE ev_x PARTITION OF ev FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');",
			"CREATE TABLE ev (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE ev_x (id bigint, at date);\nCREATE TABLE ev_y PARTITION OF ev FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');"},
		{"ZD134", "CREATE TABLE p (id bigint);\nCREATE TABLE c (id bigint, x int) INHERITS (p);",
			"CREATE TABLE p (id bigint);\nCREATE TABLE c (id bigint, x int);",
			"CREATE TABLE p (id bigint);\nCREATE TABLE c (id bigint, x int, y int) INHERITS (p);"},
		{"ZD135", "CREATE TYPE status AS ENUM ('active', 'pending');",
			"CREATE TYPE status AS ENUM ('active', 'waiting' /* @renamed from=pending */);",
			"CREATE TYPE status AS ENUM ('active', 'pending', 'waiting');"},
		{"ZD137", "CREATE TYPE addr AS (street text);\nCREATE TABLE c (id int, a addr);",
			"CREATE TYPE addr AS (street text, zip text);\nCREATE TABLE c (id int, a addr);",
			"CREATE TYPE addr AS (street text);\nCREATE TABLE c (id int, a addr);\nCREATE TYPE other AS (x int);\nALTER TYPE other ADD ATTRIBUTE y int;"},
		{"ZD138", "CREATE TABLE g (id int, a text, b text GENERATED ALWAYS AS (lower(a)) STORED);",
			"CREATE TABLE g (id int, a text, b text);",
			"CREATE TABLE g (id int, a text, b text GENERATED ALWAYS AS (lower(a)) STORED, c text);"},
		{"ZD139", "CREATE TABLE r (id int PRIMARY KEY, v text);",
			"CREATE TABLE r (id int PRIMARY KEY, v text);\nALTER TABLE r REPLICA IDENTITY FULL;",
			"CREATE TABLE r (id int PRIMARY KEY, v text) WITH (fillfactor = 70);\nCREATE TABLE s (id int);\nALTER TABLE s REPLICA IDENTITY FULL;"},
		{"ZD140", "CREATE COLLATION k (provider = icu, locale = 'und-u-ks-level2');\nCREATE TYPE r AS RANGE (subtype = int4);",
			"CREATE COLLATION k (provider = icu, locale = 'und-u-ks-level1');\nCREATE TYPE r AS RANGE (subtype = int4);",
			"CREATE COLLATION k (provider = icu, locale = 'und-u-ks-level2');\nCREATE TYPE r AS RANGE (subtype = int4);\nCREATE COLLATION k2 (locale = 'C');\nCREATE TYPE r2 AS RANGE (subtype = int8);\nCOMMENT ON TYPE r IS 'x';"},
		{"ZD140", "CREATE TYPE r AS RANGE (subtype = int4);",
			"CREATE TYPE r AS RANGE (subtype = int8);",
			"CREATE TYPE r AS RANGE (subtype = int4);\nCOMMENT ON TYPE r IS 'x';"},
		{"ZD130", "CREATE TABLE t (id bigint NOT NULL, v text);",
			"CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY, v text);",
			"CREATE TABLE t (id bigint NOT NULL, v text, n bigint GENERATED BY DEFAULT AS IDENTITY);"},
	}
	covered := map[string]bool{"ZD116": true, "ZD121": true, "ZD122": true, "ZD123": true} // TestDropStillUsed, TestMySQLRules, TestLargeTableScan
	for _, tc := range cases {
		covered[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			has := func(fs []rules.Finding) bool {
				for _, f := range fs {
					if f.Rule.ID == tc.rule {
						if !f.Pos.IsValid() {
							t.Errorf("%s finding without a position: %+v", tc.rule, f)
						}
						return true
					}
				}
				return false
			}
			if !has(findings(t, tc.current, tc.fire)) {
				t.Errorf("%s does not fire on:\n%s", tc.rule, tc.fire)
			}
			if has(findings(t, tc.current, tc.silent)) {
				t.Errorf("%s fires on:\n%s", tc.rule, tc.silent)
			}
		})
	}
	for _, r := range rules.Catalogue {
		if !covered[r.ID] {
			t.Errorf("rule %s has no test case", r.ID)
		}
		if r.Why == "" || r.Safe == "" || r.Summary == "" {
			t.Errorf("rule %s is not fully documented", r.ID)
		}
	}
}

// TestHintsHandle: a hint turns a blocking finding into a handled one,
// because the plan then does what the rule asks for.
func TestHintsHandle(t *testing.T) {
	const users = "CREATE TABLE users (id bigint PRIMARY KEY, email text, note text);\n"
	cases := []struct {
		rule           string
		bare, withHint string
	}{
		{"ZD101",
			"CREATE TABLE users (id bigint PRIMARY KEY, email text, note text, name text NOT NULL);",
			"CREATE TABLE users (id bigint PRIMARY KEY, email text, note text, name text NOT NULL -- zdplan:backfill 'n/a'\n);"},
		{"ZD107",
			"CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, note text);",
			"CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, -- zdplan:backfill 'none'\n note text);"},
	}
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			handled := func(desired string) (found, handled bool) {
				for _, f := range findings(t, users, desired) {
					if f.Rule.ID == tc.rule {
						return true, f.Handled
					}
				}
				return false, false
			}
			if found, h := handled(tc.withHint); !found || !h {
				t.Errorf("with the hint: found=%v handled=%v, want a handled finding", found, h)
			}
			if tc.rule == "ZD101" {
				if found, h := handled(tc.bare); !found || h {
					t.Errorf("without the hint: found=%v handled=%v, want a blocking finding", found, h)
				}
			}
		})
	}
}

// TestShadowTypeChange: ZD102 blocks only when the type change stays in
// place, because something depends on the column.
func TestShadowTypeChange(t *testing.T) {
	// a: nothing depends on it; b: an index of CURRENT; c: an index only
	// DESIRED has, which expand would build on the old column.
	const current = "CREATE TABLE t (id bigint PRIMARY KEY, a text, b text, c text);\nCREATE INDEX t_b_idx ON t (b);\n"
	fs := findings(t, current, "CREATE TABLE t (id bigint PRIMARY KEY, a integer, b integer, c integer);\nCREATE INDEX t_b_idx ON t (b);\nCREATE INDEX t_c_idx ON t (c);\n")
	got := map[string]bool{}
	for _, f := range fs {
		if f.Rule.ID == "ZD102" {
			got[f.Object] = f.Handled
		}
	}
	want := map[string]bool{"public.t.a": true, "public.t.b": false, "public.t.c": false}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ZD102 handled per column (-want +got):\n%s", d)
	}
}

// TestDocsInSync: docs/rules.md is generated from the catalogue.
func TestDocsInSync(t *testing.T) {
	var b bytes.Buffer
	if err := rules.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	const path = "../docs/rules.md"
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), b.String()); d != "" {
		t.Errorf("docs/rules.md is out of date (go test ./rules -update):\n%s", d)
	}
}

func TestIDsUniqueAndOrdered(t *testing.T) {
	seen := map[string]bool{}
	prev := ""
	for _, r := range rules.Catalogue {
		if seen[r.ID] || seen[r.Name] {
			t.Errorf("duplicate rule %s %s", r.ID, r.Name)
		}
		seen[r.ID], seen[r.Name] = true, true
		if strings.Compare(prev, r.ID) >= 0 {
			t.Errorf("catalogue out of order at %s", r.ID)
		}
		prev = r.ID
	}
}

// TestDropStillUsed: ZD116 fires on a column or table the application
// still names, and only there.
func TestDropStillUsed(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(dir+"/"+name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("orders.go", "package app\n\nconst q = `SELECT id, note FROM orders WHERE id = $1`\n")
	write("users.go", "package app\n\n// note: a variable of the same name, in a file that never names the table\nvar note = 1\n")
	write("report.sql", "SELECT count(*) FROM audit;\n")
	const current = "CREATE TABLE orders (id bigint PRIMARY KEY, note text, legacy text);\nCREATE TABLE audit (id bigint PRIMARY KEY);\n"
	const desired = "CREATE TABLE orders (id bigint PRIMARY KEY);\n"
	from, _, _ := postgres.Parse("current.sql", []byte(current))
	to, _, _ := postgres.Parse("desired.sql", []byte(desired))
	d := diff.Schemas(from, to)
	ix, err := usage.Search([]string{dir}, nil, []string{"orders", "note", "legacy", "audit"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rules.Run(d, rules.Config{Usage: ix}) {
		if f.Rule.ID == "ZD116" {
			got = append(got, f.Object+": "+strings.ReplaceAll(f.Message, dir+"/", ""))
		}
	}
	want := []string{
		"public.orders.note: column public.orders.note is dropped but still used at orders.go:3",
		"public.audit: table public.audit is dropped but still used at report.sql:1",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ZD116 findings (-want +got):\n%s", d)
	}
}

func TestSuppression(t *testing.T) {
	const desired = `CREATE TABLE users (
  id bigint PRIMARY KEY,
  name text NOT NULL, -- zdplan:ignore ZD101 filled by the signup job before contract
  -- zdplan:ignore add-not-null-column-without-default
  nick text NOT NULL,
  bio text NOT NULL -- zdplan:ignore ZD999 wrong rule
);`
	fs := findings(t, "CREATE TABLE users (id bigint PRIMARY KEY);", desired)
	rules.ScanSuppressions(map[string][]byte{"desired.sql": []byte(desired)}).Apply(fs)
	got := map[string]bool{}
	for _, f := range fs {
		if f.Rule.ID == "ZD101" {
			got[f.Object] = f.Suppressed
		}
	}
	want := map[string]bool{"public.users.name": true, "public.users.nick": true, "public.users.bio": false}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("suppressed (-want +got):\n%s", d)
	}
}

func TestSeverityOverrides(t *testing.T) {
	from, _, _ := postgres.Parse("a.sql", []byte("CREATE TABLE t (id bigint PRIMARY KEY, a text);"))
	to, _, _ := postgres.Parse("b.sql", []byte("CREATE TABLE t (id bigint PRIMARY KEY, b text);"))
	d := diff.Schemas(from, to)
	sev := func(cfg rules.Config) map[string]string {
		out := map[string]string{}
		for _, f := range rules.Run(d, cfg) {
			out[f.Rule.ID] = f.Severity.String()
		}
		return out
	}
	if got := sev(rules.Config{Severities: map[string]string{"ZD106": "error", "drop-column": "off"}}); !cmp.Equal(got, map[string]string{"ZD106": "error"}) {
		t.Errorf("overrides not applied: %v", got)
	}
	for _, bad := range []map[string]string{{"ZD999": "error"}, {"ZD106": "fatal"}} {
		if err := (rules.Config{Severities: bad}).Validate(); err == nil {
			t.Errorf("Validate(%v) = nil, want an error", bad)
		}
	}
}

// TestLargeTableScan: ZD123 fires on changes that read a whole table when
// the live database says it is large, and never without sizes.
func TestLargeTableScan(t *testing.T) {
	const users = "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), note text);\n"
	for _, tc := range []struct {
		name, desired string
		rows          map[string]int64
		fire          bool
	}{
		{"index on large table", users + "CREATE INDEX users_email_idx ON users (email);", map[string]int64{"public.users": 2_000_000}, true},
		{"index on small table", users + "CREATE INDEX users_email_idx ON users (email);", map[string]int64{"public.users": 999_999}, false},
		{"no sizes", users + "CREATE INDEX users_email_idx ON users (email);", nil, false},
		{"set not null", "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, note text);", map[string]int64{"public.users": 5_000_000}, true},
		{"nullable column is catalog only", "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), note text, extra int);", map[string]int64{"public.users": 5_000_000}, false},
		{"index on a new table", users + "CREATE TABLE t (a int PRIMARY KEY); CREATE INDEX t_a_idx ON t (a);", map[string]int64{"public.users": 5_000_000}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, _, err := postgres.Parse("current.sql", []byte(users))
			if err != nil {
				t.Fatal(err)
			}
			to, _, err := postgres.Parse("desired.sql", []byte(tc.desired))
			if err != nil {
				t.Fatal(err)
			}
			fired := false
			for _, f := range rules.Run(diff.Schemas(from, to), rules.Config{TableRows: tc.rows}) {
				if f.Rule.ID == "ZD123" {
					fired = true
					if !strings.Contains(f.Message, "rows estimated") {
						t.Errorf("message does not give the estimate: %s", f.Message)
					}
				}
			}
			if fired != tc.fire {
				t.Errorf("ZD123 fired = %v, want %v", fired, tc.fire)
			}
		})
	}
}
