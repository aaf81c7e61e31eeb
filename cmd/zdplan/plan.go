package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/live"
	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/report"
	"github.com/zdplan/zdplan/rules"
)

type planOptions struct {
	stdin         io.Reader
	dialect       string
	target        string
	format        string
	outDir        string
	failOn        string
	lockTimeout   string
	typeChange    string
	verbose       bool
	usage         []string
	config        string
	rules         map[string]string
	hints         []pipeline.Hint
	rename        []string
	using         []string
	backfill      []string
	splitFrom     []string
	layout        string
	versionStart  int
	migrationName string
	batchSize     int
	color         string
	gitBase       string
	largeRows     int64
}

func (o *planOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.dialect, "dialect", "", "SQL dialect: postgres or mysql (detected when omitted)")
	f.StringVar(&o.target, "target", "", "MySQL server to plan for: mysql (8.0.29+) or mariadb (10.6+); default: statements both accept")
	f.StringVar(&o.format, "format", "text", "output format: text, sql, markdown, json or sarif")
	f.StringVar(&o.outDir, "out-dir", "", "also write one file per phase (01_expand.sql, 02_backfill.sql, 03_contract.sql) into `DIR`")
	f.StringVar(&o.layout, "layout", report.LayoutPhases, "file layout of --out-dir: phases (01_expand.sql ...), flyway (V<n>__<phase>.sql), golang-migrate (<n>_<phase>.up.sql/.down.sql) or pre-post (pre/, post/)")
	f.IntVar(&o.versionStart, "version-start", 1, "version `N` of the first flyway / golang-migrate file, to continue a project's numbering")
	f.StringVar(&o.migrationName, "migration-name", "", "`NAME` in flyway / golang-migrate file names, before the phase (V7__NAME_expand.sql)")
	f.IntVar(&o.batchSize, "batch-size", 0, "`N` rows per backfill batch, set at the top of every phase file (default: 5000, changeable at run time)")
	f.StringVar(&o.color, "color", "auto", "colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never")
	f.StringVar(&o.gitBase, "git-base", "", "compare each FILE with its version at git revision `REV` (CURRENT) instead of taking two files; a file not in REV is new")
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
// configure reads zdplan.yaml (or --config) into the options that no flag
// set, and returns the hints of the file and of the flags, the flags' last
// so that they win.
func (o *planOptions) configure(cmd *cobra.Command) ([]pipeline.Hint, error) {
	path, explicit := o.config, o.config != ""
	if !explicit {
		path = defaultConfigFile
	}
	cfg, err := loadConfig(path, explicit)
	if err != nil {
		return nil, err
	}
	o.apply(cmd, cfg)
	hints, err := o.flagHints()
	if err != nil {
		return nil, err
	}
	return append(o.hints, hints...), nil
}

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

// runPlan checks the options, then plans each pair of inputs: the two
// files given, or with --git-base each file against its version at REV.
func runPlan(cmd *cobra.Command, o *planOptions, args []string, lintOnly bool) error {
	hints, err := o.configure(cmd)
	if err != nil {
		return usageError(err)
	}
	failOn, err := rules.ParseSeverity(o.failOn)
	if err != nil {
		return usageError(err)
	}
	switch o.format {
	case "text", "sql", "markdown", "json", "sarif":
	default:
		return usageError(fmt.Errorf("unknown --format %q (want text, sql, markdown, json or sarif)", o.format))
	}
	if o.dialect != "" && o.dialect != "postgres" && o.dialect != "mysql" {
		return usageError(fmt.Errorf("unknown --dialect %q (want postgres or mysql)", o.dialect))
	}
	if o.target != "" && o.target != "mysql" && o.target != "mariadb" {
		return usageError(fmt.Errorf("unknown --target %q (want mysql or mariadb)", o.target))
	}
	if !slices.Contains(report.Layouts, o.layout) {
		return usageError(fmt.Errorf("unknown --layout %q (want %s)", o.layout, strings.Join(report.Layouts, ", ")))
	}
	if o.versionStart < 1 {
		return usageError(fmt.Errorf("--version-start %d: want a positive number", o.versionStart))
	}
	if o.batchSize < 0 {
		return usageError(fmt.Errorf("--batch-size %d: want a positive number", o.batchSize))
	}
	color, err := useColor(o.color, cmd.OutOrStdout())
	if err != nil {
		return usageError(err)
	}
	pairs, err := o.inputs(args)
	if err != nil {
		return usageError(err)
	}
	if len(pairs) > 1 {
		// One document each, or one set of phase files.
		switch {
		case o.format == "json" || o.format == "sarif":
			return usageError(fmt.Errorf("--format %s takes one file at a time", o.format))
		case o.outDir != "":
			return usageError(fmt.Errorf("--out-dir takes one file at a time"))
		}
	}
	popts := pipeline.Options{Dialect: o.dialect, Target: o.target, LockTimeout: o.lockTimeout, Usage: o.usage, Rules: o.rules, Hints: hints, TypeChange: o.typeChange, BatchSize: o.batchSize, LargeTableRows: o.largeRows}
	if o.gitBase == "" {
		if popts.Dialect == "" {
			// A live database says its dialect.
			popts.Dialect = cmp.Or(dialectOf(args[0]), dialectOf(args[1]))
		}
		if popts.TableRows, err = liveTableRows(args[0]); err != nil {
			return usageError(err)
		}
	}
	blocking := false
	for _, p := range pairs {
		b, err := o.planOne(cmd, p, popts, failOn, lintOnly, color)
		if err != nil {
			return err
		}
		blocking = blocking || b
	}
	if blocking {
		return &exitError{code: 1, err: errBlocking}
	}
	return nil
}

