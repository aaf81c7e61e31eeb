package mysql

import "testing"

// FuzzHintExpr: a hint expression either is refused, or is one
// expression whose printed form (what the plan contains) reads back as
// the same single expression.
func FuzzHintExpr(f *testing.F) {
	for _, seed := range []string{
		"CAST(NULLIF(`user`, '') AS SIGNED)", "'unknown@example.com'", "CONCAT(a, 'x')",
		"1); DROP TABLE t; SELECT (1", "1; DROP TABLE t", "(SELECT 1)", "a -- comment\n+ 1", "`weird -- ``name``;`",
		"CASE WHEN a > 0 THEN 'p' ELSE 'n' END", "/*! 1 */ + 1", "'it''s'", `"dq"`,
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
