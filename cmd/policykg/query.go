package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
	"github.com/policykg/policykg/queries"
	"github.com/spf13/cobra"
)

func init() { register(newQueryCmd) }

func newQueryCmd(e *env) *cobra.Command {
	var o queryOptions
	cmd := &cobra.Command{
		Use:   "query gizmo|graphql [QUERY | -f FILE | -]\n  policykg query --name NAME [--param k=v]...",
		Short: "Run a Gizmo or GraphQL query, or a canned question, through Cayley's engines",
		Long: `Query runs a Gizmo (JavaScript) or GraphQL query on the store. The query is
the argument, the file named by -f, or standard input ("-" or no argument).
--name runs one of the canned questions (see 'policykg queries') with
--param name=value for its parameters; entity parameters take names,
aliases or IRIs.

IRIs may be written with the project's prefixes inside angle brackets:
<pk:caofeidian>, <pkv:part_of>, <pkd:scio-hebei-2024-p4>, <rdfs:label>,
<rdf:type>, in Gizmo strings and GraphQL names alike; in Gizmo,
g.IRI("pk:caofeidian") works too.

--format table prints labels instead of IRIs; json prints JSON Lines, one
result object per line, with IRIs as "<...>" strings; csv prints a header
and one row per result with full IRIs and a _label column beside each IRI
column; nquads prints the quads among the nodes the results name, with
their labels and types. --timeout stops a query that runs too long.

Examples:
  policykg query gizmo 'g.V("<pk:caofeidian>").FollowRecursive("<pkv:part_of>", 6).All()'
  policykg query graphql '{ nodes(id: <pk:caofeidian>) { parent: <pkv:part_of> { id } } }'
  policykg query --name hierarchy --param place=Hebei
  policykg query gizmo -f question.js --format csv`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 && args[0] == "gizmo" && o.name == "" && !inChild {
				return runIsolated(cmd.Context(), e) // see isolate.go
			}
			return runQuery(cmd, e, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output: table, json (JSON Lines), csv or nquads")
	f.IntVar(&o.limit, "limit", 0, "at most this many results (0: all)")
	f.DurationVar(&o.timeout, "timeout", 30*time.Second, "stop the query after this long (0: never)")
	f.StringVarP(&o.file, "file", "f", "", "read the query from this file")
	f.StringVar(&o.name, "name", "", "run the canned query with this name")
	f.StringArrayVar(&o.params, "param", nil, "a canned query parameter, name=value (repeatable)")
	return cmd
}

type queryOptions struct {
	format  string
	limit   int
	timeout time.Duration
	file    string
	name    string
	params  []string
}

func runQuery(cmd *cobra.Command, e *env, o queryOptions, args []string) error {
	out, err := newResultWriter(o.format, e.stdout)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	st, err := graph.Open(ctx, e.db, graph.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := queryText(ctx, e, st, o, args)
	if err != nil {
		return err
	}
	lang := q.Language
	if q.Name != "" {
		err = st.RunCanned(ctx, q, o.limit, out.write) // answers as sets
	} else {
		err = st.Query(ctx, lang, q.Text, o.limit, out.write)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s query: stopped after %s (raise --timeout to wait longer)", lang, o.timeout)
	}
	if err != nil {
		return err
	}
	return out.flush(ctx, st)
}

// queryText finds the language and text of the query to run: a canned
// query bound to its parameters (with its name), or text from an argument,
// a file or stdin.
func queryText(ctx context.Context, e *env, st *graph.Store, o queryOptions, args []string) (graph.Canned, error) {
	if o.name != "" {
		if len(args) > 0 || o.file != "" {
			return graph.Canned{}, fmt.Errorf("query: --name runs a canned query; give no query text or -f with it")
		}
		return cannedText(ctx, st, o.name, o.params)
	}
	lang, text, err := adHocText(e, o, args)
	return graph.Canned{Language: lang, Text: text}, err
}

// adHocText reads the query from an argument, a file or stdin.
func adHocText(e *env, o queryOptions, args []string) (string, string, error) {
	if len(o.params) > 0 {
		return "", "", fmt.Errorf("query: --param needs --name")
	}
	if len(args) == 0 {
		return "", "", fmt.Errorf("query: give a language (gizmo or graphql) and a query, or --name")
	}
	lang := args[0]
	switch {
	case o.file != "" && len(args) == 2:
		return "", "", fmt.Errorf("query: give the query as an argument or with -f, not both")
	case o.file != "":
		b, err := os.ReadFile(o.file)
		if err != nil {
			return "", "", fmt.Errorf("query: read %s: %w", o.file, err)
		}
		return lang, string(b), nil
	case len(args) == 1 || args[1] == "-":
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return "", "", fmt.Errorf("query: read standard input: %w", err)
		}
		return lang, string(b), nil
	}
	return lang, args[1], nil
}

// cannedText binds a canned query's parameters, resolving names to IRIs.
func cannedText(ctx context.Context, st *graph.Store, name string, params []string) (graph.Canned, error) {
	q, err := queries.Get(name)
	if err != nil {
		return graph.Canned{}, err
	}
	args := map[string]string{}
	for _, p := range params {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return graph.Canned{}, fmt.Errorf("query %s: --param %q: want name=value", name, p)
		}
		args[k] = v
	}
	b, err := q.Prepare(args, st.ParamResolver(ctx))
	return graph.Canned{Name: q.Name, Language: q.Language, Source: q.Text, Text: b.Text, Params: b.Values}, err
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
	case "table", "json", "csv", "nquads":
	default:
		return nil, fmt.Errorf("query: unknown format %q (want table, json, csv or nquads)", format)
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

func (r *resultWriter) flush(ctx context.Context, st *graph.Store) error {
	switch r.format {
	case "csv":
		return writeCSV(ctx, st, r.w, r.rows)
	case "nquads":
		return st.WriteSubgraph(ctx, resultIRIs(r.rows), r.w)
	case "table":
		return writeTable(ctx, st, r.w, r.rows)
	}
	return nil
}

// writeTable prints flat rows as columns with labels in place of IRIs, and
// nested results (GraphQL) as indented JSON.
func writeTable(ctx context.Context, st *graph.Store, w io.Writer, rows []any) error {
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
	labels, err := st.Labels(ctx, iris)
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
