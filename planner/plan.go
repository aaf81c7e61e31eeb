// Package planner turns a diff into a zero-downtime plan: ordered steps of
// SQL in three phases that an old and a new application version can both
// live through.
//
//	expand    additive, backward-compatible DDL (old and new version run)
//	backfill  data copies and constraint validation (old and new version run)
//	  ---     deploy the new version, retire the old one
//	contract  drops and tightening that only the new version can live with
//
// Which phase a step lands in follows from who writes the data: a
// constraint the old version could still violate is enforced only in
// contract, after that version is retired; a loosening the new version
// needs comes in expand.
package planner

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/zdplan/zdplan/diff"
)

// Phase is one stage of a rollout.
type Phase int

// The phases, in execution order.
const (
	Expand Phase = iota
	Backfill
	Contract
)

// Phases lists every phase in execution order.
var Phases = []Phase{Expand, Backfill, Contract}

func (p Phase) String() string {
	switch p {
	case Expand:
		return "expand"
	case Backfill:
		return "backfill"
	case Contract:
		return "contract"
	}
	return fmt.Sprintf("Phase(%d)", int(p))
}

// Step is one statement (or one guarded block) of a plan.
type Step struct {
	Phase Phase
	// Change is the kind of diff change the step belongs to, Object the
	// object it acts on.
	Change string
	Object string
	// Summary says in one line what the step does.
	Summary string
	// SQL is the statement, terminated, ready to run as it is.
	SQL string
	// Lock is the strongest lock the step takes and for how long, in the
	// database's own terms.
	Lock string
	// Transactional is false for statements that cannot run inside a
	// transaction block (CREATE INDEX CONCURRENTLY, ...).
	Transactional bool
	// Rerunnable is true when running the step again after it succeeded
	// changes nothing.
	Rerunnable bool
	// Guard, when set, is a query that returns one boolean: the step runs
	// only when it is true. It makes re-runnable a statement that has no
	// IF [NOT] EXISTS form and cannot run inside a DO block either (ALTER
	// TABLE ... DETACH PARTITION ... CONCURRENTLY); phase files check it
	// with psql's \gset and \if.
	Guard string
	// Batch, for a batched backfill, is the same work batch by batch;
	// nil for every other step.
	Batch *Batch
	// Reverse undoes the step, guarded like SQL so that it can run again;
	// empty when there is no obvious undo (data copies, loosenings,
	// drops). Only expand steps that add an object carry one.
	Reverse string

	rank  int
	order int
	// provides and needs order steps of one phase and rank by object
	// dependencies (see orderByDeps): a step comes after every step of
	// its phase and rank that provides something it needs.
	provides []string
	needs    []string
	// before are keys whose providers must come after this step: a drop
	// of an object comes before the drops of what it uses.
	before []string
}

// Plan is a rollout for one diff.
type Plan struct {
	Dialect string
	Steps   []Step
	Diff    *diff.Diff
	// LockTimeout is set at the top of every phase file, so that a DDL
	// statement waiting behind a long transaction gives up instead of
	// queueing every other query behind it.
	LockTimeout string
	// Target is the MySQL server the plan is for (TargetMySQL,
	// TargetMariaDB, or "" for both); empty for PostgreSQL.
	Target string
	// Preamble, when set, replaces the PostgreSQL session settings at the
	// top of every phase file (see MySQLPreamble).
	Preamble []string
	// BatchSize, when positive, is set at the top of every phase file as
	// the rows per batch of backfills (zdplan.batch_size, or
	// @zdplan_batch_size on MySQL); otherwise backfills use 5000.
	BatchSize int
}

// PhaseSteps returns the steps of one phase, in order.
func (p *Plan) PhaseSteps(ph Phase) []Step {
	var out []Step
	for _, s := range p.Steps {
		if s.Phase == ph {
			out = append(out, s)
		}
	}
	return out
}

// Empty reports whether the plan has no step.
func (p *Plan) Empty() bool { return len(p.Steps) == 0 }

// Options tune a plan.
type Options struct {
	// LockTimeout for every phase; "5s" when empty.
	LockTimeout string
	// TypeChange is how a type change that rewrites the table is done:
	// TypeChangeShadow (the default) or TypeChangeInPlace.
	TypeChange string
	// Target is the MySQL server to plan for: TargetMySQL, TargetMariaDB,
	// or "" for a plan that runs on both (see MySQLAlgorithm). Ignored for
	// PostgreSQL.
	Target string
	// BatchSize is the rows per batch of backfills; 0 leaves the
	// default (5000), which a session setting can still change.
	BatchSize int
}

// Type change strategies.
const (
	// TypeChangeShadow adds a column of the new type, keeps it in step
	// with triggers, backfills it and swaps it in during contract.
	TypeChangeShadow = "shadow"
	// TypeChangeInPlace runs ALTER COLUMN TYPE in expand: one statement,
	// but it rewrites the table under an ACCESS EXCLUSIVE lock.
	TypeChangeInPlace = "in-place"
)

// emitter is one dialect's strategies.
type emitter interface {
	steps(c diff.Change) []Step
	finish() []Step
}

// New plans a diff for its schemas' dialect.
func New(d *diff.Diff, opts Options) (*Plan, error) {
	if opts.LockTimeout == "" {
		opts.LockTimeout = "5s"
	}
	switch opts.TypeChange {
	case "":
		opts.TypeChange = TypeChangeShadow
	case TypeChangeShadow, TypeChangeInPlace:
	default:
		return nil, fmt.Errorf("unknown type change strategy %q (want %s or %s)", opts.TypeChange, TypeChangeShadow, TypeChangeInPlace)
	}
	var e emitter
	switch d.To.Dialect {
	case "postgres":
		e = newPostgres(d, opts)
	case "mysql":
		if opts.Target != "" && opts.Target != TargetMySQL && opts.Target != TargetMariaDB {
			return nil, fmt.Errorf("unknown target %q (want mysql or mariadb)", opts.Target)
		}
		e = newMySQL(d, opts)
	default:
		return nil, fmt.Errorf("no planner for dialect %q", d.To.Dialect)
	}
	var steps []Step
	for _, c := range d.Changes {
		steps = append(steps, e.steps(c)...)
	}
	steps = append(steps, e.finish()...)
	for i := range steps {
		steps[i].order = i
	}
	slices.SortStableFunc(steps, func(a, b Step) int {
		return cmp.Or(cmp.Compare(a.Phase, b.Phase), cmp.Compare(a.rank, b.rank), cmp.Compare(a.order, b.order))
	})
	steps = orderByDeps(steps)
	if opts.BatchSize < 0 {
		return nil, fmt.Errorf("batch size %d: want a positive number", opts.BatchSize)
	}
	p := &Plan{Dialect: d.To.Dialect, Steps: steps, Diff: d, LockTimeout: opts.LockTimeout, BatchSize: opts.BatchSize}
	if d.To.Dialect == "mysql" {
		pre, err := MySQLPreamble(opts.LockTimeout)
		if err != nil {
			return nil, err
		}
		p.Target, p.Preamble = opts.Target, pre
	}
	return p, nil
}
