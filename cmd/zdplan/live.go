package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/live"
)

// connectTimeout bounds connecting and reading a live schema, so that an
// unreachable server is an error rather than a hang.
const connectTimeout = 60 * time.Second

// readLive reads the schema of the database a DSN names, as a pipeline
// input named by the DSN without its password.
func readLive(ctx context.Context, dsn string) (pipeline.Input, *live.DB, error) {
	d, err := live.ParseDSN(dsn)
	if err != nil {
		return pipeline.Input{}, nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	db, err := live.Open(ctx, d)
	if err != nil {
		return pipeline.Input{}, nil, err
	}
	src, err := db.Schema(ctx)
	if err != nil {
		db.Close()
		return pipeline.Input{}, nil, err
	}
	return pipeline.Input{Name: d.String(), Src: src}, db, nil
}

// readLiveInput is readLive for a plan argument: the connection is not
// needed afterwards.
func readLiveInput(dsn string) (pipeline.Input, error) {
	in, db, err := readLive(context.Background(), dsn)
	if err != nil {
		return in, err
	}
	db.Close()
	return in, nil
}

// liveTableRows is the live database's row estimates when CURRENT is one,
// for the size-aware rule (ZD123); nil for a file.
func liveTableRows(current string) (map[string]int64, error) {
	if !live.IsDSN(current) {
		return nil, nil
	}
	d, err := live.ParseDSN(current)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	db, err := live.Open(ctx, d)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.TableRows(ctx)
}

// dialectOf is the dialect a DSN names, or "" for a file.
func dialectOf(arg string) string {
	if !live.IsDSN(arg) {
		return ""
	}
	d, err := live.ParseDSN(arg)
	if err != nil {
		return ""
	}
	return d.Dialect
}

// printDrift lists the differences: what would turn the live schema into
// CURRENT, with where CURRENT declares it.
func printDrift(w io.Writer, liveName, currentName string, changes []diff.Change) {
	fmt.Fprintf(w, "%s differs from %s (%d differences); turning it into %s would take:\n", liveName, currentName, len(changes), currentName)
	for _, c := range changes {
		line := "  " + c.Kind()
		if o := c.Object(); o != "" {
			line += " " + o
		}
		if u, ok := c.(diff.Unsupported); ok {
			line += " (" + u.What + ")"
		}
		if p := c.Pos(); p.File != "" && p.File != liveName {
			line += "  at " + p.String()
		}
		fmt.Fprintln(w, line)
	}
}

// isTerminal reports whether w is a terminal, for progress bars.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return term.IsTerminal(int(f.Fd())) && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}
