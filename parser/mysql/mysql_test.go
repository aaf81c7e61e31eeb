package mysql

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/parser/parsertest"
	"github.com/zdplan/zdplan/schema"
)

func mustParse(t *testing.T, src string) *schema.Schema {
	t.Helper()
	s, _, err := Parse("test.sql", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	return s
}

// TestSameSchemaWrittenDifferently: pairs of spellings that must give the
// same model.
func TestSameSchemaWrittenDifferently(t *testing.T) {
	for _, tc := range []struct{ name, a, b string }{
		{"display widths", "CREATE TABLE t (a int(11), b bigint(20) unsigned, c smallint(6), d year(4))",
			"CREATE TABLE t (a int, b bigint unsigned, c smallint, d year)"},
		{"KEY and INDEX", "CREATE TABLE t (a int, KEY k (a))", "CREATE TABLE t (a int, INDEX k (a))"},
		{"inline and table-level keys", "CREATE TABLE t (id int PRIMARY KEY, e varchar(9) UNIQUE)",
			"CREATE TABLE t (id int NOT NULL, e varchar(9), PRIMARY KEY (id), UNIQUE KEY e (e))"},
		{"BOOL", "CREATE TABLE t (a BOOL, b BOOLEAN DEFAULT TRUE)", "CREATE TABLE t (a tinyint(1), b tinyint(1) DEFAULT 1)"},
		{"backticks", "CREATE TABLE `t` (`a` int, `b` int, KEY `k` (`a`, `b`))", "CREATE TABLE t (a int, b int, KEY k (a, b))"},
		{"unnamed FK and its names", `CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p_id int, FOREIGN KEY (p_id) REFERENCES p (id))`,
			"CREATE TABLE p (id int NOT NULL, PRIMARY KEY (id)); CREATE TABLE c (p_id int, KEY p_id (p_id), CONSTRAINT c_ibfk_1 FOREIGN KEY (p_id) REFERENCES p (id))"},
		{"RESTRICT, NO ACTION and nothing", "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (a int, b int, FOREIGN KEY (a) REFERENCES p (id) ON DELETE RESTRICT, FOREIGN KEY (b) REFERENCES p (id) ON UPDATE NO ACTION)",
			"CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (a int, b int, FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b) REFERENCES p (id))"},
		{"numeric defaults", "CREATE TABLE t (a int DEFAULT 0, b decimal(5,2) DEFAULT '1.5', c float DEFAULT 1e3, d bit(3) DEFAULT b'101')",
			"CREATE TABLE t (a int DEFAULT '0', b decimal(5,2) DEFAULT 1.50, c float DEFAULT 1000, d bit(3) DEFAULT 5)"},
		{"string defaults", `CREATE TABLE t (a varchar(3) DEFAULT 0, b char(2) DEFAULT "x")`, "CREATE TABLE t (a varchar(3) DEFAULT '0', b char(2) DEFAULT 'x')"},
		{"DEFAULT NULL", "CREATE TABLE t (a int DEFAULT NULL, b text NULL)", "CREATE TABLE t (a int, b text)"},
		{"current timestamp", "CREATE TABLE t (a timestamp DEFAULT now() ON UPDATE localtimestamp, b datetime(3) DEFAULT now(3))",
			"CREATE TABLE t (a timestamp DEFAULT CURRENT_TIMESTAMP ON UPDATE current_timestamp(), b datetime(3) DEFAULT CURRENT_TIMESTAMP(3))"},
		{"temporal defaults", "CREATE TABLE t (a datetime(2) DEFAULT '2020-01-01', b time DEFAULT '9:30')",
			"CREATE TABLE t (a datetime(2) DEFAULT '2020-01-01 00:00:00.00', b time DEFAULT '09:30:00')"},
		{"charset spelled or inherited", "CREATE TABLE t (a varchar(5), b text) DEFAULT CHARSET=utf8mb4",
			"CREATE TABLE t (a varchar(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci, b text CHARSET utf8mb4) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"},
		{"collation implies charset", "CREATE TABLE t (a int) COLLATE latin1_bin", "CREATE TABLE t (a int) DEFAULT CHARSET=latin1 COLLATE=latin1_bin"},
		{"utf8 is utf8mb3", "CREATE TABLE t (a char(1) CHARSET utf8) CHARSET=latin1", "CREATE TABLE t (a char(1) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci) CHARSET=latin1"},
		{"char binary", "CREATE TABLE t (a char(4) BINARY) CHARSET latin1", "CREATE TABLE t (a char(4) COLLATE latin1_bin) CHARSET latin1"},
		{"MariaDB json", "CREATE TABLE t (j json) CHARSET utf8mb4",
			"CREATE TABLE t (j longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`j`))) CHARSET utf8mb4"},
		{"aliases", "CREATE TABLE t (a INTEGER, b DEC, c NUMERIC(5), d REAL, e CHARACTER VARYING(4), f CHAR, g FIXED(3,1), h INT1, i double precision)",
			"CREATE TABLE t (a int, b decimal(10,0), c decimal(5,0), d double, e varchar(4), f char(1), g decimal(3,1), h tinyint, i double)"},
		{"zerofill implies unsigned", "CREATE TABLE t (a int zerofill)", "CREATE TABLE t (a int(10) unsigned zerofill)"},
		{"check spelling", "CREATE TABLE t (a int, b int, CHECK (NOT (a IS NULL) AND (a + 1) > b), CHECK (a != b))",
			"CREATE TABLE t (a int, b int, CONSTRAINT CONSTRAINT_1 CHECK (`a` is not null and `a` + 1 > `b`), CONSTRAINT CONSTRAINT_2 CHECK (`a` <> `b`))"},
		{"generated columns", "CREATE TABLE t (a int, b int AS (a*2), c int AS (a+1) PERSISTENT)",
			"CREATE TABLE t (a int, b int GENERATED ALWAYS AS (`a` * 2) VIRTUAL, c int GENERATED ALWAYS AS (`a` + 1) STORED)"},
		{"expression default", "CREATE TABLE t (a int, b int DEFAULT (a + 1), c varchar(36) DEFAULT (uuid()))",
			"CREATE TABLE t (a int, b int DEFAULT (`a`+1), c varchar(36) DEFAULT uuid())"},
		{"database qualifier", "CREATE TABLE app.t (id int PRIMARY KEY); CREATE TABLE app.u (t_id int REFERENCES app.t (id))",
			"CREATE TABLE t (id int PRIMARY KEY); CREATE TABLE u (t_id int REFERENCES t (id))"},
		{"key column case", "CREATE TABLE t (Abc int, KEY (ABC))", "CREATE TABLE t (Abc int, KEY Abc (Abc))"},
		{"mysqldump noise", `/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
-- comment
DROP TABLE IF EXISTS ` + "`t`" + `;
# another comment
SET FOREIGN_KEY_CHECKS=0;
USE app;
CREATE DATABASE IF NOT EXISTS app;
CREATE TABLE ` + "`t`" + ` (` + "`a`" + ` int(11) DEFAULT NULL) ENGINE=InnoDB;
LOCK TABLES ` + "`t`" + ` WRITE;
/*!40000 ALTER TABLE ` + "`t`" + ` DISABLE KEYS */;
INSERT INTO t VALUES (1),(2);
/*!40000 ALTER TABLE ` + "`t`" + ` ENABLE KEYS */;
UNLOCK TABLES;`, "CREATE TABLE t (a int) ENGINE=innodb"},
		{"view spelling", "CREATE TABLE t (id int, a int); CREATE VIEW v AS SELECT id, a + 1 FROM t WHERE a > 2",
			"CREATE TABLE t (id int, a int); CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS select `t`.`id` AS `id`,`t`.`a` + 1 AS `a + 1` from `t` where `t`.`a` > 2"},
		{"view star and column list", "CREATE TABLE t (id int, a int); CREATE VIEW v (x, y) AS SELECT * FROM t",
			"CREATE TABLE t (id int, a int); CREATE VIEW v AS SELECT t.id AS x, t.a AS y FROM t"},
		{"DELIMITER", "CREATE TABLE t (a int);\nDELIMITER //\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1//\nDELIMITER ;\n",
			"CREATE TABLE t (a int); CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := mustParse(t, tc.a), mustParse(t, tc.b)
			if d := cmp.Diff(a, b, modelOpts...); d != "" {
				t.Errorf("models differ (-a +b):\n%s", d)
			}
		})
	}
}

