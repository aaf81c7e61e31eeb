package pgtest

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// TestRoles are the roles test schemas may name (GRANT ... TO, CREATE
// POLICY ... TO, SET ROLE in application traffic). Roles belong to the
// whole cluster, not to a database: they are created once, if missing,
// and never dropped, since other tests running at the same time may use
// them. They have no privileges of their own and cannot log in.
var TestRoles = []string{"zdplan_test_app", "zdplan_test_ro", "zdplan_test_admin", "zdplan_app", "zdplan_owner"}

var (
	rolesOnce sync.Map // Server -> func() error
	roleName  = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
)

// ensureTestRoles creates TestRoles once per server and process.
func (s Server) ensureTestRoles() error {
	f, _ := rolesOnce.LoadOrStore(s, sync.OnceValue(func() error { return s.EnsureRoles(TestRoles...) }))
	return f.(func() error)()
}

// EnsureRoles creates the roles that do not exist yet, as NOLOGIN roles.
// Another session may create the same role at the same moment: that
// counts as success. Only plain lower-case names are accepted.
func (s Server) EnsureRoles(names ...string) error {
	var b strings.Builder
	for _, n := range names {
		if !roleName.MatchString(n) || strings.HasPrefix(n, "pg_") {
			return fmt.Errorf("pgtest: refusing to create role %q", n)
		}
		fmt.Fprintf(&b, "DO $zdplan$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s NOLOGIN; END IF; "+
			"EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $zdplan$;\n", n, n)
	}
	if b.Len() == 0 {
		return nil
	}
	if _, err := s.run(s.AdminDB, []string{"-q", "-v", "ON_ERROR_STOP=1", "-f", "-"}, strings.NewReader(b.String())); err != nil {
		return fmt.Errorf("pgtest: creating roles: %w", err)
	}
	return nil
}

// dumpRole matches the FOR ROLE clause pg_dump writes on every ALTER
// DEFAULT PRIVILEGES.
var dumpRole = regexp.MustCompile(`(?m)^(ALTER DEFAULT PRIVILEGES) FOR ROLE ("[^"]+"|\S+)`)

// NormaliseDump makes a pg_dump with privileges comparable with the file
// it was loaded from: pg_dump names the role that ran the file in every
// ALTER DEFAULT PRIVILEGES (FOR ROLE user), which a schema file leaves
// implicit, as it means whoever runs it.
func NormaliseDump(dump []byte, user string) []byte {
	return dumpRole.ReplaceAllFunc(dump, func(m []byte) []byte {
		sub := dumpRole.FindSubmatch(m)
		if r := strings.Trim(string(sub[2]), `"`); r == user {
			return sub[1]
		}
		return m
	})
}
