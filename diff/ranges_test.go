package diff_test

import "testing"

// TestRangeAndCollationChanges: range types and collations are created,
// dropped, and created again when their definition changes while nothing
// uses them; under a user the change is unsupported, naming the user;
// applying the diff gives DESIRED.
func TestRangeAndCollationChanges(t *testing.T) {
	const (
		ci    = `CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);`
		ciDE  = `CREATE COLLATION ci (provider = icu, locale = 'de-u-ks-level2', deterministic = false);`
		rng   = `CREATE TYPE r AS RANGE (subtype = int4);`
		rng8  = `CREATE TYPE r AS RANGE (subtype = int8);`
		fdiff = `CREATE FUNCTION fd(a float8, b float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT a - b';`
	)
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
		// unsupported is a part of the Unsupported change's text.
		unsupported string
	}{
		{name: "create collation", desired: ci, want: []string{"CreateCollation"}},
		{name: "drop collation", current: ci, want: []string{"DropCollation"}},
		{name: "collation same, spelled as pg_dump does", current: ci,
			desired: `CREATE COLLATION public.ci (provider = icu, deterministic = false, locale = 'und-u-ks-level2');`},
		{name: "collation FROM another is its copy", current: ci + `CREATE COLLATION c2 FROM ci;`,
			desired: ci + `CREATE COLLATION c2 (provider = icu, deterministic = false, locale = 'und-u-ks-level2');`},
		{name: "collation changed, unused", current: ci, desired: ciDE, want: []string{"ReplaceCollation"}},
		{name: "collation changed under a column", current: ci + `CREATE TABLE t (a text COLLATE ci);`, desired: ciDE + `CREATE TABLE t (a text COLLATE ci);`,
			want: []string{"Unsupported"}, unsupported: "which column public.t.a uses"},
		{name: "collation changed under a domain and an index", current: ci + `CREATE DOMAIN d AS text COLLATE ci; CREATE TABLE t (a text); CREATE INDEX i ON t (a COLLATE ci);`,
			desired: ciDE + `CREATE DOMAIN d AS text COLLATE ci; CREATE TABLE t (a text); CREATE INDEX i ON t (a COLLATE ci);`,
			want:    []string{"Unsupported"}, unsupported: "domain public.d, index public.i"},
		{name: "collation comment", current: ci, desired: ci + `COMMENT ON COLLATION ci IS 'x';`, want: []string{"SetComment"}},
		{name: "collation comment back after a replace", current: ci + `COMMENT ON COLLATION ci IS 'x';`, desired: ciDE + `COMMENT ON COLLATION ci IS 'x';`,
			want: []string{"ReplaceCollation", "SetComment"}},
		{name: "column moves to a new collation", current: `CREATE TABLE t (a text);`, desired: ci + `CREATE TABLE t (a text COLLATE ci);`,
			want: []string{"CreateCollation", "AlterColumnType"}},
		{name: "create range", desired: rng, want: []string{"CreateRangeType"}},
		{name: "drop range", current: rng, want: []string{"DropRangeType"}},
		{name: "range same, spelled as pg_dump does", current: fdiff + `CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = fd, subtype_opclass = float8_ops, collation = "default");`,
			desired: fdiff + `CREATE TYPE public.floatrange AS RANGE (subtype = double precision, multirange_type_name = public.floatmultirange, subtype_diff = public.fd);`},
		{name: "range changed, unused", current: rng, desired: rng8, want: []string{"ReplaceRangeType"}},
		{name: "range changed under a column", current: rng + `CREATE TABLE t (a r);`, desired: rng8 + `CREATE TABLE t (a r);`,
			want: []string{"Unsupported"}, unsupported: "which column public.t.a uses"},
		{name: "range changed under a multirange column", current: rng + `CREATE TABLE t (a r_multirange[]);`, desired: rng8 + `CREATE TABLE t (a r_multirange[]);`,
			want: []string{"Unsupported"}, unsupported: "which column public.t.a uses"},
		{name: "range changed under a function", current: rng + `CREATE FUNCTION f(x r) RETURNS int LANGUAGE sql AS 'SELECT 1';`,
			desired: rng8 + `CREATE FUNCTION f(x r) RETURNS int LANGUAGE sql AS 'SELECT 1';`,
			want:    []string{"Unsupported"}, unsupported: "function public.f(public.r)"},
		{name: "range collation changed", current: ci + `CREATE TYPE r AS RANGE (subtype = text);`, desired: ci + `CREATE TYPE r AS RANGE (subtype = text, collation = ci);`,
			want: []string{"ReplaceRangeType"}},
		{name: "range comment", current: rng, desired: rng + `COMMENT ON TYPE r IS 'x';`, want: []string{"SetComment"}},
		{name: "new range with its column and function", current: `CREATE TABLE t (id int);`,
			desired: fdiff + `CREATE TYPE fr AS RANGE (subtype = float8, subtype_diff = fd); CREATE TABLE t (id int, a fr);`,
			want:    []string{"CreateRangeType", "CreateFunction", "AddColumn"}},
		{name: "range over a renamed enum follows it", current: `CREATE TYPE e AS ENUM ('a', 'b'); CREATE TYPE r AS RANGE (subtype = e); CREATE TABLE t (a r);`,
			desired: `-- zdplan:renamed-from e
CREATE TYPE e2 AS ENUM ('a', 'b'); CREATE TYPE r AS RANGE (subtype = e2); CREATE TABLE t (a r);`,
			want: []string{"RenameEnum"}},
		{name: "dropped range with its column", current: rng + `CREATE TABLE t (id int, a r);`, desired: `CREATE TABLE t (id int);`,
			want: []string{"DropColumn", "DropRangeType"}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkChanges(t, tc.current, tc.desired, tc.want, tc.unsupported) })
	}
}
