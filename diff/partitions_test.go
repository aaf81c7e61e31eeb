package diff_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/diff"
)

const partitionedBase = `
CREATE TABLE logs (id bigint NOT NULL, created_at timestamp NOT NULL, note text DEFAULT 'x', n int CHECK (n > 0),
  PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
CREATE INDEX logs_note_idx ON logs (note);
CREATE TABLE logs_2024_01 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE logs_def PARTITION OF logs DEFAULT;
CREATE TABLE par (id int PRIMARY KEY, a text NOT NULL DEFAULT 'p', CHECK (id > 0));
CREATE TABLE ch (b int, a text) INHERITS (par);
CREATE TABLE solo (id int NOT NULL, a text NOT NULL DEFAULT 'p', CONSTRAINT par_id_check CHECK (id > 0));
`

// pgDumpForm is partitionedBase as pg_dump writes it: partitions as plain
// tables attached afterwards, their shares of the parent's keys and
// indexes attached with ALTER INDEX, the inherited default repeated.
const pgDumpForm = `
CREATE TABLE public.par (id integer NOT NULL, a text DEFAULT 'p'::text NOT NULL, CONSTRAINT par_id_check CHECK ((id > 0)));
CREATE TABLE public.ch (a text DEFAULT 'p'::text, b integer) INHERITS (public.par);
CREATE TABLE public.logs (id bigint NOT NULL, created_at timestamp without time zone NOT NULL, note text DEFAULT 'x'::text,
  n integer, CONSTRAINT logs_n_check CHECK ((n > 0))) PARTITION BY RANGE (created_at);
CREATE TABLE public.logs_2024_01 (id bigint NOT NULL, created_at timestamp without time zone NOT NULL,
  note text DEFAULT 'x'::text, n integer, CONSTRAINT logs_n_check CHECK ((n > 0)));
CREATE TABLE public.logs_def (id bigint NOT NULL, created_at timestamp without time zone NOT NULL,
  note text DEFAULT 'x'::text, n integer, CONSTRAINT logs_n_check CHECK ((n > 0)));
CREATE TABLE public.solo (id integer NOT NULL, a text DEFAULT 'p'::text NOT NULL, CONSTRAINT par_id_check CHECK ((id > 0)));
ALTER TABLE ONLY public.logs ATTACH PARTITION public.logs_2024_01 FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00');
ALTER TABLE ONLY public.logs ATTACH PARTITION public.logs_def DEFAULT;
ALTER TABLE ONLY public.logs ADD CONSTRAINT logs_pkey PRIMARY KEY (id, created_at);
ALTER TABLE ONLY public.logs_2024_01 ADD CONSTRAINT logs_2024_01_pkey PRIMARY KEY (id, created_at);
ALTER TABLE ONLY public.logs_def ADD CONSTRAINT logs_def_pkey PRIMARY KEY (id, created_at);
ALTER TABLE ONLY public.par ADD CONSTRAINT par_pkey PRIMARY KEY (id);
CREATE INDEX logs_note_idx ON ONLY public.logs USING btree (note);
CREATE INDEX logs_2024_01_note_idx ON public.logs_2024_01 USING btree (note);
CREATE INDEX logs_def_note_idx ON public.logs_def USING btree (note);
ALTER INDEX public.logs_note_idx ATTACH PARTITION public.logs_2024_01_note_idx;
ALTER INDEX public.logs_pkey ATTACH PARTITION public.logs_2024_01_pkey;
ALTER INDEX public.logs_note_idx ATTACH PARTITION public.logs_def_note_idx;
ALTER INDEX public.logs_pkey ATTACH PARTITION public.logs_def_pkey;
`

// TestPartitionsPgDumpForm: the pg_dump spelling of partitions and
// inheritance children makes the same model as the hand-written one.
func TestPartitionsPgDumpForm(t *testing.T) {
	a, b := parse(t, "current.sql", partitionedBase), parse(t, "dump.sql", pgDumpForm)
	for _, pair := range [][2]string{{"a", "b"}, {"b", "a"}} {
		from, to := a, b
		if pair[0] == "b" {
			from, to = b, a
		}
		if d := diff.Schemas(from, to); len(d.Changes) > 0 {
			t.Errorf("%s -> %s: %v", pair[0], pair[1], kinds(d))
		}
	}
	if p := b.Table(b.Tables[3].Name); p.Name.Name != "logs_2024_01" || len(p.Columns) != 0 || len(p.Constraints) != 0 || p.PartitionBound != "FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00')" {
		t.Errorf("partition read from the dump: %+v", p)
	}
	if n := len(b.Indexes); n != 1 {
		t.Errorf("dump has %d indexes in the model, want the parent's only", n)
	}
}

