package mytest

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// snapshotOf builds a database from sql and returns its snapshot.
func snapshotOf(t *testing.T, s Server, sql string) *Snapshot {
	t.Helper()
	db := s.CreateDB(t, t.Name())
	if err := db.Exec(sql); err != nil {
		t.Fatalf("setup SQL failed: %v", err)
	}
	snap, err := db.Snapshot()
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}
	return snap
}

// TestSnapshotEqual checks that the same schema reached by different SQL
// gives equal snapshots, which is what plan verification relies on.
func TestSnapshotEqual(t *testing.T) {
	s := Require(t)
	tests := []struct {
		name string
		a, b string
	}{
		{
			name: "column order is ignored",
			a:    "CREATE TABLE t (a int, b text NOT NULL, c tinyint(1) DEFAULT 1);",
			b: `
				CREATE TABLE t (b text NOT NULL);
				ALTER TABLE t ADD COLUMN c bool DEFAULT true;
				ALTER TABLE t ADD COLUMN a int FIRST;`,
		},
		{
			name: "auto_increment counter is ignored",
			a:    "CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, v int);",
			b: `
				CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, v int) AUTO_INCREMENT = 1000;
				INSERT INTO t (v) VALUES (1), (2), (3);`,
		},
		{
			name: "dropped columns leave no trace",
			a:    "CREATE TABLE t (a int);",
			b:    "CREATE TABLE t (a int, junk text); ALTER TABLE t DROP COLUMN junk;",
		},
		{
			name: "int vs int(11), KEY vs INDEX, inline vs table-level PK",
			a:    "CREATE TABLE t (id int PRIMARY KEY, v int, KEY t_v (v));",
			b:    "CREATE TABLE t (id int(11) NOT NULL, v int(11) DEFAULT NULL, PRIMARY KEY (id), INDEX t_v (v)) ENGINE=InnoDB;",
		},
		{
			name: "unnamed FK vs its generated name and index",
			a: `
				CREATE TABLE p (id int PRIMARY KEY);
				CREATE TABLE c (id int PRIMARY KEY, p_id int, FOREIGN KEY (p_id) REFERENCES p (id));`,
			b: `
				CREATE TABLE p (id int PRIMARY KEY);
				CREATE TABLE c (id int PRIMARY KEY, p_id int, KEY p_id (p_id));
				ALTER TABLE c ADD CONSTRAINT c_ibfk_1 FOREIGN KEY (p_id) REFERENCES p (id) ON UPDATE RESTRICT ON DELETE RESTRICT;`,
		},
		{
			name: "inline check vs table-level check of the same name",
			a:    "CREATE TABLE t (n int CHECK (n > 0));",
			b:    "CREATE TABLE t (n int); ALTER TABLE t ADD CONSTRAINT n CHECK (n > 0);",
		},
		{
			name: "index added online equals an index created with the table",
			a:    "CREATE TABLE t (a varchar(50), b int, UNIQUE KEY t_ab (a(10), b), FULLTEXT KEY t_ft (a));",
			b: `
				CREATE TABLE t (a varchar(50), b int);
				ALTER TABLE t ADD UNIQUE INDEX t_ab (a(10), b), ALGORITHM=INPLACE, LOCK=NONE;
				ALTER TABLE t ADD FULLTEXT INDEX t_ft (a);`,
		},
		{
			name: "enum value appended later",
			a:    "CREATE TABLE t (m enum('sad','ok','happy') NOT NULL DEFAULT 'ok');",
			b: `
				CREATE TABLE t (m enum('sad','ok') NOT NULL DEFAULT 'ok');
				ALTER TABLE t MODIFY m enum('sad','ok','happy') NOT NULL DEFAULT 'ok', ALGORITHM=INSTANT;`,
		},
		{
			name: "view recreated, written differently",
			a: `
				CREATE TABLE t (id int, n int);
				CREATE VIEW v AS SELECT id, n FROM t WHERE n > 1;`,
			b: `
				CREATE TABLE t (id int, n int);
				CREATE VIEW v AS SELECT 1 AS id;
				CREATE OR REPLACE VIEW v AS select t.id AS id, t.n as n from t where (t.n > 1);`,
		},
		{
			name: "comments set later",
			a:    "CREATE TABLE t (a int COMMENT 'y') COMMENT 'x';",
			b:    "CREATE TABLE t (a int COMMENT 'old'); ALTER TABLE t MODIFY a int COMMENT 'y', COMMENT 'x';",
		},
		{
			name: "table charset clause vs database default",
			a:    "CREATE TABLE t (s varchar(10)) DEFAULT CHARSET=utf8mb4;",
			b:    "/*!40101 SET NAMES utf8mb4 */; CREATE TABLE t (s varchar(10));",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, b := snapshotOf(t, s, tc.a), snapshotOf(t, s, tc.b)
			if d := Diff(a, b); d != "" {
				t.Errorf("snapshots differ:\n%s", d)
			}
			if len(a.Objects) == 0 {
				t.Errorf("empty snapshot")
			}
		})
	}
}

