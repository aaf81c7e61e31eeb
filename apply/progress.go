package apply

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress reports a backfill's rows done against the server's estimate,
// with rate and time left: a bar redrawn in place on a terminal, a line
// every few seconds anywhere else (logs, CI).
type progress struct {
	w        io.Writer
	terminal bool
	what     string
	total    int64
	start    time.Time
	last     time.Time
	done     int64
}

func newProgress(w io.Writer, terminal bool, what string, total int64) *progress {
	now := time.Now()
	return &progress{w: w, terminal: terminal, what: what, total: total, start: now, last: now}
}

func (p *progress) update(done int64) {
	p.done = done
	every := 5 * time.Second
	if p.terminal {
		every = 100 * time.Millisecond
	}
	if time.Since(p.last) < every {
		return
	}
	p.last = time.Now()
	p.draw()
}

func (p *progress) finish() {
	p.draw()
	if p.terminal {
		fmt.Fprintln(p.w)
	}
}

func (p *progress) draw() {
	line := p.line(time.Since(p.start))
	if p.terminal {
		fmt.Fprintf(p.w, "\r\x1b[K%s", line)
		return
	}
	fmt.Fprintln(p.w, line)
}

// line renders the state after elapsed.
func (p *progress) line(elapsed time.Duration) string {
	var b strings.Builder
	total := p.total
	if total >= 0 && p.done > total {
		// The estimate is only an estimate.
		total = p.done
	}
	if p.terminal && total > 0 {
		const width = 30
		n := int(float64(width) * float64(p.done) / float64(total))
		b.WriteString("[" + strings.Repeat("=", n) + strings.Repeat(" ", width-n) + "] ")
	}
	if total > 0 {
		fmt.Fprintf(&b, "%d/~%d rows (%d%%)", p.done, total, p.done*100/total)
	} else {
		fmt.Fprintf(&b, "%d rows", p.done)
	}
	if secs := elapsed.Seconds(); secs > 0 && p.done > 0 {
		rate := float64(p.done) / secs
		fmt.Fprintf(&b, ", %.0f rows/s", rate)
		if total > p.done {
			eta := time.Duration(float64(total-p.done) / rate * float64(time.Second))
			fmt.Fprintf(&b, ", ETA %s", eta.Round(time.Second))
		}
	}
	b.WriteString(", elapsed " + elapsed.Round(time.Millisecond).String())
	if !p.terminal {
		return "   " + p.what + ": " + b.String()
	}
	return b.String()
}
