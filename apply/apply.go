// Package apply runs one phase of a plan against a live database: every
// DDL step under a lock timeout, retried with backoff when the lock is not
// granted in time, and batched backfills driven batch by batch, with
// progress, so that an interruption stops between batches and a second
// run resumes where the first stopped.
package apply

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	pgquery "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/live"
	mysqlparser "github.com/zdplan/zdplan/parser/mysql"
	"github.com/zdplan/zdplan/planner"
)

// Options tune a run.
type Options struct {
	// Phase is the phase to run.
	Phase planner.Phase
	// LockTimeout bounds every wait for a lock (PostgreSQL lock_timeout;
	// MySQL lock_wait_timeout and innodb_lock_wait_timeout, in whole
	// seconds, at least 1).
	LockTimeout time.Duration
	// Retries is how many times a step that timed out on a lock is tried
	// again; Backoff is the wait before the first retry, doubled after
	// each.
	Retries int
	Backoff time.Duration
	// BatchSize is the number of rows per backfill batch (5000 if 0).
	BatchSize int
	// DryRun prints what would run and runs nothing.
	DryRun bool
	// Out receives one line per step (its duration, retries) and, with
	// DryRun, the statements.
	Out io.Writer
	// Progress receives backfill progress; a terminal gets a bar redrawn
	// in place (Terminal), anything else plain lines.
	Progress io.Writer
	Terminal bool

	// afterBatch, when set, is called after each backfill batch with the
	// rows done so far (tests interrupt runs with it).
	afterBatch func(rows int64)
}

// StepResult is how one step went.
type StepResult struct {
	Step     planner.Step
	Duration time.Duration
	// Attempts is 1 when the step ran at the first try.
	Attempts int
	// Rows is the number of rows a batched backfill went through.
	Rows int64
}

// ErrInterrupted is returned when the context was cancelled: the step or
// batch that was running finished, nothing else started.
var ErrInterrupted = errors.New("interrupted")

// Run runs the steps of opts.Phase in order over one session. When ctx is
// cancelled it finishes the statement (or batch) in progress and returns
// the steps done with an error wrapping ErrInterrupted.
func Run(ctx context.Context, db *live.DB, plan *planner.Plan, opts Options) ([]StepResult, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = 5000
	}
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if opts.Progress == nil {
		opts.Progress = io.Discard
	}
	steps := plan.PhaseSteps(opts.Phase)
	setup, err := sessionSetup(plan, opts.LockTimeout)
	if err != nil {
		return nil, err
	}
	if opts.DryRun {
		return nil, dryRun(plan, steps, setup, opts)
	}
	// Statements run to their end once started, whatever happens to ctx:
	// cancellation is looked at only between statements and batches.
	run := context.WithoutCancel(ctx)
	sess, err := db.Session(run)
	if err != nil {
		return nil, err
	}
	defer sess.Close()
	conn := sess.Conn
	for _, s := range setup {
		if _, err := conn.ExecContext(run, s); err != nil {
			return nil, fmt.Errorf("%s: %w", s, err)
		}
	}
	r := &runner{db: db, conn: conn, plan: plan, opts: opts}
	var done []StepResult
	for i, s := range steps {
		if ctx.Err() != nil {
			return done, fmt.Errorf("%w before step %d of %d (%s)", ErrInterrupted, i+1, len(steps), s.Summary)
		}
		start := time.Now()
		res := StepResult{Step: s}
		if s.Batch != nil {
			res.Rows, err = r.batches(ctx, s)
			res.Attempts = 1
		} else {
			res.Attempts, err = r.step(ctx, s)
		}
		res.Duration = time.Since(start)
		if err != nil {
			if errors.Is(err, ErrInterrupted) {
				done = append(done, res)
				return done, fmt.Errorf("%w in step %d of %d (%s) after %d rows", err, i+1, len(steps), s.Summary, res.Rows)
			}
			return done, fmt.Errorf("step %d of %d (%s): %w", i+1, len(steps), s.Summary, err)
		}
		done = append(done, res)
		retries := ""
		if res.Attempts > 1 {
			retries = fmt.Sprintf(" (%d attempts)", res.Attempts)
		}
		fmt.Fprintf(opts.Out, "ok %8s  %s%s\n", res.Duration.Round(time.Millisecond), s.Summary, retries)
	}
	return done, nil
}

