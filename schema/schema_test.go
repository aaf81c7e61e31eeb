package schema_test

import (
	"slices"
	"testing"
	"unsafe"

	"github.com/zdplan/zdplan/schema"
)

// TestSequencesOwnedBy: the sequences a column owns, found by owner, in
// schema order; none for a column that owns none.
func TestSequencesOwnedBy(t *testing.T) {
	users := schema.Name{Schema: "public", Name: "users"}
	s := &schema.Schema{Sequences: []*schema.Sequence{
		{Name: schema.Name{Schema: "public", Name: "users_id_seq"}, OwnedBy: &schema.ColumnRef{Table: users, Column: "id"}},
		{Name: schema.Name{Schema: "public", Name: "free_seq"}},
		{Name: schema.Name{Schema: "public", Name: "users_id_seq2"}, OwnedBy: &schema.ColumnRef{Table: users, Column: "id"}},
		{Name: schema.Name{Schema: "public", Name: "users_n_seq"}, OwnedBy: &schema.ColumnRef{Table: users, Column: "n"}},
	}}
	var got []string
	for _, q := range s.SequencesOwnedBy(users, "id") {
		got = append(got, q.Name.Name)
	}
	if want := []string{"users_id_seq", "users_id_seq2"}; !slices.Equal(got, want) {
		t.Errorf("owned by users.id: %v, want %v", got, want)
	}
	if q := s.SequencesOwnedBy(users, "email"); len(q) != 0 {
		t.Errorf("owned by users.email: %v, want none", q)
	}
}

// TestSetExtra: SetExtra changes a column's out-of-line attributes without
// touching those of a copy made before (the planner copies columns and
// then changes the copy), and leaves no Extras once nothing is set.
func TestSetExtra(t *testing.T) {
	orig := &schema.Column{Name: "n"}
	orig.SetExtra(func(e *schema.ColumnExtra) {
		e.Comment = "c"
		e.OnUpdate = &schema.Expr{SQL: "CURRENT_TIMESTAMP", Key: "current_timestamp"}
		e.Options = map[string]string{"k": "v"}
	})
	cp := *orig
	cp.SetExtra(func(e *schema.ColumnExtra) {
		e.OnUpdate = nil
		e.Options["k"] = "w"
	})
	if x := orig.Extra(); x.OnUpdate == nil || x.Comment != "c" || x.Options["k"] != "v" {
		t.Errorf("original changed through its copy: %+v", x)
	}
	if x := cp.Extra(); x.OnUpdate != nil || x.Comment != "c" || x.Options["k"] != "w" {
		t.Errorf("copy: %+v", x)
	}
	cp.SetExtra(func(e *schema.ColumnExtra) { *e = schema.ColumnExtra{} })
	if cp.Extras != nil {
		t.Errorf("Extras = %+v, want nil once nothing is set", cp.Extras)
	}
	if x := (&schema.Column{}).Extra(); x.Comment != "" || x.Options != nil {
		t.Errorf("zero column's Extra = %+v", x)
	}
}

// TestModelSizes keeps the objects a large schema has hundreds of
// thousands of within their allocation size classes: a field added to
// Column or Constraint moves every one of them to the next class (16
// bytes each, 7 MB on the 10,000-table benchmark pair). Rare attributes
// belong in ColumnExtra or behind a pointer. A Column is 72 bytes, so
// Pos could grow by a word before it leaves its class of 80.
func TestModelSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"Column", unsafe.Sizeof(schema.Column{}), 80},
		{"Constraint", unsafe.Sizeof(schema.Constraint{}), 144},
		{"Pos", unsafe.Sizeof(schema.Pos{}), 24},
	} {
		if c.size > c.max {
			t.Errorf("schema.%s is %d bytes, over its budget of %d", c.name, c.size, c.max)
		}
	}
}
