package corpus

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzHTMLText: any bytes in, no panic; valid UTF-8 in gives valid UTF-8
// out with no markup left from well-formed tags.
func FuzzHTMLText(f *testing.F) {
	f.Add([]byte(`<html><body><p>Caofeidian district of Tangshan city.</p></body></html>`))
	f.Add([]byte(`<script>alert(1)</script><p>a &amp; b</p><br/>`))
	f.Add([]byte("<p>\xff\xfe</p>"))
	f.Add([]byte(`<!DOCTYPE html><title>x</title><style>p{}</style><nav>Home | News</nav>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		out := HTMLText(page)
		if utf8.Valid(page) && !utf8.Valid(out) {
			t.Errorf("valid UTF-8 page gave invalid UTF-8 text %q", out)
		}
	})
}

// FuzzReadManifest: any manifest gives either entries or an error naming
// the file, never a panic.
func FuzzReadManifest(f *testing.F) {
	f.Add("file\ttitle\tdate\na.txt\tA\t2024\n")
	f.Add("# c\ntitle\n")
	f.Add("file\n\n\t\n")
	f.Fuzz(func(t *testing.T, body string) {
		path := filepath.Join(t.TempDir(), ManifestName)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := ReadManifest(path)
		if err == nil {
			for file := range m {
				if file == "" {
					t.Errorf("entry with an empty file name from %q", body)
				}
			}
		}
	})
}
