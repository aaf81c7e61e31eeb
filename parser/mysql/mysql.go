// Package mysql parses MySQL and MariaDB DDL — written by hand, by
// mysqldump --no-data, or SHOW CREATE TABLE — into the schema model.
//
// It uses TiDB's MySQL-compatible parser for statements, after cutting the
// file into statements itself (see split.go), and normalises what the
// server would normalise, so that a hand-written schema and the server's
// own SHOW CREATE TABLE output of it give the same model: type aliases and
// display widths, implicit index, foreign key and CHECK names, defaults,
// character sets inherited from the table, expression spelling.
//
// Where MySQL 8 and MariaDB disagree (implicit CHECK names, the JSON type,
// default collations) this package follows MariaDB 10.11, the server the
// project tests against; the differences are noted where they matter.
//
// Conventions of the model for this dialect:
//   - names keep their spelling; table names are case-sensitive
//     (lower_case_table_names=0, the Linux default), and a column or index
//     whose name differs only in case is a different (renamed) one;
//   - Name.Schema is always empty: a database qualifier is dropped;
//   - UNIQUE keys are indexes (schema.Index with Unique), not constraints;
//     the primary key is a constraint named "PRIMARY".
package mysql

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	tidb "github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	// The TiDB parser builds literal nodes through a "value expression"
	// driver that the importing program must provide. test_driver is the
	// small one that ships with the parser; the real one would pull in all
	// of TiDB's expression evaluation.
	_ "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// Dialect is the MySQL/MariaDB dialect.
type Dialect struct{}

func init() { parser.Register(Dialect{}) }

// Name implements parser.Dialect.
func (Dialect) Name() string { return "mysql" }

// Parse implements parser.Dialect.
func (Dialect) Parse(file string, src []byte) (*schema.Schema, []parser.Diagnostic, error) {
	return Parse(file, src)
}

// Parse reads one MySQL/MariaDB schema file.
//
// The schema it returns shares memory with src (see aliasString): src must
// not be modified afterwards.
func Parse(file string, src []byte) (s *schema.Schema, diags []parser.Diagnostic, err error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	p := newState(file, src)
	// The TiDB parser is generated code that has been seen to panic on odd
	// input; a panic in it must not take the caller down.
	defer func() {
		if r := recover(); r != nil {
			s, diags = nil, nil
			err = &parser.Error{Pos: p.stmtPos, Msg: fmt.Sprintf("internal error parsing this statement: %v", r)}
			if !err.(*parser.Error).Pos.IsValid() {
				err = &parser.Error{Pos: schema.Pos{File: file, Line: 1, Col: 1}, Msg: fmt.Sprintf("internal error: %v", r)}
			}
		}
	}()
	if err := p.parse(); err != nil {
		return nil, nil, err
	}
	return p.s, p.diags, nil
}

// aliasString returns b's bytes as a string without copying them. The
// TiDB parser's identifiers are substrings of the statement it reads, and
// the model keeps them, so copying the statements would keep a second
// image of the whole file alive as long as the model (18 MB of the 10,000
// table pair's 200 MB). Only Parse's input, which its contract says stays
// unchanged, is aliased.
func aliasString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// parseSQL is the TiDB parser's ParseSQL, with a panic in it returned as
// an error: hints and expressions come from flags and from the planner
// too, outside the recovery of Parse.
func parseSQL(tp *tidb.Parser, sql string) (stmts []ast.StmtNode, err error) {
	defer func() {
		if r := recover(); r != nil {
			stmts, err = nil, errors.New(panicMessage(r))
		}
	}()
	stmts, _, err = tp.ParseSQL(sql)
	return stmts, err
}

// panicMessage says what a panic of the TiDB parser means, where that is
// known.
func panicMessage(r any) string {
	msg := fmt.Sprint(r)
	if strings.Contains(msg, "MyDecimal") {
		// Its test driver's decimal type panics on a literal with more
		// digits than it holds (from somewhere between 66 and 80).
		return "a numeric literal with more digits than the TiDB parser reads"
	}
	return msg
}

func newState(file string, src []byte) *state {
	return &state{
		lines:      parser.NewLines(file, src),
		src:        src,
		s:          &schema.Schema{Dialect: "mysql"},
		tables:     map[string]*table{},
		views:      map[string]*schema.View{},
		unmodelled: map[string]bool{},
		ignored:    map[string]bool{},
		tp:         tidb.New(),
		keys:       map[keyMemo]string{},
	}
}