// TestDifferentSchemas: spellings that look alike but are not the same
// schema.
func TestDifferentSchemas(t *testing.T) {
	for _, tc := range []struct{ name, a, b string }{
		{"tinyint(1) is not tinyint", "CREATE TABLE t (a tinyint(1))", "CREATE TABLE t (a tinyint)"},
		{"unsigned", "CREATE TABLE t (a int unsigned)", "CREATE TABLE t (a int)"},
		{"table name case", "CREATE TABLE T (a int)", "CREATE TABLE t (a int)"},
		{"column name case", "CREATE TABLE t (A int)", "CREATE TABLE t (a int)"},
		{"string zero is not empty", "CREATE TABLE t (a varchar(3) DEFAULT '0')", "CREATE TABLE t (a varchar(3) DEFAULT '')"},
		{"numeric default", "CREATE TABLE t (a int DEFAULT 0)", "CREATE TABLE t (a int DEFAULT 1)"},
		{"timestamp precision", "CREATE TABLE t (a datetime(3) DEFAULT CURRENT_TIMESTAMP(3))", "CREATE TABLE t (a datetime(3) DEFAULT CURRENT_TIMESTAMP)"},
		{"collation", "CREATE TABLE t (a varchar(5)) COLLATE utf8mb4_bin", "CREATE TABLE t (a varchar(5)) CHARSET utf8mb4"},
		{"column charset", "CREATE TABLE t (a varchar(5) CHARSET utf8mb4) COLLATE utf8mb4_unicode_ci", "CREATE TABLE t (a varchar(5)) COLLATE utf8mb4_unicode_ci"},
		{"stored or virtual", "CREATE TABLE t (a int, b int AS (a) STORED)", "CREATE TABLE t (a int, b int AS (a))"},
		{"FK action", "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (a int REFERENCES p (id) ON DELETE CASCADE)",
			"CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (a int REFERENCES p (id))"},
		{"unique or not", "CREATE TABLE t (a int, UNIQUE KEY a (a))", "CREATE TABLE t (a int, KEY a (a))"},
		{"prefix length", "CREATE TABLE t (a varchar(50), KEY a (a(10)))", "CREATE TABLE t (a varchar(50), KEY a (a))"},
		{"index order", "CREATE TABLE t (a int, KEY a (a DESC))", "CREATE TABLE t (a int, KEY a (a))"},
		{"enum order", "CREATE TABLE t (a enum('x','y'))", "CREATE TABLE t (a enum('y','x'))"},
		{"check", "CREATE TABLE t (a int CHECK (a > 0))", "CREATE TABLE t (a int CHECK (a >= 0))"},
		{"engine", "CREATE TABLE t (a int) ENGINE=InnoDB", "CREATE TABLE t (a int) ENGINE=MyISAM"},
		{"comment", "CREATE TABLE t (a int COMMENT 'x')", "CREATE TABLE t (a int)"},
		{"view check option", "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t WITH LOCAL CHECK OPTION",
			"CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t WITH CHECK OPTION"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := mustParse(t, tc.a), mustParse(t, tc.b)
			if cmp.Equal(a, b, modelOpts...) {
				t.Errorf("models should differ:\n%s\n%s", tc.a, tc.b)
			}
		})
	}
}

