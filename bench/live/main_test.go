package main

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestStatsWindow checks that the baseline and the migration's window
// split the statements by when they started: each statement counts in
// exactly one, with its failure and in its kind's p99.
func TestStatsWindow(t *testing.T) {
	t0 := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	t1 := t0.Add(5 * time.Second)
	end := t1.Add(3 * time.Second)
	l := &load{}
	add := func(k kind, start time.Time, ms int, err string) {
		l.done = append(l.done, statement{kind: k, start: start, latency: time.Duration(ms) * time.Millisecond, err: err})
	}
	add(insert, t0.Add(-time.Millisecond), 900, "") // warm-up: neither
	add(pointRead, t0, 1, "")
	for i := range 98 {
		add(pointRead, t0.Add(time.Duration(i+1)*time.Millisecond), 2, "")
	}
	add(update, t1.Add(-time.Nanosecond), 3, "") // started before the migration, however long it took
	add(insert, t1, 40, "ERROR: column \"note\" does not exist")
	add(update, t1.Add(time.Second), 5, "")
	add(pointRead, t1.Add(2*time.Second), 6, "")
	add(pointRead, end, 7, "") // after the window

	opt := cmp.AllowUnexported(stats{})
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	before := l.stats(t0, t1)
	want := stats{n: 100, p50: ms(2), p99: ms(3), max: ms(3), kindP99: [kinds]time.Duration{0, ms(3), ms(2)}, errs: map[string]int{}}
	if !cmp.Equal(before, want, opt) {
		t.Errorf("baseline: %s", cmp.Diff(want, before, opt))
	}
	during := l.stats(t1, end)
	want = stats{n: 3, failed: 1, p50: ms(6), p99: ms(40), max: ms(40), kindP99: [kinds]time.Duration{ms(40), ms(5), ms(6)},
		errs: map[string]int{"ERROR: column \"note\" does not exist": 1}}
	if !cmp.Equal(during, want, opt) {
		t.Errorf("migration: %s", cmp.Diff(want, during, opt))
	}
}
