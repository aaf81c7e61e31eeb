package mysql

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	driver "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/zdplan/zdplan/schema"
)

// sqlFlags print an expression as MySQL and MariaDB accept it: names in
// backticks, strings single-quoted with backslashes escaped (the default
// sql_mode reads them as escapes), without the _utf8mb4 introducer TiDB
// attaches to every string literal. Parentheses stay as written.
const sqlFlags = format.RestoreStringSingleQuotes | format.RestoreStringEscapeBackslash |
	format.RestoreKeyWordLowercase | format.RestoreNameBackQuotes |
	format.RestoreSpacesAroundBinaryOperation | format.RestoreStringWithoutCharset

// keyFlags print the comparison key. Written parentheses are removed from
// the tree first (see normalise) and every binary operation and BETWEEN is
// bracketed instead, so the key shows the tree's shape, not the spelling.
const keyFlags = format.RestoreStringSingleQuotes | format.RestoreStringEscapeBackslash |
	format.RestoreKeyWordLowercase | format.RestoreNameBackQuotes |
	format.RestoreBracketAroundBinaryOperation | format.RestoreBracketAroundBetweenExpr |
	format.RestoreStringWithoutCharset

func restore(n ast.Node, flags format.RestoreFlags) (string, error) {
	var b strings.Builder
	if err := n.Restore(format.NewRestoreCtx(flags, &b)); err != nil {
		return "", err
	}
	return b.String(), nil
}

// exprOpts says how an expression is normalised for its key.
type exprOpts struct {
	// unqualify drops table qualifiers from column names (defaults,
	// checks and generated columns can only name their own table's
	// columns; MariaDB prints them bare).
	unqualify bool
}

// newExpr builds a schema.Expr from an expression: SQL is the expression
// restored as written, Key is restored from a re-parsed, normalised copy
// (restoring and re-parsing gives a private copy of the tree to rewrite).
func (p *state) newExpr(e ast.ExprNode, o exprOpts) (*schema.Expr, error) {
	sql, err := restore(e, sqlFlags)
	if err != nil {
		return nil, err
	}
	key, err := p.exprKey(sql, o)
	if err != nil {
		return nil, err
	}
	return &schema.Expr{SQL: sql, Key: key}, nil
}

// parseExpr parses a standalone expression.
func (p *state) parseExpr(sql string) (ast.ExprNode, error) {
	stmts, err := parseSQL(p.tp, "SELECT "+sql)
	if err != nil {
		return nil, err
	}
	sel, ok := stmts[0].(*ast.SelectStmt)
	if len(stmts) != 1 || !ok || sel.Fields == nil || len(sel.Fields.Fields) != 1 || sel.From != nil || sel.Fields.Fields[0].Expr == nil {
		return nil, fmt.Errorf("not a single expression: %s", sql)
	}
	return sel.Fields.Fields[0].Expr, nil
}

type keyMemo struct {
	sql string
	o   exprOpts
}

func (p *state) exprKey(sql string, o exprOpts) (string, error) {
	if k, ok := p.keys[keyMemo{sql, o}]; ok {
		return k, nil
	}
	e, err := p.parseExpr(sql)
	if err != nil {
		return "", fmt.Errorf("expression %s does not read back: %v", sql, err)
	}
	n, _ := e.Accept(&normaliser{o: o})
	k, err := restore(n, keyFlags)
	if err == nil {
		p.keys[keyMemo{sql, o}] = k
	}
	return k, err
}

// normaliser rewrites an expression tree to the form MariaDB prints it in
// (and that the server would store for any of its spellings).
type normaliser struct {
	o exprOpts
}

func (*normaliser) Enter(n ast.Node) (ast.Node, bool) { return n, false }

