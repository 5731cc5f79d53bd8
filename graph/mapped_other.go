//go:build !linux

package graph

// mappedFile is unused where trimming is not implemented.
type mappedFile struct{}

func statMapped(string) (mappedFile, error) { return mappedFile{}, nil }

// overMapped is false outside Linux: trimming is not implemented there.
func overMapped(int64) bool { return false }

func trimMapped(mappedFile) {}
