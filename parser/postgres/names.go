package postgres

import (
	"fmt"
	"unicode/utf8"
)

// maxIdentLen is NAMEDATALEN-1: PostgreSQL truncates longer identifiers.
const maxIdentLen = 63

// truncateIdent cuts an identifier to maxIdentLen bytes without splitting
// a UTF-8 character, as PostgreSQL's truncate_identifier does.
func truncateIdent(s string) string {
	if len(s) <= maxIdentLen {
		return s
	}
	return clip(s, maxIdentLen)
}

func clip(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// makeObjectName is PostgreSQL's makeObjectName: name1_name2_label,
// shortening the longer of name1 and name2 until it fits in an identifier.
func makeObjectName(name1, name2, label string) string {
	overhead := 0
	n1, n2 := len(name1), 0
	if name2 != "" {
		n2 = len(name2)
		overhead++
	}
	if label != "" {
		overhead += len(label) + 1
	}
	avail := maxIdentLen - overhead
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	name := clip(name1, n1)
	if name2 != "" {
		name += "_" + clip(name2, n2)
	}
	if label != "" {
		name += "_" + label
	}
	return name
}

// chooseName is ChooseRelationName/ChooseConstraintName: the first of
// name1_name2_label, name1_name2_label1, ... that is not taken.
func chooseName(name1, name2, label string, taken func(string) bool) string {
	mod := label
	for pass := 1; ; pass++ {
		name := makeObjectName(name1, name2, mod)
		if !taken(name) {
			return name
		}
		mod = fmt.Sprintf("%s%d", label, pass)
	}
}

// joinColumnNames is ChooseIndexNameAddition / ChooseForeignKeyConstraint-
// NameAddition: column names joined by "_", cut once past an identifier's
// length (makeObjectName shortens the rest).
func joinColumnNames(cols []string) string {
	buf := ""
	for _, c := range cols {
		if buf != "" {
			buf += "_"
		}
		buf += clip(c, maxIdentLen)
		if len(buf) >= maxIdentLen+1 {
			break
		}
	}
	return buf
}

// indexColumnNames is ChooseIndexColumnNames: each key's name, made unique
// by a numeric suffix when two keys share one.
func indexColumnNames(names []string) []string {
	var out []string
	used := map[string]bool{}
	for _, orig := range names {
		cur := orig
		for i := 1; used[cur]; i++ {
			suffix := fmt.Sprint(i)
			cur = clip(orig, maxIdentLen-len(suffix)) + suffix
		}
		used[cur] = true
		out = append(out, cur)
	}
	return out
}

// IndexName is the name PostgreSQL gives an index it names itself on
// table (of a partition, when it creates the partition's share of its
// parent's index) from the key column names ("expr" for an expression)
// and INCLUDE columns, when no relation in the schema holds that name
// yet: taken says which are.
func IndexName(table string, columns []string, taken func(string) bool) string {
	return chooseName(table, joinColumnNames(indexColumnNames(columns)), "idx", taken)
}