// TestModel checks the conventions other packages rely on.
func TestModel(t *testing.T) {
	s := mustParse(t, `
CREATE TABLE p (id int PRIMARY KEY, a int, UNIQUE (a));
CREATE TABLE c (
  id int NOT NULL AUTO_INCREMENT,
  p_id int,
  d decimal unsigned zerofill,
  e enum('a','it''s') NOT NULL,
  n varchar(10) COMMENT 'nick',
  KEY (p_id, id),
  PRIMARY KEY (id),
  FULLTEXT (n),
  CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE SET NULL,
  CHECK (id > 0)
) ENGINE=InnoDB COMMENT='child rows';
`)
	if s.Dialect != "mysql" {
		t.Errorf("dialect %q", s.Dialect)
	}
	c := s.Table(schema.Name{Name: "c"})
	if c == nil {
		t.Fatal("table c missing")
	}
	if pk := c.PrimaryKey(); pk == nil || pk.Name != "PRIMARY" || !c.Column("id").NotNull || !c.Column("id").AutoIncrement {
		t.Errorf("primary key: %+v", pk)
	}
	if got := TypeSQL(*c.Column("d").Type); got != "decimal(10,0) unsigned zerofill" {
		t.Errorf("TypeSQL = %s", got)
	}
	if got := TypeSQL(*c.Column("e").Type); got != "enum('a','it''s')" {
		t.Errorf("TypeSQL = %s", got)
	}
	if c.Comment != "child rows" || c.Column("n").Extra().Comment != "nick" || c.Options["engine"] != "innodb" {
		t.Errorf("comments/options: %q %q %v", c.Comment, c.Column("n").Extra().Comment, c.Options)
	}
	fk := c.Constraint("fk")
	if fk == nil || fk.Ref.OnDelete != "SET NULL" || fk.Ref.OnUpdate != "NO ACTION" || fk.Ref.Table != (schema.Name{Name: "p"}) {
		t.Errorf("fk: %+v", fk)
	}
	if ck := c.Constraint("CONSTRAINT_1"); ck == nil || ck.Check == nil || ck.Check.SQL != "`id` > 0" {
		t.Errorf("check: %+v", ck)
	}
	// The FK's columns lead KEY (p_id, id): no index of its own.
	if s.Index(schema.Name{Name: "c"}, "fk") != nil {
		t.Error("an FK covered by an index must not get one")
	}
	if i := s.Index(schema.Name{Name: "c"}, "n"); i == nil || i.Method != "FULLTEXT" {
		t.Errorf("fulltext index: %+v", i)
	}
	if i := s.Index(schema.Name{Name: "p"}, "a"); i == nil || !i.Unique {
		t.Errorf("unique key: %+v", i)
	}
	for _, con := range s.Table(schema.Name{Name: "p"}).Constraints {
		if con.Kind == schema.Unique {
			t.Error("a MySQL unique key is an index, not a constraint")
		}
	}
}

