// Command zdcorpus runs zdplan over one dialect's part of the external
// schema-diff corpus on the local test server (see packages pgtest and
// mytest for the ZDPLAN_PG* and ZDPLAN_MYSQL_* settings) and prints how
// every case ended, with details for those that did not converge.
//
// Usage:
//
//	go run ./internal/corpus/cmd/zdcorpus [-dialect postgres|mysql] [-run REGEX] [-dir DIR] [-work DIR] [-j N] [-v]
//
// It exits with status 1 when a case failed, came out wrong, or planned
// steps for DESIRED against itself, unless the dialect's known-bugs list
// (known_wrong.txt, known_wrong_mysql.txt) has it, and with status 2 on a
// usage or setup error.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/zdplan/zdplan/internal/corpus"
)

func main() {
	os.Exit(run())
}

func run() int {
	var (
		dialect  = flag.String("dialect", "postgres", "corpus part and server: postgres or mysql")
		runRE    = flag.String("run", "", "run only cases whose name matches this regular expression")
		dir      = flag.String("dir", "", "directory of the dialect's cases (default: <corpus>/<dialect>, the corpus found above the working directory)")
		work     = flag.String("work", "", "keep the phase files under this directory (default: a temporary one, removed)")
		known    = flag.String("known", "", "known-bugs list (default: the dialect's compiled-in list, internal/corpus/known_wrong*.txt)")
		parallel = flag.Int("j", 4*runtime.GOMAXPROCS(0), "cases to run at once")
		verbose  = flag.Bool("v", false, "print every case as it finishes")
	)
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "zdcorpus: unexpected arguments:", strings.Join(flag.Args(), " "))
		return 2
	}
	if *dir == "" {
		root := corpus.FindDir(".")
		if root == "" {
			fmt.Fprintf(os.Stderr, "zdcorpus: no %s above the working directory; use -dir\n", corpus.DefaultDir)
			return 2
		}
		*dir = filepath.Join(root, *dialect)
	}
	var re *regexp.Regexp
	if *runRE != "" {
		var err error
		if re, err = regexp.Compile(*runRE); err != nil {
			fmt.Fprintln(os.Stderr, "zdcorpus: -run:", err)
			return 2
		}
	}
	var (
		kw  corpus.Known
		err error
	)
	if *known != "" {
		kw, err = corpus.LoadKnown(*known)
	} else {
		kw, _, err = corpus.KnownFor(*dialect)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "zdcorpus:", err)
		return 2
	}
	all, err := corpus.Load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zdcorpus:", err)
		return 2
	}
	cases := all
	if re != nil {
		cases = nil
		for _, c := range all {
			if re.MatchString(c.Name) {
				cases = append(cases, c)
			}
		}
	}
	target, err := corpus.Require(*dialect)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zdcorpus:", err)
		return 2
	}
	workDir := *work
	if workDir == "" {
		tmp, err := os.MkdirTemp("", "zdcorpus")
		if err != nil {
			fmt.Fprintln(os.Stderr, "zdcorpus:", err)
			return 2
		}
		defer os.RemoveAll(tmp)
		workDir = tmp
	}

	start := time.Now()
	outs := corpus.RunAll(target, cases, workDir, *parallel, func(done int, o corpus.Outcome) {
		if *verbose {
			fmt.Fprintf(os.Stderr, "[%d/%d] %s %s (%s)\n", done, len(cases), o.Case, o.Category, o.Elapsed.Round(time.Millisecond))
		}
	})
	fmt.Print(corpus.Report(outs, kw))
	fmt.Printf("\nper topic:\n%s", corpus.ByTopic(cases, outs))
	fmt.Printf("\n%d case(s) from %s in %s\n", len(cases), *dir, time.Since(start).Round(time.Second))

	// Unlike the test, a partial run (-run) cannot tell whether a listed
	// case still exists elsewhere, so only the cases run are checked.
	var ran []corpus.Case
	if re != nil {
		ran = cases
		for name := range kw {
			if !re.MatchString(name) {
				delete(kw, name)
			}
		}
	} else {
		ran = all
	}
	if problems := corpus.Check(outs, ran, kw); len(problems) > 0 {
		fmt.Printf("\n%d problem(s):\n%s\n", len(problems), strings.Join(problems, "\n"))
		return 1
	}
	return 0
}
