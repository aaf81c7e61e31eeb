package pipeline

import (
	"strings"
	"testing"
)

// TestDropUsedByUnmodelledRule: zdplan does not model rules, so DESIRED
// can keep a rule that still names a column the plan drops; ZD116 must
// catch it.
func TestDropUsedByUnmodelledRule(t *testing.T) {
	const fn = `-- a rule zdplan does not model
CREATE RULE orders_note AS ON UPDATE TO orders WHERE NEW.note IS NULL DO INSTEAD NOTHING;
`
	cur := "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n" + fn
	des := "CREATE TABLE orders (id bigint PRIMARY KEY);\n" + fn
	res, err := Run(Input{"current.sql", []byte(cur)}, Input{"desired.sql", []byte(des)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range res.Findings {
		if f.Rule.ID == "ZD116" {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "still used at desired.sql:3") {
		t.Errorf("ZD116 findings = %q, want one pointing at desired.sql:3", msgs)
	}
}
