package mysql

import (
	"fmt"
	"slices"
	"strings"
)

// The TiDB parser speaks TiDB's dialect of MySQL: it knows no spatial
// types, no SPATIAL keys in CREATE TABLE, only literals and function calls
// as column defaults, and only the character sets and collations TiDB
// implements. Before a CREATE TABLE goes to it, those parts are read here,
// from the tokens, and overwritten in a copy of the statement with text of
// the same length (spaces, or a stand-in the parser knows), so that every
// byte offset, and so every position in an error message, still points
// into the original statement.

// element is one comma-separated item of a CREATE TABLE body: a column
// or a table constraint/key.
type element struct {
	toks   []token
	column bool
	// Column extras, read from the text.
	charset, collate string
	geometry         string
	// Constraint extras.
	spatial bool
}

// tableText is a CREATE TABLE statement taken apart for rewriting.
type tableText struct {
	name     token
	elements []element
	// Table options, read from the text.
	charset, collate string
	// placeholders maps the stand-in function name of a default
	// expression to the expression's text.
	placeholders map[string]string
	// unknown names a clause the TiDB parser does not know and that the
	// model does not cover, so that a statement it fails on is reported
	// as unsupported rather than as a syntax error.
	unknown []string
	// src is the statement as written; text is nil until the first
	// rewrite, then a copy with the rewrites. Most statements need none,
	// and copying every one (and again into a string for the parser) is a
	// good part of a large file's garbage.
	src  string
	text []byte
}

// edit returns the statement's bytes to rewrite in place.
func (tt *tableText) edit() []byte {
	if tt.text == nil {
		tt.text = []byte(tt.src)
	}
	return tt.text
}

// sql is the statement, rewritten.
func (tt *tableText) sql() string {
	if tt.text == nil {
		return tt.src
	}
	return string(tt.text)
}

// constraintWords start a table element that is not a column.
var constraintWords = map[string]bool{
	"PRIMARY": true, "UNIQUE": true, "KEY": true, "INDEX": true, "FULLTEXT": true, "SPATIAL": true,
	"CONSTRAINT": true, "FOREIGN": true, "CHECK": true, "PERIOD": true,
}

// unknownWords are MariaDB and MySQL CREATE TABLE keywords the TiDB
// parser does not know, for constructs the model does not cover; a table
// using one is reported as unsupported instead of failing the file.
var unknownWords = map[string]string{
	"PERIOD": "application-time periods", "OVERLAPS": "WITHOUT OVERLAPS keys", "IGNORED": "IGNORED indexes",
	"ENGINE_ATTRIBUTE": "engine attributes", "SECONDARY_ENGINE_ATTRIBUTE": "engine attributes",
	"VECTOR": "vector columns or indexes", "VERSIONING": "system-versioned tables",
}

// readTableText splits the CREATE TABLE whose name is token nameAt into
// elements and rewrites it for the TiDB parser. The elements are appended
// to buf[:0]: like toks, they live only as long as the statement.
func readTableText(text string, toks []token, nameAt int, buf []element) (*tableText, error) {
	tt := &tableText{name: toks[nameAt], src: text}
	i := nameAt + 1
	if i+1 < len(toks) && toks[i].text == "." && toks[i].off == toks[i-1].end {
		tt.name = toks[i+1]
		i += 2
	}
	if i >= len(toks) || toks[i].text != "(" {
		return tt, nil // CREATE TABLE ... LIKE / AS SELECT: the caller decides
	}
	// One element per top-level comma and one more: counting every comma
	// bounds that, and sizes the slice once.
	n := 1
	for _, t := range toks[i:] {
		if t.kind == tkPunct && t.text == "," {
			n++
		}
	}
	if cap(buf) < n {
		buf = make([]element, 0, n)
	}
	tt.elements = buf[:0]
	depth := 0
	start := i + 1
	end := -1
	for j := i; j < len(toks); j++ {
		switch toks[j].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				end = j
			}
		case ",":
			if depth == 1 && toks[j].kind == tkPunct {
				tt.addElement(toks[start:j])
				start = j + 1
			}
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		return tt, nil // unbalanced: the parser will say where
	}
	tt.addElement(toks[start:end])
	for _, t := range toks {
		if what, ok := lookupWord(unknownWords, t); ok && !slices.Contains(tt.unknown, what) {
			tt.unknown = append(tt.unknown, what)
		}
	}
	for i := range tt.elements {
		tt.rewriteElement(&tt.elements[i])
	}
	tt.rewriteOptions(toks[end+1:])
	return tt, nil
}

func (tt *tableText) addElement(toks []token) {
	if len(toks) == 0 {
		return
	}
	isConstraint, _ := lookupWord(constraintWords, toks[0])
	tt.elements = append(tt.elements, element{toks: toks, column: toks[0].kind == tkIdent || (toks[0].kind == tkWord && !isConstraint)})
}

// blank overwrites tokens with spaces.
func (tt *tableText) blank(toks ...token) {
	for _, t := range toks {
		text := tt.edit()
		for i := t.off; i < t.end; i++ {
			if text[i] != '\n' {
				text[i] = ' '
			}
		}
	}
}

// replace overwrites a token with s, padded with spaces.
func (tt *tableText) replace(t token, s string) {
	copy(tt.edit()[t.off:t.end], s+strings.Repeat(" ", t.end-t.off-len(s)))
}

