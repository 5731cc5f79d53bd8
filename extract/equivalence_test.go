package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/policykg/policykg/ontology"
)

// updateEquivalence rewrites the golden files of TestEquivalence from the
// current code: go test ./extract/ -run TestEquivalence -update
var updateEquivalence = flag.Bool("update", false, "rewrite extract/testdata/equivalence/*.golden from the current extractor")

// equivalenceDir holds one golden file per input of TestEquivalence.
const equivalenceDir = "testdata/equivalence"

// maxGoldenBytes is the largest output stored in full; larger outputs are
// stored as their digest to keep the repository small.
const maxGoldenBytes = 200 << 10

// equivalenceCase is one input of TestEquivalence.
type equivalenceCase struct {
	name string // golden file name without extension
	text []byte
	// digest stores only the SHA-256 of the serialised extraction, for
	// inputs whose full output would make a golden file too large.
	digest bool
}

// TestEquivalence pins the extractor's complete output, byte for byte, on
// every document the repository holds and on hand-made edge cases, so that
// changes made for speed can be shown to change nothing.
func TestEquivalence(t *testing.T) {
	x := mustNew(t)
	cases := equivalenceCases(t)
	if *updateEquivalence {
		if err := os.MkdirAll(equivalenceDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := serialiseExtraction(t, x, c)
			path := filepath.Join(equivalenceDir, c.name+".golden")
			if *updateEquivalence {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden %s (run with -update at a trusted commit): %v", path, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output of %s differs from %s at byte %d:\n%s", c.name, path, firstDiff(got, want), diffContext(got, want))
			}
		})
	}
}

