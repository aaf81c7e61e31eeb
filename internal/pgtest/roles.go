package pgtest

import (
	"fmt"
	"strings"
	"sync"
)

// SharedRoles are the roles test schemas may name (CREATE POLICY ... TO,
// SET ROLE in application traffic). Roles belong to the whole cluster, not
// to a database, so they are created once, idempotently, before the first
// database, and never dropped: tests running at the same time, in this
// process or another, share them. They have no privileges of their own
// and cannot log in.
var SharedRoles = []string{"zdplan_app", "zdplan_owner"}

var rolesOnce sync.Map // Server -> func() error

// ensureRoles creates SharedRoles if they do not exist yet. Two processes
// may race to create the same role: the loser's error is swallowed.
func (s Server) ensureRoles() error {
	f, _ := rolesOnce.LoadOrStore(s, sync.OnceValue(func() error {
		var b strings.Builder
		for _, r := range SharedRoles {
			fmt.Fprintf(&b, `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '%s') THEN
    CREATE ROLE %s NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
`, r, r)
		}
		if _, err := s.run(s.AdminDB, []string{"-q", "-v", "ON_ERROR_STOP=1", "-c", b.String()}, nil); err != nil {
			return fmt.Errorf("pgtest: creating the shared roles: %w", err)
		}
		return nil
	}))
	return f.(func() error)()
}
