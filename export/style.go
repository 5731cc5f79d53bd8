package export

import "github.com/policykg/policykg/ontology"

// style is how the nodes of one entity type are drawn.
type style struct {
	shape, fill, pen string
	extra            string // further node attributes, already in DOT form
}

// styles gives each entity type a shape and colour; places are warm,
// administrative levels blue to green by level, actors and ideas grey and
// orange. Every type has an entry, so the legend covers them all.
var styles = map[ontology.EntityType]style{
	ontology.Country:      {"doubleoctagon", "#f8d7da", "#a94452", ""},
	ontology.Province:     {"box", "#cfe2f3", "#3d6fa3", `style="filled,rounded,bold"`},
	ontology.Municipality: {"box", "#b4d3ee", "#2f5f91", `style="filled,rounded,bold"`},
	ontology.City:         {"box", "#d9ead3", "#4d8a3c", `style="filled,rounded"`},
	ontology.District:     {"ellipse", "#fff2cc", "#b08a1e", ""},
	ontology.County:       {"ellipse", "#fce5cd", "#b46a1f", ""},
	ontology.NewArea:      {"hexagon", "#ead1dc", "#8e3d66", ""},
	ontology.Zone:         {"house", "#e2dcf5", "#5c4a9e", ""},
	ontology.Region:       {"tab", "#eeeeee", "#666666", ""},
	ontology.Port:         {"invhouse", "#d0ecec", "#2b7a7a", ""},
	ontology.Airport:      {"invtrapezium", "#d0e4ec", "#2b5f7a", ""},
	ontology.River:        {"cds", "#cfe8f7", "#2b6a9a", ""},
	ontology.Organization: {"box3d", "#f3f3f3", "#555555", ""},
	ontology.Person:       {"egg", "#fde9d9", "#9a5a3a", ""},
	ontology.Strategy:     {"parallelogram", "#fbe3b8", "#b5771a", ""},
	ontology.Concept:      {"component", "#f4e1f4", "#7a4a7a", ""},
}

// metricStyle draws figures as small notes.
var metricStyle = style{"note", "#fffbe6", "#a08a3a", `fontsize=9, margin="0.05,0.02"`}

// clusterFill colours the nested boxes of the administrative hierarchy by
// the level of the entity that owns them.
var clusterFill = map[ontology.EntityType]string{
	ontology.Country:      "#fbf3f4",
	ontology.Province:     "#f0f6fc",
	ontology.Municipality: "#ecf3fb",
	ontology.City:         "#f2f8ef",
	ontology.NewArea:      "#f8eff3",
	ontology.District:     "#fffbee",
	ontology.County:       "#fff7ef",
}

// adminLevel ranks the administrative types from the top: a node nests in
// the box of a part_of target with a smaller level. Country is left out on
// purpose: one box around everything says nothing.
var adminLevel = map[ontology.EntityType]int{
	ontology.Province:     1,
	ontology.Municipality: 1,
	ontology.City:         2,
	ontology.NewArea:      2,
	ontology.District:     3,
	ontology.County:       3,
}

func styleOf(t ontology.EntityType) style {
	if s, ok := styles[t]; ok {
		return s
	}
	return style{"ellipse", "#ffffff", "#555555", ""}
}
