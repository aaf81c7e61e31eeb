package mysql_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/parser/mysql"
	"github.com/zdplan/zdplan/schema"
)

// TestHints: hints in MySQL comments (--, # and /* */) attach as in
// PostgreSQL files, with MySQL's quoting.
func TestHints(t *testing.T) {
	src := "-- zdplan:renamed-from users\n" +
		"CREATE TABLE `people` (\n" +
		"  id bigint NOT NULL PRIMARY KEY,\n" +
		"  surname varchar(100) NOT NULL, -- zdplan:renamed-from last_name\n" +
		"  age int, # zdplan:using CAST(NULLIF(age_text, '') AS SIGNED)\n" +
		"  `E mail` varchar(100) NOT NULL /* zdplan:backfill CONCAT('x--y', id) */,\n" +
		"  note text -- zdplan:renamed-from `Old Note`\n" +
		") ENGINE=InnoDB;\n" +
		"# zdplan:split-from people on person_id = id\n" +
		"CREATE TABLE addresses (person_id bigint NOT NULL PRIMARY KEY, line text);\n" +
		"CREATE TABLE notes (a int) COMMENT '-- zdplan:renamed-from nothing';\n"
	s, _, err := mysql.Parse("desired.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	people := s.Table(schema.Name{Name: "people"})
	got := []any{
		people.Hints.RenamedFrom,
		people.Column("surname").Hint().RenamedFrom,
		people.Column("note").Hint().RenamedFrom,
		people.Column("age").Hint().UsingColumns,
		people.Column("E mail").Hint().BackfillColumns,
		s.Table(schema.Name{Name: "addresses"}).Hints.SplitFrom,
		s.Table(schema.Name{Name: "notes"}).Hints.RenamedFrom,
	}
	want := []any{
		schema.Name{Name: "users"},
		"last_name",
		"Old Note",
		[]string{"age_text"},
		[]string{"id"},
		&schema.Split{From: schema.Name{Name: "people"}, Column: "person_id", FromColumn: "id"},
		schema.Name{},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("hints (-want +got):\n%s", d)
	}
	if u := people.Column("age").Hint().Using; u == nil || !strings.Contains(strings.ToLower(u.SQL), "nullif") {
		t.Errorf("using = %+v", u)
	}
}

// TestHintErrors: a hint that cannot be followed is an error at its
// position.
func TestHintErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"two statements", "CREATE TABLE t (\n a int -- zdplan:using 1; DROP TABLE t\n);", "2:8: zdplan:using 1; DROP TABLE t: not a single SQL expression"},
		{"smuggled clause", "CREATE TABLE t (\n a int -- zdplan:backfill 1) FROM t WHERE (1\n);", "not a single SQL expression"},
		{"unknown kind", "CREATE TABLE t (\n a int -- zdplan:rename b\n);", "unknown zdplan hint \"rename\""},
		{"annotates nothing", "CREATE TABLE t (a int);\n\n-- zdplan:renamed-from u\n\nCREATE TABLE u (b int);", "3:1: zdplan:renamed-from u annotates nothing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := mysql.Parse("desired.sql", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
