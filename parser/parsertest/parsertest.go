// Package parsertest holds checks that the dialect parsers' tests share.
package parsertest

import (
	"bytes"
	"errors"
	"testing"

	"github.com/zdplan/zdplan/parser"
)

// CheckErrorPos fails unless err is a parser.Error positioned in file:
// on one of the lines of src, at most one column past that line's end.
func CheckErrorPos(t testing.TB, err error, file string, src []byte) {
	t.Helper()
	var pe *parser.Error
	if !errors.As(err, &pe) || !pe.Pos.IsValid() || pe.Pos.File != file {
		t.Fatalf("error without a position: %v", err)
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := bytes.Split(src, []byte("\n"))
	if line, col := int(pe.Pos.Line), int(pe.Pos.Col); line < 1 || line > len(lines) || col < 1 || col > len([]rune(string(lines[line-1])))+1 {
		t.Fatalf("error positioned outside the file (%d lines): %v", len(lines), err)
	}
}
