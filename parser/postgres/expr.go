package postgres

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/zdplan/zdplan/schema"
)

// deparseExpr renders one expression node as SQL. pg_query only deparses
// whole statements, so the expression is wrapped in a SELECT and the
// keyword cut off again.
func deparseExpr(n *pg.Node) (string, error) {
	n, casts, err := takeBareCasts(n)
	if err != nil {
		return "", err
	}
	sel := &pg.SelectStmt{TargetList: []*pg.Node{{Node: &pg.Node_ResTarget{ResTarget: &pg.ResTarget{Val: n}}}}}
	out, err := deparseStmt(&pg.Node{Node: &pg.Node_SelectStmt{SelectStmt: sel}})
	if err != nil {
		return "", err
	}
	sql, ok := strings.CutPrefix(out, "SELECT ")
	if !ok {
		return "", fmt.Errorf("unexpected deparse output %q", out)
	}
	// An outer cast's text holds the placeholders of the casts inside it,
	// which come first: put the outer ones back first.
	for i := len(casts) - 1; i >= 0; i-- {
		ph := `"` + castPlaceholder(i) + `"`
		if !strings.Contains(sql, ph) {
			return "", fmt.Errorf("deparse lost a cast placeholder in %q", sql)
		}
		sql = strings.Replace(sql, ph, casts[i], 1)
	}
	return sql, nil
}

// bareCastOperand reports whether pg_query's deparser writes n, the operand
// of a cast, without the parentheses it needs: (x IS NULL)::int comes out
// as x IS NULL::int, (now() AT TIME ZONE 'utc')::date as now() AT TIME
// ZONE 'utc'::date, which mean something else. (An operator's operand it
// writes as CAST(... AS ...), which needs none.)
func bareCastOperand(n *pg.Node) bool {
	switch x := n.GetNode().(type) {
	case *pg.Node_NullTest, *pg.Node_BoolExpr, *pg.Node_BooleanTest, *pg.Node_CollateClause:
		return true
	case *pg.Node_FuncCall:
		return x.FuncCall.Funcformat == pg.CoercionForm_COERCE_SQL_SYNTAX
	}
	return false
}

func castPlaceholder(i int) string { return fmt.Sprintf("zdplan cast %d", i) }

// takeBareCasts returns n with every cast of a bareCastOperand replaced by
// a placeholder column (castPlaceholder) and, by placeholder, the cast
// written as CAST(operand AS type). n itself is left as it is.
func takeBareCasts(n *pg.Node) (*pg.Node, []string, error) {
	found := false
	find := func(m *pg.Node) {
		if tc := m.GetTypeCast(); tc != nil && bareCastOperand(tc.Arg) {
			found = true
		}
	}
	walkNodes(n.ProtoReflect(), find)
	find(n)
	if !found {
		return n, nil, nil
	}
	n = proto.Clone(n).(*pg.Node)
	var (
		casts []string
		err   error
	)
	take := func(m *pg.Node) {
		tc := m.GetTypeCast()
		if err != nil || tc == nil || !bareCastOperand(tc.Arg) {
			return
		}
		var operand, typ string
		if operand, err = deparseExpr(tc.Arg); err != nil {
			return
		}
		if typ, err = deparseTypeName(tc.TypeName); err != nil {
			return
		}
		casts = append(casts, "CAST("+operand+" AS "+typ+")")
		m.Node = &pg.Node_ColumnRef{ColumnRef: &pg.ColumnRef{Fields: []*pg.Node{pg.MakeStrNode(castPlaceholder(len(casts) - 1))}}}
	}
	walkNodes(n.ProtoReflect(), take)
	take(n)
	return n, casts, err
}

// deparseTypeName writes a type name as a cast names it.
func deparseTypeName(tn *pg.TypeName) (string, error) {
	null := &pg.Node{Node: &pg.Node_AConst{AConst: &pg.A_Const{Isnull: true}}}
	out, err := deparseExpr(&pg.Node{Node: &pg.Node_TypeCast{TypeCast: &pg.TypeCast{Arg: null, TypeName: tn}}})
	if err != nil {
		return "", err
	}
	if typ, ok := strings.CutPrefix(out, "NULL::"); ok {
		return typ, nil
	}
	if typ, ok := strings.CutPrefix(out, "CAST(NULL AS "); ok && strings.HasSuffix(typ, ")") {
		return strings.TrimSuffix(typ, ")"), nil
	}
	return "", fmt.Errorf("unexpected deparse of a type name: %q", out)
}

