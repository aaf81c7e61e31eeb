package pipeline

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimitFor(t *testing.T) {
	for _, c := range []struct{ live, want int64 }{
		{0, 240 << 20},
		{180 << 20, 240 << 20},
		{188 << 20, 240 << 20},
		{200 << 20, 288 << 20},
		{250 << 20, 488 << 20},
		{300 << 20, 664 << 20},
		{1000 << 20, 2064 << 20},
	} {
		if got := limitFor(c.live); got != c.want {
			t.Errorf("limitFor(%d MiB) = %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// TestConfigureGC checks the settings, that the environment's win, and
// that the limit follows a live heap past 160 MiB.
func TestConfigureGC(t *testing.T) {
	oldPercent := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	for _, c := range []struct {
		name, gogc, gomemlimit string
		wantPercent            int
		wantLimit              int64
	}{
		{"defaults", "", "", gcPercent, minMemoryLimit},
		{"GOGC set", "50", "", 100, minMemoryLimit},
		{"GOMEMLIMIT set", "", "1GiB", gcPercent, 1 << 40},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOGC", c.gogc)
			t.Setenv("GOMEMLIMIT", c.gomemlimit)
			// The runtime reads the environment only at start: these
			// stand in for what it would have set.
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(1 << 40)
			stop := ConfigureGC()
			defer stop()
			if got := debug.SetGCPercent(100); got != c.wantPercent {
				t.Errorf("GC percent %d, want %d", got, c.wantPercent)
			}
			if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
				t.Errorf("memory limit %d MiB, want %d MiB", got>>20, c.wantLimit>>20)
			}
		})
	}

	t.Run("follows the live heap", func(t *testing.T) {
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		stop := ConfigureGC()
		defer stop()
		live := make([][]byte, 240)
		for i := range live {
			live[i] = make([]byte, 1<<20)
		}
		deadline := time.Now().Add(5 * time.Second)
		for debug.SetMemoryLimit(-1) < 320<<20 {
			if time.Now().After(deadline) {
				t.Fatalf("memory limit %d MiB with 240 MiB live, want at least 320 MiB", debug.SetMemoryLimit(-1)>>20)
			}
			runtime.GC()
			time.Sleep(10 * time.Millisecond)
		}
		runtime.KeepAlive(live)
	})
}
