package rules

import (
	"github.com/zdplan/zdplan/diff"
)

// The rules on what PostgreSQL keeps about a table besides its columns:
// generated columns made plain, and the replica identity.

// generatedExpressionDropped is ZD138.
var generatedExpressionDropped = &Rule{
	ID: "ZD138", Name: "generated-expression-dropped", Severity: Warning,
	Summary: "stored generated column made a plain column (DROP EXPRESSION)",
	Why: "ALTER COLUMN ... DROP EXPRESSION keeps the values the rows hold but stops computing the column: from then " +
		"on, a row inserted without a value gets NULL (or the column's default), and an update of the columns it " +
		"was computed from leaves it stale. The old application version cannot write the column at all (it was " +
		"generated), and the new version must write it on every insert and on every update of those columns.",
	Safe: "Make the new version write the column wherever it writes the columns it came from, before the old " +
		"version is retired; or keep it generated. (A changed generation expression has no online plan in " +
		"PostgreSQL 15, which has no SET EXPRESSION: zdplan reports it as unsupported.)",
	Unsafe: "ALTER TABLE accounts ALTER COLUMN email_lower DROP EXPRESSION;",
	Planned: "expand: DROP EXPRESSION (ACCESS EXCLUSIVE, catalog only) in one transaction with a trigger that computes " +
		"the column for inserts without a value and for updates that leave it alone but change what it is computed " +
		"from, so the old version's rows still get it; contract: the trigger dropped",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		Each(p, func(c diff.DropExpression) {
			p.Report(c.Object(), c.Pos(), false, "%s stops being generated (%s): after contract, rows written without a value for it get NULL; the new application version must compute it",
				c.Object(), c.From.Extra().Generated.SQL)
		})
	},
}

// replicaIdentityChanged is ZD139.
var replicaIdentityChanged = &Rule{
	ID: "ZD139", Name: "replica-identity-changed", Severity: Warning,
	Summary: "REPLICA IDENTITY of an existing table changed",
	Why: "The replica identity decides what logical decoding writes for an UPDATE or DELETE: the primary key " +
		"(DEFAULT), a unique index's columns (USING INDEX), the whole old row (FULL) or nothing (NOTHING). With " +
		"NOTHING (or DEFAULT on a table without a primary key), UPDATE and DELETE on a table in a publication that " +
		"publishes them fail; subscribers that match rows on the old key stop finding them under a new one; FULL " +
		"writes every old row to the WAL.",
	Safe: "Check the publications the table is in and what their subscribers match rows on before the rollout; " +
		"change the subscribers' key first when it changes.",
	Unsafe:   "ALTER TABLE events REPLICA IDENTITY NOTHING; -- events is published",
	Planned:  "expand (contract when it names an index the plan builds there): ALTER TABLE ... REPLICA IDENTITY (ACCESS EXCLUSIVE, catalog only)",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		Each(p, func(c diff.SetReplicaIdentity) {
			if c.From == nil {
				return // a new table: nothing replicates it yet
			}
			p.Report(c.Object(), c.Pos(), false, "replica identity of %s changes from %s to %s: logical replication of its updates and deletes changes with it",
				c.Object(), identityWords(c.From.ReplicaIdentity), identityWords(c.Table.ReplicaIdentity))
		})
	},
}

// identityWords names a replica identity of the model for a message.
func identityWords(ri string) string {
	switch ri {
	case "":
		return "DEFAULT"
	case "FULL", "NOTHING":
		return ri
	}
	return "USING INDEX " + ri
}
