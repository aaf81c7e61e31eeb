package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/parser"
)

// defaultConfigFile is read from the working directory when --config is
// not given.
const defaultConfigFile = "zdplan.yaml"

// fileConfig is zdplan.yaml. Flags given on the command line win over it.
type fileConfig struct {
	Dialect     string            `yaml:"dialect"`
	Target      string            `yaml:"target"`
	Format      string            `yaml:"format"`
	FailOn      string            `yaml:"fail_on"`
	LockTimeout string            `yaml:"lock_timeout"`
	TypeChange  string            `yaml:"type_change"`
	Usage       []string          `yaml:"usage"`
	Rules       map[string]string `yaml:"rules"`
	// Output: the --out-dir layout and numbering, backfill batch size,
	// colour.
	Layout        string `yaml:"layout"`
	VersionStart  int    `yaml:"version_start"`
	MigrationName string `yaml:"migration_name"`
	BatchSize     int    `yaml:"batch_size"`
	Color         string `yaml:"color"`
	// Hints, as the flags of the same names take them: rename maps OLD to
	// NEW, the others map their target to a value.
	Rename    map[string]string `yaml:"rename"`
	Using     map[string]string `yaml:"using"`
	Backfill  map[string]string `yaml:"backfill"`
	SplitFrom map[string]string `yaml:"split_from"`
}

// loadConfig reads the configuration file: the one named by --config, or
// zdplan.yaml in the working directory if there is one. Unknown keys are
// errors, so that a typo does not silently change nothing.
func loadConfig(path string, explicit bool) (*fileConfig, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return &fileConfig{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	var cfg fileConfig
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return &cfg, nil
}

// apply fills the options the command line left unset from the file.
func (o *planOptions) apply(cmd *cobra.Command, cfg *fileConfig) {
	set := func(flag string, dst *string, val string) {
		if val != "" && !cmd.Flags().Changed(flag) {
			*dst = val
		}
	}
	set("dialect", &o.dialect, cfg.Dialect)
	set("target", &o.target, cfg.Target)
	set("format", &o.format, cfg.Format)
	set("fail-on", &o.failOn, cfg.FailOn)
	set("lock-timeout", &o.lockTimeout, cfg.LockTimeout)
	set("type-change", &o.typeChange, cfg.TypeChange)
	set("layout", &o.layout, cfg.Layout)
	set("migration-name", &o.migrationName, cfg.MigrationName)
	set("color", &o.color, cfg.Color)
	setInt := func(flag string, dst *int, val int) {
		if val != 0 && !cmd.Flags().Changed(flag) {
			*dst = val
		}
	}
	setInt("version-start", &o.versionStart, cfg.VersionStart)
	setInt("batch-size", &o.batchSize, cfg.BatchSize)
	if !cmd.Flags().Changed("usage") {
		o.usage = append(o.usage, cfg.Usage...)
	}
	o.rules = cfg.Rules
	for _, h := range []struct {
		kind string
		m    map[string]string
	}{
		{parser.HintRenamedFrom, cfg.Rename},
		{parser.HintUsing, cfg.Using},
		{parser.HintBackfill, cfg.Backfill},
		{parser.HintSplitFrom, cfg.SplitFrom},
	} {
		// Sorted, so that the same file gives the same plan.
		for _, k := range slices.Sorted(maps.Keys(h.m)) {
			o.hints = append(o.hints, pipeline.Hint{Kind: h.kind, Target: k, Arg: h.m[k], Source: defaultConfigFile})
		}
	}
}
