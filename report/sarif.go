package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/zdplan/zdplan/rules"
)

// SARIFSchema is the URI of the SARIF 2.1.0 schema, as the document's
// $schema names it.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// RulesDocURI is where the rule catalogue is published; a rule's helpUri
// is its anchor there.
const RulesDocURI = "https://github.com/zdplan/zdplan/blob/main/docs/rules.md"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifText    `json:"shortDescription"`
	FullDescription      sarifText    `json:"fullDescription"`
	Help                 sarifText    `json:"help"`
	HelpURI              string       `json:"helpUri"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
	Properties           sarifRuleTag `json:"properties"`
}

type sarifRuleTag struct {
	Tags []string `json:"tags"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifText          `json:"message"`
	Locations    []sarifLocation    `json:"locations,omitempty"`
	Fingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// SARIF renders the findings as a SARIF 2.1.0 log for code scanning: the
// rules that fired, with their documentation, and one result per finding
// the plan does not handle, located in the schema file. Findings a
// -- zdplan:ignore comment covers are results with an in-source
// suppression, so that code scanning shows them as dismissed.
func SARIF(w io.Writer, r *Result) error {
	driver := sarifDriver{Name: "zdplan", InformationURI: "https://github.com/zdplan/zdplan", Rules: []sarifRule{}}
	index := map[string]int{}
	results := []sarifResult{}
	for _, f := range r.Findings {
		if f.Handled {
			continue // it explains the plan; there is nothing to fix
		}
		i, ok := index[f.Rule.ID]
		if !ok {
			i = len(driver.Rules)
			index[f.Rule.ID] = i
			driver.Rules = append(driver.Rules, sarifRuleOf(f.Rule))
		}
		res := sarifResult{
			RuleID: f.Rule.ID, RuleIndex: i, Level: sarifLevel(f.Severity),
			Message: sarifText{Text: f.Message},
			// Code scanning matches results across commits by these when
			// lines move.
			Fingerprints: map[string]string{"zdplanObject/v1": f.Rule.ID + ":" + f.Object},
		}
		if f.Pos.File != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(f.Pos.File)}}}
			if f.Pos.IsValid() {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: int(f.Pos.Line), StartColumn: int(f.Pos.Col)}
			}
			res.Locations = []sarifLocation{loc}
		}
		if f.Suppressed {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.SuppressReason}}
		}
		results = append(results, res)
	}
	log := sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{{
		Tool: sarifTool{Driver: driver}, Results: results, ColumnKind: "unicodeCodePoints",
	}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func sarifRuleOf(r *rules.Rule) sarifRule {
	help := r.Why + "\n\nSafe pattern: " + r.Safe
	md := r.Why + "\n\n**Safe pattern.** " + r.Safe
	if r.Unsafe != "" {
		help += "\n\nUnsafe: " + r.Unsafe + "\nzdplan: " + r.Planned
		md += "\n\n```sql\n-- unsafe as written\n" + r.Unsafe + "\n-- zdplan: " + r.Planned + "\n```"
	}
	tags := []string{"schema-migration", "zero-downtime"}
	tags = append(tags, r.Dialects...)
	return sarifRule{
		ID: r.ID, Name: r.Name,
		ShortDescription:     sarifText{Text: r.Summary},
		FullDescription:      sarifText{Text: r.Why},
		Help:                 sarifText{Text: help, Markdown: md},
		HelpURI:              RulesDocURI + "#" + strings.ToLower(r.ID),
		DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleTag{Tags: tags},
	}
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// fileURI turns a path as given on the command line into a URI
// reference: relative paths stay relative (code scanning resolves them
// against the repository root), absolute ones become file: URIs.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}