// TestSnapshotDiffers checks that each kind of drift a broken plan could
// cause is visible, and that the diff names the object concerned.
func TestSnapshotDiffers(t *testing.T) {
	s := Require(t)
	const base = "CREATE TABLE users (\n" +
		"  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,\n" +
		"  email varchar(100) NOT NULL COMMENT 'login',\n" +
		"  nick varchar(50) DEFAULT NULL,\n" +
		"  mood enum('sad','ok') NOT NULL DEFAULT 'ok',\n" +
		"  score int NOT NULL DEFAULT 0,\n" +
		"  bio text CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci,\n" +
		"  updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),\n" +
		"  score2 int AS (score * 2) VIRTUAL,\n" +
		"  KEY users_email_idx (email),\n" +
		"  FULLTEXT KEY users_bio_ft (bio),\n" +
		"  CONSTRAINT users_score_check CHECK (score >= 0)\n" +
		") ENGINE=InnoDB COMMENT='people';\n" +
		"CREATE TABLE orders (\n" +
		"  id int PRIMARY KEY,\n" +
		"  user_id int unsigned,\n" +
		"  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE\n" +
		");\n" +
		"CREATE VIEW active AS SELECT id, email FROM users WHERE score > 0;\n" +
		"CREATE TABLE `order` (`select` int, `a b` int, `x``y` int);\n"
	baseSnap := snapshotOf(t, s, base)

	tests := []struct {
		name    string
		change  string // applied on top of base
		wantKey string // a line of the diff must mention this key
	}{
		{"column type", "ALTER TABLE users MODIFY nick varchar(200) DEFAULT NULL;", "~ column users.nick"},
		{"int to bigint", "ALTER TABLE users MODIFY score bigint NOT NULL DEFAULT 0;", "~ column users.score"},
		{"unsigned", "ALTER TABLE `order` MODIFY `select` int unsigned;", "~ column order.select"},
		{"nullability", "ALTER TABLE users MODIFY email varchar(100) NULL COMMENT 'login';", "~ column users.email"},
		{"default", "ALTER TABLE users ALTER score SET DEFAULT 1;", "~ column users.score"},
		{"default NULL vs 'NULL'", "ALTER TABLE users ALTER nick SET DEFAULT 'NULL';", "~ column users.nick"},
		{"default dropped", "ALTER TABLE users ALTER score DROP DEFAULT;", "~ column users.score"},
		{"on update dropped", "ALTER TABLE users MODIFY updated_at timestamp NOT NULL DEFAULT current_timestamp();", "~ column users.updated_at"},
		{"auto_increment dropped", "ALTER TABLE users MODIFY id int unsigned NOT NULL;", "~ column users.id"},
		{"generation expression", "ALTER TABLE users MODIFY score2 int AS (score * 3) VIRTUAL;", "~ column users.score2"},
		{"virtual to stored", "ALTER TABLE users DROP score2, ADD score2 int AS (score * 2) STORED;", "~ column users.score2"},
		{"enum value", "ALTER TABLE users MODIFY mood enum('sad','ok','happy') NOT NULL DEFAULT 'ok';", "~ column users.mood"},
		{"collation", "ALTER TABLE users MODIFY bio text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;", "~ column users.bio"},
		{"column comment", "ALTER TABLE users MODIFY email varchar(100) NOT NULL COMMENT 'e-mail';", "~ column users.email"},
		{"extra column", "ALTER TABLE users ADD COLUMN note text;", "+ column users.note"},
		{"missing column", "ALTER TABLE `order` DROP COLUMN `a b`;", "- column order.`a b`"},
		{"table comment", "ALTER TABLE users COMMENT 'humans';", "~ table users"},
		{"table collation", "ALTER TABLE `order` COLLATE utf8mb4_unicode_ci;", "~ table order"},
		{"engine", "ALTER TABLE `order` ENGINE=Aria;", "~ table order"},
		{"missing table", "DROP TABLE `order`;", "- table order"},
		{"missing index", "DROP INDEX users_email_idx ON users;", "- index users.users_email_idx"},
		{"index unique", "ALTER TABLE users DROP INDEX users_email_idx, ADD UNIQUE INDEX users_email_idx (email);", "~ index users.users_email_idx"},
		{"index prefix", "ALTER TABLE users DROP INDEX users_email_idx, ADD INDEX users_email_idx (email(20));", "~ index users.users_email_idx"},
		{"index columns", "ALTER TABLE users DROP INDEX users_email_idx, ADD INDEX users_email_idx (email, nick);", "~ index users.users_email_idx"},
		{"index desc", "ALTER TABLE users DROP INDEX users_email_idx, ADD INDEX users_email_idx (email DESC);", "~ index users.users_email_idx"},
		{"index ignored", "ALTER TABLE users ALTER INDEX users_email_idx IGNORED;", "~ index users.users_email_idx"},
		{"index renamed", "ALTER TABLE users RENAME INDEX users_email_idx TO users_email_idx2;", "+ index users.users_email_idx2"},
		{"fulltext dropped", "ALTER TABLE users DROP INDEX users_bio_ft;", "- index users.users_bio_ft"},
		{"fk action", "ALTER TABLE orders DROP FOREIGN KEY orders_user_fk; ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL;",
			"~ constraint orders.orders_user_fk"},
		{"fk dropped", "ALTER TABLE orders DROP FOREIGN KEY orders_user_fk;", "- constraint orders.orders_user_fk"},
		{"check clause", "ALTER TABLE users DROP CONSTRAINT users_score_check, ADD CONSTRAINT users_score_check CHECK (score > 0);",
			"~ constraint users.users_score_check"},
		{"check dropped", "ALTER TABLE users DROP CONSTRAINT users_score_check;", "- constraint users.users_score_check"},
		{"check added", "ALTER TABLE orders ADD CHECK (id > 0);", "+ constraint orders.CONSTRAINT_1"},
		{"view column", "CREATE OR REPLACE VIEW active AS SELECT id, email, nick FROM users WHERE score > 0;", "~ view active"},
		{"view column type", "ALTER TABLE users MODIFY email varchar(120) NOT NULL COMMENT 'login';", "~ view active"},
		{"view definition", "CREATE OR REPLACE VIEW active AS SELECT id, email FROM users WHERE score > 1;", "~ viewdef active"},
		{"view check option", "CREATE OR REPLACE VIEW active AS SELECT id, email FROM users WHERE score > 0 WITH CHECK OPTION;", "~ view active"},
		{"view dropped", "DROP VIEW active;", "- view active"},
		{"trigger", "CREATE TRIGGER users_sync BEFORE UPDATE ON users FOR EACH ROW SET NEW.score = NEW.score;", "+ trigger users.users_sync"},
		{"procedure", "CREATE PROCEDURE zdplan_helper(IN n int) SELECT n;", "+ routine PROCEDURE zdplan_helper"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := snapshotOf(t, s, base+"\n"+tc.change)
			d := Diff(baseSnap, got)
			if d == "" {
				t.Fatalf("no difference reported")
			}
			t.Logf("%s", d)
			if !strings.Contains(d, "\n"+tc.wantKey+":") {
				t.Errorf("diff does not mention %q:\n%s", tc.wantKey, d)
			}
			if d2 := Diff(baseSnap, got); d2 != d {
				t.Errorf("Diff is not deterministic:\n%s\nvs\n%s", d, d2)
			}
		})
	}
}

