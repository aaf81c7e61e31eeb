package schema

import (
	"maps"
	"slices"
	"testing"
)

func TestGroupBy(t *testing.T) {
	pairs := [][2]string{{"a", "1"}, {"b", "2"}, {"a", "3"}, {"c", "4"}, {"b", "5"}, {"a", "6"}}
	got := groupBy(func(yield func(string, string) bool) {
		for _, p := range pairs {
			if !yield(p[0], p[1]) {
				return
			}
		}
	})
	want := map[string][]string{"a": {"1", "3", "6"}, "b": {"2", "5"}, "c": {"4"}}
	if !maps.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("groupBy = %v, want %v", got, want)
	}
	// The groups share an array, so an append to one must not write over
	// the next.
	a := append(got["a"], "x")
	if !slices.Equal(got["b"], []string{"2", "5"}) || !slices.Equal(a, []string{"1", "3", "6", "x"}) {
		t.Errorf("after an append to a group: a %v, b %v", a, got["b"])
	}
	if got := groupBy(func(func(string, int) bool) {}); len(got) != 0 {
		t.Errorf("groupBy of nothing = %v", got)
	}
}
