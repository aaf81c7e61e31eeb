package pipeline

import (
	"strings"
	"testing"
)

// TestDropUsedByUnmodelledFunction: a plpgsql body is not checked when
// the function is created, so DESIRED can keep a function that still
// names a column the plan drops; ZD116 must catch it. (A column counts as
// used where its table is named too: here by the trigger.)
func TestDropUsedByUnmodelledFunction(t *testing.T) {
	const fn = `CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.note := 'x'; RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
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
