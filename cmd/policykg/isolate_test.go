package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph"
)

// TestGizmoQueryThatCrashesCayley: a query that makes Cayley panic ends
// policykg with one line naming the panic, not a stack trace, and the store
// answers the next query.
func TestGizmoQueryThatCrashesCayley(t *testing.T) {
	db := mustSeedStore(t)
	for _, c := range []struct{ query, panics string }{
		{`g.V("<pk:caofeidian>").FollowRecursive("").All()`, "FollowRecursive"},
		{`g.V().Out("p", 1).All()`, "expected string"},
	} {
		out, errs, err := run(t, "--db", db, "query", "gizmo", c.query)
		if err == nil {
			t.Fatalf("%s: no error; printed %q", c.query, out)
		}
		msg := err.Error()
		if strings.Contains(msg, "\n") || !strings.Contains(msg, "crashed") || !strings.Contains(msg, c.panics) {
			t.Errorf("%s: error %q, want one line naming Cayley's panic (%s)", c.query, msg, c.panics)
		}
		if strings.Contains(errs, "goroutine") {
			t.Errorf("%s: stack trace on stderr:\n%s", c.query, errs)
		}
	}
	out := mustRun(t, "--db", db, "query", "--format", "json", "gizmo", `g.V("<pk:caofeidian>").Out("<pkv:part_of>").All()`)
	if !strings.Contains(out, "tangshan") {
		t.Errorf("query after the crashes printed %q", out)
	}
	// An ordinary error still comes back as Cayley's message, with its line.
	_, _, err := run(t, "--db", db, "query", "gizmo", `g.V().Nope()`)
	var qe *graph.QueryError
	if !errors.As(err, &qe) || qe.Line != 1 || !strings.Contains(err.Error(), "Nope") {
		t.Errorf("bad method: error %v", err)
	}
}
