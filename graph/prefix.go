package graph

import (
	"regexp"
	"sort"
	"strings"

	"github.com/cayleygraph/quad/voc"
	"github.com/policykg/policykg/ontology"
)

// The project's prefixes (ontology.Prefixes) are registered as Cayley
// namespaces, so quad.IRI("pk:caofeidian").Full() and Gizmo's
// g.IRI("pk:caofeidian") (after g.addDefaultNamespaces()) resolve them.
func init() {
	for p, ns := range ontology.Prefixes {
		voc.RegisterPrefix(p+":", ns)
	}
}

// shortIRI matches an IRI written with a registered prefix inside angle
// brackets: <pk:caofeidian>, <pkv:part_of>, <rdfs:label>.
var shortIRI = func() *regexp.Regexp {
	names := make([]string, 0, len(ontology.Prefixes))
	for p := range ontology.Prefixes {
		names = append(names, regexp.QuoteMeta(p))
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names))) // longest alternative first
	return regexp.MustCompile(`<(` + strings.Join(names, "|") + `):([^<>\s"'{}|^` + "`" + `\\]*)>`)
}()

// ExpandPrefixes rewrites every <prefix:local> in a query whose prefix is
// one of ontology.Prefixes into the full <namespace+local> form. Neither of
// Cayley's engines does this by itself: Gizmo reads "<pk:x>" as the literal
// IRI pk:x, and GraphQL's field names and id arguments likewise. Text that
// needs no rewriting is returned unchanged.
func ExpandPrefixes(text string) string {
	if !strings.Contains(text, ":") || !strings.Contains(text, "<") {
		return text
	}
	return shortIRI.ReplaceAllStringFunc(text, func(m string) string {
		inner := m[1 : len(m)-1]
		p, local, _ := strings.Cut(inner, ":")
		return "<" + ontology.Prefixes[p] + local + ">"
	})
}

// ExpandIRI returns the full form of an IRI written as "pk:x", "<pk:x>",
// "<https://...>" or "https://...", without angle brackets, and whether s
// looked like an IRI at all.
func ExpandIRI(s string) (string, bool) {
	bare := strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	if p, local, ok := strings.Cut(bare, ":"); ok {
		if ns, known := ontology.Prefixes[p]; known && !strings.ContainsAny(local, " \t\n") {
			return ns + local, true
		}
		if strings.HasPrefix(local, "//") {
			return bare, true
		}
	}
	return "", false
}

// gizmoNamespaces is prepended, on the query's first line, to Gizmo
// queries that call g.IRI/g.Uri, so "pk:..." short names resolve there.
const gizmoNamespaces = "g.addDefaultNamespaces();"

// prepareQuery expands short IRIs and, for Gizmo queries that build IRIs
// from strings, loads the registered namespaces into the session. It
// returns the text to run and how many characters were added to line 1.
func prepareQuery(lang, text string) (string, int) {
	text = ExpandPrefixes(text)
	if lang == "gizmo" && (strings.Contains(text, "IRI(") || strings.Contains(text, "Uri(")) {
		return gizmoNamespaces + text, len(gizmoNamespaces)
	}
	return text, 0
}
