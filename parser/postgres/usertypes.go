package postgres

import (
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/zdplan/zdplan/schema"
)

// This file reads user-defined types other than enums: domains (CREATE
// and ALTER DOMAIN, the comments on them and their constraints); it
// dispatches composite and range types and collations to their files.

// typeStatement handles the statements of this file; ok is false for
// statements it does not know.
func (p *state) typeStatement(n *pg.Node) (ok bool, err error) {
	switch x := n.Node.(type) {
	case *pg.Node_CreateDomainStmt:
		return true, p.createDomain(x.CreateDomainStmt)
	case *pg.Node_AlterDomainStmt:
		return true, p.alterDomain(x.AlterDomainStmt)
	case *pg.Node_CompositeTypeStmt:
		return true, p.createComposite(x.CompositeTypeStmt)
	case *pg.Node_CreateRangeStmt:
		return true, p.createRange(x.CreateRangeStmt)
	case *pg.Node_DefineStmt:
		if x.DefineStmt.Kind == pg.ObjectType_OBJECT_COLLATION {
			return true, p.createCollation(x.DefineStmt)
		}
	case *pg.Node_AlterTableStmt:
		if x.AlterTableStmt.Objtype == pg.ObjectType_OBJECT_TYPE {
			return true, p.alterComposite(x.AlterTableStmt)
		}
	case *pg.Node_RenameStmt:
		switch x.RenameStmt.RenameType {
		case pg.ObjectType_OBJECT_DOMCONSTRAINT:
			return true, p.renameDomainConstraint(x.RenameStmt)
		case pg.ObjectType_OBJECT_ATTRIBUTE:
			return true, p.renameAttribute(x.RenameStmt)
		}
	case *pg.Node_CommentStmt:
		return p.typeComment(x.CommentStmt)
	}
	return false, nil
}

func (p *state) domain(n schema.Name) *schema.Domain {
	for _, d := range p.s.Domains {
		if d.Name == n {
			return d
		}
	}
	return nil
}

// typeNodeName reads the name of a type given as a TypeName node (COMMENT
// ON DOMAIN and RENAME CONSTRAINT spell it that way), resolving an
// unqualified name the way a column's type is resolved.
func (p *state) typeNodeName(n *pg.Node) (schema.Name, error) {
	tn := n.GetTypeName()
	if tn == nil {
		return schema.Name{}, fmt.Errorf("expected a type name")
	}
	return p.typeListName(tn.Names)
}

func (p *state) typeListName(nodes []*pg.Node) (schema.Name, error) {
	var parts []string
	for _, n := range nodes {
		parts = append(parts, n.GetString_().GetSval())
	}
	switch len(parts) {
	case 1:
		return schema.Name{Schema: p.resolveTypeSchema(parts[0]), Name: parts[0]}, nil
	case 2:
		return schema.Name{Schema: parts[0], Name: parts[1]}, nil
	}
	return schema.Name{}, fmt.Errorf("unsupported type name %v", parts)
}

func (p *state) createDomain(s *pg.CreateDomainStmt) error {
	name, err := p.nameList(s.Domainname)
	if err != nil {
		return err
	}
	if p.typeNames[name] {
		return fmt.Errorf("type %s already exists", name)
	}
	typ, serial, err := p.resolveType(s.TypeName)
	if err != nil {
		return err
	}
	if serial != "" {
		return fmt.Errorf("domain %s: a serial type cannot be a domain's base type", name)
	}
	d := &schema.Domain{Name: name, Type: typ, Pos: p.stmtPos}
	if s.CollClause != nil {
		d.Collation = p.collationName(s.CollClause.Collname)
	}
	if typ.Schema != "" {
		d.Deps = append(d.Deps, schema.Ref{Kind: "type", Name: schema.Name{Schema: typ.Schema, Name: typ.Name}})
	}
	if d.Collation != "" {
		if cn := collationRef(d.Collation); cn.Schema != "" {
			d.Deps = append(d.Deps, schema.Ref{Kind: "collation", Name: cn})
		}
	}
	for _, c := range s.Constraints {
		if err := p.domainConstraint(d, c.GetConstraint()); err != nil {
			return err
		}
	}
	p.typeNames[name] = true
	p.s.Domains = append(p.s.Domains, d)
	return nil
}