// TestSnapshotContents pins what a few descriptions look like, so that a
// change in how the server reports something is noticed.
func TestSnapshotContents(t *testing.T) {
	s := Require(t)
	snap := snapshotOf(t, s, "CREATE TABLE `a b` (\n"+
		"  id bigint unsigned NOT NULL AUTO_INCREMENT,\n"+
		"  s varchar(10) CHARACTER SET latin1 DEFAULT 'x' COMMENT 'it''s',\n"+
		"  n varchar(10) NOT NULL DEFAULT 'NULL',\n"+
		"  PRIMARY KEY (id),\n"+
		"  KEY `k``1` (s(3) DESC, n)\n"+
		") COMMENT 'c';\n"+
		"CREATE TABLE c (x bigint unsigned, FOREIGN KEY (x) REFERENCES `a b` (id) ON UPDATE CASCADE);\n"+
		"CREATE VIEW v AS SELECT id, s FROM `a b`;")
	want := map[string]string{
		"table `a b`":           "BASE TABLE ENGINE=InnoDB COLLATE=utf8mb4_general_ci COMMENT='c'",
		"column `a b`.id":       "bigint(20) unsigned NOT NULL auto_increment",
		"column `a b`.s":        "varchar(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL DEFAULT 'x' COMMENT 'it''s'",
		"column `a b`.n":        "varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL DEFAULT 'NULL'",
		"index `a b`.PRIMARY":   "UNIQUE BTREE (id)",
		"index `a b`.`k``1`":    "BTREE (s(3) DESC, n)",
		"index c.x":             "BTREE (x)",
		"constraint c.c_ibfk_1": "FOREIGN KEY (x) REFERENCES `a b` (id) ON UPDATE CASCADE ON DELETE RESTRICT",
		"view v":                "CHECK OPTION NONE, SQL SECURITY DEFINER, ALGORITHM UNDEFINED\nid bigint(20) unsigned NOT NULL\ns varchar(10)",
		"viewdef v":             "select `a b`.`id` AS `id`,`a b`.`s` AS `s` from `a b`",
	}
	for k, v := range want {
		if got, ok := snap.Objects[k]; !ok {
			t.Errorf("no key %q in snapshot:\n%s", k, snap)
		} else if got != v {
			t.Errorf("%s:\n got %q\nwant %q", k, got, v)
		}
	}
	for _, k := range snap.Keys() {
		if strings.Contains(snap.Objects[k], "zdt_") || strings.Contains(k, "zdt_") {
			t.Errorf("database name leaked into %s: %s", k, snap.Objects[k])
		}
	}
}

