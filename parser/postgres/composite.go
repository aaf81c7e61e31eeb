package postgres

import (
	"fmt"
	"slices"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// This file reads composite types: CREATE TYPE ... AS (...), ALTER TYPE
// ADD / DROP / ALTER ATTRIBUTE, RENAME ATTRIBUTE, COMMENT ON TYPE.

func (p *state) compositeType(n schema.Name) *schema.CompositeType {
	for _, c := range p.s.CompositeTypes {
		if c.Name == n {
			return c
		}
	}
	return nil
}

func (p *state) createComposite(s *pg.CompositeTypeStmt) error {
	name, err := p.rangeVarName(s.Typevar)
	if err != nil {
		return err
	}
	if p.typeNames[name] || p.relNames[name] {
		return fmt.Errorf("type %s already exists", name)
	}
	ct := &schema.CompositeType{Name: name, Pos: p.stmtPos}
	for _, n := range s.Coldeflist {
		a, err := p.attribute(ct, n.GetColumnDef())
		if err != nil {
			return err
		}
		if ct.Attribute(a.Name) != nil {
			return fmt.Errorf("column %q specified more than once", a.Name)
		}
		ct.Attributes = append(ct.Attributes, a)
	}
	ct.Deps = compositeDeps(ct)
	p.typeNames[name] = true
	// A composite type has a row in pg_class: no relation may share its
	// name.
	p.relNames[name] = true
	p.s.CompositeTypes = append(p.s.CompositeTypes, ct)
	return nil
}

// attribute reads one attribute of a composite type.
func (p *state) attribute(ct *schema.CompositeType, cd *pg.ColumnDef) (*schema.Attribute, error) {
	if cd == nil {
		return nil, fmt.Errorf("type %s: expected an attribute", ct.Name)
	}
	if len(cd.Constraints) > 0 {
		return nil, fmt.Errorf("type %s: attribute %s: constraints are not allowed on composite types", ct.Name, cd.Colname)
	}
	typ, serial, err := p.resolveType(cd.TypeName)
	if err != nil {
		return nil, err
	}
	if serial != "" {
		return nil, fmt.Errorf("type %s: attribute %s: serial is not a type", ct.Name, cd.Colname)
	}
	a := &schema.Attribute{Name: truncateIdent(cd.Colname), Type: typ, Pos: p.pos(cd.Location)}
	if cd.CollClause != nil {
		a.Collation = p.collationName(cd.CollClause.Collname)
	}
	return a, nil
}

// compositeDeps lists the user types and collations the attributes use.
func compositeDeps(ct *schema.CompositeType) []schema.Ref {
	var deps []schema.Ref
	add := func(r schema.Ref) {
		if !slices.Contains(deps, r) {
			deps = append(deps, r)
		}
	}
	for _, a := range ct.Attributes {
		if a.Type.Schema != "" {
			add(schema.Ref{Kind: "type", Name: schema.Name{Schema: a.Type.Schema, Name: a.Type.Name}})
		}
		if cn := collationRef(a.Collation); cn.Schema != "" {
			add(schema.Ref{Kind: "collation", Name: cn})
		}
	}
	return deps
}

// alterComposite handles ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE.
func (p *state) alterComposite(s *pg.AlterTableStmt) error {
	name, err := p.rangeVarName(s.Relation)
	if err != nil {
		return err
	}
	ct := p.compositeType(name)
	if ct == nil {
		if p.typeNames[name] {
			p.unsupported("ALTER TYPE", name.String())
			return nil
		}
		return fmt.Errorf("type %s does not exist", name)
	}
	for _, n := range s.Cmds {
		cmd := n.GetAlterTableCmd()
		switch cmd.Subtype {
		case pg.AlterTableType_AT_AddColumn:
			a, err := p.attribute(ct, cmd.Def.GetColumnDef())
			if err != nil {
				return err
			}
			if ct.Attribute(a.Name) != nil {
				return fmt.Errorf("column %q of relation %s already exists", a.Name, ct.Name.Name)
			}
			ct.Attributes = append(ct.Attributes, a)
		case pg.AlterTableType_AT_DropColumn:
			i := slices.IndexFunc(ct.Attributes, func(a *schema.Attribute) bool { return a.Name == cmd.Name })
			if i < 0 {
				if cmd.MissingOk {
					continue
				}
				return fmt.Errorf("column %q of relation %s does not exist", cmd.Name, ct.Name.Name)
			}
			ct.Attributes = slices.Delete(ct.Attributes, i, i+1)
		case pg.AlterTableType_AT_AlterColumnType:
			a := ct.Attribute(cmd.Name)
			if a == nil {
				return fmt.Errorf("column %q of relation %s does not exist", cmd.Name, ct.Name.Name)
			}
			cd := cmd.Def.GetColumnDef()
			cd.Colname = cmd.Name
			na, err := p.attribute(ct, cd)
			if err != nil {
				return err
			}
			a.Type, a.Collation = na.Type, na.Collation
		default:
			p.unsupported("ALTER TYPE", name.String())
			return nil
		}
	}
	ct.Deps = compositeDeps(ct)
	return nil
}

// renameAttribute handles ALTER TYPE ... RENAME ATTRIBUTE.
func (p *state) renameAttribute(s *pg.RenameStmt) error {
	name, err := p.rangeVarName(s.Relation)
	if err != nil {
		return err
	}
	ct := p.compositeType(name)
	if ct == nil {
		return fmt.Errorf("type %s does not exist", name)
	}
	a := ct.Attribute(s.Subname)
	if a == nil {
		return fmt.Errorf("column %q of relation %s does not exist", s.Subname, ct.Name.Name)
	}
	nn := truncateIdent(s.Newname)
	if ct.Attribute(nn) != nil {
		return fmt.Errorf("column %q of relation %s already exists", nn, ct.Name.Name)
	}
	a.Name = nn
	return nil
}