// collationRef names a collation as collationName spells it
// ("schema.name", or a built-in "name", which has no schema).
func collationRef(c string) schema.Name {
	if ns, name, ok := strings.Cut(c, "."); ok {
		return schema.Name{Schema: ns, Name: name}
	}
	return schema.Name{Name: c}
}

// domainConstraint applies one constraint of CREATE DOMAIN or ALTER
// DOMAIN ADD to d.
func (p *state) domainConstraint(d *schema.Domain, c *pg.Constraint) error {
	if c == nil {
		return fmt.Errorf("domain %s: expected a constraint", d.Name)
	}
	switch c.Contype {
	case pg.ConstrType_CONSTR_NOTNULL:
		d.NotNull = true
	case pg.ConstrType_CONSTR_NULL:
		d.NotNull = false
	case pg.ConstrType_CONSTR_DEFAULT:
		e, err := p.newExpr(c.RawExpr)
		if err != nil {
			return err
		}
		d.Default = e
		d.Deps = appendFuncDeps(d.Deps, p, c.RawExpr)
	case pg.ConstrType_CONSTR_CHECK:
		e, err := p.domainCheckExpr(c.RawExpr)
		if err != nil {
			return err
		}
		name := truncateIdent(c.Conname)
		if name == "" {
			name = p.chooseConName(d.Name.Schema, d.Name.Name, "", "check")
		} else if p.conNames[schema.Name{Schema: d.Name.Schema, Name: name}] && domainCheck(d, name) != nil {
			return fmt.Errorf("constraint %q for domain %s already exists", name, d.Name)
		}
		p.conNames[schema.Name{Schema: d.Name.Schema, Name: name}] = true
		d.Checks = append(d.Checks, &schema.DomainCheck{Name: name, Check: e, NotValid: c.SkipValidation, Pos: p.pos(c.Location)})
		d.Deps = appendFuncDeps(d.Deps, p, c.RawExpr)
	default:
		return fmt.Errorf("domain %s: %s constraints are not allowed on domains", d.Name, c.Contype)
	}
	return nil
}

// domainCheckExpr reads a domain's CHECK expression. PostgreSQL prints
// VALUE cast to the type an operator takes ((VALUE)::text for a varchar
// domain, (VALUE)::integer over another domain), which a hand-written
// check leaves implicit: the key drops every cast of VALUE.
func (p *state) domainCheckExpr(n *pg.Node) (*schema.Expr, error) {
	e, err := p.newExpr(n)
	if err != nil || e == nil {
		return e, err
	}
	k := proto.Clone(n).(*pg.Node)
	strip := func(x *pg.Node) {
		for {
			tc := x.GetTypeCast()
			if tc == nil {
				return
			}
			cr := tc.Arg.GetColumnRef()
			if cr == nil || len(cr.Fields) != 1 || cr.Fields[0].GetString_().GetSval() != "value" {
				return
			}
			x.Node = tc.Arg.Node
		}
	}
	walkNodes(k.ProtoReflect(), strip)
	strip(k)
	key, err := p.newExpr(k)
	if err != nil {
		return nil, err
	}
	return &schema.Expr{SQL: e.SQL, Key: key.Key}, nil
}

