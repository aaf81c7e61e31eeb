package pipeline

import (
	"strings"
	"testing"
)

// TestTypeChangeUnderViews: a type change of a column that plain views
// read is planned (the views are rebuilt around it), but not when a
// materialized view reads it or DESIRED drops the view; then ZD001 names
// the view and where the column is.
func TestTypeChangeUnderViews(t *testing.T) {
	const (
		cur = "CREATE TABLE t (id bigint PRIMARY KEY, n integer);\n"
		des = "CREATE TABLE t (id bigint PRIMARY KEY,\n  n bigint);\n"
	)
	tests := []struct {
		name, current, desired string
		want                   string // ZD001 message part; "" for none
	}{
		{"plain views", "CREATE VIEW v AS SELECT n FROM t;\nCREATE VIEW w AS SELECT n FROM v;\n", "CREATE VIEW v AS SELECT n FROM t;\nCREATE VIEW w AS SELECT n FROM v;\n", ""},
		{"materialized view under a view", "CREATE VIEW v AS SELECT n FROM t;\nCREATE MATERIALIZED VIEW m AS SELECT n FROM v;\n", "CREATE VIEW v AS SELECT n FROM t;\nCREATE MATERIALIZED VIEW m AS SELECT n FROM v;\n",
			"read by materialized view public.m, which would be repopulated under the table's lock"},
		{"view dropped", "CREATE VIEW v AS SELECT n FROM t;\n", "", "read by view public.v, which DESIRED drops"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(Input{"current.sql", []byte(cur + tt.current)}, Input{"desired.sql", []byte(des + tt.desired)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				if f.Rule.ID == "ZD001" {
					got = append(got, f.Pos.String()+": "+f.Message)
				}
			}
			if tt.want == "" {
				if len(got) != 0 {
					t.Errorf("ZD001 findings = %q, want none", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0], tt.want) || !strings.HasPrefix(got[0], "desired.sql:2:") {
				t.Errorf("ZD001 findings = %q, want one at desired.sql:2 saying %q", got, tt.want)
			}
		})
	}
}
