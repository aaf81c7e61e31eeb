package mytest

import (
	"database/sql"
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/zdplan/zdplan/internal/snapdiff"
)

// snapshotSQL is kept in its own file so that it can be read, and run by
// hand with mysql --xml, as the single definition of what a snapshot
// covers.
//
//go:embed snapshot.sql
var snapshotSQL string

// Snapshot describes a database's schema as the server itself understands
// it, read from information_schema only, so that two databases can be
// compared without trusting any SQL parsing of our own: a plan is correct
// when applying it yields the same snapshot as creating the target schema
// directly.
//
// Keys name one object each, as "<kind> <name>", with identifiers quoted in
// backticks only when they contain anything but letters, digits, _ and $
// (so users.email but `order lines`.`unit price`). The database name never
// appears, in keys or values, so databases with different names compare
// equal. The kinds are:
//
//	table T                 table type, engine, collation, comment
//	column T.C              column_type (with unsigned, zerofill, enum and
//	                        set values), nullability, default, extra
//	                        (auto_increment, on update ..., INVISIBLE),
//	                        generation expression, character set, collation,
//	                        comment
//	index T.I               unique or not, type (BTREE, FULLTEXT, SPATIAL,
//	                        HASH), columns with prefix length and direction,
//	                        comment, IGNORED
//	constraint T.N          FOREIGN KEY (columns, referenced table and
//	                        columns, ON UPDATE / ON DELETE) or CHECK (clause)
//	view V                  columns in order with type and nullability,
//	                        check option, security type, algorithm
//	viewdef V               the definition as the server rewrote it
//	trigger T.N, routine FUNCTION|PROCEDURE N, event N
//
// PRIMARY KEY and UNIQUE constraints are indexes in MySQL and appear as
// "index T.PRIMARY" and "index T.<name>"; the index that InnoDB creates
// for a foreign key appears as an index too, under the name InnoDB chose.
//
// Defaults are the server's own text (MariaDB 10.2.7+): 'abc' for a string,
// NULL for an explicit or implicit DEFAULT NULL, current_timestamp() for an
// expression, and nothing at all for a column without a default; so
// DEFAULT 'NULL' and DEFAULT NULL stay apart.
//
// Left out deliberately, because a migration cannot or need not reproduce
// them:
//
//   - column order: ALTER TABLE ADD COLUMN appends (AFTER/FIRST would
//     rebuild the table on older servers and buys nothing), so insisting on
//     DESIRED's order would make every online column addition look wrong.
//     View columns keep their order, since it is part of the view.
//   - the AUTO_INCREMENT counter, row counts, sizes, times, and
//     create_options (ROW_FORMAT, STATS_*, partitioning);
//   - definers, privileges, and the sql_mode stored with views, triggers
//     and routines;
//   - the LEVEL of a CHECK constraint: an inline column check (named after
//     its column) and a table-level check of the same name and clause
//     enforce the same rule, and ALTER TABLE ADD CONSTRAINT can only
//     create the latter;
//   - the view definition's database qualifier (`db`.`t` becomes `t`); the
//     rest of the rewritten definition is compared under "viewdef", a key
//     of its own so that a case can list it as equivalent when an
//     equivalent query is rewritten differently.
type Snapshot struct {
	// Objects maps each object key to its description.
	Objects map[string]string
}

// Snapshot reads the schema description.
func (db *DB) Snapshot() (*Snapshot, error) {
	rows, err := db.QueryRows(snapshotSQL)
	if err != nil {
		return nil, err
	}
	return buildSnapshot(rows)
}

type indexPart struct {
	seq  int
	text string
}

type viewColumn struct {
	pos  int
	text string
}

