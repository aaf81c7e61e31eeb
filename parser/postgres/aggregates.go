package postgres

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// This file reads CREATE [OR REPLACE] AGGREGATE, in the current form and
// the old one (BASETYPE = ...), into a schema.Function of kind aggregate
// whose Definition is one canonical CREATE AGGREGATE: the options in the
// order below, the defaults left out (SSPACE = 0, FINALFUNC_MODIFY =
// READ_ONLY, PARALLEL = UNSAFE, ...), the initial conditions as string
// literals, the support functions named as regproc prints them with an
// empty search_path. That is what the live reader composes from
// pg_aggregate (pg_get_functiondef refuses aggregates) and what pg_dump
// writes, so that both compare equal to a hand-written file.

// aggregateOptions is the order zdplan writes an aggregate's options in
// (that of CREATE AGGREGATE's synopsis), with what each holds.
var aggregateOptions = []struct{ name, kind string }{
	{"sfunc", "func"}, {"stype", "type"}, {"sspace", "int"},
	{"finalfunc", "func"}, {"finalfunc_extra", "flag"}, {"finalfunc_modify", "modify"},
	{"combinefunc", "func"}, {"serialfunc", "func"}, {"deserialfunc", "func"},
	{"initcond", "text"},
	{"msfunc", "func"}, {"minvfunc", "func"}, {"mstype", "type"}, {"msspace", "int"},
	{"mfinalfunc", "func"}, {"mfinalfunc_extra", "flag"}, {"mfinalfunc_modify", "modify"},
	{"minitcond", "text"},
	{"parallel", "parallel"},
}

// aggregateAliases are the old spellings PostgreSQL still accepts.
var aggregateAliases = map[string]string{"sfunc1": "sfunc", "stype1": "stype", "initcond1": "initcond"}

