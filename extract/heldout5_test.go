package extract

import "testing"

// heldout5Floors are the micro-averaged F1 floors over testdata/heldout5:
// entities, relations, metrics. Those four texts (a State Council guideline
// on the Yangtze River Economic Belt with numbered parts, a Xinhua story of
// an inspection tour and symposium in Jiangxi, a MOFCOM transcript on the
// Hainan Free Trade Port with a host and foreign outlets' questions, a
// Chongqing municipal release with bullet lists) were written, with their
// gold, in session 7 before the extractor was run on them; the first run
// scored 0.899, 0.754 and 0.625 (0.903 and 0.762 once the gold of the
// Xinhua story gained what its own "Related" line states: central China,
// Hunan part_of central China, and the headline's spelling of the
// strategy). The first-run figures are the honest ones.
var heldout5Floors = [3]float64{0.88, 0.74, 0.60}

func TestHeldout5Scores(t *testing.T) { checkFloors(t, "heldout5", 4, heldout5Floors) }
