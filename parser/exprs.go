package parser

import "github.com/zdplan/zdplan/schema"

// Exprs shares equal expressions within one parse. Schemas repeat the
// same few column defaults (0, the empty string, now(), an enum's first
// label) on column after column, and an Expr is never changed once the
// model holds it, so the columns can point at one copy (the 10,000-table
// benchmark pair has over 120,000 column defaults).
//
// The zero Exprs is ready to use. It is not safe for concurrent use.
type Exprs struct {
	seen map[schema.Expr]*schema.Expr
	// slab holds the shared copies (see Slab).
	slab Slab[schema.Expr]
}

// Share returns an expression equal to x that may be shared, or nil for
// nil.
func (e *Exprs) Share(x *schema.Expr) *schema.Expr {
	if x == nil {
		return nil
	}
	if y, ok := e.seen[*x]; ok {
		return y
	}
	if e.seen == nil {
		e.seen = map[schema.Expr]*schema.Expr{}
	}
	y := e.slab.Put(*x)
	e.seen[*x] = y
	return y
}
