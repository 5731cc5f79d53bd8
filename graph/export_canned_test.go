package graph

// SortKeysForTest sorts far-node texts as the connection query does.
func SortKeysForTest(fars []string) []string {
	steps := make([]step, len(fars))
	for i, f := range fars {
		steps[i] = step{farT: f, forward: true}
	}
	sortSteps(steps)
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.farT
	}
	return out
}
