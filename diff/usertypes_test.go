package diff_test

import "testing"

// TestDomainChanges: each ALTER DOMAIN a domain's change needs is one
// change, and applying the diff gives DESIRED.
func TestDomainChanges(t *testing.T) {
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
	}{
		{"create with unnamed checks", ``, `CREATE DOMAIN d AS int CHECK (VALUE > 0) CHECK (VALUE < 9);`, []string{"CreateDomain"}},
		{"drop", `CREATE DOMAIN d AS int;`, ``, []string{"DropDomain"}},
		{"pg_dump spelling is no change", `CREATE DOMAIN d AS varchar(9) CHECK (VALUE ~ 'x');`,
			`CREATE DOMAIN public.d AS character varying(9) CONSTRAINT d_check CHECK (((VALUE)::text ~ 'x'::text));`, nil},
		{"default and not null", `CREATE DOMAIN d AS int DEFAULT 1;`, `CREATE DOMAIN d AS int NOT NULL;`, []string{"DropDomainDefault", "SetDomainNotNull"}},
		{"loosen", `CREATE DOMAIN d AS int NOT NULL;`, `CREATE DOMAIN d AS int DEFAULT 2;`, []string{"DropDomainNotNull", "SetDomainDefault"}},
		{"rename check", `CREATE DOMAIN d AS int CONSTRAINT a CHECK (VALUE > 0);`, `CREATE DOMAIN d AS int CONSTRAINT b CHECK (VALUE > 0);`, []string{"RenameDomainCheck"}},
		{"replace check", `CREATE DOMAIN d AS int CONSTRAINT a CHECK (VALUE > 0);`, `CREATE DOMAIN d AS int CONSTRAINT a CHECK (VALUE > 1);`, []string{"DropDomainCheck", "AddDomainCheck"}},
		{"validate", `CREATE DOMAIN d AS int; ALTER DOMAIN d ADD CONSTRAINT a CHECK (VALUE > 0) NOT VALID;`,
			`CREATE DOMAIN d AS int CONSTRAINT a CHECK (VALUE > 0);`, []string{"ValidateDomainCheck"}},
		{"unused base type change", `CREATE DOMAIN d AS int;`, `CREATE DOMAIN d AS bigint;`, []string{"ReplaceDomain"}},
		{"base type change under a column", `CREATE DOMAIN d AS int; CREATE TABLE t (c d);`, `CREATE DOMAIN d AS bigint; CREATE TABLE t (c d);`, []string{"Unsupported"}},
		{"comments", `CREATE DOMAIN d AS int CONSTRAINT a CHECK (VALUE > 0); CREATE TYPE e AS ENUM ('x');`,
			`CREATE DOMAIN d AS int CONSTRAINT a CHECK (VALUE > 0); CREATE TYPE e AS ENUM ('x');
COMMENT ON DOMAIN d IS 'd'; COMMENT ON CONSTRAINT a ON DOMAIN d IS 'a'; COMMENT ON TYPE e IS 'e';`, []string{"SetComment", "SetComment", "SetComment"}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkChanges(t, tc.current, tc.desired, tc.want, "") })
	}
}
