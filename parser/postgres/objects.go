package postgres

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/zdplan/zdplan/schema"
)

func (p *state) createIndex(s *pg.IndexStmt) error {
	tname, err := p.rangeVarName(s.Relation)
	if err != nil {
		return err
	}
	if p.unmodelled[tname] {
		p.unsupported("CREATE INDEX on an unmodelled table", tname.String())
		return nil
	}
	if p.tables[tname] == nil && (p.views[tname] == nil || !p.views[tname].Materialized) {
		return p.errorf(s.Relation.Location, "relation %s does not exist", tname)
	}
	idx := &schema.Index{
		Table:            tname,
		Unique:           s.Unique,
		Method:           s.AccessMethod,
		NullsNotDistinct: s.NullsNotDistinct,
		Pos:              p.stmtPos,
	}
	if idx.Method == "" {
		idx.Method = "btree"
	}
	var colNames []string
	for _, n := range s.IndexParams {
		ie := n.GetIndexElem()
		key, name, err := p.indexKey(ie)
		if err != nil {
			return err
		}
		idx.Keys = append(idx.Keys, key)
		colNames = append(colNames, name)
	}
	for _, n := range s.IndexIncludingParams {
		name := n.GetIndexElem().GetName()
		idx.Include = append(idx.Include, name)
		colNames = append(colNames, name)
	}
	if s.WhereClause != nil {
		if idx.Where, err = p.newExpr(s.WhereClause); err != nil {
			return err
		}
	}
	for _, o := range s.Options {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		opt, err := defElemSetting(d)
		if err != nil {
			return p.errorAt(p.stmtPos, "index %s: %v", s.Idxname, err)
		}
		idx.Options = append(idx.Options, opt)
	}
	name := truncateIdent(s.Idxname)
	if name == "" {
		name = chooseName(tname.Name, joinColumnNames(indexColumnNames(colNames)), "idx", func(n string) bool {
			return p.relNames[schema.Name{Schema: tname.Schema, Name: n}]
		})
	}
	idx.Name = schema.Name{Schema: tname.Schema, Name: name}
	if p.relNames[idx.Name] {
		if s.IfNotExists {
			return nil
		}
		return p.errorAt(p.stmtPos, "relation %s already exists", idx.Name)
	}
	p.relNames[idx.Name] = true
	p.indexes[idx.Name] = idx
	p.slabs.KeepIndex(idx)
	p.s.Indexes = append(p.s.Indexes, idx)
	return nil
}

// defElemSetting renders a storage parameter as name=value, the way
// pg_class.reloptions stores it.
func defElemSetting(d *pg.DefElem) (string, error) {
	if d.Defnamespace != "" {
		return "", fmt.Errorf("storage parameter %s.%s is not supported", d.Defnamespace, d.Defname)
	}
	var val string
	switch a := d.Arg.GetNode().(type) {
	case nil:
		val = "true"
	case *pg.Node_Integer:
		val = strconv.Itoa(int(a.Integer.Ival))
	case *pg.Node_Float:
		val = a.Float.Fval
	case *pg.Node_String_:
		val = a.String_.Sval
	case *pg.Node_Boolean:
		val = strconv.FormatBool(a.Boolean.Boolval)
	case *pg.Node_TypeName:
		val = typeNameString(a.TypeName)
	default:
		return "", fmt.Errorf("storage parameter %s has an unsupported value", d.Defname)
	}
	switch strings.ToLower(val) {
	case "on", "true":
		val = "on"
	case "off", "false":
		val = "off"
	}
	return d.Defname + "=" + val, nil
}

