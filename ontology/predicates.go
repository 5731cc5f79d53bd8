package ontology

import "fmt"

// Predicate is the local name of a relation, such as part_of.
type Predicate string

// The core predicates of the evaluation contract.
const (
	PartOf         Predicate = "part_of"
	LocatedIn      Predicate = "located_in"
	RecipientOf    Predicate = "recipient_of"
	TransfersTo    Predicate = "transfers_to"
	CooperatesWith Predicate = "cooperates_with"
	OfficialOf     Predicate = "official_of"
	AffiliatedWith Predicate = "affiliated_with"
	Implements     Predicate = "implements"
)

// PredicateInfo describes a predicate: what it means and which types it links.
type PredicateInfo struct {
	Name        Predicate
	Label       string
	Description string
	Example     string
	Domain      []EntityType
	Range       []EntityType
	// Symmetric predicates hold both ways round (cooperates_with).
	Symmetric bool
}

var (
	places = []EntityType{Country, Province, Municipality, City, District, County,
		NewArea, Zone, Region, Port, Airport, River}
	actors = append(append([]EntityType(nil), places...), Organization)
)

var predicateInfos = []PredicateInfo{
	{PartOf, "part of", "Administrative or geographic containment.",
		"Caofeidian part_of Tangshan", places, places, false},
	{LocatedIn, "located in", "A facility or zone sits inside a place.",
		"Beijing Daxing International Airport located_in Daxing", places, places, false},
	{RecipientOf, "recipient of", "A place receives relocated functions, industries or projects.",
		"Xiong'an New Area recipient_of Beijing non-capital functions", actors,
		append(append([]EntityType(nil), actors...), Concept, Strategy), false},
	{TransfersTo, "transfers to", "Projects, companies or functions move from the subject to the object.",
		"Beijing transfers_to Caofeidian", actors, actors, false},
	{CooperatesWith, "cooperates with", "Places or bodies that work together.",
		"Hebei cooperates_with Tianjin", actors, actors, true},
	{OfficialOf, "official of", "A person holds office in a place or body.",
		"Zhang Chengzhong official_of Hebei", []EntityType{Person}, actors, false},
	{AffiliatedWith, "affiliated with", "A person or outlet belongs to an organization.",
		"a reporter affiliated_with Hebei Radio and TV Station",
		[]EntityType{Person, Organization}, []EntityType{Organization}, false},
	{Implements, "implements", "A place or body carries out a strategy.",
		"Hebei implements Coordinated development of the Beijing-Tianjin-Hebei region",
		actors, []EntityType{Strategy}, false},
}

var predicateIndex = func() map[Predicate]PredicateInfo {
	m := make(map[Predicate]PredicateInfo, len(predicateInfos))
	for _, p := range predicateInfos {
		m[p.Name] = p
	}
	return m
}()

// Predicates returns every relation predicate in a stable order.
func Predicates() []PredicateInfo { return append([]PredicateInfo(nil), predicateInfos...) }

// LookupPredicate returns the description of p and whether p is known.
func LookupPredicate(p Predicate) (PredicateInfo, bool) {
	info, ok := predicateIndex[p]
	return info, ok
}

// ParsePredicate returns the Predicate named s, or an error naming s.
func ParsePredicate(s string) (Predicate, error) {
	if _, ok := predicateIndex[Predicate(s)]; ok {
		return Predicate(s), nil
	}
	return "", fmt.Errorf("unknown predicate %q", s)
}

func contains(ts []EntityType, t EntityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}