// TestExecFileError checks that a failing plan file is reported with the
// client's message and line, and that the client really stops there.
func TestExecFileError(t *testing.T) {
	s := Require(t)
	db := s.CreateDB(t, "execfile")
	path := filepath.Join(t.TempDir(), "plan.sql")
	plan := "CREATE TABLE a (id int);\nALTER TABLE a DROP INDEX nope;\nCREATE TABLE b (id int);\n"
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	err := db.ExecFile(path)
	if err == nil {
		t.Fatal("ExecFile succeeded on a failing file")
	}
	for _, want := range []string{"at line 2", "nope", "< " + path} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	var me *MysqlError
	if !errors.As(err, &me) || me.ExitCode != 1 {
		t.Errorf("error = %#v, want *MysqlError with exit code 1", err)
	}
	rows, err := db.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows, ",") != "a" {
		t.Errorf("tables after failed file = %q, want only a", rows)
	}

	ok := filepath.Join(t.TempDir(), "ok.sql")
	src := "CREATE TABLE IF NOT EXISTS c (id int);\nDELIMITER //\nCREATE OR REPLACE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\nDELIMITER ;\nDROP PROCEDURE p;\n"
	if err := os.WriteFile(ok, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := db.ExecFileTwice(ok); err != nil {
		t.Errorf("ExecFileTwice(ok): %v", err)
	}
	notTwice := filepath.Join(t.TempDir(), "once.sql")
	if err := os.WriteFile(notTwice, []byte("CREATE TABLE d (id int);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := db.ExecFileTwice(notTwice); err == nil || !strings.Contains(err.Error(), "run 2") {
		t.Errorf("ExecFileTwice of a non-rerunnable file: err = %v, want a failure in run 2", err)
	}
}

func TestQuery(t *testing.T) {
	s := Require(t)
	db := s.CreateDB(t, "query")
	tests := []struct {
		sql  string
		want []string
	}{
		{"SELECT 1 FROM DUAL WHERE false", nil},
		{"SELECT ''", []string{""}},
		{"SELECT 1, 'a\tb'", []string{"1|a\tb"}},
		{"SELECT NULL, 'NULL'", []string{"NULL|NULL"}},
		{"CREATE TABLE t (a int); INSERT INTO t VALUES (7), (8); SELECT a, a * 2 FROM t ORDER BY a", []string{"7|14", "8|16"}},
	}
	for _, tc := range tests {
		got, err := db.Query(tc.sql)
		if err != nil {
			t.Errorf("Query(%q): %v", tc.sql, err)
			continue
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") || len(got) != len(tc.want) {
			t.Errorf("Query(%q) = %q, want %q", tc.sql, got, tc.want)
		}
	}
	rows, err := db.QueryRows("SELECT NULL, 'NULL', 'two\nlines', '<&>'")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || len(rows[0]) != 4 || rows[0][0].Valid || !rows[0][1].Valid || rows[0][1].String != "NULL" ||
		rows[0][2].String != "two\nlines" || rows[0][3].String != "<&>" {
		t.Errorf("QueryRows = %#v", rows)
	}
	if _, err := db.Query("SELECT * FROM missing"); err == nil || !strings.Contains(err.Error(), "doesn't exist") {
		t.Errorf("Query on missing table: err = %v", err)
	}
}

func TestRowCounts(t *testing.T) {
	s := Require(t)
	db := s.CreateDB(t, "rowcounts")
	if err := db.Exec("CREATE TABLE `order` (id int); CREATE TABLE `a b` (id int); CREATE TABLE e (id int);" +
		"INSERT INTO `order` VALUES (1), (2), (3); INSERT INTO `a b` VALUES (1); CREATE VIEW v AS SELECT * FROM `order`;"); err != nil {
		t.Fatal(err)
	}
	got, err := db.RowCounts()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got["order"] != 3 || got["a b"] != 1 || got["e"] != 0 {
		t.Errorf("RowCounts = %v", got)
	}
	rows, err := db.TableRows("order", "id")
	if err != nil || strings.Join(rows, ",") != "1,2,3" {
		t.Errorf("TableRows = %q, %v", rows, err)
	}
}

func TestQuoteString(t *testing.T) {
	s := Require(t)
	db := s.CreateDB(t, "quote")
	for _, in := range []string{"", "plain", "it's", `back\slash`, `\`, `a\'b\\`, "tab\tnl\n"} {
		rows, err := db.QueryRows("SELECT " + QuoteString(in) + " AS v, @@sql_mode;")
		if err != nil {
			t.Errorf("QuoteString(%q): %v", in, err)
			continue
		}
		if rows[0][0].String != in {
			t.Errorf("QuoteString(%q) reads back as %q", in, rows[0][0].String)
		}
	}
}

func TestCreateDropNamed(t *testing.T) {
	s := Require(t)
	for _, bad := range []string{"mysql", "test", "zdt_Upper", "zdt_x;drop", strings.Repeat("zdt_", 20)} {
		if _, err := s.CreateDBNamed(bad); err == nil {
			t.Errorf("CreateDBNamed(%q) succeeded", bad)
		}
		if err := (&DB{Name: bad, server: s}).Drop(); err == nil {
			t.Errorf("Drop(%q) succeeded", bad)
		}
	}

	name := UniqueName("named")
	db, err := s.CreateDBNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Drop()
	if _, err := s.CreateDBNamed(name); err == nil {
		t.Errorf("creating %s twice succeeded", name)
	}
	if err := db.Drop(); err != nil {
		t.Fatal(err)
	}
	if err := db.Drop(); err != nil {
		t.Errorf("second Drop: %v", err)
	}
	if exists(t, s, name) {
		t.Errorf("%s still exists after Drop", name)
	}
}

func TestDropStale(t *testing.T) {
	s := Require(t)
	// A pid that was just in use and is now free stands in for a crashed
	// test process.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := "zdt_stale_" + strconv.Itoa(cmd.Process.Pid) + "_1"
	live := UniqueName("live")
	for _, name := range []string{dead, live} {
		db, err := s.CreateDBNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Drop() })
	}
	if err := s.DropStale(); err != nil {
		t.Fatal(err)
	}
	if exists(t, s, dead) {
		t.Errorf("%s survived DropStale", dead)
	}
	if !exists(t, s, live) {
		t.Errorf("DropStale dropped %s, which belongs to a live process", live)
	}
}

