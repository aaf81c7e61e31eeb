package mytest

import "fmt"

// URL is the database's mysql:// URL, for code that connects itself.
func (db *DB) URL() string {
	s := db.server
	return fmt.Sprintf("mysql://%s@%s:%d/%s", s.User, s.Host, s.Port, db.Name)
}
