package postgres

import (
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// This file reads range types (CREATE TYPE ... AS RANGE) and collations
// (CREATE COLLATION), both normalised to the definition pg_dump prints,
// so that a hand-written file and a dump compare equal.

// defArgString reads the value of a DefElem as text: a string, number,
// boolean or single name (provider = icu is a type name to the grammar).
func defArgString(d *pg.DefElem) (string, error) {
	if d.Arg == nil {
		return "", fmt.Errorf("%s requires a value", d.Defname)
	}
	switch a := d.Arg.Node.(type) {
	case *pg.Node_String_:
		return a.String_.Sval, nil
	case *pg.Node_Integer:
		return fmt.Sprint(a.Integer.Ival), nil
	case *pg.Node_Boolean:
		return fmt.Sprint(a.Boolean.Boolval), nil
	case *pg.Node_TypeName:
		if len(a.TypeName.Names) == 1 {
			return a.TypeName.Names[0].GetString_().GetSval(), nil
		}
	}
	return "", fmt.Errorf("invalid value for %s", d.Defname)
}

// defArgNames reads the value of a DefElem that names an object (a
// function, collation, operator class or type) as its name parts.
func defArgNames(d *pg.DefElem) ([]string, error) {
	var nodes []*pg.Node
	switch {
	case d.Arg == nil:
	case d.Arg.GetTypeName() != nil:
		nodes = d.Arg.GetTypeName().Names
	case d.Arg.GetList() != nil:
		nodes = d.Arg.GetList().Items
	case d.Arg.GetString_() != nil:
		nodes = []*pg.Node{d.Arg}
	}
	var parts []string
	for _, n := range nodes {
		parts = append(parts, n.GetString_().GetSval())
	}
	if len(parts) == 0 || len(parts) > 2 {
		return nil, fmt.Errorf("invalid name for %s", d.Defname)
	}
	return parts, nil
}

// collationName reads a collation name as the model spells it (see the
// function collationName), qualifying an unqualified name that the file
// has created in a schema of the search path: pg_dump qualifies those, so
// COLLATE ci and COLLATE public.ci must compare equal. Other unqualified
// names are the built-in collations of pg_catalog ("C", "en-x-icu").
func (p *state) collationName(names []*pg.Node) string {
	if len(names) == 1 {
		c := names[0].GetString_().GetSval()
		for _, s := range p.searchPath {
			if p.s.Collation(schema.Name{Schema: s, Name: c}) != nil {
				return s + "." + c
			}
		}
	}
	return collationName(names)
}

// createCollation reads CREATE COLLATION [IF NOT EXISTS] name (options)
// and CREATE COLLATION name FROM other.
func (p *state) createCollation(s *pg.DefineStmt) error {
	name, err := p.nameList(s.Defnames)
	if err != nil {
		return err
	}
	if p.s.Collation(name) != nil {
		if s.IfNotExists {
			return nil
		}
		return fmt.Errorf("collation %q already exists", name.Name)
	}
	c := &schema.Collation{Name: name, Provider: "libc", Deterministic: true, Pos: p.stmtPos}
	var locale, collate, ctype, icuLocale string
	for _, n := range s.Definition {
		d := n.GetDefElem()
		if d == nil {
			return fmt.Errorf("collation %s: expected an option", name)
		}
		if d.Defname == "from" {
			if len(s.Definition) > 1 {
				return fmt.Errorf("collation %s: conflicting or redundant options", name)
			}
			return p.copyCollation(c, d)
		}
		v, err := defArgString(d)
		if err != nil {
			return fmt.Errorf("collation %s: %w", name, err)
		}
		switch d.Defname {
		case "provider":
			switch strings.ToLower(v) {
			case "libc", "icu", "builtin":
				c.Provider = strings.ToLower(v)
			default:
				return fmt.Errorf("unrecognized collation provider: %s", v)
			}
		case "locale":
			locale = v
		case "lc_collate":
			collate = v
		case "lc_ctype":
			ctype = v
		case "rules":
			c.Rules = v
		case "deterministic":
			b, ok := boolOption(v)
			if !ok {
				return fmt.Errorf("deterministic requires a Boolean value")
			}
			c.Deterministic = b
		case "version":
			// The collation library's version, which the server records
			// on its own when it is not given: not part of the definition
			// (pg_dump leaves it out too).
		default:
			return fmt.Errorf("collation attribute %q not recognized", d.Defname)
		}
	}
	if locale != "" {
		icuLocale = locale
		if collate == "" {
			collate = locale
		}
		if ctype == "" {
			ctype = locale
		}
	}
	switch c.Provider {
	case "icu", "builtin":
		if icuLocale == "" {
			return fmt.Errorf(`collation %s: parameter "locale" must be specified`, name)
		}
		c.Locale = icuLocale
	default:
		if collate == "" {
			return fmt.Errorf(`collation %s: parameter "lc_collate" must be specified`, name)
		}
		if ctype == "" {
			return fmt.Errorf(`collation %s: parameter "lc_ctype" must be specified`, name)
		}
		if collate == ctype {
			c.Locale = collate
		} else {
			c.LcCollate, c.LcCtype = collate, ctype
		}
	}
	p.addCollation(c)
	return nil
}

// boolOption reads a boolean option value as PostgreSQL does.
func boolOption(v string) (value, ok bool) {
	switch strings.ToLower(v) {
	case "true", "on", "yes", "1", "t", "y":
		return true, true
	case "false", "off", "no", "0", "f", "n":
		return false, true
	}
	return false, false
}

// copyCollation reads CREATE COLLATION ... FROM other: the new collation
// holds a copy of the other's definition, as the catalog does (nothing
// ties the two afterwards). The source is a collation of the file, or a
// built-in one whose definition its name tells.
func (p *state) copyCollation(c *schema.Collation, d *pg.DefElem) error {
	parts, err := defArgNames(d)
	if err != nil {
		return err
	}
	var from schema.Name
	if len(parts) == 2 {
		from = schema.Name{Schema: parts[0], Name: parts[1]}
	} else {
		from = schema.Name{Name: parts[0]}
		for _, s := range p.searchPath {
			if p.s.Collation(schema.Name{Schema: s, Name: parts[0]}) != nil {
				from.Schema = s
				break
			}
		}
	}
	if from.Schema == "pg_catalog" {
		from.Schema = ""
	}
	if src := p.s.Collation(from); from.Schema != "" && src != nil {
		c.Provider, c.Deterministic = src.Provider, src.Deterministic
		c.Locale, c.LcCollate, c.LcCtype, c.Rules = src.Locale, src.LcCollate, src.LcCtype, src.Rules
		p.addCollation(c)
		return nil
	}
	if from.Schema != "" {
		return fmt.Errorf("collation %q does not exist", from)
	}
	switch n := from.Name; {
	case n == "default":
		return fmt.Errorf(`collation "default" cannot be copied`)
	case n == "C" || n == "POSIX":
		c.Locale = n
	case n == "ucs_basic":
		c.Locale = "C"
	case strings.HasSuffix(n, "-x-icu"):
		// The ICU collations initdb creates are named after their locale.
		c.Provider, c.Locale = "icu", strings.TrimSuffix(n, "-x-icu")
	case strings.Contains(n, "."):
		// The libc collations initdb creates for the locales whose name
		// has an encoding (C.utf8, en_US.utf8) have that locale.
		c.Locale = n
	default:
		// Another operating system collation (en_US): its locale is the
		// server's business, which a schema file cannot tell.
		p.unsupported("CREATE COLLATION ... FROM "+QuoteIdent(n), c.Name.String())
		return nil
	}
	p.addCollation(c)
	return nil
}

func (p *state) addCollation(c *schema.Collation) {
	c.Definition = collationDefinition(c)
	p.s.Collations = append(p.s.Collations, c)
}

// collationDefinition is the option list pg_dump prints for a collation
// (rules after the locale, as pg_dump 16 prints them).
func collationDefinition(c *schema.Collation) string {
	var b strings.Builder
	b.WriteString("provider = " + c.Provider)
	if !c.Deterministic {
		b.WriteString(", deterministic = false")
	}
	if c.Locale != "" {
		b.WriteString(", locale = " + QuoteLiteral(c.Locale))
	} else {
		b.WriteString(", lc_collate = " + QuoteLiteral(c.LcCollate) + ", lc_ctype = " + QuoteLiteral(c.LcCtype))
	}
	if c.Rules != "" {
		b.WriteString(", rules = " + QuoteLiteral(c.Rules))
	}
	return b.String()
}

// createRange reads CREATE TYPE ... AS RANGE.
func (p *state) createRange(s *pg.CreateRangeStmt) error {
	name, err := p.nameList(s.TypeName)
	if err != nil {
		return err
	}
	if p.typeNames[name] {
		return fmt.Errorf("type %s already exists", name)
	}
	r := &schema.RangeType{Name: name, Pos: p.stmtPos}
	var subtype *pg.TypeName
	var opclass, multirange []string
	for _, n := range s.Params {
		d := n.GetDefElem()
		if d == nil {
			return fmt.Errorf("type %s: expected a parameter", name)
		}
		switch d.Defname {
		case "subtype":
			subtype = d.Arg.GetTypeName()
			if subtype == nil {
				return fmt.Errorf("type %s: invalid subtype", name)
			}
		case "subtype_opclass", "collation", "canonical", "subtype_diff", "multirange_type_name":
			parts, err := defArgNames(d)
			if err != nil {
				return fmt.Errorf("type %s: %w", name, err)
			}
			switch d.Defname {
			case "subtype_opclass":
				opclass = parts
			case "collation":
				var nodes []*pg.Node
				for _, s := range parts {
					nodes = append(nodes, pg.MakeStrNode(s))
				}
				r.Collation = p.collationName(nodes)
			case "canonical":
				r.Canonical = p.functionName(parts)
			case "subtype_diff":
				r.SubtypeDiff = p.functionName(parts)
			case "multirange_type_name":
				multirange = parts
			}
		default:
			return fmt.Errorf("type attribute %q not recognized", d.Defname)
		}
	}
	if subtype == nil {
		return fmt.Errorf(`type %s: type attribute "subtype" is required`, name)
	}
	typ, serial, err := p.resolveType(subtype)
	if err != nil {
		return err
	}
	if serial != "" {
		return fmt.Errorf("type %s: serial is not a type", name)
	}
	// PostgreSQL ignores a type modifier on the subtype (pg_range has no
	// room for one): varchar(10) is varchar.
	typ.Mods = nil
	r.Subtype = typ
	if len(opclass) == 2 && opclass[0] == "pg_catalog" {
		opclass = opclass[1:]
	}
	if oc := strings.Join(opclass, "."); oc != "" && !(typ.Schema == "" && typ.ArrayDims == 0 && defaultOpclasses[typ.Name] == oc) {
		r.Opclass = oc
	}
	switch len(multirange) {
	case 0:
		r.Multirange = schema.Name{Schema: name.Schema, Name: multirangeName(name.Name)}
	case 1:
		r.Multirange = p.qualify(schema.Name{Name: truncateIdent(multirange[0])})
	default:
		r.Multirange = schema.Name{Schema: multirange[0], Name: truncateIdent(multirange[1])}
	}
	if p.typeNames[r.Multirange] {
		return fmt.Errorf("type %s already exists", r.Multirange)
	}
	r.Definition = rangeDefinition(r)
	r.Deps = rangeDeps(r)
	p.typeNames[name] = true
	p.typeNames[r.Multirange] = true
	p.s.RangeTypes = append(p.s.RangeTypes, r)
	return nil
}

// functionName reads the name of a function a range type names
// (CANONICAL, SUBTYPE_DIFF): qualified when it is a function of the file,
// as pg_dump prints it, unqualified for a built-in one (float8mi).
func (p *state) functionName(parts []string) string {
	if len(parts) == 2 {
		if parts[0] == "pg_catalog" {
			return parts[1]
		}
		return parts[0] + "." + parts[1]
	}
	for _, s := range p.searchPath {
		n := schema.Name{Schema: s, Name: parts[0]}
		if slices.ContainsFunc(p.s.Functions, func(f *schema.Function) bool { return f.Name == n }) {
			return n.Schema + "." + n.Name
		}
	}
	return parts[0]
}

// multirangeName is the name PostgreSQL gives the multirange type of a
// range type (makeMultirangeTypeName): the first "range" in the name
// becomes "multirange", else "_multirange" is added.
func multirangeName(rng string) string {
	if i := strings.Index(rng, "range"); i >= 0 {
		return truncateIdent(rng[:i] + "multi" + rng[i:])
	}
	return clip(rng, maxIdentLen-12) + "_multirange"
}

// defaultOpclasses are the default btree operator classes of the
// built-in types a range is commonly made of: pg_dump prints a range's
// SUBTYPE_OPCLASS only when it is not the default.
var defaultOpclasses = map[string]string{
	"smallint": "int2_ops", "integer": "int4_ops", "bigint": "int8_ops", "numeric": "numeric_ops",
	"real": "float4_ops", "double precision": "float8_ops", "text": "text_ops", "character varying": "text_ops",
	"character": "bpchar_ops", "date": "date_ops", "time without time zone": "time_ops",
	"time with time zone": "timetz_ops", "timestamp without time zone": "timestamp_ops",
	"timestamp with time zone": "timestamptz_ops", "interval": "interval_ops", "inet": "inet_ops",
	"cidr": "inet_ops", "uuid": "uuid_ops", "oid": "oid_ops", "boolean": "bool_ops", "bytea": "bytea_ops",
	"money": "money_ops", "macaddr": "macaddr_ops",
}

// rangeDefinition is the parameter list pg_dump prints for a range type.
func rangeDefinition(r *schema.RangeType) string {
	parts := []string{"subtype = " + TypeSQL(r.Subtype), "multirange_type_name = " + QuoteName(r.Multirange)}
	if r.Opclass != "" {
		parts = append(parts, "subtype_opclass = "+QuoteDotted(qualifiedBuiltin(r.Opclass)))
	}
	if r.Collation != "" {
		parts = append(parts, "collation = "+QuoteDotted(qualifiedBuiltin(r.Collation)))
	}
	if r.Canonical != "" {
		parts = append(parts, "canonical = "+QuoteDotted(r.Canonical))
	}
	if r.SubtypeDiff != "" {
		parts = append(parts, "subtype_diff = "+QuoteDotted(r.SubtypeDiff))
	}
	return strings.Join(parts, ", ")
}

// qualifiedBuiltin puts pg_catalog before an unqualified name, as pg_dump
// writes collations and operator classes.
func qualifiedBuiltin(n string) string {
	if strings.Contains(n, ".") {
		return n
	}
	return "pg_catalog." + n
}

// rangeDeps lists the user types, collation and functions a range type
// uses.
func rangeDeps(r *schema.RangeType) []schema.Ref {
	var deps []schema.Ref
	if r.Subtype.Schema != "" {
		deps = append(deps, schema.Ref{Kind: "type", Name: schema.Name{Schema: r.Subtype.Schema, Name: r.Subtype.Name}})
	}
	if cn := collationRef(r.Collation); cn.Schema != "" {
		deps = append(deps, schema.Ref{Kind: "collation", Name: cn})
	}
	for _, f := range []string{r.Canonical, r.SubtypeDiff} {
		if ns, n, ok := strings.Cut(f, "."); ok {
			deps = append(deps, schema.Ref{Kind: "function", Name: schema.Name{Schema: ns, Name: n}})
		}
	}
	return deps
}

// collationComment handles COMMENT ON COLLATION.
func (p *state) collationComment(s *pg.CommentStmt) error {
	var parts []string
	for _, n := range s.Object.GetList().GetItems() {
		parts = append(parts, n.GetString_().GetSval())
	}
	var name schema.Name
	switch len(parts) {
	case 1:
		name = collationRef(p.collationName([]*pg.Node{pg.MakeStrNode(parts[0])}))
	case 2:
		name = schema.Name{Schema: parts[0], Name: parts[1]}
	default:
		return fmt.Errorf("invalid COMMENT ON COLLATION")
	}
	c := p.s.Collation(name)
	if c == nil {
		if name.Schema == "" || name.Schema == "pg_catalog" {
			// A built-in collation's comment is the server's.
			p.unsupported("COMMENT ON COLLATION", name.Name)
			return nil
		}
		return fmt.Errorf("collation %q does not exist", name)
	}
	c.Comment = s.Comment
	return nil
}
