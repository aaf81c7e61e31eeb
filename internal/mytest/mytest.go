// Package mytest runs SQL against a real MySQL-family server (MariaDB in
// this project's test setup) and describes the resulting schema, so that
// tests can check that a migration plan really produces the schema it
// claims to. It is the MySQL counterpart of internal/pgtest and keeps its
// API and habits.
//
// Everything goes through the mysql command-line client rather than a Go
// driver: the product promises that plan files work with
//
//	mysql --batch DB < FILE
//
// and testing through any other client could hide differences in statement
// splitting (DELIMITER, executable /*!...*/ comments), error handling (the
// client stops at the first failing statement) or character sets.
//
// Only databases whose names start with "zdt_" are ever created or dropped,
// so the package can share a server with other work.
package mytest

import (
	"bytes"
	"database/sql"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
)

// NamePrefix starts the name of every database this package creates; it is
// the only thing that makes dropping databases on a shared server safe.
const NamePrefix = "zdt_"

// maxNameLen is MySQL's and MariaDB's limit on database names.
const maxNameLen = 64

// Server says how the mysql client reaches the test server. It is a plain
// value so that tests can point at another server without global state.
type Server struct {
	// Host is a host name or IP address; connections always use TCP, so
	// "localhost" does not silently switch to a Unix socket.
	Host string
	// Port is the TCP port.
	Port int
	// User must be allowed to create and drop databases; it connects
	// without a password.
	User string
	// Mysql is the client binary ("" means mysql from PATH); configurable
	// only for machines with several clients, since plans are specified in
	// terms of the mysql client itself.
	Mysql string
}

// FromEnv returns the server used by tests: the local MariaDB on
// 127.0.0.1:3306 as root unless ZDPLAN_MYSQL_HOST, ZDPLAN_MYSQL_PORT or
// ZDPLAN_MYSQL_USER say otherwise. The client's own MYSQL_* variables and
// option files are deliberately not honoured, so a developer's personal
// setup cannot redirect tests to a real database.
func FromEnv() Server {
	s := Server{Host: "127.0.0.1", Port: 3306, User: "root", Mysql: "mysql"}
	if v := os.Getenv("ZDPLAN_MYSQL_HOST"); v != "" {
		s.Host = v
	}
	if v := os.Getenv("ZDPLAN_MYSQL_PORT"); v != "" {
		// A malformed port is kept as 0 rather than silently replaced, so
		// that Available reports the misconfiguration.
		s.Port, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("ZDPLAN_MYSQL_USER"); v != "" {
		s.User = v
	}
	return s
}

// String identifies the server in skip and error messages.
func (s Server) String() string {
	return fmt.Sprintf("mysql://%s@%s:%d", s.User, s.Host, s.Port)
}

// Available reports why the server cannot be used, so that tests can skip
// with a useful message instead of failing on a machine without MariaDB.
func (s Server) Available() error {
	if _, err := exec.LookPath(s.mysql()); err != nil {
		return fmt.Errorf("mytest: mysql client not found: %w", err)
	}
	out, err := s.run("", []string{"--skip-column-names", "-e", "SELECT 1"}, nil)
	if err != nil {
		return fmt.Errorf("mytest: server %s not available: %w", s, err)
	}
	if strings.TrimSpace(out) != "1" {
		return fmt.Errorf("mytest: server %s answered %q to SELECT 1", s, out)
	}
	return nil
}

// Require returns the server from FromEnv, skipping the test when it is not
// available. Setting ZDPLAN_MYREQUIRED=1 turns the skip into a failure, for
// machines (like CI) where a silently skipped database test would hide a
// broken setup.
func Require(t testing.TB) Server {
	t.Helper()
	s := FromEnv()
	// Every client start costs time, so the answer is remembered for the
	// rest of the test binary's life.
	res, _ := availability.LoadOrStore(s, sync.OnceValue(s.Available))
	if err := res.(func() error)(); err != nil {
		if os.Getenv("ZDPLAN_MYREQUIRED") == "1" {
			t.Fatalf("ZDPLAN_MYREQUIRED=1 but: %v", err)
		}
		t.Skip(err)
	}
	return s
}

// DB is one scratch database. It carries the server so that callers only
// need to pass one value around.
type DB struct {
	// Name is the database name, usable as "mysql NAME" when a test needs
	// to run the client itself.
	Name   string
	server Server
}

// Server returns the server the database lives on, for callers that want
// to create sibling databases.
func (db *DB) Server() Server { return db.server }

var (
	dbCounter    atomic.Int64
	staleOnce    sync.Map // Server -> *sync.Once
	availability sync.Map // Server -> func() error
	validName    = regexp.MustCompile(`^[a-z0-9_]+$`)
	unsafeChar   = regexp.MustCompile(`[^a-z0-9_]+`)
)

// UniqueName builds a database name that cannot collide with another test
// in this process (counter) or another process (pid), and that DropStale
// can attribute to its process once that process is gone.
func UniqueName(prefix string) string {
	prefix = strings.Trim(unsafeChar.ReplaceAllString(strings.ToLower(prefix), "_"), "_")
	suffix := fmt.Sprintf("_%d_%d", os.Getpid(), dbCounter.Add(1))
	if room := maxNameLen - len(NamePrefix) - len(suffix); len(prefix) > room {
		prefix = prefix[:room]
	}
	if prefix == "" {
		return NamePrefix + suffix[1:]
	}
	return NamePrefix + prefix + suffix
}

// CreateDB creates an empty database for the test and drops it when the
// test ends. Databases left behind by crashed runs are removed on first use
// (see DropStale).
func (s Server) CreateDB(t testing.TB, prefix string) *DB {
	t.Helper()
	once, _ := staleOnce.LoadOrStore(s, new(sync.Once))
	once.(*sync.Once).Do(func() {
		if err := s.DropStale(); err != nil {
			t.Logf("mytest: cleaning up stale databases: %v", err)
		}
	})
	db, err := s.CreateDBNamed(UniqueName(prefix))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Drop(); err != nil {
			t.Errorf("mytest: %v", err)
		}
	})
	return db
}

