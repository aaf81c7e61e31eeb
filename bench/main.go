// Command bench measures zdplan's planning speed and memory on generated
// schemas (internal/schemagen) of 100, 1,000 and 10,000 tables in both
// dialects, and prints one table: input size, wall time and peak memory of
// the bare parse of both files by the parser library alone, and of the
// whole pipeline (parse both files, diff, rules, plan), with the ratio of
// the two.
//
// Usage:
//
//	go run ./bench [-sizes 100,1000,10000] [-dialects postgres,mysql] [-runs 3]
//
// Every measurement runs in a fresh child process, so that its peak
// resident memory (getrusage ru_maxrss) is its own; the wall time is the
// best of -runs runs. The pipeline runs with the collector settings of the
// zdplan command (pipeline.ConfigureGC), the bare parse with the runtime's
// defaults; GOGC and GOMEMLIMIT in the environment override both.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/internal/schemagen"
)

func main() {
	var (
		sizes    = flag.String("sizes", "100,1000,10000", "table counts, comma-separated")
		dialects = flag.String("dialects", "postgres,mysql", "dialects, comma-separated")
		runs     = flag.Int("runs", 3, "runs per measurement; the best wall time counts")
		one      = flag.String("one", "", "internal: run one measurement, MODE:DIALECT:TABLES")
	)
	flag.Parse()
	if *one != "" {
		if err := measureOne(*one); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(strings.Split(*dialects, ","), *sizes, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}

func run(dialects []string, sizes string, runs int) error {
	var ns []int
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a positive number", s)
		}
		ns = append(ns, n)
	}
	fmt.Printf("| dialect | tables | input (both files) | bare parse | pipeline | pipeline / bare parse | peak memory (bare parse / pipeline) |\n")
	fmt.Printf("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, d := range dialects {
		for _, n := range ns {
			size := len(schemagen.Schema(d, n, false)) + len(schemagen.Schema(d, n, true))
			bare, bareRSS, err := best("bare", d, n, runs)
			if err != nil {
				return err
			}
			full, fullRSS, err := best("pipeline", d, n, runs)
			if err != nil {
				return err
			}
			fmt.Printf("| %s | %d | %.1f MB | %s | %s | %.2f× | %d MB / %d MB |\n", d, n, float64(size)/1e6,
				round(bare), round(full), float64(full)/float64(bare), bareRSS>>20, fullRSS>>20)
		}
	}
	return nil
}

func round(d time.Duration) string {
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(10 * time.Millisecond).String()
}

// best runs one measurement runs times in child processes and returns the
// shortest wall time and the largest peak memory.
func best(mode, dialect string, n, runs int) (time.Duration, int64, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, 0, err
	}
	var bestWall time.Duration
	var peak int64
	for range runs {
		cmd := exec.Command(self, "-one", fmt.Sprintf("%s:%s:%d", mode, dialect, n))
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			return 0, 0, fmt.Errorf("%s %s %d: %w", mode, dialect, n, err)
		}
		wall, err := time.ParseDuration(strings.TrimSpace(string(out)))
		if err != nil {
			return 0, 0, fmt.Errorf("%s %s %d: child printed %q", mode, dialect, n, out)
		}
		if bestWall == 0 || wall < bestWall {
			bestWall = wall
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss*1024) // kilobytes on Linux
		}
	}
	return bestWall, peak, nil
}

// measureOne generates the pair, then times only the work itself and
// prints the wall time.
func measureOne(spec string) error {
	parts := strings.Split(spec, ":")
	if len(parts) != 3 {
		return fmt.Errorf("-one %q: want MODE:DIALECT:TABLES", spec)
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil {
		return err
	}
	mode, d := parts[0], parts[1]
	cur, des := schemagen.Schema(d, n, false), schemagen.Schema(d, n, true)
	start := time.Now()
	switch mode {
	case "bare":
		for _, src := range [][]byte{cur, des} {
			if err := pipeline.BareParse(d, src); err != nil {
				return err
			}
		}
	case "pipeline":
		// As the command does (cmd/zdplan).
		pipeline.ConfigureGC()
		res, err := pipeline.Run(pipeline.Input{Name: "current.sql", Src: cur}, pipeline.Input{Name: "desired.sql", Src: des}, pipeline.Options{Dialect: d})
		if err != nil {
			return err
		}
		if res.Plan.Empty() {
			return fmt.Errorf("empty plan")
		}
	default:
		return fmt.Errorf("-one %q: unknown mode %q", spec, mode)
	}
	fmt.Println(time.Since(start))
	return nil
}