// TestPartitionChanges: what each change to partitioning and inheritance
// becomes; columns added to a parent are added once.
func TestPartitionChanges(t *testing.T) {
	cases := []struct {
		name, desired string
		want          []string
	}{
		{"column added to parents", `
CREATE TABLE logs (id bigint NOT NULL, created_at timestamp NOT NULL, note text DEFAULT 'x', n int CHECK (n > 0), extra text,
  PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
CREATE INDEX logs_note_idx ON logs (note);
CREATE TABLE logs_2024_01 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE logs_def PARTITION OF logs DEFAULT;
CREATE TABLE par (id int PRIMARY KEY, a text NOT NULL DEFAULT 'p', more int, CHECK (id > 0));
CREATE TABLE ch (b int, a text) INHERITS (par);
CREATE TABLE solo (id int NOT NULL, a text NOT NULL DEFAULT 'p', CONSTRAINT par_id_check CHECK (id > 0));`,
			[]string{"AddColumn public.logs.extra", "AddColumn public.par.more"}},
		{"new partition, dropped partition", `
CREATE TABLE logs (id bigint NOT NULL, created_at timestamp NOT NULL, note text DEFAULT 'x', n int CHECK (n > 0),
  PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
CREATE INDEX logs_note_idx ON logs (note);
CREATE TABLE logs_2024_02 PARTITION OF logs FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE logs_def PARTITION OF logs DEFAULT;
CREATE TABLE par (id int PRIMARY KEY, a text NOT NULL DEFAULT 'p', CHECK (id > 0));
CREATE TABLE ch (b int, a text) INHERITS (par);
CREATE TABLE solo (id int NOT NULL, a text NOT NULL DEFAULT 'p', CONSTRAINT par_id_check CHECK (id > 0));`,
			[]string{"CreateTable public.logs_2024_02", "DropTable public.logs_2024_01"}},
		{"key and bound changed", `
CREATE TABLE logs (id bigint NOT NULL, created_at timestamp NOT NULL, note text DEFAULT 'x', n int CHECK (n > 0),
  PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
CREATE INDEX logs_note_idx ON logs (note);
CREATE TABLE logs_2024_01 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2024-03-01');
CREATE TABLE logs_def PARTITION OF logs DEFAULT;
CREATE TABLE par (id int PRIMARY KEY, a text NOT NULL DEFAULT 'p', CHECK (id > 0)) PARTITION BY HASH (id);
CREATE TABLE ch (b int, a text NOT NULL DEFAULT 'p');
CREATE TABLE solo (id int NOT NULL, a text NOT NULL DEFAULT 'p', CONSTRAINT par_id_check CHECK (id > 0));`,
			[]string{"ChangePartitioning public.logs_2024_01", "ChangePartitioning public.par", "DropInherit public.ch"}},
		{"inherit and attach", `
CREATE TABLE logs (id bigint NOT NULL, created_at timestamp NOT NULL, note text DEFAULT 'x', n int CHECK (n > 0),
  PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
CREATE INDEX logs_note_idx ON logs (note);
CREATE TABLE logs_2024_01 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE logs_def PARTITION OF logs DEFAULT;
CREATE TABLE par (id int PRIMARY KEY, a text NOT NULL DEFAULT 'p', CHECK (id > 0));
CREATE TABLE ch (b int, a text) INHERITS (par);
CREATE TABLE solo () INHERITS (par);`,
			[]string{"AddInherit public.solo"}},
	}
	cur := parse(t, "current.sql", partitionedBase)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			des := parse(t, "desired.sql", tc.desired)
			d := diff.Schemas(cur, des)
			got := kinds(d)
			slices.Sort(got)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			if slices.ContainsFunc(d.Changes, func(c diff.Change) bool { return c.Kind() == "ChangePartitioning" }) {
				return
			}
			checkApply(t, cur, des, d)
		})
	}
}
