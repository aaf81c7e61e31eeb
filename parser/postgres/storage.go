package postgres

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// This file reads a table's storage parameters (CREATE TABLE ... WITH
// (...), ALTER TABLE ... SET / RESET (...)), its REPLICA IDENTITY, and
// ALTER COLUMN ... DROP EXPRESSION.

// storageParams reads the WITH (...) of CREATE TABLE or CREATE
// MATERIALIZED VIEW; nil when there is none, or when one is unsupported.
func (p *state) storageParams(rel schema.Name, opts []*pg.Node) ([]string, error) {
	params, _, err := p.relOptions(rel, opts, false)
	if err != nil || len(params) == 0 {
		return nil, err
	}
	return setParams(nil, params), nil
}

// relOptions renders storage parameters the way pg_class.reloptions
// stores them: name=value, the value as written (a keyword lower-cased,
// a bare name "true"). With reset, only the names are read. ok is false,
// the statement reported unsupported, when a parameter is one the model
// does not hold: toast.*, which PostgreSQL keeps on the TOAST table and
// silently drops when the table has none, so that a schema file and a
// live database would differ.
func (p *state) relOptions(table schema.Name, opts []*pg.Node, reset bool) (params []string, ok bool, err error) {
	for _, o := range opts {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		if d.Defnamespace != "" {
			p.unsupported(fmt.Sprintf("storage parameter %s.%s", d.Defnamespace, d.Defname), table.String())
			return nil, false, nil
		}
		if reset {
			params = append(params, d.Defname)
			continue
		}
		val, err := relOptionValue(d)
		if err != nil {
			return nil, false, p.errorAt(p.stmtPos, "table %s: %v", table, err)
		}
		if d.Defname == "oids" && schema.StorageParamKey("oids="+val) == "oids=false" {
			// Accepted for compatibility and not stored (PostgreSQL 12+).
			continue
		}
		params = append(params, d.Defname+"="+val)
	}
	return params, true, nil
}

// relOptionValue is a storage parameter's value as PostgreSQL stores it.
func relOptionValue(d *pg.DefElem) (string, error) {
	switch a := d.Arg.GetNode().(type) {
	case nil:
		return "true", nil
	case *pg.Node_Integer:
		return strconv.Itoa(int(a.Integer.Ival)), nil
	case *pg.Node_Float:
		return a.Float.Fval, nil
	case *pg.Node_String_:
		return a.String_.Sval, nil
	case *pg.Node_Boolean:
		return strconv.FormatBool(a.Boolean.Boolval), nil
	case *pg.Node_TypeName:
		return typeNameString(a.TypeName), nil
	}
	return "", fmt.Errorf("storage parameter %s has an unsupported value", d.Defname)
}

// setParams sets params in list as ALTER TABLE ... SET does: PostgreSQL
// keeps the parameters not named first, in their order, then appends the
// ones set, so that a dump lists them in the same order.
func setParams(list, params []string) []string {
	names := map[string]bool{}
	for _, s := range params {
		name, _, _ := strings.Cut(s, "=")
		names[name] = true
	}
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool {
		name, _, _ := strings.Cut(s, "=")
		return names[name]
	})
	seen := map[string]int{}
	for _, s := range params {
		name, _, _ := strings.Cut(s, "=")
		if i, ok := seen[name]; ok {
			// PostgreSQL refuses a parameter given twice; the last one
			// wins here, and the server says so when the plan runs.
			out[i] = s
			continue
		}
		seen[name] = len(out)
		out = append(out, s)
	}
	return out
}

// resetParams removes the named parameters from list.
func resetParams(list, names []string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(s string) bool {
		name, _, _ := strings.Cut(s, "=")
		return slices.Contains(names, name)
	})
}

// alterStorageParams applies ALTER TABLE ... SET (...) or RESET (...).
func (p *state) alterStorageParams(t *schema.Table, cmd *pg.AlterTableCmd) error {
	params, _, err := p.alterRelOptions(t.Name, t.StorageParams, cmd)
	t.StorageParams = params
	return err
}

