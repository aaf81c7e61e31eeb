package schema_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/schema"
)

func TestViewsReading(t *testing.T) {
	n := func(s string) schema.Name { return schema.Name{Schema: "public", Name: s} }
	view := func(name string, refs ...string) *schema.View {
		v := &schema.View{Name: n(name)}
		for _, r := range refs {
			v.Refs = append(v.Refs, n(r))
		}
		return v
	}
	s := &schema.Schema{Views: []*schema.View{
		view("top", "mid", "other"), // declared before what it reads
		view("mid", "t"),
		view("other", "u"),
		view("both", "t", "top"),
		view("unrelated", "u"),
	}}
	var got []string
	for _, v := range s.ViewsReading(n("t")) {
		got = append(got, v.Name.Name)
	}
	if d := cmp.Diff([]string{"mid", "top", "both"}, got); d != "" {
		t.Errorf("ViewsReading(t) (-want +got):\n%s", d)
	}
	if got := s.ViewsReading(n("nothing")); len(got) != 0 {
		t.Errorf("ViewsReading(nothing) = %d views, want none", len(got))
	}
}