// TestErrors: bad input gives a positioned error, never a panic.
func TestErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"syntax error mid-file", "CREATE TABLE a (id int);\nCREATE TABLE b (id int,,);\n", `test.sql:2:24: syntax error at or near ","`},
		{"misspelt type", "CREATE TABLE a (\n  id innt\n);", `test.sql:2:6: syntax error at or near "innt"`},
		{"garbage", "CREATE TABLE a (id int);\n\nhello world;\n", "test.sql:3:1: syntax error: unknown statement hello"},
		{"unknown object", "CREATE TABEL a (id int);", "test.sql:1:8: syntax error: unknown object type in CREATE: TABEL"},
		{"unterminated string", "CREATE TABLE a (s text DEFAULT 'x);\n", "test.sql:1:"},
		{"table defined twice", "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\n", "test.sql:2:14: table a already exists"},
		{"duplicate key name", "CREATE TABLE a (id int, KEY k (id), KEY k (id));", `test.sql:1:37: duplicate key name "k"`},
		{"unknown key column", "CREATE TABLE a (id int,\n KEY k (nope));", `test.sql:2:2: key column "nope" doesn't exist`},
		{"binary garbage", "CREATE TABLE a (id int);\n\x00\x01\x02\xff", "test.sql:2:1: NUL byte in input"},
		{"invalid UTF-8", "CREATE TABLE a (id int);\n-- caf\xe9\n", "test.sql:2:7: invalid UTF-8"},
		{"ALTER missing table", "ALTER TABLE nope ADD KEY (x);", "test.sql:1:1: table nope doesn't exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse("test.sql", []byte(tc.src))
			var pe *parser.Error
			if !errors.As(err, &pe) {
				t.Fatalf("want a *parser.Error, got %v", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error = %q, want prefix %q", err, tc.want)
			}
		})
	}
}

