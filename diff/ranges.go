package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// CreateRangeType creates a range type (CREATE TYPE ... AS RANGE).
type CreateRangeType struct{ Type *schema.RangeType }

// DropRangeType drops a range type.
type DropRangeType struct{ Type *schema.RangeType }

// ReplaceRangeType drops a range type that nothing uses and creates it
// again: its definition changed, which ALTER TYPE cannot follow.
type ReplaceRangeType struct{ From, To *schema.RangeType }

// CreateCollation creates a collation.
type CreateCollation struct{ Collation *schema.Collation }

// DropCollation drops a collation.
type DropCollation struct{ Collation *schema.Collation }

// ReplaceCollation drops a collation that nothing uses and creates it
// again: its definition changed, which ALTER COLLATION cannot follow.
type ReplaceCollation struct{ From, To *schema.Collation }

func (CreateRangeType) Kind() string  { return "CreateRangeType" }
func (DropRangeType) Kind() string    { return "DropRangeType" }
func (ReplaceRangeType) Kind() string { return "ReplaceRangeType" }
func (CreateCollation) Kind() string  { return "CreateCollation" }
func (DropCollation) Kind() string    { return "DropCollation" }
func (ReplaceCollation) Kind() string { return "ReplaceCollation" }

func (c CreateRangeType) Object() string  { return c.Type.Name.String() }
func (c DropRangeType) Object() string    { return c.Type.Name.String() }
func (c ReplaceRangeType) Object() string { return c.To.Name.String() }
func (c CreateCollation) Object() string  { return c.Collation.Name.String() }
func (c DropCollation) Object() string    { return c.Collation.Name.String() }
func (c ReplaceCollation) Object() string { return c.To.Name.String() }

func (c CreateRangeType) Pos() schema.Pos  { return c.Type.Pos }
func (c DropRangeType) Pos() schema.Pos    { return c.Type.Pos }
func (c ReplaceRangeType) Pos() schema.Pos { return c.To.Pos }
func (c CreateCollation) Pos() schema.Pos  { return c.Collation.Pos }
func (c DropCollation) Pos() schema.Pos    { return c.Collation.Pos }
func (c ReplaceCollation) Pos() schema.Pos { return c.To.Pos }

// RangeTypeUsers names what in s uses the range type or its multirange
// type: columns, domains, attributes, other range types over it, and
// functions whose signature names it. PostgreSQL refuses to drop the type
// under any of them.
func RangeTypeUsers(s *schema.Schema, r *schema.RangeType) []string {
	var out []string
	for _, n := range []schema.Name{r.Name, r.Multirange} {
		out = append(out, TypeUsers(s, n)...)
		for _, o := range s.RangeTypes {
			if o.Subtype.UsesType(n) {
				out = append(out, "range type "+o.Name.String())
			}
		}
		for _, f := range s.Functions {
			if slices.Contains(f.Deps, schema.Ref{Kind: "type", Name: n}) {
				out = append(out, string(f.Kind)+" "+FunctionObject(f))
			}
		}
	}
	return out
}

// CollationUsers names what in s uses the named collation: columns,
// domains, attributes of composite types, index keys and range types.
// PostgreSQL refuses to drop it under them.
func CollationUsers(s *schema.Schema, n schema.Name) []string {
	name := n.Schema + "." + n.Name
	var out []string
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.Extra().Collation == name {
				out = append(out, "column "+t.Name.String()+"."+c.Name)
			}
		}
	}
	for _, d := range s.Domains {
		if d.Collation == name {
			out = append(out, "domain "+d.Name.String())
		}
	}
	for _, c := range s.CompositeTypes {
		for _, a := range c.Attributes {
			if a.Collation == name {
				out = append(out, "attribute "+c.Name.String()+"."+a.Name)
			}
		}
	}
	for _, i := range s.Indexes {
		if slices.ContainsFunc(i.Keys, func(k schema.IndexKey) bool { return k.Collation == name }) {
			out = append(out, "index "+i.Name.String())
		}
	}
	for _, r := range s.RangeTypes {
		if r.Collation == name {
			out = append(out, "range type "+r.Name.String())
		}
	}
	return out
}

// collations creates new collations and replaces changed ones that
// nothing uses; ALTER COLLATION can only rename them or refresh their
// version.
func (d *differ) collations() {
	for _, to := range d.to.Collations {
		from := d.from.Collation(to.Name)
		switch {
		case from == nil:
			d.add(CreateCollation{to})
		case from.Definition == to.Definition:
		default:
			if users := CollationUsers(d.from, from.Name); len(users) > 0 {
				d.add(Unsupported{What: fmt.Sprintf("change of the definition of collation %s (%s to %s), which %s uses (a collation cannot be altered, nor dropped while used; create a new collation and move its users to it)",
					to.Name, from.Definition, to.Definition, strings.Join(users, ", ")), Name: to.Name.String(), At: to.Pos})
				continue
			}
			d.add(ReplaceCollation{From: from, To: to})
		}
	}
}

