package mysql

import (
	"strconv"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/zdplan/zdplan/schema"
)

// defaultCollations maps each character set to its default collation, as
// MariaDB 10.11 reports them (information_schema.character_sets). MySQL 8
// differs for utf8mb4 (utf8mb4_0900_ai_ci); a schema moved between the two
// servers shows that difference, which is real.
var defaultCollations = map[string]string{
	"armscii8": "armscii8_general_ci", "ascii": "ascii_general_ci", "big5": "big5_chinese_ci", "binary": "binary",
	"cp1250": "cp1250_general_ci", "cp1251": "cp1251_general_ci", "cp1256": "cp1256_general_ci",
	"cp1257": "cp1257_general_ci", "cp850": "cp850_general_ci", "cp852": "cp852_general_ci",
	"cp866": "cp866_general_ci", "cp932": "cp932_japanese_ci", "dec8": "dec8_swedish_ci",
	"eucjpms": "eucjpms_japanese_ci", "euckr": "euckr_korean_ci", "gb2312": "gb2312_chinese_ci",
	"gbk": "gbk_chinese_ci", "geostd8": "geostd8_general_ci", "greek": "greek_general_ci",
	"hebrew": "hebrew_general_ci", "hp8": "hp8_english_ci", "keybcs2": "keybcs2_general_ci",
	"koi8r": "koi8r_general_ci", "koi8u": "koi8u_general_ci", "latin1": "latin1_swedish_ci",
	"latin2": "latin2_general_ci", "latin5": "latin5_turkish_ci", "latin7": "latin7_general_ci",
	"macce": "macce_general_ci", "macroman": "macroman_general_ci", "sjis": "sjis_japanese_ci",
	"swe7": "swe7_swedish_ci", "tis620": "tis620_thai_ci", "ucs2": "ucs2_general_ci", "ujis": "ujis_japanese_ci",
	"utf16": "utf16_general_ci", "utf16le": "utf16le_general_ci", "utf32": "utf32_general_ci",
	"utf8mb3": "utf8mb3_general_ci", "utf8mb4": "utf8mb4_general_ci",
}

// normCharset lower-cases a character set name and resolves utf8, which
// MariaDB 10.6+ and MySQL 8 both read as utf8mb3.
func normCharset(cs string) string {
	cs = strings.ToLower(cs)
	if cs == "utf8" {
		return "utf8mb3"
	}
	return cs
}

// normCollation lower-cases a collation name and resolves utf8_*.
func normCollation(co string) string {
	co = strings.ToLower(co)
	if rest, ok := strings.CutPrefix(co, "utf8_"); ok {
		return "utf8mb3_" + rest
	}
	return co
}

// collationCharset is the character set a collation belongs to: the part
// before the first underscore ("binary" is its own).
func collationCharset(co string) string {
	if cs, _, ok := strings.Cut(co, "_"); ok {
		return cs
	}
	return co
}

// charsetCollation completes a (charset, collation) pair: a collation
// implies its charset, a charset alone has its default collation.
func charsetCollation(cs, co string) (string, string) {
	cs, co = normCharset(cs), normCollation(co)
	if co != "" && cs == "" {
		cs = collationCharset(co)
	}
	if co == "" && cs != "" {
		co = defaultCollations[cs]
	}
	return cs, co
}

// geometryTypes are the spatial types; the TiDB parser knows none of them
// (see rewrite.go).
var geometryTypes = []string{"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
	"multipolygon", "geometrycollection", "geomcollection"}

// columnType converts a TiDB field type into the model's, normalising
// aliases the way the server stores them (see package doc). geom is the
// spatial type the column was written with, if any.
func columnType(ft *types.FieldType, geom string) schema.Type {
	if geom != "" {
		if geom == "geomcollection" {
			geom = "geometrycollection" // MySQL 8's alias; MariaDB prints the long name
		}
		return schema.Type{Name: geom}
	}
	t := schema.Type{Name: baseTypeName(ft)}
	flen, dec := ft.GetFlen(), ft.GetDecimal()
	flag := ft.GetFlag()
	t.Unsigned = mysql.HasUnsignedFlag(flag) || mysql.HasZerofillFlag(flag)
	t.Zerofill = mysql.HasZerofillFlag(flag)
	itoa := strconv.Itoa
	switch t.Name {
	case "tinyint":
		// tinyint(1) is how BOOL is stored, and tools read it as a
		// boolean; other display widths mean nothing (and MySQL 8.0.19+
		// no longer prints them).
		if flen == 1 {
			t.Mods = []string{"1"}
		}
	case "smallint", "mediumint", "int", "bigint", "year":
	case "decimal":
		if flen <= 0 {
			flen = 10
		}
		if dec < 0 {
			dec = 0
		}
		t.Mods = []string{itoa(flen), itoa(dec)}
	case "float", "double":
		if flen > 0 && dec >= 0 {
			t.Mods = []string{itoa(flen), itoa(dec)}
		}
	case "char", "binary", "bit":
		if flen <= 0 {
			flen = 1
		}
		t.Mods = []string{itoa(flen)}
	case "varchar", "varbinary":
		if flen >= 0 {
			t.Mods = []string{itoa(flen)}
		}
	case "datetime", "timestamp", "time":
		if dec > 0 {
			t.Mods = []string{itoa(dec)}
		}
	case "enum", "set":
		for _, e := range ft.GetElems() {
			t.Mods = append(t.Mods, QuoteLiteral(e))
		}
	}
	return t
}

// baseTypeName is the lower-case type name without modifiers, from the
// TiDB parser's own rendering of the type (which has resolved aliases:
// INTEGER, BOOL, REAL, NUMERIC, LONG VARCHAR ...).
func baseTypeName(ft *types.FieldType) string {
	switch ft.GetType() {
	case mysql.TypeTiny:
		return "tinyint"
	case mysql.TypeShort:
		return "smallint"
	case mysql.TypeInt24:
		return "mediumint"
	case mysql.TypeLong:
		return "int"
	case mysql.TypeLonglong:
		return "bigint"
	case mysql.TypeNewDecimal:
		return "decimal"
	case mysql.TypeFloat:
		return "float"
	case mysql.TypeDouble:
		return "double"
	case mysql.TypeBit:
		return "bit"
	case mysql.TypeDate:
		return "date"
	case mysql.TypeDatetime:
		return "datetime"
	case mysql.TypeTimestamp:
		return "timestamp"
	case mysql.TypeDuration:
		return "time"
	case mysql.TypeYear:
		return "year"
	case mysql.TypeJSON:
		return "json"
	case mysql.TypeEnum:
		return "enum"
	case mysql.TypeSet:
		return "set"
	}
	// The start of ft.String() (CompactStr begins with it), without
	// rendering the whole type for each column.
	s := strings.ToLower(types.TypeToStr(ft.GetType(), ft.GetCharset()))
	if i := strings.IndexAny(s, "( "); i >= 0 {
		s = s[:i]
	}
	return s
}

// isStringType reports whether a type has a character set.
func isStringType(name string) bool {
	switch name {
	case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set":
		return true
	}
	return false
}

func isIntegerType(name string) bool {
	switch name {
	case "tinyint", "smallint", "mediumint", "int", "bigint":
		return true
	}
	return false
}

func isNumericType(name string) bool {
	switch name {
	case "decimal", "float", "double", "bit", "year":
		return true
	}
	return isIntegerType(name)
}

func isTemporalType(name string) bool {
	switch name {
	case "date", "datetime", "timestamp", "time":
		return true
	}
	return false
}
