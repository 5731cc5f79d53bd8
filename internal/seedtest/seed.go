// Package seedtest builds, by hand, extractions shaped like what the
// extractor reads from seeds/: the facts of the SCIO press conference on
// Hebei (2024) and of a short second text on Xiong'an. Tests of queries,
// lookups and entity cards write them through graph.ReplaceDocument, so
// they do not depend on the extractor's progress. It imports only ontology
// and the standard library.
package seedtest

import "github.com/policykg/policykg/ontology"

// Document IDs of the two extractions.
const (
	SCIO    ontology.DocumentID = "scio-hebei-2024-p4"
	Xiongan ontology.DocumentID = "xiongan-2023"
)

// Sentences of the SCIO document that carry facts, by index.
var scioSentences = map[int]string{
	5:  "This question will be answered by Zhang Chengzhong, vice governor of Hebei province.",
	7:  "The coordinated development of the Beijing-Tianjin-Hebei region is a significant national strategy.",
	12: "A key platform system will take shape, where Xiong'an New Area, serving as a major recipient of functions relieved from Beijing, will play the major role.",
	17: "Caofeidian district of Tangshan city is positioned with a port, vast tracts of land, and ample potential for development.",
	19: "As many as 247 industrial projects worth more than 100 million yuan have been transferred from Beijing to Caofeidian, and the latter has invested over 177 billion yuan.",
	20: "Caofeidian is working with Beijing and Tianjin to create new sources of growth for high-quality development in the Bohai Sea region.",
	21: "Around 43,000 companies have moved from Beijing and Tianjin to Hebei province.",
	26: "Hebei, Beijing, and Tianjin have made new progress in promoting coordinated innovation, sharing scientific and technological resources, and applying achievements in science and technology research.",
	27: "In 2023, the volume of contracted technology transactions introduced to Hebei province from Beijing and Tianjin reached 81 billion yuan, 12 times that of 2014.",
	31: "Efforts will be intensified to build the demonstration zone for high-quality and integrated development in Tongzhou district and the three northern counties of Langfang city (Sanhe, Dachang, and Xianghe).",
}

func places() []ontology.Entity {
	return []ontology.Entity{
		{ID: "china", Name: "China", Type: ontology.Country, Aliases: []string{"PRC"}},
		{ID: "hebei", Name: "Hebei", Type: ontology.Province, Code: "130000", Aliases: []string{"Hebei province"}},
		{ID: "tangshan", Name: "Tangshan", Type: ontology.City, Code: "130200", Aliases: []string{"Tangshan city"}},
		{ID: "caofeidian", Name: "Caofeidian", Type: ontology.District, Code: "130209", Aliases: []string{"Caofeidian district"}},
		{ID: "langfang", Name: "Langfang", Type: ontology.City, Code: "131000", Aliases: []string{"Langfang city"}},
		{ID: "sanhe", Name: "Sanhe", Type: ontology.County, Code: "131082"},
		{ID: "dachang", Name: "Dachang", Type: ontology.County, Code: "131028", Aliases: []string{"Dachang Hui Autonomous County"}},
		{ID: "xianghe", Name: "Xianghe", Type: ontology.County, Code: "131024"},
		{ID: "beijing", Name: "Beijing", Type: ontology.Municipality, Code: "110000", Aliases: []string{"the capital"}},
		{ID: "tongzhou", Name: "Tongzhou", Type: ontology.District, Code: "110112", Aliases: []string{"Tongzhou district"}},
		{ID: "tianjin", Name: "Tianjin", Type: ontology.Municipality, Code: "120000"},
		{ID: "xiongan-new-area", Name: "Xiong'an New Area", Type: ontology.NewArea, Code: "NA19", Aliases: []string{"Xiong'an", "Xiongan"}},
		{ID: "bohai-sea-region", Name: "Bohai Sea region", Type: ontology.Region},
	}
}

func others() []ontology.Entity {
	return []ontology.Entity{
		{ID: "beijing-non-capital-functions", Name: "Beijing non-capital functions", Type: ontology.Concept,
			Aliases: []string{"functions relieved from Beijing"}},
		{ID: "coordinated-development-of-the-beijing-tianjin-hebei-region", Type: ontology.Strategy,
			Name: "Coordinated development of the Beijing-Tianjin-Hebei region"},
		{ID: "zhang-chengzhong", Name: "Zhang Chengzhong", Type: ontology.Person},
		{ID: "hebei-radio-and-tv-station", Name: "Hebei Radio and TV Station", Type: ontology.Organization},
	}
}

// Gazetteer is the reference source's part_of edges, child -> parent.
var Gazetteer = [][2]ontology.EntityID{
	{"hebei", "china"}, {"tangshan", "hebei"}, {"caofeidian", "tangshan"}, {"langfang", "hebei"},
	{"sanhe", "langfang"}, {"dachang", "langfang"}, {"xianghe", "langfang"},
	{"beijing", "china"}, {"tongzhou", "beijing"}, {"tianjin", "china"},
}

func ev(doc ontology.DocumentID, sentences map[int]string, n int, rule string) ontology.Evidence {
	return ontology.Evidence{Document: doc, Sentence: n, Text: sentences[n], Rule: rule}
}

