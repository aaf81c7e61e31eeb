package postgres

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

func mustParse(t *testing.T, src string) *schema.Schema {
	t.Helper()
	s, _, err := Parse("test.sql", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	return s
}

// parseOrError parses src and, when wantErr is set, wants an error that
// says it instead: ok is false then, and the case is done.
func parseOrError(t *testing.T, src, wantErr string) (s *schema.Schema, ok bool) {
	t.Helper()
	s, _, err := Parse("test.sql", []byte(src))
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("error %v, want %q", err, wantErr)
		}
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return s, true
}

// TestImplicitNames checks the names PostgreSQL gives unnamed constraints,
// indexes and sequences.
func TestImplicitNames(t *testing.T) {
	s := mustParse(t, `
CREATE TABLE users (
  id serial PRIMARY KEY,
  email text UNIQUE,
  age int CHECK (age > 0),
  a int, b int,
  org_id int,
  CHECK (a < b),
  UNIQUE (a, b)
);
CREATE TABLE orgs (id int PRIMARY KEY);
ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;
ALTER TABLE users ADD CHECK (a > 0);
CREATE INDEX ON users (lower(email));
CREATE INDEX ON users (a, b);
CREATE INDEX ON users ((a + b));
CREATE UNIQUE INDEX ON users (email);
CREATE TABLE "a_very_long_table_name_that_goes_on_and_on_and_on_for_ever" (
  "a_very_long_column_name_that_goes_on_and_on_too" int PRIMARY KEY);
`)
	var got []string
	for _, tb := range s.Tables {
		for _, c := range tb.Constraints {
			got = append(got, c.Kind.String()+" "+c.Name)
		}
	}
	for _, i := range s.Indexes {
		got = append(got, "INDEX "+i.Name.Name)
	}
	for _, q := range s.Sequences {
		got = append(got, "SEQUENCE "+q.Name.Name)
	}
	want := []string{
		"CHECK users_age_check", "CHECK users_check",
		"PRIMARY KEY users_pkey", "UNIQUE users_email_key", "UNIQUE users_a_b_key",
		"FOREIGN KEY users_org_id_fkey", "CHECK users_a_check",
		"PRIMARY KEY orgs_pkey",
		"PRIMARY KEY a_very_long_table_name_that_goes_on_and_on_and_on_for_ever_pkey",
		"INDEX users_lower_idx", "INDEX users_a_b_idx", "INDEX users_expr_idx", "INDEX users_email_idx",
		"SEQUENCE users_id_seq",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("implicit names (-want +got):\n%s", d)
	}
	fk := s.Table(schema.Name{Schema: "public", Name: "users"}).Constraint("users_org_id_fkey")
	if d := cmp.Diff([]string{"id"}, fk.Ref.Columns); d != "" {
		t.Errorf("FK without column list should reference the primary key: %s", d)
	}
}

func TestMakeObjectName(t *testing.T) {
	for _, tc := range []struct{ n1, n2, label, want string }{
		{"users", "email", "key", "users_email_key"},
		{"users", "", "pkey", "users_pkey"},
		{strings.Repeat("t", 60), "col", "fkey", strings.Repeat("t", 54) + "_col_fkey"},
		{strings.Repeat("t", 40), strings.Repeat("c", 40), "idx", strings.Repeat("t", 29) + "_" + strings.Repeat("c", 29) + "_idx"},
	} {
		if got := makeObjectName(tc.n1, tc.n2, tc.label); got != tc.want || len(got) > 63 {
			t.Errorf("makeObjectName(%q, %q, %q) = %q, want %q", tc.n1, tc.n2, tc.label, got, tc.want)
		}
	}
}

