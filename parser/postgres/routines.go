package postgres

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// This file reads extensions, functions, procedures and triggers. Their
// definitions are rendered in one canonical form by zdplan itself (not by
// pg_query's deparser), so that the file a user writes and what
// pg_get_functiondef / pg_get_triggerdef print back compare equal: implied
// defaults (VOLATILE, CALLED ON NULL INPUT, COST 100, ...) are left out,
// types are spelled as format_type spells them, names are qualified.

// pseudoTypes are the built-in types that may only appear in a function's
// signature; they are never schema-qualified.
var pseudoTypes = map[string]bool{
	"trigger": true, "event_trigger": true, "void": true, "record": true, "internal": true,
	"anyelement": true, "anyarray": true, "anynonarray": true, "anyenum": true, "anyrange": true,
	"anymultirange": true, "anycompatible": true, "anycompatiblearray": true,
	"anycompatiblenonarray": true, "anycompatiblerange": true, "anycompatiblemultirange": true,
	"cstring": true, "language_handler": true, "fdw_handler": true, "table_am_handler": true,
	"index_am_handler": true, "tsm_handler": true, "regconfig": true, "regdictionary": true,
	"regnamespace": true, "regoper": true, "regoperator": true, "regprocedure": true, "regrole": true,
	"regcollation": true, "int2vector": true, "oidvector": true, "xid": true, "cid": true, "tid": true,
}

// funcType renders a type of a function's signature as format_type does:
// without modifiers, which PostgreSQL drops there. user reports a type
// that is not built in.
func (p *state) funcType(tn *pg.TypeName) (sql string, ref *schema.Name, err error) {
	if tn.PctType {
		return "", nil, fmt.Errorf("%%TYPE references are not supported")
	}
	names := make([]string, 0, len(tn.Names))
	for _, n := range tn.Names {
		names = append(names, n.GetString_().GetSval())
	}
	last := ""
	if len(names) > 0 {
		last = names[len(names)-1]
	}
	builtin := len(names) == 1 || (len(names) == 2 && names[0] == "pg_catalog")
	if builtin && pseudoTypes[strings.TrimPrefix(last, "_")] {
		s := last
		if strings.HasPrefix(last, "_") {
			s = last[1:] + "[]"
		}
		return s + strings.Repeat("[]", len(tn.ArrayBounds)), nil, nil
	}
	c := &pg.TypeName{Names: tn.Names, ArrayBounds: tn.ArrayBounds, Typemod: -1}
	t, serial, err := p.resolveType(c)
	if err != nil {
		return "", nil, err
	}
	if serial != "" {
		return "", nil, fmt.Errorf("serial types are not allowed in a function signature")
	}
	t.Mods = nil
	if t.Schema != "" {
		ref = &schema.Name{Schema: t.Schema, Name: t.Name}
	}
	return TypeSQL(t), ref, nil
}

// funcName resolves a function's name: qualified as given, else in the
// default schema.
func (p *state) routineName(nodes []*pg.Node) (schema.Name, error) {
	return p.nameList(nodes)
}

