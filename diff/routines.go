package diff

import (
	"fmt"
	"slices"

	"github.com/zdplan/zdplan/schema"
)

// CreateExtension creates an extension.
type CreateExtension struct{ Extension *schema.Extension }

// AlterExtension moves an extension to another version (ALTER EXTENSION
// UPDATE TO) or schema (SET SCHEMA).
type AlterExtension struct{ From, To *schema.Extension }

// DropExtension drops an extension.
type DropExtension struct{ Extension *schema.Extension }

// CreateFunction creates a function, procedure or aggregate.
type CreateFunction struct{ Function *schema.Function }

// ReplaceFunction changes a function whose identity (name and argument
// types) stays. Recreate is set when CREATE OR REPLACE cannot do it (the
// return type, argument names or defaults change): the function is then
// dropped and created again, with Dependents (triggers that execute it)
// rebuilt around it.
type ReplaceFunction struct {
	From, To   *schema.Function
	Recreate   bool
	Dependents []*schema.Trigger
}

// DropFunction drops a function, procedure or aggregate.
type DropFunction struct{ Function *schema.Function }

// CreateTrigger creates a trigger.
type CreateTrigger struct{ Trigger *schema.Trigger }

// ReplaceTrigger changes a trigger's definition.
type ReplaceTrigger struct{ From, To *schema.Trigger }

// DropTrigger drops a trigger.
type DropTrigger struct{ Trigger *schema.Trigger }

// SetTriggerEnabled changes when an existing trigger fires (ALTER TABLE
// ... ENABLE | DISABLE [REPLICA | ALWAYS] TRIGGER): From is the state
// CURRENT has, Trigger.Enabled the one DESIRED wants.
type SetTriggerEnabled struct {
	Trigger *schema.Trigger
	From    string
}

func (CreateExtension) Kind() string   { return "CreateExtension" }
func (AlterExtension) Kind() string    { return "AlterExtension" }
func (DropExtension) Kind() string     { return "DropExtension" }
func (CreateFunction) Kind() string    { return "CreateFunction" }
func (ReplaceFunction) Kind() string   { return "ReplaceFunction" }
func (DropFunction) Kind() string      { return "DropFunction" }
func (CreateTrigger) Kind() string     { return "CreateTrigger" }
func (ReplaceTrigger) Kind() string    { return "ReplaceTrigger" }
func (DropTrigger) Kind() string       { return "DropTrigger" }
func (SetTriggerEnabled) Kind() string { return "SetTriggerEnabled" }

func (c CreateExtension) Object() string   { return c.Extension.Name }
func (c AlterExtension) Object() string    { return c.To.Name }
func (c DropExtension) Object() string     { return c.Extension.Name }
func (c CreateFunction) Object() string    { return FunctionObject(c.Function) }
func (c ReplaceFunction) Object() string   { return FunctionObject(c.To) }
func (c DropFunction) Object() string      { return FunctionObject(c.Function) }
func (c CreateTrigger) Object() string     { return TriggerObject(c.Trigger) }
func (c ReplaceTrigger) Object() string    { return TriggerObject(c.To) }
func (c DropTrigger) Object() string       { return TriggerObject(c.Trigger) }
func (c SetTriggerEnabled) Object() string { return TriggerObject(c.Trigger) }

func (c CreateExtension) Pos() schema.Pos   { return c.Extension.Pos }
func (c AlterExtension) Pos() schema.Pos    { return c.To.Pos }
func (c DropExtension) Pos() schema.Pos     { return c.Extension.Pos }
func (c CreateFunction) Pos() schema.Pos    { return c.Function.Pos }
func (c ReplaceFunction) Pos() schema.Pos   { return c.To.Pos }
func (c DropFunction) Pos() schema.Pos      { return c.Function.Pos }
func (c CreateTrigger) Pos() schema.Pos     { return c.Trigger.Pos }
func (c ReplaceTrigger) Pos() schema.Pos    { return c.To.Pos }
func (c DropTrigger) Pos() schema.Pos       { return c.Trigger.Pos }
func (c SetTriggerEnabled) Pos() schema.Pos { return c.Trigger.Pos }

