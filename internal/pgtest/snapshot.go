package pgtest

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/internal/snapdiff"
)

// snapshotSQL is kept in its own file so that it can be read, and run by
// hand with psql, as the single definition of what a snapshot covers.
//
//go:embed snapshot.sql
var snapshotSQL string

// Snapshot describes a database's user schemas as the server itself
// understands them, so that two databases can be compared without trusting
// any SQL parsing of our own: a plan is correct when applying it yields the
// same snapshot as creating the target schema directly.
//
// Keys name one object each, as "<kind> <qualified name>", with identifiers
// quoted the way PostgreSQL quotes them (so public.users but
// public."Users"). The kinds are:
//
//	schema, extension, table, column, constraint, index, view, matview,
//	sequence, enum, domain, type, function, procedure, aggregate, trigger,
//	rule, policy, statistics, "acl <kind> <name>" (privileges of a table,
//	view, matview, sequence, column, function, type or schema, without the
//	owner's), "default acl <role> <schema|*> <kind>", and
//	"comment <any other key>".
//
// Values are deterministic descriptions built from pg_get_*def and the
// catalogs. They deliberately leave out anything a migration cannot or
// need not reproduce: owners (and the owner's own privileges), OIDs, storage, tablespaces,
// statistics, and column order. Column order in particular is ignored
// because ALTER TABLE ADD COLUMN always appends; insisting on the target's
// order would make every online column addition look wrong, while only a
// table rewrite could satisfy it. (Composite types are the exception:
// their attribute order is part of their value.)
type Snapshot struct {
	// Objects maps each object key to its description.
	Objects map[string]string
}

// Snapshot reads the schema description. The session uses an empty
// search_path so that every deparsed name is schema-qualified, which keeps
// descriptions independent of the search_path the SQL was written for.
func (db *DB) Snapshot() (*Snapshot, error) {
	sql := "SET search_path = '';\n" + snapshotSQL
	// NUL separators: catalog text can contain tabs and newlines (view and
	// function bodies), but never a NUL byte.
	out, err := db.server.run(db.Name,
		[]string{"-q", "-At", "-z", "-0", "-v", "ON_ERROR_STOP=1", "-f", "-"}, strings.NewReader(sql))
	if err != nil {
		return nil, err
	}
	return parseSnapshot(out)
}

// parseSnapshot reads psql's -z -0 output, in which both fields and rows
// end in NUL, so every row is exactly "key NUL value NUL".
func parseSnapshot(out string) (*Snapshot, error) {
	snap := &Snapshot{Objects: map[string]string{}}
	if out == "" {
		return snap, nil
	}
	fields := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
	if len(fields)%2 != 0 {
		return nil, fmt.Errorf("pgtest: malformed snapshot output (%d fields)", len(fields))
	}
	for i := 0; i < len(fields); i += 2 {
		key, value := fields[i], fields[i+1]
		if old, dup := snap.Objects[key]; dup {
			// Two objects mapping to one key would make comparisons
			// silently lossy.
			return nil, fmt.Errorf("pgtest: duplicate snapshot key %q (%q and %q)", key, old, value)
		}
		snap.Objects[key] = value
	}
	return snap, nil
}

// Keys lists the object keys in order, for stable iteration.
func (s *Snapshot) Keys() []string { return snapdiff.Keys(s.Objects) }

// String renders the snapshot as sorted "key: value" entries, suitable for
// golden files and for printing when a test fails.
func (s *Snapshot) String() string { return snapdiff.String(s.Objects) }
