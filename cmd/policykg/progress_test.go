package main

import (
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// TestProgressOnTerminal runs a build with its stderr on a pseudo-terminal:
// the bar shows documents per second, and a bulk load says it is storing
// when the bar is done. (Off a terminal nothing is drawn: every other
// build test checks stderr holds only errors.)
func TestProgressOnTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and a corpus")
	}
	bin := buildBinary(t)
	corpus := crashCorpus(t, 60)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	var stdout bytes.Buffer
	cmd := exec.Command(bin, "build", "--db", filepath.Join(t.TempDir(), "kg.db"), corpus)
	cmd.Stdout, cmd.Stderr = &stdout, tty
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	var screen bytes.Buffer
	io.Copy(&screen, ptmx) // ends with an error once the build closes its side
	if err := cmd.Wait(); err != nil {
		t.Fatalf("build: %v\n%s", err, screen.String())
	}
	got := screen.String()
	for _, want := range []string{"building", "docs/s", "storing the 60 documents loaded in bulk"} {
		if !strings.Contains(got, want) {
			t.Errorf("terminal shows no %q:\n%q", want, got)
		}
	}
	if !strings.Contains(stdout.String(), "60 built") {
		t.Errorf("stdout %q", stdout.String())
	}
}
