//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policykg/policykg/ontology"
)

// badFile is a file of a batch that must fail, and a word its one line of
// error must hold besides the file's name.
type badFile struct {
	name string // under the batch folder
	want string
}

// mustSeed returns the seed document's bytes.
func mustSeed(t *testing.T) []byte {
	t.Helper()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return seed
}

// insertMiddle returns text with bad put in the middle of a line.
func insertMiddle(text []byte, bad string) []byte {
	at := bytes.Index(text[len(text)/2:], []byte(" ")) + len(text)/2
	return slices.Concat(text[:at], []byte(bad), text[at:])
}

// badBatch writes a folder holding two good documents (the seed as text
// and as an HTML page) and every kind of bad input this issue names that
// a root user can make: invalid UTF-8 and NUL bytes inside the seed, a
// 200 MB text file (sparse, made with Truncate), a FIFO (os.Open would
// block on it), a dangling symlink, symlink loops (one link to itself, two
// links to each other, and links back to the folder, which the walk must
// not follow). It returns the folder, the good files and the bad ones.
func badBatch(t *testing.T) (dir string, good []string, bad []badFile) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "batch")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "sub"), 0o755))
	seed := mustSeed(t)
	write := func(name string, b []byte) { must(os.WriteFile(filepath.Join(dir, name), b, 0o644)) }
	write("a-good.txt", seed)
	write("page.html", seedPage(seed))
	good = []string{"a-good.txt", "page.html"}

	write("b-invalid-utf8.txt", insertMiddle(seed, "\xff\xfe\xc3("))
	write("c-nul.txt", insertMiddle(seed, "\x00\x00"))
	huge, err := os.Create(filepath.Join(dir, "d-huge.txt"))
	must(err)
	_, err = huge.Write(seed)
	must(err)
	must(huge.Truncate(200 << 20))
	must(huge.Close())
	must(syscall.Mkfifo(filepath.Join(dir, "e-fifo.txt"), 0o644))
	must(os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "f-dangling.txt")))
	must(os.Symlink("g-loop.txt", filepath.Join(dir, "g-loop.txt")))
	must(os.Symlink("h-loop-b.txt", filepath.Join(dir, "h-loop-a.txt")))
	must(os.Symlink("h-loop-a.txt", filepath.Join(dir, "h-loop-b.txt")))
	must(os.Symlink(".", filepath.Join(dir, "i-dir.txt")))
	must(os.Symlink("..", filepath.Join(dir, "sub", "up")))
	must(os.Symlink("../..", filepath.Join(dir, "sub", "upup.md")))
	bad = []badFile{
		{"b-invalid-utf8.txt", "UTF-8"},
		{"c-nul.txt", "UTF-8"},
		{"d-huge.txt", "too large"},
		{"e-fifo.txt", "not a regular file"},
		{"f-dangling.txt", "no such file"},
		{"g-loop.txt", "too many levels of symbolic links"},
		{"h-loop-a.txt", "too many levels of symbolic links"},
		{"h-loop-b.txt", "too many levels of symbolic links"},
		{"i-dir.txt", "not a regular file"},
		{filepath.Join("sub", "upup.md"), "not a regular file"},
	}
	return dir, good, bad
}

// seedPage is the seed as a web page: each paragraph a <p>, with a title,
// a menu, a style sheet and scripts whose text must not be read (the
// script names places that are not in the seed).
func seedPage(seed []byte) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>SCIO press conference</title>\n")
	b.WriteString("<style>p { color: #333 } .x::after { content: 'Shenzhen is a city of Guangdong' }</style>\n")
	b.WriteString("<script>var s = 'Sanya is a city of Hainan province. Haikou attracted 9 billion yuan.';</script>\n")
	b.WriteString("</head><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\n<article>\n")
	for _, para := range strings.Split(string(seed), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>" + html.EscapeString(para) + "</p>\n")
		}
	}
	b.WriteString("</article><noscript>Enable JavaScript to see Hainan</noscript>\n")
	b.WriteString("<footer>Copyright &copy; China.org.cn</footer></body></html>\n")
	return []byte(b.String())
}

