package postgres

//go:generate go run ./internal/genkeywords

import (
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// QuoteIdent quotes an identifier the way PostgreSQL's quote_ident does:
// only when it has to (not all lower-case letters, digits, underscores;
// starts with a digit; or is a keyword that is not unreserved). Doubled
// inner quotes keep names like `we"ird` intact.
func QuoteIdent(s string) string {
	if s != "" && !quotedKeywords[s] && isPlainIdent(s) {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func isPlainIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c == '_':
		case (c >= '0' && c <= '9') || c == '$':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// QuoteName quotes a schema-qualified name. Every name is qualified in
// generated SQL, so that a plan never depends on the session's search_path.
func QuoteName(n schema.Name) string {
	if n.Schema == "" {
		return QuoteIdent(n.Name)
	}
	return QuoteIdent(n.Schema) + "." + QuoteIdent(n.Name)
}

// QuoteLiteral quotes a string literal. Standard-conforming strings are on
// by default since PostgreSQL 9.1, so only single quotes need doubling; a
// backslash gets the E” form to be safe either way.
func QuoteLiteral(s string) string {
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if strings.Contains(s, `\`) {
		return "E" + strings.ReplaceAll(q, `\`, `\\`)
	}
	return q
}

// TypeSQL renders a column type, quoting a user-defined type's name.
func TypeSQL(t schema.Type) string {
	if t.Schema == "" {
		return t.Format(t.Name)
	}
	return t.Format(QuoteName(schema.Name{Schema: t.Schema, Name: t.Name}))
}

// QuoteDotted quotes a dotted name (a collation or operator class as
// written, "schema.name" or "name") part by part.
func QuoteDotted(name string) string {
	// The first dot ends the schema: a name may hold dots ("C.utf8").
	parts := strings.SplitN(name, ".", 2)
	for i, part := range parts {
		parts[i] = QuoteIdent(part)
	}
	return strings.Join(parts, ".")
}

// IndexKeySQL renders one key of an index or EXCLUDE constraint as
// CREATE INDEX takes it: column or parenthesised expression, COLLATE,
// operator class, DESC and, when it differs from the direction's default,
// NULLS FIRST/LAST.
func IndexKeySQL(k schema.IndexKey) string { return indexKeyText(k, false) }

// indexKeyText is IndexKeySQL; with normalized set, an expression is
// written in its normalised form, for comparing definitions.
func indexKeyText(k schema.IndexKey, normalized bool) string {
	s := QuoteIdent(k.Column)
	if k.Expr != nil {
		e := k.Expr.SQL
		if normalized {
			e = k.Expr.Key
		}
		s = "(" + e + ")"
	}
	if k.Collation != "" {
		s += " COLLATE " + QuoteDotted(k.Collation)
	}
	if k.Opclass != "" {
		s += " " + QuoteDotted(k.Opclass)
	}
	if k.Desc {
		s += " DESC"
	}
	if k.NullsFirst != k.Desc {
		if k.NullsFirst {
			s += " NULLS FIRST"
		} else {
			s += " NULLS LAST"
		}
	}
	return s
}
