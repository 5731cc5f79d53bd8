// Package eval reads and writes the evaluation contract's gold format and
// scores extractions against gold by the contract's rules: names compared
// after case folding and removing spaces, punctuation and symbols, and
// through the gold aliases; each gold item matched at most once.
package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/policykg/policykg/ontology"
)

// Entity is a row of entities.tsv.
type Entity struct {
	Name    string
	Type    ontology.EntityType
	Aliases []string
}

// Relation is a row of relations.tsv.
type Relation struct {
	Subject   string
	Predicate ontology.Predicate
	Object    string
	Evidence  string
}

// Metric is a row of metrics.tsv.
type Metric struct {
	Subject  string
	Value    float64
	Unit     string
	Year     string
	Evidence string
}

// Set is one document's annotations, gold or system.
type Set struct {
	Name      string
	Entities  []Entity
	Relations []Relation
	Metrics   []Metric
}

// ReadGold reads a gold folder: entities.tsv, relations.tsv and metrics.tsv.
func ReadGold(dir string) (Set, error) {
	s := Set{Name: filepath.Base(dir)}
	err := readTSV(filepath.Join(dir, "entities.tsv"), 1, func(f []string) error {
		e := Entity{Name: f[0]}
		if len(f) > 1 {
			e.Type = ontology.EntityType(f[1])
		}
		if len(f) > 2 && f[2] != "" {
			e.Aliases = strings.Split(f[2], "|")
		}
		s.Entities = append(s.Entities, e)
		return nil
	})
	if err != nil {
		return s, err
	}
	err = readTSV(filepath.Join(dir, "relations.tsv"), 3, func(f []string) error {
		r := Relation{Subject: f[0], Predicate: ontology.Predicate(f[1]), Object: f[2]}
		if len(f) > 3 {
			r.Evidence = f[3]
		}
		s.Relations = append(s.Relations, r)
		return nil
	})
	if err != nil {
		return s, err
	}
	err = readTSV(filepath.Join(dir, "metrics.tsv"), 3, func(f []string) error {
		v, err := strconv.ParseFloat(strings.ReplaceAll(f[1], ",", ""), 64)
		if err != nil {
			return fmt.Errorf("value %q: %w", f[1], err)
		}
		m := Metric{Subject: f[0], Value: v, Unit: f[2]}
		if len(f) > 3 {
			m.Year = f[3]
		}
		if len(f) > 4 {
			m.Evidence = f[4]
		}
		s.Metrics = append(s.Metrics, m)
		return nil
	})
	return s, err
}

func readTSV(path string, minFields int, row func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read gold %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < minFields {
			return fmt.Errorf("read gold %s:%d: %d fields, want at least %d", path, n, len(fields), minFields)
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("read gold %s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read gold %s: %w", path, err)
	}
	return nil
}

// FromExtraction turns an extraction into contract rows: only what was read
// from the text (sentence > 0), not the gazetteer's hierarchy.
func FromExtraction(x ontology.Extraction) Set {
	s := Set{Name: string(x.Document.ID)}
	names := map[ontology.EntityID]string{}
	text := strings.Join(x.Sentences, "\n")
	for _, e := range x.Entities {
		names[e.ID] = contractName(e, text)
	}
	textual := map[ontology.EntityID]bool{}
	for _, m := range x.Mentions {
		if m.Evidence.Sentence > 0 {
			textual[m.Entity] = true
		}
	}
	seenRel := map[string]bool{}
	for _, f := range x.Facts {
		if f.Evidence.Sentence <= 0 {
			continue
		}
		textual[f.Subject], textual[f.Object] = true, true
		key := string(f.Subject) + "\t" + string(f.Predicate) + "\t" + string(f.Object)
		if seenRel[key] {
			continue
		}
		seenRel[key] = true
		s.Relations = append(s.Relations, Relation{names[f.Subject], f.Predicate, names[f.Object], f.Evidence.Text})
	}
	seenMet := map[string]bool{}
	for _, m := range x.Metrics {
		textual[m.Subject] = true
		key := fmt.Sprintf("%s\t%g\t%s", m.Subject, m.Value, m.Unit)
		if seenMet[key] {
			continue
		}
		seenMet[key] = true
		year := ""
		if m.Year > 0 {
			year = strconv.Itoa(m.Year)
		}
		s.Metrics = append(s.Metrics, Metric{names[m.Subject], m.Value, m.Unit, year, m.Evidence.Text})
	}
	for _, e := range x.Entities {
		if textual[e.ID] {
			s.Entities = append(s.Entities, Entity{names[e.ID], e.Type, e.Aliases})
		}
	}
	return s
}