func (p *state) createAggregate(s *pg.DefineStmt) error {
	name, err := p.routineName(s.Defnames)
	if err != nil {
		return err
	}
	f := &schema.Function{Kind: schema.KindAggregate, Name: name, Pos: p.stmtPos}
	var args []*pg.FunctionParameter
	if !s.Oldstyle {
		if len(s.Args) == 2 && s.Args[1].GetInteger().GetIval() != -1 {
			// Ordered-set and hypothetical-set aggregates (WITHIN GROUP)
			// have direct arguments, which the model has no place for.
			p.unsupported("CREATE AGGREGATE (ordered-set)", name.String())
			return nil
		}
		if len(s.Args) > 0 {
			for _, n := range s.Args[0].GetList().GetItems() {
				fp := n.GetFunctionParameter()
				if fp == nil {
					return fmt.Errorf("aggregate %s: unexpected argument", name)
				}
				args = append(args, fp)
			}
		}
	}
	opts := map[string]string{}
	var finalFunc *schema.Name
	addDep := func(kind string, r *schema.Name) {
		if r != nil {
			f.Deps = append(f.Deps, schema.Ref{Kind: kind, Name: *r})
		}
	}
	for _, o := range s.Definition {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		key := strings.ToLower(d.Defname)
		if a, ok := aggregateAliases[key]; ok {
			key = a
		}
		if key == "basetype" && s.Oldstyle {
			tn := d.Arg.GetTypeName()
			if tn == nil {
				return fmt.Errorf("aggregate %s: BASETYPE must be a type", name)
			}
			if len(tn.Names) == 1 && strings.EqualFold(tn.Names[0].GetString_().GetSval(), "any") {
				continue // BASETYPE = ANY is an aggregate of no arguments: agg(*)
			}
			args = append(args, &pg.FunctionParameter{ArgType: tn, Mode: pg.FunctionParameterMode_FUNC_PARAM_DEFAULT})
			continue
		}
		i := slices.IndexFunc(aggregateOptions, func(o struct{ name, kind string }) bool { return o.name == key })
		if i < 0 {
			// SORTOP (an operator) and HYPOTHETICAL (ordered-set
			// aggregates only) are not modelled.
			p.unsupported("CREATE AGGREGATE option "+strings.ToUpper(key), name.String())
			return nil
		}
		if _, dup := opts[key]; dup {
			return fmt.Errorf("aggregate %s: conflicting or redundant options: %s", name, strings.ToUpper(key))
		}
		v, err := p.aggregateOption(aggregateOptions[i].kind, d.Arg, addDep)
		if err != nil {
			return fmt.Errorf("aggregate %s: %s: %w", name, strings.ToUpper(key), err)
		}
		if key == "finalfunc" {
			finalFunc = p.fileFunction(d.Arg.GetTypeName())
		}
		opts[key] = v
	}
	if opts["sfunc"] == "" {
		return fmt.Errorf("aggregate %s: aggregate sfunc must be specified", name)
	}
	if opts["stype"] == "" {
		return fmt.Errorf("aggregate %s: aggregate stype must be specified", name)
	}
	var params, ids []string
	for _, fp := range args {
		typ, ref, err := p.funcType(fp.ArgType)
		if err != nil {
			p.unsupported("CREATE AGGREGATE with "+err.Error(), name.String())
			return nil
		}
		addDep("type", ref)
		param, id := typ, typ
		if fp.Mode == pg.FunctionParameterMode_FUNC_PARAM_VARIADIC {
			id = "VARIADIC " + typ
		}
		if fp.Name != "" {
			param = QuoteIdent(fp.Name) + " " + param
		}
		if fp.Mode == pg.FunctionParameterMode_FUNC_PARAM_VARIADIC {
			param = "VARIADIC " + param
		}
		params = append(params, param)
		ids = append(ids, id)
	}
	f.Args = strings.Join(ids, ", ")
	f.Params = strings.Join(params, ", ")
	f.Returns = p.aggregateResult(opts, finalFunc)
	var list []string
	for _, o := range aggregateOptions {
		if v := opts[o.name]; v != "" {
			if o.kind == "flag" {
				list = append(list, strings.ToUpper(o.name))
				continue
			}
			list = append(list, strings.ToUpper(o.name)+" = "+v)
		}
	}
	argList := f.Params
	if argList == "" {
		argList = "*"
	}
	f.Definition = fmt.Sprintf("CREATE AGGREGATE %s(%s) (%s)", QuoteName(name), argList, strings.Join(list, ", "))
	f.Key = f.Definition
	return p.addFunction(f, s.Replace)
}

// aggregateOption renders one option's value in canonical form, "" for a
// default that is left out.
func (p *state) aggregateOption(kind string, arg *pg.Node, addDep func(string, *schema.Name)) (string, error) {
	switch kind {
	case "func":
		tn := arg.GetTypeName()
		if tn == nil {
			return "", fmt.Errorf("expected a function name")
		}
		sql, ref, err := p.aggregateFunc(tn)
		if err != nil {
			return "", err
		}
		addDep("function", ref)
		return sql, nil
	case "type":
		tn := arg.GetTypeName()
		if tn == nil {
			return "", fmt.Errorf("expected a type")
		}
		typ, ref, err := p.funcType(tn)
		if err != nil {
			return "", err
		}
		addDep("type", ref)
		return typ, nil
	case "int":
		n, err := strconv.Atoi(defArgText(arg))
		if err != nil {
			return "", fmt.Errorf("expected an integer")
		}
		if n == 0 {
			return "", nil
		}
		return strconv.Itoa(n), nil
	case "flag":
		if arg == nil {
			return "true", nil
		}
		switch strings.ToLower(defArgText(arg)) {
		case "true", "on", "1", "yes":
			return "true", nil
		case "false", "off", "0", "no":
			return "", nil
		}
		return "", fmt.Errorf("expected a boolean")
	case "modify":
		switch v := strings.ToLower(defArgText(arg)); v {
		case "read_only":
			return "", nil
		case "shareable", "read_write":
			return strings.ToUpper(v), nil
		}
		return "", fmt.Errorf("expected READ_ONLY, SHAREABLE or READ_WRITE")
	case "text":
		if arg == nil {
			return "", fmt.Errorf("expected a value")
		}
		return QuoteLiteral(defArgText(arg)), nil
	case "parallel":
		switch v := strings.ToLower(defArgText(arg)); v {
		case "unsafe":
			return "", nil
		case "safe", "restricted":
			return strings.ToUpper(v), nil
		}
		return "", fmt.Errorf("expected SAFE, RESTRICTED or UNSAFE")
	}
	return "", fmt.Errorf("unknown option kind %s", kind)
}