// buildSnapshot turns the tagged rows of snapshot.sql into objects. Rows
// of one object (index columns, foreign key columns, view columns) arrive
// in order, but are collected by key first so that the result does not
// depend on it.
func buildSnapshot(rows [][]sql.NullString) (*Snapshot, error) {
	snap := &Snapshot{Objects: map[string]string{}}
	put := func(key, value string) error {
		if old, dup := snap.Objects[key]; dup {
			// Two objects mapping to one key would make comparisons
			// silently lossy.
			return fmt.Errorf("mytest: duplicate snapshot key %q (%q and %q)", key, old, value)
		}
		snap.Objects[key] = value
		return nil
	}
	type multi struct {
		head  string
		parts []indexPart
	}
	indexes := map[string]*multi{}
	fks := map[string]*fkDesc{}
	views := map[string][]viewColumn{}
	viewInfo := map[string]string{}
	params := map[string][]string{}

	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		f := func(i int) string {
			if i >= len(r) {
				return ""
			}
			return r[i].String
		}
		null := func(i int) bool { return i >= len(r) || !r[i].Valid }
		var err error
		switch tag := f(0); tag {
		case "table":
			// table_name, table_type, engine, table_collation, table_comment
			v := f(2)
			if !null(3) {
				v += " ENGINE=" + f(3)
			}
			if !null(4) {
				v += " COLLATE=" + f(4)
			}
			if f(5) != "" {
				v += " COMMENT=" + quoteText(f(5))
			}
			err = put("table "+Ident(f(1)), v)
		case "column":
			// table, column, ordinal, type, nullable, default, extra,
			// charset, collation, generation, comment, table_type
			if f(12) == "VIEW" {
				desc := Ident(f(2)) + " " + f(4)
				if f(5) == "NO" {
					desc += " NOT NULL"
				}
				views[f(1)] = append(views[f(1)], viewColumn{atoi(f(3)), desc})
				continue
			}
			err = put("column "+Ident(f(1))+"."+Ident(f(2)), columnDesc(r))
		case "index":
			// table, index, non_unique, seq, column, sub_part, collation,
			// index_type, comment, ignored
			key := "index " + Ident(f(1)) + "." + Ident(f(2))
			m := indexes[key]
			if m == nil {
				head := "UNIQUE " + f(8)
				if f(3) == "1" {
					head = f(8)
				}
				var tail string
				if f(9) != "" {
					tail += " COMMENT " + quoteText(f(9))
				}
				if f(10) == "YES" {
					tail += " IGNORED"
				}
				m = &multi{head: head + "\x00" + tail}
				indexes[key] = m
			}
			part := Ident(f(5))
			if null(5) {
				part = "<expression>"
			}
			if !null(6) {
				part += "(" + f(6) + ")"
			}
			if f(7) == "D" {
				part += " DESC"
			}
			m.parts = append(m.parts, indexPart{atoi(f(4)), part})
		case "fk":
			// table, name, ordinal, column, ref schema, ref table, ref
			// column, update rule, delete rule
			key := "constraint " + Ident(f(1)) + "." + Ident(f(2))
			d := fks[key]
			if d == nil {
				ref := Ident(f(6))
				if f(5) != "" {
					ref = Ident(f(5)) + "." + ref
				}
				d = &fkDesc{ref: ref, rules: " ON UPDATE " + f(8) + " ON DELETE " + f(9)}
				fks[key] = d
			}
			d.cols = append(d.cols, indexPart{atoi(f(3)), Ident(f(4))})
			d.refCols = append(d.refCols, indexPart{atoi(f(3)), Ident(f(7))})
		case "check":
			err = put("constraint "+Ident(f(1))+"."+Ident(f(2)), "CHECK ("+f(3)+")")
		case "view":
			// name, definition, check_option, security_type, algorithm
			viewInfo[f(1)] = fmt.Sprintf("CHECK OPTION %s, SQL SECURITY %s, ALGORITHM %s", f(3), f(4), f(5))
			err = put("viewdef "+Ident(f(1)), f(2))
		case "trigger":
			// table, name, timing, event, orientation, order, statement
			err = put("trigger "+Ident(f(1))+"."+Ident(f(2)),
				fmt.Sprintf("%s %s FOR EACH %s (order %s)\n%s", f(3), f(4), f(5), f(6), f(7)))
		case "routine":
			// type, name, returns, deterministic, data access, body, comment
			key := "routine " + f(1) + " " + Ident(f(2))
			v := fmt.Sprintf("RETURNS %s DETERMINISTIC %s %s COMMENT %s\n%s", f(3), f(4), f(5), quoteText(f(7)), f(6))
			err = put(key, v)
		case "param":
			// routine type, routine name, position, mode, name, type
			key := "routine " + f(1) + " " + Ident(f(2))
			params[key] = append(params[key], strings.TrimSpace(f(4)+" "+Ident(f(5))+" "+f(6)))
		case "event":
			// name, type, interval value, interval field, status, body
			err = put("event "+Ident(f(1)), fmt.Sprintf("%s EVERY %s %s %s\n%s", f(2), f(3), f(4), f(5), f(6)))
		default:
			err = fmt.Errorf("mytest: unexpected snapshot row tag %q", tag)
		}
		if err != nil {
			return nil, err
		}
	}

	for key, m := range indexes {
		head, tail, _ := strings.Cut(m.head, "\x00")
		if err := put(key, head+" ("+joinParts(m.parts)+")"+tail); err != nil {
			return nil, err
		}
	}
	for key, d := range fks {
		v := "FOREIGN KEY (" + joinParts(d.cols) + ") REFERENCES " + d.ref + " (" + joinParts(d.refCols) + ")" + d.rules
		if err := put(key, v); err != nil {
			return nil, err
		}
	}
	for name, info := range viewInfo {
		cols := views[name]
		sort.Slice(cols, func(i, j int) bool { return cols[i].pos < cols[j].pos })
		var b strings.Builder
		b.WriteString(info)
		for _, c := range cols {
			b.WriteString("\n" + c.text)
		}
		if err := put("view "+Ident(name), b.String()); err != nil {
			return nil, err
		}
	}
	for key, ps := range params {
		v, ok := snap.Objects[key]
		if !ok {
			continue
		}
		snap.Objects[key] = "(" + strings.Join(ps, ", ") + ") " + v
	}
	return snap, nil
}

