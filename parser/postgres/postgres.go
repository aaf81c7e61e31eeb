// Package postgres parses PostgreSQL DDL, as written by hand or by
// pg_dump --schema-only, into the schema model. It uses pg_query_go, which
// embeds PostgreSQL's own grammar, so anything the server accepts parses
// here, and normalises what PostgreSQL itself would normalise: type
// aliases, implicit constraint and index names, serial columns, literal
// casts in defaults and checks.
package postgres

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	pg "github.com/pganalyze/pg_query_go/v5"
	pgparser "github.com/pganalyze/pg_query_go/v5/parser"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// Dialect is the PostgreSQL dialect.
type Dialect struct{}

func init() { parser.Register(Dialect{}) }

// Name implements parser.Dialect.
func (Dialect) Name() string { return "postgres" }

// Parse implements parser.Dialect.
func (Dialect) Parse(file string, src []byte) (*schema.Schema, []parser.Diagnostic, error) {
	return Parse(file, src)
}

// Parse reads one PostgreSQL schema file.
func Parse(file string, src []byte) (*schema.Schema, []parser.Diagnostic, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	p := newState(file, src)
	if err := p.parse(); err != nil {
		return nil, nil, err
	}
	return p.s, p.diags, nil
}

func newState(file string, src []byte) *state {
	return &state{
		lines:       parser.NewLines(file, src),
		src:         src,
		s:           &schema.Schema{Dialect: "postgres"},
		searchPath:  []string{"public"},
		tables:      map[schema.Name]*schema.Table{},
		views:       map[schema.Name]*schema.View{},
		seqs:        map[schema.Name]*schema.Sequence{},
		enums:       map[schema.Name]*schema.Enum{},
		indexes:     map[schema.Name]*schema.Index{},
		typeNames:   map[schema.Name]bool{},
		relNames:    map[schema.Name]bool{},
		conNames:    map[schema.Name]bool{},
		namespaces:  map[string]*schema.Namespace{},
		unmodelled:  map[schema.Name]bool{},
		partKeyCols: map[schema.Name][]string{},
		ignored:     map[string]bool{},
		exprMemo:    map[string]schema.Expr{},
		shapeMemo:   map[string]schema.Expr{},
	}
}

type state struct {
	lines *parser.Lines
	src   []byte
	s     *schema.Schema
	// exprs shares equal column defaults, types equal column types.
	exprs parser.Exprs
	types parser.Types
	// slabs keep the model's small objects and lists together.
	slabs parser.Slabs

	// searchPath is the effective search_path; empty after pg_dump's
	// set_config('search_path', '', false), when every name is qualified.
	searchPath []string

	tables     map[schema.Name]*schema.Table
	views      map[schema.Name]*schema.View
	seqs       map[schema.Name]*schema.Sequence
	enums      map[schema.Name]*schema.Enum
	indexes    map[schema.Name]*schema.Index
	namespaces map[string]*schema.Namespace
	typeNames  map[schema.Name]bool
	// relNames and conNames are the relation and constraint names taken in
	// each namespace, for choosing implicit names the way PostgreSQL does.
	relNames map[schema.Name]bool
	conNames map[schema.Name]bool
	// unmodelled are relations created by statements the model does not
	// cover; statements on them are unsupported too, not errors.
	unmodelled map[schema.Name]bool
	// partKeyCols are the partition key columns of each partitioned
	// table ("" for an expression), for reading bounds.
	partKeyCols map[schema.Name][]string

	// exprMemo caches newExpr by the canonical node (see newExpr). The
	// search path is fixed for the canonical node's meaning only through
	// nextval, which canonicalise has already qualified.
	exprMemo map[string]schema.Expr
	// shapeMemo caches it by appendShape's key, which is cheaper.
	shapeMemo map[string]schema.Expr

	// acl collects GRANT, REVOKE and ALTER DEFAULT PRIVILEGES (see
	// privileges.go).
	acl *aclState

	pendingFKs []pendingFK
	// enumStmts are the enum statements, read again for their hints.
	enumStmts []enumStmt
	diags     []parser.Diagnostic
	ignored   map[string]bool

	stmt *pg.RawStmt
	// base is the offset in the file of the text the statement was
	// parsed from, to which its node locations are relative, and end
	// the offset where the statement ends.
	base, end int
	// cuts are the offsets where the file's statements start, as split
	// for parsing: the scanner can start afresh at each (see scan).
	cuts    []int
	stmtPos schema.Pos
	// inHint is set while a hint's expression is read.
	inHint bool
}