func exists(t *testing.T, s Server, name string) bool {
	t.Helper()
	out, err := s.run("", []string{"--skip-column-names", "-e",
		"SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out) == "1"
}

func TestUniqueName(t *testing.T) {
	pid := strconv.Itoa(os.Getpid())
	tests := []struct {
		prefix, wantStart string
	}{
		{"Basic", "zdt_basic_" + pid + "_"},
		{"TestX/sub case", "zdt_testx_sub_case_" + pid + "_"},
		{"", "zdt_" + pid + "_"},
		{"!!!", "zdt_" + pid + "_"},
		{strings.Repeat("long", 30), "zdt_longlong"},
	}
	for _, tc := range tests {
		got := UniqueName(tc.prefix)
		if !strings.HasPrefix(got, tc.wantStart) || checkName(got) != nil {
			t.Errorf("UniqueName(%q) = %q, want a valid name starting %q", tc.prefix, got, tc.wantStart)
		}
		if p, ok := namePid(got); !ok || strconv.Itoa(p) != pid {
			t.Errorf("namePid(%q) = %d, %v", got, p, ok)
		}
	}
	if UniqueName("x") == UniqueName("x") {
		t.Error("UniqueName repeated itself")
	}
}

func TestDiffFormat(t *testing.T) {
	want := &Snapshot{Objects: map[string]string{
		"a": "same",
		"b": "only want",
		"c": "line1\nline2\nline3",
		"d": "x",
	}}
	got := &Snapshot{Objects: map[string]string{
		"a": "same",
		"c": "line1\nLINE2\nline3",
		"d": "y",
		"e": "only got",
	}}
	const expect = `snapshot diff (-want +got):
- b: only want
~ c:
      line1
    - line2
    + LINE2
      line3
~ d:
    - x
    + y
+ e: only got
`
	if d := Diff(want, got); d != expect {
		t.Errorf("Diff =\n%s\nwant\n%s", d, expect)
	}
	if d := Diff(want, want); d != "" {
		t.Errorf("Diff of equal snapshots = %q", d)
	}
	if d := Diff(nil, &Snapshot{}); d != "" {
		t.Errorf("Diff of empty snapshots = %q", d)
	}
}

func TestIdent(t *testing.T) {
	for in, want := range map[string]string{
		"users": "users", "Users$1": "Users$1", "order": "order",
		"a b": "`a b`", "x`y": "`x``y`", "a.b": "`a.b`", "": "``",
	} {
		if got := Ident(in); got != want {
			t.Errorf("Ident(%q) = %q, want %q", in, got, want)
		}
	}
}
