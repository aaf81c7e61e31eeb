package postgres

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// builtinTypes maps the internal names the grammar produces (and users may
// write) to the names format_type prints, which are the model's canonical
// spelling.
var builtinTypes = map[string]string{
	"int2": "smallint", "smallint": "smallint",
	"int4": "integer", "int": "integer", "integer": "integer",
	"int8": "bigint", "bigint": "bigint",
	"float4": "real", "real": "real",
	"float8": "double precision", "double precision": "double precision",
	"numeric": "numeric", "decimal": "numeric",
	"bool": "boolean", "boolean": "boolean",
	"varchar": "character varying", "character varying": "character varying",
	"bpchar": "character", "character": "character",
	"text": "text", "name": "name", "char": `"char"`,
	"bytea":       "bytea",
	"date":        "date",
	"time":        "time without time zone",
	"timetz":      "time with time zone",
	"timestamp":   "timestamp without time zone",
	"timestamptz": "timestamp with time zone",
	"interval":    "interval",
	"json":        "json", "jsonb": "jsonb", "jsonpath": "jsonpath",
	"uuid": "uuid", "xml": "xml", "money": "money",
	"inet": "inet", "cidr": "cidr", "macaddr": "macaddr", "macaddr8": "macaddr8",
	"bit": "bit", "varbit": "bit varying",
	"tsvector": "tsvector", "tsquery": "tsquery",
	"point": "point", "line": "line", "lseg": "lseg", "box": "box", "path": "path",
	"polygon": "polygon", "circle": "circle",
	"int4range": "int4range", "int8range": "int8range", "numrange": "numrange",
	"tsrange": "tsrange", "tstzrange": "tstzrange", "daterange": "daterange",
	"int4multirange": "int4multirange", "int8multirange": "int8multirange",
	"nummultirange": "nummultirange", "tsmultirange": "tsmultirange",
	"tstzmultirange": "tstzmultirange", "datemultirange": "datemultirange",
	"oid": "oid", "regclass": "regclass", "regtype": "regtype", "regproc": "regproc",
	"pg_lsn": "pg_lsn", "txid_snapshot": "txid_snapshot", "pg_snapshot": "pg_snapshot",
}

// serialTypes are the pseudo-types that expand to an integer column, a
// sequence it owns, and a nextval default.
var serialTypes = map[string]string{
	"smallserial": "smallint", "serial2": "smallint",
	"serial": "integer", "serial4": "integer",
	"bigserial": "bigint", "serial8": "bigint",
}

// resolveType turns a TypeName into the canonical model type. It reports
// the integer type for serial pseudo-types in serial.
func (p *state) resolveType(tn *pg.TypeName) (t schema.Type, serial string, err error) {
	if tn.Setof || tn.PctType {
		return t, "", fmt.Errorf("type %s is not supported in a column definition", typeNameString(tn))
	}
	var names []string
	for _, n := range tn.Names {
		names = append(names, n.GetString_().GetSval())
	}
	if len(names) == 0 {
		return t, "", fmt.Errorf("empty type name")
	}
	last := names[len(names)-1]
	builtin := len(names) == 1 || (len(names) == 2 && names[0] == "pg_catalog")
	// "_text" is the internal name of text[].
	arrayOf := 0
	if elem, ok := strings.CutPrefix(last, "_"); ok && builtin && builtinTypes[elem] != "" {
		last, arrayOf = elem, 1
	}
	switch {
	case builtin && serialTypes[last] != "" && len(names) == 1:
		serial = serialTypes[last]
		t.Name = serial
	case builtin && builtinTypes[last] != "":
		t.Name = builtinTypes[last]
	case len(names) == 1:
		t.Schema, t.Name = p.resolveTypeSchema(last), last
	case len(names) == 2:
		t.Schema, t.Name = names[0], last
	default:
		return t, "", fmt.Errorf("cross-database type reference %s", strings.Join(names, "."))
	}
	for _, m := range tn.Typmods {
		switch {
		case m.GetAConst() != nil:
			c := m.GetAConst()
			if iv, ok := c.Val.(*pg.A_Const_Ival); ok {
				t.Mods = append(t.Mods, fmt.Sprint(iv.Ival.GetIval()))
			} else if sv := c.GetSval(); sv != nil {
				t.Mods = append(t.Mods, sv.Sval)
			} else {
				return t, "", fmt.Errorf("unsupported type modifier in %s", typeNameString(tn))
			}
		case m.GetColumnRef() != nil:
			// Free-form typmods of extension types, e.g. geometry(Point).
			t.Mods = append(t.Mods, m.GetColumnRef().Fields[0].GetString_().GetSval())
		default:
			return t, "", fmt.Errorf("unsupported type modifier in %s", typeNameString(tn))
		}
	}
	t.Mods = normaliseMods(t, t.Mods)
	t.ArrayDims = int32(len(tn.ArrayBounds) + arrayOf)
	return t, serial, nil
}

// normaliseMods drops modifiers that only restate the default, and turns
// the interval field masks the grammar produces back into words.
func normaliseMods(t schema.Type, mods []string) []string {
	if t.Schema != "" {
		return mods
	}
	switch t.Name {
	case "interval":
		// The grammar encodes "interval day to second" as a field bit mask
		// followed by an optional precision; 32767 means "all fields".
		if len(mods) > 0 && mods[0] == "32767" {
			return mods[1:]
		}
	case "timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone":
		// The default precision is not written back by format_type.
	}
	return mods
}

// resolveTypeSchema finds the schema of an unqualified user-defined type:
// the first schema on the search path that declares it, else the default.
func (p *state) resolveTypeSchema(name string) string {
	for _, s := range p.searchPath {
		if p.typeNames[schema.Name{Schema: s, Name: name}] {
			return s
		}
	}
	return p.defaultSchema()
}

func typeNameString(tn *pg.TypeName) string {
	var parts []string
	for _, n := range tn.Names {
		parts = append(parts, n.GetString_().GetSval())
	}
	return strings.Join(parts, ".")
}

// SequenceBounds returns the default MINVALUE and MAXVALUE for a sequence
// of the given type and direction, as CREATE SEQUENCE chooses them.
func SequenceBounds(typ string, increment int64) (lo, hi int64) {
	var max int64
	switch typ {
	case "smallint":
		max = 1<<15 - 1
	case "integer":
		max = 1<<31 - 1
	default:
		max = 1<<63 - 1
	}
	if increment < 0 {
		return -max - 1, -1
	}
	return 1, max
}
