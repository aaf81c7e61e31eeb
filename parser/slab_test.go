package parser

import (
	"slices"
	"testing"
)

func TestSlabClone(t *testing.T) {
	var b Slab[int]
	if got := b.Clone(nil); got != nil {
		t.Errorf("Clone(nil) = %v, want nil", got)
	}
	if got := b.Clone([]int{}); got != nil {
		t.Errorf("Clone([]) = %v, want nil", got)
	}
	src := []int{1, 2, 3}
	first := b.Clone(src)
	second := b.Clone([]int{4, 5})
	src[0] = 9
	if !slices.Equal(first, []int{1, 2, 3}) || !slices.Equal(second, []int{4, 5}) {
		t.Fatalf("clones = %v, %v; want [1 2 3] [4 5], not sharing the source", first, second)
	}
	if cap(first) != len(first) {
		t.Errorf("cap(clone) = %d, want its length %d", cap(first), len(first))
	}
	// An append to a clone must not write over the next one.
	grown := append(first, 7)
	if !slices.Equal(second, []int{4, 5}) || !slices.Equal(grown, []int{1, 2, 3, 7}) {
		t.Errorf("after an append to the first clone: %v, %v", grown, second)
	}
	// A slice longer than a chunk gets one of its own.
	long := make([]int, 3*slabChunk)
	long[len(long)-1] = 1
	if got := b.Clone(long); len(got) != len(long) || got[len(got)-1] != 1 {
		t.Errorf("clone of %d elements has %d, last %d", len(long), len(got), got[len(got)-1])
	}
}

func TestSlabNew(t *testing.T) {
	type pair struct{ a, b string }
	var b Slab[pair]
	seen := map[*pair]bool{}
	for i := range 3 * slabChunk / 32 {
		p := b.New()
		if *p != (pair{}) {
			t.Fatalf("New returned %v, not a zero value", *p)
		}
		if seen[p] {
			t.Fatalf("New returned %p twice (call %d)", p, i)
		}
		seen[p] = true
		p.a = "x"
	}
}
