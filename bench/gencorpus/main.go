// Command gencorpus writes a synthetic corpus for benchmarks: documents
// shaped like the State Council Information Office's English releases, in
// the sentence patterns the extractor reads ("X district of Y city", "moved
// from A to B", "A is working with B and C", "X, vice governor of Y
// province", figures with units and years), over the real places of the
// gazetteer, with a manifest.tsv. The same -seed gives the same corpus.
//
//	go run ./bench/gencorpus -n 1000 -out /tmp/corpus-1k
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 1000, "number of documents")
	out := flag.String("out", "", "folder to write (created)")
	seed := flag.Uint64("seed", 1, "random seed")
	gaz := flag.String("gazetteer", "", "gazetteer TSV (code, name_en, level, parent_code, type columns); default: ontology/data/china-divisions.tsv if present, else a small built-in list")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N -out DIR [-seed S] [-gazetteer FILE]")
		os.Exit(2)
	}
	if err := run(*n, *out, *seed, *gaz); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(n int, out string, seed uint64, gazPath string) error {
	places, src, err := loadPlaces(gazPath)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	man, err := os.Create(filepath.Join(out, "manifest.tsv"))
	if err != nil {
		return fmt.Errorf("create manifest: %w", err)
	}
	mw := bufio.NewWriter(man)
	fmt.Fprintln(mw, "file\ttitle\tpublisher\tdate\turl")
	g := &generator{r: rand.New(rand.NewPCG(seed, 0x9e3779b9)), p: places}
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("release-%06d.txt", i)
		title, text := g.document()
		if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		date := fmt.Sprintf("%d-%02d-%02d", 2015+i%10, 1+i%12, 1+i%28)
		fmt.Fprintf(mw, "%s\t%s\tState Council Information Office (synthetic)\t%s\thttps://example.org/pressroom/%d\n", name, title, date, i)
	}
	if err := mw.Flush(); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	if err := man.Close(); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d documents in %s (places from %s)\n", n, out, src)
	return nil
}

// place is one administrative division.
type place struct {
	name, kind string // kind: "province", "city", "district", "county", ...
	parent     *place
	children   []*place
}

// loadPlaces reads the gazetteer into a province > prefecture > county tree.
func loadPlaces(path string) ([]*place, string, error) {
	if path == "" {
		path = filepath.Join("ontology", "data", "china-divisions.tsv")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			ps, err := parseGazetteer(builtin)
			return ps, "the built-in list", err
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("read gazetteer: %w", err)
	}
	ps, err := parseGazetteer(string(data))
	if err != nil {
		return nil, "", fmt.Errorf("read gazetteer %s: %w", path, err)
	}
	return ps, path, nil
}

func parseGazetteer(tsv string) ([]*place, error) {
	lines := strings.Split(strings.TrimSpace(tsv), "\n")
	col := map[string]int{}
	for i, c := range strings.Split(lines[0], "\t") {
		col[c] = i
	}
	for _, c := range []string{"code", "name_en", "level", "parent_code", "type"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("no %q column", c)
		}
	}
	byCode := map[string]*place{}
	var provinces []*place
	type link struct {
		p      *place
		parent string
	}
	var links []link
	for n, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) < len(col) {
			return nil, fmt.Errorf("line %d: %d fields, want %d", n+2, len(f), len(col))
		}
		p := &place{kind: kindOf(f[col["level"]], f[col["type"]])}
		// Names like "Feng County" carry their kind to tell them apart.
		p.name = strings.TrimSuffix(f[col["name_en"]], " "+strings.ToUpper(p.kind[:1])+p.kind[1:])
		byCode[f[col["code"]]] = p
		if f[col["level"]] == "province" {
			provinces = append(provinces, p)
		} else {
			links = append(links, link{p, f[col["parent_code"]]})
		}
	}
	for _, l := range links {
		if parent := byCode[l.parent]; parent != nil {
			l.p.parent = parent
			parent.children = append(parent.children, l.p)
		}
	}
	var out []*place
	for _, p := range provinces {
		if len(p.children) > 0 {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no province with subdivisions")
	}
	return out, nil
}

// kindOf gives the word a release puts after a place's name.
func kindOf(level, typ string) string {
	switch {
	case level == "province" && typ == "municipality":
		return "municipality"
	case level == "province" && typ == "autonomous region":
		return "autonomous region"
	case level == "province":
		return "province"
	case strings.HasSuffix(typ, "city"):
		return "city"
	case strings.Contains(typ, "district"), typ == "new area":
		return "district"
	case strings.Contains(typ, "prefecture"):
		return "prefecture"
	}
	return "county"
}

type generator struct {
	r *rand.Rand
	p []*place
}

func (g *generator) pick(ps []*place) *place { return ps[g.r.IntN(len(ps))] }

func (g *generator) year() int { return 2015 + g.r.IntN(10) }