func deparseStmt(n *pg.Node) (string, error) {
	return pg.Deparse(&pg.ParseResult{Stmts: []*pg.RawStmt{{Stmt: n}}})
}

// walkNodes calls f on every *pg.Node below m, children before parents, so
// that f may replace a node with one of its already rewritten children.
func walkNodes(m protoreflect.Message, f func(*pg.Node)) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Message() == nil || fd.IsMap() {
			return true
		}
		if fd.IsList() {
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				visitNode(l.Get(i).Message(), f)
			}
			return true
		}
		visitNode(v.Message(), f)
		return true
	})
}

func visitNode(m protoreflect.Message, f func(*pg.Node)) {
	walkNodes(m, f)
	if n, ok := m.Interface().(*pg.Node); ok {
		f(n)
	}
}

// exprContext says what an expression belongs to, for normalisation.
type exprContext struct {
	// defaultSchema qualifies unqualified relation names in the key.
	defaultSchema string
}

// newExpr builds a schema.Expr from a node. SQL is the node deparsed after
// canonical rewrites that also belong in emitted SQL (qualified sequence
// names in nextval); Key is a further normalised form used for comparison.
func (p *state) newExpr(n *pg.Node) (*schema.Expr, error) {
	if n == nil {
		return nil, nil
	}
	shape, shaped := appendShape([]byte(p.defaultSchema()+"\x00"), n)
	if shaped {
		if e, ok := p.shapeMemo[string(shape)]; ok {
			return &schema.Expr{SQL: e.SQL, Key: e.Key}, nil
		}
	}
	n = proto.Clone(n).(*pg.Node)
	walkNodes(n.ProtoReflect(), p.canonicalise)
	p.canonicalise(n)
	// Deparsing crosses into C twice per expression; schemas repeat the
	// same defaults and checks over and over, so results are memoised by
	// the node itself, positions removed.
	clearLocations(n.ProtoReflect())
	memoKey, err := proto.MarshalOptions{Deterministic: true}.MarshalAppend([]byte(p.defaultSchema()+"\x00"), n)
	if err == nil {
		if e, ok := p.exprMemo[string(memoKey)]; ok {
			if shaped {
				p.shapeMemo[string(shape)] = e
			}
			return &schema.Expr{SQL: e.SQL, Key: e.Key}, nil
		}
	}
	sql, err := deparseExpr(n)
	if err != nil {
		return nil, err
	}
	key, err := p.exprKey(n)
	if err != nil {
		return nil, err
	}
	// pg_query's deparser is not perfect (it drops the parentheses around
	// AT TIME ZONE under a cast, for one): read the SQL back, and if it
	// means something else, say so instead of emitting it.
	if back, err := p.keyOfSQL(sql); err != nil || back != key {
		if p.stmt == nil || p.inHint {
			// A hint is not a statement to report: refuse it.
			return nil, fmt.Errorf("the expression cannot be printed back faithfully (%s)", sql)
		}
		p.unsupported("expression that cannot be printed back faithfully: "+sql, "")
	}
	e := &schema.Expr{SQL: sql, Key: key}
	if memoKey != nil {
		p.exprMemo[string(memoKey)] = *e
	}
	if shaped {
		p.shapeMemo[string(shape)] = *e
	}
	return e, nil
}

// clearLocations zeroes every "location" field below m.
func clearLocations(m protoreflect.Message) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.Name() == "location" && fd.Kind() == protoreflect.Int32Kind:
			m.Clear(fd)
		case fd.Message() == nil || fd.IsMap():
		case fd.IsList():
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				clearLocations(l.Get(i).Message())
			}
		default:
			clearLocations(v.Message())
		}
		return true
	})
}

