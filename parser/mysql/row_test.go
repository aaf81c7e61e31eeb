package mysql_test

import (
	"testing"

	"github.com/zdplan/zdplan/parser/mysql"
)

func TestOverRow(t *testing.T) {
	tests := []struct {
		expr, want string
		fails      bool
	}{
		{expr: "concat('v', user_id % 3)", want: "concat('v', NEW.`user_id` % 3)"},
		{expr: "`Full Name` + `a``b` + a", want: "NEW.`Full Name` + NEW.`a``b` + NEW.`a`"},
		{expr: "'user_id' + 1", want: "'user_id' + 1"},
		{expr: "coalesce(x, (SELECT max(y) FROM t))", fails: true},
		{expr: "t.x + 1", fails: true},
		{expr: "1) FROM t WHERE (1", fails: true},
	}
	for _, tt := range tests {
		got, err := mysql.OverRow(tt.expr, "NEW")
		if tt.fails {
			if err == nil {
				t.Errorf("OverRow(%q) = %q, want an error", tt.expr, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("OverRow(%q) = %q, %v; want %q", tt.expr, got, err, tt.want)
		}
	}
}
