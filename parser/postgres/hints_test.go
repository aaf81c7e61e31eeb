package postgres_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// TestHints: hints attach to the object on their line, or on the line
// below when they stand alone, whatever the quoting.
func TestHints(t *testing.T) {
	src := `-- a plain comment
-- zdplan:renamed-from users
CREATE TABLE people (
  id bigint PRIMARY KEY,
  surname text NOT NULL, -- zdplan:renamed-from last_name
  -- zdplan:using nullif(age_text, '')::integer
  age integer,
  "Email" text NOT NULL /* zdplan:backfill 'x--y' || id */,
  note text -- zdplan:renamed-from "Old Note"
);
-- zdplan:split-from people on person_id = id
-- (one row per person)
CREATE TABLE addresses (person_id bigint PRIMARY KEY, line text);
COMMENT ON TABLE people IS '-- zdplan:renamed-from nothing';
`
	s, _, err := postgres.Parse("desired.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	people := s.Table(schema.Name{Schema: "public", Name: "people"})
	type got struct {
		TableFrom       schema.Name
		Surname, Note   string
		Using, Backfill string
		UsingCols       []string
		BackfillCols    []string
		Split           *schema.Split
	}
	g := got{
		TableFrom:    people.Hints.RenamedFrom,
		Surname:      people.Column("surname").Hint().RenamedFrom,
		Note:         people.Column("note").Hint().RenamedFrom,
		Using:        people.Column("age").Hint().Using.SQL,
		UsingCols:    people.Column("age").Hint().UsingColumns,
		Backfill:     people.Column("Email").Hint().Backfill.SQL,
		BackfillCols: people.Column("Email").Hint().BackfillColumns,
		Split:        s.Table(schema.Name{Schema: "public", Name: "addresses"}).Hints.SplitFrom,
	}
	want := got{
		TableFrom:    schema.Name{Schema: "public", Name: "users"},
		Surname:      "last_name",
		Note:         "Old Note",
		Using:        "CAST(NULLIF(age_text, '') AS int)",
		UsingCols:    []string{"age_text"},
		Backfill:     "'x--y' || id",
		BackfillCols: []string{"id"},
		Split:        &schema.Split{From: schema.Name{Schema: "public", Name: "people"}, Column: "person_id", FromColumn: "id"},
	}
	if d := cmp.Diff(want, g); d != "" {
		t.Errorf("hints (-want +got):\n%s", d)
	}
	if h := people.Hints.Pos; h.Line != 2 {
		t.Errorf("table hint at %v, want line 2", h)
	}
}

// TestHintErrors: a hint that cannot be followed is an error at its
// position, never ignored.
func TestHintErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unknown kind", "CREATE TABLE t (a int -- zdplan:renamed_from b\n);", "1:23: unknown zdplan hint \"renamed_from\""},
		{"no argument", "CREATE TABLE t (\n a int -- zdplan:using\n);", "2:8: zdplan:using needs an argument"},
		{"annotates nothing", "CREATE TABLE t (a int);\n\n-- zdplan:renamed-from u\n\nCREATE TABLE u (b int);", "3:1: zdplan:renamed-from u annotates nothing"},
		{"two statements", "CREATE TABLE t (\n a int -- zdplan:using 1; DROP TABLE t\n);", "2:8: zdplan:using 1; DROP TABLE t: not a single SQL expression"},
		{"smuggled clause", "CREATE TABLE t (\n a int -- zdplan:backfill 1) FROM t WHERE (true\n);", "not a single SQL expression"},
		{"not a name", "CREATE TABLE t (\n a int -- zdplan:renamed-from b + 1\n);", "is not a column name"},
		{"qualified column", "CREATE TABLE t (\n a int -- zdplan:renamed-from t.b\n);", "give the column's old name only"},
		{"split syntax", "-- zdplan:split-from users\nCREATE TABLE t (a int);", "want TABLE on COLUMN = COLUMN"},
		{"column hint on table", "-- zdplan:using 1\nCREATE TABLE t (\n a int);", "applies to a column, not to table public.t"},
		{"ambiguous rename", "CREATE TABLE t (a int); -- zdplan:renamed-from u", "ambiguous"},
		{"table hint on column", "CREATE TABLE t (\n a int -- zdplan:split-from u on a = b\n);", "annotates a table"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := postgres.Parse("desired.sql", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
