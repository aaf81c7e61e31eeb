package live

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// mysqlSchema is the schema of database name as the server itself prints
// it: SHOW CREATE for every table, view, trigger and routine, in the order
// mysqldump writes them.
func mysqlSchema(ctx context.Context, conn *sql.Conn, name string) ([]byte, error) {
	// SHOW CREATE quotes by the session's sql_mode: without ANSI_QUOTES
	// names come back in backticks, as the parser and mysqldump expect.
	if _, err := conn.ExecContext(ctx, "SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'"); err != nil {
		return nil, err
	}
	objs, err := queryStrings(ctx, conn, `
		SELECT 'TABLE', TABLE_NAME FROM information_schema.TABLES
		WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')
		UNION ALL
		SELECT 'VIEW', TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
		UNION ALL
		SELECT 'TRIGGER', TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
		UNION ALL
		SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?`,
		name, name, name, name)
	if err != nil {
		return nil, err
	}
	order := map[string]int{"TABLE": 0, "VIEW": 1, "FUNCTION": 2, "PROCEDURE": 3, "TRIGGER": 4}
	slices.SortFunc(objs, func(a, b []string) int {
		return cmp.Or(cmp.Compare(order[a[0]], order[b[0]]), strings.Compare(a[1], b[1]))
	})
	var b strings.Builder
	for _, o := range objs {
		kind, obj := o[0], o[1]
		ddl, err := showCreate(ctx, conn, kind, mysqlQuote(name)+"."+mysqlQuote(obj))
		if err != nil {
			return nil, fmt.Errorf("SHOW CREATE %s %s: %w", kind, obj, err)
		}
		if kind == "TABLE" || kind == "VIEW" {
			b.WriteString(ddl + ";\n\n")
			continue
		}
		// Compound statements: the body holds semicolons.
		b.WriteString("DELIMITER ;;\n" + ddl + ";;\nDELIMITER ;\n\n")
	}
	return []byte(b.String()), nil
}

// showCreate returns the CREATE statement of SHOW CREATE kind name, found
// by its column name (the result's shape differs per kind and server).
func showCreate(ctx context.Context, conn *sql.Conn, kind, name string) (string, error) {
	rows, err := conn.QueryContext(ctx, "SHOW CREATE "+kind+" "+name)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", err
		}
		return "", fmt.Errorf("no row")
	}
	vals := make([]sql.NullString, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return "", err
	}
	for i, c := range cols {
		if strings.HasPrefix(strings.ToLower(c), "create ") || strings.EqualFold(c, "SQL Original Statement") {
			if !vals[i].Valid {
				// A routine whose body the user may not see comes back NULL.
				return "", fmt.Errorf("definition not visible (missing privilege?)")
			}
			return vals[i].String, nil
		}
	}
	return "", fmt.Errorf("no CREATE column in %v", cols)
}

func mysqlQuote(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }
