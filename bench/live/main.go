// Command live measures what a schema change does to a database under
// load: on a table of -rows rows in the local PostgreSQL and MariaDB, a
// bounded load generator plays the old application (-conns connections of
// inserts, updates and point reads, each at -rate statements a second)
// while, side by side in the same run,
// the naive migration (the plain ALTERs a hand-written migration would
// use) and zdplan's plan (expand and backfill, the phases the old version
// lives through) change the schema. It prints, per scenario and
// migration, the failed application statements, statement latency
// (p50/p99/max) during the migration against a baseline of the same load
// on the same database just before it, how long the migration took, and
// for full-table copies the rows per second.
//
// Usage:
//
//	go run ./bench/live [-dialects postgres,mysql] [-rows 1000000] [-conns 4] [-rate 0] [-baseline 5s]
//	                    [-batch-size N] [-batch-pause SECONDS]
//
// -batch-size and -batch-pause set zdplan's backfill tuning for the phase
// files as a user would at run time (zdplan.batch_size and
// zdplan.batch_pause on PostgreSQL, @zdplan_batch_size and
// @zdplan_batch_pause on MySQL); unset, the plan's defaults apply.
//
// Every database it makes is a throwaway one (pgtest/mytest names) that is
// dropped afterwards; only loopback servers are used.
package main

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/live"
	"github.com/zdplan/zdplan/report"
)

// scenario is one schema change: the table before, the schema zdplan is
// given as DESIRED, and the naive migration.
type scenario struct {
	name    string
	desired string // CREATE TABLE accounts (...) of DESIRED, with hints
	naive   string
	// naiveCopies and zdplanCopies say the migration writes every row,
	// so that rows/s means something.
	naiveCopies, zdplanCopies bool
	// contract says the old application's statements still work after
	// contract (the change only adds), so contract runs under the load
	// too; otherwise the load stops with backfill, as the old version
	// retires before contract.
	contract bool
}

// reference is the yardstick for backfill throughput: the same copy as
// the type change's backfill, as one unbatched UPDATE under the same load.
var reference = scenario{name: "unbatched UPDATE (reference)", naiveCopies: true}

func scenarios(dialect string) []scenario {
	ref := reference
	ref.naive = "ALTER TABLE accounts ADD COLUMN balance_copy bigint;\nUPDATE accounts SET balance_copy = balance;"
	if dialect == "mysql" {
		return []scenario{ref,
			{"rename column", accountsMy("  memo text, -- zdplan:renamed-from note\n", "", ""),
				"ALTER TABLE accounts RENAME COLUMN note TO memo;", false, true, false},
			{"int -> bigint", accountsMy("  note text,\n", "  balance bigint NOT NULL,\n", ""),
				"ALTER TABLE accounts MODIFY COLUMN balance bigint NOT NULL;", true, true, false},
			{"add NOT NULL column", accountsMy("  note text,\n", "", "  status varchar(20) NOT NULL, -- zdplan:backfill concat('v', user_id % 3)\n"),
				"ALTER TABLE accounts ADD COLUMN status varchar(20);\nUPDATE accounts SET status = concat('v', user_id % 3);\nALTER TABLE accounts MODIFY COLUMN status varchar(20) NOT NULL;", true, true, false},
			{"add index", accountsMy("  note text,\n", "", "  KEY accounts_user_id (user_id),\n"),
				"ALTER TABLE accounts ADD INDEX accounts_user_id (user_id);", false, false, true},
			{"add foreign key", accountsMy("  note text,\n", "", "  CONSTRAINT accounts_user_fk FOREIGN KEY (user_id) REFERENCES users (id),\n"),
				"ALTER TABLE accounts ADD CONSTRAINT accounts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);", false, false, true},
		}
	}
	return []scenario{ref,
		{"rename column", accountsPg("  memo text, -- zdplan:renamed-from note\n", "", ""),
			"ALTER TABLE accounts RENAME COLUMN note TO memo;", false, true, false},
		{"int -> bigint", accountsPg("  note text,\n", "  balance bigint NOT NULL,\n", ""),
			"ALTER TABLE accounts ALTER COLUMN balance TYPE bigint;", true, true, false},
		{"add NOT NULL column", accountsPg("  note text,\n", "", "  status text NOT NULL, -- zdplan:backfill 'v' || (user_id % 3)\n"),
			"ALTER TABLE accounts ADD COLUMN status text;\nUPDATE accounts SET status = 'v' || (user_id % 3);\nALTER TABLE accounts ALTER COLUMN status SET NOT NULL;", true, true, false},
		{"add index", accountsPg("  note text,\n", "", "") + "CREATE INDEX accounts_user_id ON accounts (user_id);\n",
			"CREATE INDEX accounts_user_id ON accounts (user_id);", false, false, true},
		{"add foreign key", accountsPg("  note text,\n", "", "  CONSTRAINT accounts_user_fk FOREIGN KEY (user_id) REFERENCES users (id),\n"),
			"ALTER TABLE accounts ADD CONSTRAINT accounts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);", false, false, true},
	}
}

