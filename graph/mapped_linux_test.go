package graph

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"unsafe"

	"github.com/policykg/policykg/ontology"
)

// TestFileRangesFindsAMapping: the address range /proc/self/maps gives for
// a file, found by its device and inode, is where the file is mapped.
func TestFileRangesFindsAMapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mapped")
	if err := os.WriteFile(path, make([]byte, 64<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	fd, err := syscall.Open(path, syscall.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	b, err := syscall.Mmap(fd, 0, 64<<10, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(b)
	f, err := statMapped(path)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	got := fileRanges(raw, f)
	addr := uintptr(unsafe.Pointer(&b[0]))
	if len(got) != 1 || got[0][0] != addr || got[0][1]-got[0][0] != 64<<10 {
		t.Errorf("fileRanges = %x, want one range of 64 KiB at %x", got, addr)
	}
	if other := fileRanges(raw, mappedFile{dev: f.dev, inode: f.inode + 1}); len(other) != 0 {
		t.Errorf("another inode's ranges = %x, want none", other)
	}
}

// TestMappedLimitTrimsTheStoreFile: a bolt store opened with a mapped
// limit keeps little of its file resident after a write, where one opened
// without keeps every page its writes touched; both hold the same data.
func TestMappedLimitTrimsTheStoreFile(t *testing.T) {
	resident := map[int64]int64{}
	quads := map[int64]int64{}
	for _, limit := range []int64{0, 1} {
		dir := filepath.Join(t.TempDir(), "kg.db")
		s, err := Open(context.Background(), dir, Options{Create: true, MappedLimit: limit})
		if err != nil {
			t.Fatal(err)
		}
		for batch := 0; batch < 6; batch++ {
			var exs []ontology.Extraction
			for i := 0; i < 50; i++ {
				n := batch*50 + i
				exs = append(exs, sample(ontology.DocumentID(fmt.Sprintf("doc-%03d", n)),
					fmt.Sprintf("Caofeidian district of Tangshan city has a port, as report %d says.", n)))
			}
			for _, r := range s.ReplaceDocuments(context.Background(), exs) {
				if r.Err != nil {
					t.Fatal(r.Err)
				}
			}
		}
		f, err := statMapped(filepath.Join(dir, "indexes.bolt"))
		if err != nil {
			t.Fatal(err)
		}
		resident[limit] = mappingRss(t, f)
		quads[limit] = mustStats(t, s).Quads
		s.Close()
	}
	t.Logf("resident store file after the writes: %d KiB without a limit, %d KiB with one", resident[0]>>10, resident[1]>>10)
	if quads[0] != quads[1] || quads[0] == 0 {
		t.Errorf("stores hold %d and %d quads, want the same, more than none", quads[0], quads[1])
	}
	if resident[0] < 64<<10 {
		t.Fatalf("untrimmed store has %d bytes resident; the writes should touch more", resident[0])
	}
	if resident[1] > resident[0]/4 {
		t.Errorf("trimmed store keeps %d bytes resident, want at most a quarter of the untrimmed %d", resident[1], resident[0])
	}
}

// mappingRss returns the resident bytes of this process's mappings of f,
// from /proc/self/smaps.
func mappingRss(t *testing.T, f mappedFile) int64 {
	t.Helper()
	raw, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	in := false
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		fields := bytes.Fields(sc.Bytes())
		switch {
		case len(fields) >= 5 && bytes.Contains(fields[0], []byte("-")) && !bytes.HasSuffix(fields[0], []byte(":")):
			inode, _ := strconv.ParseUint(string(fields[4]), 10, 64)
			in = inode == f.inode && sameDevice(string(fields[3]), f.dev)
		case in && len(fields) >= 2 && string(fields[0]) == "Rss:":
			kb, _ := strconv.ParseInt(string(fields[1]), 10, 64)
			total += kb << 10
		}
	}
	return total
}