// defArgText is the text of an option's value, however it was written:
// INITCOND = 0, INITCOND = '0' and PARALLEL = safe are all words.
func defArgText(arg *pg.Node) string {
	switch {
	case arg == nil:
		return ""
	case arg.GetString_() != nil:
		return arg.GetString_().GetSval()
	case arg.GetInteger() != nil:
		return strconv.Itoa(int(arg.GetInteger().GetIval()))
	case arg.GetFloat() != nil:
		return arg.GetFloat().GetFval()
	case arg.GetBoolean() != nil:
		return strconv.FormatBool(arg.GetBoolean().GetBoolval())
	case arg.GetTypeName() != nil:
		var parts []string
		for _, n := range arg.GetTypeName().Names {
			parts = append(parts, n.GetString_().GetSval())
		}
		return strings.Join(parts, ".")
	}
	return ""
}

// aggregateFunc names a support function as regproc prints it with an
// empty search_path, so that a file, pg_dump and the live reader agree:
// a function the file declares is qualified (and is a dependency); one
// it does not (built in, or an extension's) is written unqualified when
// the schema it is named in is searched anyway, since its schema cannot
// be known otherwise.
func (p *state) aggregateFunc(tn *pg.TypeName) (string, *schema.Name, error) {
	if n := p.fileFunction(tn); n != nil {
		return QuoteName(*n), n, nil
	}
	switch len(tn.Names) {
	case 1:
		return QuoteIdent(tn.Names[0].GetString_().GetSval()), nil, nil
	case 2:
		sch, fn := tn.Names[0].GetString_().GetSval(), tn.Names[1].GetString_().GetSval()
		if sch == "pg_catalog" || sch == p.defaultSchema() || slices.Contains(p.searchPath, sch) {
			return QuoteIdent(fn), nil, nil
		}
		return QuoteName(schema.Name{Schema: sch, Name: fn}), nil, nil
	}
	return "", nil, fmt.Errorf("improper function name")
}

// fileFunction finds the function a support function's name refers to
// among those the file declares (any overload), or nil.
func (p *state) fileFunction(tn *pg.TypeName) *schema.Name {
	if tn == nil {
		return nil
	}
	var candidates []schema.Name
	switch len(tn.Names) {
	case 1:
		name := tn.Names[0].GetString_().GetSval()
		for _, sch := range append(slices.Clone(p.searchPath), p.defaultSchema()) {
			candidates = append(candidates, schema.Name{Schema: sch, Name: name})
		}
	case 2:
		candidates = append(candidates, schema.Name{Schema: tn.Names[0].GetString_().GetSval(), Name: tn.Names[1].GetString_().GetSval()})
	}
	for _, c := range candidates {
		for _, f := range p.s.Functions {
			if f.Name == c && f.Kind != schema.KindAggregate {
				return &c
			}
		}
	}
	return nil
}

// aggregateResult is the aggregate's result type: the final function's,
// or the state type without one. CREATE OR REPLACE AGGREGATE cannot
// change it. A final function the file does not declare (nor the same
// name for all its overloads) is named instead: the result then is the
// same only while the final function is.
func (p *state) aggregateResult(opts map[string]string, final *schema.Name) string {
	if opts["finalfunc"] == "" {
		return opts["stype"]
	}
	if final != nil {
		ret := ""
		for _, f := range p.s.Functions {
			if f.Name == *final && f.Kind != schema.KindAggregate {
				if ret != "" && ret != f.Returns {
					ret = ""
					break
				}
				ret = f.Returns
			}
		}
		if ret != "" {
			return ret
		}
	}
	return "result of " + opts["finalfunc"]
}