type state struct {
	lines *parser.Lines
	src   []byte
	s     *schema.Schema
	tp    *tidb.Parser
	// keys memoises exprKey: schemas repeat the same defaults and checks
	// over and over, and each key costs a parse.
	keys map[keyMemo]string
	// exprs shares equal column defaults and CHECK expressions, types
	// equal column types.
	exprs parser.Exprs
	types parser.Types
	// options shares equal table options.
	options parser.Options
	// slabs keep the model's small objects and lists together.
	slabs parser.Slabs

	tables     map[string]*table
	views      map[string]*schema.View
	unmodelled map[string]bool
	// database is the first database qualifier seen; qualifiers are
	// dropped, and a second, different one is worth a warning.
	database string

	// fkRefs are the foreign keys that reference a table of this
	// database, checked once every statement is read (mysqldump creates
	// tables in name order, with foreign_key_checks off).
	fkRefs []fkRef

	diags   []parser.Diagnostic
	ignored map[string]bool

	stmt statement
	toks []token
	// elements are the current CREATE TABLE's, reused like toks.
	elements []element
	stmtPos  schema.Pos
}

func (p *state) parse() error {
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
	src := blankClientCommands(p.src)
	stmts, comments, open := splitComments(src, aliasString(src))
	if open >= 0 {
		what := "unterminated quoted string"
		switch p.src[open] {
		case '`':
			what = "unterminated quoted identifier"
		case '/':
			what = "unterminated /* comment"
		}
		return &parser.Error{Pos: p.lines.Pos(open), Msg: what}
	}
	for _, st := range stmts {
		p.stmt = st
		// A statement's tokens die with it: the next one reuses their array.
		p.toks = appendTokens(p.toks[:0], st.text, -1)
		if len(p.toks) == 0 {
			continue
		}
		p.stmtPos = p.lines.Pos(st.off + p.toks[0].off)
		if err := p.statement(); err != nil {
			return err
		}
	}
	if err := p.checkForeignKeys(); err != nil {
		return err
	}
	if err := p.checkNameLengths(); err != nil {
		return err
	}
	p.finish()
	return parser.ApplyHints(p.s, p.hintComments(comments), hintReader{p})
}

// posAt returns the position of a byte offset in the current statement.
func (p *state) posAt(off int) schema.Pos { return p.lines.Pos(p.stmt.off + off) }

func (p *state) errorAt(off int, format string, args ...any) error {
	return &parser.Error{Pos: p.posAt(off), Msg: fmt.Sprintf(format, args...)}
}

