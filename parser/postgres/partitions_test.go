package postgres

import (
	"slices"
	"testing"
)

// TestPartitionBounds: bounds are spelled the way pg_get_expr prints them
// for the key's type, whatever the file wrote, and split back.
func TestPartitionBounds(t *testing.T) {
	s, _, err := Parse("t.sql", []byte(`
CREATE TABLE r (id bigint, at timestamp, d date, tz timestamptz, ok boolean, k text) PARTITION BY RANGE (at);
CREATE TABLE r1 PARTITION OF r FOR VALUES FROM ('2024-01-01') TO ('2024-02-01 12:30');
CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (MINVALUE) TO ('2024-01-01 00:00:00'::timestamp);
CREATE TABLE i (id bigint, k text) PARTITION BY RANGE (id);
CREATE TABLE i1 PARTITION OF i FOR VALUES FROM ('1') TO (1000);
CREATE TABLE z (tz timestamptz) PARTITION BY RANGE (tz);
CREATE TABLE z1 PARTITION OF z FOR VALUES FROM ('2024-01-01 02:00:00+02') TO ('2024-02-01 00:00:00+00');
CREATE TABLE l (k text, ok boolean) PARTITION BY LIST (lower(k));
CREATE TABLE l1 PARTITION OF l FOR VALUES IN ('a', NULL, 'it''s');
CREATE TABLE b (ok boolean) PARTITION BY LIST (ok);
CREATE TABLE b1 PARTITION OF b FOR VALUES IN ('yes');
CREATE TABLE h (id int) PARTITION BY HASH (id);
CREATE TABLE h1 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 3);
`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"r1": "FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 12:30:00')",
		"r2": "FOR VALUES FROM (MINVALUE) TO ('2024-01-01 00:00:00')",
		"i1": "FOR VALUES FROM (1) TO (1000)",
		"z1": "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-02-01 00:00:00+00')",
		"l1": "FOR VALUES IN ('a', NULL, 'it''s')",
		"b1": "FOR VALUES IN (true)",
		"h1": "FOR VALUES WITH (modulus 4, remainder 3)",
	}
	for _, tb := range s.Tables {
		if w, ok := want[tb.Name.Name]; ok && tb.PartitionBound != w {
			t.Errorf("%s: bound %s, want %s", tb.Name.Name, tb.PartitionBound, w)
		}
	}
	if by := s.Tables[7].PartitionBy; by != "LIST ((lower(k)))" {
		t.Errorf("expression key: %s", by)
	}
	kind, from, to, _ := BoundValues(want["r1"])
	if kind != "RANGE" || !slices.Equal(from, []string{"'2024-01-01 00:00:00'"}) || !slices.Equal(to, []string{"'2024-02-01 12:30:00'"}) {
		t.Errorf("BoundValues: %s %v %v", kind, from, to)
	}
	if kind, _, _, in := BoundValues(want["l1"]); kind != "LIST" || !slices.Equal(in, []string{"'a'", "NULL", "'it''s'"}) {
		t.Errorf("BoundValues: %s %v", kind, in)
	}
}
