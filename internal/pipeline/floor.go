package pipeline

import (
	pg "github.com/pganalyze/pg_query_go/v5"
	tidb "github.com/pingcap/tidb/pkg/parser"
)

// BareParse parses src with the dialect's parser library alone, as one
// script: the floor the pipeline's speed is measured against (its own
// parse adds positions, normalisation and the model on top).
func BareParse(dialect string, src []byte) error {
	if dialect == "mysql" {
		_, _, err := tidb.New().ParseSQL(string(src))
		return err
	}
	_, err := pg.Parse(string(src))
	return err
}