func (p *state) createFunction(s *pg.CreateFunctionStmt) error {
	name, err := p.routineName(s.Funcname)
	if err != nil {
		return err
	}
	kind := schema.KindFunction
	word := "FUNCTION"
	if s.IsProcedure {
		kind, word = schema.KindProcedure, "PROCEDURE"
	}
	f := &schema.Function{Kind: kind, Name: name, Pos: p.stmtPos}
	var (
		params, keyParams, idArgs, outs, table, sig []string
		deps                                        []schema.Ref
	)
	addDep := func(r *schema.Name) {
		if r != nil {
			deps = append(deps, schema.Ref{Kind: "type", Name: *r})
		}
	}
	for _, n := range s.Parameters {
		fp := n.GetFunctionParameter()
		if fp == nil {
			return fmt.Errorf("function %s: unexpected parameter", name)
		}
		typ, ref, err := p.funcType(fp.ArgType)
		if err != nil {
			p.unsupported("CREATE "+word+" with "+err.Error(), name.String())
			return nil
		}
		addDep(ref)
		mode := ""
		switch fp.Mode {
		case pg.FunctionParameterMode_FUNC_PARAM_OUT:
			mode = "OUT "
			outs = append(outs, typ)
		case pg.FunctionParameterMode_FUNC_PARAM_INOUT:
			mode = "INOUT "
			outs = append(outs, typ)
			idArgs = append(idArgs, typ)
		case pg.FunctionParameterMode_FUNC_PARAM_VARIADIC:
			mode = "VARIADIC "
			idArgs = append(idArgs, "VARIADIC "+typ)
		case pg.FunctionParameterMode_FUNC_PARAM_TABLE:
			table = append(table, strings.TrimSpace(QuoteIdent(fp.Name)+" "+typ))
			continue
		default:
			idArgs = append(idArgs, typ)
		}
		if kind == schema.KindProcedure && fp.Mode == pg.FunctionParameterMode_FUNC_PARAM_OUT {
			// A procedure's OUT arguments are part of its identity.
			idArgs = append(idArgs, "OUT "+typ)
		}
		param := mode
		if fp.Name != "" {
			param += QuoteIdent(fp.Name) + " "
		}
		param += typ
		sig = append(sig, param)
		keyParam := param
		if fp.Defexpr != nil {
			f.Defaults++
			e, err := p.newExpr(fp.Defexpr)
			if err != nil {
				return fmt.Errorf("function %s: default: %w", name, err)
			}
			param += " DEFAULT " + e.SQL
			keyParam += " DEFAULT " + e.Key
		}
		params = append(params, param)
		keyParams = append(keyParams, keyParam)
	}
	f.Args = strings.Join(idArgs, ", ")
	f.Params = strings.Join(append(sig, table...), ", ")
	switch {
	case kind == schema.KindProcedure:
	case len(table) > 0:
		f.Returns = "TABLE(" + strings.Join(table, ", ") + ")"
	case s.ReturnType != nil:
		typ, ref, err := p.funcType(s.ReturnType)
		if err != nil {
			p.unsupported("CREATE FUNCTION with "+err.Error(), name.String())
			return nil
		}
		addDep(ref)
		if s.ReturnType.Setof {
			typ = "SETOF " + typ
		}
		f.Returns = typ
	case len(outs) == 1:
		f.Returns = outs[0]
	default:
		f.Returns = "record"
	}
	opts, body, err := p.routineOptions(s, f)
	if err != nil {
		return fmt.Errorf("%s %s: %w", strings.ToLower(word), name, err)
	}
	if body == "" {
		return nil // reported unsupported
	}
	head := fmt.Sprintf("CREATE %s %s(", word, QuoteName(name))
	ret := ""
	if f.Returns != "" {
		ret = " RETURNS " + f.Returns
	}
	f.Definition = head + strings.Join(params, ", ") + ")" + ret + opts + body
	f.Key = head + strings.Join(keyParams, ", ") + ")" + ret + opts + body
	f.Deps = append(deps, f.Deps...)
	return p.addFunction(f, s.Replace)
}

