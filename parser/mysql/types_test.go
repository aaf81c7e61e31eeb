package mysql

import (
	"strings"
	"testing"

	tidb "github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
)

// TestBaseTypeNameMatchesString: baseTypeName takes the name from
// types.TypeToStr instead of rendering the whole type; it must give what
// the start of the TiDB parser's full rendering gives, for every type.
func TestBaseTypeNameMatchesString(t *testing.T) {
	for _, typ := range []string{
		"tinyint", "bool", "smallint unsigned", "mediumint zerofill", "int", "integer", "bigint(20)",
		"decimal(10,2)", "numeric", "float", "double precision", "real", "bit(3)",
		"char(3)", "char(3) binary", "nchar(2)", "national varchar(9)", "varchar(10) character set latin1",
		"binary(4)", "varbinary(8)", "long varchar", "tinytext", "text", "mediumtext", "longtext",
		"tinyblob", "blob", "mediumblob", "longblob", "long varbinary", "text character set binary",
		"date", "datetime(3)", "timestamp", "time(6)", "year", "json",
		"enum('a','b')", "set('x')",
	} {
		t.Run(typ, func(t *testing.T) {
			stmt, err := tidb.New().ParseOneStmt("CREATE TABLE t (c "+typ+")", "", "")
			if err != nil {
				t.Fatal(err)
			}
			ft := stmt.(*ast.CreateTableStmt).Cols[0].Tp
			want := strings.ToLower(ft.String())
			if i := strings.IndexAny(want, "( "); i >= 0 {
				want = want[:i]
			}
			if got := baseTypeName(ft); got != want {
				t.Errorf("baseTypeName = %q, the rendering %q starts with %q", got, ft.String(), want)
			}
		})
	}
}