// equivalenceCases gathers the inputs: every doc.txt under the dev and
// held-out sets, every seed, variants of them that stress case and
// whitespace handling, all of them concatenated, the benchmark text, and
// edge cases.
func equivalenceCases(t *testing.T) []equivalenceCase {
	t.Helper()
	var cases []equivalenceCase
	var docs [][]byte
	for _, set := range []string{"dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"} {
		paths, err := filepath.Glob(filepath.Join("..", "testdata", set, "*", "doc.txt"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(paths)
		for _, p := range paths {
			text := mustRead(t, p)
			docs = append(docs, text)
			cases = append(cases, equivalenceCase{name: set + "-" + filepath.Base(filepath.Dir(p)), text: text})
		}
	}
	seeds, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(seeds)
	for _, p := range seeds {
		text := mustRead(t, p)
		docs = append(docs, text)
		cases = append(cases, equivalenceCase{name: "seed-" + strings.TrimSuffix(filepath.Base(p), ".txt"), text: text})
	}
	if len(docs) == 0 {
		t.Fatal("no documents found for the equivalence test")
	}
	joined := bytes.Join(docs, []byte("\n\n"))
	cases = append(cases,
		equivalenceCase{name: "variant-all-joined", text: joined},
		equivalenceCase{name: "variant-all-lower", text: bytes.ToLower(joined)},
		equivalenceCase{name: "variant-all-upper", text: bytes.ToUpper(joined)},
		equivalenceCase{name: "variant-all-oneline", text: bytes.Join(bytes.Fields(joined), []byte(" "))},
		equivalenceCase{name: "variant-all-crlf", text: bytes.ReplaceAll(joined, []byte("\n"), []byte("\r\n\t "))},
		equivalenceCase{name: "bench-text", text: benchText(t), digest: true},
		equivalenceCase{name: "variant-all-reversed", text: reverseParagraphs(joined)},
		equivalenceCase{name: "variant-all-titlecase", text: capitaliseEveryThird(joined)},
		equivalenceCase{name: "variant-all-spacing", text: respace(joined)},
		equivalenceCase{name: "variant-all-unicode", text: unicodeCase(joined)},
	)
	for i, s := range equivalenceEdgeCases {
		cases = append(cases, equivalenceCase{name: fmt.Sprintf("edge-%02d", i), text: []byte(s)})
	}
	return cases
}

// reverseParagraphs puts the paragraphs of b in reverse order, so that
// names and coreference meet different histories.
func reverseParagraphs(b []byte) []byte {
	ps := bytes.Split(b, []byte("\n"))
	for i, j := 0, len(ps)-1; i < j; i, j = i+1, j-1 {
		ps[i], ps[j] = ps[j], ps[i]
	}
	return bytes.Join(ps, []byte("\n"))
}

// capitaliseEveryThird upper-cases the first letter of every third word.
func capitaliseEveryThird(b []byte) []byte {
	out := make([]byte, 0, len(b))
	word := 0
	for i, c := range b {
		if 'a' <= c && c <= 'z' && (i == 0 || b[i-1] == ' ') {
			word++
			if word%3 == 0 {
				c -= 'a' - 'A'
			}
		}
		out = append(out, c)
	}
	return out
}

// respace doubles every fifth space, turns every seventh into a no-break
// space and every eleventh into a tab.
func respace(b []byte) []byte {
	var out []byte
	n := 0
	for _, c := range b {
		if c != ' ' {
			out = append(out, c)
			continue
		}
		n++
		switch {
		case n%11 == 0:
			out = append(out, '\t')
		case n%7 == 0:
			out = append(out, "\u00a0"...)
		case n%5 == 0:
			out = append(out, "  "...)
		default:
			out = append(out, ' ')
		}
	}
	return out
}

// unicodeCase swaps in letters whose case mappings leave ASCII: dotted
// capital I (lower-cases to i), the Kelvin sign (to k), long s (upper-cases
// to S) and accented capitals, in every fourth word they fit.
func unicodeCase(b []byte) []byte {
	s := string(b)
	var out strings.Builder
	word := 0
	for i, r := range s {
		if i == 0 || s[i-1] == ' ' {
			word++
		}
		if word%4 == 0 {
			switch r {
			case 'I', 'i':
				out.WriteRune('\u0130')
				continue
			case 'K', 'k':
				out.WriteRune('\u212a')
				continue
			case 's':
				out.WriteRune('\u017f')
				continue
			case 'E':
				out.WriteRune('\u00c9')
				continue
			}
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}

// equivalenceEdgeCases are small hand-made inputs, including the ones that
// Extract rejects (their golden holds the error text).
var equivalenceEdgeCases = []string{
	"",
	"   \n\t  ",
	"a\x00b",
	"\xff\xfe",
	".",
	"Hebei.",
	"hebei",
	"HEBEI",
	"Caofeidian is part of Tangshan, which is part of Hebei.",
	"Beijing's non-capital functions moved to Xiong'an New Area in 2023, with 177 billion yuan invested in 1,200 projects.",
	"In 2024, GDP of Guangdong grew 5.1 percent to 14.16 trillion yuan; Shenzhen and Guangzhou worked together.",
	"Mr. Wang Jun, governor of Hebei Province, said: \"We will implement the plan.\" He added that Tianjin and Beijing cooperate.",
	"Q: What about Hainan?\nA: The Hainan Free Trade Port received 3.5 billion U.S. dollars of foreign investment in 2023.",
	"Title: Notice\nBy: Staff Reporter\n\n1. Hubei\n2. Wuhan\n(a) Yichang\n• Xiangyang",
	"Jing-Jin-Ji, Beijing-Tianjin-Hebei, the Yangtze River Delta and the Guangdong-Hong Kong-Macao Greater Bay Area.",
	"twenty-three projects, one hundred and five billion yuan, 3.2%, 45 per cent, 2,000,000 tonnes, No. 5, 2019-2023.",
	"Hebei Hebei Hebei Tangshan Tangshan.Caofeidian!Caofeidian?  Xiong'an…“Beijing” — ‘Tianjin’",
	"Étude of Ürümqi (Urumqi), Xinjiang Uygur Autonomous Region; Lhasa, Tibet; Hohhot, Inner Mongolia.",
	"It is part of it. They moved there. He said so. She did it. The city grew. The province invested.",
	strings.Repeat("Hebei ", 500),
	strings.Repeat("a", 5000) + " Hebei.",
}

// benchText is the benchmark's input: the seed repeated to about 1 MB.
func benchText(t *testing.T) []byte {
	t.Helper()
	seed := mustRead(t, filepath.Join("..", "testdata", "dev", "scio-hebei-2024-p4", "doc.txt"))
	return bytes.Repeat(append(seed, '\n'), 1<<20/len(seed)+1)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// goldenRejection is a Rejection with its reason as text, since an error
// value has no JSON form of its own.
type goldenRejection struct {
	Fact   ontology.Fact
	Reason string
}

// goldenExtraction is everything Extract returns, in a JSON-friendly form.
type goldenExtraction struct {
	Error      string `json:",omitempty"`
	Extraction ontology.Extraction
	Rejected   []goldenRejection
}

// serialiseExtraction runs Extract on c and returns its whole result as
// indented JSON (or a digest line of it).
func serialiseExtraction(t *testing.T, x *Extractor, c equivalenceCase) []byte {
	ex, err := x.Extract(ontology.Document{ID: ontology.DocumentID("eq-" + c.name), Title: c.name}, c.text)
	var g goldenExtraction
	if err != nil {
		g.Error = err.Error()
	}
	for _, r := range ex.Rejected {
		reason := "<nil>"
		if r.Reason != nil {
			reason = r.Reason.Error()
		}
		g.Rejected = append(g.Rejected, goldenRejection{Fact: r.Fact, Reason: reason})
	}
	ex.Rejected = nil
	g.Extraction = ex
	out, err := json.MarshalIndent(g, "", " ")
	if err != nil {
		// Errorf, not Fatalf: this also runs on other goroutines
		t.Errorf("marshal extraction of %s: %v", c.name, err)
		return []byte("marshal error: " + err.Error())
	}
	out = append(out, '\n')
	if c.digest || len(out) > maxGoldenBytes {
		sum := sha256.Sum256(out)
		return []byte(fmt.Sprintf("sha256 %s bytes %d\n", hex.EncodeToString(sum[:]), len(out)))
	}
	return out
}

func firstDiff(a, b []byte) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// diffContext shows the lines around the first difference of a and b.
func diffContext(got, want []byte) string {
	i := firstDiff(got, want)
	cut := func(b []byte) string {
		lo := max(0, i-300)
		hi := min(len(b), i+300)
		return string(b[lo:hi])
	}
	return "got:\n" + cut(got) + "\nwant:\n" + cut(want)
}

// TestEquivalenceConcurrent runs one Extractor on all the small inputs from
// several goroutines at once; each output must still equal its golden file
// (under -race this also shows Extract shares no scratch state).
func TestEquivalenceConcurrent(t *testing.T) {
	if *updateEquivalence {
		t.Skip("goldens are being rewritten")
	}
	x := mustNew(t)
	var small []equivalenceCase
	for _, c := range equivalenceCases(t) {
		if !c.digest && len(c.text) < 64<<10 {
			small = append(small, c)
		}
	}
	const workers = 4
	errs := make(chan string, workers*len(small))
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func(w int) {
			defer func() { done <- struct{}{} }()
			for i := range small {
				c := small[(i+w)%len(small)]
				want, err := os.ReadFile(filepath.Join(equivalenceDir, c.name+".golden"))
				if err != nil {
					errs <- err.Error()
					continue
				}
				if got := serialiseExtraction(t, x, c); !bytes.Equal(got, want) {
					errs <- "concurrent output of " + c.name + " differs from its golden file"
				}
			}
		}(w)
	}
	for w := 0; w < workers; w++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
