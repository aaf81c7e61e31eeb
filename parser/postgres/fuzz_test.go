package postgres

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/zdplan/zdplan/parser/parsertest"
)

// FuzzParse: no input panics, every error is positioned inside the file,
// and parsing is deterministic. Seeds are the testdata schemas.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/postgres/*/*.sql")
	for _, file := range files {
		if b := filepath.Base(file); b != "current.sql" && b != "desired.sql" {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, seed := range []string{
		"CREATE TABLE t (id serial PRIMARY KEY, e text UNIQUE CHECK (e <> ''))",
		"CREATE VIEW v AS SELECT 1; COMMENT ON VIEW v IS 'x'",
		"CREATE TYPE m AS ENUM ('a'); ALTER TYPE m ADD VALUE 'b' BEFORE 'a'",
		"CREATE TABLE t (a int); CREATE INDEX ON t (a) WHERE a > 0; ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID",
		"\\restrict x\nSET search_path = ''; SELECT pg_catalog.set_config('search_path', '', false);",
		"\ufeffCREATE TABLE t (\r\n  id int, -- zdplan:renamed-from x\r\n  \"" + string(bytes.Repeat([]byte("é"), 40)) + "\" int);",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, diags, err := Parse("fuzz.sql", src)
		if err != nil {
			parsertest.CheckErrorPos(t, err, "fuzz.sql", src)
		} else if s == nil {
			t.Fatal("nil schema without error")
		}
		_, diags2, err2 := Parse("fuzz.sql", src)
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) || len(diags) != len(diags2) {
			t.Fatalf("not deterministic: %v vs %v", err, err2)
		}
	})
}

// FuzzHintExpr: a hint expression either is refused, or is one
// expression whose printed form (what the plan contains) reads back as
// the same single expression.
func FuzzHintExpr(f *testing.F) {
	for _, seed := range []string{
		"nullif(age_text, '')::integer", "'unknown@example.com'", "coalesce(a, b) || 'x'",
		"1); DROP TABLE t; SELECT (1", "1; DROP TABLE t", "(SELECT 1)", "a -- comment\n+ 1", "$$x$$", `"weird -- ""name"";"`,
		"CASE WHEN a > 0 THEN 'p' ELSE 'n' END", "ARRAY[1, 2]", "now() AT TIME ZONE 'UTC'",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		e, _, err := Dialect{}.HintExpr(text)
		if err != nil {
			return
		}
		again, _, err := Dialect{}.HintExpr(e.SQL)
		if err != nil {
			t.Fatalf("%q printed as %q, which is refused: %v", text, e.SQL, err)
		}
		if again.Key != e.Key {
			t.Fatalf("%q printed as %q, which reads back as %q, not %q", text, e.SQL, again.Key, e.Key)
		}
	})
}