// sessionSetup is what the phase file's preamble sets, with the lock
// timeout of opts.
func sessionSetup(plan *planner.Plan, timeout time.Duration) ([]string, error) {
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	if plan.Dialect != "mysql" {
		return []string{fmt.Sprintf("SET lock_timeout = '%dms'", timeout.Milliseconds())}, nil
	}
	secs := int(math.Ceil(timeout.Seconds()))
	var out []string
	for _, s := range plan.Preamble {
		if !strings.Contains(s, "lock_wait_timeout") {
			out = append(out, strings.TrimSuffix(s, ";"))
		}
	}
	return append(out,
		fmt.Sprintf("SET SESSION lock_wait_timeout = %d", secs),
		fmt.Sprintf("SET SESSION innodb_lock_wait_timeout = %d", secs)), nil
}

func dryRun(plan *planner.Plan, steps []planner.Step, setup []string, opts Options) error {
	w := opts.Out
	fmt.Fprintf(w, "-- dry run: %s phase, %d steps; nothing is executed\n", opts.Phase, len(steps))
	for _, s := range setup {
		fmt.Fprintf(w, "%s;\n", s)
	}
	for i, s := range steps {
		fmt.Fprintf(w, "\n-- step %d: %s\n", i+1, s.Summary)
		if s.Batch != nil {
			first, _ := s.Batch.Render(s.Batch.Template(), false)
			next, _ := s.Batch.Render(s.Batch.Template(), true)
			fmt.Fprintf(w, "-- in batches of %d rows by %s, up to the last key the table has at the start:\n-- %s\n-- keys: %s\n%s;\n-- then, after the previous batch's last key:\n%s;\n",
				opts.BatchSize, strings.Join(s.Batch.Key, ", "), s.Batch.LastKeyQuery(), s.Batch.KeysQuery(true), first, next)
			continue
		}
		fmt.Fprintln(w, s.SQL)
	}
	return nil
}

type runner struct {
	db   *live.DB
	conn *sql.Conn
	plan *planner.Plan
	opts Options
}

// step runs a step's statements, from the first again when one of them
// times out on a lock (steps are re-runnable: what succeeded before is
// skipped by its guard).
func (r *runner) step(ctx context.Context, s planner.Step) (attempts int, err error) {
	stmts, err := statements(r.plan.Dialect, s.SQL)
	if err != nil {
		return 0, err
	}
	run := context.WithoutCancel(ctx)
	if s.Guard != "" {
		// The step runs only when its guard holds (see planner.Step).
		var ok bool
		if err := r.conn.QueryRowContext(run, s.Guard).Scan(&ok); err != nil {
			return 0, fmt.Errorf("%s: %w", s.Guard, err)
		}
		if !ok {
			return 1, nil
		}
	}
	err = r.retry(ctx, s.Summary, func() error {
		attempts++
		err := r.execAll(run, stmts)
		if err != nil && IsLockTimeout(err) {
			// A timed-out statement inside an explicit transaction
			// leaves it aborted; roll it back before trying again.
			r.conn.ExecContext(run, "ROLLBACK")
		}
		return err
	})
	return attempts, err
}

func (r *runner) execAll(ctx context.Context, stmts []string) error {
	for _, q := range stmts {
		if _, err := r.conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// statements cuts a step into the statements the server takes one at a
// time (the mysql client's DELIMITER is not SQL; a PostgreSQL multi-
// statement string would run as one implicit transaction, which CREATE
// INDEX CONCURRENTLY and COMMIT in a DO block refuse).
func statements(dialect, text string) ([]string, error) {
	if dialect == "mysql" {
		var out []string
		for _, s := range mysqlparser.Split([]byte(text)) {
			if strings.TrimSpace(s) != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	out, err := pgquery.SplitWithScanner(text, true)
	if err != nil {
		return nil, fmt.Errorf("split step: %w", err)
	}
	return out, nil
}

// IsLockTimeout reports whether err is the server giving up waiting for a
// lock: PostgreSQL's lock_not_available (55P03), MySQL's
// ER_LOCK_WAIT_TIMEOUT (1205, also for metadata locks).
func IsLockTimeout(err error) bool {
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		return pe.Code == "55P03"
	}
	if me, ok := errors.AsType[*mysql.MySQLError](err); ok {
		return me.Number == 1205
	}
	return false
}
