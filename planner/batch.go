package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// Batch is a batched backfill step in a form a runner can drive one batch
// at a time — to show progress and to stop cleanly between batches —
// instead of running Step.SQL, whose loop runs inside the server. Both do
// the same: the statement over the table's rows in primary-key order,
// one key range per batch, each batch its own transaction; rows already
// done are skipped, so an interrupted run resumes by running again.
type Batch struct {
	// Table is the table whose primary key the batches follow.
	Table schema.Name
	// Key is its primary key.
	Key []string

	dialect string
	// keyRefs are the key columns as stmt reads them (qualified by its
	// alias for the table, if any).
	keyRefs []string
	stmt    string
	// skip is the trigger that leaves the batches' writes alone, if any
	// (see notBackfillOf).
	skip string
}

func newBatch(dialect string, table schema.Name, key []string, alias, stmt, skip string) *Batch {
	b := &Batch{Table: table, Key: key, dialect: dialect, stmt: stmt, skip: skip}
	for _, k := range key {
		if dialect == "mysql" {
			b.keyRefs = append(b.keyRefs, qualifyMy(alias, k))
		} else {
			b.keyRefs = append(b.keyRefs, qualify(alias, k))
		}
	}
	return b
}

// params numbers placeholders: $1, $2, ... for PostgreSQL, ? for MySQL.
type params struct {
	dialect string
	n       int
}

func (p *params) next() string {
	p.n++
	if p.dialect == "mysql" {
		return "?"
	}
	return fmt.Sprintf("$%d", p.n)
}

func (p *params) row(n int) string {
	var xs []string
	for range n {
		xs = append(xs, p.next())
	}
	return "(" + strings.Join(xs, ", ") + ")"
}

func (b *Batch) quote(s string) string {
	if b.dialect == "mysql" {
		return myQuoteIdent(s)
	}
	return qi(s)
}

// LastKeyQuery selects the greatest primary key of the table: a runner
// takes it before the first batch and stops there (see KeysQuery).
func (b *Batch) LastKeyQuery() string {
	cols, name := b.keyColumns()
	var desc []string
	for _, c := range cols {
		desc = append(desc, c+" DESC")
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM " + name + " ORDER BY " + strings.Join(desc, ", ") + " LIMIT 1"
}

// KeysQuery selects the primary keys of the next batch, in order, and
// with each whether it is at or past the last key the table had when the
// backfill started (LastKeyQuery): the batch that reaches it is the last,
// as rows inserted since have their values from the triggers and a
// backfill that followed the application's inserts might never end. (A
// bound in the WHERE clause would end the loop as well, but leads the
// planner, without statistics, to read the whole range to the last key
// for each batch.) Its parameters are that last key of the table, the
// last key of the previous batch (when after is true; one value per key
// column each), and then the batch size.
func (b *Batch) KeysQuery(after bool) string {
	cols, name := b.keyColumns()
	row := "(" + strings.Join(cols, ", ") + ")"
	p := &params{dialect: b.dialect}
	q := "SELECT " + strings.Join(cols, ", ") + ", " + row + " >= " + p.row(len(b.Key)) + " FROM " + name
	if after {
		q += " WHERE " + row + " > " + p.row(len(b.Key))
	}
	return q + " ORDER BY " + strings.Join(cols, ", ") + " LIMIT " + p.next()
}

// keyColumns returns the quoted key columns and table name.
func (b *Batch) keyColumns() (cols []string, table string) {
	for _, k := range b.Key {
		cols = append(cols, b.quote(k))
	}
	if b.dialect == "mysql" {
		return cols, myQuoteName(b.Table)
	}
	return cols, qn(b.Table)
}

// Session is the statements a runner runs on its session before the first
// batch (begin) and after the last (end): they tell the sync trigger of
// the column being filled to leave the batches' writes alone, as Step.SQL
// does. Both are empty when there is no such trigger.
func (b *Batch) Session() (begin, end string) {
	if b.skip == "" {
		return "", ""
	}
	return backfillSession(b.skip)
}

// backfillSession is the statements that turn skipping trigger fn on for
// the session and off again.
func backfillSession(fn string) (on, off string) {
	set := func(v string) string {
		return fmt.Sprintf("SELECT pg_catalog.set_config(%s, %s, false)", lit(backfillSetting), lit(v))
	}
	return set(fn), set("")
}

// Template is the work of one batch: one or more statements in which
// RangePlaceholder stands for the batch's key range. A runner cuts it into
// statements and renders each with Render.
func (b *Batch) Template() string { return b.stmt }

// RangePlaceholder stands for a batch's key range in Template.
const RangePlaceholder = rangePlaceholder

// Render replaces the range placeholders of part (Template or one of its
// statements) with the key range of a batch: the keys after the previous
// batch's last key (when after is true) up to and including this batch's
// last key. Its parameters are, for each of the reps occurrences, those
// two keys (the first only when after is true), one value per key column
// each; PostgreSQL placeholders are numbered from $1 in part.
func (b *Batch) Render(part string, after bool) (sql string, reps int) {
	p := &params{dialect: b.dialect}
	row := "(" + strings.Join(b.keyRefs, ", ") + ")"
	reps = strings.Count(part, rangePlaceholder)
	pieces := strings.Split(part, rangePlaceholder)
	var out strings.Builder
	for i, piece := range pieces {
		out.WriteString(piece)
		if i == len(pieces)-1 {
			break
		}
		var rng string
		if after {
			lo := p.row(len(b.Key))
			rng = row + " > " + lo + " AND " + row + " <= " + p.row(len(b.Key))
		} else {
			rng = row + " <= " + p.row(len(b.Key))
		}
		out.WriteString("(" + rng + ")")
	}
	return out.String(), reps
}
