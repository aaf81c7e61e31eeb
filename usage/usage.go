// Package usage finds where application code, SQL files and query logs
// mention schema objects, so that dropping a column or table the old
// application version still uses is caught before the drop breaks it.
//
// The search is lexical: a file mentions `email` when the identifier
// appears in it, in any language. To keep common column names (id, name)
// from matching everything, a column counts as used only in files that
// also mention its table.
package usage

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Ref is one mention of an identifier.
type Ref struct {
	File string
	Line int
}

func (r Ref) String() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// Index holds the mentions of the identifiers searched for.
type Index struct {
	refs  map[string][]Ref           // identifier -> mentions, in file order
	files map[string]map[string]bool // identifier -> files mentioning it
}

// maxFileSize bounds what is read: bigger files are generated or data.
const maxFileSize = 32 << 20

var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true, ".hg": true, ".svn": true}

var ident = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_$]*`)

// Search reads the files under paths (files or directories) and records
// every mention of the wanted identifiers (compared case-insensitively).
// Files in exclude (the schema files themselves) are skipped, and so are
// .git, vendor and node_modules directories and binary files.
func Search(paths, exclude []string, wanted []string) (*Index, error) {
	ix := &Index{refs: map[string][]Ref{}, files: map[string]map[string]bool{}}
	want := map[string]bool{}
	for _, w := range wanted {
		want[strings.ToLower(w)] = true
	}
	skip := map[string]bool{}
	for _, e := range exclude {
		if abs, err := filepath.Abs(e); err == nil {
			skip[abs] = true
		}
	}
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if skipDirs[d.Name()] && path != root {
					return filepath.SkipDir
				}
				return nil
			}
			if abs, err := filepath.Abs(path); err == nil && skip[abs] {
				return nil
			}
			info, err := d.Info()
			if err != nil || !info.Mode().IsRegular() || info.Size() > maxFileSize {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("usage: %w", err)
			}
			ix.AddSource(path, 1, src, want)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("usage %s: %w", root, err)
		}
	}
	return ix, nil
}

// AddSource records the wanted identifiers of one text, whose first line
// is firstLine of file. Binary content is ignored.
func (ix *Index) AddSource(file string, firstLine int, src []byte, want map[string]bool) {
	if bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0 {
		return
	}
	line := firstLine
	for text := range bytes.Lines(src) {
		var seen map[string]bool
		for _, tok := range ident.FindAllString(string(text), -1) {
			tok = strings.ToLower(tok)
			if !want[tok] || seen[tok] {
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[tok] = true
			ix.refs[tok] = append(ix.refs[tok], Ref{File: file, Line: line})
			if ix.files[tok] == nil {
				ix.files[tok] = map[string]bool{}
			}
			ix.files[tok][file] = true
		}
		line++
	}
}

// Table returns the mentions of a table.
func (ix *Index) Table(name string) []Ref {
	if ix == nil {
		return nil
	}
	return ix.refs[strings.ToLower(name)]
}

// Column returns the mentions of a column in files that also mention its
// table.
func (ix *Index) Column(table, column string) []Ref {
	if ix == nil {
		return nil
	}
	inFile := ix.files[strings.ToLower(table)]
	var out []Ref
	for _, r := range ix.refs[strings.ToLower(column)] {
		if inFile[r.File] {
			out = append(out, r)
		}
	}
	return out
}

// Summary formats the first few mentions for a message.
func Summary(refs []Ref) string {
	const show = 3
	var parts []string
	for _, r := range refs[:min(len(refs), show)] {
		parts = append(parts, r.String())
	}
	s := strings.Join(parts, ", ")
	if len(refs) > show {
		s += fmt.Sprintf(" and %d more", len(refs)-show)
	}
	return s
}

// Sorted returns refs in file, then line order.
func Sorted(refs []Ref) []Ref {
	out := slices.Clone(refs)
	slices.SortFunc(out, func(a, b Ref) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out
}
