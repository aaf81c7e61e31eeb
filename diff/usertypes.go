package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// CreateDomain creates a domain with its default, NOT NULL and CHECK
// constraints.
type CreateDomain struct{ Domain *schema.Domain }

// DropDomain drops a domain.
type DropDomain struct{ Domain *schema.Domain }

// ReplaceDomain drops a domain that nothing uses and creates it again:
// its base type or collation changed, which ALTER DOMAIN cannot do.
type ReplaceDomain struct{ From, To *schema.Domain }

// SetDomainDefault sets or changes a domain's default (To.Default).
type SetDomainDefault struct{ From, To *schema.Domain }

// DropDomainDefault removes a domain's default.
type DropDomainDefault struct{ Domain *schema.Domain }

// SetDomainNotNull makes a domain NOT NULL.
type SetDomainNotNull struct{ Domain *schema.Domain }

// DropDomainNotNull makes a domain accept NULL.
type DropDomainNotNull struct{ Domain *schema.Domain }

// AddDomainCheck adds a CHECK constraint to an existing domain. Replace
// is set when it replaces a check of the same name (dropped by a
// DropDomainCheck of the same diff).
type AddDomainCheck struct {
	Domain  *schema.Domain
	Check   *schema.DomainCheck
	Replace bool
}

// DropDomainCheck drops a CHECK constraint of a domain.
type DropDomainCheck struct {
	Domain *schema.Domain
	Check  *schema.DomainCheck
}

// ValidateDomainCheck validates a domain's CHECK constraint that CURRENT
// holds as NOT VALID.
type ValidateDomainCheck struct {
	Domain *schema.Domain
	Check  *schema.DomainCheck
}

// RenameDomainCheck renames a domain's CHECK constraint whose expression
// is unchanged.
type RenameDomainCheck struct {
	Domain   *schema.Domain
	From, To string
}

func (CreateDomain) Kind() string        { return "CreateDomain" }
func (DropDomain) Kind() string          { return "DropDomain" }
func (ReplaceDomain) Kind() string       { return "ReplaceDomain" }
func (SetDomainDefault) Kind() string    { return "SetDomainDefault" }
func (DropDomainDefault) Kind() string   { return "DropDomainDefault" }
func (SetDomainNotNull) Kind() string    { return "SetDomainNotNull" }
func (DropDomainNotNull) Kind() string   { return "DropDomainNotNull" }
func (AddDomainCheck) Kind() string      { return "AddDomainCheck" }
func (DropDomainCheck) Kind() string     { return "DropDomainCheck" }
func (ValidateDomainCheck) Kind() string { return "ValidateDomainCheck" }
func (RenameDomainCheck) Kind() string   { return "RenameDomainCheck" }

func (c CreateDomain) Object() string      { return c.Domain.Name.String() }
func (c DropDomain) Object() string        { return c.Domain.Name.String() }
func (c ReplaceDomain) Object() string     { return c.To.Name.String() }
func (c SetDomainDefault) Object() string  { return c.To.Name.String() }
func (c DropDomainDefault) Object() string { return c.Domain.Name.String() }
func (c SetDomainNotNull) Object() string  { return c.Domain.Name.String() }
func (c DropDomainNotNull) Object() string { return c.Domain.Name.String() }
func (c AddDomainCheck) Object() string    { return c.Domain.Name.String() + "." + c.Check.Name }
func (c DropDomainCheck) Object() string   { return c.Domain.Name.String() + "." + c.Check.Name }
func (c ValidateDomainCheck) Object() string {
	return c.Domain.Name.String() + "." + c.Check.Name
}
func (c RenameDomainCheck) Object() string { return c.Domain.Name.String() + "." + c.From }

func (c CreateDomain) Pos() schema.Pos        { return c.Domain.Pos }
func (c DropDomain) Pos() schema.Pos          { return c.Domain.Pos }
func (c ReplaceDomain) Pos() schema.Pos       { return c.To.Pos }
func (c SetDomainDefault) Pos() schema.Pos    { return c.To.Pos }
func (c DropDomainDefault) Pos() schema.Pos   { return c.Domain.Pos }
func (c SetDomainNotNull) Pos() schema.Pos    { return c.Domain.Pos }
func (c DropDomainNotNull) Pos() schema.Pos   { return c.Domain.Pos }
func (c AddDomainCheck) Pos() schema.Pos      { return c.Check.Pos }
func (c DropDomainCheck) Pos() schema.Pos     { return c.Check.Pos }
func (c ValidateDomainCheck) Pos() schema.Pos { return c.Check.Pos }
func (c RenameDomainCheck) Pos() schema.Pos   { return c.Domain.Pos }

