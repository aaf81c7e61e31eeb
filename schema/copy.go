package schema

// Copy returns a copy of s that shares its objects but not its lookup
// index, so that the copy's object lists can be replaced (the diff does,
// to see CURRENT with renamed tables) without stale lookups. A field added
// to Schema must be added here: TestCopy checks that none is missed.
func (s *Schema) Copy() *Schema {
	return &Schema{
		Dialect:           s.Dialect,
		Namespaces:        s.Namespaces,
		Tables:            s.Tables,
		Indexes:           s.Indexes,
		Views:             s.Views,
		Sequences:         s.Sequences,
		Enums:             s.Enums,
		PublicComment:     s.PublicComment,
		Extensions:        s.Extensions,
		Functions:         s.Functions,
		Triggers:          s.Triggers,
		Domains:           s.Domains,
		CompositeTypes:    s.CompositeTypes,
		RangeTypes:        s.RangeTypes,
		Collations:        s.Collations,
		Policies:          s.Policies,
		Privileges:        s.Privileges,
		DefaultPrivileges: s.DefaultPrivileges,
		Unsupported:       s.Unsupported,
	}
}
