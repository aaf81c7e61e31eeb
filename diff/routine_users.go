package diff

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// CallsFunction reports whether an expression calls a function of that
// name, qualified or not, its identifiers quoted or not. It matches by
// name: an overload of the same name counts too, which errs towards
// taking more off and putting it back, or reporting more.
func CallsFunction(sql string, n schema.Name) bool { return callPattern(n).MatchString(sql) }

// callPattern matches a call of a function of that name.
func callPattern(n schema.Name) *regexp.Regexp {
	ident := func(s string) string {
		q := `"` + regexp.QuoteMeta(strings.ReplaceAll(s, `"`, `""`)) + `"`
		if s == strings.ToLower(s) {
			return `(?:` + q + `|` + regexp.QuoteMeta(s) + `)`
		}
		return q
	}
	return regexp.MustCompile(`(^|[^\w."])(` + ident(n.Schema) + `\.)?` + ident(n.Name) + `\s*\(`)
}

// functionUsers lists the objects of CURRENT that depend on a function of
// f's name and that a DROP FUNCTION (without CASCADE) would refuse to go
// past, other than those the plan takes off and puts back around it
// (triggers, column defaults, CHECK constraints of tables): indexes (which
// can only be built again CONCURRENTLY, outside the transaction the
// function is recreated in, leaving queries without them meanwhile),
// views, domain checks, policies, generated columns and aggregates built
// on it.
func functionUsers(s *schema.Schema, f *schema.Function) []string {
	var out []string
	re := callPattern(f.Name)
	calls := func(e *schema.Expr) bool { return e != nil && re.MatchString(e.SQL) }
	for _, i := range s.Indexes {
		uses := calls(i.Where)
		for _, k := range i.Keys {
			uses = uses || calls(k.Expr)
		}
		if uses {
			out = append(out, "index "+i.Name.String())
		}
	}
	for _, v := range s.Views {
		if calls(&v.Query) {
			out = append(out, kindOfView(v)+" "+v.Name.String())
		}
	}
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if calls(c.Extra().Generated) {
				out = append(out, "generated column "+t.Name.String()+"."+c.Name)
			}
		}
	}
	for _, d := range s.Domains {
		for _, k := range d.Checks {
			if calls(k.Check) {
				out = append(out, "check "+k.Name+" of domain "+d.Name.String())
			}
		}
	}
	for _, p := range s.Policies {
		if calls(p.Using) || calls(p.Check) {
			out = append(out, "policy "+p.Name+" on "+p.Table.String())
		}
	}
	if f.Kind != schema.KindAggregate {
		for _, a := range s.Functions {
			if a.Kind == schema.KindAggregate && slices.ContainsFunc(a.Deps, func(r schema.Ref) bool { return r.Kind == "function" && r.Name == f.Name }) {
				out = append(out, "aggregate "+FunctionObject(a))
			}
		}
	}
	return out
}

// unsupportedRecreate is the diagnostic for a function that would have to
// be dropped and created again while objects the plan cannot rebuild
// around it use it: the plan's DROP FUNCTION would fail.
func unsupportedRecreate(f *schema.Function, users []string) Unsupported {
	return Unsupported{
		What: fmt.Sprintf("change of the return type or parameters of %s %s, which %s %s (DROP %s would fail while they depend on it; "+
			"create the new version under another name or as an overload, and move them over to it)",
			f.Kind, FunctionObject(f), strings.Join(users, ", "), pluralUse(len(users)), functionWord(f)),
		Name: FunctionObject(f),
		At:   f.Pos,
	}
}

func pluralUse(n int) string {
	if n == 1 {
		return "uses"
	}
	return "use"
}
