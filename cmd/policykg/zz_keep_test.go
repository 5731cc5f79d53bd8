package main

import (
	"os"
	"os/exec"
	"testing"
)

func TestZZKeep(t *testing.T) {
	db := mustSeedStore(t)
	exec.Command("rm", "-rf", "/tmp/qscratch/seed.db").Run()
	if err := exec.Command("cp", "-r", db, "/tmp/qscratch/seed.db").Run(); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove
}