// CreateDBNamed is CreateDB for callers without a testing.TB, such as a
// corpus runner; the caller owns the database and must Drop it. The name
// must start with NamePrefix so that nothing else on the server can be
// touched by mistake; names from UniqueName are best, because DropStale
// can then clean up after a crashed caller.
//
// The database's character set is pinned to utf8mb4 (with the server's
// default collation for it), so that tables and columns that do not name a
// character set get the same one whatever the server's configuration.
func (s Server) CreateDBNamed(name string) (*DB, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	sql := fmt.Sprintf("CREATE DATABASE %s CHARACTER SET utf8mb4", name)
	if _, err := s.run("", []string{"-e", sql}, nil); err != nil {
		return nil, fmt.Errorf("mytest: creating database %s: %w", name, err)
	}
	return &DB{Name: name, server: s}, nil
}

// Drop removes the database. Dropping a database that no longer exists is
// not an error, so that cleanup can run more than once.
func (db *DB) Drop() error {
	if err := checkName(db.Name); err != nil {
		return err
	}
	return db.server.dropDB(db.Name)
}

func (s Server) dropDB(name string) error {
	if _, err := s.run("", []string{"-e", "DROP DATABASE IF EXISTS " + name}, nil); err != nil {
		return fmt.Errorf("mytest: dropping database %s: %w", name, err)
	}
	return nil
}

func checkName(name string) error {
	if !strings.HasPrefix(name, NamePrefix) || !validName.MatchString(name) || len(name) > maxNameLen {
		return fmt.Errorf("mytest: refusing database name %q: want %s followed by [a-z0-9_], at most %d bytes",
			name, NamePrefix, maxNameLen)
	}
	return nil
}

// DropStale drops databases named by UniqueName whose process no longer
// exists, i.e. leftovers of runs that crashed or were killed before their
// cleanup ran. A database is kept when its process is alive, when its name
// does not end in a pid and counter, or when a session is using it,
// because any of those may mean that someone else is using it.
func (s Server) DropStale() error {
	out, err := s.run("", []string{"--skip-column-names", "-e", `
		SELECT schema_name FROM information_schema.schemata
		WHERE schema_name LIKE 'zdt\_%'
		  AND schema_name NOT IN (SELECT db FROM information_schema.processlist WHERE db IS NOT NULL)`}, nil)
	if err != nil {
		return err
	}
	var errs []error
	for _, name := range strings.Fields(out) {
		pid, ok := namePid(name)
		if !ok || pid == os.Getpid() || processAlive(pid) || checkName(name) != nil {
			continue
		}
		errs = append(errs, s.dropDB(name))
	}
	return errors.Join(errs...)
}