// routineOptions renders a routine's options (without the implied
// defaults, in a fixed order) and its body. It records the tables an
// SQL-language body reads in f.Deps: PostgreSQL checks such a body when
// the function is created.
func (p *state) routineOptions(s *pg.CreateFunctionStmt, f *schema.Function) (string, string, error) {
	var (
		lang, volatility, parallel, cost, rows, support string
		strict, definer, leakproof, window              bool
		sets, as                                        []string
	)
	for _, o := range s.Options {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		switch d.Defname {
		case "language":
			lang = strings.ToLower(d.Arg.GetString_().GetSval())
		case "volatility":
			volatility = d.Arg.GetString_().GetSval()
		case "strict":
			strict = d.Arg.GetBoolean().GetBoolval()
		case "security":
			definer = d.Arg.GetBoolean().GetBoolval()
		case "leakproof":
			leakproof = d.Arg.GetBoolean().GetBoolval()
		case "parallel":
			parallel = d.Arg.GetString_().GetSval()
		case "window":
			window = d.Arg.GetBoolean().GetBoolval()
		case "cost", "rows":
			v, err := defElemSetting(d)
			if err != nil {
				return "", "", err
			}
			v = strings.TrimPrefix(v, d.Defname+"=")
			if d.Defname == "cost" {
				cost = v
			} else {
				rows = v
			}
		case "set":
			vs := d.Arg.GetVariableSetStmt()
			if vs == nil {
				continue
			}
			sql, err := deparseStmt(&pg.Node{Node: &pg.Node_VariableSetStmt{VariableSetStmt: vs}})
			if err != nil {
				return "", "", err
			}
			sets = append(sets, " "+sql)
		case "as":
			for _, it := range d.Arg.GetList().GetItems() {
				as = append(as, it.GetString_().GetSval())
			}
		case "support":
			n, err := p.nameList(d.Arg.GetList().GetItems())
			if err != nil {
				return "", "", err
			}
			support = QuoteName(n)
		default:
			p.unsupported("CREATE FUNCTION option "+d.Defname, f.Name.String())
			return "", "", nil
		}
	}
	if lang == "" {
		lang = "sql"
	}
	var b strings.Builder
	if window {
		b.WriteString(" WINDOW")
	}
	fmt.Fprintf(&b, " LANGUAGE %s", QuoteIdent(lang))
	if support != "" {
		b.WriteString(" SUPPORT " + support)
	}
	switch strings.ToLower(volatility) {
	case "immutable":
		b.WriteString(" IMMUTABLE")
	case "stable":
		b.WriteString(" STABLE")
	}
	if strict {
		b.WriteString(" STRICT")
	}
	if definer {
		b.WriteString(" SECURITY DEFINER")
	}
	if leakproof {
		b.WriteString(" LEAKPROOF")
	}
	switch strings.ToLower(parallel) {
	case "safe":
		b.WriteString(" PARALLEL SAFE")
	case "restricted":
		b.WriteString(" PARALLEL RESTRICTED")
	}
	defCost := "100"
	if lang == "c" || lang == "internal" {
		defCost = "1"
	}
	if cost != "" && trimNumber(cost) != defCost && f.Kind != schema.KindProcedure {
		b.WriteString(" COST " + trimNumber(cost))
	}
	if rows != "" && trimNumber(rows) != "1000" && strings.HasPrefix(f.Returns, "SETOF") {
		b.WriteString(" ROWS " + trimNumber(rows))
	}
	for _, s := range sets {
		b.WriteString(s)
	}
	switch {
	case s.SqlBody != nil:
		body, err := deparseStmt(&pg.Node{Node: &pg.Node_CreateFunctionStmt{CreateFunctionStmt: &pg.CreateFunctionStmt{
			Funcname: []*pg.Node{pg.MakeStrNode("f")}, ReturnType: &pg.TypeName{Names: []*pg.Node{pg.MakeStrNode("int")}, Typemod: -1},
			SqlBody: s.SqlBody,
		}}})
		if err != nil {
			return "", "", err
		}
		i := strings.Index(body, " RETURN ")
		if j := strings.Index(body, " BEGIN ATOMIC"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 {
			return "", "", fmt.Errorf("cannot print the body back")
		}
		p.bodyDeps(f, s.SqlBody)
		return b.String(), body[i:], nil
	case len(as) == 1:
		if lang == "sql" {
			if tree, err := pg.Parse(as[0]); err == nil {
				for _, st := range tree.Stmts {
					p.bodyDeps(f, st.Stmt)
				}
			}
		}
		return b.String(), " AS " + dollarQuote(as[0]), nil
	case len(as) == 2:
		return b.String(), " AS " + QuoteLiteral(as[0]) + ", " + QuoteLiteral(as[1]), nil
	}
	return "", "", fmt.Errorf("no body")
}

// bodyDeps adds the relations an SQL body reads to f.Deps.
func (p *state) bodyDeps(f *schema.Function, n *pg.Node) {
	ctes := map[string]bool{}
	walkNodes(n.ProtoReflect(), func(x *pg.Node) {
		if c := x.GetCommonTableExpr(); c != nil {
			ctes[c.Ctename] = true
		}
	})
	seen := map[schema.Name]bool{}
	walkNodes(n.ProtoReflect(), func(x *pg.Node) {
		rv := x.GetRangeVar()
		if rv == nil || (rv.Schemaname == "" && ctes[rv.Relname]) {
			return
		}
		name, err := p.rangeVarName(rv)
		if err != nil || seen[name] {
			return
		}
		seen[name] = true
		f.Deps = append(f.Deps, schema.Ref{Kind: "table", Name: name})
	})
}

func trimNumber(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// dollarQuote quotes a body with the shortest $tag$ it does not contain.
func dollarQuote(s string) string {
	for _, tag := range []string{"$$", "$function$", "$body$", "$zd$"} {
		if !strings.Contains(s, tag) && !strings.HasSuffix(s, tag[:len(tag)-1]) {
			return tag + s + tag
		}
	}
	return QuoteLiteral(s)
}

func (p *state) addFunction(f *schema.Function, replace bool) error {
	for i, old := range p.s.Functions {
		if old.Name == f.Name && old.Args == f.Args {
			if !replace {
				return fmt.Errorf("function %s(%s) already exists", f.Name, f.Args)
			}
			f.Comment = old.Comment
			p.s.Functions[i] = f
			return nil
		}
	}
	p.s.Functions = append(p.s.Functions, f)
	return nil
}

// createTrigger reads CREATE [CONSTRAINT] TRIGGER.
func (p *state) createTrigger(s *pg.CreateTrigStmt) error {
	table, err := p.rangeVarName(s.Relation)
	if err != nil {
		return err
	}
	fn, err := p.nameList(s.Funcname)
	if err != nil {
		return err
	}
	if len(s.Funcname) == 1 {
		fn = p.resolveFunction(fn.Name)
	}
	tr := &schema.Trigger{Name: s.Trigname, Table: table, Constraint: s.Isconstraint, Function: fn, Pos: p.stmtPos}
	var b, k strings.Builder
	b.WriteString("CREATE ")
	if s.Isconstraint {
		b.WriteString("CONSTRAINT ")
	}
	fmt.Fprintf(&b, "TRIGGER %s ", QuoteIdent(s.Trigname))
	switch {
	case s.Timing&2 != 0:
		b.WriteString("BEFORE")
	case s.Timing&64 != 0:
		b.WriteString("INSTEAD OF")
	default:
		b.WriteString("AFTER")
	}
	var events []string
	if s.Events&4 != 0 {
		events = append(events, "INSERT")
	}
	if s.Events&8 != 0 {
		events = append(events, "DELETE")
	}
	if s.Events&16 != 0 {
		ev := "UPDATE"
		if len(s.Columns) > 0 {
			var cols []string
			for _, c := range s.Columns {
				cols = append(cols, QuoteIdent(c.GetString_().GetSval()))
			}
			ev += " OF " + strings.Join(cols, ", ")
		}
		events = append(events, ev)
	}
	if s.Events&32 != 0 {
		events = append(events, "TRUNCATE")
	}
	fmt.Fprintf(&b, " %s ON %s", strings.Join(events, " OR "), QuoteName(table))
	if s.Constrrel != nil {
		ref, err := p.rangeVarName(s.Constrrel)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, " FROM %s", QuoteName(ref))
	}
	if s.Isconstraint {
		switch {
		case s.Deferrable && s.Initdeferred:
			b.WriteString(" DEFERRABLE INITIALLY DEFERRED")
		case s.Deferrable:
			b.WriteString(" DEFERRABLE INITIALLY IMMEDIATE")
		default:
			b.WriteString(" NOT DEFERRABLE INITIALLY IMMEDIATE")
		}
	}
	if len(s.TransitionRels) > 0 {
		b.WriteString(" REFERENCING")
		for _, n := range s.TransitionRels {
			tr := n.GetTriggerTransition()
			kind := "OLD"
			if tr.IsNew {
				kind = "NEW"
			}
			fmt.Fprintf(&b, " %s TABLE AS %s", kind, QuoteIdent(tr.Name))
		}
	}
	if s.Row {
		b.WriteString(" FOR EACH ROW")
	} else {
		b.WriteString(" FOR EACH STATEMENT")
	}
	k.WriteString(b.String())
	if s.WhenClause != nil {
		e, err := p.newExpr(s.WhenClause)
		if err != nil {
			return fmt.Errorf("trigger %s: WHEN: %w", s.Trigname, err)
		}
		fmt.Fprintf(&b, " WHEN (%s)", e.SQL)
		fmt.Fprintf(&k, " WHEN (%s)", e.Key)
	}
	var args []string
	for _, a := range s.Args {
		args = append(args, QuoteLiteral(a.GetString_().GetSval()))
	}
	tail := fmt.Sprintf(" EXECUTE FUNCTION %s(%s)", QuoteName(fn), strings.Join(args, ", "))
	b.WriteString(tail)
	k.WriteString(tail)
	tr.Definition, tr.Key = b.String(), k.String()
	for i, old := range p.s.Triggers {
		if old.Table == table && old.Name == tr.Name {
			if !s.Replace {
				return fmt.Errorf("trigger %q for relation %s already exists", tr.Name, table)
			}
			tr.Comment = old.Comment
			p.s.Triggers[i] = tr
			return nil
		}
	}
	p.s.Triggers = append(p.s.Triggers, tr)
	return nil
}

// enableTrigger reads ALTER TABLE ... ENABLE | DISABLE [REPLICA | ALWAYS]
// TRIGGER name, which pg_dump writes after CREATE TRIGGER for a trigger
// that does not fire as created, and ENABLE | DISABLE TRIGGER USER, which
// sets every trigger of the table the model holds. TRIGGER ALL also
// switches the triggers behind foreign keys, which are not modelled: it
// stays unsupported (AT_EnableTrigAll is not routed here).
func (p *state) enableTrigger(t *schema.Table, cmd *pg.AlterTableCmd) error {
	state := schema.TriggerOrigin
	switch cmd.Subtype {
	case pg.AlterTableType_AT_DisableTrig, pg.AlterTableType_AT_DisableTrigUser:
		state = schema.TriggerDisabled
	case pg.AlterTableType_AT_EnableReplicaTrig:
		state = schema.TriggerReplica
	case pg.AlterTableType_AT_EnableAlwaysTrig:
		state = schema.TriggerAlways
	}
	all := cmd.Subtype == pg.AlterTableType_AT_EnableTrigUser || cmd.Subtype == pg.AlterTableType_AT_DisableTrigUser
	found := false
	for _, tr := range p.s.Triggers {
		if tr.Table == t.Name && (all || tr.Name == cmd.Name) {
			tr.Enabled = state
			found = true
		}
	}
	if !found && !all {
		if t.IsPartition() {
			// pg_dump's form for a partition whose share of its parent's
			// trigger fires otherwise than the parent's: the shares are
			// not modelled.
			words := map[string]string{schema.TriggerOrigin: "ENABLE", schema.TriggerDisabled: "DISABLE",
				schema.TriggerReplica: "ENABLE REPLICA", schema.TriggerAlways: "ENABLE ALWAYS"}
			p.unsupported("ALTER TABLE ... "+words[state]+" TRIGGER on a partition's share of its parent's trigger", t.Name.String()+"."+cmd.Name)
			return nil
		}
		return p.errorAt(p.stmtPos, "trigger %q for table %s does not exist", cmd.Name, t.Name)
	}
	return nil
}

// resolveFunction finds the schema of an unqualified function name: the
// first schema on the search path that declares it, else the default.
func (p *state) resolveFunction(name string) schema.Name {
	for _, s := range p.searchPath {
		for _, f := range p.s.Functions {
			if f.Name.Schema == s && f.Name.Name == name {
				return f.Name
			}
		}
	}
	return schema.Name{Schema: p.defaultSchema(), Name: name}
}

// createExtension reads CREATE EXTENSION [IF NOT EXISTS] ... [WITH]
// [SCHEMA s] [VERSION v] [CASCADE].
func (p *state) createExtension(s *pg.CreateExtensionStmt) error {
	e := &schema.Extension{Name: s.Extname, Pos: p.stmtPos}
	for _, o := range s.Options {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		switch d.Defname {
		case "schema":
			e.Schema = d.Arg.GetString_().GetSval()
		case "new_version":
			e.Version = d.Arg.GetString_().GetSval()
		case "cascade":
		default:
			p.unsupported("CREATE EXTENSION option "+d.Defname, s.Extname)
			return nil
		}
	}
	for _, old := range p.s.Extensions {
		if old.Name == e.Name {
			if s.IfNotExists {
				return nil
			}
			return fmt.Errorf("extension %q already exists", e.Name)
		}
	}
	p.s.Extensions = append(p.s.Extensions, e)
	return nil
}

// routineComment handles COMMENT ON FUNCTION/PROCEDURE/AGGREGATE/TRIGGER/EXTENSION;
// it reports false for other object kinds.
func (p *state) routineComment(s *pg.CommentStmt) (bool, error) {
	switch s.Objtype {
	case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE, pg.ObjectType_OBJECT_ROUTINE, pg.ObjectType_OBJECT_AGGREGATE:
		owa := s.Object.GetObjectWithArgs()
		name, err := p.nameList(owa.GetObjname())
		if err != nil {
			return true, err
		}
		var args []string
		for _, a := range owa.GetObjargs() {
			typ, _, err := p.funcType(a.GetTypeName())
			if err != nil {
				return true, err
			}
			args = append(args, typ)
		}
		var match []*schema.Function
		for _, f := range p.s.Functions {
			if f.Name == name && (owa.ArgsUnspecified || stripVariadic(f.Args) == strings.Join(args, ", ")) {
				match = append(match, f)
			}
		}
		if len(match) != 1 {
			return true, fmt.Errorf("function %s(%s) does not exist", name, strings.Join(args, ", "))
		}
		match[0].Comment = s.Comment
		return true, nil
	case pg.ObjectType_OBJECT_TRIGGER:
		items := s.Object.GetList().GetItems()
		if len(items) < 2 {
			return true, fmt.Errorf("invalid trigger name in COMMENT ON TRIGGER")
		}
		table, err := p.nameList(items[:len(items)-1])
		if err != nil {
			return true, err
		}
		name := items[len(items)-1].GetString_().GetSval()
		for _, t := range p.s.Triggers {
			if t.Table == table && t.Name == name {
				t.Comment = s.Comment
				return true, nil
			}
		}
		return true, fmt.Errorf("trigger %q for table %s does not exist", name, table)
	case pg.ObjectType_OBJECT_EXTENSION:
		name := s.Object.GetString_().GetSval()
		for _, e := range p.s.Extensions {
			if e.Name == name {
				e.Comment = s.Comment
				return true, nil
			}
		}
		return true, fmt.Errorf("extension %q does not exist", name)
	}
	return false, nil
}

// stripVariadic turns identity arguments into the argument list COMMENT
// ON and DROP accept.
func stripVariadic(args string) string { return strings.ReplaceAll(args, "VARIADIC ", "") }
