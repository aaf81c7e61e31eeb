package schema

import "slices"

// ViewsReading returns the views of s that read relation rel, directly or
// through other views, each after the views it reads and otherwise in order of name: the order to create
// them in (reversed, to drop them). PostgreSQL binds a view to the columns
// it reads, so these are the views that must be dropped and created again
// around a change of rel's column types.
func (s *Schema) ViewsReading(rel Name) []*View {
	reads := map[Name]bool{rel: true}
	// A file may declare a view before one it reads: repeat until no view
	// is added.
	for grew := true; grew; {
		grew = false
		for _, v := range s.Views {
			if !reads[v.Name] && slices.ContainsFunc(v.Refs, func(r Name) bool { return reads[r] }) {
				reads[v.Name], grew = true, true
			}
		}
	}
	var out []*View
	done := map[Name]bool{rel: true}
	var visit func(v *View)
	visit = func(v *View) {
		if done[v.Name] {
			return
		}
		done[v.Name] = true
		for _, r := range v.Refs {
			if w := s.View(r); w != nil && reads[r] {
				visit(w)
			}
		}
		out = append(out, v)
	}
	// In order of name, not of declaration: a dump and a hand-written
	// file declare views in different orders.
	var found []*View
	for _, v := range s.Views {
		if reads[v.Name] {
			found = append(found, v)
		}
	}
	slices.SortFunc(found, func(a, b *View) int { return a.Name.Compare(b.Name) })
	for _, v := range found {
		visit(v)
	}
	return out
}
