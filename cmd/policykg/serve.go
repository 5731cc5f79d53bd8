package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/policykg/policykg/server"
	"github.com/spf13/cobra"
)

func init() { register(newServeCmd) }

func newServeCmd(e *env) *cobra.Command {
	var cfg server.Config
	var cors string
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080]",
		Short: "Serve the store read-only: Cayley's HTTP API, policykg's API and a web page",
		Long: `Serve answers queries over HTTP from a read-only snapshot of the store:
Cayley's API (/api/v2/query?lang=gizmo|graphql, /api/v2/read, /api/v2/formats,
/api/v1/query/LANG and /query/LANG), policykg's own (/api/entities?q=,
/api/entities/ID, /api/export/FORMAT?focus=&depth=, /api/queries[/NAME]),
/healthz, /metrics, and a page for researchers at /.

Nothing served can change the store. The server copies the store when it
starts and serves the copy; 'policykg build' into the same store may run
meanwhile, and the server serves the new graph once the build is done
(it polls the store every --reload-interval, and reloads at once on SIGHUP).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.DB = e.db
			cfg.CORSOrigins = splitList(cors)
			if cfg.Token == "" {
				cfg.Token = os.Getenv("POLICYKG_TOKEN")
			}
			cfg.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))
			plugins(&cfg)
			return serve(cmd.Context(), e, cfg)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Addr, "addr", "127.0.0.1:8080", "listen address (host:port; port 0 picks a free one)")
	f.DurationVar(&cfg.QueryTimeout, "timeout", 5*time.Second, "longest a query may run")
	f.IntVar(&cfg.ResultLimit, "limit", 1000, "most results a query returns")
	f.Int64Var(&cfg.ReadLimit, "read-limit", 100000, "most quads one /api/v2/read streams")
	f.Int64Var(&cfg.MaxBody, "max-body", 1<<20, "largest request body in bytes")
	f.IntVar(&cfg.MaxConcurrent, "max-queries", 8, "queries running at once; more get 503")
	f.IntVar(&cfg.MaxDepth, "max-depth", 4, "largest export depth")
	f.IntVar(&cfg.CacheEntries, "cache-entries", 4096, "answers kept in the cache (-1: no cache)")
	f.Int64Var(&cfg.CacheBytes, "cache-bytes", 64<<20, "bytes kept in the cache")
	f.StringVar(&cfg.Token, "token", "", "require 'Authorization: Bearer TOKEN' on the API (or set POLICYKG_TOKEN)")
	f.StringVar(&cors, "cors", "", "origins allowed to call the API from their pages, comma-separated; * for any")
	f.DurationVar(&cfg.ReloadInterval, "reload-interval", 2*time.Second, "how often to look for a rebuilt store (0: only on SIGHUP)")
	f.DurationVar(&cfg.ReadHeaderTimeout, "read-header-timeout", 5*time.Second, "longest to read request headers")
	f.DurationVar(&cfg.ReadTimeout, "read-timeout", 30*time.Second, "longest to read a request")
	f.DurationVar(&cfg.WriteTimeout, "write-timeout", 60*time.Second, "longest to write an answer")
	f.DurationVar(&cfg.IdleTimeout, "idle-timeout", 120*time.Second, "longest an idle connection stays open")
	return cmd
}

// serve runs the server until ctx is done, reloading on SIGHUP.
func serve(ctx context.Context, e *env, cfg server.Config) error {
	srv, err := server.New(ctx, cfg)
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", cfg.Addr, err)
	}
	fmt.Fprintf(e.stdout, "serving %s read-only on http://%s/\n", cfg.DB, ln.Addr())
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				if _, err := srv.Reload(ctx); err != nil {
					fmt.Fprintln(e.stderr, "policykg: serve:", err)
				}
			}
		}
	}()
	return srv.Serve(ctx, ln)
}