// TestUnsupportedIsReported: statements outside the model become
// diagnostics and Unsupported entries, and the rest is still read.
func TestUnsupportedIsReported(t *testing.T) {
	src := `CREATE TABLE t (a int);
DELIMITER ;;
CREATE DEFINER=` + "`root`@`%`" + ` TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW
BEGIN
  SET NEW.a = NEW.a + 1;
END ;;
CREATE PROCEDURE p() BEGIN SELECT ';'; END ;;
DELIMITER ;
CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;
CREATE TABLE v_t (a int) WITH SYSTEM VERSIONING;
CREATE TABLE p (id int, s date, e date, PERIOD FOR app (s, e), UNIQUE (id, app WITHOUT OVERLAPS));
CREATE TABLE u (b int);
GRANT SELECT ON t TO someone;
`
	s, diags, err := Parse("test.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, u := range s.Unsupported {
		kinds = append(kinds, u.Kind+" "+u.Object+"@"+u.Pos.String())
	}
	want := []string{
		"CREATE TRIGGER t_bi@test.sql:3:1", "CREATE PROCEDURE p@test.sql:7:1", "CREATE EVENT e@test.sql:9:1",
		"CREATE TABLE with system-versioned tables v_t@test.sql:10:1",
		"CREATE TABLE with application-time periods, WITHOUT OVERLAPS keys p@test.sql:11:1",
	}
	if d := cmp.Diff(want, kinds); d != "" {
		t.Errorf("unsupported (-want +got):\n%s", d)
	}
	if s.Table(schema.Name{Name: "t"}) == nil || s.Table(schema.Name{Name: "u"}) == nil {
		t.Error("tables around unsupported statements must be read")
	}
	var warnings int
	for _, d := range diags {
		if d.Severity == parser.Warning {
			warnings++
		}
	}
	if warnings != 5 {
		t.Errorf("want 5 warnings, got %v", diags)
	}
	// The same statement, laid out differently, has the same key.
	s2 := mustParse(t, "CREATE TABLE t (a int); CREATE   EVENT e ON SCHEDULE EVERY 1 DAY\n DO DELETE FROM t")
	if s2.Unsupported[0].Key != s.Unsupported[2].Key {
		t.Errorf("keys differ: %q vs %q", s2.Unsupported[0].Key, s.Unsupported[2].Key)
	}
}

func TestSplit(t *testing.T) {
	src := "SELECT 'a;b', \"c;d\", `e;f` -- x;y\n; # z;\nSELECT /* ; */ 'it''s;', 'x\\';'; /*!40101 SET x=1 */;\n" +
		"DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\ndelimiter ;\nSELECT 1--1;\n"
	var got []string
	for _, st := range split([]byte(src)) {
		got = append(got, strings.TrimSpace(st.text))
	}
	want := []string{
		"SELECT 'a;b', \"c;d\", `e;f` -- x;y", "# z;\nSELECT /* ; */ 'it''s;', 'x\\';'", "/*!40101 SET x=1 */",
		"CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 1--1",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("split (-want +got):\n%s", d)
	}
}

