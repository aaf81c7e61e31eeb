package pgtest

import "github.com/zdplan/zdplan/internal/snapdiff"

// Diff explains how got differs from want, or returns "" when they are
// equal. Each differing object gets its own block, in key order: "- key:
// value" for objects only in want, "+ key: value" for objects only in got,
// and "~ key:" followed by a line diff of the two values for objects in
// both. For example:
//
//	snapshot diff (-want +got):
//	- index public.users_email_idx: valid=true primary=false unique=false def=...
//	~ column public.users.email:
//	    - text NOT NULL
//	    + character varying(200) NOT NULL
//
// See package snapdiff for why this is not cmp.Diff.
func Diff(want, got *Snapshot) string { return snapdiff.Diff(objects(want), objects(got)) }

// objects tolerates nil snapshots so that a failed Snapshot call still
// yields a readable diff rather than a panic.
func objects(s *Snapshot) map[string]string {
	if s == nil {
		return nil
	}
	return s.Objects
}