// SCIOExtraction is the press conference page.
func SCIOExtraction() ontology.Extraction {
	s := func(n int, rule string) ontology.Evidence { return ev(SCIO, scioSentences, n, rule) }
	gaz := ontology.Evidence{Document: SCIO, Rule: "gazetteer", Text: "GB/T 2260 administrative divisions"}
	fact := func(sub ontology.EntityID, p ontology.Predicate, obj ontology.EntityID, e ontology.Evidence) ontology.Fact {
		return ontology.Fact{Subject: sub, Predicate: p, Object: obj, Evidence: e}
	}
	facts := []ontology.Fact{
		fact("zhang-chengzhong", ontology.OfficialOf, "hebei", s(5, "title-of-place")),
		fact("hebei", ontology.Implements, "coordinated-development-of-the-beijing-tianjin-hebei-region", s(7, "strategy-subject")),
		fact("xiongan-new-area", ontology.RecipientOf, "beijing-non-capital-functions", s(12, "recipient-of")),
		fact("caofeidian", ontology.PartOf, "tangshan", s(17, "x-district-of-y")),
		fact("beijing", ontology.TransfersTo, "caofeidian", s(19, "transferred-from-to")),
		fact("caofeidian", ontology.CooperatesWith, "beijing", s(20, "working-with")),
		fact("caofeidian", ontology.CooperatesWith, "tianjin", s(20, "working-with")),
		fact("beijing", ontology.TransfersTo, "hebei", s(21, "moved-from-to")),
		fact("tianjin", ontology.TransfersTo, "hebei", s(21, "moved-from-to")),
		fact("hebei", ontology.CooperatesWith, "beijing", s(26, "joint-progress")),
		fact("hebei", ontology.CooperatesWith, "tianjin", s(26, "joint-progress")),
		fact("beijing", ontology.CooperatesWith, "tianjin", s(26, "joint-progress")),
		fact("tongzhou", ontology.CooperatesWith, "langfang", s(31, "joint-zone")),
	}
	for _, g := range Gazetteer {
		facts = append(facts, fact(g[0], ontology.PartOf, g[1], gaz))
	}
	metrics := []ontology.Metric{
		{Subject: "caofeidian", Value: 247, Unit: "projects", Text: "247 industrial projects", Evidence: s(19, "figure")},
		{Subject: "caofeidian", Value: 177e9, Unit: "yuan", Text: "177 billion yuan", Evidence: s(19, "figure")},
		{Subject: "hebei", Value: 43000, Unit: "companies", Text: "43,000 companies", Evidence: s(21, "figure")},
		{Subject: "hebei", Value: 81e9, Unit: "yuan", Year: 2023, Text: "81 billion yuan", Evidence: s(27, "figure")},
	}
	var mentions []ontology.Mention
	for n, ids := range map[int][]ontology.EntityID{
		5: {"zhang-chengzhong", "hebei"}, 7: {"coordinated-development-of-the-beijing-tianjin-hebei-region"},
		12: {"xiongan-new-area", "beijing-non-capital-functions", "beijing"}, 17: {"caofeidian", "tangshan"},
		19: {"beijing", "caofeidian"}, 20: {"caofeidian", "beijing", "tianjin", "bohai-sea-region"},
		21: {"beijing", "tianjin", "hebei"}, 31: {"tongzhou", "langfang", "sanhe", "dachang", "xianghe"},
	} {
		for _, id := range ids {
			mentions = append(mentions, ontology.Mention{Entity: id, Evidence: s(n, "mention")})
		}
	}
	return ontology.Extraction{
		Document: ontology.Document{ID: SCIO, Path: "seeds/scio-hebei-2024-p4.txt",
			Title:     "SCIO press conference on forging ahead on a journey of high-quality development in the new era (page 4 of 11)",
			Publisher: "State Council Information Office (english.scio.gov.cn)", Date: "2024-04-29",
			URL: "http://english.scio.gov.cn/m/pressroom/2024-05/24/content_117211572_4.htm", Hash: "seed-scio"},
		Entities: append(places(), others()...),
		Facts:    facts,
		Metrics:  metrics,
		Mentions: mentions,
	}
}

var xionganSentences = map[int]string{
	1: "Xiong'an New Area in Hebei province received the first batch of enterprises relocated from Beijing in 2023.",
	2: "Some 150 companies have moved from Beijing to Xiong'an.",
}

// XionganExtraction is a short second text, so that facts and entities
// have evidence from more than one document.
func XionganExtraction() ontology.Extraction {
	s := func(n int, rule string) ontology.Evidence { return ev(Xiongan, xionganSentences, n, rule) }
	ents := []ontology.Entity{places()[1], places()[8], places()[11], others()[0]}
	return ontology.Extraction{
		Document: ontology.Document{ID: Xiongan, Path: "seeds/xiongan-2023.txt",
			Title: "Xiong'an New Area takes shape", Publisher: "Example Daily", Date: "2023-04-01", Hash: "seed-xiongan"},
		Entities: ents,
		Facts: []ontology.Fact{
			{Subject: "xiongan-new-area", Predicate: ontology.PartOf, Object: "hebei", Evidence: s(1, "x-in-y")},
			{Subject: "xiongan-new-area", Predicate: ontology.RecipientOf, Object: "beijing-non-capital-functions", Evidence: s(1, "received-relocated")},
			{Subject: "beijing", Predicate: ontology.TransfersTo, Object: "xiongan-new-area", Evidence: s(2, "moved-from-to")},
		},
		Metrics: []ontology.Metric{
			{Subject: "xiongan-new-area", Value: 150, Unit: "companies", Text: "150 companies", Evidence: s(2, "figure")},
		},
		Mentions: []ontology.Mention{
			{Entity: "xiongan-new-area", Evidence: s(1, "mention")}, {Entity: "hebei", Evidence: s(1, "mention")},
			{Entity: "beijing", Evidence: s(1, "mention")}, {Entity: "xiongan-new-area", Evidence: s(2, "mention")},
		},
	}
}

// Extractions returns both documents' extractions.
func Extractions() []ontology.Extraction {
	return []ontology.Extraction{SCIOExtraction(), XionganExtraction()}
}
