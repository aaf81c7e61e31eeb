package postgres

import (
	"strings"
	"testing"

	"github.com/zdplan/zdplan/schema"
)

const trigBase = `CREATE TABLE t (a int);
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();
CREATE TRIGGER trg2 AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();
`

// TestTriggerEnabled: ALTER TABLE ... ENABLE | DISABLE [REPLICA | ALWAYS]
// TRIGGER sets the state pg_trigger.tgenabled would hold.
func TestTriggerEnabled(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		trg, trg2 string
	}{
		{"as created", "", schema.TriggerOrigin, schema.TriggerOrigin},
		{"disable", "ALTER TABLE t DISABLE TRIGGER trg;", schema.TriggerDisabled, schema.TriggerOrigin},
		{"replica, pg_dump's form", "ALTER TABLE ONLY public.t ENABLE REPLICA TRIGGER trg2;", schema.TriggerOrigin, schema.TriggerReplica},
		{"always", "ALTER TABLE t ENABLE ALWAYS TRIGGER trg;", schema.TriggerAlways, schema.TriggerOrigin},
		{"disable then enable", "ALTER TABLE t DISABLE TRIGGER trg; ALTER TABLE t ENABLE TRIGGER trg;", schema.TriggerOrigin, schema.TriggerOrigin},
		{"USER is every trigger", "ALTER TABLE t DISABLE TRIGGER USER;", schema.TriggerDisabled, schema.TriggerDisabled},
		{"CREATE OR REPLACE resets", "ALTER TABLE t DISABLE TRIGGER trg;\nCREATE OR REPLACE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();",
			schema.TriggerOrigin, schema.TriggerOrigin},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := Parse("test.sql", []byte(trigBase+tc.src))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, tr := range s.Triggers {
				got[tr.Name] = tr.Enabled
			}
			if got["trg"] != tc.trg || got["trg2"] != tc.trg2 {
				t.Errorf("states %q, want trg=%q trg2=%q", got, tc.trg, tc.trg2)
			}
		})
	}
}

// TestRoutineStatementErrors: what PostgreSQL rejects is an error, what
// the model does not cover is reported as unsupported.
func TestRoutineStatementErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, err, unsupported string }{
		{"no such trigger", trigBase + "ALTER TABLE t DISABLE TRIGGER nope;", `trigger "nope" for table public.t does not exist`, ""},
		{"TRIGGER ALL also switches foreign keys", trigBase + "ALTER TABLE t DISABLE TRIGGER ALL;", "", "ALTER TABLE DISABLE TRIG ALL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := Parse("test.sql", []byte(tc.src))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, u := range s.Unsupported {
				kinds = append(kinds, u.Kind)
			}
			if len(kinds) != 1 || kinds[0] != tc.unsupported {
				t.Errorf("unsupported %q, want %q", kinds, tc.unsupported)
			}
		})
	}
}
