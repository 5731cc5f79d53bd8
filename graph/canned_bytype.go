package graph

import (
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// byType: the type node and its members, each with its id and label, in
// the shape Cayley's GraphQL gives for
//
//	{ nodes(id: TYPE) { id members: ~<rdf:type> { id label: <rdfs:label> } } }
//
// a field with one value holds the value, with several a list, with none
// null; members without a label are left out (label is a plain field, so
// required); values are quad values, as GraphQL leaves them. Cayley's
// GraphQL starts this from every node of the graph and checks each member's
// label against every label quad; here it is two index lookups per member.
func byType(r *reader, a cannedArgs, emit func(any) error) error {
	t := a.value("type")
	node, err := r.ref(t)
	if err != nil {
		return err
	}
	if _, ok := node.(absent); ok {
		return emit(map[string]any{"nodes": nil})
	}
	ty, err := r.ref(rdfType)
	if err != nil {
		return err
	}
	label, err := r.ref(rdfsLabel)
	if err != nil {
		return err
	}
	members, err := r.subjects(ty, node)
	if err != nil {
		return err
	}
	var list []map[string]any
	for _, m := range members {
		obj, err := r.memberObject(m, label)
		if err != nil {
			return err
		}
		if obj != nil {
			list = append(list, obj)
		}
	}
	id, err := r.value(node)
	if err != nil {
		return err
	}
	return emit(map[string]any{"nodes": map[string]any{"id": id, "members": oneOrList(list)}})
}

// memberObject is {id, label} for member m, or nil when it has no label.
func (r *reader) memberObject(m, label cgraph.Ref) (map[string]any, error) {
	labels, err := r.objects(m, label)
	if err != nil || len(labels) == 0 {
		return nil, err
	}
	vals := make([]quad.Value, 0, len(labels))
	for _, l := range labels {
		v, err := r.value(l)
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
	}
	id, err := r.value(m)
	if err != nil {
		return nil, err
	}
	obj := map[string]any{"id": id, "label": any(vals)}
	if len(vals) == 1 {
		obj["label"] = vals[0]
	}
	return obj, nil
}

// oneOrList is GraphQL's value for a list of objects: null, the one
// object, or the list.
func oneOrList(list []map[string]any) any {
	switch len(list) {
	case 0:
		return nil
	case 1:
		return list[0]
	}
	return list
}
