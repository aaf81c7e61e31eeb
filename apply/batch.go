package apply

import (
	"context"
	"fmt"
	"time"

	"github.com/zdplan/zdplan/planner"
)

// batches drives a batched backfill from here: select the next batch's
// keys, run the statement over that range (its own transaction, since the
// session is in autocommit), repeat until no key is left. Cancelling ctx
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
	var last []any
	for {
		if ctx.Err() != nil {
			return done, ErrInterrupted
		}
		keys, err := r.keys(run, b, last)
		if err != nil {
			return done, fmt.Errorf("select the next batch of %s: %w", b.Table, err)
		}
		if len(keys) == 0 {
			return done, nil
		}
		upto := keys[len(keys)-1]
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
	}
}

// keys returns the primary keys of the next batch.
func (r *runner) keys(ctx context.Context, b *planner.Batch, after []any) ([][]any, error) {
	args := append(append([]any(nil), after...), r.opts.BatchSize)
	rows, err := r.conn.QueryContext(ctx, b.KeysQuery(after != nil), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(b.Key))
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