// The tables: users (the referenced side of the foreign key scenario) and
// accounts, whose note, balance and extra lines a scenario replaces.
func accountsPg(note, balance, extra string) string {
	if balance == "" {
		balance = "  balance integer NOT NULL,\n"
	}
	return "CREATE TABLE users (id integer PRIMARY KEY);\nCREATE TABLE accounts (\n  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n" +
		"  user_id integer NOT NULL,\n" + balance + note + extra + "  created_at timestamptz NOT NULL DEFAULT now()\n);\n"
}

func accountsMy(note, balance, extra string) string {
	if balance == "" {
		balance = "  balance int NOT NULL,\n"
	}
	return "CREATE TABLE users (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;\nCREATE TABLE accounts (\n  id bigint NOT NULL AUTO_INCREMENT,\n" +
		"  user_id int NOT NULL,\n" + balance + note + extra + "  created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  PRIMARY KEY (id)\n) ENGINE=InnoDB;\n"
}

const users = 1000

// seed fills users and accounts with rows rows, one statement each
// (VACUUM cannot share a transaction).
func seed(dialect string, rows int) []string {
	if dialect == "mysql" {
		return []string{fmt.Sprintf("INSERT INTO users SELECT seq FROM seq_1_to_%d", users),
			fmt.Sprintf("INSERT INTO accounts (user_id, balance, note) SELECT 1 + seq %% %d, seq %% 1000, concat('note ', seq) FROM seq_1_to_%d", users, rows),
			"ANALYZE TABLE accounts"}
	}
	return []string{fmt.Sprintf("INSERT INTO users SELECT generate_series(1, %d)", users),
		fmt.Sprintf("INSERT INTO accounts (user_id, balance, note) SELECT 1 + g %% %d, g %% 1000, 'note ' || g FROM generate_series(1, %d) g", users, rows),
		"VACUUM ANALYZE accounts"}
}

// backfillTuning is what a user may set when running zdplan's phase
// files; an empty field leaves the plan's default.
type backfillTuning struct {
	batchSize, batchPause string
}

// database is one throwaway database of either server.
type database struct {
	exec func(sql string) error // through the client, as a user would
	// phase runs one of zdplan's phase files with the backfill tuning.
	phase func(path string) error
	drop  func() error
	url   string
	sqlDB *sql.DB
}

func create(dialect string, tune backfillTuning) (*database, error) {
	var d database
	switch dialect {
	case "postgres":
		s := pgtest.FromEnv()
		if err := s.Available(); err != nil {
			return nil, err
		}
		db, err := s.CreateDBNamed(pgtest.UniqueName("zdbench"))
		if err != nil {
			return nil, err
		}
		settings := map[string]string{}
		if tune.batchSize != "" {
			settings["zdplan.batch_size"] = tune.batchSize
		}
		if tune.batchPause != "" {
			settings["zdplan.batch_pause"] = tune.batchPause
		}
		phase := func(path string) error { _, err := db.RunFile(path, nil, settings); return err }
		d = database{exec: db.Exec, phase: phase, drop: db.Drop, url: db.URL()}
	default:
		s := mytest.FromEnv()
		if err := s.Available(); err != nil {
			return nil, err
		}
		db, err := s.CreateDBNamed(mytest.UniqueName("zdbench"))
		if err != nil {
			return nil, err
		}
		var set []string
		if tune.batchSize != "" {
			set = append(set, "@zdplan_batch_size = "+tune.batchSize)
		}
		if tune.batchPause != "" {
			set = append(set, "@zdplan_batch_pause = "+tune.batchPause)
		}
		init := ""
		if len(set) > 0 {
			init = "SET " + strings.Join(set, ", ")
		}
		phase := func(path string) error { _, err := db.RunFile(path, init); return err }
		d = database{exec: db.Exec, phase: phase, drop: db.Drop, url: db.URL()}
	}
	dsn, err := live.ParseDSN(d.url)
	if err != nil {
		return nil, errors.Join(err, d.drop())
	}
	ldb, err := live.Open(context.Background(), dsn)
	if err != nil {
		return nil, errors.Join(err, d.drop())
	}
	d.sqlDB = ldb.DB
	return &d, nil
}

