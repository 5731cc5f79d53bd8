package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/policykg/policykg/graph"
)

// writeCSV prints flat results as CSV: the columns in table order, IRIs in
// full without angle brackets, and beside each column that holds IRIs a
// <column>_label column. Nested results (GraphQL) cannot be flattened
// faithfully and are refused.
func writeCSV(ctx context.Context, st *graph.Store, w io.Writer, rows []any) error {
	cols := map[string]bool{}
	iriCols := map[string]bool{}
	var iris []string
	flat := make([]map[string]any, 0, len(rows))
	for _, r := range rows {
		m, ok := r.(map[string]any)
		if !ok || nested(m) {
			return fmt.Errorf("query: --format csv needs flat results (Gizmo tags); use --format json for nested ones")
		}
		for k, v := range m {
			cols[k] = true
			if s, ok := v.(string); ok && isIRI(s) {
				iriCols[k] = true
				iris = append(iris, s)
			}
		}
		flat = append(flat, m)
	}
	labels, err := st.Labels(ctx, iris)
	if err != nil {
		return err
	}
	var header []string
	for _, c := range columnOrder(cols) {
		header = append(header, c)
		if iriCols[c] {
			header = append(header, c+"_label")
		}
	}
	cw := csv.NewWriter(w)
	cw.Write(header)
	for _, m := range flat {
		var rec []string
		for _, c := range columnOrder(cols) {
			rec = append(rec, plain(m[c]))
			if iriCols[c] {
				s, _ := m[c].(string)
				rec = append(rec, labels[s])
			}
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// plain writes a value for CSV: IRIs without brackets.
func plain(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if isIRI(x) {
			return x[1 : len(x)-1]
		}
		return x
	}
	return fmt.Sprint(v)
}

// resultIRIs collects every IRI the results name, at any depth.
func resultIRIs(rows []any) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if isIRI(x) {
				out = append(out, x)
			}
		case fmt.Stringer: // GraphQL returns quad.IRI values
			if s := x.String(); isIRI(s) {
				out = append(out, s)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, r := range rows {
		walk(r)
	}
	return out
}
