package postgres

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// This file reads partitioned tables, their partitions and inheritance
// children. The model keeps one definition of every column: a partition
// has no columns of its own (they are its parent's), an inheritance child
// only those declared in it. pg_dump writes a partition as a plain CREATE
// TABLE with all its columns followed by ALTER TABLE ONLY parent ATTACH
// PARTITION, and the partition's share of each of the parent's indexes
// and keys as an index of its own then attached with ALTER INDEX ...
// ATTACH PARTITION: attachPartition and attachIndex fold both back into
// the form CREATE TABLE ... PARTITION OF gives, so that the two spellings
// make the same model.

// table returns a table of the file by name, for lookups while the
// schema's own are not built yet.
func (p *state) table(n schema.Name) *schema.Table { return p.tables[n] }

// effColumn returns t's column name, its own or the one it takes from a
// parent; nil when there is none.
func (p *state) effColumn(t *schema.Table, name string) *schema.Column {
	if len(t.Parents()) == 0 {
		// Nearly every table: its columns are its own, and gathering
		// them for each column a constraint names made parsing
		// quadratic in a table's width.
		return t.Column(name)
	}
	for _, c := range schema.EffectiveColumnsOf(t, p.table) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// createPartitioned handles the partitioning clauses of CREATE TABLE:
// PARTITION BY, PARTITION OF ... FOR VALUES and INHERITS. It returns the
// reason the statement is not modelled, or "".
func (p *state) partitionParents(t *schema.Table, cs *pg.CreateStmt) (string, error) {
	var parents []schema.Name
	for _, n := range cs.InhRelations {
		rv := n.GetRangeVar()
		if rv == nil {
			return "CREATE TABLE ... INHERITS (table inheritance)", nil
		}
		pn, err := p.rangeVarName(rv)
		if err != nil {
			return "", err
		}
		if p.unmodelled[pn] {
			return "CREATE TABLE ... PARTITION OF or INHERITS an unmodelled table", nil
		}
		pt := p.tables[pn]
		if pt == nil {
			return "", p.errorf(rv.Location, "relation %s does not exist", pn)
		}
		parents = append(parents, pn)
	}
	if cs.Partbound != nil {
		if len(parents) != 1 {
			return "", p.errorAt(p.stmtPos, "a partition has exactly one parent")
		}
		parent := p.tables[parents[0]]
		if parent.PartitionBy == "" {
			return "", p.errorAt(p.stmtPos, "table %s is not partitioned", parent.Name)
		}
		bound, err := p.partitionBound(parent, cs.Partbound)
		if err != nil {
			return "", err
		}
		t.PartitionOf, t.PartitionBound = parent.Name, bound
		return "", nil
	}
	for _, pn := range parents {
		if p.tables[pn].PartitionBy != "" {
			return "", p.errorAt(p.stmtPos, "cannot inherit from partitioned table %s", pn)
		}
	}
	t.Inherits = parents
	return "", nil
}

// partitionColumnOptions reads the column elements of CREATE TABLE ...
// PARTITION OF parent (col WITH OPTIONS ...): a partition's columns are its
// parent's, and only options that repeat the parent's are modelled.
func (p *state) partitionColumnOptions(t *schema.Table, cd *pg.ColumnDef) (unsupported string) {
	pc := p.effColumn(t, truncateIdent(cd.Colname))
	if pc == nil {
		return fmt.Sprintf("column %q of a partition that its parent does not have", cd.Colname)
	}
	for _, cn := range cd.Constraints {
		c := cn.GetConstraint()
		switch {
		case c == nil:
		case c.Contype == pg.ConstrType_CONSTR_NOTNULL && pc.NotNull:
		case c.Contype == pg.ConstrType_CONSTR_DEFAULT:
			e, err := p.newExpr(c.RawExpr)
			if err != nil || !e.Equal(pc.Default) {
				return "a partition's own column default"
			}
		default:
			return "a partition's own column constraint"
		}
	}
	return ""
}

// partitionSpec reads PARTITION BY.
func (p *state) partitionSpec(t *schema.Table, ps *pg.PartitionSpec) error {
	var strategy string
	switch ps.Strategy {
	case pg.PartitionStrategy_PARTITION_STRATEGY_RANGE:
		strategy = "RANGE"
	case pg.PartitionStrategy_PARTITION_STRATEGY_LIST:
		strategy = "LIST"
	case pg.PartitionStrategy_PARTITION_STRATEGY_HASH:
		strategy = "HASH"
	default:
		return p.errorf(ps.Location, "unknown partitioning strategy %s", ps.Strategy)
	}
	var sqls, keys, cols []string
	for _, n := range ps.PartParams {
		pe := n.GetPartitionElem()
		if pe == nil {
			return p.errorf(ps.Location, "unexpected partition key element %T", n.Node)
		}
		var sql, key string
		switch {
		case pe.Name != "":
			name := truncateIdent(pe.Name)
			if p.effColumn(t, name) == nil {
				return p.errorf(pe.Location, "column %q named in partition key does not exist", name)
			}
			sql, key = QuoteIdent(name), QuoteIdent(name)
			cols = append(cols, name)
		default:
			cols = append(cols, "")
			e, err := p.newExpr(pe.Expr)
			if err != nil {
				return err
			}
			sql, key = "("+e.SQL+")", "("+e.Key+")"
		}
		if len(pe.Collation) > 0 {
			c := " COLLATE " + QuoteDotted(p.collationName(pe.Collation))
			sql, key = sql+c, key+c
		}
		if len(pe.Opclass) > 0 {
			var parts []string
			for _, o := range pe.Opclass {
				parts = append(parts, QuoteIdent(o.GetString_().GetSval()))
			}
			o := " " + strings.Join(parts, ".")
			sql, key = sql+o, key+o
		}
		sqls, keys = append(sqls, sql), append(keys, key)
	}
	t.PartitionBy = strategy + " (" + strings.Join(sqls, ", ") + ")"
	t.PartitionKey = strategy + " (" + strings.Join(keys, ", ") + ")"
	p.partKeyCols[t.Name] = cols
	return nil
}

// keyTypes are the types of a partitioned table's key columns, in key
// order; nil for an expression.
func (p *state) keyTypes(parent *schema.Table) []*schema.Type {
	var out []*schema.Type
	for _, name := range p.partKeyCols[parent.Name] {
		if c := p.effColumn(parent, name); c != nil && name != "" {
			out = append(out, c.Type)
		} else {
			out = append(out, nil)
		}
	}
	return out
}

// partitionBound renders a partition bound canonically, its values in
// the form PostgreSQL prints them for the key's types.
func (p *state) partitionBound(parent *schema.Table, b *pg.PartitionBoundSpec) (string, error) {
	if b.IsDefault {
		return "DEFAULT", nil
	}
	strategy := strings.Fields(parent.PartitionBy)[0]
	types := p.keyTypes(parent)
	typ := func(i int) *schema.Type {
		if i < len(types) {
			return types[i]
		}
		return nil
	}
	list := func(nodes []*pg.Node, sameType bool) (string, error) {
		var vals []string
		for i, n := range nodes {
			t := typ(i)
			if sameType {
				t = typ(0)
			}
			v, err := p.boundValue(n, t)
			if err != nil {
				return "", err
			}
			vals = append(vals, v)
		}
		return "(" + strings.Join(vals, ", ") + ")", nil
	}
	switch b.Strategy {
	case "h":
		if strategy != "HASH" {
			return "", p.errorf(b.Location, "invalid bound specification for a %s partition", strings.ToLower(strategy))
		}
		return fmt.Sprintf("FOR VALUES WITH (modulus %d, remainder %d)", b.Modulus, b.Remainder), nil
	case "l":
		if strategy != "LIST" {
			return "", p.errorf(b.Location, "invalid bound specification for a %s partition", strings.ToLower(strategy))
		}
		in, err := list(b.Listdatums, true)
		if err != nil {
			return "", err
		}
		return "FOR VALUES IN " + in, nil
	case "r":
		if strategy != "RANGE" {
			return "", p.errorf(b.Location, "invalid bound specification for a %s partition", strings.ToLower(strategy))
		}
		from, err := list(b.Lowerdatums, false)
		if err != nil {
			return "", err
		}
		to, err := list(b.Upperdatums, false)
		if err != nil {
			return "", err
		}
		return "FOR VALUES FROM " + from + " TO " + to, nil
	}
	return "", p.errorf(b.Location, "unknown partition bound strategy %q", b.Strategy)
}

// boundValue renders one value of a partition bound for a key column of
// type typ (nil: an expression key, whose values are kept as written).
func (p *state) boundValue(n *pg.Node, typ *schema.Type) (string, error) {
	if d := n.GetPartitionRangeDatum(); d != nil {
		switch d.Kind {
		case pg.PartitionRangeDatumKind_PARTITION_RANGE_DATUM_MINVALUE:
			return "MINVALUE", nil
		case pg.PartitionRangeDatumKind_PARTITION_RANGE_DATUM_MAXVALUE:
			return "MAXVALUE", nil
		}
		n = d.Value
	}
	if cr := n.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
		switch s := strings.ToLower(cr.Fields[0].GetString_().GetSval()); s {
		case "minvalue", "maxvalue":
			return strings.ToUpper(s), nil
		}
	}
	inner := n
	if tc := n.GetTypeCast(); tc != nil && tc.Arg.GetAConst() != nil {
		inner = tc.Arg
	}
	c := inner.GetAConst()
	if c == nil {
		e, err := p.newExpr(n)
		if err != nil {
			return "", err
		}
		return "(" + e.SQL + ")", nil
	}
	var v string
	switch {
	case c.Isnull:
		return "NULL", nil
	case c.GetIval() != nil:
		v = strconv.Itoa(int(c.GetIval().Ival))
	case c.GetFval() != nil:
		v = c.GetFval().Fval
	case c.GetBoolval() != nil:
		v = strconv.FormatBool(c.GetBoolval().Boolval)
	case c.GetSval() != nil:
		v = c.GetSval().Sval
	case c.GetBsval() != nil:
		v = c.GetBsval().Bsval
	}
	return canonicalBoundValue(v, typ), nil
}

