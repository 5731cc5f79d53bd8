package extract

import "testing"

// TestCountedRegion: "the nine provinces" refers to the region the text
// counted nine provinces in, or listed nine members of, and a figure they
// produce together is the region's; a count no region was given, or a
// region named mid-sentence, refers to nothing.
func TestCountedRegion(t *testing.T) {
	x := mustNew(t)
	for _, c := range []struct {
		name       string
		text       string
		metrics    []string
		notMetrics []string
	}{
		{name: "Counted", text: "The Yangtze River Economic Belt spans nine provinces and two municipalities. Last year the nine provinces and two municipalities attracted 3,400 foreign-funded projects. The belt is long.",
			metrics: []string{"Yangtze River Economic Belt 3400 projects"}},
		{name: "Listed", text: "The central region is made up of Shanxi, Anhui, Jiangxi, Henan, Hubei and Hunan. In 2023 the six provinces took in 520 projects from the coast.",
			metrics: []string{"central region 520 projects"}},
		{name: "Comprises", text: "The Pearl River Delta comprises nine cities, and the nine cities exported goods worth 4.2 trillion yuan in 2024.",
			metrics: []string{"Pearl River Delta 4200000000000 yuan"}},
		{name: "OtherCount", text: "The Yangtze River Economic Belt spans nine provinces and two municipalities. Last year the three provinces attracted 600 projects.",
			notMetrics: []string{"Yangtze River Economic Belt 600 projects"}},
		{name: "NotOpening", text: "Officials said the Yangtze River Economic Belt spans nine provinces. The nine provinces attracted 700 projects.",
			notMetrics: []string{"Yangtze River Economic Belt 700 projects"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, metrics := extractText(t, x, c.text)
			wantAll(t, metrics, c.metrics...)
			wantNone(t, metrics, c.notMetrics...)
		})
	}
}

// TestWhereClauseFigure: "the X Zone, where 380 companies have registered"
// gives the figure to the zone, as ", which" does, not to the sentence's
// subject.
func TestWhereClauseFigure(t *testing.T) {
	x := mustNew(t)
	_, metrics := extractText(t, x, "Nanning is building the Nanning Comprehensive Bonded Zone, where 380 companies have registered.")
	wantAll(t, metrics, "Nanning Comprehensive Bonded Zone 380 companies")
	wantNone(t, metrics, "Nanning 380 companies")
}
