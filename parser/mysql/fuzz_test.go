package mysql

import (
	"bytes"
	"errors"
	"testing"

	"github.com/zdplan/zdplan/parser"
)

// checkErrorPos fails unless err is a parser.Error positioned in the file:
// on one of its lines, at most one column past that line's end.
func checkErrorPos(t *testing.T, err error, src []byte) {
	t.Helper()
	var pe *parser.Error
	if !errors.As(err, &pe) || !pe.Pos.IsValid() || pe.Pos.File != "fuzz.sql" {
		t.Fatalf("error without a position: %v", err)
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := bytes.Split(src, []byte("\n"))
	if pe.Pos.Line < 1 || pe.Pos.Line > len(lines) || pe.Pos.Col < 1 || pe.Pos.Col > len([]rune(string(lines[pe.Pos.Line-1])))+1 {
		t.Fatalf("error positioned outside the file (%d lines): %v", len(lines), err)
	}
}

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