// load plays the old application: each connection in turn inserts a row,
// adds to a random row's balance and reads a random row, until stop.
//
// With a rate, each connection issues its statements on a fixed schedule,
// as an application serving a steady stream of requests does (pgbench
// --rate), and a statement's latency counts from when it was due, not
// from when a blocked connection got round to sending it: a migration
// that stalls the application for a second shows as a second of latency
// on every statement that fell due meanwhile, not on one. Without a rate
// the connections run flat out, which on a small machine leaves the
// server no idle CPU before any migration starts.
type load struct {
	db   *sql.DB
	rows int
	mu   sync.Mutex
	done []statement
}

// statement is one application statement the load ran.
type statement struct {
	kind    kind
	start   time.Time
	latency time.Duration
	err     string // "" if it succeeded
}

// kind is what an application statement does.
type kind int

const (
	insert kind = iota
	update
	pointRead
	kinds
)

func (k kind) String() string { return [...]string{"INSERT", "UPDATE", "SELECT"}[k] }

func (l *load) run(ctx context.Context, conns int, rate float64, mysql bool) *sync.WaitGroup {
	var wg sync.WaitGroup
	ins := "INSERT INTO accounts (user_id, balance, note) VALUES ($1, $2, $3)"
	upd := "UPDATE accounts SET balance = balance + 1 WHERE id = $1"
	sel := "SELECT balance, note FROM accounts WHERE id = $1"
	if mysql {
		ins, upd, sel = strings.NewReplacer("$1", "?", "$2", "?", "$3", "?").Replace(ins), strings.ReplaceAll(upd, "$1", "?"), strings.ReplaceAll(sel, "$1", "?")
	}
	l.db.SetMaxOpenConns(conns + 2)
	for w := range conns {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(w), 1))
			var interval time.Duration
			due := time.Now()
			if rate > 0 {
				interval = time.Duration(float64(time.Second) / rate)
				// Spread the connections over one interval.
				due = due.Add(interval * time.Duration(w) / time.Duration(conns))
			}
			for i := 0; ctx.Err() == nil; i++ {
				id := 1 + r.IntN(l.rows)
				var err error
				start := time.Now()
				if rate > 0 {
					if wait := time.Until(due); wait > 0 {
						// On time: the timer's own lateness is not the
						// server's.
						time.Sleep(wait)
						start = time.Now()
					} else {
						start = due
					}
					due = due.Add(interval)
				}
				// Each statement gets at most 60 s, so a migration that
				// blocks everything shows as latency, not a hung run.
				sctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				k := kind(i % int(kinds))
				switch k {
				case insert:
					_, err = l.db.ExecContext(sctx, ins, 1+r.IntN(users), i, "load")
				case update:
					_, err = l.db.ExecContext(sctx, upd, id)
				default:
					var b sql.NullInt64
					var n sql.NullString
					err = l.db.QueryRowContext(sctx, sel, id).Scan(&b, &n)
					if errors.Is(err, sql.ErrNoRows) {
						err = nil
					}
				}
				cancel()
				st := statement{kind: k, start: start, latency: time.Since(start)}
				if err != nil {
					st.err = err.Error()
					if len(st.err) > 70 {
						st.err = st.err[:70]
					}
				}
				l.mu.Lock()
				l.done = append(l.done, st)
				l.mu.Unlock()
			}
		})
	}
	return &wg
}

