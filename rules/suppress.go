package rules

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"
)

// ignoreComment is `-- zdplan:ignore ZD103[,ZD104] reason`.
var ignoreComment = regexp.MustCompile(`--\s*zdplan:ignore\s+([A-Za-z0-9_,-]+)\s*(.*)$`)

// Suppressions are the zdplan:ignore comments of the schema files, by
// file and line.
type Suppressions map[string]map[int][]suppression

type suppression struct {
	rules  []string
	reason string
}

// ScanSuppressions finds `-- zdplan:ignore RULE[,RULE] reason` comments. A
// comment applies to findings on its own line, and, when it stands alone
// on its line, to findings on the next line.
func ScanSuppressions(files map[string][]byte) Suppressions {
	s := Suppressions{}
	marker := []byte("zdplan:ignore")
	for name, src := range files {
		// Most files have no such comment, and most lines of one that
		// has are no such comment: the regexp runs only where it can match.
		if !bytes.Contains(src, marker) {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		sc.Buffer(make([]byte, 0, 64*1024), len(src)+1)
		for line := 1; sc.Scan(); line++ {
			if !bytes.Contains(sc.Bytes(), marker) {
				continue
			}
			text := sc.Text()
			m := ignoreComment.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			sup := suppression{rules: strings.Split(m[1], ","), reason: strings.TrimSpace(m[2])}
			if s[name] == nil {
				s[name] = map[int][]suppression{}
			}
			s[name][line] = append(s[name][line], sup)
			if strings.HasPrefix(strings.TrimSpace(text), "--") {
				s[name][line+1] = append(s[name][line+1], sup)
			}
		}
	}
	return s
}

// Apply marks the findings an ignore comment covers as suppressed.
func (s Suppressions) Apply(fs []Finding) {
	for i := range fs {
		f := &fs[i]
		for _, sup := range s[f.Pos.File][int(f.Pos.Line)] {
			for _, r := range sup.rules {
				if r == f.Rule.ID || r == f.Rule.Name {
					f.Suppressed = true
					f.SuppressReason = sup.reason
				}
			}
		}
	}
}