// TestSplitCompoundWithoutDelimiter: a trigger or routine body written
// without DELIMITER stays one statement, however its blocks nest, and the
// statements around it are cut as usual.
func TestSplitCompoundWithoutDelimiter(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"begin end", "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END;\nSELECT 1;",
			[]string{"CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END", "SELECT 1"}},
		{"if and case", "CREATE DEFINER=`u`@`%` TRIGGER t BEFORE UPDATE ON x FOR EACH ROW BEGIN\n" +
			"  IF NEW.a > 0 THEN SET NEW.b = CASE WHEN NEW.a > 9 THEN 'big' ELSE 'small' END; END IF;\n" +
			"  CASE NEW.c WHEN 1 THEN SET NEW.d = 1; ELSE BEGIN END; END CASE;\nEND;\nCREATE TABLE y (id int);",
			[]string{"CREATE DEFINER=`u`@`%` TRIGGER t BEFORE UPDATE ON x FOR EACH ROW BEGIN\n" +
				"  IF NEW.a > 0 THEN SET NEW.b = CASE WHEN NEW.a > 9 THEN 'big' ELSE 'small' END; END IF;\n" +
				"  CASE NEW.c WHEN 1 THEN SET NEW.d = 1; ELSE BEGIN END; END CASE;\nEND", "CREATE TABLE y (id int)"}},
		{"loop labels", "CREATE PROCEDURE p() BEGIN l: LOOP LEAVE l; END LOOP l; WHILE 0 DO SELECT 1; END WHILE; END;SELECT 2",
			[]string{"CREATE PROCEDURE p() BEGIN l: LOOP LEAVE l; END LOOP l; WHILE 0 DO SELECT 1; END WHILE; END", "SELECT 2"}},
		{"not a routine", "BEGIN; SELECT CASE WHEN 1 THEN 2 END; END;",
			[]string{"BEGIN", "SELECT CASE WHEN 1 THEN 2 END", "END"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, st := range split([]byte(tc.src)) {
				got = append(got, strings.TrimSpace(st.text))
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("split (-want +got):\n%s", d)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{"users": "`users`", "we`ird": "`we``ird`", "select": "`select`"} {
		if got := QuoteIdent(in); got != want {
			t.Errorf("QuoteIdent(%q) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{"x": "'x'", "it's": "'it''s'", `a\b`: `'a\\b'`, "a\nb": `'a\nb'`} {
		if got := QuoteLiteral(in); got != want {
			t.Errorf("QuoteLiteral(%q) = %s, want %s", in, got, want)
		}
	}
	for _, tc := range []struct {
		t    schema.Type
		want string
	}{
		{schema.Type{Name: "varchar", Mods: []string{"255"}}, "varchar(255)"},
		{schema.Type{Name: "int", Unsigned: true}, "int unsigned"},
		{schema.Type{Name: "set", Mods: []string{"'a'", "'b'"}}, "set('a','b')"},
	} {
		if got := TypeSQL(tc.t); got != tc.want {
			t.Errorf("TypeSQL(%+v) = %s, want %s", tc.t, got, tc.want)
		}
	}
}

// TestDetect: the files this dialect reads are detected as MySQL.
func TestDetect(t *testing.T) {
	for _, f := range []string{"testdata/04_mysqldump.sql", "testdata/02_shop.sql"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := parser.Detect(src); got != "mysql" {
			t.Errorf("Detect(%s) = %s", f, got)
		}
	}
	if d, err := parser.Lookup("mysql"); err != nil || d.Name() != "mysql" {
		t.Errorf("Lookup: %v", err)
	}
}

// FuzzParse: any input either parses or fails with a positioned error,
// never panics, and parses the same way twice.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.sql")
	cases, _ := filepath.Glob("../../testdata/mysql/*/*.sql")
	for _, file := range cases {
		if b := filepath.Base(file); b == "current.sql" || b == "desired.sql" {
			files = append(files, file)
		}
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, seed := range []string{
		"CREATE TABLE t (a int DEFAULT (a+1), g point NOT NULL, SPATIAL KEY (g)) CHARSET latin1",
		"DELIMITER ;;\nCREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET NEW.a=1;;\nDELIMITER ;",
		"/*!50001 CREATE VIEW v AS SELECT 1 */; CREATE TABLE t (a int, FOREIGN KEY (a) REFERENCES t (a))",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, diags, err := Parse("fuzz.sql", src)
		if err != nil {
			parsertest.CheckErrorPos(t, err, "fuzz.sql", src)
		} else if s == nil {
			t.Fatal("nil schema without error")
		}
		s2, diags2, err2 := Parse("fuzz.sql", src)
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("not deterministic: %v vs %v", err, err2)
		}
		if err == nil && (!cmp.Equal(s, s2, modelOpts...) || !cmp.Equal(diags, diags2)) {
			t.Fatal("not deterministic")
		}
	})
}

// TestLongNumericLiteral: the TiDB parser panics on a numeric literal
// longer than its decimal type holds; in a schema file and in a hint
// from a flag, that is an error that says so, not a crash.
func TestLongNumericLiteral(t *testing.T) {
	long := strings.Repeat("9", 100) + ".5"
	_, _, err := Parse("s.sql", []byte("CREATE TABLE t (id int PRIMARY KEY,\n  d decimal(10,2) DEFAULT "+long+");\n"))
	var pe *parser.Error
	if !errors.As(err, &pe) || pe.Pos.Line != 1 || !strings.Contains(pe.Msg, "numeric literal") {
		t.Errorf("schema file: error %v, want a positioned one about the numeric literal", err)
	}
	if _, _, err := (Dialect{}).HintExpr(long); !errors.Is(err, errNotOneExpr) || !strings.Contains(err.Error(), "numeric literal") {
		t.Errorf("hint: error %v, want one about the numeric literal", err)
	}
	if _, err := (Dialect{}).HintTable(long); err == nil {
		t.Errorf("HintTable(%s) read a table name", long)
	}
	if _, err := OverRow(long, "NEW"); err == nil || !strings.Contains(err.Error(), "numeric literal") {
		t.Errorf("OverRow: error %v, want one about the numeric literal", err)
	}
}
