package planner

import (
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// orderByDeps reorders each run of steps that share a phase and rank so
// that a step follows every step of the run that provides something it
// needs, keeping diff order wherever dependencies allow (Kahn's algorithm,
// always taking the earliest ready step). Steps outside a cycle keep this
// order; the steps of a cycle, which PostgreSQL would refuse too, come
// after the others in diff order.
//
// Keys are whatever the emitter chooses; for creates, a step provides the
// object it creates and needs the objects it uses, and for drops, a step
// dropping an object needs the drops of its dependents.
func orderByDeps(steps []Step) []Step {
	for start := 0; start < len(steps); {
		end := start + 1
		for end < len(steps) && steps[end].Phase == steps[start].Phase && steps[end].rank == steps[start].rank {
			end++
		}
		orderRun(steps[start:end])
		start = end
	}
	return steps
}

func orderRun(run []Step) {
	if len(run) < 2 {
		return
	}
	providers := map[string][]int{}
	for i, s := range run {
		for _, k := range s.provides {
			providers[k] = append(providers[k], i)
			// A function's key without its arguments names every
			// overload (see schema.Ref.Args).
			if base, ok := overloadKey(k); ok {
				providers[base] = append(providers[base], i)
			}
		}
	}
	if len(providers) == 0 {
		return
	}
	// after[i] are the steps that must wait for step i.
	after := make([][]int, len(run))
	waiting := make([]int, len(run))
	edge := func(first, then int) {
		if first != then && !slices.Contains(after[first], then) {
			after[first] = append(after[first], then)
			waiting[then]++
		}
	}
	for i, s := range run {
		for _, k := range s.needs {
			for _, j := range providers[k] {
				edge(j, i)
			}
		}
		for _, k := range s.before {
			for _, j := range providers[k] {
				edge(i, j)
			}
		}
	}
	var ready []int
	for i := range run {
		if waiting[i] == 0 {
			ready = append(ready, i)
		}
	}
	out := make([]Step, 0, len(run))
	done := make([]bool, len(run))
	for len(out) < len(run) {
		if len(ready) == 0 {
			// A cycle: take the earliest step left and go on.
			for i := range run {
				if !done[i] {
					ready = append(ready, i)
					break
				}
			}
		}
		slices.Sort(ready)
		i := ready[0]
		ready = ready[1:]
		if done[i] {
			continue
		}
		done[i] = true
		out = append(out, run[i])
		for _, j := range after[i] {
			if waiting[j]--; waiting[j] == 0 && !done[j] {
				ready = append(ready, j)
			}
		}
	}
	copy(run, out)
}

// depKey is the key under which a step provides or needs an object (see
// Step.provides): its kind, qualified name and, for a function, identity
// arguments. Emitters of every object kind use it, so that a domain's
// step can need the function a function's step provides.
func depKey(r schema.Ref) string {
	k := r.Kind + " " + r.Name.String()
	if r.Args != "" {
		k += "(" + r.Args + ")"
	}
	return k
}

// overloadKey is the key of a function's step without its arguments,
// which a need that knows only the function's name uses.
func overloadKey(k string) (string, bool) {
	if !strings.HasPrefix(k, "function ") && !strings.HasPrefix(k, "drop function ") {
		return "", false
	}
	i := strings.Index(k, "(")
	if i < 0 {
		return "", false
	}
	return k[:i], true
}

// dropKey is the key under which a step that drops an object provides
// the drop, so that the drop of what it depends on can need it.
func dropKey(r schema.Ref) string { return "drop " + depKey(r) }