// indexKey reads one index key and the name PostgreSQL derives from it for
// implicit index names.
func (p *state) indexKey(ie *pg.IndexElem) (schema.IndexKey, string, error) {
	var key schema.IndexKey
	name := ie.Name
	if ie.Name != "" {
		key.Column = ie.Name
	} else {
		e, err := p.newExpr(ie.Expr)
		if err != nil {
			return key, "", err
		}
		key.Expr = e
		if name = figureColname(ie.Expr); name == "" {
			name = "expr"
		}
	}
	if ie.Indexcolname != "" {
		name = ie.Indexcolname
	}
	key.Collation = p.collationName(ie.Collation)
	key.Opclass = collationName(ie.Opclass)
	if len(ie.Opclassopts) > 0 {
		return key, "", p.errorAt(p.stmtPos, "unsupported: operator class parameters in index key %s", name)
	}
	key.Desc = ie.Ordering == pg.SortByDir_SORTBY_DESC
	switch ie.NullsOrdering {
	case pg.SortByNulls_SORTBY_NULLS_FIRST:
		key.NullsFirst = true
	case pg.SortByNulls_SORTBY_NULLS_LAST:
		key.NullsFirst = false
	default:
		key.NullsFirst = key.Desc
	}
	return key, name, nil
}

func (p *state) createView(s *pg.ViewStmt) error {
	name, err := p.rangeVarName(s.View)
	if err != nil {
		return err
	}
	if s.View.Relpersistence == "t" {
		p.unsupported("CREATE TEMPORARY VIEW", name.String())
		return nil
	}
	if len(s.Options) > 0 {
		p.unsupported("CREATE VIEW ... WITH (options)", name.String())
		p.unmodelled[name] = true
		return nil
	}
	v := p.slabs.Views.Put(schema.View{Name: name, Pos: p.pos(s.View.Location)})
	for _, a := range s.Aliases {
		v.Columns = append(v.Columns, a.GetString_().GetSval())
	}
	switch s.WithCheckOption {
	case pg.ViewCheckOption_LOCAL_CHECK_OPTION:
		v.CheckOption = "LOCAL"
	case pg.ViewCheckOption_CASCADED_CHECK_OPTION:
		v.CheckOption = "CASCADED"
	}
	if err := p.viewQuery(v, s.Query); err != nil {
		return err
	}
	return p.addView(v, s.Replace)
}

func (p *state) createTableAs(s *pg.CreateTableAsStmt) error {
	name, err := p.rangeVarName(s.Into.Rel)
	if err != nil {
		return err
	}
	if s.Objtype != pg.ObjectType_OBJECT_MATVIEW {
		p.unsupported("CREATE TABLE AS", name.String())
		p.unmodelled[name] = true
		p.relNames[name] = true
		return nil
	}
	if p.relNames[name] && s.IfNotExists {
		return nil
	}
	v := p.slabs.Views.Put(schema.View{Name: name, Materialized: true, Pos: p.pos(s.Into.Rel.Location)})
	for _, c := range s.Into.ColNames {
		v.Columns = append(v.Columns, c.GetString_().GetSval())
	}
	if err := p.viewQuery(v, s.Query); err != nil {
		return err
	}
	if v.StorageParams, err = p.storageParams(name, s.Into.Options); err != nil {
		return err
	}
	return p.addView(v, false)
}

func (p *state) addView(v *schema.View, replace bool) error {
	if old := p.views[v.Name]; old != nil && replace && !old.Materialized {
		*old = *v
		return nil
	}
	if p.relNames[v.Name] {
		return p.errorAt(v.Pos, "relation %s already exists", v.Name)
	}
	p.relNames[v.Name] = true
	p.views[v.Name] = v
	p.s.Views = append(p.s.Views, v)
	return nil
}

// viewQuery stores a view's query with relation names qualified, so that
// the emitted view does not depend on the search_path it is created under.
func (p *state) viewQuery(v *schema.View, q *pg.Node) error {
	q = proto.Clone(q).(*pg.Node)
	ctes := map[string]bool{}
	walkNodes(q.ProtoReflect(), func(n *pg.Node) {
		if c := n.GetCommonTableExpr(); c != nil {
			ctes[c.Ctename] = true
		}
	})
	refs := map[schema.Name]bool{}
	walkNodes(q.ProtoReflect(), func(n *pg.Node) {
		if n.GetAStar() != nil {
			v.Star = true
		}
		rv := n.GetRangeVar()
		if rv == nil || (rv.Schemaname == "" && ctes[rv.Relname]) {
			return
		}
		if rv.Schemaname != "" {
			refs[schema.Name{Schema: rv.Schemaname, Name: rv.Relname}] = true
			return
		}
		for _, s := range p.searchPath {
			k := schema.Name{Schema: s, Name: rv.Relname}
			if p.tables[k] != nil || p.views[k] != nil || p.unmodelled[k] {
				rv.Schemaname = s
				refs[k] = true
				return
			}
		}
	})
	for r := range refs {
		v.Refs = append(v.Refs, r)
	}
	slices.SortFunc(v.Refs, schema.Name.Compare)
	walkNodes(q.ProtoReflect(), p.canonicalise)
	sql, err := deparseStmt(q)
	if err != nil {
		return err
	}
	k := proto.Clone(q).(*pg.Node)
	walkNodes(k.ProtoReflect(), p.normalise)
	walkNodes(k.ProtoReflect(), unqualifySingleRelation)
	unqualifySingleRelation(k)
	key, err := deparseStmt(k)
	if err != nil {
		return err
	}
	v.Query = schema.Expr{SQL: sql, Key: key}
	return nil
}

