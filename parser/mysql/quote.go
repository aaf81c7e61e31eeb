package mysql

import (
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// QuoteIdent quotes an identifier with backticks, always: MySQL's list of
// reserved words grows with every release, and SHOW CREATE TABLE quotes
// everything too. Embedded backticks are doubled.
func QuoteIdent(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}

// QuoteLiteral quotes a string literal for the default sql_mode, in which
// a backslash is an escape character (NO_BACKSLASH_ESCAPES off): both the
// backslash and the quote are escaped. A doubled quote rather than \' keeps
// the literal valid with NO_BACKSLASH_ESCAPES as well whenever it holds no
// backslash. NUL, newline and the like are escaped so that the SQL stays
// on one line.
func QuoteLiteral(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		case 0:
			b.WriteString(`\0`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\x1a':
			b.WriteString(`\Z`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// TypeSQL renders a column type as MySQL accepts it: decimal(10,2)
// unsigned zerofill, enum('a','b'), varchar(255). The enum and set values
// in Mods are already quoted literals.
func TypeSQL(t schema.Type) string {
	s := t.Name
	if len(t.Mods) > 0 {
		s += "(" + strings.Join(t.Mods, ",") + ")"
	}
	if t.Unsigned {
		s += " unsigned"
	}
	if t.Zerofill {
		s += " zerofill"
	}
	return s
}
