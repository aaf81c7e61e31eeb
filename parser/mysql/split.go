package mysql

import (
	"bytes"
	"strings"
)

// The TiDB parser reads a whole script in one go and returns nothing at
// all when any statement in it fails, so a single trigger body or a
// MariaDB-only clause would sink the whole file. The file is therefore cut
// into statements here, the way the mysql command-line client does, and
// each statement is parsed on its own.

// statement is one statement of a file: its text and where it starts.
type statement struct {
	text string
	// off is the byte offset of text in the file.
	off int
	// delim is the delimiter in force when it was read (";" unless a
	// DELIMITER line changed it): a body containing ";" is a compound
	// statement (trigger, procedure).
	delim string
}

// tokKind classifies a token.
type tokKind int

const (
	tkWord   tokKind = iota // keyword or unquoted identifier
	tkIdent                 // `quoted identifier`
	tkString                // 'string' or "string"
	tkNumber                // numeric literal
	tkPunct                 // any other single character
)

// token is a lexical token of a statement, positioned in it.
type token struct {
	kind     tokKind
	off, end int
	text     string
}

// upper returns a word token's text in upper case, "" for other kinds.
func (t token) upper() string {
	if t.kind != tkWord {
		return ""
	}
	return strings.ToUpper(t.text)
}

// is reports whether t is the keyword kw (given in upper case), in any
// letter case. Unlike comparing upper(), it allocates nothing: it runs for
// nearly every token of every CREATE TABLE.
func (t token) is(kw string) bool {
	return t.kind == tkWord && len(t.text) == len(kw) && strings.EqualFold(t.text, kw)
}

// lookupWord looks a word token up in m, which is keyed by upper-case
// keywords, without allocating (m[string(b)] does not copy b). Letters are
// folded as ASCII: MySQL's keywords are ASCII, and a word with other
// letters is no keyword, whatever strings.ToUpper makes of it.
func lookupWord[V any](m map[string]V, t token) (V, bool) {
	var (
		buf  [32]byte
		zero V
	)
	if t.kind != tkWord || len(t.text) > len(buf) {
		return zero, false
	}
	for i := 0; i < len(t.text); i++ {
		c := t.text[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(t.text)])]
	return v, ok
}

// ident returns the identifier a word or `quoted` token spells.
func (t token) ident() string {
	if t.kind == tkIdent {
		return strings.ReplaceAll(t.text[1:len(t.text)-1], "``", "`")
	}
	return t.text
}

// split cuts src into statements. Comments are kept inside statements (the
// TiDB parser skips them itself, and reads MySQL executable comments
// /*!NNNNN ... */ as code); statements that are only comments or blank are
// dropped. An unterminated quote or comment ends the file: the statement
// is returned as it is, and splitComments says where it opened.
func split(src []byte) []statement {
	stmts, _, _ := splitComments(src, string(src))
	return stmts
}

// comment is a comment of the file (not an executable one), by byte
// offsets of its text without the markers.
type comment struct {
	start, end int
	// at is the offset of the comment's first marker byte.
	at int
}

