// Command zdplan turns a schema change into a zero-downtime rollout.
//
//	zdplan [plan] [flags] CURRENT DESIRED
//	zdplan lint [flags] CURRENT DESIRED
//	zdplan lint --git-base REV FILE...
//	zdplan rules [ID]
//
// Exit codes: 0 plan produced and no blocking finding; 1 a finding at or
// above --fail-on; 2 bad input or usage.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/zdplan/zdplan/internal/pipeline"
)

// exitError carries a process exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(err error) error { return &exitError{code: 2, err: err} }

func main() {
	// A plan is one burst of allocation in a process of its own; tests
	// call run in theirs, and keep its settings.
	pipeline.ConfigureGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != errBlocking && ee.err != errDrift && ee.err != errQuiet {
			fmt.Fprintln(stderr, "zdplan:", ee.err)
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown flag, wrong argument count)
	// is a usage error.
	fmt.Fprintln(stderr, "zdplan:", err)
	return 2
}

var errBlocking = errors.New("blocking findings")

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	opts := &planOptions{stdin: stdin}
	root := &cobra.Command{
		Use:   "zdplan [plan] [flags] CURRENT DESIRED | --git-base REV FILE...",
		Short: "Plan zero-downtime schema changes (PostgreSQL, MySQL, MariaDB)",
		Long: `zdplan compares the schema you run today (CURRENT) with the one you want
(DESIRED) and writes a zero-downtime rollout in phases:

  expand    additive DDL: new tables and columns, indexes built online,
            constraints added NOT VALID
  backfill  batched, resumable copies into the new shape; constraint validation
  ---       deploy the new application version, retire the old one
  contract  drops, and constraints only the new version can live with

CURRENT and DESIRED are schema files (plain DDL, pg_dump --schema-only or mysqldump --no-data
output); "-" reads one of them from standard input. Either may be a database
URL instead (postgres://USER@HOST/DB, mysql://USER@HOST:3306/DB): the schema
is then read from the live server, and with a live CURRENT the plan flags
steps that read every row of a large table (--large-table-rows, ZD123).
"zdplan drift" compares a live database with CURRENT; "zdplan apply" runs
one phase against it. Passwords come from the URL or PGPASSWORD/MYSQL_PWD
and are never printed. With --git-base REV, each
FILE is compared with its version at the git revision REV (a file REV does
not have is new), so a pre-commit hook or CI job needs no second file.

Breaking changes (renames, type changes that rewrite the table, NOT NULL
columns, table splits) are split across all three, with triggers keeping
the old and the new shape in step. Say what a diff cannot know with hint
comments in DESIRED (-- zdplan:renamed-from last_name, zdplan:using EXPR,
zdplan:backfill EXPR, zdplan:split-from TABLE on COL = COL) or the flags
of the same names.

Exit codes: 0 plan produced, no blocking finding; 1 a finding at or above
--fail-on; 2 bad input (reported as file:line:col: message; schema files
over 16 MiB are refused) or usage.`,
		Example: `  zdplan current.sql desired.sql
  zdplan --format json current.sql desired.sql
  zdplan --out-dir plan/ current.sql desired.sql
  zdplan --out-dir db/migration --layout flyway --version-start 12 current.sql desired.sql
  zdplan --format sarif current.sql desired.sql > zdplan.sarif
  zdplan lint current.sql desired.sql
  zdplan postgres://app@db/app desired.sql
  zdplan drift --dsn mysql://root@127.0.0.1:3306/app current.sql
  zdplan apply --dsn postgres://app@db/app --phase expand current.sql desired.sql
  zdplan lint --git-base HEAD schema.sql
  zdplan rules ZD101`,
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPlan(cmd, opts, args, false)
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	opts.register(root)

	plan := &cobra.Command{
		Use:   "plan [flags] CURRENT DESIRED | --git-base REV FILE...",
		Short: "Write the rollout plan (the default command)",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPlan(cmd, opts, args, false)
		},
	}
	opts.register(plan)
	lint := &cobra.Command{
		Use:   "lint [flags] CURRENT DESIRED | --git-base REV FILE...",
		Short: "Report findings only; exit 1 on a blocking one",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPlan(cmd, opts, args, true)
		},
	}
	opts.register(lint)
	root.AddCommand(plan, lint, newRulesCmd())
	root.AddCommand(newDriftCmd(opts), newApplyCmd(opts))
	for _, c := range root.Commands() {
		c.SilenceUsage, c.SilenceErrors = true, true
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	}
	return root
}
