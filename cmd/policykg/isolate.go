package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"

	"github.com/policykg/policykg/graph"
)

// Why `policykg query gizmo` runs in a child process: Cayley runs each
// Gizmo query in a goroutine of its own, and some queries make Cayley's Go
// code panic there (g.V().FollowRecursive(""), g.V().Out("p", 1)). No code
// outside Cayley can recover that panic, so in-process it would end policykg
// with a stack trace. The query command therefore runs the same invocation
// in a child (this executable again, with childEnv set) and, if the child
// dies of a panic, says so in one line. GraphQL and the canned questions
// run on the caller's goroutine and need no child.

// childEnv carries the arguments of an invocation to run in a child.
const childEnv = "POLICYKG_CHILD_ARGS"

// inChild is set in a child process, so that it runs the query itself.
var inChild bool

// maybeRunChild runs the invocation in childEnv and exits, if this process
// is such a child; otherwise it returns at once. main and TestMain call it.
func maybeRunChild() {
	raw, ok := os.LookupEnv(childEnv)
	if !ok {
		return
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		fmt.Fprintln(os.Stderr, "policykg:", childEnv+":", err)
		os.Exit(1)
	}
	inChild = true
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := Run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if werr := json.NewEncoder(os.NewFile(3, "errors")).Encode(toChildError(err)); werr != nil {
			fmt.Fprintln(os.Stderr, "policykg:", err)
		}
		os.Exit(1)
	}
	os.Exit(0)
}

// childError is how a child reports its error to the parent (on file
// descriptor 3), keeping a query error's position.
type childError struct {
	Message string           `json:"message"`
	Query   *childQueryError `json:"query,omitempty"`
}

type childQueryError struct {
	Lang         string
	Line, Column int
	Source, Err  string
}

func toChildError(err error) childError {
	ce := childError{Message: err.Error()}
	var qe *graph.QueryError
	if errors.As(err, &qe) {
		ce.Query = &childQueryError{Lang: qe.Lang, Line: qe.Line, Column: qe.Column,
			Source: qe.Source, Err: qe.Err.Error()}
	}
	return ce
}

func (ce childError) err() error {
	if q := ce.Query; q != nil {
		return &graph.QueryError{Lang: q.Lang, Line: q.Line, Column: q.Column,
			Source: q.Source, Err: errors.New(q.Err)}
	}
	return errors.New(ce.Message)
}

// runIsolated runs this invocation of policykg in a child process with the
// same streams. A failure comes back as the child's own one-line error; a
// crash as one line naming Cayley's panic.
func runIsolated(ctx context.Context, e *env) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("query: find this program to run the query: %w", err)
	}
	raw, err := json.Marshal(e.args)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), childEnv+"="+string(raw))
	cmd.Stdin, cmd.Stdout = e.stdin, e.stdout
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	errr, errw, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer errr.Close()
	cmd.ExtraFiles = []*os.File{errw} // the child's file descriptor 3
	if err := cmd.Start(); err != nil {
		errw.Close()
		return fmt.Errorf("query: run the query: %w", err)
	}
	errw.Close()
	reported := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(errr)
		reported <- b
	}()
	err = cmd.Wait()
	report := <-reported
	text := strings.TrimSpace(stderr.String())
	var exit *exec.ExitError
	switch {
	case err == nil:
		if text != "" {
			fmt.Fprintln(e.stderr, text)
		}
		return nil
	case !errors.As(err, &exit):
		return fmt.Errorf("query: run the query: %w", err)
	}
	if reason := panicLine(text); reason != "" {
		return fmt.Errorf("gizmo query: Cayley's query engine crashed on this query (%s)", reason)
	}
	if text != "" {
		fmt.Fprintln(e.stderr, text)
	}
	var ce childError
	if json.Unmarshal(report, &ce) == nil && ce.Message != "" {
		return ce.err()
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("query: the query's process ended with %v", err)
}

// panicLine is the line of a Go crash report that says why, or "".
func panicLine(text string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return strings.TrimSuffix(l, " [recovered, repanicked]")
		}
	}
	return ""
}