// TestSameSchemaWrittenDifferently: pairs of spellings that must produce
// the same model.
func TestSameSchemaWrittenDifferently(t *testing.T) {
	for _, tc := range []struct{ name, a, b string }{
		{"type aliases",
			"CREATE TABLE t (a int, b int4, c varchar(5), d bool, e timestamptz, f decimal(10,2), g float8, h _text)",
			"CREATE TABLE public.t (a integer, b integer, c character varying(5), d boolean, e timestamp with time zone, f numeric(10,2), g double precision, h text[])"},
		{"identifier case", `CREATE TABLE Users (ID int)`, `CREATE TABLE "users" ("id" int)`},
		{"default casts", `CREATE TABLE t (a varchar(9) DEFAULT 'x', b int DEFAULT -1, c text DEFAULT 'y')`,
			`CREATE TABLE t (a varchar(9) DEFAULT 'x'::character varying, b int DEFAULT '-1'::integer, c text DEFAULT 'y'::text)`},
		{"boolean literals", `CREATE TABLE t (a boolean DEFAULT boolean 'f', b bool DEFAULT 'yes'::bool, c boolean DEFAULT boolean ' Of ', d boolean DEFAULT '1'::boolean)`,
			`CREATE TABLE t (a boolean DEFAULT false, b boolean DEFAULT true, c boolean DEFAULT false, d boolean DEFAULT true)`},
		{"serial", `CREATE TABLE t (id serial PRIMARY KEY)`, `
CREATE TABLE t (id integer NOT NULL);
CREATE SEQUENCE t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE t_id_seq OWNED BY t.id;
ALTER TABLE ONLY t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);
ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id);`},
		{"check spelling", `CREATE TABLE t (s varchar(5), n int, CHECK (s IN ('a','b')), CHECK (n BETWEEN 1 AND 9))`,
			`CREATE TABLE t (s varchar(5), n int,
  CONSTRAINT t_s_check CHECK (((s)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))),
  CONSTRAINT t_n_check CHECK (((n >= 1) AND (n <= 9))))`},
		{"view spelling", `CREATE TABLE t (id int, s text); CREATE VIEW v AS SELECT id, count(*) FROM t WHERE s NOT LIKE 'x%' GROUP BY 1`,
			`CREATE TABLE t (id int, s text); CREATE VIEW public.v AS SELECT t.id, count(*) AS count FROM public.t WHERE (t.s !~~ 'x%'::text) GROUP BY t.id`},
		{"SQL-syntax calls as pg_dump prints them",
			`CREATE TABLE t (ts timestamp DEFAULT (now() AT TIME ZONE 'utc'), s text, CHECK (EXTRACT(year FROM ts) > 2000), CHECK (substring(s from 1 for 2) <> 'x'))`,
			`CREATE TABLE t (ts timestamp DEFAULT (now() AT TIME ZONE 'utc'::text), s text,
  CONSTRAINT t_ts_check CHECK ((EXTRACT(year FROM ts) > (2000)::numeric)),
  CONSTRAINT t_s_check CHECK ((SUBSTRING(s FROM 1 FOR 2) <> 'x'::text)))`},
		{"search_path", `SET search_path = app; CREATE SCHEMA IF NOT EXISTS app; CREATE TABLE t (id int);`,
			`CREATE SCHEMA app; CREATE TABLE app.t (id int);`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := mustParse(t, tc.a), mustParse(t, tc.b)
			opts := []cmp.Option{cmp.FilterPath(func(p cmp.Path) bool {
				last := p.Last().String()
				return last == ".Pos" || last == ".SQL" || last == ".once" || last == ".index"
			}, cmp.Ignore())}
			if tc.name == "search_path" {
				// CREATE SCHEMA order differs; only the tables matter here.
				a.Namespaces, b.Namespaces = nil, nil
			}
			if d := cmp.Diff(a, b, opts...); d != "" {
				t.Errorf("models differ (-a +b):\n%s", d)
			}
		})
	}
}

