package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
	"github.com/spf13/cobra"
)

func init() { register(newQueryCmd) }

func newQueryCmd(e *env) *cobra.Command {
	var format string
	var limit int
	cmd := &cobra.Command{
		Use:   "query gizmo|graphql QUERY",
		Short: "Run a Gizmo or GraphQL query through Cayley's engines",
		Long: `Query runs a Gizmo (JavaScript) or GraphQL query on the store.
--format table prints labels instead of IRIs; --format json prints JSON Lines,
one result object per line, with IRIs as "<...>" strings.

Examples:
  policykg query gizmo 'g.V("<https://policykg.org/id/caofeidian>").FollowRecursive("<https://policykg.org/vocab#part_of>").All()'
  policykg query graphql '{ nodes(id: "<https://policykg.org/id/caofeidian>") { parent: <https://policykg.org/vocab#part_of> { id } } }'`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, err := newResultWriter(format, e.stdout)
			if err != nil {
				return err
			}
			st, err := graph.Open(cmd.Context(), e.db, graph.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			err = st.Query(cmd.Context(), args[0], args[1], limit, out.write)
			if err != nil {
				return err
			}
			return out.flush(cmd, st)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output: table or json (JSON Lines)")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many results (0: all)")
	return cmd
}

// resultWriter prints query results as JSON Lines at once, or collects them
// for a table with labels.
type resultWriter struct {
	format string
	w      io.Writer
	enc    *json.Encoder
	rows   []any
}

func newResultWriter(format string, w io.Writer) (*resultWriter, error) {
	switch format {
	case "table", "json":
	default:
		return nil, fmt.Errorf("query: unknown format %q (want table or json)", format)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &resultWriter{format: format, w: w, enc: enc}, nil
}

func (r *resultWriter) write(row any) error {
	if r.format == "json" {
		return r.enc.Encode(row)
	}
	r.rows = append(r.rows, row)
	return nil
}

func (r *resultWriter) flush(cmd *cobra.Command, st *graph.Store) error {
	if r.format == "json" {
		return nil
	}
	return writeTable(cmd, st, r.w, r.rows)
}

// writeTable prints flat rows as columns with labels in place of IRIs, and
// nested results (GraphQL) as indented JSON.
func writeTable(cmd *cobra.Command, st *graph.Store, w io.Writer, rows []any) error {
	var flat []map[string]any
	for _, r := range rows {
		m, ok := r.(map[string]any)
		if !ok || nested(m) {
			b, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				return err
			}
			fmt.Fprintln(w, string(b))
			continue
		}
		flat = append(flat, m)
	}
	if len(flat) == 0 {
		return nil
	}
	var iris []string
	cols := map[string]bool{}
	for _, m := range flat {
		for k, v := range m {
			cols[k] = true
			if s, ok := v.(string); ok && isIRI(s) {
				iris = append(iris, s)
			}
		}
	}
	labels, err := st.Labels(cmd.Context(), iris)
	if err != nil {
		return err
	}
	names := columnOrder(cols)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(names, "\t"))
	for _, m := range flat {
		cells := make([]string, len(names))
		for i, k := range names {
			cells[i] = cell(m[k], labels)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func nested(m map[string]any) bool {
	for _, v := range m {
		switch v.(type) {
		case map[string]any, []any:
			return true
		}
	}
	return false
}

func isIRI(s string) bool { return strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") }

// columnOrder puts "id" first, then the tags in order.
func columnOrder(cols map[string]bool) []string {
	var out []string
	for k := range cols {
		if k != "id" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	if cols["id"] {
		out = append([]string{"id"}, out...)
	}
	return out
}

func cell(v any, labels map[string]string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if l, ok := labels[x]; ok {
			return l
		}
		if isIRI(x) {
			return ontology.Shorten(x[1 : len(x)-1])
		}
		return x
	default:
		return fmt.Sprint(x)
	}
}
