package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	page := `CHINA SCIO

Home | News | Policies | Interviews

China.org.cnUpdated:  May 24, 2024

Source: Anhui Daily    Updated: 2024-07-16 09:20    Font: A A A

Wu Hao:

Q: How many firms came?

A: SHANGHAI, March 3 -- Many firms came to Hefei. It grew.

<  1  2  3  >

< Previous    Next >

MORE FROM China SCIO

Copyright © Anhui Provincial People's Government. All Rights Reserved.
`
	got := clean(page)
	want := []block{
		{label, "CHINA SCIO"},
		{label, "China.org.cn"},
		{label, "Anhui Daily"},
		{speaker, "Wu Hao"},
		{prose, "How many firms came?"},
		{prose, "Many firms came to Hefei. It grew."},
		{label, "Anhui Provincial People's Government"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("clean:\n got %v\nwant %v", got, want)
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"GDP reached 3.4 trillion yuan. It grew 5.1 percent.",
			[]string{"GDP reached 3.4 trillion yuan.", "It grew 5.1 percent."}},
		{"Mr. Li Wei of Sinotrans Co. Ltd. spoke. He left.",
			[]string{"Mr. Li Wei of Sinotrans Co. Ltd. spoke.", "He left."}},
		{"On Jan. 5 the plan began. J. K. Lin agreed.",
			[]string{"On Jan. 5 the plan began.", "J. K. Lin agreed."}},
		{`"It is one market," he said. "Yes." Then 42 firms moved.`,
			[]string{`"It is one market," he said.`, `"Yes."`, "Then 42 firms moved."}},
		{"Visit China.org.cn for more. No. 3 Road is closed.",
			[]string{"Visit China.org.cn for more.", "No. 3 Road is closed."}},
	}
	for _, tt := range tests {
		if got := splitSentences(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestHasUpdated checks hasUpdated against the lower-cased search it
// stands for, and that no rune but an ASCII one lower-cases to a byte of
// "updated:", which is what makes looking at the bytes enough.
func TestHasUpdated(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := strings.ToLower(string(r)); strings.ContainsAny(l, "updated:") {
			t.Fatalf("%U lower-cases to %q, which holds a byte of \"updated:\"", r, l)
		}
	}
	for _, line := range []string{"Updated: May 24", "China.org.cn UPDATED:", "updated", "Updated : 1", ":updated:",
		"UpDaTeD:", "last updated:2024", "Ｕpdated:", "x:y:Updated:", "", ":"} {
		if got, want := hasUpdated(line), strings.Contains(strings.ToLower(line), "updated:"); got != want {
			t.Errorf("hasUpdated(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestChromeFirstByte checks the lines the first-byte tests of
// chromePrefix and isPagination let through or turn away.
func TestChromeFirstByte(t *testing.T) {
	for _, tt := range []struct {
		line             string
		prefix, paginate bool
	}{
		{"Share this page", true, false}, {"SHARE", true, false}, {"京ICP备 0001", true, false}, {"ㄑ Press Room", true, false},
		{"< 1 2 3 >", false, true}, {"  < Previous Next >", false, true}, {"Page 1 2 >", false, true}, {"… 4 5 >>", false, true},
		{"1 2 3", false, false}, {"Beijing is big", false, false}, {"", false, false}, {"\u3000< 1 >", false, true},
		{"Next >", true, true}, {"Last >>", false, true},
	} {
		if got := chromePrefix(tt.line); got != tt.prefix {
			t.Errorf("chromePrefix(%q) = %v, want %v", tt.line, got, tt.prefix)
		}
		if got := isPagination(tt.line); got != tt.paginate {
			t.Errorf("isPagination(%q) = %v, want %v", tt.line, got, tt.paginate)
		}
	}
}

// TestAtMostFields checks atMostFields against strings.Fields.
func TestAtMostFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a b ", "a\u00a0b\u3000c", "a\tb\nc", "\xff \xfe", "one two three four", "x\u0085y"} {
		for n := 0; n < 5; n++ {
			if got, want := atMostFields(s, n), len(strings.Fields(s)) <= n; got != want {
				t.Errorf("atMostFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
