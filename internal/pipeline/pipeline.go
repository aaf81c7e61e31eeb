// Package pipeline wires zdplan's stages together — parse both files,
// diff, run the rules, plan — so that the CLI and the tests run exactly the
// same thing.
package pipeline

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/parser"
	_ "github.com/zdplan/zdplan/parser/mysql"    // registers the dialect
	_ "github.com/zdplan/zdplan/parser/postgres" // registers the dialect
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/report"
	"github.com/zdplan/zdplan/rules"
	"github.com/zdplan/zdplan/schema"
	"github.com/zdplan/zdplan/usage"
)

// Input is one schema file.
type Input struct {
	Name string
	Src  []byte
}

// Options configure a run.
type Options struct {
	// Dialect is "postgres" or "mysql"; empty means detect.
	Dialect string
	// Target is the MySQL server to plan for: "mysql", "mariadb", or ""
	// for both (planner.Options.Target). Ignored for PostgreSQL.
	Target      string
	LockTimeout string
	// Usage lists files and directories of application code, SQL and
	// query logs to search for uses of dropped objects.
	Usage []string
	// Rules overrides rule severities (see rules.Config).
	Rules map[string]string
	// TypeChange is planner.TypeChangeShadow (default) or
	// planner.TypeChangeInPlace.
	TypeChange string
	// BatchSize is the rows per batch of backfills (planner.Options).
	BatchSize int
	// Hints are given on the command line or in zdplan.yaml, in addition
	// to those written in DESIRED.
	Hints []Hint
	// TableRows are estimated row counts by table name, when CURRENT is
	// a live database; tables from LargeTableRows rows on are large
	// (rules.Config).
	TableRows      map[string]int64
	LargeTableRows int64
}

// MaxInputSize is the largest schema file Run reads, in bytes. Parsing
// takes about 80 bytes of memory per byte of input (PostgreSQL's parse
// tree, then the model), so a file of 16 MiB, a schema of some 100,000
// tables, already takes over a gigabyte; a larger file is refused with a
// clear error rather than left to exhaust the machine.
const MaxInputSize = 16 << 20

// Run plans the change from current to desired. Input errors (syntax,
// unknown dialect) are returned as errors; the caller maps them to exit
// code 2.
func Run(current, desired Input, opts Options) (*report.Result, error) {
	for _, in := range []Input{current, desired} {
		if len(in.Src) > MaxInputSize {
			return nil, TooLarge(in.Name)
		}
	}
	name, detected := opts.Dialect, false
	if name == "" {
		name, detected = parser.Detect(current.Src, desired.Src), true
	}
	d, err := parser.Lookup(name)
	if err != nil {
		return nil, err
	}
	type parsed struct {
		err error
		res *parseResult
	}
	// The two files are independent: parse them concurrently.
	ch := make(chan parsed, 1)
	go func() {
		res, err := parse(d, current)
		ch <- parsed{err, res}
	}()
	to, err := parse(d, desired)
	from := <-ch
	if from.err != nil {
		return nil, wrongDialect(from.err, d, current, detected)
	}
	if err != nil {
		return nil, wrongDialect(err, d, desired, detected)
	}
	if isEmpty(to.schema) && !isEmpty(from.res.schema) {
		// Often a wrong path or a truncated file rather than the intent.
		to.diags = append(to.diags, parser.Diagnostic{
			Pos: schema.Pos{File: desired.Name, Line: 1, Col: 1}, Severity: parser.Warning,
			Message: "DESIRED defines nothing (the file is empty or only comments): the plan drops everything CURRENT has",
		})
	}
	if err := applyHints(d, from.res.schema, to.schema, opts.Hints); err != nil {
		return nil, err
	}
	if err := diff.CheckHints(from.res.schema, to.schema); err != nil {
		return nil, err
	}
	df := diff.Schemas(from.res.schema, to.schema)
	plan, err := planner.New(df, planner.Options{LockTimeout: opts.LockTimeout, Target: opts.Target, TypeChange: opts.TypeChange, BatchSize: opts.BatchSize})
	if err != nil {
		return nil, err
	}
	ix, err := usageIndex(df, opts.Usage, []string{current.Name, desired.Name})
	if err != nil {
		return nil, err
	}
	cfg := rules.Config{Usage: ix, Severities: opts.Rules, Target: opts.Target, TypeChange: opts.TypeChange, TableRows: opts.TableRows, LargeTableRows: opts.LargeTableRows}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	findings := rules.Run(df, cfg)
	rules.ScanSuppressions(map[string][]byte{current.Name: current.Src, desired.Name: desired.Src}).Apply(findings)
	var rows map[string]int64
	for _, c := range df.Changes {
		if t, _ := rules.ScannedTable(c); t != "" {
			if n, ok := opts.TableRows[t]; ok {
				if rows == nil {
					rows = map[string]int64{}
				}
				rows[t] = n
			}
		}
	}
	return &report.Result{
		TableRows: rows,
		Current:   current.Name, Desired: desired.Name, DialectDetected: detected,
		Plan: plan, Findings: findings,
		Diagnostics: append(from.res.diags, to.diags...),
	}, nil
}

