package diff

import (
	"fmt"
	"slices"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// RenameEnum renames an enum type (ALTER TYPE ... RENAME TO): columns of
// the type keep it, under its new name.
type RenameEnum struct{ From, To *schema.Enum }

// RenameEnumValue renames a label of an enum type (ALTER TYPE ... RENAME
// VALUE): rows holding the label hold the new one.
type RenameEnumValue struct {
	Enum     *schema.Enum
	From, To string
}

func (RenameEnum) Kind() string           { return "RenameEnum" }
func (RenameEnumValue) Kind() string      { return "RenameEnumValue" }
func (c RenameEnum) Object() string       { return c.To.Name.String() }
func (c RenameEnumValue) Object() string  { return c.Enum.Name.String() }
func (c RenameEnum) Pos() schema.Pos      { return c.To.Hints.Pos }
func (c RenameEnumValue) Pos() schema.Pos { return c.Enum.Hints.Pos }

// checkEnumHints reports an enum rename hint of DESIRED that cannot be
// followed. A rename that has already happened is fine.
func checkEnumHints(from, to *schema.Schema) error {
	fail := func(pos schema.Pos, format string, args ...any) error {
		return &parser.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	}
	renamedTo := map[schema.Name]*schema.Enum{}
	for _, e := range to.Enums {
		h := e.Hints
		old := from.Enum(e.Name)
		if o := h.RenamedFrom; o != (schema.Name{}) {
			if prev := renamedTo[o]; prev != nil {
				return fail(h.Pos, "renamed-from %s: type %s is already renamed to %s", o, o, prev.Name)
			}
			renamedTo[o] = e
			switch {
			case o.Schema != e.Name.Schema:
				return fail(h.Pos, "renamed-from %s: moving a type to another schema is not supported", o)
			case from.Enum(o) == nil && old == nil:
				return fail(h.Pos, "renamed-from %s: CURRENT has no enum type %s", o, o)
			case from.Enum(o) != nil && old != nil:
				return fail(h.Pos, "renamed-from %s: CURRENT has both %s and %s", o, o, e.Name)
			case from.Enum(o) != nil && to.Enum(o) != nil:
				return fail(h.Pos, "renamed-from %s: DESIRED still has type %s", o, o)
			}
			if old == nil {
				old = from.Enum(o)
			}
		}
		if len(h.LabelsFrom) == 0 {
			continue
		}
		if old == nil {
			return fail(h.Pos, "renamed-from: CURRENT has no enum type %s whose labels could be renamed", e.Name)
		}
		for _, v := range e.Values {
			o, ok := h.LabelsFrom[v]
			if !ok {
				continue
			}
			pos := h.LabelPos[v]
			switch {
			case !slices.Contains(old.Values, o) && !slices.Contains(old.Values, v):
				return fail(pos, "renamed-from %q: enum %s has no label %q in CURRENT", o, old.Name, o)
			case slices.Contains(old.Values, o) && slices.Contains(old.Values, v):
				return fail(pos, "renamed-from %q: enum %s has both %q and %q in CURRENT", o, old.Name, o, v)
			case slices.Contains(old.Values, o) && slices.Contains(e.Values, o):
				return fail(pos, "renamed-from %q: DESIRED still has label %q in %s", o, o, e.Name)
			}
		}
	}
	return nil
}

// renameEnums follows the rename hints on enum types: it emits a
// RenameEnum for each and replaces d.from by a copy of CURRENT in which
// the types, and the columns and domains of those types, carry the new
// names.
func (d *differ) renameEnums() {
	renames := map[schema.Name]schema.Name{}
	for _, e := range d.to.Enums {
		o := e.Hints.RenamedFrom
		if o == (schema.Name{}) || o.Schema != e.Name.Schema || d.from.Enum(o) == nil || d.from.Enum(e.Name) != nil || d.to.Enum(o) != nil {
			continue
		}
		d.add(RenameEnum{From: d.from.Enum(o), To: e})
		renames[o] = e.Name
	}
	if len(renames) == 0 {
		return
	}
	d.from = renameTypes(d.from, renames)
}

// renameTypes returns a copy of s in which the named types carry their
// new names, and so do the columns, domains and privileges that use
// them.
func renameTypes(s *schema.Schema, renames map[schema.Name]schema.Name) *schema.Schema {
	typ := func(t schema.Type) schema.Type {
		if n, ok := renames[schema.Name{Schema: t.Schema, Name: t.Name}]; ok {
			t.Schema, t.Name = n.Schema, n.Name
		}
		return t
	}
	out := s.Copy()
	out.Enums, out.Tables, out.Domains, out.CompositeTypes, out.RangeTypes, out.Privileges = nil, nil, nil, nil, nil, nil
	for _, e := range s.Enums {
		ne := *e
		if n, ok := renames[e.Name]; ok {
			ne.Name = n
		}
		out.Enums = append(out.Enums, &ne)
	}
	for _, t := range s.Tables {
		nt := *t
		nt.Columns = nil
		for _, c := range t.Columns {
			nc := *c
			if t := typ(*c.Type); !t.Equal(*c.Type) {
				nc.Type = &t
			}
			nt.Columns = append(nt.Columns, &nc)
		}
		out.Tables = append(out.Tables, &nt)
	}
	for _, dom := range s.Domains {
		nd := cloneDomain(dom)
		nd.Type = typ(dom.Type)
		out.Domains = append(out.Domains, nd)
	}
	for _, c := range s.CompositeTypes {
		nc := cloneComposite(c)
		for _, a := range nc.Attributes {
			a.Type = typ(a.Type)
		}
		for i, r := range nc.Deps {
			if n, ok := renames[r.Name]; ok && r.Kind == "type" {
				nc.Deps[i].Name = n
			}
		}
		out.CompositeTypes = append(out.CompositeTypes, nc)
	}
	// A range type follows its subtype's new name; its Definition, which
	// names the old one, is not compared (see rangeEqual).
	for _, r := range s.RangeTypes {
		nr := *r
		nr.Subtype = typ(r.Subtype)
		nr.Deps = slices.Clone(r.Deps)
		for i, dep := range nr.Deps {
			if n, ok := renames[dep.Name]; ok && dep.Kind == "type" {
				nr.Deps[i].Name = n
			}
		}
		out.RangeTypes = append(out.RangeTypes, &nr)
	}
	for _, p := range s.Privileges {
		if n, ok := renames[p.On.Name]; ok && p.On.Kind == "type" {
			np := *p
			np.On.Name = n
			p = &np
		}
		out.Privileges = append(out.Privileges, p)
	}
	return out
}

// renamedValues returns the labels of from after the renames that the
// hints of to ask for, emitting a RenameEnumValue for each.
func (d *differ) renamedValues(from, to *schema.Enum) []string {
	vals := slices.Clone(from.Values)
	for _, v := range to.Values {
		o, ok := to.Hints.LabelsFrom[v]
		if !ok || slices.Contains(vals, v) || slices.Contains(to.Values, o) {
			continue
		}
		i := slices.Index(vals, o)
		if i < 0 {
			continue
		}
		d.add(RenameEnumValue{Enum: to, From: o, To: v})
		vals[i] = v
	}
	return vals
}
