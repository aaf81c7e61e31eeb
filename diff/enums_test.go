package diff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// TestEnumRenames: rename hints on an enum type and its labels give
// renames, not a drop and an add; a hint that cannot be followed is an
// error; applying the diff gives DESIRED.
func TestEnumRenames(t *testing.T) {
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
		err                    string
	}{
		{"label, sqldef spelling", `CREATE TYPE s AS ENUM ('a', 'b');`,
			`CREATE TYPE s AS ENUM ('a', 'c' /* @renamed from=b */);`, []string{"RenameEnumValue"}, ""},
		{"label, zdplan spelling, and an add", `CREATE TYPE s AS ENUM ('a', 'b');`,
			"CREATE TYPE s AS ENUM (\n'a',\n'c', -- zdplan:renamed-from 'b'\n'd');", []string{"RenameEnumValue", "AddEnumValue"}, ""},
		{"without a hint labels are lost", `CREATE TYPE s AS ENUM ('a', 'b');`, `CREATE TYPE s AS ENUM ('a', 'c');`, []string{"ChangeEnumLabels"}, ""},
		{"type with its columns", `CREATE TYPE s AS ENUM ('a'); CREATE TABLE t (c s, d s[]);`,
			"-- zdplan:renamed-from s\nCREATE TYPE u AS ENUM ('a'); CREATE TABLE t (c u, d u[]);", []string{"RenameEnum"}, ""},
		{"type and label", `CREATE SCHEMA x; CREATE TYPE x.s AS ENUM ('a');`,
			`CREATE SCHEMA x; CREATE TYPE x.u /* @renamed from=s */ AS ENUM ('b' /* @renamed from=a */);`, []string{"RenameEnum", "RenameEnumValue"}, ""},
		{"rename already done", `CREATE TYPE s AS ENUM ('c');`, `CREATE TYPE s AS ENUM ('c' /* @renamed from=b */);`, nil, ""},
		{"no such label", `CREATE TYPE s AS ENUM ('a');`, `CREATE TYPE s AS ENUM ('c' /* @renamed from=b */);`, nil, `no label "b"`},
		{"no such type", `CREATE TYPE s AS ENUM ('a');`, `CREATE TYPE u /* @renamed from=v */ AS ENUM ('a');`, nil, "CURRENT has no enum type public.v"},
		{"two type hints", `CREATE TYPE s AS ENUM ('a');`, `CREATE TYPE u /* @renamed from=s */ AS ENUM ( /* @renamed from=v */ 'a');`, nil, "give one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cur, des, err := tryParse("current.sql", tc.current, "desired.sql", tc.desired)
			if err == nil {
				err = diff.CheckHints(cur, des)
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			d := diff.Schemas(cur, des)
			var got []string
			for _, c := range d.Changes {
				got = append(got, c.Kind())
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("changes %v, want %v", got, tc.want)
			}
			if slices.Contains(got, "ChangeEnumLabels") {
				return
			}
			checkApply(t, cur, des, d)
		})
	}
}

func tryParse(curName, cur, desName, des string) (*schema.Schema, *schema.Schema, error) {
	c, _, err := postgres.Parse(curName, []byte(cur))
	if err != nil {
		return nil, nil, err
	}
	d, _, err := postgres.Parse(desName, []byte(des))
	return c, d, err
}
