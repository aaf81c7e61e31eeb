package postgres

import (
	"encoding/binary"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// appendShape appends an encoding of n without its source positions, for
// the node kinds most column defaults and checks are made of: constants,
// column references, operators, boolean connectives, casts and plain
// function calls. ok is false for any other kind, and for nextval, whose
// meaning canonicalise fixes by the search path.
//
// newExpr looks its memo up by this key before the general one, which
// clones the tree and walks it twice by reflection to clear positions:
// a fifth of a PostgreSQL parse, when most defaults and checks repeat.
// The encoding is exact: every node is tagged with its kind, lists and
// strings carry their lengths, and every field of these kinds is either
// encoded or required to be unset.
func appendShape(b []byte, n *pg.Node) (_ []byte, ok bool) {
	str := func(b []byte, s string) []byte {
		return append(binary.AppendUvarint(b, uint64(len(s))), s...)
	}
	list := func(b []byte, ns []*pg.Node) ([]byte, bool) {
		b = binary.AppendUvarint(b, uint64(len(ns)))
		for _, x := range ns {
			var ok bool
			if b, ok = appendShape(b, x); !ok {
				return b, false
			}
		}
		return b, true
	}
	if n == nil {
		return append(b, '-'), true
	}
	switch x := n.Node.(type) {
	case *pg.Node_String_:
		return str(append(b, 's'), x.String_.GetSval()), true
	case *pg.Node_Integer:
		return binary.AppendVarint(append(b, 'i'), int64(x.Integer.GetIval())), true
	case *pg.Node_AConst:
		c := x.AConst
		b = append(b, 'c')
		if c.Isnull {
			b = append(b, 'N')
		}
		switch v := c.Val.(type) {
		case nil:
			return append(b, '-'), true
		case *pg.A_Const_Ival:
			return binary.AppendVarint(append(b, 'i'), int64(v.Ival.GetIval())), true
		case *pg.A_Const_Fval:
			return str(append(b, 'f'), v.Fval.GetFval()), true
		case *pg.A_Const_Boolval:
			if v.Boolval.GetBoolval() {
				return append(b, 'T'), true
			}
			return append(b, 'F'), true
		case *pg.A_Const_Sval:
			return str(append(b, 's'), v.Sval.GetSval()), true
		case *pg.A_Const_Bsval:
			return str(append(b, 'x'), v.Bsval.GetBsval()), true
		}
	case *pg.Node_ColumnRef:
		return list(append(b, 'r'), x.ColumnRef.Fields)
	case *pg.Node_AExpr:
		e := x.AExpr
		b = binary.AppendUvarint(append(b, 'e'), uint64(e.Kind))
		if b, ok = list(b, e.Name); !ok {
			return b, false
		}
		if b, ok = appendShape(b, e.Lexpr); !ok {
			return b, false
		}
		return appendShape(b, e.Rexpr)
	case *pg.Node_BoolExpr:
		e := x.BoolExpr
		if e.Xpr != nil {
			return b, false
		}
		return list(binary.AppendUvarint(append(b, 'b'), uint64(e.Boolop)), e.Args)
	case *pg.Node_TypeCast:
		t := x.TypeCast.TypeName
		if t == nil || t.TypeOid != 0 || t.Setof || t.PctType {
			return b, false
		}
		if b, ok = appendShape(append(b, 't'), x.TypeCast.Arg); !ok {
			return b, false
		}
		if b, ok = list(b, t.Names); !ok {
			return b, false
		}
		if b, ok = list(b, t.Typmods); !ok {
			return b, false
		}
		return list(binary.AppendVarint(b, int64(t.Typemod)), t.ArrayBounds)
	case *pg.Node_FuncCall:
		f := x.FuncCall
		if funcName(f) == "nextval" || len(f.AggOrder) > 0 || f.AggFilter != nil || f.Over != nil ||
			f.AggWithinGroup || f.AggStar || f.AggDistinct || f.FuncVariadic {
			return b, false
		}
		if b, ok = list(binary.AppendUvarint(append(b, 'f'), uint64(f.Funcformat)), f.Funcname); !ok {
			return b, false
		}
		return list(b, f.Args)
	case *pg.Node_SqlvalueFunction:
		v := x.SqlvalueFunction
		if v.Xpr != nil {
			return b, false
		}
		b = binary.AppendUvarint(append(b, 'v'), uint64(v.Op))
		b = binary.AppendUvarint(b, uint64(v.Type))
		return binary.AppendVarint(b, int64(v.Typmod)), true
	}
	return b, false
}