// keyOfSQL parses a standalone expression and returns its key.
func (p *state) keyOfSQL(sql string) (string, error) {
	tree, err := pg.Parse("SELECT " + sql)
	if err != nil {
		return "", err
	}
	stmts := tree.GetStmts()
	if len(stmts) != 1 || len(stmts[0].Stmt.GetSelectStmt().GetTargetList()) != 1 {
		return "", fmt.Errorf("not a single expression: %s", sql)
	}
	n := stmts[0].Stmt.GetSelectStmt().TargetList[0].GetResTarget().GetVal()
	walkNodes(n.ProtoReflect(), p.canonicalise)
	p.canonicalise(n)
	return p.exprKey(n)
}

func (p *state) exprKey(n *pg.Node) (string, error) {
	k := proto.Clone(n).(*pg.Node)
	walkNodes(k.ProtoReflect(), p.normalise)
	p.normalise(k)
	return deparseExpr(k)
}

// canonicalise rewrites nextval('seq') into nextval('schema.seq'::regclass)
// with the sequence resolved against the search path in force, the way
// PostgreSQL stores it.
func (p *state) canonicalise(n *pg.Node) {
	fc := n.GetFuncCall()
	if fc == nil || len(fc.Args) != 1 || funcName(fc) != "nextval" {
		return
	}
	arg := fc.Args[0]
	if tc := arg.GetTypeCast(); tc != nil {
		arg = tc.Arg
	}
	c := arg.GetAConst()
	if c == nil || c.GetSval() == nil {
		return
	}
	name, err := parseQualifiedName(c.GetSval().Sval)
	if err != nil {
		return
	}
	name = p.qualify(name)
	fc.Args[0] = &pg.Node{Node: &pg.Node_TypeCast{TypeCast: &pg.TypeCast{
		Arg:      pg.MakeAConstStrNode(QuoteName(name), -1),
		TypeName: &pg.TypeName{Names: []*pg.Node{pg.MakeStrNode("regclass")}, Typemod: -1},
	}}}
}

