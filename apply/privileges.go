package apply

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/live"
	"github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/schema"
)

// CheckPrivileges says, before anything runs, what the session's user
// lacks to run the phase: on PostgreSQL, ownership of every existing table
// the phase alters and CREATE on its schema (ALTER TABLE, triggers and
// indexes need the owner); on MySQL, the privileges the phase's statements
// need, granted globally or on the database (grants on single tables are
// not looked at).
func CheckPrivileges(ctx context.Context, db *live.DB, plan *planner.Plan, phase planner.Phase) error {
	steps := plan.PhaseSteps(phase)
	if len(steps) == 0 {
		return nil
	}
	var missing []string
	var err error
	if plan.Dialect == "mysql" {
		missing, err = mysqlMissing(ctx, db, steps)
	} else {
		missing, err = postgresMissing(ctx, db, touchedTables(plan, steps))
	}
	if err != nil {
		return fmt.Errorf("check privileges: %w", err)
	}
	if len(missing) > 0 {
		return fmt.Errorf("the database user lacks what the %s phase needs, nothing was run:\n  %s", phase, strings.Join(missing, "\n  "))
	}
	return nil
}

// touchedTables are the tables of CURRENT that the steps act on.
func touchedTables(plan *planner.Plan, steps []planner.Step) []schema.Name {
	var out []schema.Name
	for _, t := range plan.Diff.From.Tables {
		q := t.Name.String()
		for _, s := range steps {
			if s.Object == q || strings.HasPrefix(s.Object, q+".") || (s.Batch != nil && s.Batch.Table == t.Name) {
				out = append(out, t.Name)
				break
			}
		}
	}
	return out
}

func postgresMissing(ctx context.Context, db *live.DB, tables []schema.Name) ([]string, error) {
	var missing []string
	schemas := map[string]bool{}
	for _, t := range tables {
		var owner string
		var ok bool
		err := db.QueryRowContext(ctx, `SELECT pg_catalog.pg_get_userbyid(c.relowner), pg_catalog.pg_has_role(c.relowner, 'USAGE')
			FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass($1)`, postgres.QuoteName(t)).Scan(&owner, &ok)
		if err != nil {
			return nil, fmt.Errorf("owner of %s: %w", t, err)
		}
		if !ok {
			missing = append(missing, fmt.Sprintf("ownership of table %s (owned by %s; ALTER TABLE needs its owner)", t, owner))
		}
		schemas[t.Schema] = true
	}
	for _, s := range slices.Sorted(maps.Keys(schemas)) {
		var ok bool
		if err := db.QueryRowContext(ctx, "SELECT pg_catalog.has_schema_privilege($1, 'CREATE')", s).Scan(&ok); err != nil {
			return nil, fmt.Errorf("privileges on schema %s: %w", s, err)
		}
		if !ok {
			missing = append(missing, fmt.Sprintf("CREATE on schema %s", s))
		}
	}
	return missing, nil
}

// mysqlNeeds maps statement shapes to the privilege they need.
var mysqlNeeds = []struct {
	re   *regexp.Regexp
	priv string
}{
	{regexp.MustCompile(`(?i)\bALTER\s+TABLE\b`), "ALTER"},
	{regexp.MustCompile(`(?i)\bCREATE\s+TABLE\b`), "CREATE"},
	{regexp.MustCompile(`(?i)\bDROP\s+(TABLE|VIEW)\b`), "DROP"},
	{regexp.MustCompile(`(?i)\bCREATE\s+(UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\b`), "INDEX"},
	{regexp.MustCompile(`(?i)\b(CREATE|DROP)\s+TRIGGER\b`), "TRIGGER"},
	{regexp.MustCompile(`(?i)\bCREATE\s+(OR\s+REPLACE\s+)?(ALGORITHM\s*=\s*\w+\s+)?(DEFINER\s*=\s*\S+\s+)?(SQL\s+SECURITY\s+\w+\s+)?VIEW\b`), "CREATE VIEW"},
	{regexp.MustCompile(`(?i)\bUPDATE\b`), "UPDATE"},
	{regexp.MustCompile(`(?i)\bINSERT\s+INTO\b`), "INSERT"},
	{regexp.MustCompile(`(?i)\bSELECT\b`), "SELECT"},
}

func mysqlMissing(ctx context.Context, db *live.DB, steps []planner.Step) ([]string, error) {
	need := map[string]bool{}
	for _, s := range steps {
		text := s.SQL
		if s.Batch != nil {
			// Driven from here: the procedure of Step.SQL is not created.
			text = s.Batch.Template()
			text += "\n" + s.Batch.KeysQuery(true)
		}
		for _, n := range mysqlNeeds {
			if n.re.MatchString(text) {
				need[n.priv] = true
			}
		}
	}
	var user string
	if err := db.QueryRowContext(ctx, "SELECT CURRENT_USER()").Scan(&user); err != nil {
		return nil, err
	}
	name, host, _ := strings.Cut(user, "@")
	grantee := "'" + name + "'@'" + host + "'"
	rows, err := db.QueryContext(ctx, `
		SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ?
		UNION SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = ? AND TABLE_SCHEMA = DATABASE()`, grantee, grantee)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		have[strings.ToUpper(p)] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var missing []string
	for _, p := range slices.Sorted(maps.Keys(need)) {
		if !have[p] {
			missing = append(missing, fmt.Sprintf("%s on database %s (GRANT %s ON %s.* TO %s)", p, db.DSN.Database(), p, "`"+db.DSN.Database()+"`", grantee))
		}
	}
	return missing, nil
}
