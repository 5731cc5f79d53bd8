package ontology

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
)

//go:embed data/china-divisions.tsv data/china-special-zones.tsv data/china-stat-zones.tsv
var gazetteerFS embed.FS

// Gazetteer levels of a Division.
const (
	LevelProvince   = "province"
	LevelPrefecture = "prefecture"
	LevelCounty     = "county"
	LevelZone       = "zone" // special zones and statistical zones
)

// GazetteerSource is the name given as evidence for facts read from the gazetteer.
const GazetteerSource = "GB/T 2260 administrative divisions (MCA, 2024-12-31)"

// Division is one administrative division or special zone of the gazetteer.
type Division struct {
	Code     string // GB/T 2260 code, or the special-zone id ("NA19")
	Name     string // short English name: "Tangshan"
	FullName string // "Tangshan City"
	Level    string // LevelProvince, LevelPrefecture, LevelCounty or LevelZone
	Kind     string // finer type: "prefecture-level city", "district", "state-level new area"
	Parent   string // code of the unit directly above; empty for provinces
	Aliases  []string
	Type     EntityType
}

// Gazetteer indexes the embedded administrative divisions of China.
// It is read-only after loading and safe for concurrent use.
type Gazetteer struct {
	units  []Division
	byCode map[string]int
	byName map[string][]int
}

var (
	gazOnce sync.Once
	gaz     *Gazetteer
	gazErr  error
)

// LoadGazetteer parses the embedded gazetteer once and returns it.
func LoadGazetteer() (*Gazetteer, error) {
	gazOnce.Do(func() { gaz, gazErr = parseGazetteer() })
	return gaz, gazErr
}

func parseGazetteer() (*Gazetteer, error) {
	g := &Gazetteer{byCode: map[string]int{}, byName: map[string][]int{}}
	for _, f := range []struct {
		name  string
		parse func([]string) (Division, bool)
	}{
		{"data/china-divisions.tsv", divisionRow},
		{"data/china-special-zones.tsv", specialZoneRow},
		{"data/china-stat-zones.tsv", statZoneRow},
	} {
		if err := g.readTSV(f.name, f.parse); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func (g *Gazetteer) readTSV(name string, parse func([]string) (Division, bool)) error {
	data, err := gazetteerFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("load gazetteer %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 0; sc.Scan(); line++ {
		if line == 0 || sc.Text() == "" {
			continue
		}
		u, ok := parse(strings.Split(sc.Text(), "\t"))
		if !ok {
			return fmt.Errorf("load gazetteer %s:%d: malformed row", name, line+1)
		}
		g.add(u)
	}
	return sc.Err()
}

func (g *Gazetteer) add(u Division) {
	if _, dup := g.byCode[u.Code]; dup {
		return
	}
	i := len(g.units)
	g.units = append(g.units, u)
	g.byCode[u.Code] = i
	seen := map[string]bool{}
	for _, n := range append([]string{u.Name, u.FullName}, u.Aliases...) {
		k := NormName(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		g.byName[k] = append(g.byName[k], i)
	}
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// divisionRow reads code, name_zh, name_en, level, parent_code, name_en_full,
// name_pinyin, type, aliases, ...
func divisionRow(f []string) (Division, bool) {
	if len(f) < 9 {
		return Division{}, false
	}
	u := Division{Code: f[0], Name: f[2], Level: f[3], Parent: f[4], FullName: f[5],
		Kind: f[7], Aliases: splitList(f[8])}
	u.Type = DivisionType(u.Level, u.Kind)
	return u, true
}

// specialZoneRow reads id, name_zh, name_en, kind, approved_year,
// province_codes, host_codes, core_county_codes, aliases, note.
func specialZoneRow(f []string) (Division, bool) {
	if len(f) < 9 {
		return Division{}, false
	}
	hosts := splitList(f[6])
	parent := ""
	if len(hosts) == 1 {
		parent = hosts[0]
	} else if p := splitList(f[5]); len(p) == 1 {
		parent = p[0]
	}
	u := Division{Code: f[0], Name: f[2], FullName: f[2], Level: LevelZone, Kind: f[3],
		Parent: parent, Aliases: splitList(f[8])}
	u.Type = DivisionType(u.Level, u.Kind)
	return u, true
}

// statZoneRow reads code, name_zh, name_en, level, parent_code, zone_type, aliases.
func statZoneRow(f []string) (Division, bool) {
	if len(f) < 7 {
		return Division{}, false
	}
	u := Division{Code: f[0], Name: f[2], FullName: f[2], Level: LevelZone, Kind: f[5],
		Parent: f[4], Aliases: splitList(f[6])}
	u.Type = DivisionType(u.Level, u.Kind)
	return u, true
}

// DivisionType maps a gazetteer level and finer type to an EntityType.
func DivisionType(level, kind string) EntityType {
	switch kind {
	case "municipality":
		return Municipality
	case "province", "autonomous region", "special administrative region":
		return Province
	case "prefecture-level city", "prefecture", "league", "autonomous prefecture":
		return City
	case "district", "ethnic district", "mining district", "new district", "forestry district",
		"special district", "district (not in MCA list)":
		return District
	case "county", "county-level city", "banner", "autonomous county", "autonomous banner":
		return County
	case "new area", "state-level new area":
		if level == LevelCounty {
			return District // Pudong and Binhai are also county-level districts
		}
		return NewArea
	}
	switch level {
	case LevelProvince:
		return Province
	case LevelPrefecture:
		return City
	case LevelCounty:
		return County
	}
	return Zone
}

// Units returns every unit in file order. The slice must not be modified.
func (g *Gazetteer) Units() []Division { return g.units }

// Division returns the unit with the given code.
func (g *Gazetteer) Division(code string) (Division, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Division{}, false
	}
	return g.units[i], true
}

// Lookup returns every unit whose name, full name or alias is name, after
// NormName. Homonyms give several candidates, ordered province first, then
// prefecture, county and zone, then by code.
func (g *Gazetteer) Lookup(name string) []Division {
	idx := g.byName[NormName(name)]
	out := make([]Division, 0, len(idx))
	for _, i := range idx {
		out = append(out, g.units[i])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := levelRank(out[i].Level), levelRank(out[j].Level); a != b {
			return a < b
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// Ancestors returns the units above code, nearest first.
func (g *Gazetteer) Ancestors(code string) []Division {
	var out []Division
	u, ok := g.Division(code)
	for ok && u.Parent != "" && len(out) < 8 {
		u, ok = g.Division(u.Parent)
		if ok {
			out = append(out, u)
		}
	}
	return out
}

// IsAncestor reports whether the unit anc lies above the unit code.
func (g *Gazetteer) IsAncestor(anc, code string) bool {
	for _, a := range g.Ancestors(code) {
		if a.Code == anc {
			return true
		}
	}
	return false
}

func levelRank(level string) int {
	switch level {
	case LevelProvince:
		return 0
	case LevelPrefecture:
		return 1
	case LevelCounty:
		return 2
	}
	return 3
}

// LevelRank orders levels from the top: province 0, prefecture 1, county 2, zone 3.
func LevelRank(level string) int { return levelRank(level) }

// NormName is the key under which names are compared: lower case, pinyin
// accents folded, curly apostrophes made straight, runs of spaces and
// hyphens collapsed to one space.
func NormName(s string) string {
	s = foldASCII(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '\u2019':
			b.WriteByte('\'')
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '(' || r == ')' || r == '.':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
