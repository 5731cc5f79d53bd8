package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCPUProfileFlag(t *testing.T) {
	db := mustSeedStore(t)
	prof := filepath.Join(t.TempDir(), "cpu.pprof")
	out := mustRun(t, "--db", db, "--cpuprofile", prof, "stats")
	if !strings.Contains(out, "quads") {
		t.Errorf("stats with --cpuprofile printed %q", out)
	}
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatalf("profile not written: %v", err)
	}
	if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) { // pprof profiles are gzipped protobuf
		t.Errorf("%s is not a pprof profile: % x", prof, b[:min(len(b), 8)])
	}
	_, _, err = run(t, "--db", db, "--cpuprofile", filepath.Join(t.TempDir(), "no", "such", "dir"), "stats")
	if err == nil || !strings.Contains(err.Error(), "cpu profile") {
		t.Errorf("profile into a missing folder: err %v, want a cpu profile error", err)
	}
}
