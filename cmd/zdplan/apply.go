package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/zdplan/zdplan/apply"
	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/live"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/schema"
)

// Exit codes of apply beyond the common ones.
const (
	exitStepFailed  = 3
	exitInterrupted = 130
)

var errQuiet = errors.New("already reported")

type applyOptions struct {
	dsn       string
	phase     string
	dryRun    bool
	retries   int
	backoff   time.Duration
	batchSize int
}

func newApplyCmd(opts *planOptions) *cobra.Command {
	var a applyOptions
	cmd := &cobra.Command{
		Use:   "apply --dsn URL --phase PHASE [flags] CURRENT DESIRED",
		Short: "Run one phase of the plan against a live database",
		Long: `apply plans CURRENT -> DESIRED and runs one phase (expand, backfill or contract)
against the live database --dsn names, over one session:

  - first the live schema is compared with CURRENT: for expand it must
    match; for backfill and contract it may differ only in the tables the
    plan changes (earlier phases ran, maybe partly), and must differ if
    expand has steps. Otherwise the differences are listed and nothing
    runs (exit 1);
  - then the user's privileges are checked (PostgreSQL: owner of every
    table the phase alters, CREATE on its schema; MySQL: the privileges the
    statements need, on the database): a missing one is listed and nothing
    runs (exit 1);
  - every step runs under --lock-timeout; one that cannot get its lock in
    time is retried --retries times, waiting --backoff, doubled each time;
  - batched backfills run batch by batch with progress (a bar on a
    terminal, lines otherwise); Ctrl-C finishes the batch or statement in
    progress and stops (exit 130); running the same command again resumes,
    since every step is re-runnable and backfills skip rows already done;
  - each step's duration is printed.

Exit codes: 0 done; 1 drift or missing privilege (nothing ran); 2 bad input
or no connection; 3 a step failed (the steps before it stay applied);
130 interrupted.`,
		Example: `  zdplan apply --dsn postgres://app@db/app --phase expand current.sql desired.sql
  zdplan apply --dsn postgres://app@db/app --phase backfill --dry-run current.sql desired.sql`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runApply(cmd, opts, &a, args[0], args[1])
		},
	}
	f := cmd.Flags()
	f.StringVar(&a.dsn, "dsn", "", "the live database: postgres://USER@HOST[:PORT]/DB or mysql://USER@HOST[:PORT]/DB")
	f.StringVar(&a.phase, "phase", "", "the phase to run: expand, backfill or contract")
	f.BoolVar(&a.dryRun, "dry-run", false, "print what would run; change nothing")
	f.IntVar(&a.retries, "retries", 5, "retries of a step whose lock is not granted within --lock-timeout")
	f.DurationVar(&a.backoff, "backoff", 500*time.Millisecond, "wait before the first retry, doubled after each")
	f.IntVar(&a.batchSize, "batch-size", 5000, "rows per backfill batch")
	f.StringVar(&opts.target, "target", "", "MySQL server to plan for: mysql (8.0.29+) or mariadb (10.6+); default: statements both accept")
	f.StringVar(&opts.lockTimeout, "lock-timeout", "5s", "how long a statement waits for a lock before it gives up (and is retried)")
	f.StringVar(&opts.typeChange, "type-change", "shadow", "how a type change that rewrites the table is planned: shadow or in-place")
	f.StringVar(&opts.config, "config", "", "read settings from `FILE` (default: zdplan.yaml in the working directory, if any)")
	f.StringArrayVar(&opts.rename, "rename", nil, "hint a rename: `OLD=NEW` or TABLE.OLD=NEW; repeatable")
	f.StringArrayVar(&opts.using, "using", nil, "hint the conversion of a column: `TABLE.COLUMN=EXPR`; repeatable")
	f.StringArrayVar(&opts.backfill, "backfill", nil, "hint the value existing rows get: `TABLE.COLUMN=EXPR`; repeatable")
	f.StringArrayVar(&opts.splitFrom, "split-from", nil, "hint a table split: `TABLE=SOURCE on COLUMN = SOURCE_COLUMN`; repeatable")
	return cmd
}

func parsePhase(s string) (planner.Phase, error) {
	for _, p := range planner.Phases {
		if p.String() == s {
			return p, nil
		}
	}
	return 0, fmt.Errorf("unknown --phase %q (want expand, backfill or contract)", s)
}