// TestBuildBadInputBatch builds a folder of good and bad files: each bad
// one gets exactly one line on stderr naming it and what is wrong, the
// good ones are built, the exit is an error counting the failures, and the
// store holds exactly what a build of the good files alone holds.
func TestBuildBadInputBatch(t *testing.T) {
	dir, good, bad := badBatch(t)
	db := filepath.Join(t.TempDir(), "kg.db")
	out, stderr, err := runWithin(t, 5*time.Minute, "build", "--db", db, dir)
	failed := fmt.Sprintf("%d of %d documents failed", len(bad), len(bad)+len(good))
	if err == nil || !strings.Contains(err.Error(), failed) {
		t.Errorf("build error %v, want %q", err, failed)
	}
	if !strings.Contains(out, fmt.Sprintf("%d built", len(good))) {
		t.Errorf("stdout %q: want %d built", out, len(good))
	}
	checkErrorLines(t, stderr, dir, bad)

	ref := filepath.Join(t.TempDir(), "ref.db")
	var paths []string
	for _, g := range good {
		paths = append(paths, filepath.Join(dir, g))
	}
	mustRun(t, append([]string{"build", "--db", ref}, paths...)...)
	got, wantQuads := snapshot(t, db), snapshot(t, ref)
	if len(got) != len(good) || len(wantQuads) != len(good) {
		t.Errorf("store holds documents %v, reference %v; want the %d good ones", keys(got), keys(wantQuads), len(good))
	}
	for id, q := range wantQuads {
		if !slices.Equal(got[id], q) {
			t.Errorf("document %s: %d quads after the bad batch, %d in a build of the good files alone", id, len(got[id]), len(q))
		}
	}
}

// checkErrorLines wants one stderr line per bad file, naming it and its
// fault, and no other lines.
func checkErrorLines(t *testing.T, stderr, dir string, bad []badFile) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(bad) {
		t.Errorf("stderr has %d lines, want one per bad file (%d):\n%s", len(lines), len(bad), stderr)
	}
	for _, b := range bad {
		path := filepath.Join(dir, b.name)
		var hits []string
		for _, l := range lines {
			if strings.Contains(l, path+":") {
				hits = append(hits, l)
			}
		}
		if len(hits) != 1 || !strings.Contains(hits[0], b.want) {
			t.Errorf("%s: lines %q, want one line saying %q", b.name, hits, b.want)
		}
	}
}

// TestBuildBadFileAloneLeavesStore builds each bad file on its own into a
// built store: the build fails naming the file and the store's files are
// byte for byte as they were.
func TestBuildBadFileAloneLeavesStore(t *testing.T) {
	dir, _, bad := badBatch(t)
	db := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "build", "--db", db, seedPath)
	before := storeFiles(t, db)
	for _, b := range bad {
		path := filepath.Join(dir, b.name)
		_, stderr, err := runWithin(t, 2*time.Minute, "build", "--db", db, path)
		if err == nil || !strings.Contains(err.Error(), "1 of 1 documents failed") {
			t.Errorf("build %s: error %v, want 1 of 1 failed", b.name, err)
		}
		checkErrorLines(t, stderr, dir, []badFile{b})
	}
	after := storeFiles(t, db)
	for p, want := range before {
		if filepath.Base(p) == "policykg.lock" {
			continue
		}
		if !bytes.Equal(after[p], want) {
			t.Errorf("%s changed after the bad builds", p)
		}
	}
}