func (v *normaliser) Leave(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.ParenthesesExpr:
		return x.Expr, true
	case *ast.UnaryOperationExpr:
		if x.Op == opcode.Not || x.Op == opcode.Not2 {
			// NOT (a IS NULL) is stored as a IS NOT NULL, and so on.
			switch y := x.V.(type) {
			case *ast.IsNullExpr:
				y.Not = !y.Not
				return y, true
			case *ast.PatternInExpr:
				y.Not = !y.Not
				return y, true
			case *ast.PatternLikeOrIlikeExpr:
				y.Not = !y.Not
				return y, true
			case *ast.BetweenExpr:
				y.Not = !y.Not
				return y, true
			case *ast.IsTruthExpr:
				y.Not = !y.Not
				return y, true
			}
			x.Op = opcode.Not
		}
	case *ast.FuncCallExpr:
		name := x.FnName.L
		switch name {
		case "now", "localtime", "localtimestamp", "current_timestamp":
			name = "current_timestamp"
			if len(x.Args) == 1 {
				if s, err := restore(x.Args[0], keyFlags); err == nil && s == "0" {
					x.Args = nil
				}
			}
		case "current_date", "curdate":
			name = "curdate"
		case "current_time", "curtime":
			name = "curtime"
		case "ucase":
			name = "upper"
		case "lcase":
			name = "lower"
		case "substr":
			name = "substring"
		}
		x.FnName = ast.NewCIStr(name)
	case *ast.AggregateFuncExpr:
		// count(*) is stored as count(0) by MariaDB, restored as count(1)
		// by TiDB: any constant counts every row.
		if x.F == ast.AggFuncCount && len(x.Args) == 1 && !x.Distinct {
			if val, _, null, ok := literal(x.Args[0]); ok && !null && val != "" {
				x.Args[0] = ast.NewValueExpr(1, "", "")
			}
		}
	case *ast.ColumnNameExpr:
		if v.o.unqualify {
			x.Name.Schema = ast.NewCIStr("")
			x.Name.Table = ast.NewCIStr("")
		}
	case *ast.BinaryOperationExpr:
		if x.Op == opcode.LogicAnd || x.Op == opcode.LogicOr {
			// && and AND are one operator; restore prints the same.
			return x, true
		}
	}
	return n, true
}

// currentTimestamp recognises CURRENT_TIMESTAMP and its synonyms and
// returns its canonical spelling, as MariaDB prints it.
func (p *state) currentTimestamp(e ast.ExprNode) (string, bool) {
	f, ok := e.(*ast.FuncCallExpr)
	if !ok {
		return "", false
	}
	switch f.FnName.L {
	case "now", "localtime", "localtimestamp", "current_timestamp":
	default:
		return "", false
	}
	if len(f.Args) == 0 {
		return "current_timestamp()", true
	}
	s, err := restore(f.Args[0], keyFlags)
	if err != nil || len(f.Args) > 1 {
		return "", false
	}
	if s == "0" {
		return "current_timestamp()", true
	}
	return "current_timestamp(" + s + ")", true
}

// literal reads a constant: its value as text, and whether it was a
// string. ok is false for anything but a literal; null for NULL.
func literal(e ast.ExprNode) (val string, isString, null, ok bool) {
	neg := false
	if u, isU := e.(*ast.UnaryOperationExpr); isU && (u.Op == opcode.Minus || u.Op == opcode.Plus) {
		neg = u.Op == opcode.Minus
		e = u.V
		if _, isV := e.(*driver.ValueExpr); !isV {
			return "", false, false, false
		}
	}
	if pe, isP := e.(*ast.ParenthesesExpr); isP {
		return literal(pe.Expr)
	}
	v, isV := e.(*driver.ValueExpr)
	if !isV {
		return "", false, false, false
	}
	switch v.Kind() {
	case driver.KindNull:
		return "", false, true, true
	case driver.KindString, driver.KindBytes:
		if neg {
			return "", false, false, false
		}
		return v.GetString(), true, false, true
	case driver.KindBinaryLiteral:
		n := new(big.Int).SetBytes(v.GetBytes())
		val = n.String()
	default:
		s, err := restore(v, keyFlags)
		if err != nil {
			return "", false, false, false
		}
		switch s {
		case "true":
			s = "1"
		case "false":
			s = "0"
		}
		val = s
	}
	if neg {
		val = "-" + val
	}
	return val, false, false, true
}

// canonicalNumber returns the exact value of a numeric literal (or of a
// string that holds one, as MySQL converts it), and whether it is one.
func canonicalNumber(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		// big.Rat would compute 10^exponent exactly: a literal like
		// 1e999999999 must not take the parser down. Such values are
		// out of range for every column type anyway.
		if exp, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+")); err != nil || exp > 400 || exp < -400 {
			return "", false
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", false
	}
	return r.RatString(), true
}