// window runs the load, measures it for baseline, then runs migrate and
// measures the load from the migration's start to a second after its
// end. The baseline is taken on the same database and connections
// seconds before the migration, so that the two compare the same minute
// of a machine whose speed drifts (after a second of warm-up, whose
// statements count in neither).
func window(db *database, rows int, app appLoad, mysql bool, baseline time.Duration, migrate func() error) (before, during stats, took time.Duration, err error) {
	l := &load{db: db.sqlDB, rows: rows}
	ctx, stop := context.WithCancel(context.Background())
	wg := l.run(ctx, app.conns, app.rate, mysql)
	time.Sleep(time.Second)
	t0 := time.Now()
	time.Sleep(baseline)
	t1 := time.Now()
	err = migrate()
	took = time.Since(t1)
	time.Sleep(time.Second)
	stop()
	wg.Wait()
	return l.stats(t0, t1), l.stats(t1, time.Now()), took, err
}

type stats struct {
	n, failed     int
	p50, p99, max time.Duration
	// kindP99 is the p99 of each kind of statement: a migration that
	// slows commits shows on the writes, not on the reads.
	kindP99 [kinds]time.Duration
	errs    map[string]int
}

// stats summarizes the statements that started in [from, to).
func (l *load) stats(from, to time.Time) stats {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := stats{errs: map[string]int{}}
	var lat []time.Duration
	var byKind [kinds][]time.Duration
	for _, s := range l.done {
		if s.start.Before(from) || !s.start.Before(to) {
			continue
		}
		lat = append(lat, s.latency)
		byKind[s.kind] = append(byKind[s.kind], s.latency)
		if s.err != "" {
			st.failed++
			st.errs[s.err]++
		}
	}
	st.n = len(lat)
	st.p50, st.p99, st.max = percentile(lat, 50), percentile(lat, 99), percentile(lat, 100)
	for k, kl := range byKind {
		st.kindP99[k] = percentile(kl, 99)
	}
	return st
}

// percentile sorts lat and returns its p-th percentile (the largest for
// 100), or 0 for no latencies.
func percentile(lat []time.Duration, p int) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	slices.Sort(lat)
	return lat[min(len(lat)*p/100, len(lat)-1)]
}

func main() {
	var (
		dialects = flag.String("dialects", "postgres,mysql", "servers, comma-separated")
		rows     = flag.Int("rows", 1_000_000, "rows in the table")
		conns    = flag.Int("conns", 4, "application connections")
		rate     = flag.Float64("rate", 0, "statements a second per connection (paced, as pgbench --rate); 0 runs them flat out")
		baseline = flag.Duration("baseline", 5*time.Second, "how long the load is measured before each migration, as its baseline")
		only     = flag.String("run", "", "run only scenarios whose name contains this")
		size     = flag.Uint("batch-size", 0, "rows per backfill batch of zdplan's plan; 0 keeps the plan's default")
		pause    = flag.Float64("batch-pause", 0, "seconds zdplan's backfill sleeps between batches")
	)
	flag.Parse()
	var tune backfillTuning
	if *size > 0 {
		tune.batchSize = fmt.Sprint(*size)
	}
	if *pause > 0 {
		tune.batchPause = fmt.Sprint(*pause)
	}
	app := appLoad{conns: *conns, rate: *rate}
	pace := "flat out"
	if *rate > 0 {
		pace = fmt.Sprintf("%g statements/s each, latency from when each was due", *rate)
	}
	fmt.Printf("%d rows, %d application connections (insert / update / point read in turn, %s), baseline %s\n\n", *rows, *conns, pace, *baseline)
	if tune != (backfillTuning{}) {
		fmt.Printf("zdplan's backfill tuned: batch size %s, pause %s s\n\n", cmp.Or(tune.batchSize, "default"), cmp.Or(tune.batchPause, "0"))
	}
	fmt.Print("zdplan runs expand and backfill under the load, and contract too where it only adds (index, foreign key).\n\n")
	fmt.Println("| server | scenario | migration | failed statements | p50 | p99 | max | baseline p99 (just before) | p99 / baseline p99 | migration took | rows/s |")
	fmt.Println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, d := range strings.Split(*dialects, ",") {
		if err := runDialect(d, *rows, app, *baseline, *only, tune); err != nil {
			fmt.Fprintln(os.Stderr, "live:", err)
			os.Exit(1)
		}
	}
}

// appLoad is the application's load: how many connections, and how many
// statements a second each issues (0: as many as it can).
type appLoad struct {
	conns int
	rate  float64
}

