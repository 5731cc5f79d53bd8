package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestCountedRegion: "the nine provinces" refers to the region the text
// counted nine provinces in, or listed nine members of, and a figure they
// produce together is the region's; a count no region was given, or a
// region named mid-sentence, refers to nothing.
func TestCountedRegion(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		{name: "Counted", text: "The Yangtze River Economic Belt spans nine provinces and two municipalities. Last year the nine provinces and two municipalities attracted 3,400 foreign-funded projects. The belt is long.",
			figs: []string{"Yangtze River Economic Belt 3400 projects"}},
		{name: "Listed", text: "The central region is made up of Shanxi, Anhui, Jiangxi, Henan, Hubei and Hunan. In 2023 the six provinces took in 520 projects from the coast.",
			figs: []string{"central region 520 projects"}},
		{name: "Comprises", text: "The Pearl River Delta comprises nine cities, and the nine cities exported goods worth 4.2 trillion yuan in 2024.",
			figs: []string{"Pearl River Delta 4200000000000 yuan"}},
		{name: "OtherCount", text: "The Yangtze River Economic Belt spans nine provinces and two municipalities. Last year the three provinces attracted 600 projects.",
			notFigs: []string{"Yangtze River Economic Belt 600 projects"}},
		{name: "NotOpening", text: "Officials said the Yangtze River Economic Belt spans nine provinces. The nine provinces attracted 700 projects.",
			notFigs: []string{"Yangtze River Economic Belt 700 projects"}},
	})
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

// TestMainProvince: "the province" long after the last province was named
// (more names between than coreference looks back over) is the province
// the text is about, the one it named most.
func TestMainProvince(t *testing.T) {
	x := mustNew(t)
	var b strings.Builder
	b.WriteString("Hubei has set up a fund for its cities. Hubei's plan covers 2025. Officials from Hunan came too.\n\n")
	cities := []string{"Guangzhou", "Shenzhen", "Zhuhai", "Foshan", "Dongguan", "Zhongshan", "Jiangmen", "Huizhou",
		"Zhaoqing", "Shantou", "Nanjing", "Suzhou", "Wuxi", "Changzhou", "Nantong", "Yangzhou", "Zhenjiang", "Taizhou",
		"Hangzhou", "Ningbo", "Wenzhou", "Shaoxing", "Jiaxing", "Huzhou", "Jinhua", "Hefei", "Wuhu", "Bengbu",
		"Chengdu", "Mianyang", "Deyang", "Yibin", "Luzhou", "Nanchong", "Xi'an", "Baoji", "Xianyang", "Weinan",
		"Zhengzhou", "Luoyang", "Kaifeng", "Xinxiang", "Anyang", "Jinan", "Qingdao", "Yantai"}
	for i := 0; i+4 <= len(cities); i += 4 {
		fmt.Fprintf(&b, "Buyers came from %s, %s, %s and %s. ", cities[i], cities[i+1], cities[i+2], cities[i+3])
	}
	b.WriteString("\n\nXiantao and Tianmen, two county-level cities administered directly by the province, make garments.\n")
	facts, _ := extractText(t, x, b.String())
	wantAll(t, facts, "Xiantao part_of Hubei", "Tianmen part_of Hubei")
	wantNone(t, facts, "Xiantao part_of Hunan")
}

// TestItAfterOpeningReference: "it" later in a sentence that a reference
// opens ("The zone covers A and B, and it is home to ...") is what the
// reference names, not the first place listed after it.
func TestItAfterOpeningReference(t *testing.T) {
	x := mustNew(t)
	_, figs := extractText(t, x, "The Hongqiao Business District Pilot Zone was set up in 2019. The zone covers Kunshan and Taicang, and it is home to about 2.1 million people.")
	wantAll(t, figs, "Hongqiao Business District Pilot Zone 2100000 people")
	wantNone(t, figs, "Kunshan 2100000 people")
}
