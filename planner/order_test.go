package planner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOrderByDeps(t *testing.T) {
	type st struct {
		name           string
		rank           int
		provides, need []string
	}
	tests := []struct {
		name  string
		steps []st
		want  []string
	}{
		{"no deps keeps order", []st{{"a", 1, nil, nil}, {"b", 1, nil, nil}}, []string{"a", "b"}},
		{"need moves after provider", []st{
			{"domain", 1, []string{"type:d"}, []string{"function:f"}},
			{"enum", 1, []string{"type:e"}, nil},
			{"function", 1, []string{"function:f"}, []string{"type:e"}},
		}, []string{"enum", "function", "domain"}},
		{"other ranks are not reordered", []st{
			{"x", 1, nil, []string{"k"}},
			{"y", 2, []string{"k"}, nil},
		}, []string{"x", "y"}},
		{"cycle keeps diff order", []st{
			{"a", 1, []string{"a"}, []string{"b"}},
			{"b", 1, []string{"b"}, []string{"a"}},
			{"c", 1, nil, nil},
		}, []string{"c", "a", "b"}},
		{"chain", []st{
			{"v3", 1, []string{"v3"}, []string{"v2"}},
			{"v2", 1, []string{"v2"}, []string{"v1"}},
			{"v1", 1, []string{"v1"}, nil},
		}, []string{"v1", "v2", "v3"}},
		{"name-only function need matches every overload", []st{
			{"domain", 1, []string{"type public.d"}, []string{"function public.f"}},
			{"function", 1, []string{"function public.f(integer)"}, nil},
		}, []string{"function", "domain"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var steps []Step
			for _, s := range tt.steps {
				steps = append(steps, Step{Summary: s.name, rank: s.rank, provides: s.provides, needs: s.need})
			}
			var got []string
			for _, s := range orderByDeps(steps) {
				got = append(got, s.Summary)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("order (-want +got):\n%s", d)
			}
		})
	}
}

// TestOrderBefore: a step's before keys put it ahead of their providers
// (a domain's drop ahead of the drop of the function its check calls).
func TestOrderBefore(t *testing.T) {
	steps := []Step{
		{Summary: "drop function", rank: 1, provides: []string{"drop function public.f(integer)"}},
		{Summary: "drop domain", rank: 1, before: []string{"drop function public.f"}},
	}
	var got []string
	for _, s := range orderByDeps(steps) {
		got = append(got, s.Summary)
	}
	if d := cmp.Diff([]string{"drop domain", "drop function"}, got); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}
}
