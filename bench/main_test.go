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
