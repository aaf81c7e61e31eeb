// Package live connects zdplan to a running database: it reads the
// database's schema back as DDL, so that the parsers build the same model
// from a live server as from its dump, and estimates table sizes.
//
// Credentials come from the DSN or the client's usual environment
// variables (PGPASSWORD, PGHOST, ... for PostgreSQL; MYSQL_PWD for MySQL);
// they are never part of a name this package returns.
package live

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
)

// DSN is a parsed database address.
type DSN struct {
	// Dialect is "postgres" or "mysql", from the URL scheme.
	Dialect string
	url     *url.URL
}

// IsDSN reports whether s is a database URL rather than a file name.
func IsDSN(s string) bool {
	for _, p := range []string{"postgres://", "postgresql://", "mysql://", "mariadb://"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// ParseDSN parses postgres://, postgresql://, mysql:// or mariadb:// URLs.
// Errors never include the password.
func ParseDSN(s string) (DSN, error) {
	u, err := url.Parse(s)
	if err != nil {
		// url.Error quotes the whole input, password included.
		return DSN{}, fmt.Errorf("invalid database URL %s", redactRaw(s))
	}
	var d DSN
	switch strings.ToLower(u.Scheme) {
	case "postgres", "postgresql":
		d.Dialect = "postgres"
	case "mysql", "mariadb":
		d.Dialect = "mysql"
	default:
		return DSN{}, fmt.Errorf("unsupported database URL scheme %q (want postgres:// or mysql://)", u.Scheme)
	}
	if d.Dialect == "mysql" && strings.Trim(u.Path, "/") == "" {
		return DSN{}, fmt.Errorf("%s: the URL names no database", Redact(u))
	}
	d.url = u
	return d, nil
}

// String is the DSN without password or query parameters (which may
// carry one too), e.g. postgres://app@db/app: the name used in messages
// and as the file name of the schema read from the server.
func (d DSN) String() string { return Redact(d.url) }

// Redact renders u without its password and query.
func Redact(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
	}
	c.RawQuery, c.Fragment, c.ForceQuery = "", "", false
	return c.String()
}

// redactRaw is Redact for text that does not parse as a URL: everything
// between "://" and the last "@" is cut down to the user name.
func redactRaw(s string) string {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return "(unparsable)"
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		if i := strings.IndexAny(rest, "?#"); i >= 0 {
			rest = rest[:i]
		}
		return scheme + "://" + rest
	}
	user, _, _ := strings.Cut(rest[:at], ":")
	host := rest[at+1:]
	if i := strings.IndexAny(host, "?#"); i >= 0 {
		host = host[:i]
	}
	return scheme + "://" + user + "@" + host
}

// Database is the database name the URL names.
func (d DSN) Database() string { return strings.Trim(d.url.Path, "/") }

// postgresURL is the URL in the form pgx parses (pgx reads PGPASSWORD and
// the other PG* variables itself).
func (d DSN) postgresURL() string {
	c := *d.url
	c.Scheme = "postgres"
	return c.String()
}

// mysqlConfig is the URL in go-sql-driver/mysql's own terms:
// user:pass@tcp(host:port)/db?params. The password comes from the URL or,
// failing that, MYSQL_PWD, as for the mysql client.
func (d DSN) mysqlConfig() (user, pass, addr, db string, params url.Values) {
	u := d.url
	if u.User != nil {
		user = u.User.Username()
		pass, _ = u.User.Password()
	}
	if user == "" {
		user = os.Getenv("USER")
	}
	if pass == "" {
		pass = os.Getenv("MYSQL_PWD")
	}
	host, port := u.Hostname(), u.Port()
	if host == "" {
		host = "127.0.0.1"
	}
	if port == "" {
		port = "3306"
	}
	return user, pass, net.JoinHostPort(host, port), d.Database(), u.Query()
}
