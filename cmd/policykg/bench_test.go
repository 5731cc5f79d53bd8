package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/policykg/policykg/corpus"
	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

const seedPath = "../../seeds/scio-hebei-2024-p4.txt"

func loadSeed(b *testing.B) corpus.Item {
	b.Helper()
	var m corpus.Manifests
	it := corpus.Load(corpus.Item{Doc: ontology.Document{Path: seedPath}}, &m)
	if it.Err != nil {
		b.Fatal(it.Err)
	}
	return it
}

// BenchmarkBuildSeed measures a first build of the seed: extraction and
// the write into a store that is already open (Cayley's open costs are
// measured apart, in BenchmarkOpenStore).
func BenchmarkBuildSeed(b *testing.B) {
	ctx := context.Background()
	it := loadSeed(b)
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	st, err := graph.Open(ctx, filepath.Join(b.TempDir(), "kg.db"), graph.Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.SetBytes(int64(len(it.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ex, err := x.Extract(it.Doc, it.Text)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if _, err := st.RemoveDocument(ctx, it.Doc.ID); i > 0 && err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := st.ReplaceDocument(ctx, ex); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuildSeed measures a forced rebuild of an unchanged seed:
// extraction and the diff against the stored quads, with nothing written.
func BenchmarkRebuildSeed(b *testing.B) {
	ctx := context.Background()
	it := loadSeed(b)
	x, _ := extract.New()
	st, err := graph.Open(ctx, filepath.Join(b.TempDir(), "kg.db"), graph.Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ex, _ := x.Extract(it.Doc, it.Text)
	if _, err := st.ReplaceDocument(ctx, ex); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(it.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ex, _ := x.Extract(it.Doc, it.Text)
		res, err := st.ReplaceDocument(ctx, ex)
		if err != nil || !res.Unchanged() {
			b.Fatalf("rebuild: %+v, %v", res, err)
		}
	}
}

// BenchmarkOpenStore measures opening an existing bolt store, which
// allocates Cayley's bloom filters.
func BenchmarkOpenStore(b *testing.B) {
	ctx := context.Background()
	dir := filepath.Join(b.TempDir(), "kg.db")
	st, err := graph.Open(ctx, dir, graph.Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := graph.Open(ctx, dir, graph.Options{})
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
