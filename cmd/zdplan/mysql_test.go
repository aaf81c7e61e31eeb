package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// The MySQL files of the CLI tests. Until parser/mysql is part of the
// build, a stand-in dialect returns the schemas these files describe (in
// parser/mysql's model conventions); once the real parser registers
// itself, it parses them instead and the tests hold all the same.
const (
	myCurrent = "CREATE TABLE `users` (\n  `id` bigint NOT NULL AUTO_INCREMENT,\n  `email` varchar(100) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
	myAddCol  = "CREATE TABLE `users` (\n  `id` bigint NOT NULL AUTO_INCREMENT,\n  `email` varchar(100) DEFAULT NULL,\n  `name` varchar(50) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
	myRetype  = "CREATE TABLE `users` (\n  `id` bigint NOT NULL AUTO_INCREMENT,\n  `email` text DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
)

type fakeMySQL struct{}

func (fakeMySQL) Name() string { return "mysql" }

func (fakeMySQL) Parse(file string, src []byte) (*schema.Schema, []parser.Diagnostic, error) {
	pos := schema.Pos{File: file, Line: 1, Col: 1}
	col := func(name, typ string, notNull bool, mods ...string) *schema.Column {
		return &schema.Column{Name: name, Type: &schema.Type{Name: typ, Mods: mods}, NotNull: notNull, Pos: pos}
	}
	id := col("id", "bigint", true)
	id.AutoIncrement = true
	cols := []*schema.Column{id}
	switch string(src) {
	case myCurrent:
		cols = append(cols, col("email", "varchar", false, "100"))
	case myAddCol:
		cols = append(cols, col("email", "varchar", false, "100"), col("name", "varchar", false, "50"))
	case myRetype:
		cols = append(cols, col("email", "text", false))
	default:
		return nil, nil, &parser.Error{Pos: pos, Msg: "the stand-in MySQL parser knows only the test files"}
	}
	t := &schema.Table{Name: schema.Name{Name: "users"}, Columns: cols, Options: map[string]string{"engine": "innodb"}, Pos: pos,
		Constraints: []*schema.Constraint{{Name: "PRIMARY", Kind: schema.PrimaryKey, Columns: []string{"id"}, Pos: pos}}}
	return &schema.Schema{Dialect: "mysql", Tables: []*schema.Table{t}}, nil, nil
}

func init() {
	if _, err := parser.Lookup("mysql"); err != nil {
		parser.Register(fakeMySQL{})
	}
}

func TestMySQLCLI(t *testing.T) {
	dir := t.TempDir()
	cur := write(t, dir, "current.sql", myCurrent)
	addCol := write(t, dir, "add_col.sql", myAddCol)
	retype := write(t, dir, "retype.sql", myRetype)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"detected", []string{cur, addCol}, 0, "(mysql, detected; for MySQL 8.0.29+ and MariaDB 10.6+)", ""},
		{"instant column", []string{"--dialect", "mysql", cur, addCol}, 0, "ADD COLUMN `name` varchar(50) NULL, ALGORITHM=INSTANT", ""},
		{"target", []string{"--target", "mariadb", cur, addCol}, 0, "for MariaDB 10.6+", ""},
		{"unknown target", []string{"--target", "oracle", cur, addCol}, 2, "", "unknown --target"},
		{"table copy blocks", []string{"--type-change", "in-place", cur, retype}, 1, "ZD121 [mysql-table-copy]", ""},
		{"type change through a shadow column", []string{"--format", "sql", cur, retype}, 0, "email_zdplan_new", ""},
		{"copy is explicit", []string{"--type-change", "in-place", "--format", "sql", cur, retype}, 1, "ALGORITHM=COPY, LOCK=SHARED", ""},
		{"rules say which dialect", []string{"rules"}, 0, "(mysql only)", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(tc.args, nil, &out, &errb); code != tc.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tc.code, out.String(), errb.String())
			}
			if !strings.Contains(out.String(), tc.stdout) || !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("want stdout %q, stderr %q; got:\n%s\n%s", tc.stdout, tc.stderr, out.String(), errb.String())
			}
		})
	}
}

// TestMySQLOutDir: MySQL phase files start with the session settings
// (lock_wait_timeout in whole seconds, rounded up), and zdplan.yaml can
// name the target.
func TestMySQLOutDir(t *testing.T) {
	dir := t.TempDir()
	cur := write(t, dir, "current.sql", myCurrent)
	des := write(t, dir, "desired.sql", myAddCol)
	cfg := write(t, dir, "zdplan.yaml", "target: mysql\nlock_timeout: 1500ms\n")
	outDir := filepath.Join(dir, "plan")
	var out, errb bytes.Buffer
	if code := run([]string{"--config", cfg, "--out-dir", outDir, cur, des}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errb.String())
	}
	b, err := os.ReadFile(filepath.Join(outDir, "01_expand.sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"-- For MySQL 8.0.29+; run with: mysql --batch DB < FILE\n", "SET NAMES utf8mb4;\n", "SET SESSION lock_wait_timeout = 2;\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("01_expand.sql lacks %q:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), "SET lock_timeout") || strings.Contains(string(b), "transaction block") {
		t.Errorf("PostgreSQL settings in a MySQL phase file:\n%s", b)
	}
}
