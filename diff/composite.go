package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// CreateCompositeType creates a composite type (CREATE TYPE ... AS).
type CreateCompositeType struct{ Type *schema.CompositeType }

// DropCompositeType drops a composite type.
type DropCompositeType struct{ Type *schema.CompositeType }

// ReplaceCompositeType drops a composite type that nothing uses and
// creates it again: its attributes changed in a way ALTER TYPE cannot
// follow (their order).
type ReplaceCompositeType struct{ From, To *schema.CompositeType }

// AddAttribute adds an attribute at the end of a composite type.
type AddAttribute struct {
	Type      *schema.CompositeType
	Attribute *schema.Attribute
}

// DropAttribute drops an attribute of a composite type.
type DropAttribute struct {
	Type      *schema.CompositeType
	Attribute *schema.Attribute
}

// AlterAttributeType changes the type or collation of an attribute of a
// composite type that no column uses.
type AlterAttributeType struct {
	Type     *schema.CompositeType
	From, To *schema.Attribute
}

func (CreateCompositeType) Kind() string  { return "CreateCompositeType" }
func (DropCompositeType) Kind() string    { return "DropCompositeType" }
func (ReplaceCompositeType) Kind() string { return "ReplaceCompositeType" }
func (AddAttribute) Kind() string         { return "AddAttribute" }
func (DropAttribute) Kind() string        { return "DropAttribute" }
func (AlterAttributeType) Kind() string   { return "AlterAttributeType" }

func (c CreateCompositeType) Object() string  { return c.Type.Name.String() }
func (c DropCompositeType) Object() string    { return c.Type.Name.String() }
func (c ReplaceCompositeType) Object() string { return c.To.Name.String() }
func (c AddAttribute) Object() string         { return c.Type.Name.String() + "." + c.Attribute.Name }
func (c DropAttribute) Object() string        { return c.Type.Name.String() + "." + c.Attribute.Name }
func (c AlterAttributeType) Object() string   { return c.Type.Name.String() + "." + c.To.Name }

func (c CreateCompositeType) Pos() schema.Pos  { return c.Type.Pos }
func (c DropCompositeType) Pos() schema.Pos    { return c.Type.Pos }
func (c ReplaceCompositeType) Pos() schema.Pos { return c.To.Pos }
func (c AddAttribute) Pos() schema.Pos         { return c.Attribute.Pos }
func (c DropAttribute) Pos() schema.Pos        { return c.Attribute.Pos }
func (c AlterAttributeType) Pos() schema.Pos   { return c.To.Pos }

// TypeUsers names what in s uses the named type: table columns, domains
// over it and attributes of composite types. PostgreSQL refuses to drop
// it under them, and to change a composite type's attribute types while
// a column (however indirectly) holds values of it.
func TypeUsers(s *schema.Schema, n schema.Name) []string {
	out := DomainUsers(s, n)
	for _, c := range s.CompositeTypes {
		for _, a := range c.Attributes {
			if a.Type.UsesType(n) {
				out = append(out, "attribute "+c.Name.String()+"."+a.Name)
			}
		}
	}
	return out
}

func attributeEqual(a, b *schema.Attribute) bool {
	return a.Type.Equal(b.Type) && a.Collation == b.Collation
}

// compositeTypes creates new composite types and alters changed ones, in
// DESIRED order (a type used by another's attribute comes first there).
func (d *differ) compositeTypes() {
	for _, to := range d.to.CompositeTypes {
		from := d.from.CompositeType(to.Name)
		if from == nil {
			d.add(CreateCompositeType{to})
			continue
		}
		d.compositeChanges(from, to)
	}
}

