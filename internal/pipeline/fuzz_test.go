package pipeline

import (
	"bytes"
	"testing"

	"github.com/zdplan/zdplan/report"
)

// FuzzPlan checks properties that must hold for any pair of PostgreSQL
// schemas that parse: a schema diffed against itself plans nothing, and
// planning is deterministic byte for byte. Seeds are the testdata cases.
func FuzzPlan(f *testing.F) { fuzzPlan(f, "postgres") }

// FuzzPlanMySQL is FuzzPlan for MySQL schemas.
func FuzzPlanMySQL(f *testing.F) { fuzzPlan(f, "mysql") }

func fuzzPlan(f *testing.F, dialect string) {
	addCases(f, dialect)
	f.Fuzz(func(t *testing.T, cur, des []byte) {
		opts := Options{Dialect: dialect}
		for _, src := range [][]byte{cur, des} {
			res, err := Run(Input{"a.sql", src}, Input{"b.sql", src}, opts)
			if err != nil {
				return // bad input is the parser fuzzer's business
			}
			if !res.Plan.Empty() {
				t.Fatalf("schema against itself plans %d steps; first: %s\n%s", len(res.Plan.Steps), res.Plan.Steps[0].SQL, src)
			}
		}
		render := func() []byte {
			res, err := Run(Input{"current.sql", cur}, Input{"desired.sql", des}, opts)
			if err != nil {
				t.Skip()
			}
			var b bytes.Buffer
			if err := report.JSON(&b, res); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}
		if a, b := render(), render(); !bytes.Equal(a, b) {
			t.Fatalf("planning the same input twice gave different output")
		}
	})
}
