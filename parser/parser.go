// Package parser turns DDL text into a schema.Schema.
//
// Each SQL dialect lives in its own sub-package (parser/postgres,
// parser/mysql) and registers itself here, the way database/sql drivers do,
// so that callers pick a dialect by name without this package importing
// them. This package holds what the dialects share: the Dialect interface,
// positioned errors and diagnostics, dialect detection, and the mapping from
// byte offsets to line:column.
package parser

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/zdplan/zdplan/schema"
)

// Dialect parses one SQL dialect.
type Dialect interface {
	// Name is the dialect's flag value, e.g. "postgres".
	Name() string
	// Parse reads one schema file. It returns an *Error for input that is
	// not valid SQL; constructs that are valid but not modelled become
	// diagnostics and entries in Schema.Unsupported. The schema may
	// share memory with src, which must not be modified afterwards.
	Parse(file string, src []byte) (*schema.Schema, []Diagnostic, error)
}

var (
	mu       sync.RWMutex
	dialects = map[string]Dialect{}
)

// Register makes a dialect available by name. It panics on a duplicate
// name, which is a programming error.
func Register(d Dialect) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := dialects[d.Name()]; dup {
		panic("parser: dialect registered twice: " + d.Name())
	}
	dialects[d.Name()] = d
}

// Lookup returns the named dialect.
func Lookup(name string) (Dialect, error) {
	mu.RLock()
	defer mu.RUnlock()
	if d, ok := dialects[name]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("unknown dialect %q (known: %v)", name, Names())
}

// Names lists the registered dialects, sorted.
func Names() []string {
	var names []string
	for n := range dialects {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Severity grades a diagnostic.
type Severity int

// Diagnostic severities, least severe first.
const (
	Info Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "info"
}

// Diagnostic is something the parser wants the user to know that does not
// stop parsing: an ignored statement, an unsupported construct.
type Diagnostic struct {
	Pos      schema.Pos
	Severity Severity
	Message  string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message)
}

// Error is invalid input, positioned in its file.
type Error struct {
	Pos schema.Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Lines maps byte offsets in a file to line and column numbers. Columns
// count characters, not bytes, as editors do.
type Lines struct {
	file   string
	src    []byte
	starts []int
}

// NewLines indexes src.
func NewLines(file string, src []byte) *Lines {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &Lines{file: file, src: src, starts: starts}
}

// Pos returns the position of byte offset off. Offsets past the end are
// clamped to it.
func (l *Lines) Pos(off int) schema.Pos {
	off = max(0, min(off, len(l.src)))
	i, found := slices.BinarySearch(l.starts, off)
	if !found {
		i--
	}
	col := utf8.RuneCount(l.src[l.starts[i]:off]) + 1
	return schema.Pos{File: l.file, Line: int32(i + 1), Col: int32(col)}
}

// RuneOffset converts a 0-based character offset into a byte offset.
func (l *Lines) RuneOffset(chars int) int {
	off := 0
	for range chars {
		if off >= len(l.src) {
			break
		}
		_, n := utf8.DecodeRune(l.src[off:])
		off += n
	}
	return off
}

// File is the file name positions are reported in.
func (l *Lines) File() string { return l.file }

// Detect guesses the dialect of a schema file: MySQL when it has
// MySQL-only syntax (backticks, AUTO_INCREMENT, ENGINE=, UNSIGNED, /*!
// version comments, DEFAULT CHARSET), PostgreSQL otherwise. The caller
// says which it chose.
func Detect(srcs ...[]byte) string {
	for _, src := range srcs {
		if hasMySQLMarker(bytes.ToLower(stripComments(src))) {
			return "mysql"
		}
	}
	return "postgres"
}

// hasMySQLMarker looks for the markers Detect names in lower-cased text,
// in one pass per marker: a schema file can be tens of megabytes.
func hasMySQLMarker(src []byte) bool {
	if bytes.IndexByte(src, '`') >= 0 || bytes.Contains(src, []byte("/*!")) {
		return true
	}
	for _, w := range []string{"auto_increment", "unsigned", "default charset", "engine"} {
		for rest, base := src, 0; ; {
			i := bytes.Index(rest, []byte(w))
			if i < 0 {
				break
			}
			at, end := base+i, base+i+len(w)
			if (at == 0 || !isWordByte(src[at-1])) && (end == len(src) || !isWordByte(src[end])) {
				if w != "engine" || bytes.HasPrefix(bytes.TrimLeft(src[end:], " \t\r\n"), []byte("=")) {
					return true
				}
			}
			rest, base = src[end:], end
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// stripComments removes -- line comments so that a backtick or keyword in
// a comment does not decide the dialect. Good enough for a guess.
func stripComments(src []byte) []byte {
	var out bytes.Buffer
	for line := range bytes.Lines(src) {
		if i := bytes.Index(line, []byte("--")); i >= 0 {
			line = line[:i]
		}
		out.Write(line)
		out.WriteByte('\n')
	}
	return out.Bytes()
}
