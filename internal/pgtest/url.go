package pgtest

import "fmt"

// URL is the database's postgres:// URL, for code that connects itself.
func (db *DB) URL() string {
	s := db.server
	return fmt.Sprintf("postgres://%s@%s:%d/%s", s.User, s.Host, s.Port, db.Name)
}
