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
// resident memory (getrusage ru_maxrss) is its own. The measurements run
// in -runs rounds of each, interleaved; the table gives the median wall
// time and the largest peak memory, and the medians of each round's
// ratios: pipeline to bare parse, and the pipeline's time to its time at
// the previous size. The pipeline runs with the collector settings of the
// zdplan command (pipeline.ConfigureGC), the bare parse with the runtime's
// defaults; GOGC and GOMEMLIMIT in the environment override both.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
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
		runs     = flag.Int("runs", 3, "rounds of every measurement, interleaved; the median wall time counts")
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
	if runs < 1 {
		return fmt.Errorf("-runs: %d is not a positive number", runs)
	}
	// The machine's speed drifts by several percent over minutes: taking
	// every measurement once per round spreads the drift over all of them
	// instead of favouring whichever ran in a fast minute.
	type key struct {
		mode, dialect string
		tables        int
	}
	samples := map[key][]sample{}
	for range runs {
		for _, d := range dialects {
			for _, n := range ns {
				for _, mode := range []string{"bare", "pipeline"} {
					s, err := measure(mode, d, n)
					if err != nil {
						return err
					}
					k := key{mode, d, n}
					samples[k] = append(samples[k], s)
				}
			}
		}
	}
	fmt.Printf("| dialect | tables | input (both files) | bare parse | pipeline | pipeline / bare parse | pipeline time / previous size's | peak memory (bare parse / pipeline) |\n")
	fmt.Printf("|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, d := range dialects {
		for i, n := range ns {
			size := len(schemagen.Schema(d, n, false)) + len(schemagen.Schema(d, n, true))
			bare, bareRSS := summarize(samples[key{"bare", d, n}])
			full, fullRSS := summarize(samples[key{"pipeline", d, n}])
			growth := ""
			if i > 0 {
				growth = fmt.Sprintf("%.1f×", medianRatio(samples[key{"pipeline", d, n}], samples[key{"pipeline", d, ns[i-1]}]))
			}
			fmt.Printf("| %s | %d | %.1f MB | %s | %s | %.2f× | %s | %d MB / %d MB |\n", d, n, float64(size)/1e6,
				round(bare), round(full), medianRatio(samples[key{"pipeline", d, n}], samples[key{"bare", d, n}]), growth, bareRSS>>20, fullRSS>>20)
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

// sample is one measurement: its wall time and the child's peak resident
// memory in bytes.
type sample struct {
	wall time.Duration
	rss  int64
}

// summarize returns the median wall time (the lower middle one of an even
// count) and the largest peak memory.
func summarize(ss []sample) (time.Duration, int64) {
	walls := make([]time.Duration, len(ss))
	var peak int64
	for i, s := range ss {
		walls[i] = s.wall
		peak = max(peak, s.rss)
	}
	slices.Sort(walls)
	return walls[(len(walls)-1)/2], peak
}

// medianRatio returns the median over the rounds of the ratio of one
// round's measurement in num to the same round's in den. The two ran
// seconds apart, so a change in the machine's speed over minutes, which
// the medians of the times alone still show, cancels out of the ratio.
func medianRatio(num, den []sample) float64 {
	var rs []float64
	for i := range min(len(num), len(den)) {
		rs = append(rs, float64(num[i].wall)/float64(den[i].wall))
	}
	if len(rs) == 0 {
		return 0
	}
	slices.Sort(rs)
	return rs[(len(rs)-1)/2]
}

// measure runs one measurement in a child process.
func measure(mode, dialect string, n int) (sample, error) {
	self, err := os.Executable()
	if err != nil {
		return sample{}, err
	}
	cmd := exec.Command(self, "-one", fmt.Sprintf("%s:%s:%d", mode, dialect, n))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return sample{}, fmt.Errorf("%s %s %d: %w", mode, dialect, n, err)
	}
	wall, err := time.ParseDuration(strings.TrimSpace(string(out)))
	if err != nil {
		return sample{}, fmt.Errorf("%s %s %d: child printed %q", mode, dialect, n, out)
	}
	s := sample{wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return s, nil
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
