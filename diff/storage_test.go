package diff_test

import (
	"strings"
	"testing"
)

// TestStorageChanges: storage parameters, replica identity and a
// generated column made plain are changes of their own; parameters
// compare as sets with booleans by meaning; what has no online plan is
// unsupported with its reason; applying the diff gives DESIRED.
func TestStorageChanges(t *testing.T) {
	const tbl = "CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL, g text GENERATED ALWAYS AS (lower(a)) STORED)"
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
		why                    string // in the Unsupported's text
	}{
		{"same parameters, other order and spelling", tbl + " WITH (fillfactor = 70, autovacuum_enabled = off);",
			tbl + " WITH (autovacuum_enabled = false, fillfactor = 70);", nil, ""},
		{"parameter changed", tbl + " WITH (fillfactor = 70);", tbl + " WITH (fillfactor = 80);", []string{"SetStorageParams"}, ""},
		{"parameter dropped", tbl + " WITH (fillfactor = 70);", tbl + ";", []string{"SetStorageParams"}, ""},
		{"new table with parameters", "", tbl + " WITH (fillfactor = 70);", []string{"CreateTable"}, ""},
		{"replica identity full", tbl + ";", tbl + "; ALTER TABLE t REPLICA IDENTITY FULL;", []string{"SetReplicaIdentity"}, ""},
		{"replica identity back to default", tbl + "; ALTER TABLE t REPLICA IDENTITY FULL;", tbl + ";", []string{"SetReplicaIdentity"}, ""},
		{"new table with replica identity", "", tbl + "; ALTER TABLE t REPLICA IDENTITY USING INDEX t_pkey;", []string{"CreateTable", "SetReplicaIdentity"}, ""},
		{"identity index built again", tbl + "; CREATE UNIQUE INDEX t_a ON t (a); ALTER TABLE t REPLICA IDENTITY USING INDEX t_a;",
			tbl + "; CREATE UNIQUE INDEX t_a ON t (a, id); ALTER TABLE t REPLICA IDENTITY USING INDEX t_a;", []string{"Unsupported", "ReplaceIndex"}, "which the plan builds again"},
		{"generated made plain", tbl + ";", strings.Replace(tbl, " GENERATED ALWAYS AS (lower(a)) STORED", "", 1) + ";", []string{"DropExpression"}, ""},
		{"generated made plain with a default", tbl + ";", strings.Replace(tbl, " GENERATED ALWAYS AS (lower(a)) STORED", " DEFAULT ''", 1) + ";", []string{"DropExpression", "SetDefault"}, ""},
		{"materialized view parameters", "CREATE TABLE b (id int); CREATE MATERIALIZED VIEW m WITH (fillfactor = 70) AS SELECT id FROM b;",
			"CREATE TABLE b (id int); CREATE MATERIALIZED VIEW m AS SELECT id FROM b; ALTER MATERIALIZED VIEW m SET (fillfactor = 80);", []string{"SetViewStorageParams"}, ""},
		{"materialized view parameters reset", "CREATE TABLE b (id int); CREATE MATERIALIZED VIEW m WITH (fillfactor = 70) AS SELECT id FROM b;",
			"CREATE TABLE b (id int); CREATE MATERIALIZED VIEW m AS SELECT id FROM b;", []string{"SetViewStorageParams"}, ""},
		{"made plain on an inheritance parent", tbl + "; CREATE TABLE c (x int) INHERITS (t);",
			strings.Replace(tbl, " GENERATED ALWAYS AS (lower(a)) STORED", "", 1) + "; CREATE TABLE c (x int) INHERITS (t);", []string{"Unsupported"}, "inheritance parent"},
		{"made plain on a partitioned table", strings.Replace(tbl, "id int PRIMARY KEY", "id int", 1) + " PARTITION BY RANGE (id); CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (10);",
			strings.Replace(strings.Replace(tbl, "id int PRIMARY KEY", "id int", 1), " GENERATED ALWAYS AS (lower(a)) STORED", "", 1) + " PARTITION BY RANGE (id); CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (10);",
			[]string{"DropExpression"}, ""},
		{"expression changed", tbl + ";", strings.Replace(tbl, "lower(a)", "upper(a)", 1) + ";", []string{"Unsupported"}, "no ALTER COLUMN ... SET EXPRESSION"},
		{"plain made generated", strings.Replace(tbl, " GENERATED ALWAYS AS (lower(a)) STORED", "", 1) + ";", tbl + ";", []string{"Unsupported"}, "no online path"},
		{"made plain and retyped", tbl + ";", strings.Replace(tbl, "g text GENERATED ALWAYS AS (lower(a)) STORED", "g varchar(10)", 1) + ";", []string{"Unsupported"}, "type changed together"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkChanges(t, tc.current, tc.desired, tc.want, tc.why) })
	}
}
