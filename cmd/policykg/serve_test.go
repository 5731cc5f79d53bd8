package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for a writer and a reader at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingRE = regexp.MustCompile(`on (http://[0-9.:]+)/`)

// startServe runs 'policykg serve' on a free loopback port and returns its
// base URL; the server stops when the test ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), &out, &errb)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve ended with %v\n%s", err, errb.String())
		}
	})
	for {
		if m := servingRE.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve: %v\n%s", err, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func getJSON(t *testing.T, method, url, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s %s: not JSON: %s", method, url, b)
	}
	return resp.StatusCode, m
}

// TestServeEndToEnd builds the seed, serves it with the real command on a
// loopback port, queries it, builds another document into the same store
// while serving, and sees the server pick it up.
func TestServeEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "--db", db, "build", "../../seeds")
	base := startServe(t, "--db", db, "--reload-interval", "50ms")

	const docs = `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://policykg.org/vocab#Document>").All()`
	code, m := getJSON(t, "POST", base+"/api/v2/query?lang=gizmo", docs)
	if code != 200 || len(m["result"].([]any)) != 1 {
		t.Fatalf("documents served: %d %v, want the seed", code, m)
	}
	if code, m := getJSON(t, "POST", base+"/api/v2/write", "<a> <b> <c> ."); code != 403 || m["error"] == nil {
		t.Errorf("write: %d %v, want 403 with an error", code, m)
	}

	// Build another document into the store being served.
	more := t.TempDir()
	if err := os.WriteFile(filepath.Join(more, "note.txt"), []byte("Sanhe is a county of Langfang city in Hebei province.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--db", db, "build", more)
	for i := 0; ; i++ {
		_, h := getJSON(t, "GET", base+"/healthz", "")
		if h["generation"].(float64) >= 2 {
			break
		}
		if i > 500 {
			t.Fatalf("the server did not reload after the build: %v", h)
		}
		time.Sleep(20 * time.Millisecond)
	}
	code, m = getJSON(t, "POST", base+"/api/v2/query?lang=gizmo", docs)
	if code != 200 || len(m["result"].([]any)) != 2 {
		t.Errorf("documents after the build: %d %v, want 2", code, m)
	}
}

func TestServeRefusesMissingStore(t *testing.T) {
	_, _, err := run(t, "--db", filepath.Join(t.TempDir(), "none"), "serve", "--addr", "127.0.0.1:0")
	if err == nil || !strings.Contains(err.Error(), "none") || !strings.Contains(err.Error(), "no store") {
		t.Errorf("serve without a store: %v, want an error naming it", err)
	}
}