var (
	datetimeLit = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d*))?)?)?$`)
	timeLit     = regexp.MustCompile(`^(-?\d{1,3}):(\d{2})(?::(\d{2})(?:\.(\d*))?)?$`)
)

// canonicalTemporal spells a date/time literal the way the server prints
// a default of a column with fractional precision fsp: '2020-01-01' for
// a DATETIME(3) is '2020-01-01 00:00:00.000'.
func canonicalTemporal(typ string, fsp int, s string) string {
	fsp = min(max(fsp, 0), 6) // MySQL's maximum fractional precision
	frac := func(f string) string {
		if fsp == 0 {
			return ""
		}
		f = (f + strings.Repeat("0", fsp))[:fsp]
		return "." + f
	}
	pad := func(x string) string {
		if x == "" {
			return "00"
		}
		if len(x) == 1 {
			return "0" + x
		}
		return x
	}
	switch typ {
	case "datetime", "timestamp":
		m := datetimeLit.FindStringSubmatch(s)
		if m == nil {
			return s
		}
		return m[1] + " " + pad(m[2]) + ":" + pad(m[3]) + ":" + pad(m[4]) + frac(m[5])
	case "time":
		m := timeLit.FindStringSubmatch(s)
		if m == nil {
			return s
		}
		h := m[1]
		neg := strings.HasPrefix(h, "-")
		h = pad(strings.TrimPrefix(h, "-"))
		if neg {
			h = "-" + h
		}
		return h + ":" + pad(m[2]) + ":" + pad(m[3]) + frac(m[4])
	}
	return s
}

// defaultExpr builds a column default (or ON UPDATE value). The key says
// what the server stores: DEFAULT 0 and DEFAULT '0' are the same for a
// numeric column, now() is CURRENT_TIMESTAMP, a date literal takes the
// column's precision. SQL is what to write after DEFAULT: a literal,
// current_timestamp(), or a parenthesised expression (MySQL 8 needs the
// parentheses, MariaDB accepts them).
func (p *state) defaultExpr(col *schema.Column, e ast.ExprNode) (*schema.Expr, error) {
	if ct, ok := p.currentTimestamp(e); ok {
		return &schema.Expr{SQL: ct, Key: ct}, nil
	}
	if val, isString, null, ok := literal(e); ok {
		if null {
			return nil, nil
		}
		typ := col.Type.Name
		switch {
		case isNumericType(typ):
			if n, ok := canonicalNumber(val); ok {
				if isString {
					val = strings.TrimSpace(val)
				}
				return &schema.Expr{SQL: val, Key: "n:" + n}, nil
			}
		case isTemporalType(typ):
			fsp := 0
			if len(col.Type.Mods) == 1 {
				fmt.Sscan(col.Type.Mods[0], &fsp)
			}
			q := QuoteLiteral(canonicalTemporal(typ, fsp, val))
			return &schema.Expr{SQL: q, Key: "s:" + q}, nil
		}
		q := QuoteLiteral(val)
		return &schema.Expr{SQL: q, Key: "s:" + q}, nil
	}
	x, err := p.newExpr(e, exprOpts{unqualify: true})
	if err != nil {
		return nil, err
	}
	return &schema.Expr{SQL: "(" + x.SQL + ")", Key: "(" + x.Key + ")"}, nil
}

// columnRefs lists the columns an expression names, in order of first
// appearance.
func columnRefs(e ast.Node) []string {
	c := &refCollector{seen: map[string]bool{}}
	e.Accept(c)
	return c.names
}

type refCollector struct {
	seen  map[string]bool
	names []string
}

func (c *refCollector) Enter(n ast.Node) (ast.Node, bool) {
	if x, ok := n.(*ast.ColumnName); ok && !c.seen[x.Name.L] {
		c.seen[x.Name.L] = true
		c.names = append(c.names, x.Name.O)
	}
	return n, false
}

func (c *refCollector) Leave(n ast.Node) (ast.Node, bool) { return n, true }