// FunctionObject names a function with its identity arguments.
func FunctionObject(f *schema.Function) string { return fmt.Sprintf("%s(%s)", f.Name, f.Args) }

// TriggerObject names a trigger by its table.
func TriggerObject(t *schema.Trigger) string { return t.Table.String() + "." + t.Name }

func findFunction(s *schema.Schema, f *schema.Function) *schema.Function {
	for _, o := range s.Functions {
		if o.Name == f.Name && o.Args == f.Args {
			return o
		}
	}
	return nil
}

func findTrigger(s *schema.Schema, t *schema.Trigger) *schema.Trigger {
	for _, o := range s.Triggers {
		if o.Table == t.Table && o.Name == t.Name {
			return o
		}
	}
	return nil
}

func findExtension(s *schema.Schema, name string) *schema.Extension {
	for _, o := range s.Extensions {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// routines diffs extensions, functions and triggers. Ranks order their
// steps against tables; here only the changes are found.
func (d *differ) routines() {
	for _, e := range d.to.Extensions {
		old := findExtension(d.from, e.Name)
		switch {
		case old == nil:
			d.add(CreateExtension{e})
		case (e.Version != "" && e.Version != old.Version) || (e.Schema != "" && old.Schema != "" && e.Schema != old.Schema):
			d.add(AlterExtension{old, e})
		}
		// An extension comes with a comment of its own (pg_dump prints
		// it): like the version, it only counts when DESIRED gives one.
		if old != nil && e.Comment != "" && old.Comment != e.Comment {
			d.add(SetComment{On: "EXTENSION", Name: schema.Name{Name: e.Name}, Comment: e.Comment, At: e.Pos})
		}
	}
	recreated := map[*schema.Trigger]bool{}
	for _, f := range d.to.Functions {
		old := findFunction(d.from, f)
		switch {
		case old == nil:
			d.add(CreateFunction{f})
		case old.Key != f.Key:
			c := ReplaceFunction{From: old, To: f, Recreate: !replaceable(old, f)}
			if c.Recreate {
				if users := functionUsers(d.from, old); len(users) > 0 {
					d.add(unsupportedRecreate(f, users))
					break
				}
				for _, t := range d.to.Triggers {
					if t.Function == f.Name && findTrigger(d.from, t) != nil {
						c.Dependents = append(c.Dependents, t)
						recreated[t] = true
					}
				}
			}
			d.add(c)
		}
		if old != nil && old.Comment != f.Comment {
			d.add(SetComment{On: functionWord(f), Name: f.Name, Column: f.Args, Comment: f.Comment, At: f.Pos})
		}
	}
	// A replaced or recreated trigger comes back in the state CURRENT
	// has; a change of state is a step of its own, after them, in the
	// phase that state belongs in.
	var states []Change
	for _, t := range d.to.Triggers {
		old := findTrigger(d.from, t)
		if old != nil && old.Enabled != t.Enabled {
			states = append(states, SetTriggerEnabled{Trigger: t, From: old.Enabled})
		}
		switch {
		case old == nil:
			d.add(CreateTrigger{t})
		case old.Key != t.Key:
			d.add(ReplaceTrigger{old, t})
		case recreated[t]:
			// Rebuilt with its function; the comment goes with it.
			continue
		}
		if old != nil && old.Comment != t.Comment {
			d.add(SetComment{On: "TRIGGER", Name: t.Table, Column: t.Name, Comment: t.Comment, At: t.Pos})
		}
	}
	for _, c := range states {
		d.add(c)
	}
}

// droppedRoutines drops what routines no longer finds, dependents first.
func (d *differ) droppedRoutines() {
	for _, t := range slices.Backward(d.from.Triggers) {
		if findTrigger(d.to, t) == nil {
			d.add(DropTrigger{t})
		}
	}
	for _, f := range slices.Backward(d.from.Functions) {
		if findFunction(d.to, f) == nil {
			d.add(DropFunction{f})
		}
	}
	for _, e := range slices.Backward(d.from.Extensions) {
		if findExtension(d.to, e.Name) == nil {
			d.add(DropExtension{e})
		}
	}
}

// replaceable reports whether CREATE OR REPLACE can turn from into to:
// same kind and return type, and the same parameters (names, modes,
// types) up to defaults added. For an aggregate (CREATE OR REPLACE
// AGGREGATE, PostgreSQL 14+) the return type is its final function's,
// or the state type's without one.
func replaceable(from, to *schema.Function) bool {
	return from.Kind == to.Kind && from.Returns == to.Returns &&
		from.Params == to.Params && to.Defaults >= from.Defaults
}

// functionWord is COMMENT ON's word for a function kind.
func functionWord(f *schema.Function) string {
	switch f.Kind {
	case schema.KindProcedure:
		return "PROCEDURE"
	case schema.KindAggregate:
		return "AGGREGATE"
	}
	return "FUNCTION"
}

// FunctionWord is the SQL keyword of a function's kind (FUNCTION,
// PROCEDURE, AGGREGATE).
func FunctionWord(f *schema.Function) string { return functionWord(f) }

func (a *applier) routine(c Change) (bool, error) {
	s := a.s
	switch c := c.(type) {
	case CreateExtension:
		s.Extensions = append(s.Extensions, c.Extension)
	case AlterExtension:
		for i, e := range s.Extensions {
			if e.Name == c.To.Name {
				s.Extensions[i] = c.To
				return true, nil
			}
		}
		return true, fmt.Errorf("no extension")
	case DropExtension:
		return true, remove(&s.Extensions, func(e *schema.Extension) bool { return e.Name == c.Extension.Name })
	case CreateFunction:
		s.Functions = append(s.Functions, c.Function)
	case ReplaceFunction:
		for i, f := range s.Functions {
			if f.Name == c.To.Name && f.Args == c.To.Args {
				s.Functions[i] = c.To
				return true, nil
			}
		}
		return true, fmt.Errorf("no function")
	case DropFunction:
		return true, remove(&s.Functions, func(f *schema.Function) bool { return f.Name == c.Function.Name && f.Args == c.Function.Args })
	case CreateTrigger:
		s.Triggers = append(s.Triggers, c.Trigger)
	case ReplaceTrigger:
		for i, t := range s.Triggers {
			if t.Table == c.To.Table && t.Name == c.To.Name {
				s.Triggers[i] = c.To
				return true, nil
			}
		}
		return true, fmt.Errorf("no trigger")
	case DropTrigger:
		return true, remove(&s.Triggers, func(t *schema.Trigger) bool { return t.Table == c.Trigger.Table && t.Name == c.Trigger.Name })
	case SetTriggerEnabled:
		for i, t := range s.Triggers {
			if t.Table == c.Trigger.Table && t.Name == c.Trigger.Name {
				n := *t
				n.Enabled = c.Trigger.Enabled
				s.Triggers[i] = &n
				return true, nil
			}
		}
		return true, fmt.Errorf("no trigger")
	default:
		return false, nil
	}
	return true, nil
}

// routineComment applies a SetComment on a function, trigger or
// extension; it reports false for other kinds.
func (a *applier) routineComment(c SetComment) (bool, error) {
	switch c.On {
	case "FUNCTION", "PROCEDURE", "AGGREGATE":
		for i, f := range a.s.Functions {
			if f.Name == c.Name && f.Args == c.Column {
				n := *f
				n.Comment = c.Comment
				a.s.Functions[i] = &n
				return true, nil
			}
		}
		return true, fmt.Errorf("no function")
	case "TRIGGER":
		for i, t := range a.s.Triggers {
			if t.Table == c.Name && t.Name == c.Column {
				n := *t
				n.Comment = c.Comment
				a.s.Triggers[i] = &n
				return true, nil
			}
		}
		return true, fmt.Errorf("no trigger")
	case "EXTENSION":
		for i, e := range a.s.Extensions {
			if e.Name == c.Name.Name {
				n := *e
				n.Comment = c.Comment
				a.s.Extensions[i] = &n
				return true, nil
			}
		}
		return true, fmt.Errorf("no extension")
	}
	return false, nil
}

// Recreates implements Recreator: a function dropped and created again
// loses its privileges.
func (c ReplaceFunction) Recreates() []schema.Ref {
	if !c.Recreate {
		return nil
	}
	return []schema.Ref{{Kind: "function", Name: c.To.Name, Args: c.To.Args}}
}
