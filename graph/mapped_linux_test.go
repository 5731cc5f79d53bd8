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
// limit keeps little of its file resident after writes, and after reads,
// where one opened without keeps every page they touched; both hold the
// same data.
func TestMappedLimitTrimsTheStoreFile(t *testing.T) {
	ctx := context.Background()
	type phase struct{ written, read, quads int64 }
	got := map[int64]*phase{}
	for _, limit := range []int64{0, 1} {
		p := &phase{}
		got[limit] = p
		dir := filepath.Join(t.TempDir(), "kg.db")
		s, err := Open(ctx, dir, Options{Create: true, MappedLimit: limit})
		if err != nil {
			t.Fatal(err)
		}
		var ids []ontology.DocumentID
		for batch := 0; batch < 6; batch++ {
			var exs []ontology.Extraction
			for i := 0; i < 50; i++ {
				n := batch*50 + i
				ids = append(ids, ontology.DocumentID(fmt.Sprintf("doc-%03d", n)))
				exs = append(exs, sample(ids[n], fmt.Sprintf("Caofeidian district of Tangshan city has a port, as report %d says.", n)))
			}
			for _, r := range s.ReplaceDocuments(ctx, exs) {
				if r.Err != nil {
					t.Fatal(r.Err)
				}
			}
		}
		f, err := statMapped(filepath.Join(dir, "indexes.bolt"))
		if err != nil {
			t.Fatal(err)
		}
		p.written = mappingRss(t, f)
		s.Close()

		// a new mapping, read only: every document's hash
		s, err = Open(ctx, dir, Options{MappedLimit: limit})
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if ok, err := s.HasHash(ctx, id, "abc"); err != nil || !ok {
				t.Fatalf("HasHash(%s) = %v, %v; want true", id, ok, err)
			}
		}
		p.read = mappingRss(t, f)
		p.quads = mustStats(t, s).Quads
		s.Close()
	}
	t.Logf("resident store file without a limit: %d KiB after the writes, %d KiB after the reads; with one: %d, %d KiB",
		got[0].written>>10, got[0].read>>10, got[1].written>>10, got[1].read>>10)
	if got[0].quads != got[1].quads || got[0].quads == 0 {
		t.Errorf("stores hold %d and %d quads, want the same, more than none", got[0].quads, got[1].quads)
	}
	if got[0].written < 64<<10 || got[0].read < 64<<10 {
		t.Fatalf("untrimmed store has %d and %d bytes resident; the writes and reads should touch more", got[0].written, got[0].read)
	}
	if got[1].written > got[0].written/4 {
		t.Errorf("after the writes, the trimmed store keeps %d bytes resident, want at most a quarter of the untrimmed %d", got[1].written, got[0].written)
	}
	if got[1].read > got[0].read/4 {
		t.Errorf("after the reads, the trimmed store keeps %d bytes resident, want at most a quarter of the untrimmed %d", got[1].read, got[0].read)
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
