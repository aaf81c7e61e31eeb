package parser

import "testing"

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"CREATE TABLE t (id int);", "postgres"},
		{"CREATE TABLE `t` (id int);", "mysql"},
		{"CREATE TABLE t (id int AUTO_INCREMENT);", "mysql"},
		{"CREATE TABLE t (id int) ENGINE = InnoDB;", "mysql"},
		{"CREATE TABLE t (id int) engine\n=InnoDB;", "mysql"},
		{"CREATE TABLE t (id int UNSIGNED);", "mysql"},
		{"/*!40101 SET NAMES utf8 */;", "mysql"},
		{"CREATE TABLE t (id int) DEFAULT CHARSET=utf8mb4;", "mysql"},
		{"CREATE TABLE engines (engine text, unsigned_total int, auto_incrementer int);", "postgres"},
		{"CREATE TABLE t (x_unsigned int, engine_id int);", "postgres"},
		{"-- `quoted` in a comment, ENGINE=InnoDB\nCREATE TABLE t (id int);", "postgres"},
		{"", "postgres"},
	} {
		if got := Detect([]byte(tc.src)); got != tc.want {
			t.Errorf("Detect(%q) = %s, want %s", tc.src, got, tc.want)
		}
	}
}
