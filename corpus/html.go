package corpus

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// looksLikeHTML reports whether text is an HTML page rather than plain text.
func looksLikeHTML(path string, text []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(text[:min(len(text), 512)]))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return true
	}
	lower := strings.ToLower(path)
	return (strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm")) && bytes.HasPrefix(head, []byte("<"))
}

// skipped elements hold no prose a reader sees.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Select: true,
}

// blocks end a line of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Nav: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.Title: true,
}

// HTMLText returns the visible text of an HTML page, one block per
// paragraph, the way a browser's "save as text" would: scripts and styles
// dropped, entities decoded, paragraphs separated by blank lines. Page
// chrome (menus, footers) stays; the extractor's cleaner removes it as it
// does from saved text.
func HTMLText(page []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	depth := 0 // inside skipped elements
	newline := func() {
		b := out.Bytes()
		if len(b) > 0 && !bytes.HasSuffix(b, []byte("\n\n")) {
			if bytes.HasSuffix(b, []byte("\n")) {
				out.WriteByte('\n')
			} else {
				out.WriteString("\n\n")
			}
		}
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return bytes.TrimSpace(out.Bytes())
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] {
				depth++
			}
			if blocks[a] {
				newline()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] && depth > 0 {
				depth--
			}
			if blocks[a] {
				newline()
			}
		case html.TextToken:
			if depth > 0 {
				continue
			}
			text := strings.Join(strings.Fields(string(z.Text())), " ")
			if text == "" {
				continue
			}
			b := out.Bytes()
			if len(b) > 0 && b[len(b)-1] != '\n' && b[len(b)-1] != ' ' {
				out.WriteByte(' ')
			}
			out.WriteString(text)
		}
	}
}