// TestBuildUnreadableFiles: files and folders the user may not read fail
// by name and the rest of the batch is built. Permission bits do not bind
// root, so as root only the FIFO and dangling-link cases (in
// TestBuildBadInputBatch) stand for unreadable files.
func TestBuildUnreadableFiles(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permission bits do not stop root reading; TestBuildBadInputBatch covers files os.Open fails on (FIFO, dangling link, loops)")
	}
	dir := filepath.Join(t.TempDir(), "batch")
	os.MkdirAll(filepath.Join(dir, "locked"), 0o755)
	seed := mustSeed(t)
	os.WriteFile(filepath.Join(dir, "a-good.txt"), seed, 0o644)
	os.WriteFile(filepath.Join(dir, "b-private.txt"), seed, 0o000)
	os.WriteFile(filepath.Join(dir, "locked", "c.txt"), seed, 0o644)
	os.Chmod(filepath.Join(dir, "locked"), 0o000)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
	out, stderr, err := runWithin(t, 2*time.Minute, "build", "--db", filepath.Join(t.TempDir(), "kg.db"), dir)
	if err == nil || !strings.Contains(err.Error(), "2 of 3 documents failed") {
		t.Errorf("error %v, want 2 of 3 failed", err)
	}
	if !strings.Contains(out, "1 built") {
		t.Errorf("stdout %q, want 1 built", out)
	}
	checkErrorLines(t, stderr, dir, []badFile{{"b-private.txt", "permission denied"}, {"locked", "permission denied"}})
}

// TestBuildHTMLPage builds the seed as a web page and as text: the page's
// text is read (the same facts as from the text), its scripts, styles and
// noscript are not.
func TestBuildHTMLPage(t *testing.T) {
	dir := t.TempDir()
	seed := mustSeed(t)
	page := filepath.Join(dir, "page", "scio.html")
	text := filepath.Join(dir, "text", "scio.txt")
	os.MkdirAll(filepath.Dir(page), 0o755)
	os.MkdirAll(filepath.Dir(text), 0o755)
	os.WriteFile(page, seedPage(seed), 0o644)
	os.WriteFile(text, seed, 0o644)
	pageDB, textDB := filepath.Join(dir, "page.db"), filepath.Join(dir, "text.db")
	mustRun(t, "build", "--db", pageDB, page)
	mustRun(t, "build", "--db", textDB, text)
	pageFacts, textFacts := facts(snapshot(t, pageDB)["scio"]), facts(snapshot(t, textDB)["scio"])
	if len(textFacts) == 0 {
		t.Fatalf("the seed as text gave no facts")
	}
	if !slices.Equal(pageFacts, textFacts) {
		t.Errorf("facts from the page differ from the text's:\npage %q\ntext %q", pageFacts, textFacts)
	}
	for _, q := range snapshot(t, pageDB)["scio"] {
		for _, leak := range []string{"Sanya", "Haikou", "Shenzhen", "Enable JavaScript", "color: #333"} {
			if strings.Contains(q, leak) {
				t.Errorf("script, style or noscript text %q stored: %s", leak, q)
			}
		}
	}
}

// facts returns the entity-to-entity triples of a document's quads,
// without their evidence labels.
func facts(quads []string) []string {
	var out []string
	for _, q := range quads {
		f := strings.Fields(q)
		if len(f) >= 4 && strings.HasPrefix(f[0], "<"+ontology.EntityNS) && strings.HasPrefix(f[2], "<"+ontology.EntityNS) {
			out = append(out, strings.Join(f[:3], " "))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// runWithin runs policykg and fails the test if it has not ended within d
// (a hung build, on a FIFO for example, must not hang the suite).
func runWithin(t *testing.T, d time.Duration, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb lockedBuffer
	done := make(chan error, 1)
	go func() { done <- Run(ctx, args, strings.NewReader(""), &out, &errb) }()
	select {
	case err = <-done:
	case <-time.After(d):
		t.Fatalf("policykg %s did not end within %v\nstdout %s\nstderr %s", strings.Join(args, " "), d, out.String(), errb.String())
	}
	return out.String(), errb.String(), err
}

func keys[V any](m map[ontology.DocumentID]V) []ontology.DocumentID {
	var out []ontology.DocumentID
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
