package postgres

import (
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/zdplan/zdplan/schema"
)

// This file reads row-level security (CREATE POLICY, ALTER TABLE ...
// ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL SECURITY) and the COMMENT ON
// forms of the objects the model holds besides tables, columns, views and
// schemas: indexes, constraints, sequences, policies, enum types and view
// columns.

func (p *state) policy(table schema.Name, name string) *schema.Policy {
	for _, pol := range p.s.Policies {
		if pol.Table == table && pol.Name == name {
			return pol
		}
	}
	return nil
}

func (p *state) createPolicy(s *pg.CreatePolicyStmt) error {
	tname, err := p.rangeVarName(s.Table)
	if err != nil {
		return err
	}
	if p.unmodelled[tname] {
		p.unsupported("CREATE POLICY on an unmodelled table", tname.String())
		return nil
	}
	if p.tables[tname] == nil {
		return p.errorf(s.Table.Location, "relation %s does not exist", tname)
	}
	name := truncateIdent(s.PolicyName)
	if p.policy(tname, name) != nil {
		return p.errorAt(p.stmtPos, "policy %q for table %s already exists", name, tname)
	}
	pol := &schema.Policy{Name: name, Table: tname, Permissive: s.Permissive, Command: strings.ToUpper(s.CmdName), Pos: p.stmtPos}
	if pol.Command == "" {
		pol.Command = "ALL"
	}
	if pol.Roles, err = policyRoles(s.Roles); err != nil {
		return p.errorAt(p.stmtPos, "policy %s: %v", name, err)
	}
	if pol.Using, err = p.policyExpr(s.Qual); err != nil {
		return err
	}
	if pol.Check, err = p.policyExpr(s.WithCheck); err != nil {
		return err
	}
	// PostgreSQL refuses these; say so here rather than in the plan.
	switch {
	case pol.Command == "INSERT" && pol.Using != nil:
		return p.errorAt(p.stmtPos, "policy %s: only WITH CHECK expression allowed for INSERT", name)
	case (pol.Command == "SELECT" || pol.Command == "DELETE") && pol.Check != nil:
		return p.errorAt(p.stmtPos, "policy %s: WITH CHECK cannot be applied to SELECT or DELETE", name)
	}
	p.s.Policies = append(p.s.Policies, pol)
	return nil
}

// policyRoles turns a TO list into sorted role names; an empty list means
// PUBLIC.
func policyRoles(nodes []*pg.Node) ([]string, error) {
	var roles []string
	for _, n := range nodes {
		r := n.GetRoleSpec()
		if r == nil {
			return nil, fmt.Errorf("unexpected role in TO list")
		}
		switch r.Roletype {
		case pg.RoleSpecType_ROLESPEC_PUBLIC:
			roles = append(roles, "public")
		case pg.RoleSpecType_ROLESPEC_CURRENT_USER:
			roles = append(roles, "current_user")
		case pg.RoleSpecType_ROLESPEC_CURRENT_ROLE:
			roles = append(roles, "current_role")
		case pg.RoleSpecType_ROLESPEC_SESSION_USER:
			roles = append(roles, "session_user")
		default:
			roles = append(roles, truncateIdent(r.Rolename))
		}
	}
	if len(roles) == 0 {
		roles = []string{"public"}
	}
	slices.Sort(roles)
	return slices.Compact(roles), nil
}

// alterPolicy applies ALTER POLICY ... TO / USING / WITH CHECK; a rename
// is not modelled.
func (p *state) alterPolicy(s *pg.AlterPolicyStmt) error {
	tname, err := p.rangeVarName(s.Table)
	if err != nil {
		return err
	}
	pol := p.policy(tname, truncateIdent(s.PolicyName))
	if pol == nil {
		if p.unmodelled[tname] {
			p.unsupported("ALTER POLICY on an unmodelled table", tname.String())
			return nil
		}
		return p.errorAt(p.stmtPos, "policy %q for table %s does not exist", s.PolicyName, tname)
	}
	if len(s.Roles) > 0 {
		if pol.Roles, err = policyRoles(s.Roles); err != nil {
			return err
		}
	}
	if s.Qual != nil {
		if pol.Using, err = p.policyExpr(s.Qual); err != nil {
			return err
		}
	}
	if s.WithCheck != nil {
		if pol.Check, err = p.policyExpr(s.WithCheck); err != nil {
			return err
		}
	}
	return nil
}

// policyExpr reads a policy's USING or WITH CHECK expression. Its key
// also drops what pg_get_expr adds to a policy: the relation name before
// the columns of a subquery over one relation, and the cast to text of
// current_setting, which returns text already.
func (p *state) policyExpr(n *pg.Node) (*schema.Expr, error) {
	e, err := p.newExpr(p.qualifyRelations(n))
	if err != nil || e == nil {
		return e, err
	}
	tree, err := pg.Parse("SELECT " + e.Key)
	if err != nil || len(tree.Stmts) != 1 || len(tree.Stmts[0].Stmt.GetSelectStmt().GetTargetList()) != 1 {
		return e, nil
	}
	k := tree.Stmts[0].Stmt.GetSelectStmt().TargetList[0].GetResTarget().GetVal()
	norm := func(x *pg.Node) {
		if x.GetSelectStmt() != nil {
			unqualifySingleRelation(x)
		}
		if c := x.GetTypeCast(); c != nil && isTextish(c.TypeName) {
			if fc := c.Arg.GetFuncCall(); fc != nil && funcName(fc) == "current_setting" {
				x.Node = c.Arg.Node
			}
		}
	}
	walkNodes(k.ProtoReflect(), norm)
	norm(k)
	if key, err := deparseExpr(k); err == nil {
		e.Key = key
	}
	return e, nil
}