func (d *differ) compositeChanges(from, to *schema.CompositeType) {
	var added, dropped []*schema.Attribute
	var altered [][2]*schema.Attribute
	var order []string // the attributes after ALTER TYPE
	for _, a := range from.Attributes {
		na := to.Attribute(a.Name)
		if na == nil {
			dropped = append(dropped, a)
			continue
		}
		order = append(order, a.Name)
		if !attributeEqual(a, na) {
			altered = append(altered, [2]*schema.Attribute{a, na})
		}
	}
	for _, a := range to.Attributes {
		if from.Attribute(a.Name) == nil {
			added = append(added, a)
			order = append(order, a.Name)
		}
	}
	if len(added)+len(dropped)+len(altered) == 0 && slices.Equal(order, attributeNames(to)) {
		return
	}
	users := TypeUsers(d.from, from.Name)
	if !slices.Equal(order, attributeNames(to)) || len(altered) > 0 {
		if len(users) > 0 {
			what := "attribute order"
			if len(altered) > 0 {
				what = "type of attribute " + altered[0][1].Name
			}
			d.add(Unsupported{What: fmt.Sprintf("change of the %s of composite type %s, which %s uses (ALTER TYPE can only add attributes at the end, and cannot change an attribute's type while a column holds values of the type; create a new type and convert the columns)",
				what, to.Name, strings.Join(users, ", ")), Name: to.Name.String(), At: to.Pos})
			return
		}
		if !slices.Equal(order, attributeNames(to)) {
			d.add(ReplaceCompositeType{From: from, To: to})
			return
		}
	}
	for _, a := range added {
		d.add(AddAttribute{Type: to, Attribute: a})
	}
	for _, p := range altered {
		d.add(AlterAttributeType{Type: to, From: p[0], To: p[1]})
	}
	for _, a := range dropped {
		d.add(DropAttribute{Type: from, Attribute: a})
	}
}

func attributeNames(c *schema.CompositeType) []string {
	var out []string
	for _, a := range c.Attributes {
		out = append(out, a.Name)
	}
	return out
}

// droppedCompositeTypes drops the composite types DESIRED no longer has,
// a type used by another after that other.
func (d *differ) droppedCompositeTypes() {
	for _, c := range slices.Backward(d.from.CompositeTypes) {
		if d.to.CompositeType(c.Name) == nil {
			d.add(DropCompositeType{c})
		}
	}
}

// compositeComments sets the comments of composite types; one created
// again gets its comment back.
func (d *differ) compositeComments() {
	for _, to := range d.to.CompositeTypes {
		from := d.from.CompositeType(to.Name)
		recreated := from == nil || slices.ContainsFunc(d.changes, func(c Change) bool {
			r, ok := c.(ReplaceCompositeType)
			return ok && r.To == to
		})
		old := ""
		if !recreated {
			old = from.Comment
		}
		if old != to.Comment {
			d.add(SetComment{On: "TYPE", Name: to.Name, Comment: to.Comment, At: to.Pos})
		}
	}
}

func cloneComposite(c *schema.CompositeType) *schema.CompositeType {
	n := *c
	n.Attributes = nil
	for _, a := range c.Attributes {
		na := *a
		n.Attributes = append(n.Attributes, &na)
	}
	n.Deps = slices.Clone(c.Deps)
	return &n
}

// applyComposite applies the changes of this file; ok is false for other
// kinds.
func (a *applier) applyComposite(c Change) (ok bool, err error) {
	s := a.s
	find := func(n schema.Name) (*schema.CompositeType, error) {
		for _, t := range s.CompositeTypes {
			if t.Name == n {
				return t, nil
			}
		}
		return nil, fmt.Errorf("no composite type %s", n)
	}
	switch c := c.(type) {
	case CreateCompositeType:
		n := cloneComposite(c.Type)
		n.Comment = ""
		s.CompositeTypes = append(s.CompositeTypes, n)
	case DropCompositeType:
		return true, remove(&s.CompositeTypes, func(t *schema.CompositeType) bool { return t.Name == c.Type.Name })
	case ReplaceCompositeType:
		i := slices.IndexFunc(s.CompositeTypes, func(t *schema.CompositeType) bool { return t.Name == c.From.Name })
		if i < 0 {
			return true, fmt.Errorf("no composite type %s", c.From.Name)
		}
		n := cloneComposite(c.To)
		n.Comment = ""
		s.CompositeTypes[i] = n
	case AddAttribute:
		t, err := find(c.Type.Name)
		if err != nil {
			return true, err
		}
		if t.Attribute(c.Attribute.Name) != nil {
			return true, fmt.Errorf("attribute %s exists", c.Attribute.Name)
		}
		na := *c.Attribute
		t.Attributes = append(t.Attributes, &na)
	case DropAttribute:
		t, err := find(c.Type.Name)
		if err != nil {
			return true, err
		}
		return true, remove(&t.Attributes, func(x *schema.Attribute) bool { return x.Name == c.Attribute.Name })
	case AlterAttributeType:
		t, err := find(c.Type.Name)
		if err != nil {
			return true, err
		}
		x := t.Attribute(c.From.Name)
		if x == nil {
			return true, fmt.Errorf("no attribute %s", c.From.Name)
		}
		x.Type, x.Collation = c.To.Type, c.To.Collation
	default:
		return false, nil
	}
	return true, nil
}