func (p *state) note(sev parser.Severity, pos schema.Pos, format string, args ...any) {
	p.diags = append(p.diags, parser.Diagnostic{Pos: pos, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// unsupported records a statement the model does not cover, so that a
// difference in it is reported rather than silently dropped.
func (p *state) unsupported(kind, object string) {
	p.s.Unsupported = append(p.s.Unsupported, &schema.Unsupported{Kind: kind, Object: object, Key: p.stmtKey(), Pos: p.stmtPos})
	what := kind
	if object != "" {
		what += " " + object
	}
	p.note(parser.Warning, p.stmtPos, "unsupported: %s is not modelled; zdplan will not plan changes to it", what)
}

// stmtKey is the statement's tokens joined by single spaces, keywords in
// upper case: the same statement however it is laid out or commented.
func (p *state) stmtKey() string {
	parts := make([]string, len(p.toks))
	for i, t := range p.toks {
		if t.kind == tkWord {
			parts[i] = strings.ToUpper(t.text)
		} else {
			parts[i] = t.text
		}
	}
	return strings.Join(parts, " ")
}

// kw returns the upper-case word at token i, or "".
func (p *state) kw(i int) string {
	if i < len(p.toks) {
		return p.toks[i].upper()
	}
	return ""
}

// statementWords are the first keywords of statements MySQL or MariaDB
// accept. A statement starting with anything else is not SQL.
var statementWords = map[string]bool{
	"ALTER": true, "ANALYZE": true, "BEGIN": true, "BINLOG": true, "CALL": true, "CHANGE": true,
	"CHECK": true, "CHECKSUM": true, "COMMIT": true, "CREATE": true, "DEALLOCATE": true, "DECLARE": true,
	"DELETE": true, "DESC": true, "DESCRIBE": true, "DO": true, "DROP": true, "EXECUTE": true,
	"EXPLAIN": true, "FLUSH": true, "GRANT": true, "HANDLER": true, "HELP": true, "INSERT": true,
	"INSTALL": true, "KILL": true, "LOAD": true, "LOCK": true, "OPTIMIZE": true, "PREPARE": true,
	"PURGE": true, "RELEASE": true, "RENAME": true, "REPAIR": true, "REPLACE": true, "RESET": true,
	"REVOKE": true, "ROLLBACK": true, "SAVEPOINT": true, "SELECT": true, "SET": true, "SHOW": true,
	"SHUTDOWN": true, "START": true, "STOP": true, "TABLE": true, "TRUNCATE": true, "UNINSTALL": true,
	"UNLOCK": true, "UPDATE": true, "USE": true, "VALUES": true, "WITH": true, "XA": true, "(": true,
}

// createKinds are the object kinds of CREATE statements MySQL or MariaDB
// know, after OR REPLACE, DEFINER, ALGORITHM and the like.
var createKinds = map[string]string{
	"TABLE": "CREATE TABLE", "VIEW": "CREATE VIEW", "INDEX": "CREATE INDEX", "UNIQUE": "CREATE INDEX",
	"FULLTEXT": "CREATE INDEX", "SPATIAL": "CREATE INDEX", "TRIGGER": "CREATE TRIGGER",
	"PROCEDURE": "CREATE PROCEDURE", "FUNCTION": "CREATE FUNCTION", "EVENT": "CREATE EVENT",
	"DATABASE": "CREATE DATABASE", "SCHEMA": "CREATE DATABASE", "USER": "CREATE USER", "ROLE": "CREATE ROLE",
	"SEQUENCE": "CREATE SEQUENCE", "SERVER": "CREATE SERVER", "TABLESPACE": "CREATE TABLESPACE",
	"LOGFILE": "CREATE LOGFILE GROUP", "AGGREGATE": "CREATE AGGREGATE FUNCTION", "PACKAGE": "CREATE PACKAGE",
	"SPATIAL REFERENCE": "CREATE SPATIAL REFERENCE SYSTEM", "RESOURCE": "CREATE RESOURCE GROUP",
}

// createKind finds the object kind of a CREATE statement, skipping OR
// REPLACE, DEFINER = user, ALGORITHM = x, SQL SECURITY x, TEMPORARY and
// the like, and returns it with the index of its token.
func (p *state) createKind() (string, int) {
	i := 1
	for i < len(p.toks) {
		switch p.kw(i) {
		case "OR":
			i += 2 // OR REPLACE
		case "TEMPORARY", "ONLINE", "OFFLINE", "IGNORE":
			i++
		case "ALGORITHM":
			i += 2
			if p.kw(i-1) == "" { // ALGORITHM = X
				i++
			}
		case "SQL":
			i += 3 // SQL SECURITY DEFINER
		case "DEFINER":
			i++
			if i < len(p.toks) && p.toks[i].text == "=" {
				i++
			}
			i = p.skipUser(i)
		default:
			k := p.kw(i)
			if k == "" {
				return "", i
			}
			return k, i
		}
	}
	return "", i
}

// skipUser skips a user name (user, 'user'@'host', CURRENT_USER[()]).
func (p *state) skipUser(i int) int {
	if i < len(p.toks) {
		i++
	}
	for i < len(p.toks) && (p.toks[i].text == "@" || p.toks[i].text == "(" || p.toks[i].text == ")") {
		i++
		if p.toks[i-1].text == "@" && i < len(p.toks) {
			i++
		}
	}
	return i
}

func (p *state) statement() error {
	first := p.kw(0)
	if first == "" && p.toks[0].text != "(" {
		return p.errorAt(p.toks[0].off, "syntax error: a statement cannot start with %s", p.toks[0].text)
	}
	if !statementWords[first] && !statementWords[p.toks[0].text] {
		return p.errorAt(p.toks[0].off, "syntax error: unknown statement %s", p.toks[0].text)
	}
	switch first {
	case "SET", "USE", "LOCK", "UNLOCK", "INSERT", "REPLACE", "START", "BEGIN", "COMMIT", "ROLLBACK", "FLUSH":
		// Session noise and seed data, as mysqldump writes it.
		return nil
	case "DROP":
		if p.kw(1) == "TABLE" || p.kw(1) == "VIEW" || (p.kw(1) == "TEMPORARY" && p.kw(2) == "TABLE") {
			// mysqldump drops every table and view before creating it,
			// and creates a stand-in view before the real one.
			p.drop()
			return nil
		}
		if p.kw(1) == "DATABASE" || p.kw(1) == "SCHEMA" {
			return nil
		}
		p.unsupported("DROP "+p.kw(1), "")
		return nil
	case "GRANT", "REVOKE":
		p.ignore("GRANT/REVOKE")
		return nil
	case "CREATE":
		kind, at := p.createKind()
		if k, ok := createKinds[kind]; ok {
			switch k {
			case "CREATE DATABASE":
				return nil
			case "CREATE TABLE":
				return p.createTable(at)
			case "CREATE VIEW":
				return p.createView()
			case "CREATE INDEX":
				return p.createIndex()
			}
			p.unsupported(k, p.objectNameAfter(at+1))
			return nil
		}
		if at < len(p.toks) {
			return p.errorAt(p.toks[at].off, "syntax error: unknown object type in CREATE: %s", p.toks[at].text)
		}
		return p.errorAt(p.toks[0].off, "syntax error: incomplete CREATE statement")
	case "ALTER":
		if p.kw(1) == "TABLE" || (p.kw(1) == "ONLINE" || p.kw(1) == "IGNORE") && p.kw(2) == "TABLE" {
			return p.alterTable()
		}
		if p.kw(1) == "DATABASE" || p.kw(1) == "SCHEMA" {
			return nil
		}
		p.unsupported("ALTER "+p.kw(1), p.objectNameAfter(2))
		return nil
	}
	kind := first
	if kind == "" {
		kind = p.toks[0].text
	}
	p.unsupported(kind, "")
	return nil
}

// drop removes the tables or views a DROP TABLE/VIEW names from the model.
func (p *state) drop() {
	node, err := p.parseTiDB(p.stmt.text)
	if err != nil {
		return
	}
	d, ok := node.(*ast.DropTableStmt)
	if !ok {
		return
	}
	for _, tn := range d.Tables {
		name := p.tableName(tn)
		delete(p.unmodelled, name)
		if t := p.tables[name]; t != nil && !d.IsView {
			delete(p.tables, name)
			p.s.Tables = slices.DeleteFunc(p.s.Tables, func(x *schema.Table) bool { return x == t.t })
			p.s.Indexes = slices.DeleteFunc(p.s.Indexes, func(i *schema.Index) bool { return i.Table.Name == name })
		}
		if v := p.views[name]; v != nil && d.IsView {
			delete(p.views, name)
			p.s.Views = slices.DeleteFunc(p.s.Views, func(x *schema.View) bool { return x == v })
		}
	}
}

// objectNameAfter returns the (possibly qualified) name starting at token
// i, skipping IF [NOT] EXISTS; "" when there is none.
func (p *state) objectNameAfter(i int) string {
	for p.kw(i) == "IF" || p.kw(i) == "NOT" || p.kw(i) == "EXISTS" {
		i++
	}
	if i >= len(p.toks) || (p.toks[i].kind != tkWord && p.toks[i].kind != tkIdent) {
		return ""
	}
	name := p.toks[i].ident()
	if i+2 < len(p.toks) && p.toks[i+1].text == "." && p.toks[i+1].off == p.toks[i].end {
		name = p.toks[i+2].ident()
	}
	return name
}

// ignore records, once per kind, that statements of a kind were skipped
// because they do not describe schema.
func (p *state) ignore(kind string) {
	if p.ignored[kind] {
		return
	}
	p.ignored[kind] = true
	p.note(parser.Info, p.stmtPos, "%s statements are ignored (not part of the schema model)", kind)
}

// parseTiDB parses one statement (text, possibly rewritten with the same
// length as the original) with the TiDB parser.
func (p *state) parseTiDB(text string) (ast.StmtNode, error) {
	stmts, err := parseSQL(p.tp, text)
	if err != nil {
		return nil, err
	}
	if len(stmts) != 1 {
		return nil, fmt.Errorf("expected one statement, found %d", len(stmts))
	}
	return stmts[0], nil
}

var tidbErrPos = regexp.MustCompile(`^line (\d+) column (\d+) near "((?s).*)"\s*$`)

// syntaxError turns a TiDB parser error into a positioned error. TiDB
// reports the line and the column after the offending token, and the text
// from the offending token on.
func (p *state) syntaxError(err error, text string) error {
	msg := err.Error()
	m := tidbErrPos.FindStringSubmatch(msg)
	if m == nil {
		// Semantic errors (unknown character set, ...) carry no position.
		msg = regexp.MustCompile(`^\[[a-z]+:\d+\]`).ReplaceAllString(msg, "")
		return &parser.Error{Pos: p.stmtPos, Msg: msg}
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
	}
	end := min(off+col, len(text))
	near := m[3]
	if len(near) > 20 {
		near = near[:20]
	}
	at := end
	if near != "" {
		for k := min(end, len(text)); k >= 0; k-- {
			if strings.HasPrefix(text[k:], near) {
				at = k
				break
			}
		}
	} else {
		at = len(strings.TrimRight(text, " \t\r\n"))
	}
	what := "syntax error"
	if near == "" {
		what += " at end of statement"
	} else {
		first := tokenize(text[at:])
		if len(first) > 0 {
			what += fmt.Sprintf(" at or near %q", first[0].text)
		}
	}
	return &parser.Error{Pos: p.posAt(at), Msg: what}
}

// tableName turns a TiDB table name into the model's, dropping a database
// qualifier.
func (p *state) tableName(tn *ast.TableName) string {
	if db := tn.Schema.O; db != "" {
		if p.database == "" {
			p.database = db
		} else if p.database != db && !p.ignored["db:"+db] {
			p.ignored["db:"+db] = true
			p.note(parser.Warning, p.stmtPos, "names are qualified with two databases (%s and %s); qualifiers are dropped, so both are read as one database", p.database, db)
		}
	}
	return tn.Name.O
}

// checkForeignKeys refuses a foreign key to a table the file does not
// create: the server refuses it too (with foreign_key_checks on), and a
// plan that added it would fail, or leave a constraint nothing satisfies.
// A table only named by a statement zdplan does not model is let through.
func (p *state) checkForeignKeys() error {
	for _, r := range p.fkRefs {
		con, n := r.con, r.con.Ref.Table.Name
		if p.tables[r.table] != nil && p.tables[n] == nil && !p.unmodelled[n] {
			return &parser.Error{Pos: con.Pos, Msg: fmt.Sprintf("foreign key %s references missing table %s", con.Name, n)}
		}
	}
	return nil
}

// maxIdentLen is the longest table, column, index, constraint or view
// name MySQL and MariaDB take, in characters; a longer one is an error on
// the server (ER_TOO_LONG_IDENT, or "Incorrect table name").
const maxIdentLen = 64

// checkNameLengths refuses names the server would refuse. Names zdplan
// derives for a foreign key (<table>_ibfk_<n>) are left to the server,
// whose own naming differs between MySQL and MariaDB.
func (p *state) checkNameLengths() error {
	check := func(kind, name string, pos schema.Pos) error {
		if n := utf8.RuneCountInString(name); n > maxIdentLen {
			return &parser.Error{Pos: pos, Msg: fmt.Sprintf("%s name %s is %d characters long; MySQL and MariaDB take at most %d", kind, quoteShort(name), n, maxIdentLen)}
		}
		return nil
	}
	for _, t := range p.s.Tables {
		if err := check("table", t.Name.Name, t.Pos); err != nil {
			return err
		}
		for _, c := range t.Columns {
			if err := check("column", c.Name, c.Pos); err != nil {
				return err
			}
		}
		for _, c := range t.Constraints {
			if c.Kind == schema.ForeignKey && strings.HasPrefix(c.Name, t.Name.Name+"_ibfk_") {
				continue
			}
			if err := check("constraint", c.Name, c.Pos); err != nil {
				return err
			}
		}
	}
	for _, i := range p.s.Indexes {
		if err := check("index", i.Name.Name, i.Pos); err != nil {
			return err
		}
	}
	for _, v := range p.s.Views {
		if err := check("view", v.Name.Name, v.Pos); err != nil {
			return err
		}
	}
	return nil
}

// quoteShort quotes a name for a message, eliding the middle of a long one.
func quoteShort(name string) string {
	if r := []rune(name); len(r) > 40 {
		name = string(r[:20]) + "..." + string(r[len(r)-10:])
	}
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// fkRef is a foreign key and the table it belongs to.
type fkRef struct {
	table string
	con   *schema.Constraint
}

// finish puts every list in a deterministic order: tables and views as
// declared, indexes by table and name, constraints by kind and name (the
// server lists them in an order of its own).
func (p *state) finish() {
	slices.SortStableFunc(p.s.Indexes, func(a, b *schema.Index) int {
		if c := a.Table.Compare(b.Table); c != 0 {
			return c
		}
		return strings.Compare(a.Name.Name, b.Name.Name)
	})
	for _, t := range p.s.Tables {
		slices.SortStableFunc(t.Constraints, func(a, b *schema.Constraint) int {
			if a.Kind != b.Kind {
				return int(a.Kind) - int(b.Kind)
			}
			return strings.Compare(a.Name, b.Name)
		})
	}
}
