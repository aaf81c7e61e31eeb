package postgres

import (
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// draft is a constraint read from DDL before PostgreSQL's implicit name has
// been chosen for it; naming needs the raw expression (for CHECK) and must
// follow the order PostgreSQL names constraints in.
type draft struct {
	con *schema.Constraint
	raw *pg.Constraint
}

func (p *state) createTable(cs *pg.CreateStmt) error {
	name, err := p.rangeVarName(cs.Relation)
	if err != nil {
		return err
	}
	t := &schema.Table{Name: name, Pos: p.pos(cs.Relation.Location)}
	unsupported, err := p.partitionParents(t, cs)
	if err != nil {
		return err
	}
	switch {
	case unsupported != "":
	case cs.OfTypename != nil:
		unsupported = "CREATE TABLE ... OF (typed table)"
	case cs.Relation.Relpersistence == "u":
		unsupported = "CREATE UNLOGGED TABLE"
	case cs.Relation.Relpersistence == "t":
		unsupported = "CREATE TEMPORARY TABLE"
	case cs.AccessMethod != "":
		unsupported = "CREATE TABLE ... USING (table access method)"
	}
	for _, elt := range cs.TableElts {
		if elt.GetTableLikeClause() != nil {
			unsupported = "CREATE TABLE ... (LIKE ...)"
		}
	}
	if unsupported != "" {
		p.unsupported(unsupported, name.String())
		p.unmodelled[name] = true
		p.relNames[name] = true
		return nil
	}
	if p.relNames[name] {
		if cs.IfNotExists {
			return nil
		}
		return p.errorf(cs.Relation.Location, "relation %s already exists", name)
	}
	p.relNames[name] = true
	var drafts []draft
	for _, elt := range cs.TableElts {
		switch x := elt.Node.(type) {
		case *pg.Node_ColumnDef:
			if t.IsPartition() {
				if what := p.partitionColumnOptions(t, x.ColumnDef); what != "" {
					p.unsupported(what, name.String()+"."+x.ColumnDef.Colname)
				}
				continue
			}
			col, ds, err := p.columnDef(t, x.ColumnDef)
			if err != nil {
				return err
			}
			if t.Column(col.Name) != nil {
				return p.errorf(x.ColumnDef.Location, "column %q specified more than once", col.Name)
			}
			t.Columns = append(t.Columns, col)
			drafts = append(drafts, ds...)
		case *pg.Node_Constraint:
			d, err := p.tableConstraint(x.Constraint, "")
			if err != nil {
				return err
			}
			drafts = append(drafts, d)
		default:
			return fmt.Errorf("unexpected table element %T", elt.Node)
		}
	}
	if len(cs.Options) > 0 && cs.Partspec != nil {
		return p.errorf(cs.Relation.Location, "cannot specify storage parameters for a partitioned table")
	}
	if t.StorageParams, err = p.storageParams(name, cs.Options); err != nil {
		return err
	}
	if err := p.mergeInherited(t); err != nil {
		return err
	}
	if cs.Partspec != nil {
		if err := p.partitionSpec(t, cs.Partspec); err != nil {
			return err
		}
	}
	p.tables[name] = t
	p.s.Tables = append(p.s.Tables, t)

	// PostgreSQL names CHECK constraints when it creates the relation,
	// then PRIMARY KEY and UNIQUE indexes, then foreign keys.
	order := map[schema.ConstraintKind]int{schema.Check: 0, schema.PrimaryKey: 1, schema.Unique: 1, schema.Exclude: 1, schema.ForeignKey: 2}
	slices.SortStableFunc(drafts, func(a, b draft) int { return order[a.con.Kind] - order[b.con.Kind] })
	for _, d := range drafts {
		if err := p.addConstraint(t, d); err != nil {
			return err
		}
	}
	p.slabs.KeepTable(t)
	return nil
}

// columnDef reads a column definition and returns the constraints declared
// on it, not yet named.
func (p *state) columnDef(t *schema.Table, cd *pg.ColumnDef) (*schema.Column, []draft, error) {
	typ, serial, err := p.resolveType(cd.TypeName)
	if err != nil {
		return nil, nil, p.errorf(cd.TypeName.Location, "column %q: %v", cd.Colname, err)
	}
	col := &schema.Column{Name: truncateIdent(cd.Colname), Type: p.types.Share(typ), NotNull: cd.IsNotNull, Pos: p.pos(cd.Location)}
	if cd.CollClause != nil {
		col.SetExtra(func(e *schema.ColumnExtra) { e.Collation = p.collationName(cd.CollClause.Collname) })
	}
	if cd.RawDefault != nil {
		if col.Default, err = p.newExpr(cd.RawDefault); err != nil {
			return nil, nil, err
		}
	}
	var drafts []draft
	for _, cn := range cd.Constraints {
		c := cn.GetConstraint()
		if c == nil {
			continue
		}
		switch c.Contype {
		case pg.ConstrType_CONSTR_NOTNULL:
			col.NotNull = true
		case pg.ConstrType_CONSTR_NULL:
			col.NotNull = false
		case pg.ConstrType_CONSTR_DEFAULT:
			if col.Default, err = p.newExpr(c.RawExpr); err != nil {
				return nil, nil, err
			}
			col.Default = p.exprs.Share(col.Default)
		case pg.ConstrType_CONSTR_IDENTITY:
			id, err := p.identity(t, col, c)
			if err != nil {
				return nil, nil, err
			}
			col.SetExtra(func(e *schema.ColumnExtra) { e.Identity = id })
			col.NotNull = true
		case pg.ConstrType_CONSTR_GENERATED:
			x, err := p.newExpr(c.RawExpr)
			if err != nil {
				return nil, nil, err
			}
			col.SetExtra(func(e *schema.ColumnExtra) { e.Generated = x })
		case pg.ConstrType_CONSTR_ATTR_DEFERRABLE, pg.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE,
			pg.ConstrType_CONSTR_ATTR_DEFERRED, pg.ConstrType_CONSTR_ATTR_IMMEDIATE:
			if len(drafts) == 0 {
				return nil, nil, p.errorf(c.Location, "misplaced constraint attribute")
			}
			applyAttr(drafts[len(drafts)-1].con, c.Contype)
		default:
			d, err := p.tableConstraint(c, col.Name)
			if err != nil {
				return nil, nil, err
			}
			drafts = append(drafts, d)
		}
	}
	if serial != "" {
		if col.Default != nil || col.Extra().Identity != nil {
			return nil, nil, p.errorf(cd.Location, "multiple default values specified for column %q", col.Name)
		}
		seqName := schema.Name{Schema: t.Name.Schema, Name: p.chooseRelName(t.Name.Schema, t.Name.Name, col.Name, "seq")}
		seq := p.newSequence(seqName, typ.Name)
		seq.OwnedBy = p.slabs.Owners.Put(schema.ColumnRef{Table: t.Name, Column: col.Name})
		seq.Pos = col.Pos
		p.addSequence(seq)
		col.Default = serialDefault(seqName)
		col.NotNull = true
	}
	return col, drafts, nil
}

func applyAttr(c *schema.Constraint, attr pg.ConstrType) {
	switch attr {
	case pg.ConstrType_CONSTR_ATTR_DEFERRABLE:
		c.Deferrable = true
	case pg.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE:
		c.Deferrable = false
	case pg.ConstrType_CONSTR_ATTR_DEFERRED:
		c.InitiallyDeferred = true
		c.Deferrable = true
	case pg.ConstrType_CONSTR_ATTR_IMMEDIATE:
		c.InitiallyDeferred = false
	}
}

// collationName spells a collation name as the model keeps it: "" for the
// default, "schema.name", or a bare name for one of pg_catalog — unless
// that name holds a dot itself ("C.utf8"), which keeps its schema so that
// the first dot always ends the schema (see QuoteDotted).
func collationName(names []*pg.Node) string {
	var parts []string
	for _, n := range names {
		parts = append(parts, n.GetString_().GetSval())
	}
	if len(parts) == 2 && parts[0] == "pg_catalog" && !strings.Contains(parts[1], ".") {
		parts = parts[1:]
	}
	if len(parts) == 1 && parts[0] == "default" {
		return ""
	}
	if len(parts) == 1 && strings.Contains(parts[0], ".") {
		parts = []string{"pg_catalog", parts[0]}
	}
	return strings.Join(parts, ".")
}

// identity builds an identity column's implicit sequence.
func (p *state) identity(t *schema.Table, col *schema.Column, c *pg.Constraint) (*schema.Identity, error) {
	id := &schema.Identity{Always: c.GeneratedWhen == "a"}
	var seqName schema.Name
	var opts []*pg.Node
	for _, o := range c.Options {
		d := o.GetDefElem()
		if d != nil && d.Defname == "sequence_name" {
			n, err := p.nameList(d.Arg.GetList().GetItems())
			if err != nil {
				return nil, err
			}
			seqName = n
			continue
		}
		opts = append(opts, o)
	}
	if seqName.Name == "" {
		seqName = schema.Name{Schema: t.Name.Schema, Name: p.chooseRelName(t.Name.Schema, t.Name.Name, col.Name, "seq")}
	}
	p.relNames[seqName] = true
	seq := p.newSequence(seqName, col.Type.Name)
	if err := p.sequenceOptions(seq, opts, true); err != nil {
		return nil, err
	}
	seq.OwnedBy = p.slabs.Owners.Put(schema.ColumnRef{Table: t.Name, Column: col.Name})
	id.Sequence = seq
	return id, nil
}

var fkActions = map[string]string{"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT", "": "NO ACTION"}
var fkMatch = map[string]string{"s": "SIMPLE", "f": "FULL", "p": "PARTIAL", "": "SIMPLE"}

// tableConstraint reads a PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK
// constraint; column is set for one declared on a column.
func (p *state) tableConstraint(c *pg.Constraint, column string) (draft, error) {
	con := p.slabs.Constraints.Put(schema.Constraint{
		Name:              truncateIdent(c.Conname),
		Deferrable:        c.Deferrable,
		InitiallyDeferred: c.Initdeferred,
		NotValid:          c.SkipValidation,
		Pos:               p.pos(c.Location),
	})
	cols := func(nodes []*pg.Node) []string {
		var out []string
		for _, n := range nodes {
			out = append(out, truncateIdent(n.GetString_().GetSval()))
		}
		if len(out) == 0 && column != "" {
			out = []string{column}
		}
		return out
	}
	switch c.Contype {
	case pg.ConstrType_CONSTR_PRIMARY, pg.ConstrType_CONSTR_UNIQUE:
		con.Kind = schema.Unique
		if c.Contype == pg.ConstrType_CONSTR_PRIMARY {
			con.Kind = schema.PrimaryKey
		}
		if c.Indexname == "" {
			con.Columns = cols(c.Keys)
		}
		con.Include = cols(c.Including)
		if len(c.Including) == 0 {
			con.Include = nil
		}
		con.NullsNotDistinct = c.NullsNotDistinct
		if len(c.Options) > 0 || c.Indexspace != "" {
			p.note(parser.Warning, con.Pos, "index storage options of constraint %s are ignored", c.Conname)
		}
	case pg.ConstrType_CONSTR_FOREIGN:
		con.Kind = schema.ForeignKey
		con.Columns = cols(c.FkAttrs)
		ref, err := p.rangeVarName(c.Pktable)
		if err != nil {
			return draft{}, err
		}
		con.Ref = p.slabs.References.New()
		con.Ref.Table = ref
		for _, n := range c.PkAttrs {
			con.Ref.Columns = append(con.Ref.Columns, truncateIdent(n.GetString_().GetSval()))
		}
		con.Ref.OnDelete, con.Ref.OnUpdate, con.Ref.Match = fkActions[c.FkDelAction], fkActions[c.FkUpdAction], fkMatch[c.FkMatchtype]
		if len(c.FkDelSetCols) > 0 {
			return draft{}, p.errorf(c.Location, "unsupported: ON DELETE SET NULL/DEFAULT with a column list")
		}
	case pg.ConstrType_CONSTR_CHECK:
		con.Kind = schema.Check
		e, err := p.newExpr(c.RawExpr)
		if err != nil {
			return draft{}, err
		}
		con.Check = e
		con.Columns = columnRefs(c.RawExpr)
		con.NoInherit = c.IsNoInherit
	case pg.ConstrType_CONSTR_EXCLUSION:
		if err := p.exclusion(con, c); err != nil {
			return draft{}, err
		}
	default:
		return draft{}, p.errorf(c.Location, "unsupported constraint type %s", c.Contype)
	}
	return draft{con: con, raw: c}, nil
}

// addConstraint names a constraint the way PostgreSQL would and attaches
// it to its table.
func (p *state) addConstraint(t *schema.Table, d draft) error {
	c := d.con
	for _, col := range append(slices.Clone(c.Columns), c.Include...) {
		if p.effColumn(t, col) == nil {
			return p.errorAt(c.Pos, "column %q named in constraint does not exist in %s", col, t.Name)
		}
	}
	ns := t.Name.Schema
	if c.Name == "" {
		switch c.Kind {
		case schema.PrimaryKey:
			c.Name = p.chooseRelName(ns, t.Name.Name, "", "pkey")
		case schema.Unique:
			c.Name = p.chooseRelName(ns, t.Name.Name, joinColumnNames(indexColumnNames(append(slices.Clone(c.Columns), c.Include...))), "key")
		case schema.ForeignKey:
			c.Name = p.chooseConName(ns, t.Name.Name, joinColumnNames(c.Columns), "fkey")
		case schema.Check:
			var col string
			if refs := columnRefs(d.raw.RawExpr); len(refs) == 1 {
				col = refs[0]
			}
			c.Name = p.chooseConName(ns, t.Name.Name, col, "check")
		case schema.Exclude:
			c.Name = p.chooseRelName(ns, t.Name.Name, joinColumnNames(indexColumnNames(exclusionNames(d.raw))), "excl")
		}
	}
	if t.Constraint(c.Name) != nil {
		return p.errorAt(c.Pos, "constraint %q for relation %s already exists", c.Name, t.Name)
	}
	p.conNames[schema.Name{Schema: ns, Name: c.Name}] = true
	if c.Kind == schema.PrimaryKey || c.Kind == schema.Unique || c.Kind == schema.Exclude {
		p.relNames[schema.Name{Schema: ns, Name: c.Name}] = true
	}
	if c.Kind == schema.PrimaryKey {
		if t.PrimaryKey() != nil {
			return p.errorAt(c.Pos, "multiple primary keys for table %s are not allowed", t.Name)
		}
		for _, name := range c.Columns {
			// A column a partition takes from its parent is NOT NULL
			// there already (PostgreSQL requires the parent's key).
			if col := t.Column(name); col != nil {
				col.NotNull = true
			}
		}
	}
	if c.Kind == schema.ForeignKey && len(c.Ref.Columns) == 0 {
		p.pendingFKs = append(p.pendingFKs, pendingFK{table: t, con: c})
	}
	t.Constraints = append(t.Constraints, c)
	return nil
}

func (p *state) errorAt(pos schema.Pos, format string, args ...any) error {
	return &parser.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *state) chooseRelName(ns, name1, name2, label string) string {
	return chooseName(name1, name2, label, func(n string) bool {
		k := schema.Name{Schema: ns, Name: n}
		return p.relNames[k] || p.conNames[k]
	})
}

func (p *state) chooseConName(ns, name1, name2, label string) string {
	return chooseName(name1, name2, label, func(n string) bool {
		return p.conNames[schema.Name{Schema: ns, Name: n}]
	})
}

// serialDefault is the default of a serial column, nextval('seq'::regclass),
// as newExpr would make it from the parsed text (TestSerialDefault checks
// that). It is built directly because every serial column names its own
// sequence, so the expression memo cannot help, and the round trip through
// the parser is a fifth of the parse of a large schema.
func serialDefault(seq schema.Name) *schema.Expr {
	lit := QuoteLiteral(QuoteName(seq))
	return &schema.Expr{SQL: "nextval(" + lit + "::regclass)", Key: "nextval(" + lit + ")"}
}

func (p *state) alterTable(s *pg.AlterTableStmt) error {
	name, err := p.rangeVarName(s.Relation)
	if err != nil {
		return err
	}
	// pg_dump changes the owner of any relation, sequences included, with
	// ALTER TABLE ... OWNER TO: ownership is not part of the model.
	ownerOnly := true
	for _, cn := range s.Cmds {
		if cn.GetAlterTableCmd().GetSubtype() != pg.AlterTableType_AT_ChangeOwner {
			ownerOnly = false
		}
	}
	if ownerOnly {
		p.ignore("OWNER TO")
		return nil
	}
	if s.Objtype == pg.ObjectType_OBJECT_INDEX && len(s.Cmds) == 1 && s.Cmds[0].GetAlterTableCmd().GetSubtype() == pg.AlterTableType_AT_AttachPartition {
		_, err := p.attachIndex(s, s.Cmds[0].GetAlterTableCmd())
		return err
	}
	if s.Objtype == pg.ObjectType_OBJECT_INDEX {
		if idx := p.indexes[name]; idx != nil && onlyStorageParams(s.Cmds) {
			return p.alterIndexStorageParams(idx, s.Cmds)
		}
	}
	if s.Objtype == pg.ObjectType_OBJECT_MATVIEW {
		if v := p.views[name]; v != nil && v.Materialized && onlyStorageParams(s.Cmds) {
			return p.alterViewStorageParams(v, s.Cmds)
		}
	}
	if s.Objtype != pg.ObjectType_OBJECT_TABLE {
		p.unsupported("ALTER "+strings.ReplaceAll(strings.TrimPrefix(s.Objtype.String(), "OBJECT_"), "_", " "), name.String())
		return nil
	}
	t := p.tables[name]
	if t == nil {
		if p.unmodelled[name] {
			p.unsupported("ALTER TABLE on an unmodelled table", name.String())
			return nil
		}
		if s.MissingOk {
			return nil
		}
		return p.errorf(s.Relation.Location, "relation %s does not exist", name)
	}
	for _, cn := range s.Cmds {
		cmd := cn.GetAlterTableCmd()
		if cmd == nil {
			continue
		}
		if err := p.alterTableCmd(t, cmd); err != nil {
			return err
		}
	}
	return nil
}

func (p *state) column(t *schema.Table, name string) (*schema.Column, error) {
	if c := t.Column(name); c != nil {
		return c, nil
	}
	return nil, p.errorAt(p.stmtPos, "column %q of relation %s does not exist", name, t.Name)
}

func (p *state) alterTableCmd(t *schema.Table, cmd *pg.AlterTableCmd) error {
	switch cmd.Subtype {
	case pg.AlterTableType_AT_ColumnDefault, pg.AlterTableType_AT_SetNotNull:
		if done, err := p.inheritedColumnChange(t, cmd); done {
			return err
		}
	}
	switch cmd.Subtype {
	case pg.AlterTableType_AT_AttachPartition:
		return p.attachPartition(t, cmd.Def.GetPartitionCmd())
	case pg.AlterTableType_AT_AddInherit:
		return p.addInherit(t, cmd.Def.GetRangeVar())
	case pg.AlterTableType_AT_DropInherit:
		return p.dropInherit(t, cmd.Def.GetRangeVar())
	case pg.AlterTableType_AT_AddColumn:
		cd := cmd.Def.GetColumnDef()
		col, drafts, err := p.columnDef(t, cd)
		if err != nil {
			return err
		}
		if t.Column(col.Name) != nil {
			if cmd.MissingOk {
				return nil
			}
			return p.errorf(cd.Location, "column %q of relation %s already exists", col.Name, t.Name)
		}
		t.Columns = append(t.Columns, col)
		for _, d := range drafts {
			if err := p.addConstraint(t, d); err != nil {
				return err
			}
		}
	case pg.AlterTableType_AT_ColumnDefault:
		col, err := p.column(t, cmd.Name)
		if err != nil {
			return err
		}
		if col.Default, err = p.newExpr(cmd.Def); err != nil {
			return err
		}
	case pg.AlterTableType_AT_SetNotNull, pg.AlterTableType_AT_DropNotNull:
		col, err := p.column(t, cmd.Name)
		if err != nil {
			return err
		}
		col.NotNull = cmd.Subtype == pg.AlterTableType_AT_SetNotNull
	case pg.AlterTableType_AT_AlterColumnType:
		col, err := p.column(t, cmd.Name)
		if err != nil {
			return err
		}
		cd := cmd.Def.GetColumnDef()
		typ, _, err := p.resolveType(cd.TypeName)
		if err != nil {
			return p.errorf(cd.TypeName.Location, "column %q: %v", cmd.Name, err)
		}
		col.Type = p.types.Share(typ)
		if cd.CollClause != nil {
			col.SetExtra(func(e *schema.ColumnExtra) { e.Collation = p.collationName(cd.CollClause.Collname) })
		}
	case pg.AlterTableType_AT_AddIdentity:
		col, err := p.column(t, cmd.Name)
		if err != nil {
			return err
		}
		id, err := p.identity(t, col, cmd.Def.GetConstraint())
		if err != nil {
			return err
		}
		col.SetExtra(func(e *schema.ColumnExtra) { e.Identity = id })
		col.NotNull = true
	case pg.AlterTableType_AT_AddConstraint:
		return p.alterAddConstraint(t, cmd.Def.GetConstraint())
	case pg.AlterTableType_AT_DropConstraint:
		i := slices.IndexFunc(t.Constraints, func(c *schema.Constraint) bool { return c.Name == cmd.Name })
		if i < 0 {
			if cmd.MissingOk {
				return nil
			}
			return p.errorAt(p.stmtPos, "constraint %q of relation %s does not exist", cmd.Name, t.Name)
		}
		t.Constraints = slices.Delete(t.Constraints, i, i+1)
	case pg.AlterTableType_AT_DropColumn:
		i := slices.IndexFunc(t.Columns, func(c *schema.Column) bool { return c.Name == cmd.Name })
		if i < 0 {
			if cmd.MissingOk {
				return nil
			}
			return p.errorAt(p.stmtPos, "column %q of relation %s does not exist", cmd.Name, t.Name)
		}
		t.Columns = slices.Delete(t.Columns, i, i+1)
		t.Constraints = slices.DeleteFunc(t.Constraints, func(c *schema.Constraint) bool { return slices.Contains(c.Columns, cmd.Name) })
	case pg.AlterTableType_AT_SetRelOptions, pg.AlterTableType_AT_ResetRelOptions:
		return p.alterStorageParams(t, cmd)
	case pg.AlterTableType_AT_ReplicaIdentity:
		return p.replicaIdentity(t, cmd.Def.GetReplicaIdentityStmt())
	case pg.AlterTableType_AT_DropExpression:
		col, err := p.column(t, cmd.Name)
		if err != nil {
			return err
		}
		if col.Extra().Generated == nil && !cmd.MissingOk {
			return p.errorAt(p.stmtPos, "column %q of relation %s is not a stored generated column", cmd.Name, t.Name)
		}
		col.SetExtra(func(e *schema.ColumnExtra) { e.Generated = nil })
	case pg.AlterTableType_AT_ChangeOwner:
		p.ignore("OWNER TO")
	case pg.AlterTableType_AT_EnableRowSecurity, pg.AlterTableType_AT_DisableRowSecurity,
		pg.AlterTableType_AT_ForceRowSecurity, pg.AlterTableType_AT_NoForceRowSecurity:
		rowSecurity(t, cmd)
	case pg.AlterTableType_AT_EnableTrig, pg.AlterTableType_AT_DisableTrig, pg.AlterTableType_AT_EnableReplicaTrig,
		pg.AlterTableType_AT_EnableAlwaysTrig, pg.AlterTableType_AT_EnableTrigUser, pg.AlterTableType_AT_DisableTrigUser:
		return p.enableTrigger(t, cmd)
	default:
		p.unsupported("ALTER TABLE "+alterKind(cmd.Subtype), t.Name.String())
	}
	return nil
}

func alterKind(t pg.AlterTableType) string {
	s := strings.TrimPrefix(t.String(), "AT_")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return strings.ToUpper(b.String())
}

// alterAddConstraint handles ALTER TABLE ... ADD CONSTRAINT, including
// the ADD CONSTRAINT ... USING INDEX form that turns an index into a
// constraint.
func (p *state) alterAddConstraint(t *schema.Table, c *pg.Constraint) error {
	d, err := p.tableConstraint(c, "")
	if err != nil {
		return err
	}
	if c.Indexname != "" {
		idxName := schema.Name{Schema: t.Name.Schema, Name: c.Indexname}
		idx := p.indexes[idxName]
		if idx == nil || idx.Table != t.Name {
			return p.errorf(c.Location, "index %q does not exist on %s", c.Indexname, t.Name)
		}
		for _, k := range idx.Keys {
			if k.Column == "" {
				return p.errorf(c.Location, "index %q contains expressions", c.Indexname)
			}
			d.con.Columns = append(d.con.Columns, k.Column)
		}
		d.con.Include = idx.Include
		d.con.NullsNotDistinct = idx.NullsNotDistinct
		delete(p.indexes, idxName)
		p.s.Indexes = slices.DeleteFunc(p.s.Indexes, func(i *schema.Index) bool { return i == idx })
		delete(p.relNames, idxName)
		if d.con.Name == "" {
			d.con.Name = c.Indexname
		}
	}
	return p.addConstraint(t, d)
}