// namePid extracts the pid from a name made by UniqueName.
func namePid(name string) (int, bool) {
	parts := strings.Split(name, "_")
	if len(parts) < 3 {
		return 0, false
	}
	pid, err1 := strconv.Atoi(parts[len(parts)-2])
	_, err2 := strconv.Atoi(parts[len(parts)-1])
	return pid, err1 == nil && err2 == nil && pid > 0
}

func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	// EPERM means the process exists but belongs to someone else.
	return err == nil || errors.Is(err, syscall.EPERM)
}

// ExecFile runs a file exactly the way users are told to run plan files,
// mysql --batch DB < FILE, so a test passes only if the real command would
// succeed. The client stops at the first failing statement; its message
// ("ERROR 1064 (42000) at line 2: ...") is in the returned *MysqlError.
func (db *DB) ExecFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = db.server.run(db.Name, nil, f)
	var me *MysqlError
	if errors.As(err, &me) {
		me.File = path
	}
	return err
}

// RunFile runs a file like ExecFile, after init (statements the client
// runs first on the connection, --init-command: session variables the
// file reads, such as SET @n = 1), and returns what it printed.
func (db *DB) RunFile(path, init string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var args []string
	if init != "" {
		args = append(args, "--init-command="+init)
	}
	out, err := db.server.run(db.Name, args, f)
	var me *MysqlError
	if errors.As(err, &me) {
		me.File = path
	}
	return out, err
}

// ExecFileTwice runs a file twice in a row, the check every plan file must
// pass: the second run succeeds and changes nothing (the caller compares
// snapshots if it wants to prove the latter).
func (db *DB) ExecFileTwice(path string) error {
	for run := 1; run <= 2; run++ {
		if err := db.ExecFile(path); err != nil {
			return fmt.Errorf("run %d: %w", run, err)
		}
	}
	return nil
}

// Exec runs SQL the same way as ExecFile, for tests that build SQL in
// code; statements are split by the client, so DELIMITER works too.
func (db *DB) Exec(sql string) error {
	_, err := db.server.run(db.Name, nil, strings.NewReader(sql))
	return err
}

// Query returns the rows of the statements' results, one line per row
// with fields separated by "|", because tests mostly compare a handful of
// small values. SQL NULL and the string 'NULL' both read "NULL"; use
// QueryRows when that matters.
func (db *DB) Query(sql string) ([]string, error) {
	rows, err := db.QueryRows(sql)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range rows {
		fields := make([]string, len(r))
		for i, f := range r {
			if f.Valid {
				fields[i] = f.String
			} else {
				fields[i] = "NULL"
			}
		}
		out = append(out, strings.Join(fields, "|"))
	}
	return out, nil
}

// QueryRows returns the rows of the statements' results with NULL kept
// apart from strings. It reads the client's --xml output, the only output
// format that distinguishes NULL from 'NULL' and keeps tabs and newlines in
// values intact. Rows of several result sets are concatenated.
func (db *DB) QueryRows(sql string) ([][]sql.NullString, error) {
	out, err := db.server.run(db.Name, []string{"--xml"}, strings.NewReader(sql))
	if err != nil {
		return nil, err
	}
	return parseXML(out)
}

// parseXML reads the mysql client's --xml output: for each result set an
// XML declaration and a <resultset> of <row>s of <field>s, where a NULL
// field carries xsi:nil="true". Several result sets simply follow each
// other, which encoding/xml's token reader accepts.
func parseXML(out string) ([][]sql.NullString, error) {
	dec := xml.NewDecoder(strings.NewReader(out))
	var (
		rows  [][]sql.NullString
		row   []sql.NullString
		field *sql.NullString
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("mytest: reading mysql --xml output: %w", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "row":
				row = []sql.NullString{}
			case "field":
				field = &sql.NullString{Valid: true}
				for _, a := range tok.Attr {
					if a.Name.Local == "nil" && a.Value == "true" {
						field.Valid = false
					}
				}
			}
		case xml.CharData:
			if field != nil && field.Valid {
				field.String += string(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "field":
				row = append(row, *field)
				field = nil
			case "row":
				rows = append(rows, row)
				row = nil
			}
		}
	}
}

