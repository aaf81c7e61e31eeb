package apply

import (
	"context"
	"fmt"
	"time"

	"github.com/zdplan/zdplan/planner"
)

// batches drives a batched backfill from here: select the next batch's
// keys, run the statement over that range (its own transaction, since the
// session is in autocommit), repeat until no key is left up to the last
// one the table had when the backfill started. Cancelling ctx
// stops after the batch in progress; the statements skip rows already
// done, so running the step again resumes.
func (r *runner) batches(ctx context.Context, s planner.Step) (done int64, err error) {
	b := s.Batch
	run := context.WithoutCancel(ctx)
	total, err := r.db.EstimateRows(run, b.Table)
	if err != nil {
		return 0, err
	}
	parts, err := statements(r.plan.Dialect, b.Template())
	if err != nil {
		return 0, err
	}
	begin, end := b.Session()
	if begin != "" {
		if _, err := r.conn.ExecContext(run, begin); err != nil {
			return 0, fmt.Errorf("start the backfill of %s: %w", b.Table, err)
		}
		defer func() {
			// Later steps on this session must fire the triggers again.
			if _, eerr := r.conn.ExecContext(run, end); eerr != nil && err == nil {
				err = fmt.Errorf("end the backfill of %s: %w", b.Table, eerr)
			}
		}()
	}
	p := newProgress(r.opts.Progress, r.opts.Terminal, s.Summary, total)
	defer p.finish()
	stop, err := r.keyRows(run, b.LastKeyQuery())
	if err != nil {
		return 0, fmt.Errorf("select the last key of %s: %w", b.Table, err)
	}
	if len(stop) == 0 {
		return 0, nil // no rows
	}
	var last []any
	for {
		if ctx.Err() != nil {
			return done, ErrInterrupted
		}
		args := append(append(append([]any(nil), stop[0]...), last...), r.opts.BatchSize)
		keys, err := r.keyRows(run, b.KeysQuery(last != nil), args...)
		if err != nil {
			return done, fmt.Errorf("select the next batch of %s: %w", b.Table, err)
		}
		if len(keys) == 0 {
			return done, nil
		}
		upto := keys[len(keys)-1]
		// Each row ends with whether its key is at or past stop.
		final := truthy(upto[len(upto)-1])
		upto = upto[:len(upto)-1]
		if err := r.retry(ctx, s.Summary, func() error {
			for _, part := range parts {
				stmt, reps := b.Render(part, last != nil)
				var args []any
				for range reps {
					args = append(append(args, last...), upto...)
				}
				if _, err := r.conn.ExecContext(run, stmt, args...); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return done, err
		}
		done += int64(len(keys))
		last = upto
		p.update(done)
		if r.opts.afterBatch != nil {
			r.opts.afterBatch(done)
		}
		if final {
			return done, nil
		}
	}
}

// truthy reads a boolean column: a bool from PostgreSQL, an integer from
// MySQL.
func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case int64:
		return v != 0
	case string:
		return v == "1"
	}
	return false
}

// keyRows runs a query of primary keys and returns its rows.
func (r *runner) keyRows(ctx context.Context, query string, args ...any) ([][]any, error) {
	rows, err := r.conn.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		if r.plan.Dialect == "mysql" {
			// Bytes would be sent back as a binary string, which compares
			// by bytes rather than by the column's collation.
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					vals[i] = string(bs)
				}
			}
		}
		out = append(out, vals)
	}
	return out, rows.Err()
}

// retry runs f, again after a backoff while it times out on a lock.
func (r *runner) retry(ctx context.Context, what string, f func() error) error {
	wait := r.opts.Backoff
	if wait <= 0 {
		wait = 500 * time.Millisecond
	}
	for attempt := 1; ; attempt++ {
		err := f()
		if err == nil || !IsLockTimeout(err) {
			return err
		}
		if attempt > r.opts.Retries {
			return fmt.Errorf("lock not granted within %s after %d attempts: %w", r.opts.LockTimeout, attempt, err)
		}
		fmt.Fprintf(r.opts.Out, "   lock not granted within %s; retrying in %s (%d of %d): %s\n", r.opts.LockTimeout, wait, attempt, r.opts.Retries, what)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ErrInterrupted
		}
		wait *= 2
	}
}