// unqualifySingleRelation removes what pg_get_viewdef adds to a query over
// a single relation: the relation name before each column, and an output
// alias equal to the name the column would get anyway.
func unqualifySingleRelation(n *pg.Node) {
	sel := n.GetSelectStmt()
	if sel == nil {
		return
	}
	if len(sel.FromClause) == 1 {
		if rv := sel.FromClause[0].GetRangeVar(); rv != nil {
			qual := rv.Relname
			if rv.Alias != nil {
				qual = rv.Alias.Aliasname
			}
			strip := func(x *pg.Node) {
				cr := x.GetColumnRef()
				if cr != nil && len(cr.Fields) == 2 && cr.Fields[0].GetString_().GetSval() == qual {
					cr.Fields = cr.Fields[1:]
				}
			}
			for _, part := range []*pg.Node{sel.WhereClause, sel.HavingClause} {
				if part != nil {
					walkNodes(part.ProtoReflect(), strip)
					strip(part)
				}
			}
			for _, list := range [][]*pg.Node{sel.TargetList, sel.GroupClause, sel.SortClause} {
				for _, x := range list {
					walkNodes(x.ProtoReflect(), strip)
					strip(x)
				}
			}
		}
	}
	// GROUP BY 1 is stored as the expression it refers to.
	ordinal := func(x *pg.Node) *pg.Node {
		c := x.GetAConst()
		if c == nil || c.GetSval() == nil {
			return nil
		}
		i, err := strconv.Atoi(c.GetSval().Sval)
		if err != nil || i < 1 || i > len(sel.TargetList) {
			return nil
		}
		return proto.Clone(sel.TargetList[i-1].GetResTarget().GetVal()).(*pg.Node)
	}
	for i, g := range sel.GroupClause {
		if e := ordinal(g); e != nil {
			sel.GroupClause[i] = e
		}
	}
	for _, s := range sel.SortClause {
		if sb := s.GetSortBy(); sb != nil {
			if e := ordinal(sb.Node); e != nil {
				sb.Node = e
			}
		}
	}
	for _, t := range sel.TargetList {
		rt := t.GetResTarget()
		if rt != nil && rt.Val != nil && rt.Name != "" && rt.Name == figureColname(rt.Val) {
			rt.Name = ""
		}
	}
}

// newSequence returns a sequence with CREATE SEQUENCE's defaults.
func (p *state) newSequence(name schema.Name, typ string) *schema.Sequence {
	seq := p.slabs.Sequences.Put(schema.Sequence{Name: name, Type: typ, Increment: 1, Cache: 1, Pos: p.stmtPos})
	seq.Min, seq.Max = SequenceBounds(typ, 1)
	seq.Start = seq.Min
	return seq
}

func (p *state) addSequence(seq *schema.Sequence) {
	p.relNames[seq.Name] = true
	p.seqs[seq.Name] = seq
	p.s.Sequences = append(p.s.Sequences, seq)
}

