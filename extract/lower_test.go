package extract

import (
	"strings"
	"testing"
)

// TestAppendLowerASCII checks the eight-bytes-at-a-time lower-casing
// against a byte-by-byte one on every byte value, in every position of a
// word, and on text with multi-byte runes.
func TestAppendLowerASCII(t *testing.T) {
	byByte := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	var cases []string
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 9; pos++ {
			b := []byte(strings.Repeat("Q", 9))
			b[pos] = byte(c)
			cases = append(cases, string(b))
		}
	}
	cases = append(cases, "", "A", "Zhang Chengzhong of HEBEI", "Ürümqi ÀÉ Beijing-Tianjin-Hebei @[`{", "\xff\xfeAZaz09")
	for _, s := range cases {
		if got, want := string(appendLowerASCII([]byte("Pre"), s)), "Pre"+byByte(s); got != want {
			t.Errorf("appendLowerASCII(%q) = %q, want %q", s, got, want)
		}
	}
}