// pair reads one CURRENT and DESIRED to plan.
type pair func() (current, desired pipeline.Input, err error)

// inputs turns the arguments into pairs: CURRENT DESIRED, or with
// --git-base one pair per FILE.
func (o *planOptions) inputs(args []string) ([]pair, error) {
	if o.gitBase == "" {
		if len(args) != 2 {
			return nil, fmt.Errorf("accepts 2 arg(s), received %d (or give --git-base REV and schema files)", len(args))
		}
		if args[0] == "-" && args[1] == "-" {
			return nil, fmt.Errorf("only one of CURRENT and DESIRED can be read from standard input")
		}
		return []pair{func() (pipeline.Input, pipeline.Input, error) {
			current, err := readInput(args[0], o.stdin)
			if err != nil {
				return current, pipeline.Input{}, err
			}
			desired, err := readInput(args[1], o.stdin)
			return current, desired, err
		}}, nil
	}
	if len(args) == 0 {
		return nil, fmt.Errorf("--git-base needs at least one FILE")
	}
	var out []pair
	for _, file := range args {
		if file == "-" {
			return nil, fmt.Errorf("--git-base compares files: standard input has no git history")
		}
		out = append(out, func() (pipeline.Input, pipeline.Input, error) {
			desired, err := readInput(file, nil)
			if err != nil {
				return pipeline.Input{}, desired, err
			}
			current, err := gitInput(o.gitBase, file)
			return current, desired, err
		})
	}
	return out, nil
}

// planOne plans one pair of inputs and writes its report; it returns whether a
// finding blocks.
func (o *planOptions) planOne(cmd *cobra.Command, p pair, popts pipeline.Options, failOn rules.Severity, lintOnly, color bool) (bool, error) {
	w := cmd.OutOrStdout()
	current, desired, err := p()
	if err != nil {
		return false, usageError(err)
	}
	res, err := pipeline.Run(current, desired, popts)
	if err != nil {
		return false, usageError(err)
	}
	if o.outDir != "" && !lintOnly {
		if err := os.MkdirAll(o.outDir, 0o755); err != nil {
			return false, &exitError{code: 2, err: err}
		}
		_, notes, err := report.WriteLayout(o.outDir, res, report.FileOptions{Layout: o.layout, VersionStart: o.versionStart, Name: o.migrationName})
		if err != nil {
			return false, &exitError{code: 2, err: err}
		}
		for _, n := range notes {
			fmt.Fprintln(cmd.ErrOrStderr(), "zdplan: note:", n)
		}
	}
	topts := report.TextOptions{Verbose: o.verbose, Color: color}
	switch {
	case lintOnly && o.format == "text":
		err = report.Lint(w, res, topts)
	case o.format == "json":
		err = report.JSON(w, res)
	case o.format == "sarif":
		err = report.SARIF(w, res)
	case o.format == "sql":
		err = report.SQL(w, res)
	case o.format == "markdown":
		err = report.Markdown(w, res, failOn)
	default:
		err = report.Text(w, res, topts)
	}
	if err != nil {
		return false, &exitError{code: 2, err: err}
	}
	return len(report.Blocking(res.Findings, failOn)) > 0, nil
}

// useColor decides whether the text output is coloured: --color always or
// never; auto colours a terminal unless NO_COLOR (https://no-color.org)
// is set or TERM is dumb.
func useColor(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		f, ok := w.(*os.File)
		return ok && term.IsTerminal(int(f.Fd())), nil
	}
	return false, fmt.Errorf("unknown --color %q (want auto, always or never)", mode)
}