// canonicalBoundValue spells a bound value of a column of type typ the
// way pg_get_expr prints it, as far as it can be known without the
// server: integers and numbers unquoted, booleans as true/false, dates and
// timestamps in ISO form (a timestamp with time zone in UTC, the zone
// zdplan reads live databases in).
func canonicalBoundValue(v string, typ *schema.Type) string {
	if typ == nil || typ.Schema != "" || typ.ArrayDims > 0 {
		return QuoteLiteral(v)
	}
	trimmed := strings.TrimSpace(v)
	switch typ.Name {
	case "smallint", "integer", "bigint":
		if i, ok := new(big.Int).SetString(trimmed, 10); ok {
			return i.String()
		}
	case "numeric", "real", "double precision":
		if _, err := strconv.ParseFloat(trimmed, 64); err == nil {
			return trimmed
		}
	case "boolean":
		switch strings.ToLower(trimmed) {
		case "t", "true", "y", "yes", "on", "1":
			return "true"
		case "f", "false", "n", "no", "off", "0":
			return "false"
		}
	case "date":
		if t, ok := parseTime(trimmed); ok {
			return QuoteLiteral(t.Format("2006-01-02"))
		}
	case "timestamp without time zone":
		if t, ok := parseTime(trimmed); ok {
			return QuoteLiteral(formatTimestamp(t))
		}
	case "timestamp with time zone":
		if t, ok := parseTime(trimmed); ok {
			return QuoteLiteral(formatTimestamp(t.UTC()) + "+00")
		}
	}
	return QuoteLiteral(v)
}

