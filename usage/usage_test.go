package usage

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAddSourceLines(t *testing.T) {
	want := map[string]bool{"email": true, "people": true}
	for _, c := range []struct {
		name, src string
		first     int
		table     []Ref
		column    []Ref
	}{
		{"one line", "SELECT email FROM people", 7, []Ref{{"f.sql", 7}}, []Ref{{"f.sql", 7}}},
		{"lines counted from the first", "SELECT id\nFROM people\n\nWHERE Email = 1\n", 3, []Ref{{"f.sql", 4}}, []Ref{{"f.sql", 6}}},
		{"CRLF and no final newline", "SELECT\r\nemail, EMAIL\r\nFROM people", 1, []Ref{{"f.sql", 3}}, []Ref{{"f.sql", 2}}},
		{"not wanted", "SELECT emails FROM people_old", 1, nil, nil},
		{"empty", "", 1, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			ix, err := Search(nil, nil, []string{"people", "email"})
			if err != nil {
				t.Fatal(err)
			}
			ix.AddSource("f.sql", c.first, []byte(c.src), want)
			if d := cmp.Diff(c.table, ix.Table("people")); d != "" {
				t.Errorf("table mentions (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.column, ix.Column("people", "email")); d != "" {
				t.Errorf("column mentions (-want +got):\n%s", d)
			}
		})
	}
}