func domainCheck(d *schema.Domain, name string) *schema.DomainCheck {
	for _, c := range d.Checks {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// appendFuncDeps adds the user functions an expression calls to deps, by
// name only (an overload cannot be told without types): a function of
// pg_catalog is not a dependency, and an unqualified name is taken to be
// in the default schema, where ordering needs it.
func appendFuncDeps(deps []schema.Ref, p *state, n *pg.Node) []schema.Ref {
	if n == nil {
		return deps
	}
	add := func(x *pg.Node) {
		fc := x.GetFuncCall()
		if fc == nil {
			return
		}
		var parts []string
		for _, s := range fc.Funcname {
			parts = append(parts, s.GetString_().GetSval())
		}
		var r schema.Ref
		switch len(parts) {
		case 1:
			r = schema.Ref{Kind: "function", Name: p.qualify(schema.Name{Name: parts[0]})}
		case 2:
			if parts[0] == "pg_catalog" {
				return
			}
			r = schema.Ref{Kind: "function", Name: schema.Name{Schema: parts[0], Name: parts[1]}}
		default:
			return
		}
		if !slices.Contains(deps, r) {
			deps = append(deps, r)
		}
	}
	walkNodes(n.ProtoReflect(), add)
	add(n)
	return deps
}

func (p *state) alterDomain(s *pg.AlterDomainStmt) error {
	name, err := p.typeListName(s.TypeName)
	if err != nil {
		return err
	}
	d := p.domain(name)
	if d == nil {
		return fmt.Errorf("type %s does not exist", name)
	}
	switch s.Subtype {
	case "T": // SET / DROP DEFAULT
		if s.Def == nil {
			d.Default = nil
			return nil
		}
		e, err := p.newExpr(s.Def)
		if err != nil {
			return err
		}
		d.Default = e
		d.Deps = appendFuncDeps(d.Deps, p, s.Def)
	case "N":
		d.NotNull = false
	case "O":
		d.NotNull = true
	case "C":
		return p.domainConstraint(d, s.Def.GetConstraint())
	case "X":
		i := slices.IndexFunc(d.Checks, func(c *schema.DomainCheck) bool { return c.Name == s.Name })
		if i < 0 {
			if s.MissingOk {
				return nil
			}
			return fmt.Errorf("constraint %q of domain %s does not exist", s.Name, d.Name)
		}
		d.Checks = slices.Delete(d.Checks, i, i+1)
		delete(p.conNames, schema.Name{Schema: d.Name.Schema, Name: s.Name})
	case "V":
		c := domainCheck(d, s.Name)
		if c == nil {
			return fmt.Errorf("constraint %q of domain %s does not exist", s.Name, d.Name)
		}
		c.NotValid = false
	default:
		p.unsupported("ALTER DOMAIN", d.Name.String())
	}
	return nil
}

func (p *state) renameDomainConstraint(s *pg.RenameStmt) error {
	name, err := p.typeNodeName(s.Object)
	if err != nil {
		return err
	}
	d := p.domain(name)
	if d == nil {
		return fmt.Errorf("type %s does not exist", name)
	}
	c := domainCheck(d, s.Subname)
	if c == nil {
		return fmt.Errorf("constraint %q of domain %s does not exist", s.Subname, d.Name)
	}
	delete(p.conNames, schema.Name{Schema: d.Name.Schema, Name: c.Name})
	c.Name = truncateIdent(s.Newname)
	p.conNames[schema.Name{Schema: d.Name.Schema, Name: c.Name}] = true
	return nil
}

// typeComment handles COMMENT ON DOMAIN, ON TYPE (of a domain or enum)
// and ON CONSTRAINT ... ON DOMAIN.
func (p *state) typeComment(s *pg.CommentStmt) (bool, error) {
	switch s.Objtype {
	case pg.ObjectType_OBJECT_COLLATION:
		return true, p.collationComment(s)
	case pg.ObjectType_OBJECT_DOMAIN, pg.ObjectType_OBJECT_TYPE:
		name, err := p.typeNodeName(s.Object)
		if err != nil {
			return true, err
		}
		if d := p.domain(name); d != nil {
			d.Comment = s.Comment
			return true, nil
		}
		if e := p.enums[name]; e != nil && s.Objtype == pg.ObjectType_OBJECT_TYPE {
			e.Comment = s.Comment
			return true, nil
		}
		if c := p.compositeType(name); c != nil && s.Objtype == pg.ObjectType_OBJECT_TYPE {
			c.Comment = s.Comment
			return true, nil
		}
		if r := p.s.RangeType(name); r != nil && s.Objtype == pg.ObjectType_OBJECT_TYPE {
			r.Comment = s.Comment
			return true, nil
		}
		if s.Objtype == pg.ObjectType_OBJECT_DOMAIN {
			return true, fmt.Errorf("type %s does not exist", name)
		}
	case pg.ObjectType_OBJECT_DOMCONSTRAINT:
		items := s.Object.GetList().GetItems()
		if len(items) != 2 {
			return true, fmt.Errorf("invalid COMMENT ON CONSTRAINT ... ON DOMAIN")
		}
		name, err := p.typeNodeName(items[0])
		if err != nil {
			return true, err
		}
		d := p.domain(name)
		if d == nil {
			return true, fmt.Errorf("type %s does not exist", name)
		}
		con := items[1].GetString_().GetSval()
		c := domainCheck(d, con)
		if c == nil {
			return true, fmt.Errorf("constraint %q of domain %s does not exist", con, d.Name)
		}
		c.Comment = s.Comment
		return true, nil
	}
	return false, nil
}
