package parser

import (
	"reflect"
	"testing"
)

func TestOptionsShare(t *testing.T) {
	var o Options
	innodb := o.Share(map[string]string{"engine": "innodb", "charset": "utf8mb4"})
	if got := o.Share(map[string]string{"charset": "utf8mb4", "engine": "innodb"}); !same(got, innodb) {
		t.Errorf("an equal map was not shared")
	}
	for _, m := range []map[string]string{
		{"engine": "innodb"},
		{"engine": "innodb", "charset": "latin1"},
		{"engine": "innodb", "charset": "utf8mb4", "collate": "utf8mb4_bin"},
		// Keys and values that would run together if joined.
		{"engine": "innodbcharset", "utf8mb4": ""},
	} {
		if got := o.Share(m); same(got, innodb) {
			t.Errorf("Share(%v) returned the map shared for %v", m, innodb)
		}
	}
	if got := o.Share(map[string]string{}); got != nil {
		t.Errorf("Share(empty) = %v, want nil", got)
	}
}

// same reports whether two maps are one.
func same(a, b map[string]string) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}
