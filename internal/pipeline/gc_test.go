package pipeline

import (
	"runtime/debug"
	"testing"
)

func TestConfigureGC(t *testing.T) {
	oldPercent := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	for _, c := range []struct {
		name             string
		gogc, gomemlimit string
		input            int
		wantPercent      int
		wantLimit        int64
	}{
		{"small input", "", "", 1 << 20, gcPercent, 256 << 20},
		{"10,000-table pair", "", "", 18 << 20, gcPercent, 256 << 20},
		{"largest input", "", "", 2 * MaxInputSize, gcPercent, 14 * 2 * MaxInputSize},
		{"GOGC set", "50", "", 1 << 20, 100, 256 << 20},
		{"GOMEMLIMIT set", "", "1GiB", 1 << 20, gcPercent, 1 << 40},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOGC", c.gogc)
			t.Setenv("GOMEMLIMIT", c.gomemlimit)
			// What the process had before; the environment is read only
			// at start, so these stand in for it.
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(1 << 40)
			ConfigureGC(c.input)
			if got := debug.SetGCPercent(100); got != c.wantPercent {
				t.Errorf("GC percent %d, want %d", got, c.wantPercent)
			}
			if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
				t.Errorf("memory limit %d MiB, want %d MiB", got>>20, c.wantLimit>>20)
			}
		})
	}
}
