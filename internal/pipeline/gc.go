package pipeline

import (
	"os"
	"runtime/debug"
)

// The collector settings for one run of the command (see ConfigureGC).
const (
	// gcPercent lets the heap grow to three times what survived the last
	// collection before the next one, instead of the default two: a plan
	// is a short burst of allocation, and on two cores the collector
	// competes with the two files' parses for the CPU.
	gcPercent = 200
	// minMemoryLimit is where the collector starts to work harder rather
	// than let the heap grow further.
	minMemoryLimit = 256 << 20
	// modelPerInputByte bounds the live heap per byte of SQL read: about
	// 11 (PostgreSQL) and 9 (MySQL) on the generated benchmark schemas,
	// measured after planning, with both files, their models and the plan
	// live. The limit
	// stays above it, so the collector never has to fit a model into less
	// memory than it needs, which would make it run continuously.
	modelPerInputByte = 14
)

// ConfigureGC sets the garbage collector for a process that plans once
// and exits, reading inputBytes of SQL: a larger GOGC, which saves
// collections where memory is plentiful, with a memory limit that caps the
// heap where it is not (256 MiB, or 14 times the input for inputs larger
// than the 10,000-table benchmark pair, whose model needs more). It is
// for commands, not for Run: the settings are the whole process's. GOGC
// or GOMEMLIMIT in the environment win, each for its own setting.
func ConfigureGC(inputBytes int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(max(minMemoryLimit, modelPerInputByte*int64(inputBytes)))
	}
}