func (p *state) createSequence(s *pg.CreateSeqStmt) error {
	name, err := p.rangeVarName(s.Sequence)
	if err != nil {
		return err
	}
	if p.relNames[name] {
		if s.IfNotExists {
			return nil
		}
		return p.errorf(s.Sequence.Location, "relation %s already exists", name)
	}
	if s.Sequence.Relpersistence != "p" && s.Sequence.Relpersistence != "" {
		p.unsupported("CREATE TEMPORARY/UNLOGGED SEQUENCE", name.String())
		return nil
	}
	seq := p.newSequence(name, "bigint")
	seq.Pos = p.pos(s.Sequence.Location)
	if err := p.sequenceOptions(seq, s.Options, true); err != nil {
		return err
	}
	p.addSequence(seq)
	return nil
}

func (p *state) alterSequence(s *pg.AlterSeqStmt) error {
	name, err := p.rangeVarName(s.Sequence)
	if err != nil {
		return err
	}
	seq := p.seqs[name]
	if seq == nil {
		if s.MissingOk {
			return nil
		}
		return p.errorf(s.Sequence.Location, "relation %s does not exist", name)
	}
	return p.sequenceOptions(seq, s.Options, false)
}

// sequenceOptions applies CREATE/ALTER SEQUENCE options. On create,
// bounds and start that were not given follow from type and direction, as
// in PostgreSQL; on alter, bounds that sat at the old type's defaults move
// with a type change.
func (p *state) sequenceOptions(seq *schema.Sequence, opts []*pg.Node, create bool) error {
	var setMin, setMax, setStart bool
	oldLo, oldHi := SequenceBounds(seq.Type, seq.Increment)
	for _, o := range opts {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		num := func() (int64, error) {
			switch a := d.Arg.GetNode().(type) {
			case *pg.Node_Integer:
				return int64(a.Integer.Ival), nil
			case *pg.Node_Float:
				return strconv.ParseInt(a.Float.Fval, 10, 64)
			}
			return 0, fmt.Errorf("sequence option %s: expected a number", d.Defname)
		}
		var err error
		switch d.Defname {
		case "as":
			t, _, terr := p.resolveType(d.Arg.GetTypeName())
			if terr != nil {
				return terr
			}
			seq.Type = t.Name
		case "increment":
			seq.Increment, err = num()
		case "start":
			seq.Start, err = num()
			setStart = true
		case "minvalue":
			if d.Arg != nil {
				seq.Min, err = num()
				setMin = true
			} else {
				setMin = false
			}
		case "maxvalue":
			if d.Arg != nil {
				seq.Max, err = num()
				setMax = true
			} else {
				setMax = false
			}
		case "cache":
			seq.Cache, err = num()
		case "cycle":
			seq.Cycle = d.Arg == nil || d.Arg.GetBoolean().GetBoolval()
		case "owned_by":
			err = p.ownedBy(seq, d.Arg.GetList().GetItems())
		case "restart":
			// Changes the current value, not the definition.
		default:
			return fmt.Errorf("unsupported sequence option %s", d.Defname)
		}
		if err != nil {
			return err
		}
	}
	lo, hi := SequenceBounds(seq.Type, seq.Increment)
	if create {
		if !setMin {
			seq.Min = lo
		}
		if !setMax {
			seq.Max = hi
		}
		if !setStart {
			seq.Start = seq.Min
			if seq.Increment < 0 {
				seq.Start = seq.Max
			}
		}
		return nil
	}
	if !setMin && seq.Min == oldLo {
		seq.Min = lo
	}
	if !setMax && seq.Max == oldHi {
		seq.Max = hi
	}
	return nil
}

func (p *state) ownedBy(seq *schema.Sequence, items []*pg.Node) error {
	var parts []string
	for _, it := range items {
		parts = append(parts, it.GetString_().GetSval())
	}
	if len(parts) == 1 && parts[0] == "none" {
		seq.OwnedBy = nil
		return nil
	}
	if len(parts) < 2 || len(parts) > 3 {
		return fmt.Errorf("invalid OWNED BY %s", strings.Join(parts, "."))
	}
	table := schema.Name{Name: parts[len(parts)-2]}
	if len(parts) == 3 {
		table.Schema = parts[0]
	}
	table = p.qualify(table)
	t := p.tables[table]
	if t == nil || t.Column(parts[len(parts)-1]) == nil {
		return fmt.Errorf("OWNED BY %s: no such column", strings.Join(parts, "."))
	}
	seq.OwnedBy = &schema.ColumnRef{Table: table, Column: parts[len(parts)-1]}
	return nil
}