// usageIndex searches the usage paths, and DESIRED's unmodelled
// statements (function bodies, triggers), for the tables and columns the
// diff drops.
func usageIndex(df *diff.Diff, paths, schemaFiles []string) (*usage.Index, error) {
	var wanted []string
	for _, c := range df.Changes {
		switch c := c.(type) {
		case diff.DropTable:
			wanted = append(wanted, c.Table.Name.Name)
		case diff.DropColumn:
			wanted = append(wanted, c.Table.Name.Name, c.Column.Name)
		}
	}
	if len(wanted) == 0 {
		return nil, nil
	}
	ix, err := usage.Search(paths, schemaFiles, wanted)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, w := range wanted {
		want[strings.ToLower(w)] = true
	}
	// What stays in DESIRED counts too: an unmodelled function or trigger,
	// a view, an index expression or a check that still names the object
	// would break, or block, the drop.
	for _, u := range df.To.Unsupported {
		ix.AddSource(u.Pos.File, int(u.Pos.Line), []byte(u.Key), want)
	}
	for _, v := range df.To.Views {
		ix.AddSource(v.Pos.File, int(v.Pos.Line), []byte(v.Query.SQL), want)
	}
	for _, i := range df.To.Indexes {
		for _, k := range i.Keys {
			if k.Expr != nil {
				ix.AddSource(i.Pos.File, int(i.Pos.Line), []byte(i.Table.Name+" "+k.Expr.SQL), want)
			}
		}
		if i.Where != nil {
			ix.AddSource(i.Pos.File, int(i.Pos.Line), []byte(i.Table.Name+" "+i.Where.SQL), want)
		}
	}
	return ix, nil
}

// TooLarge is the error for a file over MaxInputSize.
func TooLarge(name string) error {
	return fmt.Errorf("%s: file is larger than %d MiB, the most zdplan reads", name, MaxInputSize>>20)
}

// isEmpty reports whether a schema defines nothing at all.
func isEmpty(s *schema.Schema) bool {
	return len(s.Namespaces)+len(s.Tables)+len(s.Indexes)+len(s.Views)+len(s.Sequences)+len(s.Enums)+len(s.Unsupported) == 0
}

// wrongDialect adds to a syntax error of a file the dialect it does parse
// in, if another one reads it: PostgreSQL DDL given to --dialect mysql
// (or detected as MySQL) fails on its first PostgreSQL-only word, which
// does not say that the dialect is what is wrong.
func wrongDialect(err error, d parser.Dialect, in Input, detected bool) error {
	pe, ok := errors.AsType[*parser.Error](err)
	if !ok || !strings.HasPrefix(pe.Msg, "syntax error") {
		// Other errors (a table defined twice, a name too long) mean
		// the dialect read the file.
		return err
	}
	for _, name := range parser.Names() {
		other, _ := parser.Lookup(name)
		if name == d.Name() {
			continue
		}
		// The other dialect must model the whole file: one that merely
		// skips the offending statement as unsupported (a trigger with a
		// typo) proves nothing.
		if s, _, oerr := other.Parse(in.Name, in.Src); oerr == nil && len(s.Unsupported) == 0 && len(s.Tables)+len(s.Views) > 0 {
			how := "--dialect " + d.Name()
			if detected {
				how = "the detected dialect, " + d.Name()
			}
			return &parser.Error{Pos: pe.Pos, Msg: fmt.Sprintf("%s (the file parses as %s: is %s right?)", pe.Msg, name, how)}
		}
	}
	return err
}

type parseResult struct {
	schema *schema.Schema
	diags  []parser.Diagnostic
}

func parse(d parser.Dialect, in Input) (*parseResult, error) {
	s, diags, err := d.Parse(in.Name, in.Src)
	if err != nil {
		// A positioned error already names the file, first, as editors
		// and CI annotations expect.
		if _, ok := errors.AsType[*parser.Error](err); ok {
			return nil, err
		}
		return nil, fmt.Errorf("parse %s: %w", in.Name, err)
	}
	s.BuildIndex()
	return &parseResult{schema: s, diags: diags}, nil
}