// normalise removes differences of spelling that PostgreSQL itself
// introduces when it stores and prints an expression (pg_dump output vs
// hand-written DDL): casts of literals, implicit casts of columns to text,
// IN lists printed as = ANY (ARRAY[...]), pg_catalog qualification,
// literal spelling.
func (p *state) normalise(n *pg.Node) {
	switch x := n.Node.(type) {
	case *pg.Node_AConst:
		c := x.AConst
		switch v := c.Val.(type) {
		case *pg.A_Const_Ival:
			c.Val = &pg.A_Const_Sval{Sval: &pg.String{Sval: fmt.Sprint(v.Ival.GetIval())}}
		case *pg.A_Const_Fval:
			c.Val = &pg.A_Const_Sval{Sval: &pg.String{Sval: v.Fval.GetFval()}}
		case *pg.A_Const_Boolval:
			c.Val = &pg.A_Const_Sval{Sval: &pg.String{Sval: fmt.Sprint(v.Boolval.GetBoolval())}}
		}
		c.Location = 0
	case *pg.Node_TypeCast:
		arg := x.TypeCast.Arg
		switch {
		case arg.GetAConst() != nil && isBoolType(x.TypeCast.TypeName):
			// boolean 'f' is stored as false, like the literal itself.
			if v, ok := boolLiteral(arg.GetAConst().GetSval().GetSval()); ok {
				n.Node = &pg.Node_AConst{AConst: &pg.A_Const{Val: &pg.A_Const_Sval{Sval: &pg.String{Sval: fmt.Sprint(v)}}}}
			} else {
				n.Node = arg.Node
			}
		case arg.GetAConst() != nil:
			n.Node = arg.Node
		case (arg.GetColumnRef() != nil || arg.GetAArrayExpr() != nil) && isTextish(x.TypeCast.TypeName):
			n.Node = arg.Node
		}
	case *pg.Node_AExpr:
		e := x.AExpr
		switch e.Kind {
		case pg.A_Expr_Kind_AEXPR_BETWEEN, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN:
			// PostgreSQL stores a BETWEEN b AND c as a >= b AND a <= c.
			if items := e.Rexpr.GetList().GetItems(); len(items) == 2 {
				lo, hi, op := ">=", "<=", pg.BoolExprType_AND_EXPR
				if e.Kind == pg.A_Expr_Kind_AEXPR_NOT_BETWEEN {
					lo, hi, op = "<", ">", pg.BoolExprType_OR_EXPR
				}
				n.Node = &pg.Node_BoolExpr{BoolExpr: &pg.BoolExpr{Boolop: op, Args: []*pg.Node{
					binaryOp(lo, e.Lexpr, items[0]), binaryOp(hi, proto.Clone(e.Lexpr).(*pg.Node), items[1]),
				}}}
				return
			}
		case pg.A_Expr_Kind_AEXPR_LIKE, pg.A_Expr_Kind_AEXPR_ILIKE:
			// Stored as the ~~ / ~~* operators they stand for.
			e.Kind = pg.A_Expr_Kind_AEXPR_OP
		}
		if e.Kind == pg.A_Expr_Kind_AEXPR_IN {
			items := e.Rexpr.GetList().GetItems()
			e.Rexpr = &pg.Node{Node: &pg.Node_AArrayExpr{AArrayExpr: &pg.A_ArrayExpr{Elements: items}}}
			if len(e.Name) == 1 && e.Name[0].GetString_().GetSval() == "<>" {
				e.Kind = pg.A_Expr_Kind_AEXPR_OP_ALL
			} else {
				e.Kind = pg.A_Expr_Kind_AEXPR_OP_ANY
			}
		}
		e.Name = stripCatalog(e.Name)
	case *pg.Node_FuncCall:
		// A call written in SQL syntax (x AT TIME ZONE z, EXTRACT(f FROM
		// x), SUBSTRING(x FROM n), ...) keeps its pg_catalog name, which is
		// what makes the deparser print it in that syntax again: PostgreSQL
		// stores the syntax with the call (pg_dump prints each back as it
		// was written), so timezone(z, x) and x AT TIME ZONE z are two
		// definitions of a CHECK, default or index, not one.
		if x.FuncCall.Funcformat != pg.CoercionForm_COERCE_SQL_SYNTAX {
			x.FuncCall.Funcname = stripCatalog(x.FuncCall.Funcname)
		}
		// pg_dump qualifies every call of a user function (it runs with an
		// empty search_path); a hand-written file calls it by its bare
		// name. Both mean the function in the file's default schema (for
		// a dump, whose search_path is empty: public).
		def := p.defaultSchema()
		if def == "" {
			def = "public"
		}
		if names := x.FuncCall.Funcname; len(names) == 2 && names[0].GetString_().GetSval() == def {
			x.FuncCall.Funcname = names[1:]
		}
	case *pg.Node_RangeVar:
		rv := x.RangeVar
		if rv.Schemaname == "" {
			rv.Schemaname = p.defaultSchema()
		}
		rv.Inh = true
	}
}

func binaryOp(op string, l, r *pg.Node) *pg.Node {
	return &pg.Node{Node: &pg.Node_AExpr{AExpr: &pg.A_Expr{
		Kind: pg.A_Expr_Kind_AEXPR_OP, Name: []*pg.Node{pg.MakeStrNode(op)}, Lexpr: l, Rexpr: r,
	}}}
}

func stripCatalog(names []*pg.Node) []*pg.Node {
	if len(names) == 2 && names[0].GetString_().GetSval() == "pg_catalog" {
		return names[1:]
	}
	return names
}

func funcName(fc *pg.FuncCall) string {
	if len(fc.Funcname) == 0 {
		return ""
	}
	return fc.Funcname[len(fc.Funcname)-1].GetString_().GetSval()
}

// isTextish reports whether a cast target is one of the string types
// PostgreSQL casts varchar columns to implicitly when printing.
func isBoolType(t *pg.TypeName) bool {
	if t == nil || len(t.Names) == 0 || len(t.ArrayBounds) > 0 {
		return false
	}
	switch t.Names[len(t.Names)-1].GetString_().GetSval() {
	case "bool", "boolean":
		return true
	}
	return false
}

