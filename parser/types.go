package parser

import (
	"strconv"

	"github.com/zdplan/zdplan/schema"
)

// Types shares equal column types within one parse. A schema has a few
// dozen distinct types and, when large, hundreds of thousands of
// columns, so a column points at its type (schema.Column.Type) instead of
// holding a copy, which took a Column from the 128-byte size class to the
// 80-byte one.
//
// The zero Types is ready to use. It is not safe for concurrent use.
type Types struct {
	seen map[typeKey]*schema.Type
}

// typeKey is a schema.Type in comparable form.
type typeKey struct {
	schema, name string
	// mods is the modifiers, each prefixed with its length so that no two
	// lists encode alike; a single modifier is kept as it is.
	mods               string
	nmods, arrayDims   int32
	unsigned, zerofill bool
}

// appendLenPrefixed appends s with its length before it, so that no two
// lists of strings encode alike.
func appendLenPrefixed(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	return append(b, s...)
}

// Share returns a type equal to t that may be shared.
func (ts *Types) Share(t schema.Type) *schema.Type {
	k := typeKey{schema: t.Schema, name: t.Name, nmods: int32(len(t.Mods)), arrayDims: t.ArrayDims, unsigned: t.Unsigned, zerofill: t.Zerofill}
	switch len(t.Mods) {
	case 0:
	case 1:
		k.mods = t.Mods[0]
	default:
		var b []byte
		for _, m := range t.Mods {
			b = appendLenPrefixed(b, m)
		}
		k.mods = string(b)
	}
	if s, ok := ts.seen[k]; ok {
		return s
	}
	if ts.seen == nil {
		ts.seen = map[typeKey]*schema.Type{}
	}
	// A new variable rather than &t, which would put every t on the heap,
	// hits included. The full slice expression keeps an append to a
	// copy's Mods from writing into this one's.
	s := new(schema.Type)
	*s = t
	s.Mods = t.Mods[:len(t.Mods):len(t.Mods)]
	ts.seen[k] = s
	return s
}