// pendingFK is a foreign key whose referenced columns were omitted; they
// are the referenced table's primary key, known only once all statements
// have been read.
type pendingFK struct {
	table *schema.Table
	con   *schema.Constraint
}

func (p *state) defaultSchema() string {
	if len(p.searchPath) == 0 {
		return "public"
	}
	return p.searchPath[0]
}

func (p *state) qualify(n schema.Name) schema.Name {
	if n.Schema == "" {
		n.Schema = p.defaultSchema()
	}
	return n
}

func (p *state) parse() error {
	// The parser reads a C string: a NUL byte would silently end the file
	// early. Neither it nor invalid UTF-8 belongs in a schema file.
	if i := bytes.IndexByte(p.src, 0); i >= 0 {
		return &parser.Error{Pos: p.lines.Pos(i), Msg: "NUL byte in input (is this a binary file?)"}
	}
	if !utf8.Valid(p.src) {
		i := 0
		for i < len(p.src) {
			r, n := utf8.DecodeRune(p.src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return &parser.Error{Pos: p.lines.Pos(i), Msg: "invalid UTF-8 in input"}
	}
	src := blankMetaCommands(p.src)
	err := eachStatement(string(src), p.read)
	if errors.Is(err, errNoSplit) {
		// Start again from nothing, on the whole file at once.
		*p = *newState(p.lines.File(), p.src)
		err = eachWholeStatement(string(src), p.read)
	}
	var serr syntaxErr
	if errors.As(err, &serr) {
		return p.syntaxError(serr.err)
	}
	if err != nil {
		return err
	}
	comments, err := p.comments(src)
	if err != nil {
		return err
	}
	if len(p.enumStmts) > 0 {
		used, err := p.enumHints(src)
		if err != nil {
			return err
		}
		comments = slices.DeleteFunc(comments, func(c parser.Comment) bool { return used[c.Pos] })
	}
	// Truncation warnings go first, as they concern the whole file.
	n := len(p.diags)
	if err := p.warnTruncated(src); err != nil {
		return err
	}
	p.diags = slices.Concat(p.diags[n:], p.diags[:n])
	if err := p.finish(); err != nil {
		return err
	}
	return parser.ApplyHints(p.s, comments, hintReader{p})
}

// read adds one statement to the model.
func (p *state) read(st rawStmt) error {
	p.stmt, p.base, p.end = st.raw, st.base, st.base+st.len
	if n := len(p.cuts); n == 0 || p.cuts[n-1] != st.base {
		p.cuts = append(p.cuts, st.base)
	}
	p.stmtPos = p.lines.Pos(skipBlank(p.src, p.base+int(st.raw.StmtLocation)))
	if err := p.statement(st.raw.Stmt); err != nil {
		var perr *parser.Error
		if errors.As(err, &perr) {
			return err
		}
		return &parser.Error{Pos: p.stmtPos, Msg: err.Error()}
	}
	return nil
}

// rawStmt is one statement's parse tree, the offset in the file of the
// text it was parsed from (its node locations are relative to it) and
// the length of that text up to the statement's end.
type rawStmt struct {
	raw       *pg.RawStmt
	base, len int
}

// errNoSplit says that a file could not be read statement by statement.
var errNoSplit = errors.New("file does not split into statements")

// eachStatement parses a file one statement at a time and hands each to
// read: the file is split with PostgreSQL's own scanner and each piece is
// parsed alone. pg_query hands a parse tree over as one protobuf message,
// so a whole file at once costs memory many times its size (about 570 MB
// for a 7 MB dump) and time to decode it; statement by statement, a
// 10,000-table file parses in less than half the time, in a tenth of the
// memory.
//
// The scanner does not know that a SQL-standard function body (BEGIN
// ATOMIC ... END) or a multi-action rule holds semicolons; such a file
// splits into a piece that does not parse, and eachStatement returns
// errNoSplit: the caller reads the whole file at once instead, which
// also gives the syntax error of a bad file its usual position and
// message.
func eachStatement(src string, read func(rawStmt) error) error {
	pieces, err := pg.SplitWithScanner(src, false)
	if err != nil {
		return errNoSplit
	}
	off := 0
	for _, piece := range pieces {
		// Pieces are substrings of src in order, with only semicolons
		// and blanks between them.
		i := strings.Index(src[off:], piece)
		if i < 0 {
			return errNoSplit
		}
		base := off + i
		off = base + len(piece)
		tree, err := pg.Parse(piece)
		if err != nil {
			return errNoSplit
		}
		for _, raw := range tree.Stmts {
			if err := read(rawStmt{raw: raw, base: base, len: stmtLen(raw, piece)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// eachWholeStatement parses the whole file at once and hands each
// statement to read.
func eachWholeStatement(src string, read func(rawStmt) error) error {
	tree, err := pg.Parse(src)
	if err != nil {
		return syntaxErr{err}
	}
	for i, raw := range tree.Stmts {
		// Let the collector have each statement's tree once it is read:
		// the trees of a large file outweigh its model many times over.
		tree.Stmts[i] = nil
		if err := read(rawStmt{raw: raw, len: stmtLen(raw, src)}); err != nil {
			return err
		}
	}
	return nil
}

// syntaxErr marks pg_query's error for a file that does not parse.
type syntaxErr struct{ err error }

func (e syntaxErr) Error() string { return e.err.Error() }
func (e syntaxErr) Unwrap() error { return e.err }

// stmtLen is where a statement ends in the text it was parsed from; the
// last statement has no recorded length.
func stmtLen(raw *pg.RawStmt, text string) int {
	if raw.StmtLen == 0 {
		return len(text)
	}
	return int(raw.StmtLocation + raw.StmtLen)
}

// hintReader reads hint expressions with the file's search path in effect.
type hintReader struct{ p *state }

func (r hintReader) HintTable(text string) (schema.Name, error) { return Dialect{}.HintTable(text) }

func (r hintReader) HintColumn(text string) (schema.Name, string, error) {
	return Dialect{}.HintColumn(text)
}

func (r hintReader) HintExpr(text string) (*schema.Expr, []string, error) {
	return r.p.hintExpr(text)
}

// blankMetaCommands replaces psql meta-command lines (pg_dump writes
// \restrict and \unrestrict since PostgreSQL 15.14) with spaces, keeping
// every byte offset, so that positions still point into the file.
func blankMetaCommands(src []byte) []byte {
	var out []byte
	off := 0
	for line := range bytes.Lines(src) {
		trimmed := bytes.TrimLeft(line, " \t")
		if bytes.HasPrefix(trimmed, []byte(`\`)) {
			if out == nil {
				out = bytes.Clone(src)
			}
			for i := range len(bytes.TrimRight(line, "\r\n")) {
				out[off+i] = ' '
			}
		}
		off += len(line)
	}
	if out == nil {
		return src
	}
	return out
}

func (p *state) syntaxError(err error) error {
	var pe *pgparser.Error
	if errors.As(err, &pe) && pe.Cursorpos > 0 {
		return &parser.Error{Pos: p.lines.Pos(p.lines.RuneOffset(pe.Cursorpos - 1)), Msg: pe.Message}
	}
	msg := err.Error()
	if strings.Contains(msg, "exceeded maximum recursion depth") {
		// The parse tree comes from C as a protobuf message, whose
		// decoder stops at 10,000 levels.
		msg = "an expression is nested too deeply (over 10,000 levels) to read"
	}
	return &parser.Error{Pos: schema.Pos{File: p.lines.File(), Line: 1, Col: 1}, Msg: msg}
}

// skipBlank moves off past white space and comments, so that a statement's
// position is that of its first keyword rather than of the comment above it.
func skipBlank(src []byte, off int) int {
	for off < len(src) {
		switch {
		case src[off] == ' ' || src[off] == '\t' || src[off] == '\n' || src[off] == '\r' || src[off] == '\f':
			off++
		case bytes.HasPrefix(src[off:], []byte("--")):
			i := bytes.IndexByte(src[off:], '\n')
			if i < 0 {
				return len(src)
			}
			off += i + 1
		case bytes.HasPrefix(src[off:], []byte("/*")):
			i := bytes.Index(src[off+2:], []byte("*/"))
			if i < 0 {
				return len(src)
			}
			off += i + 4
		default:
			return off
		}
	}
	return off
}

// pos returns the position of a node location, falling back to the
// statement's position when the grammar recorded none.
func (p *state) pos(loc int32) schema.Pos {
	if loc < 0 {
		return p.stmtPos
	}
	return p.lines.Pos(p.base + int(loc))
}

func (p *state) errorf(loc int32, format string, args ...any) error {
	return &parser.Error{Pos: p.pos(loc), Msg: fmt.Sprintf(format, args...)}
}

// note records a diagnostic.
func (p *state) note(sev parser.Severity, pos schema.Pos, format string, args ...any) {
	p.diags = append(p.diags, parser.Diagnostic{Pos: pos, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// ignore records, once per kind, that statements of a kind were skipped
// because they do not describe schema (ownership, privileges, settings).
func (p *state) ignore(kind string) {
	if p.ignored[kind] {
		return
	}
	p.ignored[kind] = true
	p.note(parser.Info, p.stmtPos, "%s statements are ignored (not part of the schema model)", kind)
}

// unsupported records a statement the model does not cover, so that a
// difference in it is reported rather than silently dropped.
func (p *state) unsupported(kind, object string) {
	key, err := deparseStmt(p.stmt.Stmt)
	if err != nil {
		key = strings.Join(strings.Fields(p.stmtText()), " ")
	}
	p.s.Unsupported = append(p.s.Unsupported, &schema.Unsupported{Kind: kind, Object: object, Key: key, Pos: p.stmtPos})
	what := kind
	if object != "" {
		what += " " + object
	}
	p.note(parser.Warning, p.stmtPos, "unsupported: %s is not modelled; zdplan will not plan changes to it", what)
}

func (p *state) stmtText() string {
	start := p.base + int(p.stmt.StmtLocation)
	return string(p.src[start:min(p.end, len(p.src))])
}

func (p *state) statement(n *pg.Node) error {
	if ok, err := p.typeStatement(n); ok {
		return err
	}
	switch x := n.Node.(type) {
	case *pg.Node_CreateStmt:
		return p.createTable(x.CreateStmt)
	case *pg.Node_AlterTableStmt:
		return p.alterTable(x.AlterTableStmt)
	case *pg.Node_IndexStmt:
		return p.createIndex(x.IndexStmt)
	case *pg.Node_ViewStmt:
		return p.createView(x.ViewStmt)
	case *pg.Node_CreateTableAsStmt:
		return p.createTableAs(x.CreateTableAsStmt)
	case *pg.Node_CreateSeqStmt:
		return p.createSequence(x.CreateSeqStmt)
	case *pg.Node_AlterSeqStmt:
		return p.alterSequence(x.AlterSeqStmt)
	case *pg.Node_CreateEnumStmt:
		return p.createEnum(x.CreateEnumStmt)
	case *pg.Node_AlterEnumStmt:
		return p.alterEnum(x.AlterEnumStmt)
	case *pg.Node_CommentStmt:
		if ok, err := p.routineComment(x.CommentStmt); ok {
			return err
		}
		return p.comment(x.CommentStmt)
	case *pg.Node_CreatePolicyStmt:
		return p.createPolicy(x.CreatePolicyStmt)
	case *pg.Node_AlterPolicyStmt:
		return p.alterPolicy(x.AlterPolicyStmt)
	case *pg.Node_CreateFunctionStmt:
		return p.createFunction(x.CreateFunctionStmt)
	case *pg.Node_CreateTrigStmt:
		return p.createTrigger(x.CreateTrigStmt)
	case *pg.Node_CreateExtensionStmt:
		return p.createExtension(x.CreateExtensionStmt)
	case *pg.Node_CreateSchemaStmt:
		return p.createSchema(x.CreateSchemaStmt)
	case *pg.Node_VariableSetStmt:
		return p.set(x.VariableSetStmt)
	case *pg.Node_SelectStmt:
		return p.selectStmt(x.SelectStmt)
	case *pg.Node_GrantStmt:
		return p.grant(x.GrantStmt)
	case *pg.Node_AlterDefaultPrivilegesStmt:
		return p.alterDefaultPrivileges(x.AlterDefaultPrivilegesStmt)
	case *pg.Node_GrantRoleStmt:
		// Role membership is the cluster's, not the database schema's.
		p.ignore("GRANT/REVOKE role")
	case *pg.Node_AlterOwnerStmt:
		p.ignore("OWNER TO")
	case *pg.Node_TransactionStmt:
		p.ignore("BEGIN/COMMIT")
	case *pg.Node_DefineStmt:
		if x.DefineStmt.Kind == pg.ObjectType_OBJECT_AGGREGATE {
			return p.createAggregate(x.DefineStmt)
		}
		p.unsupported(statementKind(n, p.stmtText()), "")
	case *pg.Node_AlterObjectSchemaStmt, *pg.Node_RenameStmt, *pg.Node_DropStmt:
		p.unsupported(statementKind(n, p.stmtText()), "")
	default:
		p.unsupported(statementKind(n, p.stmtText()), "")
	}
	return nil
}

// statementKinds names statements for "unsupported" diagnostics.
var statementKinds = map[string]string{
	"CreateFunctionStmt":     "CREATE FUNCTION",
	"CreateTrigStmt":         "CREATE TRIGGER",
	"CreateEventTrigStmt":    "CREATE EVENT TRIGGER",
	"CreatePolicyStmt":       "CREATE POLICY",
	"CreateDomainStmt":       "CREATE DOMAIN",
	"CreateExtensionStmt":    "CREATE EXTENSION",
	"CompositeTypeStmt":      "CREATE TYPE (composite)",
	"CreateRangeStmt":        "CREATE TYPE (range)",
	"CreateCastStmt":         "CREATE CAST",
	"RuleStmt":               "CREATE RULE",
	"CreateRoleStmt":         "CREATE ROLE",
	"CreateForeignTableStmt": "CREATE FOREIGN TABLE",
	"CreateStatsStmt":        "CREATE STATISTICS",
	"CreatePublicationStmt":  "CREATE PUBLICATION",
	"DoStmt":                 "DO",
	"InsertStmt":             "INSERT",
	"UpdateStmt":             "UPDATE",
	"DeleteStmt":             "DELETE",
}

func statementKind(n *pg.Node, text string) string {
	typ := fmt.Sprintf("%T", n.Node)
	typ = strings.TrimPrefix(typ, "*pg_query.Node_")
	if k, ok := statementKinds[typ]; ok {
		return k
	}
	// Fall back on the statement's own leading keywords.
	words := strings.Fields(strings.ToUpper(text))
	var kw []string
	for _, w := range words {
		if len(kw) == 3 || strings.ContainsAny(w, `"(.;'`) {
			break
		}
		kw = append(kw, w)
	}
	return strings.Join(kw, " ")
}

// set handles SET search_path; other settings do not change the schema.
func (p *state) set(s *pg.VariableSetStmt) error {
	if s.Name != "search_path" {
		p.ignore("SET")
		return nil
	}
	var path []string
	for _, a := range s.Args {
		if c := a.GetAConst(); c != nil && c.GetSval() != nil {
			for _, part := range strings.Split(c.GetSval().Sval, ",") {
				if part = strings.Trim(strings.TrimSpace(part), `"`); part != "" {
					path = append(path, part)
				}
			}
		}
	}
	p.setSearchPath(path)
	return nil
}

func (p *state) setSearchPath(path []string) {
	var out []string
	for _, s := range path {
		if s != "pg_catalog" && s != "$user" {
			out = append(out, s)
		}
	}
	p.searchPath = out
}

// selectStmt understands pg_dump's SELECT pg_catalog.set_config(...) and
// ignores other function calls that only set session state.
func (p *state) selectStmt(s *pg.SelectStmt) error {
	if len(s.TargetList) == 1 && s.FromClause == nil {
		if fc := s.TargetList[0].GetResTarget().GetVal().GetFuncCall(); fc != nil {
			switch funcName(fc) {
			case "set_config":
				if len(fc.Args) >= 2 {
					name := fc.Args[0].GetAConst().GetSval().GetSval()
					val := fc.Args[1].GetAConst().GetSval().GetSval()
					if name == "search_path" {
						p.setSearchPath(strings.Split(val, ","))
					}
				}
				p.ignore("SET")
				return nil
			case "setval":
				p.ignore("SELECT setval(...)")
				return nil
			}
		}
	}
	p.unsupported("SELECT", "")
	return nil
}

func (p *state) createSchema(s *pg.CreateSchemaStmt) error {
	if len(s.SchemaElts) > 0 {
		p.unsupported("CREATE SCHEMA with elements", s.Schemaname)
		return nil
	}
	name := s.Schemaname
	if name == "" {
		p.unsupported("CREATE SCHEMA AUTHORIZATION", "")
		return nil
	}
	if _, dup := p.namespaces[name]; dup {
		if s.IfNotExists {
			return nil
		}
		return fmt.Errorf("schema %q already exists", name)
	}
	ns := &schema.Namespace{Name: name, Pos: p.stmtPos}
	p.namespaces[name] = ns
	if name != "public" {
		p.s.Namespaces = append(p.s.Namespaces, ns)
	}
	return nil
}

func (p *state) rangeVarName(rv *pg.RangeVar) (schema.Name, error) {
	if rv.Catalogname != "" {
		return schema.Name{}, p.errorf(rv.Location, "cross-database reference %s.%s.%s is not supported", rv.Catalogname, rv.Schemaname, rv.Relname)
	}
	return p.qualify(schema.Name{Schema: truncateIdent(rv.Schemaname), Name: truncateIdent(rv.Relname)}), nil
}

// nameList turns a list of String nodes (a possibly qualified name) into a
// Name.
func (p *state) nameList(nodes []*pg.Node) (schema.Name, error) {
	var parts []string
	for _, n := range nodes {
		parts = append(parts, n.GetString_().GetSval())
	}
	switch len(parts) {
	case 1:
		return p.qualify(schema.Name{Name: parts[0]}), nil
	case 2:
		return schema.Name{Schema: parts[0], Name: parts[1]}, nil
	}
	return schema.Name{}, fmt.Errorf("unsupported name %s", strings.Join(parts, "."))
}

// finish resolves what could only be known after the last statement and
// puts every list in a deterministic order.
func (p *state) finish() error {
	for _, f := range p.pendingFKs {
		ref := p.tables[f.con.Ref.Table]
		if ref == nil {
			return &parser.Error{Pos: f.con.Pos, Msg: fmt.Sprintf("foreign key %s references missing table %s", f.con.Name, f.con.Ref.Table)}
		}
		pk := ref.PrimaryKey()
		if pk == nil {
			return &parser.Error{Pos: f.con.Pos, Msg: fmt.Sprintf("there is no primary key for referenced table %s", f.con.Ref.Table)}
		}
		f.con.Ref.Columns = append([]string(nil), pk.Columns...)
	}
	p.finishPrivileges()
	for _, t := range p.s.Tables {
		for _, c := range t.Constraints {
			if c.Kind != schema.ForeignKey {
				continue
			}
			if p.tables[c.Ref.Table] == nil && !p.unmodelled[c.Ref.Table] {
				return &parser.Error{Pos: c.Pos, Msg: fmt.Sprintf("foreign key %s references missing table %s", c.Name, c.Ref.Table)}
			}
		}
	}
	return nil
}

// parseQualifiedName splits a textual name like `public."Seq"` as
// PostgreSQL's regclass input does.
func parseQualifiedName(s string) (schema.Name, error) {
	var parts []string
	for len(s) > 0 {
		var part string
		if s[0] == '"' {
			i := 1
			for {
				j := strings.IndexByte(s[i:], '"')
				if j < 0 {
					return schema.Name{}, fmt.Errorf("unterminated quoted name")
				}
				part += s[i : i+j]
				i += j + 1
				if i < len(s) && s[i] == '"' {
					part += `"`
					i++
					continue
				}
				break
			}
			s = s[i:]
		} else {
			j := strings.IndexByte(s, '.')
			if j < 0 {
				j = len(s)
			}
			part = strings.ToLower(strings.TrimSpace(s[:j]))
			s = s[j:]
		}
		parts = append(parts, part)
		if strings.HasPrefix(s, ".") {
			s = s[1:]
		} else if s != "" {
			return schema.Name{}, fmt.Errorf("invalid name")
		}
	}
	switch len(parts) {
	case 1:
		return schema.Name{Name: parts[0]}, nil
	case 2:
		return schema.Name{Schema: parts[0], Name: parts[1]}, nil
	}
	return schema.Name{}, fmt.Errorf("invalid name")
}