// DomainUsers names what in s uses the domain as its type: table
// columns and domains over it. PostgreSQL refuses to drop it under them,
// and an ALTER DOMAIN that checks values reads their rows.
func DomainUsers(s *schema.Schema, n schema.Name) []string {
	var out []string
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.Type.UsesType(n) {
				out = append(out, "column "+t.Name.String()+"."+c.Name)
			}
		}
	}
	for _, d := range s.Domains {
		if d.Type.UsesType(n) {
			out = append(out, "domain "+d.Name.String())
		}
	}
	return out
}

// domains creates new domains and alters changed ones, in DESIRED order
// (a domain over another comes after it there).
func (d *differ) domains() {
	for _, to := range d.to.Domains {
		from := d.from.Domain(to.Name)
		if from == nil {
			d.add(CreateDomain{to})
			continue
		}
		if !from.Type.Equal(to.Type) || from.Collation != to.Collation {
			if users := DomainUsers(d.from, from.Name); len(users) > 0 {
				d.add(Unsupported{What: fmt.Sprintf("change of the base type or collation of domain %s, which %s uses (ALTER DOMAIN cannot change it; convert the columns to a new domain instead)",
					to.Name, strings.Join(users, ", ")), Name: to.Name.String(), At: to.Pos})
				continue
			}
			d.add(ReplaceDomain{From: from, To: to})
			continue
		}
		d.domainChanges(from, to)
	}
}

func (d *differ) domainChanges(from, to *schema.Domain) {
	if from.NotNull && !to.NotNull {
		d.add(DropDomainNotNull{to})
	}
	if !from.Default.Equal(to.Default) {
		if to.Default == nil {
			d.add(DropDomainDefault{to})
		} else {
			d.add(SetDomainDefault{From: from, To: to})
		}
	}
	// A check dropped and one added with the same expression is a
	// rename: nothing needs checking again.
	var dropped, added []*schema.DomainCheck
	for _, c := range from.Checks {
		if to.Check(c.Name) == nil {
			dropped = append(dropped, c)
		}
	}
	for _, c := range to.Checks {
		if from.Check(c.Name) == nil {
			added = append(added, c)
		}
	}
	renamed := map[string]bool{}
	for _, a := range added {
		i := slices.IndexFunc(dropped, func(c *schema.DomainCheck) bool { return c.Check.Equal(a.Check) })
		if i < 0 {
			continue
		}
		d.add(RenameDomainCheck{Domain: to, From: dropped[i].Name, To: a.Name})
		renamed[a.Name] = true
		if dropped[i].NotValid && !a.NotValid {
			d.add(ValidateDomainCheck{Domain: to, Check: a})
		}
		dropped = slices.Delete(dropped, i, i+1)
	}
	for _, c := range dropped {
		d.add(DropDomainCheck{Domain: from, Check: c})
	}
	for _, c := range to.Checks {
		old := from.Check(c.Name)
		switch {
		case renamed[c.Name]:
		case old == nil:
			d.add(AddDomainCheck{Domain: to, Check: c})
		case !old.Check.Equal(c.Check):
			d.add(DropDomainCheck{Domain: from, Check: old})
			d.add(AddDomainCheck{Domain: to, Check: c, Replace: true})
		case old.NotValid && !c.NotValid:
			d.add(ValidateDomainCheck{Domain: to, Check: c})
		}
	}
	if !from.NotNull && to.NotNull {
		d.add(SetDomainNotNull{to})
	}
}

// droppedDomains drops the domains DESIRED no longer has, a domain over
// another before that other.
func (d *differ) droppedDomains() {
	for _, dom := range slices.Backward(d.from.Domains) {
		if d.to.Domain(dom.Name) == nil {
			d.add(DropDomain{dom})
		}
	}
}

