package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/parser"
)

// FuzzApply checks that a diff says everything that differs: applying
// the changes of diff(A, B) to the model of A gives a model that diffs
// empty against B. Seeds are the testdata cases.
func FuzzApply(f *testing.F) { fuzzApply(f, "postgres") }

// FuzzApplyMySQL is FuzzApply for MySQL schemas.
func FuzzApplyMySQL(f *testing.F) { fuzzApply(f, "mysql") }

func fuzzApply(f *testing.F, dialect string) {
	addCases(f, dialect)
	f.Fuzz(func(t *testing.T, cur, des []byte) {
		d, err := parser.Lookup(dialect)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkApply(d, cur, des); err != nil {
			t.Fatalf("%v\nCURRENT:\n%s\nDESIRED:\n%s", err, cur, des)
		}
	})
}

// TestApply runs the FuzzApply property over every testdata case by
// name, so that a failure names its case.
func TestApply(t *testing.T) {
	for _, dialect := range []string{"postgres", "mysql"} {
		d, err := parser.Lookup(dialect)
		if err != nil {
			t.Fatal(err)
		}
		dirs, _ := filepath.Glob("../../testdata/" + dialect + "/*")
		for _, dir := range dirs {
			cur, err1 := os.ReadFile(filepath.Join(dir, "current.sql"))
			des, err2 := os.ReadFile(filepath.Join(dir, "desired.sql"))
			if err1 != nil || err2 != nil {
				continue
			}
			t.Run(dialect+"/"+filepath.Base(dir), func(t *testing.T) {
				if err := checkApply(d, cur, des); err != nil {
					t.Error(err)
				}
			})
		}
	}
}

func addCases(f *testing.F, dialect string) {
	dirs, _ := filepath.Glob("../../testdata/" + dialect + "/*")
	for _, d := range dirs {
		cur, err1 := os.ReadFile(filepath.Join(d, "current.sql"))
		des, err2 := os.ReadFile(filepath.Join(d, "desired.sql"))
		if err1 == nil && err2 == nil {
			f.Add(cur, des)
		}
	}
}

// checkApply parses and diffs two schemas as Run does, then applies the
// changes to CURRENT's model and diffs the result against DESIRED.
// Inputs that do not parse, and diffs with changes zdplan does not
// support, have nothing to check.
func checkApply(d parser.Dialect, cur, des []byte) error {
	from, err := parse(d, Input{"current.sql", cur})
	if err != nil {
		return nil
	}
	to, err := parse(d, Input{"desired.sql", des})
	if err != nil {
		return nil
	}
	if diff.CheckHints(from.schema, to.schema) != nil {
		return nil
	}
	df := diff.Schemas(from.schema, to.schema)
	for _, c := range df.Changes {
		if _, ok := c.(diff.Unsupported); ok {
			return nil
		}
	}
	got, err := diff.Apply(from.schema, df.Changes)
	if err != nil {
		return err
	}
	if rest := diff.Schemas(got, to.schema).Changes; len(rest) > 0 {
		var b strings.Builder
		for _, c := range rest {
			fmt.Fprintf(&b, "\n  %s %s", c.Kind(), c.Object())
		}
		return fmt.Errorf("CURRENT with the diff's %d changes applied still differs from DESIRED:%s", len(df.Changes), b.String())
	}
	return nil
}
