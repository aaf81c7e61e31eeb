package report

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/planner"
)

// Layouts of --out-dir: how the phase files are named and grouped, so
// that they drop into a migration tool's folder. Every layout holds the
// same statements as the phase files, phase by phase.
const (
	// LayoutPhases writes NN_<phase>.sql (01_expand.sql, ...).
	LayoutPhases = "phases"
	// LayoutFlyway writes V<n>__<name>.sql, and a .sql.conf beside a file
	// whose statements cannot run inside a transaction block.
	LayoutFlyway = "flyway"
	// LayoutGolangMigrate writes <n>_<name>.up.sql, and a .down.sql for a
	// phase with steps that can be undone.
	LayoutGolangMigrate = "golang-migrate"
	// LayoutPrePost writes pre/ (expand, backfill: before the deploy) and
	// post/ (contract: after it).
	LayoutPrePost = "pre-post"
)

// Layouts lists the layouts, the default first.
var Layouts = []string{LayoutPhases, LayoutFlyway, LayoutGolangMigrate, LayoutPrePost}

// FileOptions tune the files --out-dir writes.
type FileOptions struct {
	// Layout is one of Layouts; LayoutPhases when empty.
	Layout string
	// VersionStart is the version of the first file in the flyway and
	// golang-migrate layouts, to continue a project's numbering; 1 when 0.
	VersionStart int
	// Name, when set, goes before the phase in flyway and golang-migrate
	// file names (V7__add_email_expand.sql).
	Name string
}

// File is one file of a layout.
type File struct {
	// Path is relative to the output directory, with forward slashes.
	Path    string
	Content string
}

// LayoutFiles returns the files of a layout, in the order they run, and
// notes on what the target tool may not run as it is.
func LayoutFiles(r *Result, opts FileOptions) (files []File, notes []string, err error) {
	if opts.VersionStart < 0 {
		return nil, nil, fmt.Errorf("version start %d: want a positive number", opts.VersionStart)
	}
	if opts.VersionStart == 0 {
		opts.VersionStart = 1
	}
	if strings.ContainsAny(opts.Name, `/\ .`) {
		return nil, nil, fmt.Errorf("migration name %q: use letters, digits, _ and -", opts.Name)
	}
	version := opts.VersionStart
	for _, ph := range planner.Phases {
		steps := r.Plan.PhaseSteps(ph)
		if len(steps) == 0 {
			continue
		}
		name := ph.String()
		if opts.Name != "" {
			name = opts.Name + "_" + name
		}
		sql := PhaseSQL(r, ph)
		if (opts.Layout == LayoutFlyway || opts.Layout == LayoutGolangMigrate) && slices.ContainsFunc(steps, func(s planner.Step) bool { return s.Guard != "" }) {
			notes = append(notes, fmt.Sprintf("the %s phase has statements guarded with psql's \\gset and \\if (ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY has no IF EXISTS), which only psql understands; run them with psql or by hand", ph))
		}
		switch opts.Layout {
		case "", LayoutPhases:
			files = append(files, File{PhaseFileName(ph), sql})
		case LayoutPrePost:
			dir := "pre"
			if ph == planner.Contract {
				dir = "post"
			}
			files = append(files, File{dir + "/" + PhaseFileName(ph), sql})
		case LayoutFlyway:
			path := fmt.Sprintf("V%d__%s.sql", version, name)
			files = append(files, File{path, sql})
			if nonTransactional(r, steps) {
				// Flyway runs each script in a transaction unless told not to.
				files = append(files, File{path + ".conf", "# zdplan: " + path + " has statements that cannot run inside a transaction block\nexecuteInTransaction=false\n"})
			}
		case LayoutGolangMigrate:
			base := fmt.Sprintf("%06d_%s", version, name)
			files = append(files, File{base + ".up.sql", sql})
			down, hasDown := DownSQL(r, ph)
			if hasDown {
				files = append(files, File{base + ".down.sql", down})
			}
			if nonTransactional(r, steps) {
				which := base + ".up.sql"
				// A concurrent build is undone by a concurrent drop.
				if hasDown && strings.Contains(down, " CONCURRENTLY ") {
					which += " and " + base + ".down.sql have"
				} else {
					which += " has"
				}
				notes = append(notes, fmt.Sprintf("%s statements that cannot run inside a transaction block; golang-migrate's postgres driver sends a file as one multi-statement query, which PostgreSQL runs as one transaction (see docs/layouts.md)", which))
			}
			if r.Plan.Dialect == "mysql" && hasDelimiter(steps) {
				notes = append(notes, fmt.Sprintf("%s.up.sql uses DELIMITER (stored programs), which only the mysql client understands; run it with mysql --batch (see docs/layouts.md)", base))
			}
		default:
			return nil, nil, fmt.Errorf("unknown layout %q (want %s)", opts.Layout, strings.Join(Layouts, ", "))
		}
		version++
	}
	return files, notes, nil
}

func nonTransactional(r *Result, steps []planner.Step) bool {
	if r.Plan.Dialect == "mysql" { // MySQL DDL commits implicitly anyway
		return false
	}
	for _, s := range steps {
		if !s.Transactional {
			return true
		}
	}
	return false
}

func hasDelimiter(steps []planner.Step) bool {
	for _, s := range steps {
		if strings.Contains(s.SQL, "\nDELIMITER ") {
			return true
		}
	}
	return false
}

// DownSQL renders what undoes a phase: the reverse of its steps, last
// first, in a file that runs and re-runs like a phase file. It reports
// false when no step of the phase has a reverse. Changes without one are
// named in the file's header.
func DownSQL(r *Result, ph planner.Phase) (string, bool) {
	steps := r.Plan.PhaseSteps(ph)
	// A change counts as undone when one of its steps has a reverse (an
	// index's leftover cleanup goes with the index).
	undone := map[[2]string]bool{}
	for _, s := range steps {
		if s.Reverse != "" {
			undone[[2]string{s.Change, s.Object}] = true
		}
	}
	if len(undone) == 0 {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- zdplan: undoes the %s phase, last step first\n", ph)
	fmt.Fprintf(&b, "-- %s -> %s\n", r.Current, r.Desired)
	seen := map[[2]string]bool{}
	for _, s := range steps {
		k := [2]string{s.Change, s.Object}
		if !undone[k] && !seen[k] {
			seen[k] = true
			fmt.Fprintf(&b, "-- Not undone (no obvious reverse): %s\n", s.Summary)
		}
	}
	b.WriteString("-- Every statement is safe to run again.\n\n")
	writePreamble(&b, r)
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		if s.Reverse == "" {
			continue
		}
		fmt.Fprintf(&b, "\n-- undo: %s\n%s\n", s.Summary, s.Reverse)
	}
	return b.String(), true
}

// WriteLayout writes the files of a layout into dir and returns their
// paths and the layout's notes.
func WriteLayout(dir string, r *Result, opts FileOptions) (paths, notes []string, err error) {
	files, notes, err := LayoutFiles(r, opts)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, nil, fmt.Errorf("create %s: %w", filepath.Dir(path), err)
		}
		if err := os.WriteFile(path, []byte(f.Content), 0o644); err != nil {
			return nil, nil, fmt.Errorf("write %s: %w", path, err)
		}
		paths = append(paths, path)
	}
	return paths, notes, nil
}
