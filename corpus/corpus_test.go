package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policykg/policykg/ontology"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDocumentID(t *testing.T) {
	for _, tc := range []struct {
		path string
		want ontology.DocumentID
	}{
		{"seeds/scio-hebei-2024-p4.txt", "scio-hebei-2024-p4"},
		{"gold/synth-qa-hainan/doc.txt", "synth-qa-hainan"},
		{"Some Release (2024).html", "some-release-2024"},
		{"doc.txt", "doc"},
	} {
		if got := DocumentID(tc.path); got != tc.want {
			t.Errorf("DocumentID(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestFindAndLoadWithManifest(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), "Second.")
	write(t, filepath.Join(dir, "a.txt"), "First.")
	write(t, filepath.Join(dir, "notes.pdf"), "%PDF")
	write(t, filepath.Join(dir, "sub", "c.md"), "Third.")
	write(t, filepath.Join(dir, ManifestName), "# documents\nfile\ttitle\tdate\na.txt\tA title\t2024-01-02\n")
	items := Find([]string{dir, filepath.Join(dir, "missing.txt")})
	var paths []string
	for _, it := range items {
		paths = append(paths, filepath.Base(it.Doc.Path))
	}
	if got := strings.Join(paths, ","); got != "a.txt,b.txt,c.md,missing.txt" {
		t.Fatalf("found %s, want a.txt,b.txt,c.md,missing.txt", got)
	}
	if items[3].Err == nil || !strings.Contains(items[3].Err.Error(), "missing.txt") {
		t.Errorf("missing file: got %v, want an error naming it", items[3].Err)
	}
	var m Manifests
	a := Load(items[0], &m)
	if a.Err != nil || a.Doc.Title != "A title" || a.Doc.Date != "2024-01-02" || a.Doc.ID != "a" || len(a.Doc.Hash) != 64 {
		t.Errorf("loaded a.txt: %+v", a)
	}
	if b := Load(items[1], &m); b.Doc.Title != "" || string(b.Text) != "Second." {
		t.Errorf("loaded b.txt: %+v", b)
	}
}

func TestManifestErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ManifestName)
	write(t, path, "title\tdate\nX\t2024\n")
	if _, err := ReadManifest(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("manifest without file column: got %v, want an error naming it", err)
	}
	write(t, path, "file\ttitle\n\tNo file\n")
	if _, err := ReadManifest(path); err == nil || !strings.Contains(err.Error(), ":2:") {
		t.Errorf("row without a file name: got %v, want an error naming line 2", err)
	}
}

func TestLoadRefusesWhatIsNotText(t *testing.T) {
	dir := t.TempDir()
	old := MaxSize
	MaxSize = 1 << 10
	defer func() { MaxSize = old }()
	for _, tc := range []struct{ name, body, want string }{
		{"big.txt", strings.Repeat("Hebei is a province. ", 100), "too large"},
		{"r.pdf", "%PDF-1.4 ...", "PDF"},
		{"d.docx", "PK\x03\x04....", "ZIP"},
	} {
		path := filepath.Join(dir, tc.name)
		write(t, path, tc.body)
		it := Load(Item{Doc: ontology.Document{Path: path}}, &Manifests{})
		if it.Err == nil || !strings.Contains(it.Err.Error(), path) || !strings.Contains(it.Err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error naming the file and %q", tc.name, it.Err, tc.want)
		}
	}
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	items := Find([]string{filepath.Join(dir, "loop")})
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "loop") {
		t.Errorf("symlink loop: got %+v, want one item with an error", items)
	}
}

func TestHTMLText(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Hebei news</title><style>p{color:red}</style>
<script>var x = "Tianjin";</script></head><body><nav><a href="/">Home</a></nav>
<p>Caofeidian district of   Tangshan city &amp; its port.</p><p>Second<br>line.</p></body></html>`
	got := string(HTMLText([]byte(page)))
	want := "Hebei news\n\nHome\n\nCaofeidian district of Tangshan city & its port.\n\nSecond\n\nline."
	if got != want {
		t.Errorf("HTMLText:\n%q\nwant\n%q", got, want)
	}
	path := filepath.Join(t.TempDir(), "page.html")
	write(t, path, page)
	it := Load(Item{Doc: ontology.Document{Path: path}}, &Manifests{})
	if it.Err != nil || strings.Contains(string(it.Text), "<p>") || strings.Contains(string(it.Text), "Tianjin") {
		t.Errorf("Load of an HTML page: %q, %v", it.Text, it.Err)
	}
}

func TestMarkRepeats(t *testing.T) {
	items := []Item{
		{Doc: ontology.Document{Path: "2023/briefing.txt"}},
		{Doc: ontology.Document{Path: "a/doc.txt"}}, // ID "a"
		{Doc: ontology.Document{Path: "b/doc.txt"}}, // ID "b"
		{Doc: ontology.Document{Path: "gone/briefing.txt"}, Err: errors.New("read gone/briefing.txt: no such file")},
		{Doc: ontology.Document{Path: "2024/Briefing.md"}}, // ID "briefing" again
		{Doc: ontology.Document{Path: "2024/a.txt"}},       // ID "a" again
	}
	MarkRepeats(items)
	for i, want := range []string{"2024/Briefing.md", "2024/a.txt", "", "no such file", "", ""} {
		err := items[i].Err
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v, want no error", items[i].Doc.Path, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), items[i].Doc.Path)):
			t.Errorf("%s: %v, want an error naming it and %q", items[i].Doc.Path, err, want)
		}
	}
}