func runDialect(dialect string, rows int, app appLoad, baseline time.Duration, only string, tune backfillTuning) error {
	mysql := dialect == "mysql"
	server := map[string]string{"postgres": "PostgreSQL", "mysql": "MariaDB"}[dialect]
	all := scenarios(dialect)
	selected := func(sc scenario) bool { return only == "" || strings.Contains(sc.name, only) }
	// The reference runs whenever a selected scenario's rows/s needs it.
	needReference := slices.ContainsFunc(all, func(sc scenario) bool { return sc.zdplanCopies && selected(sc) })
	for _, sc := range all {
		if !selected(sc) && !(sc.name == reference.name && needReference) {
			continue
		}
		current := accountsPg("  note text,\n", "", "")
		if mysql {
			current = accountsMy("  note text,\n", "", "")
		}
		variants := []string{"naive", "zdplan"}
		if sc.desired == "" {
			variants = variants[:1]
		}
		for _, variant := range variants {
			db, err := create(dialect, tune)
			if err != nil {
				return err
			}
			res, err := func() (string, error) {
				defer db.drop()
				defer db.sqlDB.Close()
				dir, err := os.MkdirTemp("", "zdbench")
				if err != nil {
					return "", err
				}
				defer os.RemoveAll(dir)
				for _, stmt := range append([]string{current}, seed(dialect, rows)...) {
					if err := db.exec(stmt); err != nil {
						return "", fmt.Errorf("load: %w", err)
					}
				}
				migrate := func() error { return db.exec(sc.naive) }
				if variant == "zdplan" {
					r, err := pipeline.Run(pipeline.Input{Name: "current.sql", Src: []byte(current)},
						pipeline.Input{Name: "desired.sql", Src: []byte(sc.desired)}, pipeline.Options{Dialect: dialect})
					if err != nil {
						return "", err
					}
					files, err := report.WriteFiles(dir, r)
					if err != nil {
						return "", err
					}
					migrate = func() error {
						// Expand and backfill: the phases the old version
						// runs through; contract follows its retirement.
						for _, f := range files {
							if strings.Contains(filepath.Base(f), "contract") && !sc.contract {
								continue
							}
							if err := db.phase(f); err != nil {
								return err
							}
						}
						return nil
					}
				}
				base, st, took, err := window(db, rows, app, mysql, baseline, migrate)
				if base.failed > 0 {
					return "", fmt.Errorf("%s %s: %d statements failed before the migration", sc.name, variant, base.failed)
				}
				outcome := took.Round(10 * time.Millisecond).String()
				switch {
				case err != nil && variant == "zdplan":
					return "", fmt.Errorf("%s %s: %w", sc.name, variant, err)
				case err != nil:
					// A naive migration that the running application
					// breaks is a result, not a failure of the benchmark.
					outcome = "**failed** after " + outcome + ": " + firstError(err)
				}
				rate := ""
				if err == nil && (variant == "naive" && sc.naiveCopies || variant == "zdplan" && sc.zdplanCopies) {
					rate = fmt.Sprintf("%.0f", float64(rows)/took.Seconds())
				}
				line := fmt.Sprintf("| %s | %s | %s | %d of %d | %s | %s | %s | %s | %.1f× | %s | %s |", server, sc.name, variant,
					st.failed, st.n, ms(st.p50), ms(st.p99), ms(st.max), ms(base.p99), float64(st.p99)/float64(max(base.p99, time.Microsecond)), outcome, rate)
				for msg, n := range st.errs {
					fmt.Fprintf(os.Stderr, "  %s %s %s: %d× %s\n", server, sc.name, variant, n, msg)
				}
				var byKind []string
				for k := range kinds {
					byKind = append(byKind, fmt.Sprintf("%s %s (before: %s)", k, ms(st.kindP99[k]), ms(base.kindP99[k])))
				}
				fmt.Fprintf(os.Stderr, "  %s %s %s: p99 by statement: %s\n", server, sc.name, variant, strings.Join(byKind, ", "))
				return line, nil
			}()
			if err != nil {
				return err
			}
			fmt.Println(res)
		}
	}
	return nil
}

// firstError is the server's message of a failed client run.
func firstError(err error) string {
	msg := err.Error()
	for _, marker := range []string{"ERROR:", "ERROR "} {
		if i := strings.Index(msg, marker); i >= 0 {
			msg = msg[i:]
			break
		}
	}
	msg = strings.Join(strings.Fields(msg), " ")
	if len(msg) > 90 {
		msg = msg[:90] + "..."
	}
	return msg
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}
