package main

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestStatsWindow checks that the baseline and the migration's window
// split the statements by when they started: each statement counts in
// exactly one, and its failure with it.
func TestStatsWindow(t *testing.T) {
	t0 := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	t1 := t0.Add(5 * time.Second)
	end := t1.Add(3 * time.Second)
	l := &load{}
	add := func(start time.Time, ms int, err string) {
		l.done = append(l.done, statement{start: start, latency: time.Duration(ms) * time.Millisecond, err: err})
	}
	add(t0.Add(-time.Millisecond), 900, "") // warm-up: neither
	add(t0, 1, "")
	for i := range 98 {
		add(t0.Add(time.Duration(i+1)*time.Millisecond), 2, "")
	}
	add(t1.Add(-time.Nanosecond), 3, "") // started before the migration, however long it took
	add(t1, 40, "ERROR: column \"note\" does not exist")
	add(t1.Add(time.Second), 5, "")
	add(t1.Add(2*time.Second), 6, "")
	add(end, 7, "") // after the window

	opt := cmp.AllowUnexported(stats{})
	before := l.stats(t0, t1)
	if want := (stats{n: 100, p50: 2 * time.Millisecond, p99: 3 * time.Millisecond, max: 3 * time.Millisecond, errs: map[string]int{}}); !cmp.Equal(before, want, opt) {
		t.Errorf("baseline: %s", cmp.Diff(want, before, opt))
	}
	during := l.stats(t1, end)
	want := stats{n: 3, failed: 1, p50: 6 * time.Millisecond, p99: 40 * time.Millisecond, max: 40 * time.Millisecond,
		errs: map[string]int{"ERROR: column \"note\" does not exist": 1}}
	if !cmp.Equal(during, want, opt) {
		t.Errorf("migration: %s", cmp.Diff(want, during, opt))
	}
}