// contractName is the name the contract output gives an entity: its
// canonical name, except for a zone, new area, port or airport whose
// official name (from the gazetteer) the text never uses; then the name
// the text uses, as an annotator reading the text would write it. A
// division the text spells otherwise than the gazetteer ("Khorgos" for
// Horgos, "Kinmen" for Jinmen) takes the text's spelling the same way.
func contractName(e ontology.Entity, text string) string {
	minWords := 2
	switch e.Type {
	case ontology.Zone, ontology.NewArea, ontology.Port, ontology.Airport:
	case ontology.Province, ontology.City, ontology.District, ontology.County:
		minWords = 1
	default:
		return e.Name
	}
	if e.Code == "" || len(e.Aliases) == 0 || strings.Contains(text, e.Name) {
		return e.Name
	}
	for _, a := range e.Aliases {
		if len(strings.Fields(a)) >= minWords && strings.Contains(text, a) {
			return a
		}
	}
	return e.Name
}

// Write writes s as entities.tsv, relations.tsv and metrics.tsv in dir.
func Write(dir string, s Set) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write contract %s: %w", dir, err)
	}
	files := []struct {
		name string
		fill func(io.Writer)
	}{
		{"entities.tsv", func(w io.Writer) { WriteEntities(w, s.Entities) }},
		{"relations.tsv", func(w io.Writer) { WriteRelations(w, s.Relations) }},
		{"metrics.tsv", func(w io.Writer) { WriteMetrics(w, s.Metrics) }},
	}
	for _, f := range files {
		var b strings.Builder
		f.fill(&b)
		if err := os.WriteFile(filepath.Join(dir, f.name), []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("write contract %s: %w", f.name, err)
		}
	}
	return nil
}

// clean keeps tabs and newlines out of a field.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// WriteEntities writes entities.tsv rows with the contract's header.
func WriteEntities(w io.Writer, es []Entity) {
	fmt.Fprintln(w, "# canonical\ttype\taliases ('|'-separated)")
	for _, e := range es {
		al := make([]string, len(e.Aliases))
		for i, a := range e.Aliases {
			al[i] = clean(strings.ReplaceAll(a, "|", "/"))
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", clean(e.Name), e.Type, strings.Join(al, "|"))
	}
}

// WriteRelations writes relations.tsv rows with the contract's header.
func WriteRelations(w io.Writer, rs []Relation) {
	fmt.Fprintln(w, "# subject\tpredicate\tobject\tevidence")
	for _, r := range rs {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", clean(r.Subject), r.Predicate, clean(r.Object), clean(r.Evidence))
	}
}

// WriteMetrics writes metrics.tsv rows with the contract's header.
func WriteMetrics(w io.Writer, ms []Metric) {
	fmt.Fprintln(w, "# subject\tvalue\tunit\tyear\tevidence")
	for _, m := range ms {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", clean(m.Subject), strconv.FormatFloat(m.Value, 'f', -1, 64),
			clean(m.Unit), m.Year, clean(m.Evidence))
	}
}

// Norm is the contract's name key: case folded, without whitespace,
// punctuation or symbols.
func Norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// GoldDirs expands arguments into gold folders: a folder holding
// entities.tsv is one; otherwise its subfolders that hold one are.
func GoldDirs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if _, err := os.Stat(filepath.Join(a, "entities.tsv")); err == nil {
			out = append(out, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, fmt.Errorf("read gold folder %s: %w", a, err)
		}
		n := 0
		for _, e := range entries {
			d := filepath.Join(a, e.Name())
			if _, err := os.Stat(filepath.Join(d, "entities.tsv")); e.IsDir() && err == nil {
				out = append(out, d)
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("read gold folder %s: no entities.tsv in it or its subfolders", a)
		}
	}
	sort.Strings(out)
	return out, nil
}
