package diff

import (
	"fmt"
	"maps"
	"slices"

	"github.com/zdplan/zdplan/schema"
)

// This file diffs the PostgreSQL comments on indexes, constraints,
// sequences, policies, enum types and view columns. A comment belongs to
// the object, not to its name: an object the plan creates again (a
// replaced index or constraint, a rebuilt view, a policy dropped and
// created again) comes back without one, so its comment is set again.
// MySQL keeps index and key comments inside their definitions instead.

// IndexEqual reports whether two indexes have the same definition; for
// PostgreSQL, where COMMENT ON INDEX is a statement of its own, the comment
// is not part of it.
func IndexEqual(dialect string, a, b *schema.Index) bool {
	if dialect != "postgres" {
		return a.Equal(b)
	}
	x, y := *a, *b
	x.Comment, y.Comment = "", ""
	return x.Equal(&y)
}

// ConstraintEqual is IndexEqual for constraints.
func ConstraintEqual(dialect string, a, b *schema.Constraint) bool {
	if dialect != "postgres" {
		return a.Equal(b)
	}
	x, y := *a, *b
	x.Comment, y.Comment = "", ""
	return x.Equal(&y)
}

// commentChanged reports whether an object needs a SetComment: one created
// (again) by the diff needs it when it has a comment, one kept when its
// comment changed. recreated is asked only when there is a comment to
// keep or to set: working it out may compare the object's definitions,
// for every constraint and index of a large schema.
func commentChanged(from, to string, recreated func() bool) bool {
	if from == "" && to == "" {
		return false
	}
	if recreated() {
		return to != ""
	}
	return from != to
}

// known returns a recreated for commentChanged that was already known.
func known(b bool) func() bool { return func() bool { return b } }

func (d *differ) objectComments() {
	if d.to.Dialect != "postgres" {
		return
	}
	if d.from.PublicComment != d.to.PublicComment {
		// Without a comment of its own, public has the server's.
		text := d.to.PublicComment
		if text == "" {
			text = schema.PublicDefaultComment
		}
		d.add(SetComment{On: "SCHEMA", Name: schema.Name{Name: "public"}, Comment: text})
	}
	for _, e := range d.to.Enums {
		old := d.from.Enum(e.Name)
		if commentChanged(commentOf(old), e.Comment, known(old == nil)) {
			d.add(SetComment{On: "TYPE", Name: e.Name, Comment: e.Comment, At: e.Pos})
		}
	}
	for _, q := range d.to.Sequences {
		old := d.from.Sequence(q.Name)
		var from string
		if old != nil {
			from = old.Comment
		}
		if commentChanged(from, q.Comment, known(old == nil)) {
			d.add(SetComment{On: "SEQUENCE", Name: q.Name, Comment: q.Comment, At: q.Pos})
		}
	}
	for _, t := range d.to.Tables {
		old := d.from.Table(t.Name)
		for i, c := range t.Constraints {
			var oc *schema.Constraint
			if old != nil {
				oc = old.ConstraintNear(i, c.Name)
			}
			var from string
			if oc != nil {
				from = oc.Comment
			}
			if commentChanged(from, c.Comment, func() bool { return oc == nil || !ConstraintEqual(d.to.Dialect, oc, c) }) {
				d.add(SetComment{On: "CONSTRAINT", Name: t.Name, Column: c.Name, Comment: c.Comment, At: c.Pos})
			}
		}
	}
	for _, i := range d.to.Indexes {
		old := d.from.Index(i.Table, i.Name.Name)
		var from string
		if old != nil {
			from = old.Comment
		}
		if commentChanged(from, i.Comment, func() bool { return old == nil || d.rebuilt[i.Table] || !IndexEqual(d.to.Dialect, old, i) }) {
			d.add(SetComment{On: "INDEX", Name: i.Name, Comment: i.Comment, At: i.Pos})
		}
	}
	for _, p := range d.to.Policies {
		old := findPolicy(d.from.Policies, p.Table, p.Name)
		var from string
		if old != nil {
			from = old.Comment
		}
		if commentChanged(from, p.Comment, func() bool { return d.policyRecreated(p) }) {
			d.add(SetComment{On: "POLICY", Name: p.Table, Column: p.Name, Comment: p.Comment, At: p.Pos})
		}
	}
	for _, v := range d.to.Views {
		old := d.from.View(v.Name)
		recreated := old == nil || d.rebuilt[v.Name]
		var from map[string]string
		if old != nil {
			from = old.ColumnComments
		}
		cols := slices.Sorted(maps.Keys(v.ColumnComments))
		if !recreated {
			for c := range from {
				if _, ok := v.ColumnComments[c]; !ok {
					cols = append(cols, c)
				}
			}
		}
		slices.Sort(cols)
		for _, c := range slices.Compact(cols) {
			if commentChanged(from[c], v.ColumnComments[c], known(recreated)) {
				d.add(SetComment{On: "COLUMN", Name: v.Name, Column: c, Comment: v.ColumnComments[c], At: v.Pos})
			}
		}
	}
}

func commentOf(e *schema.Enum) string {
	if e == nil {
		return ""
	}
	return e.Comment
}

// setObjectComment applies a SetComment of this file; it reports whether
// c.On is one of its kinds.
func (a *applier) setObjectComment(c SetComment) (bool, error) {
	s := a.s
	switch c.On {
	case "SCHEMA":
		if c.Name.Name != "public" || slices.ContainsFunc(s.Namespaces, func(n *schema.Namespace) bool { return n.Name == "public" }) {
			return false, nil
		}
		s.PublicComment = c.Comment
		if c.Comment == schema.PublicDefaultComment {
			s.PublicComment = ""
		}
		return true, nil
	case "TYPE":
		for _, e := range s.Enums {
			if e.Name == c.Name {
				e.Comment = c.Comment
				return true, nil
			}
		}
		for _, t := range s.CompositeTypes {
			if t.Name == c.Name {
				t.Comment = c.Comment
				return true, nil
			}
		}
		return true, fmt.Errorf("no type %s", c.Name)
	case "SEQUENCE":
		for _, q := range s.Sequences {
			if q.Name == c.Name {
				q.Comment = c.Comment
				return true, nil
			}
		}
		return true, fmt.Errorf("no sequence")
	case "INDEX":
		for i, x := range s.Indexes {
			if x.Name == c.Name {
				n := *x
				n.Comment = c.Comment
				s.Indexes[i] = &n
				return true, nil
			}
		}
		return true, fmt.Errorf("no index")
	case "CONSTRAINT":
		t, err := a.table(c.Name)
		if err != nil {
			return true, err
		}
		k := t.Constraint(c.Column)
		if k == nil {
			return true, fmt.Errorf("no constraint")
		}
		k.Comment = c.Comment
		return true, nil
	case "POLICY":
		for i, p := range s.Policies {
			if p.Table == c.Name && p.Name == c.Column {
				n := *p
				n.Comment = c.Comment
				s.Policies[i] = &n
				return true, nil
			}
		}
		return true, fmt.Errorf("no policy")
	case "COLUMN":
		for _, v := range s.Views {
			if v.Name != c.Name {
				continue
			}
			m := maps.Clone(v.ColumnComments)
			if c.Comment == "" {
				delete(m, c.Column)
			} else {
				if m == nil {
					m = map[string]string{}
				}
				m[c.Column] = c.Comment
			}
			if len(m) == 0 {
				m = nil
			}
			v.ColumnComments = m
			return true, nil
		}
	}
	return false, nil
}
