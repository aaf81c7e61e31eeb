// Package schemagen writes large, realistic schema files for benchmarks:
// tables of 5 to 30 columns of mixed types with a primary key, one to
// three indexes, foreign keys to earlier tables, views and enums, in
// PostgreSQL or MySQL. The desired variant changes about 5% of the
// objects the way a release does: columns added, dropped, renamed (with a
// zdplan:renamed-from hint) and retyped, varchars widened, indexes added,
// tables created and dropped.
//
// The output depends only on the arguments, so benchmarks of the same size
// always see the same bytes.
package schemagen

import (
	"fmt"
	"strings"
)

// Dialects are the dialects Schema writes.
var Dialects = []string{"postgres", "mysql"}

// Schema returns a schema of n tables in dialect ("postgres" or "mysql").
// With desired set it is the changed variant of the same schema.
func Schema(dialect string, n int, desired bool) []byte {
	g := gen{mysql: dialect == "mysql", desired: desired}
	if !g.mysql {
		g.b.WriteString("CREATE TYPE status AS ENUM ('new', 'active', 'closed');\n\n")
	}
	for i := range n {
		g.table(i)
	}
	if desired {
		// New tables, about one in a hundred.
		for i := range max(n/100, 1) {
			g.newTable(i)
		}
	}
	return []byte(g.b.String())
}

type gen struct {
	b       strings.Builder
	mysql   bool
	desired bool
}

// What changes in table i of the desired variant: every 20th table
// (offset 7) gets column changes, every 40th (offset 13) a rename, every
// 100th (offset 99) is dropped.
func changed(i int) bool { return i%20 == 7 }
func renamed(i int) bool { return i%40 == 13 }
func dropped(i int) bool { return i%100 == 99 }

func (g *gen) q(name string) string {
	if g.mysql {
		return "`" + name + "`"
	}
	return name
}

func (g *gen) table(i int) {
	if g.desired && dropped(i) {
		return
	}
	c := g.desired && changed(i)
	t := fmt.Sprintf("t%d", i)
	var cols []string
	if g.mysql {
		cols = append(cols, "  `id` bigint NOT NULL AUTO_INCREMENT")
	} else {
		cols = append(cols, "  id bigserial PRIMARY KEY")
	}
	for j := range 5 + i%26 {
		name := fmt.Sprintf("c%d", j)
		cols = append(cols, "  "+g.column(i, j, name, c))
	}
	// qty is retyped (integer -> bigint: a rewrite, through a shadow
	// column) and legacy swapped for added in changed tables.
	if c {
		cols = append(cols, "  "+g.q("qty")+" bigint", "  "+g.q("added")+" text")
	} else {
		cols = append(cols, "  "+g.q("qty")+" integer", "  "+g.q("legacy")+" text")
	}
	if i > 0 {
		cols = append(cols, "  "+g.q("parent_id")+" bigint")
	}
	cols = append(cols, "  "+g.q("note")+" text")
	if g.mysql {
		cols = append(cols, "  PRIMARY KEY (`id`)")
		cols = append(cols, fmt.Sprintf("  KEY `%s_c0_idx` (`c0`)", t))
		if i%3 == 1 {
			cols = append(cols, fmt.Sprintf("  KEY `%s_c2_c0_idx` (`c2`, `c0`)", t))
		}
		if c {
			cols = append(cols, fmt.Sprintf("  KEY `%s_c1_idx` (`c1`(20))", t))
		}
		if i > 0 && !(g.desired && dropped(i-1)) {
			cols = append(cols, fmt.Sprintf("  CONSTRAINT `%s_parent_fk` FOREIGN KEY (`parent_id`) REFERENCES `t%d` (`id`)", t, i-1))
		}
		fmt.Fprintf(&g.b, "CREATE TABLE `%s` (\n%s\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n", t, strings.Join(cols, ",\n"))
	} else {
		if i > 0 && !(g.desired && dropped(i-1)) {
			cols = append(cols, fmt.Sprintf("  CONSTRAINT %s_parent_fk FOREIGN KEY (parent_id) REFERENCES t%d (id)", t, i-1))
		}
		fmt.Fprintf(&g.b, "CREATE TABLE %s (\n%s\n);\n", t, strings.Join(cols, ",\n"))
		fmt.Fprintf(&g.b, "CREATE INDEX %s_c0_idx ON %s (c0);\n", t, t)
		if i%3 == 1 {
			fmt.Fprintf(&g.b, "CREATE INDEX %s_c2_c0_idx ON %s (c2, c0);\n", t, t)
		}
		if c {
			fmt.Fprintf(&g.b, "CREATE INDEX %s_c1_idx ON %s (c1) WHERE c0 > 0;\n", t, t)
		}
	}
	if i%20 == 0 {
		fmt.Fprintf(&g.b, "CREATE VIEW %s AS SELECT %s, %s FROM %s WHERE %s > 0;\n",
			g.q(fmt.Sprintf("v%d", i)), g.q("id"), g.q("c0"), g.q(t), g.q("c0"))
	}
	g.b.WriteString("\n")
}

// column is column j of table i; c says the table changes.
func (g *gen) column(i, j int, name string, c bool) string {
	q := g.q(name)
	switch j % 6 {
	case 0:
		return q + " integer NOT NULL DEFAULT 0"
	case 1:
		w := 50
		if c {
			w = 100 // widened: in place
		}
		return fmt.Sprintf("%s varchar(%d)", q, w)
	case 2:
		if g.mysql {
			return q + " datetime NOT NULL DEFAULT CURRENT_TIMESTAMP"
		}
		return q + " timestamptz NOT NULL DEFAULT now()"
	case 3:
		return fmt.Sprintf("%s numeric(12,2) CHECK (%s >= 0)", q, q)
	case 4:
		if g.mysql {
			return q + " enum('new','active','closed')"
		}
		return q + " status"
	}
	// The last kind is renamed in some tables of the desired variant.
	if g.desired && renamed(i) && j == 5 {
		return g.q(name+"_renamed") + " text, -- zdplan:renamed-from " + name + "\n  " + g.q("spare") + " text"
	}
	return q + " text"
}

func (g *gen) newTable(i int) {
	t := fmt.Sprintf("new_t%d", i)
	if g.mysql {
		fmt.Fprintf(&g.b, "CREATE TABLE `%s` (\n  `id` bigint NOT NULL AUTO_INCREMENT,\n  `name` varchar(100) NOT NULL,\n  `t0_id` bigint,\n"+
			"  PRIMARY KEY (`id`),\n  KEY `%s_name_idx` (`name`),\n  CONSTRAINT `%s_t0_fk` FOREIGN KEY (`t0_id`) REFERENCES `t0` (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n", t, t, t)
		return
	}
	fmt.Fprintf(&g.b, "CREATE TABLE %s (\n  id bigserial PRIMARY KEY,\n  name varchar(100) NOT NULL,\n  t0_id bigint REFERENCES t0 (id)\n);\n"+
		"CREATE INDEX %s_name_idx ON %s (name);\n\n", t, t, t)
}
