package schema_test

import (
	"slices"
	"testing"

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
