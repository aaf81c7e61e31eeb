// Package pgtest runs SQL against a real PostgreSQL server and describes the
// resulting schema, so that tests (and the corpus runner) can check that a
// migration plan really produces the schema it claims to.
//
// Everything goes through the psql binary rather than a Go driver: the
// product promises that plan files work with
//
//	psql -X -v ON_ERROR_STOP=1 -f FILE
//
// and testing through any other client could hide differences in statement
// splitting, transaction handling or error reporting.
//
// Only databases whose names start with "zdt_" are ever created or dropped,
// so the package can share a server with other work.
package pgtest

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
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

// maxNameLen is PostgreSQL's NAMEDATALEN-1; longer names are silently
// truncated by the server, which would break the uniqueness of our names.
const maxNameLen = 63

// Server says how psql reaches the test server. It is a plain value so that
// tests can point at another server without any global state.
type Server struct {
	// Host is a host name, an IP address or a Unix socket directory.
	Host string
	// Port is the TCP port, or the socket file suffix for a socket directory.
	Port int
	// User must be allowed to create and drop databases.
	User string
	// AdminDB is where CREATE/DROP DATABASE run from, because a database
	// cannot drop itself.
	AdminDB string
	// Psql is the client binary ("" means psql from PATH); it is
	// configurable only for machines with several PostgreSQL versions,
	// since plans are specified in terms of psql itself.
	Psql string
}

