package diff_test

import "testing"

// TestCompositeChanges: attributes are added, altered and dropped in
// place where PostgreSQL allows it; what it does not allow under a
// column is unsupported; applying the diff gives DESIRED.
func TestCompositeChanges(t *testing.T) {
	const used = "CREATE TABLE t (c x);"
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
	}{
		{"create", ``, `CREATE TYPE x AS (a int);`, []string{"CreateCompositeType"}},
		{"drop", `CREATE TYPE x AS (a int);`, ``, []string{"DropCompositeType"}},
		{"same, spelled otherwise", `CREATE TYPE x AS (a int4, b varchar);`, `CREATE TYPE public.x AS (a integer, b character varying);`, nil},
		{"from ALTER TYPE statements", `CREATE TYPE x AS (a int, b text);`,
			`CREATE TYPE x AS (a int); ALTER TYPE x ADD ATTRIBUTE c text, ALTER ATTRIBUTE a TYPE bigint; ALTER TYPE x RENAME ATTRIBUTE c TO d;`,
			[]string{"AddAttribute", "AlterAttributeType", "DropAttribute"}},
		{"add and drop under a column", `CREATE TYPE x AS (a int, b text);` + used, `CREATE TYPE x AS (a int, c text);` + used, []string{"AddAttribute", "DropAttribute"}},
		{"type change under a column", `CREATE TYPE x AS (a int);` + used, `CREATE TYPE x AS (a bigint);` + used, []string{"Unsupported"}},
		{"collation change under a column", `CREATE TYPE x AS (a text);` + used, `CREATE TYPE x AS (a text COLLATE "C");` + used, []string{"Unsupported"}},
		{"reorder unused", `CREATE TYPE x AS (a int, b int);`, `CREATE TYPE x AS (b int, a int);`, []string{"ReplaceCompositeType"}},
		{"reorder under a column", `CREATE TYPE x AS (a int, b int);` + used, `CREATE TYPE x AS (b int, a int);` + used, []string{"Unsupported"}},
		{"comment", `CREATE TYPE x AS (a int);`, `CREATE TYPE x AS (a int); COMMENT ON TYPE x IS 'x';`, []string{"SetComment"}},
		{"comment back after a replace", `CREATE TYPE x AS (a int, b int); COMMENT ON TYPE x IS 'x';`, `CREATE TYPE x AS (b int, a int); COMMENT ON TYPE x IS 'x';`,
			[]string{"ReplaceCompositeType", "SetComment"}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkChanges(t, tc.current, tc.desired, tc.want, "") })
	}
}