// splitComments is split that also returns the file's comments, and the
// offset of a quote or block comment that is never closed (-1 if none):
// it swallows the rest of the file, which would otherwise vanish silently
// when the statement it opened in is one the parser skips (INSERT, SET).
// text holds the same bytes as src; the statements' texts are substrings
// of it, not copies.
func splitComments(src []byte, text string) (stmts []statement, comments []comment, open int) {
	var out []statement
	open = -1
	delim := ";"
	start := 0
	i := 0
	n := len(src)
	atStmtStart := func() bool { return blankOnly(src[start:i]) }
	// depth counts the open BEGIN ... END blocks (and CASE ... END) of a
	// routine or trigger written without DELIMITER: the mysql client
	// would cut it at the first ";", but schema files from other tools
	// often hold them that way, and a body cut apart reads as garbage.
	depth := 0
	emit := func(end, next int) {
		if !blankOnly(src[start:end]) {
			out = append(out, statement{text: text[start:end], off: start, delim: delim})
		}
		start = next
	}
	for i < n {
		c := src[i]
		// DELIMITER is a client command, valid only at the start of a
		// statement and running to the end of its line.
		// The cheap tests first: atStmtStart scans the statement so far.
		if (c == 'd' || c == 'D') && lineStart(src, i) && hasWordPrefixFold(src[i:], "delimiter") && atStmtStart() {
			eol := bytes.IndexByte(src[i:], '\n')
			if eol < 0 {
				eol = n - i
			}
			line := strings.TrimSpace(string(src[i+len("delimiter") : i+eol]))
			if f := strings.Fields(line); len(f) > 0 {
				delim = f[0]
			}
			i += eol
			start = i
			continue
		}
		switch {
		case c == '\'' || c == '"' || c == '`':
			j, closed := skipQuoted(src, i)
			if !closed {
				open = i
			}
			i = j
			continue
		case c == '#' || (c == '-' && isDashComment(src, i)):
			eol := bytes.IndexByte(src[i:], '\n')
			textStart := i + 1
			if c == '-' {
				textStart = i + 2
			}
			if eol < 0 {
				i = n
			} else {
				i += eol
			}
			comments = append(comments, comment{start: textStart, end: i, at: textStart - 1 - btoi(c == '-')})
			continue
		case c == '/' && i+1 < n && src[i+1] == '*':
			if i+2 < n && (src[i+2] == '!' || (src[i+2] == 'M' && i+3 < n && src[i+3] == '!')) {
				// An executable comment is code: a delimiter in it
				// ends nothing, but neither does one after it.
				i += 2
				continue
			}
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				comments = append(comments, comment{start: i + 2, end: n, at: i})
				open = i
				i = n
			} else {
				comments = append(comments, comment{start: i + 2, end: i + 2 + end, at: i})
				i += end + 4
			}
			continue
		}
		// Under another delimiter (DELIMITER $$) the client's rules hold,
		// and a word may run into the delimiter (END$$).
		if delim == ";" && isWordByte(c) && (i == 0 || !isWordByte(src[i-1])) {
			j := i
			for j < n && isWordByte(src[j]) {
				j++
			}
			w := blockWord(src[i:j])
			depth = blockDepth(depth, w, src[start:i], src[j:])
			if w == "END" && strings.EqualFold(firstWord(src[j:]), "CASE") {
				// END CASE closes a CASE statement: that CASE opens nothing.
				j += bytes.Index(bytes.ToUpper(src[j:]), []byte("CASE")) + len("CASE")
			}
			i = j
			continue
		}
		if depth == 0 && bytes.HasPrefix(src[i:], []byte(delim)) {
			emit(i, i+len(delim))
			i += len(delim)
			continue
		}
		i++
	}
	emit(n, n)
	return out, comments, open
}

// blockWord returns BEGIN, CASE or END for those words in any letter
// case, and "" for any other: the only words blockDepth counts. It runs for
// every word of the file, so it allocates nothing.
func blockWord(word []byte) string {
	for _, kw := range [...]string{"BEGIN", "CASE", "END"} {
		if len(word) == len(kw) && bytes.EqualFold(word, []byte(kw)) {
			return kw
		}
	}
	return ""
}

// blockDepth is the block depth after the word w, read with the
// statement's text before it and the file after it.
func blockDepth(depth int, w string, before, after []byte) int {
	switch w {
	case "BEGIN":
		if depth > 0 || routineHeader(before) {
			return depth + 1
		}
	case "CASE":
		if depth > 0 {
			return depth + 1
		}
	case "END":
		if depth == 0 {
			return 0
		}
		// END IF, END LOOP, ... close blocks that were not counted.
		next := strings.ToUpper(firstWord(after))
		if next == "IF" || next == "LOOP" || next == "WHILE" || next == "REPEAT" {
			return depth
		}
		return depth - 1
	}
	return depth
}

// routineHeader reports whether a statement so far is CREATE ... TRIGGER,
// PROCEDURE, FUNCTION or EVENT (with DEFINER and the like in between).
func routineHeader(before []byte) bool {
	f := strings.Fields(strings.ToUpper(string(before)))
	if len(f) == 0 || f[0] != "CREATE" {
		return false
	}
	for _, w := range f[1:min(len(f), 6)] {
		switch w {
		case "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT":
			return true
		}
	}
	return false
}

// firstWord is the word that b starts with after blanks.
func firstWord(b []byte) string {
	b = bytes.TrimLeft(b, " \t\r\n")
	j := 0
	for j < len(b) && isWordByte(b[j]) {
		j++
	}
	return string(b[:j])
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func lineStart(src []byte, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch src[j] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

func hasWordPrefixFold(b []byte, word string) bool {
	if len(b) < len(word) || !strings.EqualFold(string(b[:len(word)]), word) {
		return false
	}
	return len(b) == len(word) || b[len(word)] == ' ' || b[len(word)] == '\t'
}

// isDashComment: MySQL needs white space (or a control character, or the
// end of input) after "--" to start a comment, so that 1--1 stays
// arithmetic.
func isDashComment[T string | []byte](src T, i int) bool {
	if i+1 >= len(src) || src[i+1] != '-' {
		return false
	}
	return i+2 >= len(src) || src[i+2] <= ' '
}

// skipQuoted returns the offset after the quoted string or identifier
// starting at i, and whether it is closed before the end of src. Strings
// take backslash escapes (the default sql_mode has no
// NO_BACKSLASH_ESCAPES); all three quotes can be doubled.
func skipQuoted(src []byte, i int) (int, bool) {
	q := src[i]
	i++
	for i < len(src) {
		switch src[i] {
		case '\\':
			if q != '`' {
				i += 2
				continue
			}
		case q:
			if i+1 < len(src) && src[i+1] == q {
				i += 2
				continue
			}
			return i + 1, true
		}
		i++
	}
	return len(src), false
}

// blankOnly reports whether b holds only white space and comments (not
// executable comments, which are code).
func blankOnly(b []byte) bool {
	// Most text is decided by its first byte that is not white space;
	// only a possible comment needs the tokenizer (and a string copy).
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			continue
		case '-', '#', '/':
			return len(lex(string(b), 1)) == 0
		}
		return false
	}
	return true
}