func (p *state) createEnum(s *pg.CreateEnumStmt) error {
	name, err := p.nameList(s.TypeName)
	if err != nil {
		return err
	}
	if p.typeNames[name] {
		return fmt.Errorf("type %s already exists", name)
	}
	e := &schema.Enum{Name: name, Pos: p.stmtPos}
	for _, v := range s.Vals {
		e.Values = append(e.Values, v.GetString_().GetSval())
	}
	p.typeNames[name] = true
	p.enums[name] = e
	p.s.Enums = append(p.s.Enums, e)
	p.enumStmts = append(p.enumStmts, enumStmt{enum: e, from: p.base, to: p.end})
	return nil
}

func (p *state) alterEnum(s *pg.AlterEnumStmt) error {
	name, err := p.nameList(s.TypeName)
	if err != nil {
		return err
	}
	e := p.enums[name]
	if e == nil {
		return fmt.Errorf("type %s does not exist", name)
	}
	if s.OldVal != "" {
		i := slices.Index(e.Values, s.OldVal)
		if i < 0 {
			return fmt.Errorf("%q is not an existing enum label", s.OldVal)
		}
		e.Values[i] = s.NewVal
		return nil
	}
	if slices.Contains(e.Values, s.NewVal) {
		if s.SkipIfNewValExists {
			return nil
		}
		return fmt.Errorf("enum label %q already exists", s.NewVal)
	}
	at := len(e.Values)
	if s.NewValNeighbor != "" {
		i := slices.Index(e.Values, s.NewValNeighbor)
		if i < 0 {
			return fmt.Errorf("%q is not an existing enum label", s.NewValNeighbor)
		}
		at = i
		if s.NewValIsAfter {
			at = i + 1
		}
	}
	e.Values = slices.Insert(e.Values, at, s.NewVal)
	return nil
}

func (p *state) comment(s *pg.CommentStmt) error {
	if done, err := p.securityComment(s); done || err != nil {
		return err
	}
	switch s.Objtype {
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW:
		name, err := p.nameList(s.Object.GetList().GetItems())
		if err != nil {
			return err
		}
		if t := p.tables[name]; t != nil && s.Objtype == pg.ObjectType_OBJECT_TABLE {
			t.Comment = s.Comment
			return nil
		}
		if v := p.views[name]; v != nil && s.Objtype != pg.ObjectType_OBJECT_TABLE {
			v.Comment = s.Comment
			return nil
		}
		if p.unmodelled[name] {
			p.unsupported("COMMENT ON an unmodelled relation", name.String())
			return nil
		}
		return fmt.Errorf("relation %s does not exist", name)
	case pg.ObjectType_OBJECT_COLUMN:
		items := s.Object.GetList().GetItems()
		if len(items) < 2 {
			return fmt.Errorf("invalid column name in COMMENT ON COLUMN")
		}
		name, err := p.nameList(items[:len(items)-1])
		if err != nil {
			return err
		}
		colName := items[len(items)-1].GetString_().GetSval()
		if t := p.tables[name]; t != nil {
			col, err := p.column(t, colName)
			if err != nil {
				return err
			}
			col.SetExtra(func(e *schema.ColumnExtra) { e.Comment = s.Comment })
			return nil
		}
		if done, err := p.viewColumnComment(name, colName, s.Comment); done || err != nil {
			return err
		}
		p.unsupported("COMMENT ON COLUMN of a view or unmodelled relation", name.String()+"."+colName)
		return nil
	case pg.ObjectType_OBJECT_SCHEMA:
		ns := s.Object.GetString_().GetSval()
		if n := p.namespaces[ns]; n != nil {
			n.Comment = s.Comment
			return nil
		}
		if ns == "public" {
			// pg_dump of older servers writes the default comment on public.
			p.ignore("COMMENT ON SCHEMA public")
			return nil
		}
		return fmt.Errorf("schema %q does not exist", ns)
	}
	p.unsupported("COMMENT ON "+strings.TrimPrefix(s.Objtype.String(), "OBJECT_"), "")
	return nil
}