var timeLayouts = []string{
	"2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999Z07", "2006-01-02 15:04:05.999999999-07",
	"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04", "2006-01-02",
}

func parseTime(s string) (time.Time, bool) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func formatTimestamp(t time.Time) string {
	s := t.Format("2006-01-02 15:04:05")
	if ns := t.Nanosecond(); ns != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%06d", ns/1000), "0")
	}
	return s
}

// attachPartition reads ALTER TABLE parent ATTACH PARTITION child FOR
// VALUES ...: the child, created before as a plain table with all the
// parent's columns, becomes a partition without columns of its own.
func (p *state) attachPartition(parent *schema.Table, pc *pg.PartitionCmd) error {
	name, err := p.rangeVarName(pc.Name)
	if err != nil {
		return err
	}
	child := p.tables[name]
	if child == nil {
		if p.unmodelled[name] {
			p.unsupported("ALTER TABLE ... ATTACH PARTITION of an unmodelled table", name.String())
			return nil
		}
		return p.errorf(pc.Name.Location, "relation %s does not exist", name)
	}
	if parent.PartitionBy == "" {
		return p.errorAt(p.stmtPos, "table %s is not partitioned", parent.Name)
	}
	if child.IsPartition() || len(child.Inherits) > 0 {
		return p.errorAt(p.stmtPos, "table %s is already a partition or an inheritance child", child.Name)
	}
	if len(p.childrenOf(child.Name)) > 0 && child.PartitionBy == "" {
		return p.errorAt(p.stmtPos, "cannot attach inheritance parent %s as a partition", child.Name)
	}
	parentCols := schema.EffectiveColumnsOf(parent, p.table)
	for _, c := range child.Columns {
		pcol := p.effColumn(parent, c.Name)
		if pcol == nil {
			return p.errorAt(p.stmtPos, "table %s contains column %q not found in parent %s", child.Name, c.Name, parent.Name)
		}
		if !pcol.Type.Equal(*c.Type) || pcol.Extra().Collation != c.Extra().Collation {
			return p.errorAt(p.stmtPos, "child table %s has different type for column %q", child.Name, c.Name)
		}
		switch {
		case c.NotNull && !pcol.NotNull:
			p.unsupported("a partition's own NOT NULL on a column", child.Name.String()+"."+c.Name)
		case !c.Default.Equal(pcol.Default) && c.Default != nil:
			p.unsupported("a partition's own column default", child.Name.String()+"."+c.Name)
		case c.Extra().Identity != nil || c.Extra().Generated != nil && !c.Extra().Generated.Equal(pcol.Extra().Generated):
			p.unsupported("a partition's own identity or generated column", child.Name.String()+"."+c.Name)
		}
	}
	if len(child.Columns) != len(parentCols) {
		return p.errorAt(p.stmtPos, "child table %s is missing columns of parent %s", child.Name, parent.Name)
	}
	bound, err := p.partitionBound(parent, pc.Bound)
	if err != nil {
		return err
	}
	// The parent's checks, which the child repeats, are the parent's.
	inherited := map[string]bool{}
	for pt := parent; pt != nil; pt = p.tables[pt.PartitionOf] {
		for _, c := range pt.Constraints {
			if c.Kind == schema.Check && !c.NoInherit {
				inherited[c.Name] = true
			}
		}
		if !pt.IsPartition() {
			break
		}
	}
	child.Constraints = slices.DeleteFunc(child.Constraints, func(c *schema.Constraint) bool {
		return c.Kind == schema.Check && inherited[c.Name]
	})
	child.Columns = nil
	child.PartitionOf, child.PartitionBound = parent.Name, bound
	return nil
}