// typeComments sets the comments of domains, their checks and enums.
func (d *differ) typeComments() {
	for _, to := range d.to.Domains {
		from := d.from.Domain(to.Name)
		recreated := from == nil || !from.Type.Equal(to.Type) || from.Collation != to.Collation
		if (recreated && to.Comment != "") || (!recreated && from.Comment != to.Comment) {
			d.add(SetComment{On: "DOMAIN", Name: to.Name, Comment: to.Comment, At: to.Pos})
		}
		for _, c := range to.Checks {
			old := ""
			if !recreated {
				oc := from.Check(c.Name)
				if oc == nil {
					// A renamed check keeps its comment.
					for _, f := range from.Checks {
						if to.Check(f.Name) == nil && f.Check.Equal(c.Check) {
							oc = f
							break
						}
					}
				}
				if oc != nil && oc.Check.Equal(c.Check) {
					old = oc.Comment
				}
			}
			if old != c.Comment {
				d.add(SetComment{On: "CONSTRAINT ON DOMAIN", Name: to.Name, Column: c.Name, Comment: c.Comment, At: c.Pos})
			}
		}
	}
	// Enum comments come with the other objects' (security_comments.go).
}

func cloneDomain(d *schema.Domain) *schema.Domain {
	n := *d
	n.Checks = nil
	for _, c := range d.Checks {
		nc := *c
		n.Checks = append(n.Checks, &nc)
	}
	n.Deps = slices.Clone(d.Deps)
	return &n
}

func (a *applier) domain(n schema.Name) (*schema.Domain, error) {
	for _, d := range a.s.Domains {
		if d.Name == n {
			return d, nil
		}
	}
	return nil, fmt.Errorf("no domain %s", n)
}

// applyType applies the changes of this file; ok is false for other
// kinds.
func (a *applier) applyType(c Change) (ok bool, err error) {
	s := a.s
	var name schema.Name
	switch c := c.(type) {
	case CreateDomain:
		s.Domains = append(s.Domains, cloneDomain(c.Domain))
		return true, nil
	case DropDomain:
		return true, remove(&s.Domains, func(d *schema.Domain) bool { return d.Name == c.Domain.Name })
	case ReplaceDomain:
		i := slices.IndexFunc(s.Domains, func(d *schema.Domain) bool { return d.Name == c.From.Name })
		if i < 0 {
			return true, fmt.Errorf("no domain")
		}
		s.Domains[i] = cloneDomain(c.To)
		return true, nil
	case SetDomainDefault:
		name = c.To.Name
	case DropDomainDefault:
		name = c.Domain.Name
	case SetDomainNotNull:
		name = c.Domain.Name
	case DropDomainNotNull:
		name = c.Domain.Name
	case AddDomainCheck:
		name = c.Domain.Name
	case DropDomainCheck:
		name = c.Domain.Name
	case ValidateDomainCheck:
		name = c.Domain.Name
	case RenameDomainCheck:
		name = c.Domain.Name
	default:
		return false, nil
	}
	d, err := a.domain(name)
	if err != nil {
		return true, err
	}
	switch c := c.(type) {
	case SetDomainDefault:
		d.Default = c.To.Default
	case DropDomainDefault:
		d.Default = nil
	case SetDomainNotNull:
		d.NotNull = true
	case DropDomainNotNull:
		d.NotNull = false
	case AddDomainCheck:
		if d.Check(c.Check.Name) != nil {
			return true, fmt.Errorf("constraint exists")
		}
		nc := *c.Check
		nc.Comment = ""
		d.Checks = append(d.Checks, &nc)
	case DropDomainCheck:
		return true, remove(&d.Checks, func(k *schema.DomainCheck) bool { return k.Name == c.Check.Name })
	case ValidateDomainCheck:
		k := d.Check(c.Check.Name)
		if k == nil {
			return true, fmt.Errorf("no constraint")
		}
		k.NotValid = false
	case RenameDomainCheck:
		k := d.Check(c.From)
		if k == nil {
			return true, fmt.Errorf("no constraint")
		}
		k.Name = c.To
	}
	return true, nil
}

// setTypeComment applies a SetComment on a domain, its check or a type;
// ok is false for other objects.
func (a *applier) setTypeComment(c SetComment) (ok bool, err error) {
	switch c.On {
	case "DOMAIN", "CONSTRAINT ON DOMAIN":
		d, err := a.domain(c.Name)
		if err != nil {
			return true, err
		}
		if c.On == "DOMAIN" {
			d.Comment = c.Comment
			return true, nil
		}
		k := d.Check(c.Column)
		if k == nil {
			return true, fmt.Errorf("no constraint %s on domain %s", c.Column, c.Name)
		}
		k.Comment = c.Comment
		return true, nil
	case "TYPE":
		for _, e := range a.s.Enums {
			if e.Name == c.Name {
				e.Comment = c.Comment
				return true, nil
			}
		}
		return true, fmt.Errorf("no type %s", c.Name)
	}
	return false, nil
}