func runApply(cmd *cobra.Command, o *planOptions, a *applyOptions, currentPath, desiredPath string) error {
	w, ew := cmd.OutOrStdout(), cmd.ErrOrStderr()
	phase, err := parsePhase(a.phase)
	if err != nil {
		return usageError(err)
	}
	if a.dsn == "" {
		return usageError(fmt.Errorf("apply needs --dsn"))
	}
	dsn, err := live.ParseDSN(a.dsn)
	if err != nil {
		return usageError(err)
	}
	hints, err := o.configure(cmd)
	if err != nil {
		return usageError(err)
	}
	lockTimeout, err := time.ParseDuration(o.lockTimeout)
	if err != nil || lockTimeout <= 0 {
		return usageError(fmt.Errorf("invalid --lock-timeout %q (want a duration such as 5s)", o.lockTimeout))
	}
	current, err := readInput(currentPath, o.stdin)
	if err != nil {
		return usageError(err)
	}
	desired, err := readInput(desiredPath, o.stdin)
	if err != nil {
		return usageError(err)
	}
	popts := pipeline.Options{Dialect: dsn.Dialect, Target: o.target, LockTimeout: o.lockTimeout, Rules: o.rules, Hints: hints, TypeChange: o.typeChange}
	res, err := pipeline.Run(current, desired, popts)
	if err != nil {
		return usageError(err)
	}

	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()
	liveIn, db, err := readLive(ctx, a.dsn)
	if err != nil {
		return usageError(err)
	}
	defer db.Close()
	drift, err := pipeline.Compare(liveIn, current, dsn.Dialect)
	if err != nil {
		return usageError(err)
	}
	if bad := unexpectedDrift(drift, res.Plan, phase); len(bad) > 0 {
		printDrift(ew, liveIn.Name, current.Name, bad)
		if phase == planner.Expand {
			fmt.Fprintf(ew, "nothing was run: the live schema must match %s before expand\n", current.Name)
		} else {
			fmt.Fprintf(ew, "nothing was run: before %s the live schema may differ from %s only in what the plan changes\n", phase, current.Name)
		}
		return &exitError{code: 1, err: errQuiet}
	}
	if phase > planner.Expand && len(drift.Changes) == 0 && len(res.Plan.PhaseSteps(planner.Expand)) > 0 {
		// Contract on a database expand never touched would drop what
		// the running application still uses.
		fmt.Fprintf(ew, "%s still matches %s: the expand phase has not run; nothing was run\n", liveIn.Name, current.Name)
		return &exitError{code: 1, err: errQuiet}
	}
	if err := apply.CheckPrivileges(ctx, db, res.Plan, phase); err != nil {
		return &exitError{code: 1, err: err}
	}
	if !a.dryRun {
		fmt.Fprintf(w, "%s phase on %s: %d steps\n", phase, liveIn.Name, len(res.Plan.PhaseSteps(phase)))
	}
	start := time.Now()
	done, err := apply.Run(ctx, db, res.Plan, apply.Options{
		Phase: phase, LockTimeout: lockTimeout, Retries: a.retries, Backoff: a.backoff, BatchSize: a.batchSize,
		DryRun: a.dryRun, Out: w, Progress: ew, Terminal: isTerminal(ew),
	})
	switch {
	case errors.Is(err, apply.ErrInterrupted):
		fmt.Fprintf(ew, "zdplan: %v\nrun the same command again to resume: finished steps are skipped by their guards, backfilled rows are not copied twice\n", err)
		return &exitError{code: exitInterrupted, err: errQuiet}
	case err != nil:
		return &exitError{code: exitStepFailed, err: fmt.Errorf("%w (%d steps done before it)", err, len(done))}
	}
	if !a.dryRun {
		fmt.Fprintf(w, "%s phase done in %s\n", phase, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// unexpectedDrift is the part of the differences between the live schema
// and CURRENT that the phase cannot start from. Expand starts from
// CURRENT. A later phase starts from what the earlier ones left — maybe
// partly, if one was interrupted: every step is re-runnable, so
// differences in the tables the plan changes, and in zdplan's own
// triggers and functions, are expected; anything else is drift.
func unexpectedDrift(drift *diff.Diff, plan *planner.Plan, phase planner.Phase) []diff.Change {
	if phase == planner.Expand {
		return drift.Changes
	}
	var objects []string
	for _, c := range plan.Diff.Changes {
		objects = append(objects, c.Object())
	}
	for _, s := range plan.Steps {
		objects = append(objects, s.Object)
	}
	within := func(obj, table string) bool { return obj == table || strings.HasPrefix(obj, table+".") }
	var tables []string
	for _, s := range []*schema.Schema{plan.Diff.From, plan.Diff.To} {
		for _, t := range s.Tables {
			name := t.Name.String()
			if slices.ContainsFunc(objects, func(o string) bool { return within(o, name) }) {
				tables = append(tables, name)
			}
		}
	}
	// Statements the model does not cover (functions, triggers) are
	// compared as text: they are expected when every one the live schema
	// has beyond CURRENT is zdplan's.
	ownOnly := true
	inCurrent := map[string]bool{}
	for _, u := range drift.To.Unsupported {
		inCurrent[u.Key] = true
	}
	for _, u := range drift.From.Unsupported {
		if !inCurrent[u.Key] && !strings.Contains(u.Key, "zdplan") {
			ownOnly = false
		}
	}
	var out []diff.Change
	for _, c := range drift.Changes {
		if _, ok := c.(diff.Unsupported); ok && ownOnly && len(drift.To.Unsupported) <= len(drift.From.Unsupported) {
			continue
		}
		if !slices.ContainsFunc(tables, func(t string) bool { return within(c.Object(), t) }) {
			out = append(out, c)
		}
	}
	return out
}
