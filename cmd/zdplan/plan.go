package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/live"
	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/report"
	"github.com/zdplan/zdplan/rules"
)

type planOptions struct {
	stdin       io.Reader
	dialect     string
	target      string
	format      string
	outDir      string
	failOn      string
	lockTimeout string
	typeChange  string
	verbose     bool
	usage       []string
	config      string
	rules       map[string]string
	hints       []pipeline.Hint
	rename      []string
	using       []string
	backfill    []string
	splitFrom   []string
	largeRows   int64
}

func (o *planOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.dialect, "dialect", "", "SQL dialect: postgres or mysql (detected when omitted)")
	f.StringVar(&o.target, "target", "", "MySQL server to plan for: mysql (8.0.29+) or mariadb (10.6+); default: statements both accept")
	f.StringVar(&o.format, "format", "text", "output format: text, sql, markdown or json")
	f.StringVar(&o.outDir, "out-dir", "", "also write one file per phase (01_expand.sql, 02_backfill.sql, 03_contract.sql) into `DIR`")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding has at least this severity: info, warning or error")
	f.StringVar(&o.lockTimeout, "lock-timeout", "5s", "lock_timeout (MySQL: lock_wait_timeout, whole seconds) set at the top of every phase")
	f.StringVar(&o.typeChange, "type-change", "shadow", "how a type change that rewrites the table is planned: shadow (a synced new column, swapped in during contract) or in-place (ALTER TYPE, flagged)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "also show informational notes and findings the plan handles")
	f.StringArrayVar(&o.usage, "usage", nil, "search `PATH` (file or directory of code, SQL, query logs) for uses of dropped columns and tables; repeatable")
	f.StringVar(&o.config, "config", "", "read settings from `FILE` (default: zdplan.yaml in the working directory, if any)")
	f.StringArrayVar(&o.rename, "rename", nil, "hint a rename: `OLD=NEW` for a table (users=people) or TABLE.OLD=NEW for a column (person.last_name=surname); repeatable")
	f.StringArrayVar(&o.using, "using", nil, "hint the conversion of a column: `TABLE.COLUMN=EXPR` over CURRENT's columns; repeatable")
	f.StringArrayVar(&o.backfill, "backfill", nil, "hint the value existing rows get: `TABLE.COLUMN=EXPR`; repeatable")
	f.StringArrayVar(&o.splitFrom, "split-from", nil, "hint a table split: `TABLE=SOURCE on COLUMN = SOURCE_COLUMN`; repeatable")
	f.Int64Var(&o.largeRows, "large-table-rows", rules.DefaultLargeTableRows, "with a live CURRENT: flag steps that read every row of a table estimated at `N` rows or more (ZD123)")
}

// flagHints turns the hint flags into pipeline hints.
func (o *planOptions) flagHints() ([]pipeline.Hint, error) {
	var out []pipeline.Hint
	for _, f := range []struct {
		flag, kind string
		vals       []string
	}{
		{"--rename", parser.HintRenamedFrom, o.rename},
		{"--using", parser.HintUsing, o.using},
		{"--backfill", parser.HintBackfill, o.backfill},
		{"--split-from", parser.HintSplitFrom, o.splitFrom},
	} {
		for _, v := range f.vals {
			target, arg, ok := strings.Cut(v, "=")
			if !ok || strings.TrimSpace(target) == "" || strings.TrimSpace(arg) == "" {
				return nil, fmt.Errorf("%s %q: want TARGET=VALUE", f.flag, v)
			}
			out = append(out, pipeline.Hint{Kind: f.kind, Target: strings.TrimSpace(target), Arg: strings.TrimSpace(arg), Source: f.flag})
		}
	}
	return out, nil
}

