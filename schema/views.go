package schema

import "slices"

// ViewsReading returns the views of s that read relation rel, directly or
// through other views, each after the views it reads and otherwise in order of name: the order to create
// them in (reversed, to drop them). PostgreSQL binds a view to the columns
// it reads, so these are the views that must be dropped and created again
// around a change of rel's column types.
func (s *Schema) ViewsReading(rel Name) []*View {
	// Every view that reads rel or a view that does, found through the
	// index of readers rather than by passes over all views: a type change
	// asks this for its table, and a schema may have thousands of views.
	readers := s.lookup().readers
	reads := map[Name]bool{rel: true}
	queue := []Name{rel}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		for _, v := range readers[r] {
			if !reads[v.Name] {
				reads[v.Name] = true
				queue = append(queue, v.Name)
			}
		}
	}
	if len(reads) == 1 {
		return nil
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
