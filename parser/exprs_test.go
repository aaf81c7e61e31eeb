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