// figureSentence states a figure about a place with a unit and a year.
func (g *generator) figureSentence(p *place) string {
	y, up := g.year(), g.r.Float64()*20
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("In %d, the GDP of %s %s reached %.1f billion yuan, up %.1f percent year-on-year.", y, p.name, p.kind, 50+g.r.Float64()*900, up)
	case 1:
		return fmt.Sprintf("In %d, %s %s attracted %d projects, up %.1f percent.", y, p.name, p.kind, 3+g.r.IntN(300), up)
	}
	return fmt.Sprintf("Cargo throughput at %s %s reached %d million tonnes in %d.", p.name, p.kind, 1+g.r.IntN(900), y)
}

// figure is an amount with a unit, written as releases write them.
func (g *generator) figure() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%.1f billion yuan", 1+g.r.Float64()*400)
	case 1:
		return fmt.Sprintf("%d million tonnes", 1+g.r.IntN(900))
	case 2:
		return fmt.Sprintf("%d projects", 3+g.r.IntN(300))
	}
	return fmt.Sprintf("%.2f million square meters", g.r.Float64()*50)
}

var (
	surnames = []string{"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"}
	given    = []string{"Wei", "Fang", "Jun", "Min", "Jing", "Lei", "Qiang", "Yan", "Hong", "Ping", "Chengzhong", "Zhengpu"}
	topics   = []string{"green development", "advanced manufacturing", "port logistics", "the digital economy", "rural revitalization", "new energy vehicles", "ecological protection", "biomedicine"}
)

func (g *generator) person() string {
	return surnames[g.r.IntN(len(surnames))] + " " + given[g.r.IntN(len(given))]
}

// document writes one release about a province and a few of its places.
func (g *generator) document() (title, text string) {
	prov := g.pick(g.p)
	other := g.pick(g.p)
	topic := topics[g.r.IntN(len(topics))]
	var b strings.Builder
	title = fmt.Sprintf("Press conference on %s in %s", topic, prov.name)
	fmt.Fprintf(&b, "%s\n\nThe State Council Information Office held a press conference in Beijing on %s in %s.\n\n",
		title, topic, prov.name)
	official := g.person()
	fmt.Fprintf(&b, "%s:\n\nThank you. %s, vice governor of %s %s, will answer this question.\n\n%s:\n\n",
		g.person(), official, prov.name, prov.kind, official)
	for range 3 + g.r.IntN(4) {
		g.paragraph(&b, prov, other, topic)
	}
	fmt.Fprintf(&b, "Thank you.\n")
	return title, b.String()
}

func (g *generator) paragraph(b *strings.Builder, prov, other *place, topic string) {
	pref := g.pick(prov.children)
	low := pref
	if len(pref.children) > 0 {
		low = g.pick(pref.children)
	}
	var s []string
	if low != pref {
		s = append(s, fmt.Sprintf("%s %s of %s %s has become a hub for %s.", low.name, low.kind, pref.name, pref.kind, topic))
	}
	s = append(s, g.figureSentence(pref))
	dest := g.pick(other.children)
	s = append(s, fmt.Sprintf("Since %d, %d enterprises have moved from %s to %s %s.",
		g.year(), 10+g.r.IntN(500), other.name, dest.name, dest.kind))
	p2 := g.pick(prov.children)
	s = append(s, fmt.Sprintf("%s is working with %s and %s on %s.", prov.name, other.name, p2.name, topic))
	if g.r.IntN(2) == 0 {
		s = append(s, fmt.Sprintf("The total investment in %s reached %s by the end of %d.", low.name, g.figure(), g.year()))
	}
	b.WriteString(strings.Join(s, " "))
	b.WriteString("\n\n")
}

// builtin is a small excerpt of the gazetteer, used when none is found.
const builtin = `code	name_en	level	parent_code	type
110000	Beijing	province		municipality
110105	Chaoyang	county	110000	district
110108	Haidian	county	110000	district
110115	Daxing	county	110000	district
110112	Tongzhou	county	110000	district
120000	Tianjin	province		municipality
120116	Binhai	county	120000	new area
120101	Heping	county	120000	district
130000	Hebei	province		province
130100	Shijiazhuang	prefecture	130000	prefecture-level city
130102	Chang'an	county	130100	district
130200	Tangshan	prefecture	130000	prefecture-level city
130209	Caofeidian	county	130200	district
130202	Lunan	county	130200	district
130600	Baoding	prefecture	130000	prefecture-level city
130629	Rongcheng	county	130600	county
130632	Anxin	county	130600	county
130638	Xiongxian	county	130600	county
131000	Langfang	prefecture	130000	prefecture-level city
131082	Sanhe	county	131000	county-level city
320000	Jiangsu	province		province
320100	Nanjing	prefecture	320000	prefecture-level city
320102	Xuanwu	county	320100	district
320500	Suzhou	prefecture	320000	prefecture-level city
320583	Kunshan	county	320500	county-level city
440000	Guangdong	province		province
440300	Shenzhen	prefecture	440000	prefecture-level city
440305	Nanshan	county	440300	district
440100	Guangzhou	prefecture	440000	prefecture-level city
440115	Nansha	county	440100	district
`