// qualifyRelations returns a copy of an expression in which the relations
// its subqueries read are qualified, as PostgreSQL resolves them under the
// file's search path: the plan then creates the policy on the same
// relations whatever search path it runs under.
func (p *state) qualifyRelations(n *pg.Node) *pg.Node {
	if n == nil {
		return nil
	}
	n = proto.Clone(n).(*pg.Node)
	ctes := map[string]bool{}
	walkNodes(n.ProtoReflect(), func(x *pg.Node) {
		if c := x.GetCommonTableExpr(); c != nil {
			ctes[c.Ctename] = true
		}
	})
	walkNodes(n.ProtoReflect(), func(x *pg.Node) {
		rv := x.GetRangeVar()
		if rv == nil || rv.Schemaname != "" || ctes[rv.Relname] {
			return
		}
		for _, s := range p.searchPath {
			k := schema.Name{Schema: s, Name: rv.Relname}
			if p.tables[k] != nil || p.views[k] != nil || p.unmodelled[k] {
				rv.Schemaname = s
				return
			}
		}
	})
	return n
}

// rowSecurity handles ALTER TABLE ... ENABLE/DISABLE/FORCE/NO FORCE ROW
// LEVEL SECURITY.
func rowSecurity(t *schema.Table, cmd *pg.AlterTableCmd) {
	switch cmd.Subtype {
	case pg.AlterTableType_AT_EnableRowSecurity:
		t.RowSecurity = true
	case pg.AlterTableType_AT_DisableRowSecurity:
		t.RowSecurity = false
	case pg.AlterTableType_AT_ForceRowSecurity:
		t.ForceRowSecurity = true
	case pg.AlterTableType_AT_NoForceRowSecurity:
		t.ForceRowSecurity = false
	}
}

// securityComment handles the COMMENT ON forms of this file; it reports
// whether it knew the object type.
func (p *state) securityComment(s *pg.CommentStmt) (bool, error) {
	items := s.Object.GetList().GetItems()
	switch s.Objtype {
	case pg.ObjectType_OBJECT_SCHEMA:
		if s.Object.GetString_().GetSval() != "public" {
			return false, nil
		}
		// The public schema is not created by the file, but its comment
		// is the user's (pg_dump writes it only when it is not the
		// server's own).
		p.s.PublicComment = s.Comment
		if s.Comment == schema.PublicDefaultComment {
			p.s.PublicComment = ""
		}
		return true, nil
	case pg.ObjectType_OBJECT_INDEX:
		name, err := p.nameList(items)
		if err != nil {
			return true, err
		}
		if i := p.indexes[name]; i != nil {
			i.Comment = s.Comment
			return true, nil
		}
		return true, fmt.Errorf("index %s does not exist", name)
	case pg.ObjectType_OBJECT_SEQUENCE:
		name, err := p.nameList(items)
		if err != nil {
			return true, err
		}
		if q := p.seqs[name]; q != nil {
			q.Comment = s.Comment
			return true, nil
		}
		for _, t := range p.s.Tables {
			for _, c := range t.Columns {
				if id := c.Extra().Identity; id != nil && id.Sequence != nil && id.Sequence.Name == name {
					p.unsupported("COMMENT ON SEQUENCE of an identity column", name.String())
					return true, nil
				}
			}
		}
		return true, fmt.Errorf("sequence %s does not exist", name)
	case pg.ObjectType_OBJECT_TABCONSTRAINT, pg.ObjectType_OBJECT_POLICY:
		if len(items) < 2 {
			return true, fmt.Errorf("invalid name in COMMENT ON %s", strings.TrimPrefix(s.Objtype.String(), "OBJECT_"))
		}
		tname, err := p.nameList(items[:len(items)-1])
		if err != nil {
			return true, err
		}
		obj := items[len(items)-1].GetString_().GetSval()
		t := p.tables[tname]
		if t == nil {
			if p.unmodelled[tname] {
				p.unsupported("COMMENT ON an object of an unmodelled relation", tname.String()+"."+obj)
				return true, nil
			}
			return true, fmt.Errorf("relation %s does not exist", tname)
		}
		if s.Objtype == pg.ObjectType_OBJECT_POLICY {
			pol := p.policy(tname, obj)
			if pol == nil {
				return true, fmt.Errorf("policy %q for table %s does not exist", obj, tname)
			}
			pol.Comment = s.Comment
			return true, nil
		}
		c := t.Constraint(obj)
		if c == nil {
			return true, fmt.Errorf("constraint %q for table %s does not exist", obj, tname)
		}
		c.Comment = s.Comment
		return true, nil
	case pg.ObjectType_OBJECT_TYPE:
		tn := s.Object.GetTypeName()
		if tn == nil {
			return false, nil
		}
		name, err := p.nameList(tn.Names)
		if err != nil {
			return true, err
		}
		if e := p.enums[name]; e != nil {
			e.Comment = s.Comment
			return true, nil
		}
		// Other types are not modelled here.
		return false, nil
	}
	return false, nil
}

// viewColumnComment sets a COMMENT ON COLUMN of a view's output column;
// it reports whether name is a modelled view.
func (p *state) viewColumnComment(name schema.Name, col, comment string) (bool, error) {
	v := p.views[name]
	if v == nil {
		return false, nil
	}
	// The output columns of a view are known without its relations only
	// when listed; otherwise the comment is kept as written and compared
	// by name.
	if len(v.Columns) > 0 && !slices.Contains(v.Columns, col) {
		return true, fmt.Errorf("column %q of relation %s does not exist", col, name)
	}
	if comment == "" {
		delete(v.ColumnComments, col)
		return true, nil
	}
	if v.ColumnComments == nil {
		v.ColumnComments = map[string]string{}
	}
	v.ColumnComments[col] = comment
	return true, nil
}