// charsetClause reads CHARACTER SET x, CHARSET x, CHAR SET x and COLLATE x
// (with an optional = and, for table options, DEFAULT) at toks[i], blanks
// it and returns what it set and the index after it.
func (tt *tableText) charsetClause(toks []token, i int) (cs, co string, next int, ok bool) {
	j := i
	if toks[j].is("DEFAULT") {
		j++
	}
	var isCollate bool
	switch {
	case j < len(toks) && toks[j].is("COLLATE"):
		isCollate = true
		j++
	case j < len(toks) && toks[j].is("CHARSET"):
		j++
	case j+1 < len(toks) && (toks[j].is("CHARACTER") || toks[j].is("CHAR")) && toks[j+1].is("SET"):
		j += 2
	default:
		return "", "", i, false
	}
	if j < len(toks) && toks[j].text == "=" {
		j++
	}
	if j >= len(toks) || toks[j].kind == tkPunct || toks[j].kind == tkNumber {
		return "", "", i, false
	}
	name := toks[j].ident()
	if toks[j].kind == tkString {
		name = toks[j].text[1 : len(toks[j].text)-1]
	}
	tt.blank(toks[i : j+1]...)
	if isCollate {
		return "", name, j + 1, true
	}
	return name, "", j + 1, true
}

func (tt *tableText) rewriteElement(e *element) {
	toks := e.toks
	if !e.column {
		if toks[0].is("SPATIAL") {
			// SPATIAL keys cannot be UNIQUE, so a UNIQUE key that was
			// SPATIAL is recognised afterwards.
			tt.replace(toks[0], "UNIQUE")
			e.spatial = true
		}
		return
	}
	if len(toks) > 1 && toks[1].kind == tkWord {
		for _, g := range geometryTypes {
			if strings.EqualFold(toks[1].text, g) {
				tt.replace(toks[1], "blob")
				e.geometry = g
			}
		}
	}
	if len(toks) > 1 {
		if toks[1].is("NATIONAL") || toks[1].is("NCHAR") || toks[1].is("NVARCHAR") {
			e.charset = "utf8mb3" // NATIONAL CHAR is utf8 (utf8mb3) by definition
		}
	}
	depth := 0
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		switch t.text {
		case "(":
			depth++
			continue
		case ")":
			depth--
			continue
		}
		if depth != 0 || t.kind != tkWord {
			continue
		}
		if cs, co, next, ok := tt.charsetClause(toks, i); ok {
			if cs != "" {
				e.charset = cs
			}
			if co != "" {
				e.collate = co
			}
			i = next - 1
			continue
		}
		switch {
		case t.is("DEFAULT"):
			// A typed literal (DATE '2024-01-01') is its string to the
			// server, which stores the default as the plain constant.
			if j := i + 1; j+1 < len(toks) && toks[j].kind == tkWord && toks[j+1].kind == tkString && isTypedLiteral(toks[j]) {
				tt.blank(toks[j])
			}
			tt.defaultExpression(toks, i+1)
		case t.is("PERSISTENT"):
			tt.replace(t, "STORED") // MariaDB's synonym
		case t.is("REF_SYSTEM_ID") || t.is("SRID"):
			// The spatial reference system of a geometry column.
			j := i + 1
			if j < len(toks) && toks[j].text == "=" {
				j++
			}
			if j < len(toks) {
				tt.blank(toks[i : j+1]...)
				tt.unknown = append(tt.unknown, "spatial reference system of a column")
				i = j
			}
		case t.is("INVISIBLE") || t.is("COMPRESSED"):
			tt.unknown = append(tt.unknown, t.upper()+" columns")
		}
	}
}

// isTypedLiteral reports whether t is the keyword of one of SQL's typed
// literals (DATE '2024-01-01').
func isTypedLiteral(t token) bool { return t.is("DATE") || t.is("TIME") || t.is("TIMESTAMP") }

// defaultExpression replaces DEFAULT (expression) at toks[i] with a call
// of a stand-in function, which the parser accepts; the expression is
// parsed on its own later.
func (tt *tableText) defaultExpression(toks []token, i int) {
	if i >= len(toks) || toks[i].text != "(" {
		return
	}
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].text {
		case "(":
			depth++
		case ")":
			depth--
		}
		if depth == 0 {
			if j-i <= 2 {
				return // (literal) and (column) the parser takes as they are
			}
			name := fmt.Sprintf("z%d", len(tt.placeholders))
			off, end := toks[i].off, toks[j].end
			// A space first: DEFAULT(expr) has none before the stand-in.
			call := " " + name + "()"
			if end-off < len(call) {
				return
			}
			if tt.placeholders == nil {
				tt.placeholders = map[string]string{}
			}
			tt.placeholders[strings.ToLower(name)] = string(tt.edit()[toks[i+1].off:toks[j-1].end])
			copy(tt.edit()[off:end], call+strings.Repeat(" ", end-off-len(call)))
			return
		}
	}
}

// ignoredTableOptions are MariaDB table options the TiDB parser does not
// know, which do not change the schema's meaning for zdplan.
var ignoredTableOptions = map[string]bool{
	"PAGE_CHECKSUM": true, "TRANSACTIONAL": true, "PAGE_COMPRESSED": true, "PAGE_COMPRESSION_LEVEL": true,
	"IETF_QUOTES": true, "ENCRYPTED": true, "ENCRYPTION_KEY_ID": true, "SEQUENCE": true,
}

func (tt *tableText) rewriteOptions(toks []token) {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tkWord {
			continue
		}
		if cs, co, next, ok := tt.charsetClause(toks, i); ok {
			if cs != "" {
				tt.charset = cs
			}
			if co != "" {
				tt.collate = co
			}
			i = next - 1
			continue
		}
		ignored, _ := lookupWord(ignoredTableOptions, t)
		switch {
		case ignored:
			j := i + 1
			if j < len(toks) && toks[j].text == "=" {
				j++
			}
			if j < len(toks) {
				tt.blank(toks[i : j+1]...)
				i = j
			}
		case t.is("PARTITION") || t.is("PARTITIONS"):
			tt.unknown = append(tt.unknown, "partitioned tables")
		}
	}
}
