package live

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// DB is an open connection pool to a live database.
type DB struct {
	DSN DSN
	*sql.DB
}

// Open connects to the database d names and checks that it answers.
func Open(ctx context.Context, d DSN) (*DB, error) {
	var db *sql.DB
	switch d.Dialect {
	case "postgres":
		cfg, err := pgx.ParseConfig(d.postgresURL())
		if err != nil {
			// pgx's parse errors can quote the URL; say only which one.
			return nil, fmt.Errorf("%s: invalid PostgreSQL URL", d)
		}
		db = stdlib.OpenDB(*cfg)
	case "mysql":
		user, pass, addr, name, params := d.mysqlConfig()
		cfg := mysql.NewConfig()
		cfg.User, cfg.Passwd, cfg.Net, cfg.Addr, cfg.DBName = user, pass, "tcp", addr, name
		if s := params.Get("socket"); s != "" {
			cfg.Net, cfg.Addr = "unix", s
		}
		cfg.Timeout = 10 * time.Second
		conn, err := mysql.NewConnector(cfg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d, err)
		}
		db = sql.OpenDB(conn)
	default:
		return nil, fmt.Errorf("%s: no driver for dialect %q", d, d.Dialect)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s: %w", d, err)
	}
	return &DB{DSN: d, DB: db}, nil
}

// Schema reads the database's schema as DDL that the dialect's parser
// reads into the same model as the database's own dump.
func (db *DB) Schema(ctx context.Context) ([]byte, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", db.DSN, err)
	}
	// The session's settings are changed for reading: it must not go
	// back to the pool.
	defer discard(conn)
	var out []byte
	switch db.DSN.Dialect {
	case "postgres":
		out, err = postgresSchema(ctx, conn)
	default:
		out, err = mysqlSchema(ctx, conn, db.DSN.Database())
	}
	if err != nil {
		return nil, fmt.Errorf("read schema of %s: %w", db.DSN, err)
	}
	return out, nil
}

// queryStrings runs a query whose rows are all strings.
func queryStrings(ctx context.Context, conn *sql.Conn, q string, args ...any) ([][]string, error) {
	rows, err := conn.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// EstimateRows is the server's estimate of a table's row count
// (pg_class.reltuples, information_schema.TABLES.TABLE_ROWS), without
// scanning it; -1 when the server has none (a table never analysed).
func (db *DB) EstimateRows(ctx context.Context, t schema.Name) (int64, error) {
	var n sql.NullFloat64
	var err error
	if db.DSN.Dialect == "postgres" {
		err = db.QueryRowContext(ctx, "SELECT reltuples::float8 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass($1)", postgres.QuoteName(t)).Scan(&n)
	} else {
		err = db.QueryRowContext(ctx, "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?", t.Name).Scan(&n)
	}
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (!n.Valid || n.Float64 < 0)) {
		return -1, nil
	}
	if err != nil {
		return 0, fmt.Errorf("estimate rows of %s: %w", t, err)
	}
	return int64(n.Float64), nil
}

// discard closes a connection without returning it to the pool, for
// sessions whose settings were changed.
func discard(conn *sql.Conn) {
	conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}

// Session is a connection of its own for the caller, who may change its
// settings: Close discards it rather than returning it to the pool.
type Session struct{ *sql.Conn }

// Session opens a session.
func (db *DB) Session(ctx context.Context) (*Session, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", db.DSN, err)
	}
	return &Session{c}, nil
}

// Close discards the session.
func (s *Session) Close() error {
	discard(s.Conn)
	return nil
}

// TableRows is EstimateRows for every table at once, by the table's name
// as the model spells it (schema.table on PostgreSQL, table on MySQL);
// tables without an estimate are left out.
func (db *DB) TableRows(ctx context.Context) (map[string]int64, error) {
	q := `SELECT n.nspname, c.relname, c.reltuples::float8 FROM pg_catalog.pg_class c
		JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'`
	if db.DSN.Dialect == "mysql" {
		q = "SELECT '', TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("estimate table sizes of %s: %w", db.DSN, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var ns, name string
		var n sql.NullFloat64
		if err := rows.Scan(&ns, &name, &n); err != nil {
			return nil, err
		}
		if n.Valid && n.Float64 >= 0 {
			out[schema.Name{Schema: ns, Name: name}.String()] = int64(n.Float64)
		}
	}
	return out, rows.Err()
}