// FromEnv returns the server used by tests: the local PostgreSQL unless
// ZDPLAN_PGHOST, ZDPLAN_PGPORT or ZDPLAN_PGUSER say otherwise. The usual
// PG* variables are deliberately not honoured, so a developer's personal
// psql setup cannot redirect tests to a real database.
func FromEnv() Server {
	s := Server{Host: "127.0.0.1", Port: 5432, User: "postgres", AdminDB: "postgres", Psql: "psql"}
	if v := os.Getenv("ZDPLAN_PGHOST"); v != "" {
		s.Host = v
	}
	if v := os.Getenv("ZDPLAN_PGPORT"); v != "" {
		// A malformed port is kept as 0 rather than silently replaced, so
		// that Available reports the misconfiguration.
		s.Port, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("ZDPLAN_PGUSER"); v != "" {
		s.User = v
	}
	return s
}

// String identifies the server in skip and error messages.
func (s Server) String() string {
	return fmt.Sprintf("postgres://%s@%s:%d", s.User, s.Host, s.Port)
}

// Available reports why the server cannot be used, so that tests can skip
// with a useful message instead of failing on a machine without PostgreSQL.
func (s Server) Available() error {
	if _, err := exec.LookPath(s.psql()); err != nil {
		return fmt.Errorf("pgtest: psql not found: %w", err)
	}
	out, err := s.run(s.AdminDB, []string{"-At", "-c", "select 1"}, nil)
	if err != nil {
		return fmt.Errorf("pgtest: server %s not available: %w", s, err)
	}
	if strings.TrimSpace(out) != "1" {
		return fmt.Errorf("pgtest: server %s answered %q to select 1", s, out)
	}
	return nil
}

// Require returns the server from FromEnv, skipping the test when it is not
// available. Setting ZDPLAN_PGREQUIRED=1 turns the skip into a failure, for
// machines (like CI) where a silently skipped database test would hide a
// broken setup.
func Require(t testing.TB) Server {
	t.Helper()
	s := FromEnv()
	// Every psql start costs a noticeable fraction of a second, so the
	// answer is remembered for the rest of the test binary's life.
	res, _ := availability.LoadOrStore(s, sync.OnceValue(s.Available))
	if err := res.(func() error)(); err != nil {
		if os.Getenv("ZDPLAN_PGREQUIRED") == "1" {
			t.Fatalf("ZDPLAN_PGREQUIRED=1 but: %v", err)
		}
		t.Skip(err)
	}
	return s
}

// DB is one scratch database. It carries the server so that callers only
// need to pass one value around.
type DB struct {
	// Name is the database name, usable as "-d NAME" when a test needs to
	// run psql itself.
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
// test ends, even if the test's SQL left connections open. Databases left
// behind by crashed runs are removed on first use (see DropStale).
func (s Server) CreateDB(t testing.TB, prefix string) *DB {
	t.Helper()
	once, _ := staleOnce.LoadOrStore(s, new(sync.Once))
	once.(*sync.Once).Do(func() {
		if err := s.DropStale(); err != nil {
			t.Logf("pgtest: cleaning up stale databases: %v", err)
		}
	})
	db, err := s.CreateDBNamed(UniqueName(prefix))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Drop(); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	return db
}

// CreateDBNamed is CreateDB for callers without a testing.TB, such as the
// corpus runner; the caller owns the database and must Drop it. The name
// must start with NamePrefix so that nothing else on the server can be
// touched by mistake; names from UniqueName are best, because DropStale
// can then clean up after a crashed caller.
func (s Server) CreateDBNamed(name string) (*DB, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	if err := s.ensureRoles(); err != nil {
		return nil, err
	}
	// template0 rather than template1: it cannot have been modified (so
	// snapshots start from a known state) and nobody can be connected to
	// it (which would make CREATE DATABASE fail).
	sql := fmt.Sprintf("CREATE DATABASE %s TEMPLATE template0", name)
	if _, err := s.run(s.AdminDB, []string{"-q", "-c", sql}, nil); err != nil {
		return nil, fmt.Errorf("pgtest: creating database %s: %w", name, err)
	}
	return &DB{Name: name, server: s}, nil
}

// Drop removes the database, terminating sessions a failed test may have
// left behind. Dropping a database that no longer exists is not an error,
// so that cleanup can run more than once.
func (db *DB) Drop() error {
	if err := checkName(db.Name); err != nil {
		return err
	}
	return db.server.dropDB(db.Name)
}

func (s Server) dropDB(name string) error {
	sql := fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name)
	if _, err := s.run(s.AdminDB, []string{"-q", "-c", sql}, nil); err != nil {
		return fmt.Errorf("pgtest: dropping database %s: %w", name, err)
	}
	return nil
}

func checkName(name string) error {
	if !strings.HasPrefix(name, NamePrefix) || !validName.MatchString(name) || len(name) > maxNameLen {
		return fmt.Errorf("pgtest: refusing database name %q: want %s followed by [a-z0-9_], at most %d bytes",
			name, NamePrefix, maxNameLen)
	}
	return nil
}

// DropStale drops databases named by UniqueName whose process no longer
// exists, i.e. leftovers of runs that crashed or were killed before their
// cleanup ran. A database is kept when its process is alive, when its name
// does not end in a pid and counter, or when anybody is connected to it,
// because any of those may mean that someone else is using it.
func (s Server) DropStale() error {
	out, err := s.run(s.AdminDB, []string{"-At", "-c", `
		SELECT d.datname FROM pg_database d
		WHERE d.datname LIKE 'zdt\_%'
		  AND NOT EXISTS (SELECT FROM pg_stat_activity a WHERE a.datid = d.oid)`}, nil)
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
// so a test passes only if the real command would succeed.
func (db *DB) ExecFile(path string) error {
	_, err := db.server.run(db.Name, []string{"-q", "-v", "ON_ERROR_STOP=1", "-f", path}, nil)
	return err
}

// RunFile runs a file like ExecFile, with psql variables set (the file
// reads them as :name or :'name') and session settings given to the
// server at connection (PGOPTIONS -c name=value), and returns what the
// file printed, unaligned.
func (db *DB) RunFile(path string, vars, settings map[string]string) (string, error) {
	args := []string{"-q", "-At", "-v", "ON_ERROR_STOP=1"}
	for _, k := range slices.Sorted(maps.Keys(vars)) {
		args = append(args, "-v", k+"="+vars[k])
	}
	var opts []string
	for _, k := range slices.Sorted(maps.Keys(settings)) {
		opts = append(opts, "-c "+k+"="+settings[k])
	}
	return db.server.runEnv(db.Name, append(args, "-f", path), nil, opts)
}

// Exec runs SQL the same way as ExecFile, for tests that build SQL in
// code; statements are split by psql, so psql meta-commands work too.
func (db *DB) Exec(sql string) error {
	_, err := db.server.run(db.Name, []string{"-q", "-v", "ON_ERROR_STOP=1", "-f", "-"}, strings.NewReader(sql))
	return err
}

// Query returns the rows of the last statement's result, one line per row
// with fields separated by "|" (psql's unaligned output), because tests
// mostly compare a handful of small values. A row that contains a newline
// spans several lines; use Snapshot for anything structured.
func (db *DB) Query(sql string) ([]string, error) {
	out, err := db.server.run(db.Name, []string{"-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", "-"}, strings.NewReader(sql))
	if err != nil {
		return nil, err
	}
	if out == "" {
		return nil, nil
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n"), nil
}

// PsqlError is returned when psql fails, so that callers such as the
// corpus runner can report psql's own words and exit status.
type PsqlError struct {
	// Args are psql's arguments, for reproducing the failure by hand.
	Args []string
	// ExitCode is psql's status: 1 for a fatal client error, 2 for a
	// connection failure, 3 for an SQL error under ON_ERROR_STOP.
	ExitCode int
	// Stderr holds psql's messages, including the file and line of the
	// failing statement.
	Stderr string
	// Err is set when psql could not be started at all.
	Err error
}

// Error includes the command line so that a failure can be reproduced by
// hand, and psql's own message because that is what explains it.
func (e *PsqlError) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	return fmt.Sprintf("psql %s: exit %d: %s", strings.Join(e.Args, " "), e.ExitCode, msg)
}

// Unwrap exposes the exec error so that errors.Is works for a missing
// binary.
func (e *PsqlError) Unwrap() error { return e.Err }

func (s Server) psql() string {
	if s.Psql == "" {
		return "psql"
	}
	return s.Psql
}

// run executes psql against database dbname and returns its stdout.
func (s Server) run(dbname string, args []string, stdin *strings.Reader) (string, error) {
	return s.runEnv(dbname, args, stdin, nil)
}

func (s Server) runEnv(dbname string, args []string, stdin *strings.Reader, pgOptions []string) (string, error) {
	full := append([]string{"-X", "-h", s.Host, "-p", strconv.Itoa(s.Port), "-U", s.User, "-d", dbname}, args...)
	cmd := exec.Command(s.psql(), full...)
	cmd.Env = psqlEnv()
	if len(pgOptions) > 0 {
		cmd.Env = append(cmd.Env, "PGOPTIONS="+strings.Join(pgOptions, " "))
	}
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err != nil {
		pe := &PsqlError{Args: full, ExitCode: -1, Stderr: stderr.String()}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			pe.ExitCode = ee.ExitCode()
		} else {
			pe.Err = err
		}
		return stdout.String(), pe
	}
	return stdout.String(), nil
}

// psqlEnv strips libpq's environment variables, which could otherwise
// change the connection (PGDATABASE, PGSERVICE) or the session (PGOPTIONS,
// PGTZ, PGDATESTYLE) behind the test's back, and pins what matters for
// deterministic output.
func psqlEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case name == "PGPASSWORD" || name == "PGPASSFILE" || strings.HasPrefix(name, "PGSSL"):
			// Credentials may be needed for a non-trust server.
		case strings.HasPrefix(name, "PG"), name == "PSQLRC", name == "PSQL_PAGER", name == "PAGER":
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"PGCONNECT_TIMEOUT=10",
		"PGCLIENTENCODING=UTF8",
		"PGAPPNAME=zdplan-pgtest",
		"PGTZ=UTC",
		"PAGER=",
	)
}
