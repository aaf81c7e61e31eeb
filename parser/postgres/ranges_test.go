package postgres

import (
	"slices"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/schema"
)

// TestCollations: every spelling of CREATE COLLATION comes out in the
// form pg_dump prints, FROM as a copy of its source.
func TestCollations(t *testing.T) {
	s := mustParse(t, `
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION "Mixed" (provider = ICU, locale = 'de-DE', deterministic = true);
CREATE COLLATION c2 (locale = 'C');
CREATE COLLATION c3 (lc_collate = 'C', lc_ctype = 'C.UTF-8');
CREATE COLLATION c4 FROM "C";
CREATE COLLATION c5 FROM ci;
CREATE COLLATION c6 FROM pg_catalog."en-x-icu";
CREATE COLLATION c7 (provider = libc, locale = 'C.utf8', version = '1');
CREATE COLLATION IF NOT EXISTS c7 (locale = 'POSIX');
CREATE COLLATION r1 (provider = icu, locale = 'und', rules = '&a < g');
CREATE COLLATION r2 FROM r1;
CREATE COLLATION b1 (provider = builtin, locale = 'C.UTF-8');
CREATE SCHEMA other;
CREATE COLLATION other.c8 FROM ucs_basic;
COMMENT ON COLLATION ci IS 'case-insensitive';
COMMENT ON COLLATION other.c8 IS 'eight';
`)
	want := map[string]string{
		"public.ci":    "provider = icu, deterministic = false, locale = 'und-u-ks-level2'",
		"public.Mixed": "provider = icu, locale = 'de-DE'",
		"public.c2":    "provider = libc, locale = 'C'",
		"public.c3":    "provider = libc, lc_collate = 'C', lc_ctype = 'C.UTF-8'",
		"public.c4":    "provider = libc, locale = 'C'",
		"public.c5":    "provider = icu, deterministic = false, locale = 'und-u-ks-level2'",
		"public.c6":    "provider = icu, locale = 'en'",
		"public.c7":    "provider = libc, locale = 'C.utf8'",
		"other.c8":     "provider = libc, locale = 'C'",
		"public.r1":    "provider = icu, locale = 'und', rules = '&a < g'",
		"public.r2":    "provider = icu, locale = 'und', rules = '&a < g'",
		"public.b1":    "provider = builtin, locale = 'C.UTF-8'",
	}
	got := map[string]string{}
	for _, c := range s.Collations {
		got[c.Name.String()] = c.Definition
	}
	for n, w := range want {
		if got[n] != w {
			t.Errorf("%s: %q, want %q", n, got[n], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("collations %v, want %d", got, len(want))
	}
	if c := s.Collation(schema.Name{Schema: "public", Name: "ci"}); c == nil || c.Comment != "case-insensitive" {
		t.Errorf("comment on ci not read: %+v", c)
	}
	if c := s.Collation(schema.Name{Schema: "other", Name: "c8"}); c == nil || c.Comment != "eight" {
		t.Errorf("comment on other.c8 not read: %+v", c)
	}
	if len(s.Unsupported) > 0 {
		t.Errorf("unsupported: %+v", s.Unsupported[0])
	}
}

// TestCollationNames: a collation the file creates is qualified wherever
// it is used unqualified, as pg_dump qualifies it; built-in ones are not.
func TestCollationNames(t *testing.T) {
	s := mustParse(t, `
CREATE COLLATION ci (provider = icu, locale = 'und', deterministic = false);
CREATE DOMAIN d AS text COLLATE ci;
CREATE TYPE c AS (a text COLLATE ci);
CREATE TABLE t (a text COLLATE ci, b text COLLATE "en-x-icu", e text COLLATE pg_catalog."C", f text COLLATE public.ci,
  g text COLLATE "C.utf8", h text COLLATE pg_catalog."C.utf8");
CREATE INDEX i ON t (b COLLATE ci);
`)
	tb := s.Table(schema.Name{Schema: "public", Name: "t"})
	var cols []string
	for _, c := range tb.Columns {
		cols = append(cols, c.Extra().Collation)
	}
	if want := []string{"public.ci", "en-x-icu", "C", "public.ci", "pg_catalog.C.utf8", "pg_catalog.C.utf8"}; !slices.Equal(cols, want) {
		t.Errorf("column collations %q, want %q", cols, want)
	}
	// A name with a dot keeps its schema, so that it is quoted whole.
	if got, want := QuoteDotted(cols[4]), `pg_catalog."C.utf8"`; got != want {
		t.Errorf("QuoteDotted(%q) = %s, want %s", cols[4], got, want)
	}
	if got := s.Domains[0].Collation; got != "public.ci" {
		t.Errorf("domain collation %q", got)
	}
	if !slices.Contains(s.Domains[0].Deps, schema.Ref{Kind: "collation", Name: schema.Name{Schema: "public", Name: "ci"}}) {
		t.Errorf("domain deps %v lack the collation", s.Domains[0].Deps)
	}
	if got := s.CompositeTypes[0].Attributes[0].Collation; got != "public.ci" {
		t.Errorf("attribute collation %q", got)
	}
	if got := s.Indexes[0].Keys[0].Collation; got != "public.ci" {
		t.Errorf("index key collation %q", got)
	}
}

// TestRangeTypes: a range type's definition is spelled as pg_dump prints
// it: types and user functions qualified, the default operator class and
// collation left out, the multirange type named.
func TestRangeTypes(t *testing.T) {
	s := mustParse(t, `
CREATE COLLATION ci (provider = icu, locale = 'und', deterministic = false);
CREATE FUNCTION fd(a float8, b float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT a - b';
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = fd, subtype_opclass = float8_ops);
CREATE TYPE textrange AS RANGE (subtype = text, collation = ci, subtype_opclass = pg_catalog.text_pattern_ops);
CREATE TYPE "Span" AS RANGE (subtype = int4, subtype_diff = pg_catalog.int4mi, multirange_type_name = "Spans", collation = default);
CREATE TYPE ts AS RANGE (subtype = timestamp, subtype_diff = float8mi);
CREATE TYPE vr AS RANGE (subtype = varchar(10));
COMMENT ON TYPE ts IS 'times';
CREATE TABLE t (a floatrange, b floatmultirange, c "Spans"[]);
`)
	want := map[string]string{
		"public.floatrange": "subtype = double precision, multirange_type_name = public.floatmultirange, subtype_diff = public.fd",
		"public.textrange":  "subtype = text, multirange_type_name = public.textmultirange, subtype_opclass = pg_catalog.text_pattern_ops, collation = public.ci",
		"public.Span":       `subtype = integer, multirange_type_name = public."Spans", subtype_diff = int4mi`,
		"public.ts":         "subtype = timestamp without time zone, multirange_type_name = public.ts_multirange, subtype_diff = float8mi",
		"public.vr":         "subtype = character varying, multirange_type_name = public.vr_multirange",
	}
	for _, r := range s.RangeTypes {
		if w := want[r.Name.String()]; r.Definition != w {
			t.Errorf("%s: %q, want %q", r.Name, r.Definition, w)
		}
	}
	if len(s.RangeTypes) != len(want) {
		t.Errorf("%d range types, want %d", len(s.RangeTypes), len(want))
	}
	if got := s.RangeType(schema.Name{Schema: "public", Name: "ts"}).Comment; got != "times" {
		t.Errorf("comment %q", got)
	}
	deps := s.RangeType(schema.Name{Schema: "public", Name: "textrange"}).Deps
	if want := []schema.Ref{{Kind: "collation", Name: schema.Name{Schema: "public", Name: "ci"}}}; !slices.Equal(deps, want) {
		t.Errorf("textrange deps %v, want %v", deps, want)
	}
	deps = s.RangeType(schema.Name{Schema: "public", Name: "floatrange"}).Deps
	if want := []schema.Ref{{Kind: "function", Name: schema.Name{Schema: "public", Name: "fd"}}}; !slices.Equal(deps, want) {
		t.Errorf("floatrange deps %v, want %v", deps, want)
	}
	var types []string
	for _, c := range s.Tables[0].Columns {
		types = append(types, c.Type.Schema+"."+c.Type.Name)
	}
	if want := []string{"public.floatrange", "public.floatmultirange", "public.Spans"}; !slices.Equal(types, want) {
		t.Errorf("column types %q, want %q", types, want)
	}
}

func TestMultirangeName(t *testing.T) {
	for in, want := range map[string]string{
		"floatrange":            "floatmultirange",
		"rangeofday":            "multirangeofday",
		"span":                  "span_multirange",
		"Mixed R":               "Mixed R_multirange",
		"range_range":           "multirange_range",
		strings.Repeat("x", 63): strings.Repeat("x", 51) + "_multirange",
	} {
		if got := multirangeName(in); got != want {
			t.Errorf("multirangeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRangeAndCollationErrors: what PostgreSQL refuses is an error with
// the statement's position, and a copy of an operating system collation
// whose locale the file cannot tell is unsupported.
func TestRangeAndCollationErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`CREATE COLLATION c (provider = icu);`, `parameter "locale" must be specified`},
		{`CREATE COLLATION c (lc_collate = 'C');`, `parameter "lc_ctype" must be specified`},
		{`CREATE COLLATION c (provider = foo, locale = 'C');`, "unrecognized collation provider"},
		{`CREATE COLLATION c (locale = 'C', deterministic = maybe);`, "Boolean"},
		{`CREATE COLLATION c (locale = 'C'); CREATE COLLATION c (locale = 'C');`, "already exists"},
		{`CREATE COLLATION c FROM "default";`, "cannot be copied"},
		{`CREATE COLLATION c FROM s.nope;`, "does not exist"},
		{`COMMENT ON COLLATION public.nope IS 'x';`, "does not exist"},
		{`CREATE TYPE r AS RANGE (subtype_diff = f);`, `"subtype" is required`},
		{`CREATE TYPE r AS RANGE (subtype = int4, foo = 1);`, "not recognized"},
		{`CREATE TYPE r AS RANGE (subtype = int4); CREATE TYPE r_multirange AS ENUM ('a');`, "already exists"},
		{`CREATE TYPE e AS ENUM ('a'); CREATE TYPE r AS RANGE (subtype = int4, multirange_type_name = e);`, "already exists"},
	} {
		_, _, err := Parse("t.sql", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.src, err, tc.want)
		}
	}
	s := mustParse(t, `CREATE COLLATION c FROM en_US;`)
	if len(s.Unsupported) != 1 || len(s.Collations) != 0 {
		t.Errorf("FROM en_US: unsupported %v, collations %v", s.Unsupported, s.Collations)
	}
}
