package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// noSpace is s without its white space.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// FuzzSplitSentences: the sentence splitter loses and invents no text (its
// sentences, in order, are the paragraph without the spaces between them),
// gives no empty sentence, and cuts no character in two.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{
		"Hebei received 43,000 companies. The figure was 12 times that of 2014.",
		"Mr. Zhang said so. He left at 3 p.m. Then what?",
		`He said: "It works." Then it did! Did it? Yes... 1.5 billion.`,
		"U.S. and U.K. firms. No. 3 was first. e.g. this one.",
		"“Quoted.” Next one. ‘Single.’ Last",
		"A. B. C. D.",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		out := splitSentences(p)
		if got, want := noSpace(strings.Join(out, "")), noSpace(p); got != want {
			t.Fatalf("split %q: text changed:\n got %q\nwant %q", p, got, want)
		}
		for _, s := range out {
			if strings.TrimSpace(s) == "" {
				t.Fatalf("split %q: empty sentence in %q", p, out)
			}
			if utf8.ValidString(p) && !utf8.ValidString(s) {
				t.Fatalf("split %q: sentence %q cuts a character", p, s)
			}
		}
	})
}

// FuzzClean: whatever page text comes in, cleaning gives blocks that are
// trimmed, non-empty, one line each, and valid UTF-8 when the input is.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Home > News\nZhang Chengzhong:\nHebei has grown. It will grow more.\n<  1  2  3 ... >\nMORE FROM CHINA",
		"Updated: 2024-04-10 Source: China Daily\nQ: What next?\nA: More.\n",
		"Editor: Li Wei\n\u00a0\n\t \nCopyright 2024 SCIO. All rights reserved.",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, b := range clean(text) {
			if b.text == "" || b.text != strings.TrimSpace(b.text) || strings.Contains(b.text, "\n") {
				t.Fatalf("clean %q: block %q is empty, untrimmed or not one line", text, b.text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(b.text) {
				t.Fatalf("clean %q: block %q is not valid UTF-8", text, b.text)
			}
		}
	})
}