// tokenize splits a statement into tokens, skipping white space and
// comments. The markers of executable comments (/*!NNNNN and */) are
// skipped as well, so that their content reads as the code it is.
func tokenize(s string) []token {
	return appendTokens(nil, s, -1)
}

// lex is tokenize stopping after limit tokens (none when limit < 0).
func lex(s string, limit int) []token {
	return appendTokens(nil, s, limit)
}

// appendTokens appends the tokens of s to out, up to limit of them (all
// when limit < 0). A file's statements are tokenized one after the other
// into one buffer (see state.parse): tokens were the parser's largest
// allocation.
func appendTokens(out []token, s string, limit int) []token {
	i, n := 0, len(s)
	inExec := 0
	for i < n && (limit < 0 || len(out) < limit) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '#' || (c == '-' && isDashComment(s, i)):
			eol := strings.IndexByte(s[i:], '\n')
			if eol < 0 {
				i = n
			} else {
				i += eol
			}
		case c == '/' && i+1 < n && s[i+1] == '*':
			j := i + 2
			if j < n && s[j] == 'M' && j+1 < n && s[j+1] == '!' {
				j++
			}
			if j < n && s[j] == '!' {
				j++
				for j < n && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				inExec++
				i = j
				continue
			}
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = n
			} else {
				i += end + 4
			}
		case c == '*' && inExec > 0 && i+1 < n && s[i+1] == '/':
			inExec--
			i += 2
		case c == '\'' || c == '"':
			j, _ := skipQuoted([]byte(s), i)
			out = append(out, token{kind: tkString, off: i, end: j, text: s[i:j]})
			i = j
		case c == '`':
			j, _ := skipQuoted([]byte(s), i)
			out = append(out, token{kind: tkIdent, off: i, end: j, text: s[i:j]})
			i = j
		case c >= '0' && c <= '9' || (c == '.' && i+1 < n && s[i+1] >= '0' && s[i+1] <= '9'):
			j := i
			for j < n && (isWordByte(s[j]) || s[j] == '.') {
				j++
			}
			kind := tkNumber
			if !isNumber(s[i:j]) {
				kind = tkWord // 1abc is an identifier in MySQL
			}
			out = append(out, token{kind: kind, off: i, end: j, text: s[i:j]})
			i = j
		case isWordByte(c):
			j := i
			for j < n && isWordByte(s[j]) {
				j++
			}
			out = append(out, token{kind: tkWord, off: i, end: j, text: s[i:j]})
			i = j
		default:
			out = append(out, token{kind: tkPunct, off: i, end: i + 1, text: s[i : i+1]})
			i++
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func isNumber(s string) bool {
	seenE := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c == '.':
		case (c == 'e' || c == 'E') && !seenE:
			seenE = true
		case (c == 'x' || c == 'X' || c == 'b' || c == 'B') && i == 1 && s[0] == '0':
			return true
		default:
			return false
		}
	}
	return true
}

// blankClientCommands replaces executable comments that hold a mysql
// client command rather than SQL — mariadb-dump's first line,
// /*M!999999\- enable the sandbox mode */ — with spaces, keeping every
// byte offset: to the server they are comments.
func blankClientCommands(src []byte) []byte {
	var out []byte
	for i := 0; i+3 < len(src); i++ {
		if src[i] != '/' || src[i+1] != '*' || !(src[i+2] == '!' || src[i+2] == 'M' && src[i+3] == '!') || !clientCommand(src[i:]) {
			continue
		}
		end := bytes.Index(src[i:], []byte("*/"))
		if end < 0 {
			break
		}
		if out == nil {
			out = bytes.Clone(src)
		}
		for j := i; j < i+end+2; j++ {
			if out[j] != '\n' {
				out[j] = ' '
			}
		}
		i += end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// clientCommand reports whether an executable comment holds a client
// command: a backslash right after its version number.
func clientCommand(b []byte) bool {
	j := 3
	if len(b) > 3 && b[2] == 'M' {
		j = 4
	}
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	return j < len(b) && b[j] == '\\'
}

// Split cuts a script into its statements the way the mysql client does
// (DELIMITER lines, quotes, comments), without their delimiters, so that
// a program can send them to the server one at a time.
func Split(src []byte) []string {
	var out []string
	for _, s := range split(src) {
		out = append(out, s.text)
	}
	return out
}