// RowCounts counts the rows of every base table, keyed by table name; a
// plan must not lose rows of a table that survives it.
func (db *DB) RowCounts() (map[string]int64, error) {
	tables, err := db.QueryRows(`SELECT table_name FROM information_schema.tables
		WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		return nil, err
	}
	counts := map[string]int64{}
	if len(tables) == 0 {
		return counts, nil
	}
	// One statement for all tables: one client start instead of one per
	// table.
	var parts []string
	for _, r := range tables {
		name := r[0].String
		parts = append(parts, fmt.Sprintf("SELECT %s, COUNT(*) FROM %s", QuoteString(name), QuoteIdent(name)))
	}
	rows, err := db.QueryRows(strings.Join(parts, " UNION ALL ") + ";")
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		n, err := strconv.ParseInt(r[1].String, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("mytest: count of %s: %w", r[0].String, err)
		}
		counts[r[0].String] = n
	}
	return counts, nil
}

// TableRows returns every row of a table, fields in the order of cols and
// separated by "|" (NULL as "NULL"), sorted, so that data can be compared
// across a migration that changed column order or types (cast in cols if
// needed, e.g. "CAST(price AS CHAR)").
func (db *DB) TableRows(table string, cols ...string) ([]string, error) {
	if len(cols) == 0 {
		return nil, errors.New("mytest: TableRows needs at least one column")
	}
	rows, err := db.Query(fmt.Sprintf("SELECT %s FROM %s;", strings.Join(cols, ", "), QuoteIdent(table)))
	if err != nil {
		return nil, err
	}
	sort.Strings(rows)
	return rows, nil
}

// QuoteIdent quotes an identifier with backticks, doubling backticks
// inside it, so that any name (reserved words, spaces) can be used.
func QuoteIdent(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// QuoteString quotes a string literal in a way that does not depend on
// the NO_BACKSLASH_ESCAPES SQL mode: quotes are doubled and a backslash is
// written as CHAR(92).
func QuoteString(s string) string {
	if !strings.Contains(s, `\`) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	parts := strings.Split(s, `\`)
	for i, p := range parts {
		parts[i] = "'" + strings.ReplaceAll(p, "'", "''") + "'"
	}
	return "CONCAT(" + strings.Join(parts, ", CHAR(92), ") + ")"
}

// MysqlError is returned when the client fails, so that callers can report
// the client's own words and exit status.
type MysqlError struct {
	// Args are the client's arguments, for reproducing the failure by hand.
	Args []string
	// File is the file fed on standard input, if any (ExecFile).
	File string
	// ExitCode is the client's status: 1 for an SQL or connection error.
	ExitCode int
	// Stderr holds the client's messages, e.g. "ERROR 1091 (42000) at
	// line 3: Can't DROP INDEX `x`; check that it exists".
	Stderr string
	// Err is set when the client could not be started at all.
	Err error
}

// Error includes the command line so that a failure can be reproduced by
// hand, and the client's own message because that is what explains it.
func (e *MysqlError) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	cmd := "mysql " + strings.Join(e.Args, " ")
	if e.File != "" {
		cmd += " < " + e.File
	}
	return fmt.Sprintf("%s: exit %d: %s", cmd, e.ExitCode, msg)
}

// Unwrap exposes the exec error so that errors.Is works for a missing
// binary.
func (e *MysqlError) Unwrap() error { return e.Err }

func (s Server) mysql() string {
	if s.Mysql == "" {
		return "mysql"
	}
	return s.Mysql
}

// run executes the client against database dbname ("" for none) in batch
// mode and returns its stdout.
func (s Server) run(dbname string, args []string, stdin io.Reader) (string, error) {
	// --no-defaults must come first; it keeps ~/.my.cnf and /etc/mysql
	// option files (hosts, passwords, init commands) out of the test.
	full := []string{"--no-defaults", "--protocol=TCP", "-h", s.Host, "-P", strconv.Itoa(s.Port), "-u", s.User,
		"--connect-timeout=10", "--default-character-set=utf8mb4", "--batch"}
	full = append(full, args...)
	if dbname != "" {
		full = append(full, dbname)
	}
	cmd := exec.Command(s.mysql(), full...)
	cmd.Env = mysqlEnv()
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		me := &MysqlError{Args: full, ExitCode: -1, Stderr: stderr.String()}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			me.ExitCode = ee.ExitCode()
		} else {
			me.Err = err
		}
		return stdout.String(), me
	}
	return stdout.String(), nil
}

// mysqlEnv strips the client's environment variables (MYSQL_HOST,
// MYSQL_TCP_PORT, MYSQL_PWD, MYSQL_PS1, MYSQL_HISTFILE, ...), which could
// change the connection behind the test's back, and disables history.
func mysqlEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "MYSQL") || name == "MARIADB_HOME" || name == "PAGER" || name == "TZ" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "MYSQL_HISTFILE=/dev/null", "TZ=UTC")
}
