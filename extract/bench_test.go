package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/policykg/policykg/ontology"
)

// BenchmarkExtract extracts a text of about 1 MB made by repeating the seed
// document.
func BenchmarkExtract(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join("..", "testdata", "dev", "scio-hebei-2024-p4", "doc.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := bytes.Repeat(append(seed, '\n'), 1<<20/len(seed)+1)
	x := mustNew(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.Extract(ontology.Document{ID: "bench"}, text); err != nil {
			b.Fatal(err)
		}
	}
}
