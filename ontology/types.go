package ontology

import (
	"fmt"
	"sort"
)

// EntityType is the class of an entity, such as City or Strategy.
type EntityType string

// The entity types. Places come first, from the largest to the smallest.
const (
	Country      EntityType = "Country"
	Province     EntityType = "Province"
	Municipality EntityType = "Municipality"
	City         EntityType = "City"
	District     EntityType = "District"
	County       EntityType = "County"
	NewArea      EntityType = "NewArea"
	Zone         EntityType = "Zone"
	Region       EntityType = "Region"
	Port         EntityType = "Port"
	Airport      EntityType = "Airport"
	River        EntityType = "River"
	Organization EntityType = "Organization"
	Person       EntityType = "Person"
	Strategy     EntityType = "Strategy"
	Concept      EntityType = "Concept"
)

// TypeInfo describes an entity type.
type TypeInfo struct {
	Type        EntityType
	Label       string
	Description string
	// Place is true for types that have a location on a map.
	Place bool
}

var typeInfos = []TypeInfo{
	{Country, "country", "A sovereign state.", true},
	{Province, "province", "A province-level division other than a municipality: province, autonomous region or special administrative region.", true},
	{Municipality, "municipality", "A municipality directly under the central government: Beijing, Tianjin, Shanghai, Chongqing.", true},
	{City, "city", "A prefecture-level division: prefecture-level city, prefecture, league or autonomous prefecture.", true},
	{District, "district", "A county-level urban district.", true},
	{County, "county", "A county-level division other than a district: county, county-level city, banner, autonomous county.", true},
	{NewArea, "new area", "A state-level new area, such as Xiong'an New Area.", true},
	{Zone, "zone", "An economic, development, demonstration, pilot or free trade zone.", true},
	{Region, "region", "A region spanning several jurisdictions, such as the Beijing-Tianjin-Hebei region.", true},
	{Port, "port", "A sea or river port.", true},
	{Airport, "airport", "An airport.", true},
	{River, "river", "A river.", true},
	{Organization, "organization", "A government body, company, outlet or other organization.", false},
	{Person, "person", "A named person.", false},
	{Strategy, "strategy", "A national or regional strategy, policy, plan or initiative.", false},
	{Concept, "concept", "A policy object, such as Beijing's non-capital functions.", false},
}

var typeIndex = func() map[EntityType]TypeInfo {
	m := make(map[EntityType]TypeInfo, len(typeInfos))
	for _, t := range typeInfos {
		m[t.Type] = t
	}
	return m
}()

// Types returns every entity type in a stable order.
func Types() []TypeInfo { return append([]TypeInfo(nil), typeInfos...) }

// LookupType returns the description of t and whether t is a known type.
func LookupType(t EntityType) (TypeInfo, bool) {
	info, ok := typeIndex[t]
	return info, ok
}

// ParseType returns the EntityType named s, or an error naming s.
func ParseType(s string) (EntityType, error) {
	if _, ok := typeIndex[EntityType(s)]; ok {
		return EntityType(s), nil
	}
	return "", fmt.Errorf("unknown entity type %q", s)
}

// IsPlace reports whether entities of type t are places.
func IsPlace(t EntityType) bool { return typeIndex[t].Place }

// Administrative reports whether t is a level of the administrative hierarchy.
func Administrative(t EntityType) bool {
	switch t {
	case Country, Province, Municipality, City, District, County, NewArea:
		return true
	}
	return false
}

// sortedTypes returns the names of a set of types, sorted.
func sortedTypes(set map[EntityType]bool) []EntityType {
	out := make([]EntityType, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
