package postgres

import (
	"slices"
	"strings"
	"testing"
)

// TestStorageParams: storage parameters are kept as pg_class.reloptions
// stores them (values as written, keywords lower-cased, a bare name
// "true"), in PostgreSQL's order after SET and RESET; REPLICA IDENTITY
// and DROP EXPRESSION are read into the table.
func TestStorageParams(t *testing.T) {
	for _, tc := range []struct {
		name, sql string
		params    []string
		identity  string
		generated bool
	}{
		{"create", `CREATE TABLE t (id int) WITH (fillfactor = 70, autovacuum_enabled = false, autovacuum_vacuum_scale_factor = .01, vacuum_index_cleanup = AUTO, autovacuum_analyze_threshold = 050);`,
			[]string{"fillfactor=70", "autovacuum_enabled=false", "autovacuum_vacuum_scale_factor=.01", "vacuum_index_cleanup=auto", "autovacuum_analyze_threshold=50"}, "", false},
		{"bare name, string value", `CREATE TABLE t (id int) WITH (autovacuum_enabled, toast_tuple_target = '256');`,
			[]string{"autovacuum_enabled=true", "toast_tuple_target=256"}, "", false},
		{"oids=false is not stored", `CREATE TABLE t (id int) WITH (oids = false);`, nil, "", false},
		{"set moves a parameter to the end, reset removes", `CREATE TABLE t (id int) WITH (fillfactor = 70, parallel_workers = 2, autovacuum_enabled = off);
ALTER TABLE t SET (fillfactor = 80), RESET (parallel_workers);`,
			[]string{"autovacuum_enabled=off", "fillfactor=80"}, "", false},
		{"reset all", `CREATE TABLE t (id int) WITH (fillfactor = 70); ALTER TABLE ONLY t RESET (fillfactor, nosuch);`, nil, "", false},
		{"replica identity full", `CREATE TABLE t (id int); ALTER TABLE t REPLICA IDENTITY FULL;`, nil, "FULL", false},
		{"replica identity nothing, then default", `CREATE TABLE t (id int); ALTER TABLE t REPLICA IDENTITY NOTHING; ALTER TABLE t REPLICA IDENTITY DEFAULT;`, nil, "", false},
		{"replica identity using a unique index", `CREATE TABLE t (id int NOT NULL); CREATE UNIQUE INDEX t_id ON t (id); ALTER TABLE ONLY t REPLICA IDENTITY USING INDEX t_id;`, nil, "t_id", false},
		{"replica identity using a key", `CREATE TABLE t (id int PRIMARY KEY); ALTER TABLE t REPLICA IDENTITY USING INDEX t_pkey;`, nil, "t_pkey", false},
		{"drop expression", `CREATE TABLE t (id int, g int GENERATED ALWAYS AS (id * 2) STORED); ALTER TABLE t ALTER COLUMN g DROP EXPRESSION;`, nil, "", false},
		{"generated", `CREATE TABLE t (id int, g int GENERATED ALWAYS AS (id * 2) STORED);`, nil, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := Parse("t.sql", []byte(tc.sql))
			if err != nil {
				t.Fatal(err)
			}
			tb := s.Tables[0]
			if !slices.Equal(tb.StorageParams, tc.params) {
				t.Errorf("params %q, want %q", tb.StorageParams, tc.params)
			}
			if tb.ReplicaIdentity != tc.identity {
				t.Errorf("replica identity %q, want %q", tb.ReplicaIdentity, tc.identity)
			}
			if g := tb.Columns[len(tb.Columns)-1].Extra().Generated != nil; g != tc.generated {
				t.Errorf("generated %v, want %v", g, tc.generated)
			}
			if len(s.Unsupported) > 0 {
				t.Errorf("unsupported: %s", s.Unsupported[0].Kind)
			}
		})
	}
}

// TestViewStorageParams: a materialized view's WITH (...) and ALTER
// MATERIALIZED VIEW ... SET / RESET are kept like a table's.
func TestViewStorageParams(t *testing.T) {
	s, _, err := Parse("t.sql", []byte(`CREATE TABLE b (id int);
CREATE MATERIALIZED VIEW m WITH (fillfactor = 70, autovacuum_enabled) AS SELECT id FROM b;
ALTER MATERIALIZED VIEW m SET (fillfactor = 80), RESET (autovacuum_enabled);`))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Views[0].StorageParams; !slices.Equal(got, []string{"fillfactor=80"}) || len(s.Unsupported) > 0 {
		t.Errorf("params %q, unsupported %v", got, s.Unsupported)
	}
}

// TestIndexStorageParams: ALTER INDEX ... SET / RESET change the
// options CREATE INDEX ... WITH gave.
func TestIndexStorageParams(t *testing.T) {
	s, _, err := Parse("t.sql", []byte(`CREATE TABLE b (id int);
CREATE INDEX b_id ON b (id) WITH (fillfactor = 70, deduplicate_items = off);
ALTER INDEX b_id SET (fillfactor = 80);
ALTER INDEX public.b_id RESET (deduplicate_items);`))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Indexes[0].Options; !slices.Equal(got, []string{"fillfactor=80"}) || len(s.Unsupported) > 0 {
		t.Errorf("options %q, unsupported %v", got, s.Unsupported)
	}
}

// TestStorageParamErrors: what PostgreSQL refuses is an error with the
// statement's position, and TOAST parameters are unsupported.
func TestStorageParamErrors(t *testing.T) {
	for _, tc := range []struct{ sql, want string }{
		{"CREATE TABLE p (id int) PARTITION BY RANGE (id) WITH (fillfactor = 70);", "cannot specify storage parameters for a partitioned table"},
		{"CREATE TABLE t (id int); ALTER TABLE t REPLICA IDENTITY USING INDEX nosuch;", `index "nosuch" for table public.t does not exist`},
		{"CREATE TABLE t (id int); CREATE INDEX t_i ON t (id); ALTER TABLE t REPLICA IDENTITY USING INDEX t_i;", "cannot be used as replica identity"},
		{"CREATE TABLE t (id int, g int); ALTER TABLE t ALTER COLUMN g DROP EXPRESSION;", "is not a stored generated column"},
	} {
		_, _, err := Parse("t.sql", []byte(tc.sql))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.sql, err, tc.want)
		}
	}
	s, _, err := Parse("t.sql", []byte("CREATE TABLE t (id int) WITH (toast.autovacuum_enabled = false);\nALTER TABLE t SET (toast.fillfactor = 80);"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Unsupported) != 2 || s.Unsupported[1].Kind != "storage parameter toast.fillfactor" || s.Unsupported[1].Pos.Line != 2 {
		t.Errorf("unsupported %v", s.Unsupported)
	}
}
