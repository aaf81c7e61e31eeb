// Package snapdiff renders the difference between two schema snapshots —
// maps from an object key to its description — for the real-database
// test harnesses (internal/pgtest, internal/mytest).
package snapdiff

import (
	"fmt"
	"sort"
	"strings"
)

// Diff explains how got differs from want, or returns "" when they are
// equal. Each differing object gets its own block, in key order: "- key:
// value" for objects only in want, "+ key: value" for objects only in got,
// and "~ key:" followed by a line diff of the two values for objects in
// both. For example:
//
//	snapshot diff (-want +got):
//	- index public.users_email_idx: valid=true primary=false unique=false def=...
//	~ column public.users.email:
//	    - text NOT NULL
//	    + character varying(200) NOT NULL
//
// The output is built here rather than with cmp.Diff because go-cmp
// deliberately randomises its output between runs (spaces versus
// non-breaking spaces, and the direction of its edit-script search), while
// this diff is meant to be stable enough to compare, grep and paste into
// bug reports.
func Diff(w, g map[string]string) string {
	keys := make([]string, 0, len(w)+len(g))
	for k := range w {
		keys = append(keys, k)
	}
	for k := range g {
		if _, ok := w[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)

	var b strings.Builder
	for _, k := range keys {
		wv, inW := w[k]
		gv, inG := g[k]
		switch {
		case !inG:
			fmt.Fprintf(&b, "- %s: %s\n", k, indentContinuation(wv, "      "))
		case !inW:
			fmt.Fprintf(&b, "+ %s: %s\n", k, indentContinuation(gv, "      "))
		case wv != gv:
			fmt.Fprintf(&b, "~ %s:\n", k)
			for _, l := range diffLines(strings.Split(wv, "\n"), strings.Split(gv, "\n")) {
				b.WriteString(strings.TrimRight("    "+l, " ") + "\n")
			}
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "snapshot diff (-want +got):\n" + b.String()
}

// Keys returns the keys of a snapshot, sorted.
func Keys(objects map[string]string) []string {
	keys := make([]string, 0, len(objects))
	for k := range objects {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// String renders a snapshot as sorted "key: value" entries, suitable for
// golden files and for printing when a test fails.
func String(objects map[string]string) string {
	var b strings.Builder
	for _, k := range Keys(objects) {
		fmt.Fprintf(&b, "%s: %s\n", k, indentContinuation(objects[k], "    "))
	}
	return b.String()
}

func indentContinuation(v, indent string) string {
	return strings.ReplaceAll(v, "\n", "\n"+indent)
}

// diffLines returns a line diff with "- ", "+ " and "  " prefixes, based on
// a longest common subsequence; ties always prefer deleting first, so the
// result depends only on the input. Values are small (the longest are view
// and function definitions), so the quadratic table is fine.
func diffLines(a, b []string) []string {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			out = append(out, "  "+a[i])
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, "- "+a[i])
			i++
		default:
			out = append(out, "+ "+b[j])
			j++
		}
	}
	return out
}