type fkDesc struct {
	cols, refCols []indexPart
	ref, rules    string
}

// columnDesc renders a column the way it would be declared, from the
// snapshot row "column", table, column, ordinal, type, nullable, default,
// extra, charset, collation, generation, comment, table_type.
func columnDesc(r []sql.NullString) string {
	f := func(i int) string { return r[i].String }
	var b strings.Builder
	b.WriteString(f(4))
	if !r[8].Valid && !r[9].Valid {
		// not a character column
	} else {
		fmt.Fprintf(&b, " CHARACTER SET %s COLLATE %s", f(8), f(9))
	}
	extra := f(7)
	if strings.Contains(extra, "GENERATED") {
		kind := "VIRTUAL"
		if strings.Contains(extra, "STORED") {
			kind = "STORED"
		}
		fmt.Fprintf(&b, " GENERATED ALWAYS AS (%s) %s", f(10), kind)
		extra = strings.TrimSpace(strings.NewReplacer("VIRTUAL GENERATED", "", "STORED GENERATED", "").Replace(extra))
	}
	if f(5) == "NO" {
		b.WriteString(" NOT NULL")
	} else {
		b.WriteString(" NULL")
	}
	if r[6].Valid {
		b.WriteString(" DEFAULT " + f(6))
	}
	if extra != "" {
		b.WriteString(" " + extra)
	}
	if f(11) != "" {
		b.WriteString(" COMMENT " + quoteText(f(11)))
	}
	return b.String()
}

func joinParts(parts []indexPart) string {
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].seq < parts[j].seq })
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = p.text
	}
	return strings.Join(s, ", ")
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

var plainIdent = regexp.MustCompile(`^[A-Za-z0-9_$]+$`)

// Ident renders an identifier for a snapshot key: as is when it is plain,
// in backticks otherwise, so that keys stay unambiguous for names with
// dots, spaces or backticks in them.
func Ident(name string) string {
	if plainIdent.MatchString(name) {
		return name
	}
	return QuoteIdent(name)
}

// quoteText renders a comment for a description, in single quotes with
// quotes doubled, so that an empty comment and a missing one differ and
// trailing spaces are visible.
func quoteText(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Keys lists the object keys in order, for stable iteration.
func (s *Snapshot) Keys() []string { return snapdiff.Keys(s.Objects) }

// String renders the snapshot as sorted "key: value" entries, suitable for
// golden files and for printing when a test fails.
func (s *Snapshot) String() string { return snapdiff.String(s.Objects) }
