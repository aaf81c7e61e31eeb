package schema

// Domain returns the named domain, or nil. Schemas hold few domains, so
// it searches instead of indexing.
func (s *Schema) Domain(n Name) *Domain {
	for _, d := range s.Domains {
		if d.Name == n {
			return d
		}
	}
	return nil
}

// Check returns the named CHECK constraint of the domain, or nil.
func (d *Domain) Check(name string) *DomainCheck {
	for _, c := range d.Checks {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// UsesType reports whether a column type is the named user-defined type
// (or an array of it).
func (t Type) UsesType(n Name) bool { return t.Schema == n.Schema && t.Name == n.Name }

// Attribute returns the named attribute of the composite type, or nil.
func (c *CompositeType) Attribute(name string) *Attribute {
	for _, a := range c.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// CompositeType returns the named composite type, or nil.
func (s *Schema) CompositeType(n Name) *CompositeType {
	for _, c := range s.CompositeTypes {
		if c.Name == n {
			return c
		}
	}
	return nil
}

// RangeType returns the named range type, or nil.
func (s *Schema) RangeType(n Name) *RangeType {
	for _, r := range s.RangeTypes {
		if r.Name == n {
			return r
		}
	}
	return nil
}

// Collation returns the named collation, or nil.
func (s *Schema) Collation(n Name) *Collation {
	for _, c := range s.Collations {
		if c.Name == n {
			return c
		}
	}
	return nil
}
