package ontology

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EntityID is the slug that names an entity: "caofeidian", "tangshan".
type EntityID string

// DocumentID names a document: the folder or file stem it came from.
type DocumentID string

// Entity is a thing the text names.
type Entity struct {
	ID      EntityID
	Name    string // canonical short name: "Caofeidian"
	Type    EntityType
	Aliases []string // other surface forms: "Caofeidian district"
	// Code is the GB/T 2260 code when the entity came from the gazetteer.
	Code string
}

// Evidence says where a fact came from.
type Evidence struct {
	Document DocumentID
	// Sentence is the 1-based index of the sentence in the cleaned document;
	// 0 means the fact came from a reference source, not a sentence.
	Sentence int
	Text     string // the sentence text, or the source's name
	Rule     string // the extractor rule or source that produced the fact
}

// Fact is one relation between two entities with its evidence.
type Fact struct {
	Subject   EntityID
	Predicate Predicate
	Object    EntityID
	Evidence  Evidence
}

// Metric is a figure the text attaches to an entity.
type Metric struct {
	Subject  EntityID
	Value    float64 // scaled: "177 billion yuan" is 177e9
	Unit     string  // "yuan", "projects", "percent"
	Year     int     // 0 when the text gives none
	Text     string  // the figure as written: "177 billion yuan"
	Evidence Evidence
}

// Mention records that a sentence names an entity.
type Mention struct {
	Entity   EntityID
	Surface  string
	Evidence Evidence
}

// Document is a source text and its metadata.
type Document struct {
	ID        DocumentID
	Path      string
	Title     string
	Publisher string
	Date      string
	URL       string
	// Hash is the hex SHA-256 of the document's bytes.
	Hash string
}

// Extraction is everything read from one document.
type Extraction struct {
	Document  Document
	Sentences []string // cleaned sentences; Evidence.Sentence indexes this from 1
	Entities  []Entity
	Facts     []Fact
	Metrics   []Metric
	Mentions  []Mention
	// Rejected lists proposals that failed validation, with the reason.
	Rejected []Rejection
}

// Rejection is a proposed fact that failed validation.
type Rejection struct {
	Fact   Fact
	Reason error
}

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid")

// Validate checks f against its predicate's domain and range, given the
// types of its subject and object.
func Validate(f Fact, subject, object EntityType) error {
	info, ok := predicateIndex[f.Predicate]
	if !ok {
		return fmt.Errorf("%w: unknown predicate %q", ErrInvalid, f.Predicate)
	}
	if f.Subject == "" || f.Object == "" {
		return fmt.Errorf("%w: %s with an empty end", ErrInvalid, f.Predicate)
	}
	if f.Subject == f.Object {
		return fmt.Errorf("%w: %s %s %s links an entity to itself", ErrInvalid, f.Subject, f.Predicate, f.Object)
	}
	if !contains(info.Domain, subject) {
		return fmt.Errorf("%w: %s %s %s: subject type %s is outside the domain of %s",
			ErrInvalid, f.Subject, f.Predicate, f.Object, subject, f.Predicate)
	}
	if !contains(info.Range, object) {
		return fmt.Errorf("%w: %s %s %s: object type %s is outside the range of %s",
			ErrInvalid, f.Subject, f.Predicate, f.Object, object, f.Predicate)
	}
	return nil
}

// Slug turns a name into an EntityID: lower case ASCII letters and digits
// joined by '-', apostrophes dropped ("Xiong'an New Area" -> "xiongan-new-area").
func Slug(name string) EntityID {
	var b strings.Builder
	dash := false
	for _, r := range foldASCII(name) {
		switch {
		case r == '\'' || r == '\u2019':
			continue
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return EntityID(b.String())
}

// foldASCII replaces the accented letters of pinyin with plain ones.
func foldASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return pinyinFolder.Replace(s)
		}
	}
	return s
}

var pinyinFolder = strings.NewReplacer("ü", "u", "Ü", "U", "ā", "a", "á", "a", "ǎ", "a", "à", "a",
	"ē", "e", "é", "e", "ě", "e", "è", "e", "ī", "i", "í", "i", "ǐ", "i", "ì", "i",
	"ō", "o", "ó", "o", "ǒ", "o", "ò", "o", "ū", "u", "ú", "u", "ǔ", "u", "ù", "u")
