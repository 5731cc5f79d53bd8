package extract

import (
	"math/rand"
	"strings"
	"testing"
)

// TestStopFinder checks stopFinder.from against strings.IndexAny at
// rising positions, as splitSentences asks.
func TestStopFinder(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const alphabet = "ab .!?”"
	for range 2000 {
		var b strings.Builder
		for n := r.Intn(40); n > 0; n-- {
			b.WriteByte(alphabet[r.Intn(len(alphabet))])
		}
		p := b.String()
		f := stopFinder{p: p, next: [3]int{-1, -1, -1}}
		for i := 0; i <= len(p); i += 1 + r.Intn(3) {
			want := len(p)
			if j := strings.IndexAny(p[i:], ".!?"); j >= 0 {
				want = i + j
			}
			if got := f.from(i); got != want {
				t.Fatalf("from(%d) in %q = %d, want %d", i, p, got, want)
			}
		}
	}
}
