package ontology

import (
	_ "embed"
	"fmt"
	"strings"
)

// Known is an entity of general knowledge that the gazetteer lacks: regions
// spanning several jurisdictions, the country, national bodies, well-known
// policy concepts, and curated aliases of gazetteer places ("the capital").
type Known struct {
	Name    string
	Type    EntityType
	Aliases []string
	// Code links the entry to a gazetteer unit whose canonical entity it
	// names; the aliases then resolve to that unit.
	Code string
	// Members lists the places that make up a region; a figure given for
	// all of them jointly belongs to the region.
	Members []string
	// Contextual aliases resolve only when the document also names the
	// entity itself or one of its members ("the three regions").
	Contextual []string
}

var knownEntities = []Known{
	{Name: "China", Type: Country, Aliases: []string{"People's Republic of China", "PRC"}},
	{Name: "Beijing", Type: Municipality, Code: "110000", Contextual: []string{"the capital", "the capital city", "the national capital"}},
	{Name: "Xiong'an New Area", Type: NewArea, Code: "NA19", Aliases: []string{"Xiong'an", "Xiongan", "Xiongan New Area"}},
	{Name: "Beijing-Tianjin-Hebei region", Type: Region,
		Aliases:    []string{"Jing-Jin-Ji", "Jing-Jin-Ji region", "Beijing-Tianjin-Hebei", "Beijing-Tianjin-Hebei area"},
		Members:    []string{"Beijing", "Tianjin", "Hebei"},
		Contextual: []string{"the three regions", "the three places"}},
	{Name: "Yangtze River Delta", Type: Region, Aliases: []string{"Yangtze River Delta region", "YRD"},
		Members: []string{"Shanghai", "Jiangsu", "Zhejiang", "Anhui"}},
	{Name: "Guangdong-Hong Kong-Macao Greater Bay Area", Type: Region,
		Aliases:    []string{"Greater Bay Area", "Guangdong-Hong Kong-Macau Greater Bay Area", "GBA"},
		Members:    []string{"Guangdong", "Hong Kong", "Macao"},
		Contextual: []string{"Bay Area"}},
	{Name: "Pearl River Delta", Type: Region, Aliases: []string{"Pearl River Delta region", "PRD"}},
	{Name: "Chengdu-Chongqing economic circle", Type: Region,
		Aliases: []string{"Chengdu-Chongqing Economic Circle", "Chengdu-Chongqing region", "Chengdu-Chongqing twin-city economic circle"},
		Members: []string{"Chengdu", "Chongqing"}},
	{Name: "Bohai Sea region", Type: Region, Aliases: []string{"Bohai Rim", "Bohai Economic Rim", "Bohai Bay region"}},
	{Name: "Northeast China", Type: Region,
		Aliases: []string{"northeast China", "Northeastern China"},
		Members: []string{"Liaoning", "Jilin", "Heilongjiang"}},
	{Name: "central region", Type: Region, Aliases: []string{"Central Region"},
		Members: []string{"Shanxi", "Anhui", "Jiangxi", "Henan", "Hubei", "Hunan"}},
	{Name: "western region", Type: Region, Aliases: []string{"Western Region", "western China", "Western China"}},
	{Name: "Hainan Free Trade Port", Type: Zone, Aliases: []string{"Hainan free trade port", "Hainan FTP"}},
	{Name: "Yangtze River Economic Belt", Type: Region},
	{Name: "Yellow River basin", Type: Region, Aliases: []string{"Yellow River Basin"}},
	{Name: "State Council", Type: Organization, Aliases: []string{"State Council of the People's Republic of China"}},
	{Name: "State Council Information Office", Type: Organization, Aliases: []string{"SCIO", "China SCIO"}},
	{Name: "National Development and Reform Commission", Type: Organization, Aliases: []string{"NDRC"}},
	{Name: "CPC Central Committee", Type: Organization, Aliases: []string{"Communist Party of China Central Committee", "Central Committee of the Communist Party of China"}},
	{Name: "Xinhua", Type: Organization, Aliases: []string{"Xinhua News Agency"}},
	// international bodies Chinese regional policy deals with
	{Name: "Association of Southeast Asian Nations", Type: Organization, Aliases: []string{"ASEAN"}},
	{Name: "Southeast Asia", Type: Region},
	{Name: "Shanghai Cooperation Organization", Type: Organization, Aliases: []string{"SCO", "Shanghai Cooperation Organisation"}},
	{Name: "BRICS", Type: Organization},
	{Name: "European Union", Type: Organization},
	{Name: "United Nations", Type: Organization},
	{Name: "World Trade Organization", Type: Organization, Aliases: []string{"WTO"}},
	{Name: "Asia-Pacific Economic Cooperation", Type: Organization, Aliases: []string{"APEC"}},
	{Name: "Beijing non-capital functions", Type: Concept, Aliases: []string{
		"non-capital functions", "Beijing's non-capital functions",
		"functions nonessential to its role as the capital",
		"functions nonessential to its role as the capital city",
		"functions nonessential to its role as the national capital",
		"functions nonessential to the capital",
		"functions non-essential to its role as the capital",
		"functions that are not essential to its role as the capital",
		"functions that are not essential to its role as the national capital",
		"functions relieved from Beijing"}},
	{Name: "new quality productive forces", Type: Concept},
	{Name: "Belt and Road Initiative", Type: Strategy, Aliases: []string{"Belt and Road", "BRI"}},
}

//go:embed data/countries.tsv
var countriesTSV string

// knownAll is knownEntities followed by the countries of countriesTSV.
var knownAll = append(knownEntities[:len(knownEntities):len(knownEntities)], parseCountries(countriesTSV)...)

// parseCountries reads lines of a canonical name and '|'-separated aliases,
// tab-separated; '#' starts a comment line. The file is embedded, so a
// malformed line is a bug of this package and panics at start-up (a test
// loads it).
func parseCountries(tsv string) []Known {
	var out []Known
	for n, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, aliases, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(name) != name || name == "" {
			panic(fmt.Sprintf("ontology: data/countries.tsv line %d: want a name, a tab and aliases, got %q", n+1, line))
		}
		k := Known{Name: name, Type: Country}
		if aliases != "" {
			k.Aliases = strings.Split(aliases, "|")
		}
		out = append(out, k)
	}
	return out
}

// KnownEntities returns the curated entities in a stable order: regions,
// bodies and concepts, then the countries other than China. The slice and
// its entries must not be modified.
func KnownEntities() []Known { return knownAll }