// childrenOf returns the tables read so far whose parent is table.
func (p *state) childrenOf(table schema.Name) []*schema.Table {
	var out []*schema.Table
	for _, t := range p.s.Tables {
		if slices.Contains(t.Parents(), table) {
			out = append(out, t)
		}
	}
	return out
}

// attachIndex reads ALTER INDEX parent_index ATTACH PARTITION
// child_index, with which pg_dump ties a partition's index (or the index
// of its primary key or unique constraint) to its parent's: the
// partition's share of the parent's index is not an object of its own in
// the model, as CREATE TABLE ... PARTITION OF makes it by itself.
func (p *state) attachIndex(s *pg.AlterTableStmt, cmd *pg.AlterTableCmd) (bool, error) {
	pc := cmd.Def.GetPartitionCmd()
	if pc == nil {
		return false, nil
	}
	parentName, err := p.rangeVarName(s.Relation)
	if err != nil {
		return true, err
	}
	name, err := p.rangeVarName(pc.Name)
	if err != nil {
		return true, err
	}
	if idx := p.indexes[name]; idx != nil {
		if child := p.tables[idx.Table]; child != nil && child.IsPartition() {
			delete(p.indexes, name)
			p.s.Indexes = slices.DeleteFunc(p.s.Indexes, func(i *schema.Index) bool { return i == idx })
			return true, nil
		}
	}
	for _, t := range p.s.Tables {
		if !t.IsPartition() || t.Name.Schema != name.Schema {
			continue
		}
		if c := t.Constraint(name.Name); c != nil && (c.Kind == schema.PrimaryKey || c.Kind == schema.Unique || c.Kind == schema.Exclude) {
			t.Constraints = slices.DeleteFunc(t.Constraints, func(k *schema.Constraint) bool { return k == c })
			return true, nil
		}
	}
	if p.unmodelled[parentName] {
		p.unsupported("ALTER INDEX ... ATTACH PARTITION", name.String())
		return true, nil
	}
	return true, p.errorAt(p.stmtPos, "index %s is not an index of a partition", name)
}

