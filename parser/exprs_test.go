package parser

import (
	"testing"

	"github.com/zdplan/zdplan/schema"
)

func TestExprsShare(t *testing.T) {
	var e Exprs
	zero := e.Share(&schema.Expr{SQL: "0", Key: "n:0"})
	if got := e.Share(&schema.Expr{SQL: "0", Key: "n:0"}); got != zero {
		t.Errorf("an equal expression was not shared")
	}
	if got := e.Share(&schema.Expr{SQL: "0", Key: "n:0.0"}); got == zero {
		t.Errorf("an expression with another key was shared with %v", zero)
	}
	if got := e.Share(nil); got != nil {
		t.Errorf("Share(nil) = %v", got)
	}
}

func TestTypesShare(t *testing.T) {
	var ts Types
	numeric := schema.Type{Name: "numeric", Mods: []string{"10", "2"}}
	shared := ts.Share(numeric)
	if got := ts.Share(schema.Type{Name: "numeric", Mods: []string{"10", "2"}}); got != shared {
		t.Errorf("an equal type was not shared")
	}
	if !shared.Equal(numeric) {
		t.Errorf("Share(%v) = %v", numeric, shared)
	}
	// Types that differ in any one attribute, or whose modifiers would
	// run together if joined, are distinct.
	distinct := []schema.Type{
		{Name: "numeric", Mods: []string{"10"}},
		{Name: "numeric", Mods: []string{"102"}},
		{Name: "numeric", Mods: []string{"1", "02"}},
		{Name: "numeric", Mods: []string{"10", "2"}, ArrayDims: 1},
		{Schema: "public", Name: "numeric", Mods: []string{"10", "2"}},
		{Name: "int", Unsigned: true},
		{Name: "int", Unsigned: true, Zerofill: true},
		{Name: "int"},
		{Name: "enum", Mods: []string{"'a','b'"}},
		{Name: "enum", Mods: []string{"'a'", "'b'"}},
	}
	seen := map[*schema.Type]schema.Type{shared: numeric}
	for _, typ := range distinct {
		got := ts.Share(typ)
		if prev, ok := seen[got]; ok {
			t.Errorf("Share(%v) returned the type shared for %v", typ, prev)
		}
		seen[got] = typ
	}
	// A shared type's modifiers have no spare capacity for an append to a
	// copy to write into.
	mods := make([]string, 1, 4)
	mods[0] = "5"
	s := ts.Share(schema.Type{Name: "varchar", Mods: mods})
	c := *s
	c.Mods = append(c.Mods, "x")
	if len(s.Mods) != 1 || cap(s.Mods) != 1 {
		t.Errorf("shared Mods = %q (cap %d), want [5] with no spare capacity", s.Mods, cap(s.Mods))
	}
}
