package report

import (
	"encoding/json"
	"io"

	"github.com/zdplan/zdplan/planner"
)

// JSONVersion is the version of the JSON document. It changes only when
// a field is removed or changes meaning; new fields may appear in any
// version.
const JSONVersion = 1

type jsonDoc struct {
	Version         int              `json:"version"`
	Dialect         string           `json:"dialect"`
	DialectDetected bool             `json:"dialect_detected"`
	Current         string           `json:"current"`
	Desired         string           `json:"desired"`
	Phases          []jsonPhase      `json:"phases"`
	Findings        []jsonFinding    `json:"findings"`
	Diagnostics     []jsonDiagnostic `json:"diagnostics"`
	Changes         []jsonChange     `json:"changes"`
	TableRows       map[string]int64 `json:"table_rows,omitempty"`
}

type jsonPhase struct {
	Name  string     `json:"name"`
	File  string     `json:"file"`
	Steps []jsonStep `json:"steps"`
}

type jsonStep struct {
	Change        string `json:"change"`
	Object        string `json:"object"`
	Summary       string `json:"summary"`
	SQL           string `json:"sql"`
	Lock          string `json:"lock"`
	Transactional bool   `json:"transactional"`
	Rerunnable    bool   `json:"rerunnable"`
	// Reverse undoes the step; left out when there is none.
	Reverse string `json:"reverse,omitempty"`
	// Guard is a query returning one boolean: the step runs only when it
	// is true; left out when the step always runs.
	Guard string `json:"guard,omitempty"`
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Object   string `json:"object"`
	Message  string `json:"message"`
	Location string `json:"location"`
	Handled  bool   `json:"handled"`
	// Suppressed is true for a finding a -- zdplan:ignore comment covers.
	Suppressed bool   `json:"suppressed"`
	Reason     string `json:"suppress_reason,omitempty"`
}

type jsonDiagnostic struct {
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Location string `json:"location"`
}

type jsonChange struct {
	Kind     string `json:"kind"`
	Object   string `json:"object"`
	Location string `json:"location"`
}

// JSON renders the plan as the versioned JSON document described in
// docs/json.md.
func JSON(w io.Writer, r *Result) error {
	doc := jsonDoc{
		Version: JSONVersion, Dialect: r.Plan.Dialect, DialectDetected: r.DialectDetected,
		Current: r.Current, Desired: r.Desired,
		Phases: []jsonPhase{}, Findings: []jsonFinding{}, Diagnostics: []jsonDiagnostic{}, Changes: []jsonChange{},
	}
	for _, ph := range planner.Phases {
		steps := r.Plan.PhaseSteps(ph)
		if len(steps) == 0 {
			continue
		}
		jp := jsonPhase{Name: ph.String(), File: PhaseFileName(ph)}
		for _, s := range steps {
			jp.Steps = append(jp.Steps, jsonStep{s.Change, s.Object, s.Summary, s.SQL, s.Lock, s.Transactional, s.Rerunnable, s.Reverse, s.Guard})
		}
		doc.Phases = append(doc.Phases, jp)
	}
	for _, f := range r.Findings {
		doc.Findings = append(doc.Findings, jsonFinding{f.Rule.ID, f.Rule.Name, f.Severity.String(), f.Object, f.Message, f.Pos.String(), f.Handled, f.Suppressed, f.SuppressReason})
	}
	for _, d := range r.Diagnostics {
		doc.Diagnostics = append(doc.Diagnostics, jsonDiagnostic{d.Severity.String(), d.Message, d.Pos.String()})
	}
	for _, c := range r.Plan.Diff.Changes {
		doc.Changes = append(doc.Changes, jsonChange{c.Kind(), c.Object(), c.Pos().String()})
	}
	doc.TableRows = r.TableRows
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
