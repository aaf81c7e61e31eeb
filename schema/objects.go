package schema

// This file holds the PostgreSQL objects beyond tables, indexes, views,
// sequences and enums: what a pg_dump --schema-only of a real application
// holds besides them. Objects whose body zdplan never needs to take apart
// (a function's body, a trigger's arguments) are kept as their canonical
// definition: a deparsed statement in which formatting, letter case of
// keywords and implied defaults no longer show, so that two files that
// mean the same compare equal.

// Ref names an object another one depends on, for ordering creates and
// drops and for rebuilding dependents.
type Ref struct {
	// Kind is the kind of object: "table", "view", "sequence", "type"
	// (enum, composite, domain or range), "function" (also procedures and
	// aggregates), "extension", "collation", "schema".
	Kind string
	Name Name
	// Args is the identity argument list of a function reference, as in
	// Function.Args; empty when only the name is known, which then means
	// every overload.
	Args string
}

// Extension is a CREATE EXTENSION.
type Extension struct {
	Name string
	// Schema is the schema given WITH SCHEMA, or "" for the default.
	Schema string
	// Version is the version given with VERSION, or "".
	Version string
	Comment string
	Pos     Pos
}

// FunctionKind tells functions, procedures and aggregates apart.
type FunctionKind string

// The function kinds.
const (
	KindFunction  FunctionKind = "function"
	KindProcedure FunctionKind = "procedure"
	KindAggregate FunctionKind = "aggregate"
)

// Function is a function, procedure or aggregate. Overloads share a name
// and differ in Args, so Name and Args together identify one.
type Function struct {
	Kind FunctionKind
	Name Name
	// Args is the identity argument list as PostgreSQL prints it in
	// pg_get_function_identity_arguments: input argument types, qualified
	// where they are not built in, comma-separated ("integer, text").
	Args string
	// Returns is the canonical return type ("" for a procedure): CREATE
	// OR REPLACE cannot change it.
	Returns string
	// Params is the parameter list with names and modes but without
	// defaults, and Defaults the number of defaults: CREATE OR REPLACE
	// can change neither the first nor remove any of the second.
	Params   string
	Defaults int
	// Definition is the canonical CREATE statement.
	Definition string
	// Key is Definition with argument defaults in their comparison form
	// (Expr.Key): two functions with the same Key are the same.
	Key string
	// Deps are the types, tables and functions its signature (and, for
	// SQL-standard bodies, its body) needs.
	Deps    []Ref
	Comment string
	Pos     Pos
}

// Trigger is a CREATE TRIGGER (or CREATE CONSTRAINT TRIGGER) on a table or
// view. Trigger names are unique per table.
type Trigger struct {
	Name  string
	Table Name
	// Constraint is set for a constraint trigger, which CREATE OR REPLACE
	// cannot replace.
	Constraint bool
	// Function is the trigger function it executes.
	Function Name
	// Definition is the canonical CREATE TRIGGER statement.
	Definition string
	// Key is Definition with the WHEN condition in its comparison form.
	Key string
	// Enabled is when the trigger fires, as ALTER TABLE ... ENABLE |
	// DISABLE [REPLICA | ALWAYS] TRIGGER sets it (pg_trigger.tgenabled):
	// TriggerOrigin (the default), TriggerDisabled, TriggerReplica or
	// TriggerAlways. It is not part of Definition: CREATE TRIGGER cannot
	// say it, and CREATE OR REPLACE TRIGGER resets it to TriggerOrigin.
	Enabled string
	Comment string
	Pos     Pos
}

// The firing states of a trigger. Origin is the zero value, so that a
// trigger nobody enabled or disabled needs no state.
const (
	// TriggerOrigin fires unless session_replication_role is replica.
	TriggerOrigin = ""
	// TriggerDisabled never fires.
	TriggerDisabled = "D"
	// TriggerReplica fires only when session_replication_role is replica
	// (in logical replication's apply workers, for one).
	TriggerReplica = "R"
	// TriggerAlways fires in every session.
	TriggerAlways = "A"
)

// Domain is a CREATE DOMAIN.
type Domain struct {
	Name      Name
	Type      Type
	Collation string
	Default   *Expr
	NotNull   bool
	// Checks are the domain's CHECK constraints, each named (PostgreSQL
	// names an unnamed one <domain>_check, <domain>_check1, ...).
	Checks  []*DomainCheck
	Deps    []Ref
	Comment string
	Pos     Pos
}

// DomainCheck is one CHECK constraint of a domain; its expression reads
// VALUE.
type DomainCheck struct {
	Name     string
	Check    *Expr
	NotValid bool
	Comment  string
	Pos      Pos
}

