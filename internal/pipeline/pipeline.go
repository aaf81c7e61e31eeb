// Package pipeline wires zdplan's stages together — parse both files,
// diff, run the rules, plan — so that the CLI and the tests run exactly the
// same thing.
package pipeline

import (
	"errors"
	"fmt"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/parser"
	_ "github.com/zdplan/zdplan/parser/postgres" // registers the dialect
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/report"
	"github.com/zdplan/zdplan/rules"
	"github.com/zdplan/zdplan/schema"
)

// Input is one schema file.
type Input struct {
	Name string
	Src  []byte
}

// Options configure a run.
type Options struct {
	// Dialect is "postgres" or "mysql"; empty means detect.
	Dialect     string
	LockTimeout string
}

// Run plans the change from current to desired. Input errors (syntax,
// unknown dialect) are returned as errors; the caller maps them to exit
// code 2.
func Run(current, desired Input, opts Options) (*report.Result, error) {
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
		return nil, from.err
	}
	if err != nil {
		return nil, err
	}
	df := diff.Schemas(from.res.schema, to.schema)
	plan, err := planner.New(df, planner.Options{LockTimeout: opts.LockTimeout})
	if err != nil {
		return nil, err
	}
	return &report.Result{
		Current: current.Name, Desired: desired.Name, DialectDetected: detected,
		Plan: plan, Findings: rules.Run(df),
		Diagnostics: append(from.res.diags, to.diags...),
	}, nil
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
	return &parseResult{schema: s, diags: diags}, nil
}