// alterRelOptions applies one SET (...) or RESET (...) of relation name
// to its params. ok is false when an option is not modelled (reported
// already): params are returned unchanged then.
func (p *state) alterRelOptions(name schema.Name, params []string, cmd *pg.AlterTableCmd) (_ []string, ok bool, err error) {
	reset := cmd.Subtype == pg.AlterTableType_AT_ResetRelOptions
	opts, ok, err := p.relOptions(name, cmd.Def.GetList().GetItems(), reset)
	if err != nil || !ok {
		return params, ok, err
	}
	return applyParams(params, reset, opts), true, nil
}

// applyParams applies a SET (params) or RESET (names) to list; none left
// is nil, as a relation without parameters has.
func applyParams(list []string, reset bool, params []string) []string {
	if reset {
		list = resetParams(list, params)
	} else {
		list = setParams(list, params)
	}
	if len(list) == 0 {
		return nil
	}
	return list
}

// onlyStorageParams reports whether every command is SET or RESET of
// storage parameters.
func onlyStorageParams(cmds []*pg.Node) bool {
	for _, cn := range cmds {
		switch cn.GetAlterTableCmd().GetSubtype() {
		case pg.AlterTableType_AT_SetRelOptions, pg.AlterTableType_AT_ResetRelOptions:
		default:
			return false
		}
	}
	return len(cmds) > 0
}

// alterViewStorageParams applies ALTER MATERIALIZED VIEW ... SET (...) or
// RESET (...).
func (p *state) alterViewStorageParams(v *schema.View, cmds []*pg.Node) error {
	for _, cn := range cmds {
		params, ok, err := p.alterRelOptions(v.Name, v.StorageParams, cn.GetAlterTableCmd())
		v.StorageParams = params
		if err != nil || !ok {
			return err
		}
	}
	return nil
}

// alterIndexStorageParams applies ALTER INDEX ... SET (...) or RESET
// (...), with the values spelled as CREATE INDEX ... WITH keeps them.
func (p *state) alterIndexStorageParams(idx *schema.Index, cmds []*pg.Node) error {
	for _, cn := range cmds {
		cmd := cn.GetAlterTableCmd()
		var params []string
		for _, o := range cmd.Def.GetList().GetItems() {
			d := o.GetDefElem()
			if d == nil {
				continue
			}
			if cmd.Subtype == pg.AlterTableType_AT_ResetRelOptions {
				params = append(params, d.Defname)
				continue
			}
			opt, err := defElemSetting(d)
			if err != nil {
				return p.errorAt(p.stmtPos, "index %s: %v", idx.Name, err)
			}
			params = append(params, opt)
		}
		idx.Options = applyParams(idx.Options, cmd.Subtype == pg.AlterTableType_AT_ResetRelOptions, params)
	}
	return nil
}

// replicaIdentity applies ALTER TABLE ... REPLICA IDENTITY. USING INDEX
// names an index of the table, or the index of one of its PRIMARY KEY or
// UNIQUE constraints.
func (p *state) replicaIdentity(t *schema.Table, ri *pg.ReplicaIdentityStmt) error {
	switch ri.IdentityType {
	case "d":
		t.ReplicaIdentity = ""
	case "f":
		t.ReplicaIdentity = "FULL"
	case "n":
		t.ReplicaIdentity = "NOTHING"
	case "i":
		name := truncateIdent(ri.Name)
		if name == "FULL" || name == "NOTHING" {
			// The model spells those identities so (see Table).
			p.unsupported("REPLICA IDENTITY USING INDEX "+QuoteIdent(name), t.Name.String())
			return nil
		}
		idx := p.indexes[schema.Name{Schema: t.Name.Schema, Name: name}]
		con := t.Constraint(name)
		switch {
		case idx != nil && idx.Table == t.Name:
			if !idx.Unique || idx.Where != nil {
				return p.errorAt(p.stmtPos, "index %q cannot be used as replica identity: it must be unique and not partial", name)
			}
		case con != nil && (con.Kind == schema.PrimaryKey || con.Kind == schema.Unique):
		default:
			return p.errorAt(p.stmtPos, "index %q for table %s does not exist", name, t.Name)
		}
		t.ReplicaIdentity = name
	default:
		return p.errorAt(p.stmtPos, "unknown replica identity %q", ri.IdentityType)
	}
	return nil
}