// addInherit reads ALTER TABLE child INHERIT parent: the child must have
// the parent's columns already, and keeps them as its own.
func (p *state) addInherit(child *schema.Table, rv *pg.RangeVar) error {
	pn, err := p.rangeVarName(rv)
	if err != nil {
		return err
	}
	if p.unmodelled[pn] {
		p.unsupported("ALTER TABLE ... INHERIT an unmodelled table", child.Name.String())
		return nil
	}
	parent := p.tables[pn]
	if parent == nil {
		return p.errorf(rv.Location, "relation %s does not exist", pn)
	}
	if parent.PartitionBy != "" || child.IsPartition() || child.PartitionBy != "" {
		return p.errorAt(p.stmtPos, "cannot change inheritance of a partitioned table or partition")
	}
	for _, c := range schema.EffectiveColumnsOf(parent, p.table) {
		if p.effColumn(child, c.Name) == nil {
			return p.errorAt(p.stmtPos, "child table is missing column %q", c.Name)
		}
	}
	if slices.Contains(child.Inherits, pn) {
		return p.errorAt(p.stmtPos, "relation %s would be inherited from more than once", pn)
	}
	child.Inherits = append(slices.Clip(child.Inherits), pn)
	return nil
}

// dropInherit reads ALTER TABLE child NO INHERIT parent: the columns the
// child took from the parent become its own.
func (p *state) dropInherit(child *schema.Table, rv *pg.RangeVar) error {
	pn, err := p.rangeVarName(rv)
	if err != nil {
		return err
	}
	if !slices.Contains(child.Inherits, pn) {
		return p.errorAt(p.stmtPos, "relation %s is not a parent of relation %s", pn, child.Name)
	}
	all := schema.EffectiveColumnsOf(child, p.table)
	child.Inherits = slices.DeleteFunc(slices.Clone(child.Inherits), func(n schema.Name) bool { return n == pn })
	var cols []*schema.Column
	for _, c := range all {
		if child.Column(c.Name) != nil || p.effColumn(child, c.Name) == nil {
			cc := *c
			cols = append(cols, &cc)
		}
	}
	child.Columns = cols
	return nil
}

// mergeInherited merges the columns a new inheritance child declares with
// those of its parents, as PostgreSQL does: the child's column keeps the
// parent's default unless it has its own, is NOT NULL when either is, and
// the merged columns come first, in the parents' order.
func (p *state) mergeInherited(t *schema.Table) error {
	if len(t.Inherits) == 0 {
		return nil
	}
	var parentCols []*schema.Column
	seen := map[string]bool{}
	for _, pn := range t.Inherits {
		for _, c := range schema.EffectiveColumnsOf(p.tables[pn], p.table) {
			if !seen[c.Name] {
				seen[c.Name] = true
				parentCols = append(parentCols, c)
			}
		}
	}
	var merged, own []*schema.Column
	for _, pc := range parentCols {
		if c := t.Column(pc.Name); c != nil {
			if !c.Type.Equal(*pc.Type) {
				return p.errorAt(c.Pos, "column %q has a type conflict with the inherited definition", c.Name)
			}
			if c.Default == nil {
				c.Default = pc.Default
			}
			c.NotNull = c.NotNull || pc.NotNull
			merged = append(merged, c)
		}
	}
	for _, c := range t.Columns {
		if !seen[c.Name] {
			own = append(own, c)
		}
	}
	t.Columns = append(merged, own...)
	return nil
}

