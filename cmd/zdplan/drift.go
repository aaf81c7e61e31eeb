package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/live"
)

var errDrift = fmt.Errorf("drift")

func newDriftCmd(opts *planOptions) *cobra.Command {
	var dsn string
	cmd := &cobra.Command{
		Use:   "drift --dsn URL CURRENT",
		Short: "Compare a live database with CURRENT; exit 1 if they differ",
		Long: `drift reads the schema of a live database (--dsn postgres://... or mysql://...)
and compares it with CURRENT. Exit codes: 0 the same, 1 different (the
differences are listed), 2 bad input or no connection.

The password comes from the URL or the client's usual environment variable
(PGPASSWORD, MYSQL_PWD); it is never printed.`,
		Example: `  zdplan drift --dsn postgres://app@db/app current.sql
  zdplan drift --dsn mysql://root@127.0.0.1:3306/app current.sql`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dsn == "" {
				return usageError(fmt.Errorf("drift needs --dsn"))
			}
			liveIn, db, err := readLive(cmd.Context(), dsn)
			if err != nil {
				return usageError(err)
			}
			db.Close()
			current, err := readInput(args[0], opts.stdin)
			if err != nil {
				return usageError(err)
			}
			d, _ := live.ParseDSN(dsn)
			df, err := pipeline.Compare(liveIn, current, d.Dialect)
			if err != nil {
				return usageError(err)
			}
			w := cmd.OutOrStdout()
			if len(df.Changes) == 0 {
				fmt.Fprintf(w, "%s matches %s\n", liveIn.Name, current.Name)
				return nil
			}
			printDrift(w, liveIn.Name, current.Name, df.Changes)
			return &exitError{code: 1, err: errDrift}
		},
	}
	cmd.Flags().StringVar(&dsn, "dsn", "", "the live database: postgres://USER@HOST[:PORT]/DB or mysql://USER@HOST[:PORT]/DB")
	return cmd
}
