// Package corpus finds the documents to build: it walks files and folders,
// reads each folder's optional manifest.tsv for titles, publishers, dates and
// source addresses, and names each document with a stable DocumentID.
package corpus

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// ManifestName is the file in a folder that describes its documents.
const ManifestName = "manifest.tsv"

// Exts are the file endings taken from folders; files named explicitly are
// taken whatever their ending.
var Exts = []string{".txt", ".text", ".md", ".html", ".htm"}

// Item is one document to build, or the error that stopped it being read.
type Item struct {
	Doc  ontology.Document
	Text []byte
	Err  error // names the file; Text is nil when set
}

// Find lists the document files under the given paths, in order: files as
// given, folders walked recursively and sorted. An unreadable path is
// returned as an Item with Err set, so a batch can report it and go on.
func Find(paths []string) []Item {
	var out []Item
	seen := map[string]bool{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			out = append(out, Item{Doc: ontology.Document{Path: p}, Err: fmt.Errorf("read %s: %w", p, unwrapPath(err))})
			continue
		}
		if !info.IsDir() {
			if !seen[p] {
				seen[p] = true
				out = append(out, Item{Doc: ontology.Document{Path: p}})
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, Item{Doc: ontology.Document{Path: path}, Err: fmt.Errorf("read %s: %w", path, unwrapPath(err))})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !takes(d.Name()) || seen[path] {
				return nil
			}
			seen[path] = true
			out = append(out, Item{Doc: ontology.Document{Path: path}})
			return nil
		})
		if err != nil {
			out = append(out, Item{Doc: ontology.Document{Path: p}, Err: fmt.Errorf("read %s: %w", p, err)})
		}
	}
	return out
}

func takes(name string) bool {
	if name == ManifestName || strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Exts {
		if ext == e {
			return true
		}
	}
	return false
}

// unwrapPath drops the *PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// MaxSize is the largest document Load reads, in bytes. Policy texts are
// tens of kilobytes; a file of many megabytes is almost surely not one.
var MaxSize int64 = 32 << 20

// Errors of Load, wrapped with the file's name.
var (
	ErrTooLarge    = errors.New("too large")
	ErrUnsupported = errors.New("unsupported format")
)

// Load reads the item's file and fills in its ID, hash and manifest data.
// HTML pages are reduced to their visible text; PDFs, office files and
// files over MaxSize are refused with an error naming the file.
func Load(it Item, manifests *Manifests) Item {
	if it.Err != nil {
		return it
	}
	text, err := readFile(it.Doc.Path)
	if err != nil {
		it.Err = err
		return it
	}
	sum := sha256.Sum256(text)
	it.Doc.Hash = hex.EncodeToString(sum[:])
	it.Doc.ID = DocumentID(it.Doc.Path)
	if err := manifests.Fill(&it.Doc); err != nil {
		it.Err = err
		return it
	}
	if looksLikeHTML(it.Doc.Path, text) {
		text = HTMLText(text)
	}
	it.Text = text
	return it
}

// readFile reads a document, refusing what is too large or not text.
func readFile(path string) ([]byte, error) {
	// Look before opening: opening a FIFO blocks until a writer comes, and
	// a device may never end.
	if info, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: %w: not a regular file", path, ErrUnsupported)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: %w: not a regular file", path, ErrUnsupported)
	}
	if info.Size() > MaxSize {
		return nil, fmt.Errorf("read %s: %w: %d MB, the limit is %d MB", path, ErrTooLarge, info.Size()>>20, MaxSize>>20)
	}
	text, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if int64(len(text)) > MaxSize {
		return nil, fmt.Errorf("read %s: %w: more than %d MB", path, ErrTooLarge, MaxSize>>20)
	}
	if kind := binaryKind(text); kind != "" {
		return nil, fmt.Errorf("read %s: %w: %s; convert it to text first", path, ErrUnsupported, kind)
	}
	return text, nil
}

// binaryKind names the format of a file that is a known binary document.
func binaryKind(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "a PDF file"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "a ZIP archive (DOCX, XLSX or similar)"
	case bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0")):
		return "an old Office document"
	case bytes.HasPrefix(b, []byte("{\\rtf")):
		return "an RTF file"
	}
	return ""
}

// DocumentID names the document at path: its file stem, or for a file named
// doc.txt (the gold-set layout) the name of its folder.
func DocumentID(path string) ontology.DocumentID {
	base := filepath.Base(path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if stem == "doc" {
		if dir := filepath.Base(filepath.Dir(path)); dir != "." && dir != "/" {
			stem = dir
		}
	}
	return ontology.DocumentID(ontology.Slug(stem))
}

// Manifests caches the manifest of each folder.
type Manifests struct {
	byDir map[string]map[string]ontology.Document
}

// Fill copies the manifest's metadata for doc, if its folder has a manifest.
func (m *Manifests) Fill(doc *ontology.Document) error {
	if m.byDir == nil {
		m.byDir = map[string]map[string]ontology.Document{}
	}
	dir := filepath.Dir(doc.Path)
	entries, ok := m.byDir[dir]
	if !ok {
		var err error
		entries, err = ReadManifest(filepath.Join(dir, ManifestName))
		if err != nil {
			return err
		}
		m.byDir[dir] = entries
	}
	if e, ok := entries[filepath.Base(doc.Path)]; ok {
		doc.Title, doc.Publisher, doc.Date, doc.URL = e.Title, e.Publisher, e.Date, e.URL
	}
	return nil
}

// ReadManifest reads a manifest.tsv: a header line naming the columns
// (file, title, publisher, date, url, in any order; file is required), then
// one line per document. Lines starting with '#' are comments. A missing
// manifest is no error.
func ReadManifest(path string) (map[string]ontology.Document, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]ontology.Document{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	out := map[string]ontology.Document{}
	var cols []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if cols == nil {
			cols = fields
			if !containsString(cols, "file") {
				return nil, fmt.Errorf("read manifest %s:%d: header has no 'file' column", path, n)
			}
			continue
		}
		var d ontology.Document
		var file string
		for i, c := range cols {
			if i >= len(fields) {
				break
			}
			v := strings.TrimSpace(fields[i])
			switch c {
			case "file":
				file = v
			case "title":
				d.Title = v
			case "publisher":
				d.Publisher = v
			case "date":
				d.Date = v
			case "url":
				d.URL = v
			}
		}
		if file == "" {
			return nil, fmt.Errorf("read manifest %s:%d: empty file name", path, n)
		}
		out[file] = d
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", path, err)
	}
	return out, nil
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// MarkRepeats sets Err on every item whose document ID (see DocumentID) is
// also that of a later item: a store holds one document per ID, so of
// files that share a name only the last in the corpus can be stored. The
// earlier ones are reported rather than let the store hold whichever a
// build wrote last.
func MarkRepeats(items []Item) {
	last := map[ontology.DocumentID]int{}
	for i, it := range items {
		if it.Err == nil {
			last[DocumentID(it.Doc.Path)] = i
		}
	}
	for i := range items {
		it := &items[i]
		if it.Err != nil {
			continue
		}
		id := DocumentID(it.Doc.Path)
		if j := last[id]; j != i {
			it.Err = fmt.Errorf("read %s: document ID %s is also that of %s, later in the corpus, which is built instead (rename one to keep both)",
				it.Doc.Path, id, items[j].Doc.Path)
		}
	}
}
