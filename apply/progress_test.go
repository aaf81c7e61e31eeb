package apply

import (
	"bytes"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	for _, tc := range []struct {
		name     string
		terminal bool
		total    int64
		done     int64
		elapsed  time.Duration
		want     string
	}{
		{"plain with estimate", false, 1000, 250, time.Second, "   fill: 250/~1000 rows (25%), 250 rows/s, ETA 3s, elapsed 1s"},
		{"plain without estimate", false, -1, 250, time.Second, "   fill: 250 rows, 250 rows/s, elapsed 1s"},
		{"estimate exceeded", false, 100, 250, 2 * time.Second, "   fill: 250/~250 rows (100%), 125 rows/s, elapsed 2s"},
		{"bar", true, 1000, 500, time.Second, "[===============               ] 500/~1000 rows (50%), 500 rows/s, ETA 1s, elapsed 1s"},
		{"nothing yet", false, 1000, 0, 0, "   fill: 0/~1000 rows (0%), elapsed 0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProgress(&bytes.Buffer{}, tc.terminal, "fill", tc.total)
			p.done = tc.done
			if got := p.line(tc.elapsed); got != tc.want {
				t.Errorf("line() =\n  %q, want\n  %q", got, tc.want)
			}
		})
	}
}

func TestProgressTerminalRedraws(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, true, "fill", 10)
	p.done = 10
	p.finish()
	if got := b.String(); got[:4] != "\r\x1b[K" || got[len(got)-1] != '\n' {
		t.Errorf("terminal output %q: want a redraw in place and a final newline", got)
	}
}
