package corpus

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
)

// Target is the database server one dialect's cases are checked on. The
// runner needs only scratch databases that run files the way users run
// phase files, and catalog snapshots it can compare; everything else about
// the two servers stays in their harnesses.
type Target interface {
	// Dialect is the zdplan dialect the cases are planned with.
	Dialect() string
	// Server names the server in skip notes ("does not apply on ...").
	Server() string
	// CreateDB makes a scratch database whose statements cannot run
	// forever, so that an abandoned case can still drop it.
	CreateDB() (DB, error)
	// Message keeps the client's own words of a failure, without its long
	// command line.
	Message(err error) string
	// FailingLine is the line of the file that the client blamed in err,
	// or 0 when it names none.
	FailingLine(err error) int
}

// DB is one scratch database of a Target.
type DB interface {
	// ExecFile runs a file exactly as users are told to run phase files.
	ExecFile(path string) error
	// Snapshot describes the catalog as keyed objects (see snapdiff).
	Snapshot() (map[string]string, error)
	// Drop removes the database; dropping it twice is not an error.
	Drop() error
}

// Postgres checks cases on a PostgreSQL server through psql.
func Postgres(s pgtest.Server) Target { return pgTarget{s} }

type pgTarget struct{ s pgtest.Server }

func (pgTarget) Dialect() string { return "postgres" }

func (t pgTarget) Server() string { return "PostgreSQL " + t.version() }

func (t pgTarget) version() string {
	v := serverVersion(t.s.String(), "SHOW server_version", func() (scratch, error) {
		return t.s.CreateDBNamed(pgtest.UniqueName("corpus_version"))
	})
	if v == "" {
		return "(unknown version)"
	}
	return strings.Fields(v)[0]
}

// scratch is a database of either harness, enough to ask its server a
// question.
type scratch interface {
	Query(sql string) ([]string, error)
	Drop() error
}

var versions sync.Map // server string -> func() string

// serverVersion answers query in a scratch database, once per server
// (every skipped case asks), or "" when it cannot.
func serverVersion(server, query string, create func() (scratch, error)) string {
	v, _ := versions.LoadOrStore(server, sync.OnceValue(func() string {
		db, err := create()
		if err != nil {
			return ""
		}
		defer db.Drop()
		out, err := db.Query(query)
		if err != nil || len(out) == 0 {
			return ""
		}
		return out[0]
	}))
	return v.(func() string)()
}

func (t pgTarget) CreateDB() (DB, error) {
	db, err := t.s.CreateDBNamed(pgtest.UniqueName("corpus"))
	if err != nil {
		return nil, err
	}
	// Set on the database, so that it applies to every later psql session:
	// a hung statement then ends by itself and RunCase's abandoned
	// goroutine can drop the database.
	limit := fmt.Sprintf("ALTER DATABASE %s SET statement_timeout = '%ds';", db.Name, int(CaseTimeout.Seconds()))
	if err := db.Exec(limit); err != nil {
		return nil, errors.Join(err, db.Drop())
	}
	return pgDB{db}, nil
}

func (pgTarget) Message(err error) string {
	var pe *pgtest.PsqlError
	if errors.As(err, &pe) && strings.TrimSpace(pe.Stderr) != "" {
		return strings.TrimSpace(pe.Stderr)
	}
	return err.Error()
}

var psqlLine = regexp.MustCompile(`psql:[^:\n]+:(\d+): ERROR`)

func (t pgTarget) FailingLine(err error) int {
	return firstLine(psqlLine, t.Message(err))
}

type pgDB struct{ db *pgtest.DB }

func (d pgDB) ExecFile(path string) error { return d.db.ExecFile(path) }
func (d pgDB) Drop() error                { return d.db.Drop() }

func (d pgDB) Snapshot() (map[string]string, error) {
	s, err := d.db.Snapshot()
	if err != nil {
		return nil, err
	}
	return s.Objects, nil
}

// MySQL checks cases on a MySQL or MariaDB server through the mysql client.
func MySQL(s mytest.Server) Target { return myTarget{s} }

type myTarget struct{ s mytest.Server }

func (myTarget) Dialect() string { return "mysql" }

func (t myTarget) Server() string { return t.version() }

func (t myTarget) version() string {
	v := serverVersion(t.s.String(), "SELECT VERSION()", func() (scratch, error) {
		return t.s.CreateDBNamed(mytest.UniqueName("corpus_version"))
	})
	switch {
	case v == "":
		return "MySQL (unknown version)"
	case strings.Contains(v, "MariaDB"):
		return "MariaDB " + strings.SplitN(v, "-", 2)[0]
	}
	return "MySQL " + v
}

func (t myTarget) CreateDB() (DB, error) {
	db, err := t.s.CreateDBNamed(mytest.UniqueName("corpus"))
	if err != nil {
		return nil, err
	}
	d := myDB{db: db}
	// MySQL has no per-database settings, so the bound goes on every
	// session: MariaDB's max_statement_time ends any statement, MySQL's
	// lock_wait_timeout at least ends a wait for a metadata lock.
	if strings.HasPrefix(t.version(), "MariaDB") {
		d.init = fmt.Sprintf("SET SESSION max_statement_time = %d", int(CaseTimeout.Seconds()))
	} else {
		d.init = fmt.Sprintf("SET SESSION lock_wait_timeout = %d", int(CaseTimeout.Seconds()))
	}
	return d, nil
}

func (myTarget) Message(err error) string {
	var me *mytest.MysqlError
	if errors.As(err, &me) && strings.TrimSpace(me.Stderr) != "" {
		return strings.TrimSpace(me.Stderr)
	}
	return err.Error()
}

var mysqlLine = regexp.MustCompile(`ERROR \d+ \([0-9A-Z]+\) at line (\d+)`)

func (t myTarget) FailingLine(err error) int {
	return firstLine(mysqlLine, t.Message(err))
}

type myDB struct {
	db   *mytest.DB
	init string
}

func (d myDB) ExecFile(path string) error {
	_, err := d.db.RunFile(path, d.init)
	return err
}

func (d myDB) Drop() error { return d.db.Drop() }

func (d myDB) Snapshot() (map[string]string, error) {
	s, err := d.db.Snapshot()
	if err != nil {
		return nil, err
	}
	return s.Objects, nil
}

func firstLine(re *regexp.Regexp, msg string) int {
	m := re.FindStringSubmatch(msg)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Require returns the Target for dialect ("postgres" or "mysql") on the
// test server, and an error saying why it cannot be used.
func Require(dialect string) (Target, error) {
	switch dialect {
	case "postgres":
		s := pgtest.FromEnv()
		return Postgres(s), s.Available()
	case "mysql":
		s := mytest.FromEnv()
		return MySQL(s), s.Available()
	}
	return nil, fmt.Errorf("corpus: unknown dialect %q (want postgres or mysql)", dialect)
}

// Dialects are the corpus parts the runner knows, in the order it reports
// them.
var Dialects = []string{"postgres", "mysql"}