// CompositeType is a CREATE TYPE ... AS (...).
type CompositeType struct {
	Name       Name
	Attributes []*Attribute
	Deps       []Ref
	Comment    string
	Pos        Pos
}

// Attribute is one attribute of a composite type.
type Attribute struct {
	Name      string
	Type      Type
	Collation string
	Pos       Pos
}

// RangeType is a CREATE TYPE ... AS RANGE. A range type cannot be
// altered (but for its name, owner and schema), only dropped and created
// again, so it is compared by its Definition as a whole.
type RangeType struct {
	Name Name
	// Subtype is the element type; Opclass its btree operator class when
	// it is not the subtype's default (qualified, "" otherwise);
	// Collation the collation named by COLLATION (as Column.Collation
	// spells it: "" for the default); Canonical and SubtypeDiff the
	// functions named so, qualified when they are user functions.
	Subtype     Type
	Opclass     string
	Collation   string
	Canonical   string
	SubtypeDiff string
	// Multirange is the multirange type PostgreSQL creates with it, named
	// by MULTIRANGE_TYPE_NAME or after the range's name.
	Multirange Name
	// Definition is the parameter list as pg_dump prints it (subtype,
	// multirange_type_name, subtype_opclass, collation, canonical,
	// subtype_diff), names qualified: the comparison key and what the plan
	// creates.
	Definition string
	// Deps are the user types, collation and functions it uses.
	Deps    []Ref
	Comment string
	Pos     Pos
}

// Collation is a CREATE COLLATION. CREATE COLLATION ... FROM is read as
// the definition of the collation it copies, as the catalog keeps it.
type Collation struct {
	Name Name
	// Provider is "libc", "icu" or (PostgreSQL 17) "builtin".
	Provider      string
	Deterministic bool
	// Locale is the ICU or built-in locale, or the libc locale when
	// LC_COLLATE and LC_CTYPE are the same; LcCollate and LcCtype are set
	// otherwise.
	Locale             string
	LcCollate, LcCtype string
	// Rules are ICU tailoring rules (PostgreSQL 16), or "".
	Rules string
	// Definition is the option list as pg_dump prints it ("provider =
	// icu, deterministic = false, locale = 'und-u-ks-level2'"): the
	// comparison key and what the plan creates.
	Definition string
	Comment    string
	Pos        Pos
}

// Policy is a row-level security policy (CREATE POLICY). Policy names are
// unique per table.
type Policy struct {
	Name  string
	Table Name
	// Permissive is false for AS RESTRICTIVE.
	Permissive bool
	// Command is ALL, SELECT, INSERT, UPDATE or DELETE.
	Command string
	// Roles are the roles it applies to, sorted; "public" stands for
	// PUBLIC (also when none was named: a role cannot be called public),
	// and "current_user", "current_role" and "session_user" for those
	// keywords.
	Roles   []string
	Using   *Expr
	Check   *Expr
	Comment string
	Pos     Pos
}

// Privilege is one entry of an object's access control list: one
// privilege held by one role (or PUBLIC) on one object or column. An
// object's entries are its effective privileges after every GRANT and
// REVOKE of the file (see privileges.go), leaving out its owner's, which
// belong to whoever runs the plan.
type Privilege struct {
	// On is the object: Kind "table", "view" (also a materialized view),
	// "sequence", "function" (also procedures and aggregates, with Args),
	// "schema" (Name.Name only) or "type" (also domains).
	On Ref
	// Column is set for a column privilege (GRANT SELECT (col) ON ...).
	Column string
	// Privilege is the upper-case privilege name (SELECT, USAGE, ...).
	Privilege string
	// Grantee is a role name, or PUBLIC.
	Grantee string
	// Grantable is WITH GRANT OPTION.
	Grantable bool
	// Revoked marks the removal of one of the privileges PostgreSQL gives
	// PUBLIC on every new object of the kind (see BuiltinPrivileges):
	// REVOKE EXECUTE ON FUNCTION f FROM PUBLIC.
	Revoked bool
	Pos     Pos
}

// DefaultPrivilege is one ALTER DEFAULT PRIVILEGES entry: a privilege
// given automatically on objects created later.
type DefaultPrivilege struct {
	// Role is FOR ROLE, or "" for the role that runs the plan.
	Role string
	// Schema is IN SCHEMA, or "" for every schema.
	Schema string
	// ObjectKind is TABLES, SEQUENCES, FUNCTIONS, TYPES or SCHEMAS.
	ObjectKind string
	Privilege  string
	Grantee    string
	Grantable  bool
	// Revoked marks the removal, for every schema, of a privilege
	// PostgreSQL gives PUBLIC by default (EXECUTE on FUNCTIONS, USAGE on
	// TYPES).
	Revoked bool
	Pos     Pos
}
