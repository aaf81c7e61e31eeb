package corpus

import (
	"encoding/json"
	"regexp"
	"slices"

	"github.com/zdplan/zdplan/report"
	"github.com/zdplan/zdplan/schema"
)

// roleMaker is a Target that can create the roles a case grants
// privileges to. Roles belong to the whole server: the upstream harness
// creates them before its tests, and so must the runner, or every case
// with a GRANT would be skipped.
type roleMaker interface {
	EnsureRoles(names ...string) error
}

// EnsureRoles implements roleMaker.
func (t pgTarget) EnsureRoles(names ...string) error { return t.s.EnsureRoles(names...) }

var plainRole = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// caseRoles lists the roles a case names: the grantees and FOR ROLE
// roles of both schemas, and the upstream's managed_roles. Names that
// are not plain lower-case identifiers are left out.
func caseRoles(c Case, res *report.Result) []string {
	var names []string
	add := func(n string) {
		if n != "" && n != schema.Public && plainRole.MatchString(n) && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if res != nil && res.Plan != nil && res.Plan.Diff != nil {
		for _, s := range []*schema.Schema{res.Plan.Diff.From, res.Plan.Diff.To} {
			for _, p := range s.Privileges {
				add(p.Grantee)
			}
			for _, d := range s.DefaultPrivileges {
				add(d.Role)
				add(d.Grantee)
			}
		}
	}
	var managed []string
	if raw, ok := c.PeerOptions["managed_roles"]; ok && json.Unmarshal(raw, &managed) == nil {
		for _, n := range managed {
			add(n)
		}
	}
	slices.Sort(names)
	return names
}
