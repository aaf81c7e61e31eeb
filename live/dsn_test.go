package live

import (
	"strings"
	"testing"
)

func TestDSN(t *testing.T) {
	for _, tc := range []struct {
		in, dialect, name, err string
	}{
		{in: "postgres://app:pw@db/app", dialect: "postgres", name: "postgres://app@db/app"},
		{in: "postgresql://app:pw@db:6432/app?sslmode=require&password=pw", dialect: "postgres", name: "postgresql://app@db:6432/app"},
		{in: "mysql://root:pw@127.0.0.1:3306/app", dialect: "mysql", name: "mysql://root@127.0.0.1:3306/app"},
		{in: "mariadb://root@localhost/app", dialect: "mysql", name: "mariadb://root@localhost/app"},
		{in: "mysql://root:pw@127.0.0.1:3306/", err: "names no database"},
		{in: "oracle://x:pw@h/db", err: "unsupported database URL scheme"},
		{in: "postgres://app:p w%zz@db/app", err: "postgres://app@db/app"},
	} {
		d, err := ParseDSN(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseDSN(%q) = %v, want error with %q", tc.in, err, tc.err)
			}
			if err != nil && strings.Contains(err.Error(), "pw") {
				t.Errorf("ParseDSN(%q) error shows the password: %v", tc.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDSN(%q): %v", tc.in, err)
			continue
		}
		if d.Dialect != tc.dialect || d.String() != tc.name {
			t.Errorf("ParseDSN(%q) = %s %s, want %s %s", tc.in, d.Dialect, d, tc.dialect, tc.name)
		}
		if !IsDSN(tc.in) {
			t.Errorf("IsDSN(%q) = false", tc.in)
		}
	}
	for _, f := range []string{"current.sql", "-", "postgres.sql", "./mysql://x"} {
		if IsDSN(f) {
			t.Errorf("IsDSN(%q) = true for a file name", f)
		}
	}
}

func TestMySQLConfig(t *testing.T) {
	t.Setenv("MYSQL_PWD", "from-env")
	d, err := ParseDSN("mysql://app@db.example/shop")
	if err != nil {
		t.Fatal(err)
	}
	user, pass, addr, db, _ := d.mysqlConfig()
	if user != "app" || pass != "from-env" || addr != "db.example:3306" || db != "shop" {
		t.Errorf("mysqlConfig = %q %q %q %q", user, pass, addr, db)
	}
	d, _ = ParseDSN("mysql://app:given@[::1]:3307/shop")
	if _, pass, addr, _, _ := d.mysqlConfig(); pass != "given" || addr != "[::1]:3307" {
		t.Errorf("mysqlConfig = %q %q", pass, addr)
	}
}
