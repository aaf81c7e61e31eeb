package main

import (
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	for _, c := range []struct {
		walls    []time.Duration
		rss      []int64
		wantWall time.Duration
		wantRSS  int64
	}{
		{[]time.Duration{3, 1, 2}, []int64{5, 9, 7}, 2, 9},
		{[]time.Duration{4, 1, 3, 2}, []int64{1, 1, 1, 2}, 2, 2}, // the lower middle of an even count
		{[]time.Duration{7}, []int64{3}, 7, 3},
	} {
		var ss []sample
		for i := range c.walls {
			ss = append(ss, sample{c.walls[i], c.rss[i]})
		}
		if wall, rss := summarize(ss); wall != c.wantWall || rss != c.wantRSS {
			t.Errorf("summarize(%v) = %v, %d; want %v, %d", ss, wall, rss, c.wantWall, c.wantRSS)
		}
	}
}

func TestMedianRatio(t *testing.T) {
	at := func(walls ...time.Duration) []sample {
		var ss []sample
		for _, w := range walls {
			ss = append(ss, sample{wall: w})
		}
		return ss
	}
	// Round by round, not the ratio of the medians (20/10 = 2).
	if got := medianRatio(at(10, 30, 20), at(10, 10, 20)); got != 1 {
		t.Errorf("medianRatio = %v, want the median of 1, 3 and 1", got)
	}
	if got := medianRatio(at(9, 1, 3, 5), at(1, 1, 1, 1)); got != 3 {
		t.Errorf("medianRatio of an even count = %v, want the lower middle, 3", got)
	}
	if got := medianRatio(nil, nil); got != 0 {
		t.Errorf("medianRatio of nothing = %v, want 0", got)
	}
}