// inheritedColumnChange reads ALTER TABLE ONLY child ALTER COLUMN ... SET
// DEFAULT / SET NOT NULL on a column the child takes from a parent:
// pg_dump writes the parent's default again for an inheritance child
// (which has a copy of it) this way. What repeats the parent's is
// nothing to model; anything else is not modelled.
func (p *state) inheritedColumnChange(t *schema.Table, cmd *pg.AlterTableCmd) (bool, error) {
	if t.Column(cmd.Name) != nil || len(t.Parents()) == 0 {
		return false, nil
	}
	pc := p.effColumn(t, cmd.Name)
	if pc == nil {
		return false, nil
	}
	same := false
	switch cmd.Subtype {
	case pg.AlterTableType_AT_ColumnDefault:
		if cmd.Def == nil {
			same = pc.Default == nil
		} else {
			e, err := p.newExpr(cmd.Def)
			if err != nil {
				return true, err
			}
			same = e.Equal(pc.Default)
		}
	case pg.AlterTableType_AT_SetNotNull:
		same = pc.NotNull
	}
	if !same {
		p.unsupported("ALTER TABLE "+alterKind(cmd.Subtype)+" on a column a partition or child table inherits", t.Name.String()+"."+cmd.Name)
	}
	return true, nil
}

// PartitionKeyElems splits a table's canonical PARTITION BY clause (see
// schema.Table.PartitionBy) into its strategy ("RANGE", "LIST", "HASH")
// and key elements, each a quoted column name, possibly followed by
// COLLATE and an operator class, or a parenthesised expression.
func PartitionKeyElems(by string) (strategy string, elems []string) {
	strategy, rest, _ := strings.Cut(by, " ")
	rest = strings.TrimSuffix(strings.TrimPrefix(rest, "("), ")")
	for _, e := range splitTopLevel(rest) {
		elems = append(elems, strings.TrimSpace(e))
	}
	return strategy, elems
}

// KeyColumn returns the column a partition key element names, or false
// for an expression or an element with a collation or operator class.
func KeyColumn(elem string) (string, bool) {
	if strings.HasPrefix(elem, `"`) {
		if name, ok := unquoteIdent(elem); ok && !strings.Contains(strings.ReplaceAll(elem[1:len(elem)-1], `""`, ""), `"`) {
			return name, true
		}
		return "", false
	}
	if elem == "" || strings.ContainsAny(elem, " ()") {
		return "", false
	}
	return elem, true
}

// BoundValues splits a canonical partition bound (see
// schema.Table.PartitionBound) into its values: from and to of a range
// bound, in of a list bound; kind is "RANGE", "LIST", "HASH" or "DEFAULT".
// Values are as canonicalBoundValue writes them: MINVALUE, MAXVALUE, NULL,
// a number, true, false, or a quoted literal.
func BoundValues(bound string) (kind string, from, to, in []string) {
	list := func(s string) []string {
		s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "("), ")")
		var out []string
		for _, v := range splitTopLevel(s) {
			out = append(out, strings.TrimSpace(v))
		}
		return out
	}
	switch {
	case bound == "DEFAULT":
		return "DEFAULT", nil, nil, nil
	case strings.HasPrefix(bound, "FOR VALUES IN "):
		return "LIST", nil, nil, list(strings.TrimPrefix(bound, "FOR VALUES IN "))
	case strings.HasPrefix(bound, "FOR VALUES FROM "):
		rest := strings.TrimPrefix(bound, "FOR VALUES FROM ")
		// FROM (...) TO (...): the TO after the first list's parenthesis.
		parts := splitTopLevel(rest)
		if len(parts) == 1 {
			if end := closingParen(rest); end > 0 && strings.HasPrefix(rest[end+1:], " TO ") {
				return "RANGE", list(rest[:end+1]), list(rest[end+5:]), nil
			}
		}
	}
	return "HASH", nil, nil, nil
}

// closingParen returns the offset of the parenthesis that closes the one
// s starts with, outside quotes; -1 when there is none.
func closingParen(s string) int {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitTopLevel splits a list at the commas outside parentheses and
// quotes.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// unquoteIdent reads a quoted identifier.
func unquoteIdent(s string) (string, bool) {
	if len(s) >= 2 && strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`), true
	}
	return "", false
}