// boolLiteral reads a string as boolin does: true, yes, on, 1 and their
// prefixes (t, y; at least "of" for off), case-insensitive, blanks around
// them ignored.
func boolLiteral(s string) (value, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return false, false
	}
	for _, w := range []struct {
		word  string
		value bool
		min   int
	}{{"true", true, 1}, {"false", false, 1}, {"yes", true, 1}, {"no", false, 1}, {"on", true, 2}, {"off", false, 2}} {
		if len(s) >= w.min && strings.HasPrefix(w.word, s) {
			return w.value, true
		}
	}
	switch s {
	case "1":
		return true, true
	case "0":
		return false, true
	}
	return false, false
}

func isTextish(t *pg.TypeName) bool {
	if t == nil || len(t.Names) == 0 {
		return false
	}
	switch t.Names[len(t.Names)-1].GetString_().GetSval() {
	case "text", "varchar", "bpchar":
		return true
	}
	return false
}

// figureColname returns the name PostgreSQL gives an expression's output
// column (FigureColnameInternal), or "" when it would call it "?column?" —
// index naming turns that into "expr".
func figureColname(n *pg.Node) string {
	switch x := n.Node.(type) {
	case *pg.Node_ColumnRef:
		f := x.ColumnRef.Fields
		if len(f) > 0 {
			return f[len(f)-1].GetString_().GetSval()
		}
	case *pg.Node_FuncCall:
		return funcName(x.FuncCall)
	case *pg.Node_TypeCast:
		if name := figureColname(x.TypeCast.Arg); name != "" {
			return name
		}
		names := x.TypeCast.TypeName.GetNames()
		if len(names) > 0 {
			return names[len(names)-1].GetString_().GetSval()
		}
	case *pg.Node_CollateClause:
		return figureColname(x.CollateClause.Arg)
	case *pg.Node_AExpr:
		if x.AExpr.Kind == pg.A_Expr_Kind_AEXPR_NULLIF {
			return "nullif"
		}
	case *pg.Node_CaseExpr:
		return "case"
	case *pg.Node_AArrayExpr:
		return "array"
	case *pg.Node_RowExpr:
		return "row"
	case *pg.Node_CoalesceExpr:
		return "coalesce"
	case *pg.Node_MinMaxExpr:
		if x.MinMaxExpr.Op == pg.MinMaxOp_IS_GREATEST {
			return "greatest"
		}
		return "least"
	case *pg.Node_SqlvalueFunction:
		return sqlValueFunctionName(x.SqlvalueFunction.Op)
	}
	return ""
}

func sqlValueFunctionName(op pg.SQLValueFunctionOp) string {
	switch op {
	case pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
		return "current_date"
	case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N:
		return "current_time"
	case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N:
		return "current_timestamp"
	case pg.SQLValueFunctionOp_SVFOP_LOCALTIME, pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
		return "localtime"
	case pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
		return "localtimestamp"
	case pg.SQLValueFunctionOp_SVFOP_CURRENT_ROLE:
		return "current_role"
	case pg.SQLValueFunctionOp_SVFOP_CURRENT_USER:
		return "current_user"
	case pg.SQLValueFunctionOp_SVFOP_USER:
		return "user"
	case pg.SQLValueFunctionOp_SVFOP_SESSION_USER:
		return "session_user"
	case pg.SQLValueFunctionOp_SVFOP_CURRENT_CATALOG:
		return "current_catalog"
	case pg.SQLValueFunctionOp_SVFOP_CURRENT_SCHEMA:
		return "current_schema"
	}
	return ""
}

// columnRefs returns the distinct column names an expression references,
// in order of first appearance.
func columnRefs(n *pg.Node) []string {
	var names []string
	seen := map[string]bool{}
	collect := func(x *pg.Node) {
		cr := x.GetColumnRef()
		if cr == nil || len(cr.Fields) == 0 {
			return
		}
		name := cr.Fields[len(cr.Fields)-1].GetString_().GetSval()
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	walkNodes(n.ProtoReflect(), collect)
	collect(n)
	return names
}