func readInput(name string, stdin io.Reader) (pipeline.Input, error) {
	if live.IsDSN(name) {
		return readLiveInput(name)
	}
	r := stdin
	if name == "-" {
		name = "<stdin>"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return pipeline.Input{}, fmt.Errorf("read %s: %w", name, err)
		}
		defer f.Close()
		r = f
	}
	// Read no more than one byte past the limit: enough to know.
	src, err := io.ReadAll(io.LimitReader(r, pipeline.MaxInputSize+1))
	if _, ok := errors.AsType[*fs.PathError](err); ok {
		return pipeline.Input{}, err // it names the file already
	}
	if err != nil {
		return pipeline.Input{}, fmt.Errorf("read %s: %w", name, err)
	}
	if len(src) > pipeline.MaxInputSize {
		return pipeline.Input{}, pipeline.TooLarge(name)
	}
	return pipeline.Input{Name: name, Src: src}, nil
}

func runPlan(cmd *cobra.Command, o *planOptions, currentPath, desiredPath string, lintOnly bool) error {
	w := cmd.OutOrStdout()
	path, explicit := o.config, o.config != ""
	if !explicit {
		path = defaultConfigFile
	}
	cfg, err := loadConfig(path, explicit)
	if err != nil {
		return usageError(err)
	}
	o.apply(cmd, cfg)
	failOn, err := rules.ParseSeverity(o.failOn)
	if err != nil {
		return usageError(err)
	}
	hints, err := o.flagHints()
	if err != nil {
		return usageError(err)
	}
	// Flags come after the file's hints, so that they win.
	hints = append(o.hints, hints...)
	switch o.format {
	case "text", "sql", "markdown", "json":
	default:
		return usageError(fmt.Errorf("unknown --format %q (want text, sql, markdown or json)", o.format))
	}
	if o.dialect != "" && o.dialect != "postgres" && o.dialect != "mysql" {
		return usageError(fmt.Errorf("unknown --dialect %q (want postgres or mysql)", o.dialect))
	}
	if o.target != "" && o.target != "mysql" && o.target != "mariadb" {
		return usageError(fmt.Errorf("unknown --target %q (want mysql or mariadb)", o.target))
	}
	if currentPath == "-" && desiredPath == "-" {
		return usageError(fmt.Errorf("only one of CURRENT and DESIRED can be read from standard input"))
	}
	current, err := readInput(currentPath, o.stdin)
	if err != nil {
		return usageError(err)
	}
	desired, err := readInput(desiredPath, o.stdin)
	if err != nil {
		return usageError(err)
	}
	if o.dialect == "" {
		// A live database says its dialect.
		o.dialect = cmp.Or(dialectOf(currentPath), dialectOf(desiredPath))
	}
	tableRows, err := liveTableRows(currentPath)
	if err != nil {
		return usageError(err)
	}
	res, err := pipeline.Run(current, desired, pipeline.Options{Dialect: o.dialect, Target: o.target, LockTimeout: o.lockTimeout, Usage: o.usage, Rules: o.rules, Hints: hints, TypeChange: o.typeChange, TableRows: tableRows, LargeTableRows: o.largeRows})
	if err != nil {
		return usageError(err)
	}
	if o.outDir != "" && !lintOnly {
		if _, err := report.WriteFiles(o.outDir, res); err != nil {
			return &exitError{code: 2, err: err}
		}
	}
	switch {
	case lintOnly && o.format == "text":
		err = lintText(w, res, o.verbose)
	case o.format == "json":
		err = report.JSON(w, res)
	case o.format == "sql":
		err = report.SQL(w, res)
	case o.format == "markdown":
		err = report.Markdown(w, res, failOn)
	default:
		err = report.Text(w, res, report.TextOptions{Verbose: o.verbose})
	}
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if len(report.Blocking(res.Findings, failOn)) > 0 {
		return &exitError{code: 1, err: errBlocking}
	}
	return nil
}

func lintText(w io.Writer, res *report.Result, verbose bool) error {
	var b strings.Builder
	n := 0
	for _, f := range res.Findings {
		if (f.Handled || f.Suppressed) && !verbose {
			continue
		}
		n++
		fmt.Fprintf(&b, "%s: %s %s [%s]: %s\n", f.Pos, f.Severity, f.Rule.ID, f.Rule.Name, f.Message)
	}
	for _, d := range res.Diagnostics {
		if verbose || d.Severity > parser.Info {
			fmt.Fprintf(&b, "%s\n", d)
		}
	}
	if n == 0 {
		b.WriteString("no findings\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
