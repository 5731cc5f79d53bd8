// Command policykg builds a knowledge graph of regional policy from English
// policy texts, stores it in Cayley, and queries, exports and serves it.
//
// This package holds flags, configuration and wiring only; the work is done
// in ontology, extract, graph, export, server and queries.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/policykg/policykg/server"
	"github.com/spf13/cobra"
)

func main() {
	server.MaybeRunEngine() // serve's query engine is this binary too
	maybeRunChild()         // and so is the process a Gizmo query runs in
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "policykg:", err)
		os.Exit(1)
	}
}

// env is what every subcommand gets: its streams and the global flags.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	db     string   // --db: store location
	args   []string // the invocation, for runIsolated
}

// subcommands lists the constructors of the subcommands; each file adds its
// own in an init function, so adding a command touches one file.
var subcommands []func(*env) *cobra.Command

func register(f func(*env) *cobra.Command) { subcommands = append(subcommands, f) }

// Run runs policykg with the given arguments (without the program name).
// It is main without os.Exit, so tests can call it.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, args: args}
	root := &cobra.Command{
		Use:           "policykg",
		Short:         "Build, query and share a knowledge graph of China's regional policy",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&e.db, "db", defaultDB,
		"store: a bolt path (default embedded store), bolt:PATH, or a postgres:// URL")
	var cpuProfile string
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "",
		"write a CPU profile of the command to this file (for go tool pprof)")
	for _, f := range subcommands {
		root.AddCommand(f(e))
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if cpuProfile == "" {
			return nil
		}
		stopProfile, err := startCPUProfile(cpuProfile)
		if err != nil {
			return err
		}
		root.PersistentPostRunE = func(*cobra.Command, []string) error { return stopProfile() }
		return nil
	}
	return root.ExecuteContext(ctx)
}

const defaultDB = "policykg.db"
