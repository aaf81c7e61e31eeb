package pipeline

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// The collector settings for a process that plans (see ConfigureGC).
const (
	// gcPercent lets the heap grow to three times what survived the last
	// collection before the next one, instead of the default two: a plan
	// is a short burst of allocation, and on two cores the collector
	// competes with the two files' parses for the CPU.
	gcPercent = 200
	// minMemoryLimit is the heap size from which the collector works
	// harder rather than let the heap grow further. With the binary's own
	// pages and pg_query's C memory, which the Go runtime does not count
	// (30 to 45 MiB), it keeps zdplan's resident memory for the
	// 10,000-table benchmark pair under 300 MB.
	minMemoryLimit = 240 << 20
	// rampFrom, rampStart and slack shape the limit past a live heap of
	// 188 MiB, where 240 MiB leaves the collector too little room (a
	// 20,000-table pair took 17 s instead of 10 with the limit 1.3 times
	// its live heap): from there the limit rises four times as fast as
	// the live heap, up to twice it and slack more, about the room the
	// default GOGC gives.
	rampFrom  = 188 << 20
	rampStart = 4*rampFrom - minMemoryLimit
	slack     = 64 << 20
)

// ConfigureGC sets the garbage collector of a process that plans once and
// exits: a larger GOGC, which saves collections where memory is
// plentiful, and a memory limit that caps the heap where it is not: 240
// MiB while the live heap is under 188 MiB (the 10,000-table benchmark
// pair's peaks at about 150), then rising quickly to the default's twice
// the live heap, following it as it grows: a schema file may be up to 16
// MiB, twice the size the 240 MiB were chosen for. It is for commands, not
// for Run: the settings are the whole process's. GOGC or GOMEMLIMIT in the
// environment win, each for its own setting. stop ends the following of
// the live heap, leaving the settings as they are.
func ConfigureGC() (stop func()) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(minMemoryLimit)
		return followLiveHeap()
	}
	return func() {}
}

// limitFor is the memory limit for a live heap of live bytes.
func limitFor(live int64) int64 {
	return max(minMemoryLimit, min(4*live-rampStart, 2*live+slack))
}

// followLiveHeap sets the memory limit for the live heap after each
// collection. A cleanup on an object nothing references runs once a
// collection has found it unreachable, so re-arming it from the cleanup
// gives a call after every collection.
func followLiveHeap() (stop func()) {
	var stopped atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		runtime.AddCleanup(new([16]byte), func(struct{}) {
			if stopped.Load() {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetMemoryLimit(limitFor(int64(sample[0].Value.Uint64())))
			}
			arm()
		}, struct{}{})
	}
	arm()
	return func() { stopped.Store(true) }
}
