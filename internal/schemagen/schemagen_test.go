package schemagen

import (
	"bytes"
	"testing"
)

func TestDeterministic(t *testing.T) {
	for _, d := range Dialects {
		if !bytes.Equal(Schema(d, 50, true), Schema(d, 50, true)) {
			t.Errorf("%s: two runs differ", d)
		}
	}
}

// TestLinear: ten times the tables is about ten times the bytes, so that
// benchmark sizes scale as their names say.
func TestLinear(t *testing.T) {
	for _, d := range Dialects {
		small, large := len(Schema(d, 1000, false)), len(Schema(d, 10000, false))
		if r := float64(large) / float64(small); r < 9.5 || r > 10.5 {
			t.Errorf("%s: 10x tables gives %.2fx bytes", d, r)
		}
	}
}