// rangeEqual compares two range types by their parts rather than by
// Definition: a renamed enum subtype (see renameTypes) changes the former
// only.
func rangeEqual(a, b *schema.RangeType) bool {
	return a.Subtype.Equal(b.Subtype) && a.Opclass == b.Opclass && a.Collation == b.Collation &&
		a.Canonical == b.Canonical && a.SubtypeDiff == b.SubtypeDiff && a.Multirange == b.Multirange
}

// rangeTypes creates new range types and replaces changed ones that
// nothing uses, in DESIRED order.
func (d *differ) rangeTypes() {
	for _, to := range d.to.RangeTypes {
		from := d.from.RangeType(to.Name)
		switch {
		case from == nil:
			d.add(CreateRangeType{to})
		case rangeEqual(from, to):
		default:
			if users := RangeTypeUsers(d.from, from); len(users) > 0 {
				d.add(Unsupported{What: fmt.Sprintf("change of the definition of range type %s (%s to %s), which %s uses (a range type cannot be altered, nor dropped while used; create a new type and convert its users)",
					to.Name, from.Definition, to.Definition, strings.Join(users, ", ")), Name: to.Name.String(), At: to.Pos})
				continue
			}
			d.add(ReplaceRangeType{From: from, To: to})
		}
	}
}

// droppedRangeTypes drops the range types DESIRED no longer has.
func (d *differ) droppedRangeTypes() {
	for _, r := range slices.Backward(d.from.RangeTypes) {
		if d.to.RangeType(r.Name) == nil {
			d.add(DropRangeType{r})
		}
	}
}

// droppedCollations drops the collations DESIRED no longer has.
func (d *differ) droppedCollations() {
	for _, c := range slices.Backward(d.from.Collations) {
		if d.to.Collation(c.Name) == nil {
			d.add(DropCollation{c})
		}
	}
}

// rangeComments sets the comments of range types and collations; one
// created again gets its comment back.
func (d *differ) rangeComments() {
	for _, to := range d.to.Collations {
		old := ""
		if from := d.from.Collation(to.Name); from != nil && from.Definition == to.Definition {
			old = from.Comment
		}
		if old != to.Comment {
			d.add(SetComment{On: "COLLATION", Name: to.Name, Comment: to.Comment, At: to.Pos})
		}
	}
	for _, to := range d.to.RangeTypes {
		old := ""
		if from := d.from.RangeType(to.Name); from != nil && rangeEqual(from, to) {
			old = from.Comment
		}
		if old != to.Comment {
			d.add(SetComment{On: "TYPE", Name: to.Name, Comment: to.Comment, At: to.Pos})
		}
	}
}

// applyRanges applies the changes of this file; ok is false for other
// kinds. Range types and collations are never changed in place: each
// change puts a copy in the schema, without the comment a SetComment
// gives back.
func (a *applier) applyRanges(c Change) (ok bool, err error) {
	s := a.s
	switch c := c.(type) {
	case CreateRangeType:
		n := *c.Type
		n.Comment = ""
		s.RangeTypes = append(s.RangeTypes, &n)
	case DropRangeType:
		return true, remove(&s.RangeTypes, func(t *schema.RangeType) bool { return t.Name == c.Type.Name })
	case ReplaceRangeType:
		i := slices.IndexFunc(s.RangeTypes, func(t *schema.RangeType) bool { return t.Name == c.From.Name })
		if i < 0 {
			return true, fmt.Errorf("no range type %s", c.From.Name)
		}
		n := *c.To
		n.Comment = ""
		s.RangeTypes[i] = &n
	case CreateCollation:
		n := *c.Collation
		n.Comment = ""
		s.Collations = append(s.Collations, &n)
	case DropCollation:
		return true, remove(&s.Collations, func(x *schema.Collation) bool { return x.Name == c.Collation.Name })
	case ReplaceCollation:
		i := slices.IndexFunc(s.Collations, func(x *schema.Collation) bool { return x.Name == c.From.Name })
		if i < 0 {
			return true, fmt.Errorf("no collation %s", c.From.Name)
		}
		n := *c.To
		n.Comment = ""
		s.Collations[i] = &n
	default:
		return false, nil
	}
	return true, nil
}

// setRangeComment applies a comment on a range type or collation; ok is
// false when no such object exists.
func setRangeComment(s *schema.Schema, c SetComment) bool {
	switch c.On {
	case "TYPE":
		if i := slices.IndexFunc(s.RangeTypes, func(t *schema.RangeType) bool { return t.Name == c.Name }); i >= 0 {
			n := *s.RangeTypes[i]
			n.Comment = c.Comment
			s.RangeTypes[i] = &n
			return true
		}
	case "COLLATION":
		if i := slices.IndexFunc(s.Collations, func(x *schema.Collation) bool { return x.Name == c.Name }); i >= 0 {
			n := *s.Collations[i]
			n.Comment = c.Comment
			s.Collations[i] = &n
			return true
		}
	}
	return false
}

// Recreates implements Recreator: a replaced range type is dropped and
// created again, without its grants.
func (c ReplaceRangeType) Recreates() []schema.Ref {
	return []schema.Ref{{Kind: "type", Name: c.To.Name}}
}
