package main

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/zdplan/zdplan/internal/pipeline"
)

// gitVerifyRev checks that rev names a commit of the repository dir is
// in, so that a typo is an error and not every file "new".
func gitVerifyRev(dir, rev string) error {
	if strings.HasPrefix(rev, "-") {
		return fmt.Errorf("--git-base %q: not a revision", rev)
	}
	if _, err := git(dir, "rev-parse", "--verify", rev+"^{commit}"); err != nil {
		return fmt.Errorf("--git-base %s: %w", rev, err)
	}
	return nil
}

// gitInput reads file as it is at rev, named REV:FILE in findings. A file
// that rev does not have is a new schema file: CURRENT is empty, so every
// object in it is planned as new.
func gitInput(rev, file string) (pipeline.Input, error) {
	name := rev + ":" + file
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	if err := gitVerifyRev(dir, rev); err != nil {
		return pipeline.Input{}, err
	}
	// ./ makes the path relative to dir, not to the top of the work tree.
	obj := rev + ":./" + base
	if _, err := git(dir, "cat-file", "-e", obj); err != nil {
		return pipeline.Input{Name: name}, nil
	}
	src, err := git(dir, "show", obj)
	if err != nil {
		return pipeline.Input{}, fmt.Errorf("read %s: %w", name, err)
	}
	return pipeline.Input{Name: name, Src: src}, nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if msg := strings.TrimSpace(stderr.String()); errors.As(err, &ee) && msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out, nil
}
