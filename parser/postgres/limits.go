package postgres

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/parser"
)

// mayHaveLongIdent reports whether src has a run of bytes that could make
// an identifier longer than maxIdentLen, quoted or not; only then is the
// file scanned token by token.
func mayHaveLongIdent(src []byte) bool {
	run, quoted := 0, false
	for _, b := range src {
		switch {
		case b == '"':
			quoted, run = !quoted, 0
		case quoted || b == '_' || b == '$' || b >= 0x80 || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9':
			run++
			if run > maxIdentLen {
				return true
			}
		default:
			run = 0
		}
	}
	return false
}

// warnTruncated says, for each identifier longer than maxIdentLen bytes,
// what PostgreSQL truncates it to: the model holds the truncated name, as
// the server does (with a NOTICE), so a long name in a schema file is
// easy to miss.
func (p *state) warnTruncated(src []byte) error {
	if !mayHaveLongIdent(src) {
		return nil
	}
	seen := map[string]bool{}
	return p.scan(src, mayHaveLongIdent, func(tok *pg.ScanToken, start, end int) {
		if tok.Token != pg.Token_IDENT {
			return
		}
		text := string(src[start:end])
		name := asciiLower(text)
		if strings.HasPrefix(text, `"`) {
			name = strings.ReplaceAll(strings.Trim(text, `"`), `""`, `"`)
		}
		if len(name) <= maxIdentLen || seen[name] {
			return
		}
		seen[name] = true
		p.note(parser.Warning, p.lines.Pos(start), "identifier %s is %d bytes long; PostgreSQL truncates it to %s (%d bytes)",
			QuoteIdent(name), len(name), QuoteIdent(truncateIdent(name)), len(truncateIdent(name)))
	})
}

// asciiLower folds an unquoted identifier the way PostgreSQL does in a
// UTF-8 database: A-Z only.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