// TestSpellingsPostgreSQLKeepsApart: expressions that mean the same but
// that PostgreSQL stores, and pg_dump prints, differently. A plan from one
// to the other must change the catalog, so the models must differ.
func TestSpellingsPostgreSQLKeepsApart(t *testing.T) {
	for _, tc := range []struct{ name, a, b string }{
		{"AT TIME ZONE in a CHECK", `CREATE TABLE t (ts timestamp, CONSTRAINT c CHECK (timezone('utc', ts) < now()))`,
			`CREATE TABLE t (ts timestamp, CONSTRAINT c CHECK ((ts AT TIME ZONE 'utc') < now()))`},
		{"AT TIME ZONE in a default", `CREATE TABLE t (ts timestamp DEFAULT timezone('utc', now()))`,
			`CREATE TABLE t (ts timestamp DEFAULT (now() AT TIME ZONE 'utc'))`},
		{"SUBSTRING", `CREATE TABLE t (s text, CONSTRAINT c CHECK (substring(s, 1, 2) <> 'x'))`,
			`CREATE TABLE t (s text, CONSTRAINT c CHECK (substring(s from 1 for 2) <> 'x'))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := mustParse(t, tc.a), mustParse(t, tc.b)
			ca, cb := a.Tables[0].Columns[0], b.Tables[0].Columns[0]
			if len(a.Tables[0].Constraints) > 0 {
				ka, kb := a.Tables[0].Constraints[0].Check.Key, b.Tables[0].Constraints[0].Check.Key
				if ka == kb {
					t.Errorf("CHECK keys are equal: %s", ka)
				}
				return
			}
			if ca.Default.Key == cb.Default.Key {
				t.Errorf("default keys are equal: %s", ca.Default.Key)
			}
		})
	}
}

// TestErrors: bad input gives a positioned error, never a panic.
func TestErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"syntax error mid-file", "CREATE TABLE a (id int);\nCREATE TABLE b (id int,,);\n", "test.sql:2:24: syntax error at or near \",\""},
		{"unterminated string", "CREATE TABLE a (s text DEFAULT 'x);\n", "test.sql:1:32: unterminated quoted string"},
		{"unterminated dollar quote", "CREATE FUNCTION f() RETURNS int AS $$ select 1;\n", "test.sql:1:36: unterminated dollar-quoted string"},
		{"table defined twice", "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\n", "test.sql:2:14: relation public.a already exists"},
		{"FK to missing table", "CREATE TABLE a (b_id int REFERENCES b (id));\n", "test.sql:1:26: foreign key a_b_id_fkey references missing table public.b"},
		{"ALTER missing table", "ALTER TABLE nope ADD COLUMN x int;\n", "test.sql:1:13: relation public.nope does not exist"},
		{"binary garbage", "CREATE TABLE a (id int);\n\x00\x01\x02\xff", "test.sql:2:1: NUL byte in input"},
		{"invalid UTF-8", "CREATE TABLE a (id int);\n-- caf\xe9\n", "test.sql:2:7: invalid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse("test.sql", []byte(tc.src))
			var pe *parser.Error
			if !errors.As(err, &pe) {
				t.Fatalf("want a *parser.Error, got %v", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error = %q, want prefix %q", err, tc.want)
			}
		})
	}
}

// TestUnsupportedIsReported: statements outside the model become
// diagnostics and Unsupported entries, never silence.
func TestUnsupportedIsReported(t *testing.T) {
	s, diags, err := Parse("test.sql", []byte(`
CREATE RULE r AS ON INSERT TO q DO INSTEAD NOTHING;
CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f();
CREATE TABLE p (id int) WITH (toast.autovacuum_enabled = false);
CREATE TABLE q2 OF some_type;
GRANT SELECT ON q2 TO public;
GRANT admin TO bob;
GRANT admin TO carol;
`))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, u := range s.Unsupported {
		kinds = append(kinds, u.Kind+"@"+u.Pos.String())
	}
	want := []string{"CREATE RULE@test.sql:2:1", "CREATE EVENT TRIGGER@test.sql:3:1", "storage parameter toast.autovacuum_enabled@test.sql:4:1",
		"CREATE TABLE ... OF (typed table)@test.sql:5:1", "GRANT/REVOKE on an unmodelled relation@test.sql:6:1"}
	if d := cmp.Diff(want, kinds); d != "" {
		t.Errorf("unsupported (-want +got):\n%s", d)
	}
	var infos int
	for _, d := range diags {
		if d.Severity == parser.Info && strings.Contains(d.Message, "GRANT") {
			infos++
		}
	}
	if infos != 1 {
		t.Errorf("GRANT of a role should be noted once as ignored, got %d notes: %v", infos, diags)
	}
}

func TestQuoteIdent(t *testing.T) {
	for in, want := range map[string]string{
		"users": "users", "user": `"user"`, "Users": `"Users"`, "first name": `"first name"`,
		`we"ird`: `"we""ird"`, "1abc": `"1abc"`, "a;b": `"a;b"`, "--": `"--"`, "select": `"select"`, "abc$1": "abc$1",
	} {
		if got := QuoteIdent(in); got != want {
			t.Errorf("QuoteIdent(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestStatementPositions checks positions both when a file is read
// statement by statement and when it falls back to one parse of the whole
// file (a SQL-standard function body holds semicolons the scanner splits
// on): the table's and column's positions, and the unsupported
// statement's, must be the same in both.
func TestStatementPositions(t *testing.T) {
	body := "CREATE FUNCTION one() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\nEND;\n"
	for _, tt := range []struct {
		name, prefix string
	}{
		{"split", "CREATE VIEW v AS SELECT 1 AS x;\n\n\n\n"},
		{"whole file", body},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.prefix + "-- the table\nCREATE TABLE t (\n  id int,\n    name text\n);\nCREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING;\n"
			s, _, err := Parse("f.sql", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			tab := s.Table(schema.Name{Schema: "public", Name: "t"})
			if tab == nil {
				t.Fatal("table t not read")
			}
			got := []schema.Pos{tab.Pos, tab.Columns[1].Pos, s.Unsupported[len(s.Unsupported)-1].Pos}
			want := []schema.Pos{{File: "f.sql", Line: 6, Col: 14}, {File: "f.sql", Line: 8, Col: 5}, {File: "f.sql", Line: 10, Col: 1}}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("positions (-want +got):\n%s", d)
			}
		})
	}
}

// TestCastOperandsKeepParentheses: pg_query's deparser writes a cast of an
// SQL-syntax call, a boolean test, a logical expression or a COLLATE clause
// without the parentheses its operand needs; such casts are written as
// CAST(... AS ...) instead, so the expression is planned, not reported as
// one that cannot be printed back.
func TestCastOperandsKeepParentheses(t *testing.T) {
	for _, tc := range []struct{ def, want string }{
		{`(now() AT TIME ZONE 'utc')::date`, `CAST(now() AT TIME ZONE 'utc' AS date)`},
		{`((current_user IS NULL) OR (random() > 0.5))::int`, `CAST(current_user IS NULL OR random() > 0.5 AS int)`},
		{`(NOT (random() > 0.5))::int`, `CAST(NOT random() > 0.5 AS int)`},
		{`((random() > 0.5) IS TRUE)::int::text`, `CAST(random() > 0.5 IS TRUE AS int)::text`},
		{`('x' COLLATE "C")::varchar(3)`, `CAST('x' COLLATE "C" AS varchar(3))`},
		{`((now() AT TIME ZONE 'utc')::date IS NULL)::int`, `CAST(CAST(now() AT TIME ZONE 'utc' AS date) IS NULL AS int)`},
		{`(now())::date`, `now()::date`},
	} {
		t.Run(tc.def, func(t *testing.T) {
			s, diags, err := Parse("test.sql", []byte("CREATE TABLE t (c text DEFAULT "+tc.def+");"))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diags {
				t.Errorf("diagnostic: %s", d.Message)
			}
			if got := s.Tables[0].Columns[0].Default.SQL; got != tc.want {
				t.Errorf("default SQL = %s, want %s", got, tc.want)
			}
		})
	}
}
