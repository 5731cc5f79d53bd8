package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/policykg/policykg/ontology"
)

// Patterns of the gaps between two names, compiled once.
var (
	reApposIn  = regexp.MustCompile(`^, (?:a |an |the )?(?:[\w'-]+ ){0,4}?(?:district|county|city|prefecture|town|province|municipality|area|zone|port|capital|banner|hub|center|centre|base)s? (?:of|in|under|administered by|administered directly by|within|on)(?: the [\w-]+(?: [\w-]+)? of)? (?:the )?$`)
	reApposBy  = regexp.MustCompile(`^, (?:both |all |each |also |now )?(?:under|administered (?:directly )?by|governed by|subordinate to)(?: the)? $`)
	reIn       = regexp.MustCompile(`^,? ?(?:which |that )?(?:is |are |was |were )?(?:(?:located|situated|lies|lie|sits|sit|based|nestled) )?(?:in|inside|within)(?: the)?$`)
	reCovers   = regexp.MustCompile(`^,? (?:which )?(?:covers|spans|encompasses|straddles) (?:all of |the whole of )?(?:the )?$`)
	reMembers  = regexp.MustCompile(`^, (?:the |all )?(?:[\w-]+ ){0,3}(?:provinces|prefectures|cities|counties|districts|regions|municipalities|areas|zones|members) (?:of|in|under|administered (?:directly )?by|(?:at|on|in) the (?:[\w-]+ ){0,2}(?:end|part|edge|side|tip|heart|centre|center|foot|mouth) of) (?:the )?$`)
	reListedOf = regexp.MustCompile(`(?:provinces|prefectures|cities|counties|districts|municipalities|areas|zones) (?:of|in) (?:the )?$`)
	reMadeUp   = regexp.MustCompile(`^,? (?:which |that )?(?:also )?(?:is |are )?(?:made up of|consists of|consisting of|comprising|comprises|takes in|take in|includes|including|covering|formed by|composed of|spanning|spans) (?:the )?(?:(?:[\w-]+ ){0,3}[\w-]+ \()?$`)
	reCoreOf   = regexp.MustCompile(`^ (?:serves|serve|acts|act|will serve) as (?:the|a) (?:core|centre|center|hub|heart) of (?:the )?$`)
	reInto     = regexp.MustCompile(`^ (?:are|is|will be|have been|has been) (?:being )?(?:built|integrated|merged|developed|incorporated) into (?:the )?$`)
	reTogether = regexp.MustCompile(`^, (?:together|along) with (?:the )?$`)
	reLater    = regexp.MustCompile(`^,? and [\d,.]+(?: [\w-]+)? $|^, [\d,.]+(?: [\w-]+)? $`)

	reFormCore = regexp.MustCompile(`(?:^| )(?:form|forms|formed|make up|makes up|constitute|constitutes|constituted) the (?:core|centre|center|heart|backbone|main body) of (?:the )?$`)
	reAdjPlace = regexp.MustCompile(`^, (?:a|an|the)(?: [\w-]+){0,2} $`)

	reJoint = regexp.MustCompile(`^,? (?:(?:have|has|had|will|are|is|were|was|been|also|now|jointly|each) )*(?:worked together|work together|working together|jointly|(?:set up|established|opened|launched|built|carried out|started) (?:an? |(?:more than |over |nearly )?[\d,]+ )?joint|(?:build|builds|building|built|develop|develops|developing|create|creating) (?:an? |the )?(?:integrated|shared|common) |signed [\w\s-]{0,30}?agreements? with each other)`)
)

// Stems that must occur before the matching regular expression is run.
var (
	moveStems    = []string{"mov", "reloc", "transfer", "shift", "migrat", "introduc"}
	receiveStems = []string{"receiv", "attract", "took in", "take in", "takes in", "taking in", "taken in", "drew", "draw", "landed", "brought in", "bringing in", "absorb", "introduc", "undert", "bring in", "brings in"}
	coopStems    = []string{"work", "cooperat", "collaborat", "pair", "partner", "agreement", "teamed", "hands", "built", "set up", "establish", "co-", "together", "formed", "memorand", " ties", "shar"}
	jointStems   = []string{"together", "joint", "integrated", "each other", "signed", "inked", "reached", " up", "agree", "pledged", "decided", "alliance", "partnership", "consortium", "league"}
	madeUpStems  = []string{"made up", "consist", "compris", "take", "includ", "cover", "formed", "composed", "span"}
	implStems    = []string{"implement", "carr", "act", "undert", "practice", "execut", "advanc"}
)

// coverStems start the verbs of reCovers.
var coverStems = []string{"cover", "span", "encompass", "straddl"}

// headWindow returns the part of a gap where the verb of an anchored gap
// pattern must start, for the stem tests before the regexp: reCovers'
// optional opening (",? which ") takes at most 8 bytes, reMadeUp's (",?
// which also are ") at most 17, and a stem is at most klen bytes long.
func headWindow(gap string, lead, klen int) string { return gap[:min(len(gap), lead+klen)] }

// containsAny reports whether s contains one of the stems.
func containsAny(s string, stems []string) bool {
	for _, st := range stems {
		if strings.Contains(s, st) {
			return true
		}
	}
	return false
}

// respectivelyMask holds the trigger word of pairedRespectively.
var respectivelyMask = maskOf(" respectively")

// pairingVerbs, as words of the text between two lists, make "A and B
// assisted C and D respectively" a pairing of A with C and B with D.
var pairingVerbs = setOf("assist assists assisted assisting aid aids aided support supports supported supporting " +
	"help helps helped helping pair pairs paired twinned set work works worked cooperate cooperated cooperates")

// pairedRespectively reads "Jiangsu and Zhejiang assisted Kizilsu and Aksu
// respectively" and "A and B have set up parks in C and D respectively":
// two lists of as many places, the second closed by "respectively", and a
// pairing verb between them; each cooperates_with its counterpart.
func (x *Extractor) pairedRespectively(c *sentCtx) {
	if !c.hasMask(&respectivelyMask) {
		return
	}
	for i := range c.spans {
		if c.group[i] != i || c.spans[i].appos {
			continue
		}
		subj := c.members(i)
		last := subj[len(subj)-1]
		if len(subj) < 2 {
			continue
		}
		pos := c.skipApposition(c.posEnd(last)) // "A and B, two hubs of Y, ..."
		j := last + 1
		for j < len(c.spans) && c.spans[j].start < pos {
			j++
		}
		if j >= len(c.spans) {
			continue
		}
		obj := c.members(j)
		if len(obj) != len(subj) || obj[0] != j {
			continue
		}
		between := c.lower[pos:c.spans[j].start]
		after := c.lower[c.posEnd(obj[len(obj)-1]):]
		if len(between) > 80 || strings.ContainsAny(between, ";") || !anyWord(between, func(_, w string, _ int) bool { return pairingVerbs.has(w) }) ||
			!(strings.HasPrefix(after, " respectively") || strings.HasPrefix(after, ", respectively")) {
			continue
		}
		for k := range subj {
			a, b := c.spans[subj[k]].ent, c.possessee(obj[k])
			if actor(a.typ) && actor(b.typ) {
				c.propose(a, b, ontology.CooperatesWith, "paired-respectively")
			}
		}
	}
}

// relate runs every relation rule over a sentence.
func (x *Extractor) relate(c *sentCtx) {
	x.pairedRespectively(c)
	x.containment(c)
	x.transfers(c)
	x.recipients(c)
	x.cooperation(c)
	x.offices(c)
	x.sharedOffices(c)
	x.implementation(c)
	x.receivers(c)
	x.oneOfThe(c)
	x.homeTo(c)
	x.countedGroup(c)
	x.zoneCovers(c)
	x.integratedDevelopment(c)
	x.directionalIn(c)
	x.session9(c)
	x.session10(c)
}

// apposWords holds, for reApposIn and reApposBy, words one of which every
// match contains: the place nouns of the first, "under", "by" and
// "subordinate to" of the second.
var apposWords = []string{"district", "county", "city", "prefecture", "town", "province", "municipality", "area",
	"zone", "port", "capital", "banner", "hub", "center", "centre", "base", "under", "by", "subordinate to"}

// apposEnds are the endings of every match of reApposIn and reApposBy:
// the last word is a preposition, "of" or "the" ("within" ends in "in").
var apposEnds = []string{"of ", "in ", "on ", "by ", "to ", "the ", "under "}

// mayAppos is a cheap test that lg may match reApposIn or reApposBy: both
// end with one of apposEnds and hold one of apposWords.
func mayAppos(lg string) bool {
	for _, e := range apposEnds {
		if strings.HasSuffix(lg, e) {
			return containsAny(lg, apposWords)
		}
	}
	return false
}

// describedIn reports a gap that is an apposition, closed by a comma, then
// a verb of lying in: ", the world's busiest port by cargo, sits in ".
func describedIn(lg string) bool {
	comma := strings.LastIndex(lg, ", ")
	if comma <= 0 {
		return false
	}
	rest := strings.TrimSpace(lg[comma+2:])
	for _, v := range []string{"lies in", "lie in", "sits in", "sit in", "is located in", "are located in", "is situated in", "is based in", "is in",
		"is administered by", "is governed by"} {
		if rest == v {
			return true
		}
	}
	return false
}

// seatOf reports an apposition that makes a place the seat of the next:
// ", the seat of ", ", a county-level city that serves as the seat of ".
// The apposition holds no other comma.
func seatOf(lg string) bool {
	t, ok := strings.CutSuffix(lg, "the seat of ")
	if !ok {
		return false
	}
	return len(lg) < 80 && !strings.Contains(t[2:], ",") &&
		(t == ", " || strings.HasSuffix(t, " serves as ") || strings.HasSuffix(t, " is "))
}

// mayBeIn is a cheap test that t may match reIn: short, and ending in
// "in", "inside", "within" or " the".
func mayBeIn(t string) bool {
	return len(t) <= 40 && (strings.HasSuffix(t, "in") || strings.HasSuffix(t, "inside") || strings.HasSuffix(t, " the"))
}

// mayListOf is a cheap test that strings.ToLower(s) may match reListedOf:
// it must end in "s of ", "s in ", "s of the " or "s in the ". A tail that
// is not all ASCII is left to the regexp.
func mayListOf(s string) bool {
	tail := s[max(0, len(s)-9):]
	for i := 0; i < len(tail); i++ {
		if tail[i] >= utf8.RuneSelf {
			return true
		}
	}
	if hasSuffixFold(s, "the ") {
		s = s[:len(s)-4]
	}
	return hasSuffixFold(s, "s of ") || hasSuffixFold(s, "s in ")
}

// listedOf is reListedOf.MatchString(s), by hand: s ends with a plural
// place noun, " of " or " in ", and perhaps "the ".
func listedOf(s string) bool {
	if nounPrepEnd(s) {
		return true
	}
	t, ok := strings.CutSuffix(s, "the ")
	return ok && nounPrepEnd(t)
}

// listedNouns are the nouns of reListedOf.
var listedNouns = []string{"provinces", "prefectures", "cities", "counties", "districts", "municipalities", "areas", "zones"}

// nounPrepEnd reports whether s ends with one of listedNouns followed by
// " of " or " in ".
func nounPrepEnd(s string) bool {
	t, ok := strings.CutSuffix(s, " of ")
	if !ok {
		if t, ok = strings.CutSuffix(s, " in "); !ok {
			return false
		}
	}
	for _, n := range listedNouns {
		if strings.HasSuffix(t, n) {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether s ends with the lower-case ASCII suffix p,
// ignoring ASCII case.
func hasSuffixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[len(s)-len(p):], p)
}

// divisionNounAt reports a division noun at pos, after a space: " city",
// " county", " district", " town", " port".
func divisionNounAt(lower string, pos int) bool {
	for _, n := range []string{" city", " county", " district", " town", " port", " prefecture"} {
		if strings.HasPrefix(lower[pos:], n) && boundaryAfter(lower, pos+len(n)) {
			return true
		}
	}
	return false
}

// relationalNouns relate a place to another rather than place it inside:
// "Beijing's neighbour", "Shanghai's partner city".
var relationalNouns = []string{"neighbo", "partner", "counterpart", "sister", "twin", "sub-cent",
	"subsidiary", "rival", "peer", "gateway to"}

// Masks of the trigger pairs that capitals, transfers and recipients ask.
var (
	capitalsMask   = maskOf(", the provincial capital", ", capital of the province", ", the regional capital")
	transfersMask  = maskOf("from ", " to ")
	recipientsMask = maskOf("recipient", "assigned to ")
	// the trigger words of transfers and recipients one by one
	fromMask, recipientMask = maskOf("from "), maskOf("recipient")
)

// containment reads part_of and located_in: "X district of Y", "X, a city
// in Y", "Y's X district", "X in Y", "A, B and C, the three provinces of Y",
// "the counties of Y (A, B and C)", "Y, made up of A and B", "X serves as the
// core of Y, together with A", "X, the provincial capital".
func (x *Extractor) containment(c *sentCtx) {
	g := x.gaz
	for i := 0; i+1 < len(c.spans); i++ {
		a, b := c.spans[i], c.spans[i+1]
		gap := c.gap(i, i+1)
		if len(gap) > 100 {
			gap = gap[:0] // no containment pattern spans so much text
			if !a.poss {
				continue
			}
		}
		lg := "" // lowerASCII(gap), which keeps offsets: the same bytes of c.lower
		if gap != "" {
			a := c.posEnd(i)
			lg = c.lower[a : a+len(gap)]
		}
		switch {
		case a.poss && strings.HasPrefix(c.text[a.end:], "'s capital ") || a.poss && strings.HasPrefix(c.text[a.end:], "’s capital "):
			c.contain(b.ent, a.ent, "possessive-capital", g)
		case strings.HasPrefix(lg, ", ") && len(lg) < 40 && !b.poss && mayAdjPlace(lg) && reAdjPlace.MatchString(lg) && divisionNounAt(c.lower, c.posEnd(i+1)):
			// "Yueyang, the only Hunan city on the Yangtze River"
			c.contain(a.ent, b.ent, "place-adjective-apposition", g)
		case gap == ", " && c.possessiveAppos(i+1, b.start):
			// "Nansha, Guangdong's largest port district,"; not "Langfang,
			// Beijing's neighbour to the south,"
			if !containsAny(c.lower[c.posEnd(i+1):max(c.posEnd(i+1), c.appositionEnd(b.start))], relationalNouns) {
				c.contain(a.ent, b.ent, "possessive-apposition", g)
			}
		case a.poss && strings.TrimSpace(gap) == "":
			for _, k := range c.members(i + 1) {
				c.contain(c.spans[k].ent, a.ent, "possessive-part-of", g)
			}
		case (a.generic != "" || strings.HasPrefix(lg, " district") || strings.HasPrefix(lg, " county")) &&
			(strings.HasSuffix(lg, " of ") || strings.HasSuffix(lg, " of the ")) && len(lg) < 16:
			c.contain(a.ent, c.possessee(i+1), "x-district-of-y", g)
		case strings.HasPrefix(lg, ", ") && (!b.poss || coastOf(c.lower[c.posEnd(i+1):])) && mayAppos(lg) && (reApposIn.MatchString(lg) || reApposBy.MatchString(lg)):
			// not "a center of China's auto industry": what follows "of"
			// is what the place possesses
			subs := []int{i}
			if pluralApposition(lg) {
				subs = c.members(i) // "A and B, two cities of Y" / "A and B, both under Y"
			}
			if obj := c.pairedWith(subs, i+1, onePerPlace(lg)); obj != nil {
				// "A and B, the capitals of Y and Z": A in Y, B in Z
				for n, k := range subs {
					c.contain(c.spans[k].ent, c.possessee(obj[n]), "apposition-part-of-paired", g)
				}
				break
			}
			for _, k := range subs {
				c.contain(c.spans[k].ent, c.possessee(i+1), "apposition-part-of", g)
			}
		case strings.HasPrefix(lg, ", ") && !b.poss && c.group[i] != c.group[i+1] && maySeatsOf(lg) && rePluralSeats.MatchString(lg):
			// "A and B, the seats of Y and Z": each in its counterpart
			subs := c.members(i)
			if obj := c.pairedWith(subs, i+1, true); obj != nil {
				for n, k := range subs {
					c.contain(c.spans[k].ent, c.possessee(obj[n]), "apposition-part-of-paired", g)
				}
			}
		case mayBeIn(strings.TrimSpace(lg)) && inPhrase(strings.TrimSpace(lg)): // reIn.MatchString
			subs := c.subjectsOf(i, lg)
			if obj := c.pairedWith(subs, i+1, false); obj != nil {
				// "A and B lie in Y and Z respectively"
				for n, k := range subs {
					c.contain(c.spans[k].ent, c.possessee(obj[n]), "x-in-y-paired", g)
				}
				break
			}
			for _, k := range subs {
				c.contain(c.spans[k].ent, c.possessee(i+1), "x-in-y", g)
			}
		case strings.HasPrefix(lg, ", ") && (strings.HasSuffix(lg, "in ") || strings.HasSuffix(lg, "by ")) && len(lg) < 100 && describedIn(lg):
			// "Ningbo Zhoushan Port, the world's busiest port by cargo,
			// sits in Y": an apposition naming nothing, then "lies in";
			// "X, another border city, is administered by Y"
			c.contain(a.ent, c.possessee(i+1), "described-x-in-y", g)
		case strings.HasPrefix(lg, ", ") && seatOf(lg):
			c.contain(a.ent, b.ent, "seat-of", g)
		case c.hasMask(&coverMask) && containsAny(headWindow(lg, 8, len("encompass")), coverStems) && reCovers.MatchString(lg):
			c.contain(a.ent, b.ent, "covers", g)
		case strings.HasPrefix(lg, ", ") && (c.group[i] != i || i > 0 && c.group[i] == c.group[i-1]) && mayMembers(lg) && reMembers.MatchString(lg):
			subs := c.members(i)
			if obj := c.pairedWith(subs, i+1, false); obj != nil {
				// "A and B, cities in Y and Z respectively"
				for n, k := range subs {
					c.contain(c.spans[k].ent, c.possessee(obj[n]), "listed-members-paired", g)
				}
				break
			}
			for _, k := range subs {
				c.contain(c.spans[k].ent, b.ent, "listed-members-of-y", g)
			}
		case c.hasMask(&madeUpMask) && containsAny(headWindow(lg, 17, len("composed")), madeUpStems) && reMadeUp.MatchString(lg):
			for _, k := range c.listFrom(i + 1) {
				c.contain(c.spans[k].ent, a.ent, "made-up-of", g)
			}
		case mayCoreOf(lg) && strings.Contains(lg, " as ") && reCoreOf.MatchString(lg):
			c.contain(a.ent, b.ent, "core-of", g)
			if i+2 < len(c.spans) && reTogether.MatchString(c.lowerGap(i+1, i+2)) {
				for _, k := range c.members(i + 2) {
					c.contain(c.spans[k].ent, b.ent, "core-of", g)
				}
			}
		case (strings.HasSuffix(lg, " into ") || strings.HasSuffix(lg, " into the ")) && reInto.MatchString(lg): // how its matches end
			for _, k := range c.members(i) {
				c.contain(c.spans[k].ent, b.ent, "built-into", g)
			}
		}
		// "the three northern counties of Langfang city (Sanhe, Dachang, and Xianghe)"
		if (strings.HasPrefix(c.text[c.posEnd(i):], " (") || strings.HasPrefix(c.text[c.posEnd(i):], ": ")) && mayListOf(c.text[max(0, a.start-60):a.start]) && listedOf(c.lowerText(max(0, a.start-60), a.start)) {
			for _, k := range c.members(i + 1) {
				c.contain(c.spans[k].ent, a.ent, "listed-counties-of-y", g)
			}
		}
		// "four county-level cities in Jiangsu province, Kunshan, Jiangyin,
		// Zhangjiagang and Changshu": the count must match the list
		// (mayListOf folds case itself, so the text is lower-cased only
		// when it passes)
		if raw := c.text[max(0, a.start-60):a.start]; strings.HasPrefix(c.text[c.posEnd(i):], ", ") && c.spanStarting(c.posEnd(i)+2) == i+1 && mayListOf(raw) {
			before := c.lowerText(max(0, a.start-60), a.start) // strings.ToLower(raw)
			var listed []int
			for _, k := range c.members(i + 1) {
				if k > i {
					listed = append(listed, k) // the container may head the comma chain
				}
			}
			if mayListOf(before) && listedOf(before) && countBefore(before) == len(listed) && len(listed) > 1 {
				for _, k := range listed {
					c.contain(c.spans[k].ent, a.ent, "counted-members-of-y", g)
				}
			}
		}
	}
	x.capitals(c)
	x.frontedLocation(c)
	x.locatedApposition(c)
	x.formCore(c)
	x.extent(c)
	x.straddle(c)
	x.frontedVisit(c)
	x.addressChain(c)
}

// formCoreStems are the trigger words of formCore, found by the name
// automaton's one scan of the text rather than a search of each sentence.
var formCoreStems = []string{"the core of ", "the heart of ", "the backbone of ", "the centre of ",
	"the center of ", "the main body of "}

var formCoreMask = maskOf(formCoreStems...)

// formCore reads "A, B and C ... form the core of Y": the subject's list
// lies in Y.
func (x *Extractor) formCore(c *sentCtx) {
	if !c.hasMask(&formCoreMask) {
		return
	}
	subj := c.subject()
	if subj < 0 {
		return
	}
	for k := subj + 1; k < len(c.spans); k++ {
		before := c.lower[max(c.posEnd(subj), c.spans[k].start-40):c.spans[k].start]
		if reFormCore.MatchString(before) {
			whole := c.spans[k].ent
			for _, m := range c.members(subj) {
				if whole.typ == ontology.Zone || whole.typ == ontology.Region {
					// a zone or region several places form holds them,
					// whatever their level
					if ontology.IsPlace(c.spans[m].ent.typ) && c.spans[m].ent != whole {
						c.propose(c.spans[m].ent, whole, ontology.PartOf, "form-core-of")
					}
					continue
				}
				c.contain(c.spans[m].ent, whole, "form-core-of", x.gaz)
			}
			return
		}
	}
}

// locatedOpeners open an apposition that says where its subject lies;
// they are trigger words too.
var locatedOpeners = []string{", located ", ", situated ", ", lying ", ", nestled ", ", sitting "}

var locatedMask = maskOf(locatedOpeners...)

// locatedApposition reads "X, located on the west bank of the R River in
// Y,": X lies in Y, the place the apposition's last " in " names.
func (x *Extractor) locatedApposition(c *sentCtx) {
	if !c.hasMask(&locatedMask) {
		return
	}
	for i := range c.spans {
		p := c.posEnd(i)
		opened := false
		for _, o := range locatedOpeners {
			opened = opened || strings.HasPrefix(c.lower[p:], o)
		}
		if !opened {
			continue
		}
		end := c.appositionEnd(p + 2)
		in := -1
		for k := i + 1; k < len(c.spans) && c.spans[k].start < end; k++ {
			if strings.HasSuffix(c.lower[:c.spans[k].start], " in ") || strings.HasSuffix(c.lower[:c.spans[k].start], " in the ") {
				in = k
			}
		}
		if in >= 0 && c.spans[in].ent.typ != ontology.River {
			c.contain(c.spans[i].ent, c.possessee(in), "located-apposition", x.gaz)
		}
	}
}

// countBefore returns the count word among the last words before a
// counted noun and its preposition ("four county-level cities in "), or 0.
func countBefore(s string) int {
	f := strings.Fields(s)
	for k := len(f) - 1; k >= 0 && k >= len(f)-5; k-- {
		if n := countWords[f[k]]; n > 0 && f[k] != "both" {
			return n
		}
	}
	return 0
}

// pluralApposition reports an apposition that describes a list: "two
// county-level cities of", "both under", "all in".
func pluralApposition(gap string) bool {
	f := strings.Fields(strings.TrimPrefix(gap, ","))
	if len(f) == 0 {
		return false
	}
	if countWords[f[0]] > 0 || f[0] == "all" || f[0] == "both" {
		return true
	}
	for k := len(f) - 1; k >= 0; k-- {
		switch f[k] {
		case "of", "in", "under", "within", "on", "by", "the", "administered", "directly":
			continue
		}
		return strings.HasSuffix(f[k], "s") && !strings.HasSuffix(f[k], "ss")
	}
	return false
}

// rePluralSeats is a plural apposition of one-to-one seats: ", the
// seats of ", ", the respective capitals of ".
var rePluralSeats = regexp.MustCompile(`^, (?:the )?(?:respective )?(?:seats|capitals) of (?:the )?$`)

// onePerPlace reports an apposition whose noun pairs one place with one
// other ("the capitals of", "the seats of"), so two lists of as many
// names pair off without "respectively".
func onePerPlace(lg string) bool {
	return strings.Contains(lg, "capitals of ") || strings.Contains(lg, "seats of ")
}

// pairedWith returns the list starting at span j when it pairs off with
// subs: as many names, at least two, and either oneToOne or the list
// closed by "respectively". Otherwise nil.
func (c *sentCtx) pairedWith(subs []int, j int, oneToOne bool) []int {
	if len(subs) < 2 || j >= len(c.spans) || c.group[j] == c.group[subs[0]] {
		return nil
	}
	obj := c.members(j)
	if len(obj) != len(subs) || obj[0] != j {
		return nil
	}
	for n := 1; n < len(obj); n++ {
		if obj[n] <= obj[n-1] || c.spans[obj[n]].poss {
			return nil
		}
	}
	if oneToOne {
		return obj
	}
	after := c.lower[c.posEnd(obj[len(obj)-1]):]
	if strings.HasPrefix(after, " respectively") || strings.HasPrefix(after, ", respectively") {
		return obj
	}
	return nil
}

// addressChain reads "Hunnan District, Shenyang City, Liaoning Province":
// each name part_of the next when the gazetteer agrees.
func (x *Extractor) addressChain(c *sentCtx) {
	for i := 0; i+1 < len(c.spans); i++ {
		a, b := c.spans[i].ent, c.spans[i+1].ent
		if c.gap(i, i+1) != ", " || a.code == "" || b.code == "" || !isAncestor(x.gaz, b.code, a.code) {
			continue
		}
		c.contain(a, b, "address-chain", x.gaz)
	}
}

// npHead returns the head of the noun phrase that span k ends: the
// district in "Gaoling district of Xi'an", else k.
func (c *sentCtx) npHead(k int) int {
	if k == 0 || c.spans[k-1].poss || c.spans[k-1].appos != c.spans[k].appos {
		return k
	}
	g := c.lowerGap(k-1, k)
	if (g == " of " || g == " of the ") && placeRank(c.spans[k-1].ent.typ) > placeRank(c.spans[k].ent.typ) && placeRank(c.spans[k].ent.typ) >= 0 {
		return k - 1
	}
	return k
}

// possessee returns the entity of span i, or, when i is a possessor
// ("Shenzhen's Nanshan district"), that of the span it possesses.
func (c *sentCtx) possessee(i int) *entity {
	if c.spans[i].poss && i+1 < len(c.spans) && strings.TrimSpace(c.gap(i, i+1)) == "" {
		return c.spans[i+1].ent
	}
	return c.spans[i].ent
}

// subjectsOf returns span i's list for a relation that follows it, or
// only i when an apposition comma intervenes.
func (c *sentCtx) subjectsOf(i int, gap string) []int {
	if strings.HasPrefix(gap, ",") {
		return []int{i}
	}
	return c.members(i)
}

// listFrom returns span i's list and a parenthesised list that follows a
// counted noun: "Wuhan and eight nearby cities (Huangshi, Ezhou ...)".
func (c *sentCtx) listFrom(i int) []int {
	out := c.members(i)
	last := out[len(out)-1]
	if last+1 < len(c.spans) {
		g := c.gap(last, last+1)
		if strings.HasSuffix(g, "(") && len(g) < 40 {
			out = append(out, c.members(last+1)...)
		}
	}
	return out
}

// capitals reads "X, the provincial capital", "X, capital of the
// province" and "X, the regional capital" (of an autonomous region): X
// part_of the province last named, or, when the gazetteer places X, the
// latest province named that contains it.
func (x *Extractor) capitals(c *sentCtx) {
	if !c.hasMask(&capitalsMask) {
		return
	}
	for i, sp := range c.spans {
		rest := c.lower[c.posEnd(i):]
		rule := "provincial-capital"
		switch {
		case strings.HasPrefix(rest, ", the provincial capital"), strings.HasPrefix(rest, ", capital of the province"):
		case strings.HasPrefix(rest, ", the regional capital"):
			rule = "regional-capital"
		default:
			continue
		}
		var prov *entity
		for k := i - 1; k >= 0 && prov == nil; k-- {
			if c.spans[k].ent.typ == ontology.Province && !x.outside(sp.ent, c.spans[k].ent) {
				prov = c.spans[k].ent
			}
		}
		if prov == nil {
			prov = x.containingProvince(c.state.history, sp.ent)
		}
		if prov == nil {
			prov = mostRecent(c.state.history, "", []ontology.EntityType{ontology.Province})
		}
		c.contain(sp.ent, prov, rule, x.gaz)
	}
}

// containingProvince returns the latest province of hist that the
// gazetteer says contains e, or nil.
func (x *Extractor) containingProvince(hist []*entity, e *entity) *entity {
	if !isDivisionCode(e.code) {
		return nil
	}
	for i := len(hist) - 1; i >= 0 && i >= len(hist)-historyWindow; i-- {
		h := hist[i]
		if h.typ == ontology.Province && isDivisionCode(h.code) && isAncestor(x.gaz, h.code, e.code) {
			return h
		}
	}
	return nil
}

// frontedLocation reads "Located in X, the airport handled ...".
func (x *Extractor) frontedLocation(c *sentCtx) {
	if !strings.HasPrefix(c.lower, "located in ") && !strings.HasPrefix(c.lower, "situated in ") && !strings.HasPrefix(c.lower, "based in ") {
		return
	}
	comma := strings.Index(c.text, ", ")
	if comma < 0 || len(c.spans) == 0 {
		return
	}
	if k := c.spanAt(comma + 2); k >= 0 {
		c.contain(c.spans[k].ent, c.possessee(0), "fronted-located-in", x.gaz)
	}
}

// transfers reads transfers_to: "moved from A (and B) to C", "to C from A",
// "C received N projects from A", "A firms moved to C", and gapped "... to
// C and 31 to D".
func (x *Extractor) transfers(c *sentCtx) {
	if !c.hasMask(&transfersMask) {
		return
	}
	moving := c.hasMask(&moveMask) && moveSearch.anyWord(c.lower, &c.s.trig, moveWord)
	receiving := c.hasMask(&receiveMask) && receiveSearch.anyWord(c.lower, &c.s.trig, receiveWord)
	for off := 0; c.hasMask(&fromMask); { // a sentence without "from " is not searched for it
		f := strings.Index(c.lower[off:], "from ")
		if f < 0 {
			break
		}
		f += off
		off = f + 5
		if !boundaryBefore(c.lower, f) {
			continue
		}
		to := indexSpaced(c.lower[f:], " to ")
		clauseEnd := clauseEndAfter(c.lower, f)
		srcEnd := clauseEnd
		if to >= 0 && f+to < clauseEnd {
			srcEnd = f + to
		}
		sources := c.sources(f+5, srcEnd)
		if len(sources) == 0 {
			continue
		}
		switch {
		case moving && to >= 0 && f+to < clauseEnd:
			if d := c.spanAt(f + to + 4); d >= 0 {
				for _, m := range c.destMembers(d) {
					c.moveAll(sources, m, "moved-from-to", f)
				}
				c.gapped(sources, d, f)
			}
		case moving && c.movedToFrom(f) >= 0:
			// "introduced to Hebei province from Beijing"
			c.moveAll(sources, c.movedToFrom(f), "moved-to-from", f)
		case receiving:
			if k := c.lastBefore(f, func(sp *span) bool { return ontology.IsPlace(sp.ent.typ) }); k >= 0 && !c.inside(k, "from ") {
				// "Kashgar and Khorgos have attracted investment from A": a
				// list that is the sentence's subject receives as a whole;
				// "Chenzhou in Hunan shall take in ... from A" is Chenzhou's
				dests := []int{c.locativeHead(c.npHead(k))}
				if s := c.subject(); s >= 0 && c.group[s] == c.group[dests[0]] {
					dests = c.members(dests[0])
				}
				for _, d := range dests {
					c.moveAll(sources, d, "received-from", f)
				}
			} else if k := c.subject(); k >= 0 && c.spans[k].start < f {
				c.moveAll(sources, k, "received-from", f)
			}
		}
	}
	x.movedTo(c)
	x.guidedToMove(c)
}

// clauseEnds are the separators that end a clause; clauseStarts, those
// that start one. Each starts with a comma or a semicolon.
var (
	clauseEnds   = []string{"; ", ", and ", ", while ", ", but ", ", bringing ", ", with "}
	clauseStarts = clauseEnds[:4]
)

// clauseEndAfter returns the end of the clause that holds pos: where the
// first of clauseEnds at or after pos starts, or len(s). Every separator
// starts with a comma or semicolon, so only those are tried.
func clauseEndAfter(s string, pos int) int {
	for i := pos; i < len(s); i++ {
		j := strings.IndexAny(s[i:], ",;")
		if j < 0 {
			break
		}
		i += j
		for _, sep := range clauseEnds {
			if strings.HasPrefix(s[i:], sep) {
				return i
			}
		}
	}
	return len(s)
}

// sources returns the spans between from and to that name where things
// moved from, leaving out possessors and containers ("in Jiangsu").
func (c *sentCtx) sources(start, end int) []int {
	var out []int
	for k, sp := range c.spans {
		if sp.start < start || sp.start >= end || sp.poss || sp.appos || !actor(sp.ent.typ) {
			continue
		}
		if len(out) > 0 && strings.HasSuffix(c.lower[:sp.start], " in ") {
			continue
		}
		if len(out) > 0 && strings.HasPrefix(strings.TrimSpace(c.lower[c.posEnd(out[len(out)-1]):sp.start]), ",") && c.group[k] != c.group[out[len(out)-1]] {
			continue // "Changzhou, Jiangsu Province"
		}
		out = append(out, k)
	}
	return out
}

// inside reports whether span k directly follows the word w.
func (c *sentCtx) inside(k int, w string) bool {
	return strings.HasSuffix(c.lower[:c.spans[k].start], w)
}

// subject returns the first span in subject position: not in an
// apposition, not after a preposition; or -1.
func (c *sentCtx) subject() int {
	for k, sp := range c.spans {
		if sp.appos || !actor(sp.ent.typ) {
			continue
		}
		before := strings.TrimSpace(c.lower[:sp.start])
		if before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, " the") || before == "the" || strings.HasSuffix(before, " and") {
			return k
		}
	}
	return -1
}

func (c *sentCtx) moveAll(sources []int, dest int, rule string, start int) {
	d := c.possessee(dest)
	for _, s := range sources {
		c.propose(c.spans[s].ent, d, ontology.TransfersTo, rule)
	}
	c.relocs = append(c.relocs, reloc{start: start, end: c.spans[dest].end, dest: d})
}

// gapped reads "... to C and 31 to D" after a first destination.
func (c *sentCtx) gapped(sources []int, dest int, start int) {
	for k := dest + 1; k < len(c.spans); k++ {
		prev := c.spans[k-1].end
		idx := strings.Index(c.lower[prev:c.spans[k].start], " to ")
		if idx < 0 || !reLater.MatchString(c.lower[prev:prev+idx+1]) {
			return
		}
		c.moveAll(sources, k, "moved-from-to", start)
	}
}

// movedToVerbs are the verbs of movedToStart.
var movedToVerbs = []string{"moved", "relocated", "transferred", "shifted"}

// movedToStart returns where the leftmost "moved [up to three words] to "
// ending s starts, or -1: the regular expression
// \b(?:moved|relocated|transferred|shifted) (?:\w+ ){0,3}?to $ scanned by
// hand, as the backtracking matcher tried it at every byte of the window.
func movedToStart(s string) int {
	for p := 0; p < len(s); p++ {
		if p > 0 && isWordByte(s[p-1]) {
			continue // \b: every verb starts with a word byte
		}
		for _, v := range movedToVerbs {
			e := p + len(v)
			if strings.HasPrefix(s[p:], v) && e < len(s) && s[e] == ' ' && wordsThenTo(s[e+1:]) {
				return p
			}
		}
	}
	return -1
}

// wordsThenTo reports whether s is (\w+ ){0,3}to followed by a space and
// nothing more.
func wordsThenTo(s string) bool {
	body, ok := strings.CutSuffix(s, "to ")
	if !ok {
		return false
	}
	for n := 0; body != ""; n++ {
		sp := strings.IndexByte(body, ' ')
		if n == 3 || sp <= 0 || !allWordBytes(body[:sp]) {
			return false
		}
		body = body[sp+1:]
	}
	return true
}

// allWordBytes reports whether every byte of s is a \w byte.
func allWordBytes(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return true
}

// movedTo reads "41 more Shenzhen firms moved to Huizhou" and "a maker
// based in A ..., which moved its production to B".
func (x *Extractor) movedTo(c *sentCtx) {
	for k := 1; k < len(c.spans); k++ {
		before := c.lower[:c.spans[k].start]
		if !strings.HasSuffix(before, " to ") && !strings.HasSuffix(before, " to the ") {
			continue
		}
		window := before[max(0, len(before)-60):]
		if !containsAny(window, movedToVerbs) {
			continue // the regexp needs one of them
		}
		m := movedToStart(window)
		if m < 0 {
			continue
		}
		trig := max(0, len(before)-60) + m
		if strings.Contains(c.lower[max(0, trig-80):trig], "from ") || strings.Contains(c.lower[trig:c.spans[k].start], "from ") {
			continue
		}
		src := -1
		for j := k - 1; j >= 0; j-- {
			sp := c.spans[j]
			if sp.end > trig {
				continue
			}
			np := strings.TrimSpace(c.lower[c.posEnd(j):trig])
			if !sp.poss && np != "" && len(strings.Fields(np)) <= 3 && !strings.ContainsAny(np, ",;") && ontology.IsPlace(sp.ent.typ) {
				src = j
			} else if strings.HasSuffix(c.lower[:sp.start], "based in ") {
				src = j
			}
			break
		}
		if src >= 0 {
			c.moveAll([]int{src}, k, "moved-to", trig)
		}
	}
}

// recipients reads "X (has become|serving as) a major recipient of NP
// (from A)": X recipient_of NP, and A transfers_to X; and "a task assigned
// to X" for a concept the sentence names.
func (x *Extractor) recipients(c *sentCtx) {
	if !c.hasMask(&recipientsMask) {
		return
	}
	for off := 0; c.hasMask(&recipientMask); { // nor one without "recipient" for that
		m := strings.Index(c.lower[off:], "recipient")
		if m < 0 {
			break
		}
		m += off
		off = m + 9
		rest := c.lower[m:]
		of := strings.Index(rest, " of ")
		if of < 0 || of > 12 {
			continue
		}
		npStart := m + of + 4
		npEnd := npStart + conceptEnd(c.lower[npStart:])
		concept := c.conceptAt(npStart, npEnd)
		subj := c.lastBefore(m, func(sp *span) bool { return actor(sp.ent.typ) })
		if concept == nil || subj < 0 {
			continue
		}
		from := c.sourcesIn(npStart, npEnd)
		for _, k := range c.members(subj) {
			c.propose(c.spans[k].ent, concept, ontology.RecipientOf, "apposition-recipient")
			for _, s := range from {
				c.propose(s, c.spans[k].ent, ontology.TransfersTo, "recipient-from")
			}
		}
	}
	if i := strings.Index(c.lower, "assigned to "); i >= 0 {
		if k := c.spanAt(i + len("assigned to ")); k >= 0 {
			for _, sp := range c.spans {
				if sp.ent.typ == ontology.Concept {
					c.propose(c.spans[k].ent, sp.ent, ontology.RecipientOf, "task-assigned-to")
				}
			}
		}
	}
}

// sourcesIn returns the places named after "from" in a noun phrase, also
// when the phrase is a curated concept that swallowed them ("functions
// relieved from Beijing").
func (c *sentCtx) sourcesIn(start, end int) []*entity {
	f := strings.Index(c.lower[start:end], "from ")
	if f < 0 {
		return nil
	}
	f += start + len("from ")
	var out []*entity
	for _, k := range c.sources(f, end) {
		out = append(out, c.spans[k].ent)
	}
	if len(out) == 0 {
		if e, ok := c.reg.byID[ontology.Slug(strings.TrimPrefix(c.lower[f:end], "the "))]; ok && ontology.IsPlace(e.typ) {
			out = append(out, e)
		}
	}
	return out
}

// conceptStops end a noun phrase: punctuation, or a space that starts one
// of the words.
var conceptStops = []string{" that ", " which ", " has ", " have ", " is ", " are ", " will ", " to "}

// conceptEnd returns the length of the noun phrase at the start of s: where
// the first of ",", ".", ";" and conceptStops starts, or len(s).
func conceptEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '.', ';':
			return i
		case ' ':
			for _, stop := range conceptStops {
				if strings.HasPrefix(s[i:], stop) {
					return i
				}
			}
		}
	}
	return len(s)
}

// conceptAt returns the concept a noun phrase names: a curated concept
// starting there, or a new Concept entity named by the phrase.
func (c *sentCtx) conceptAt(start, end int) *entity {
	for _, sp := range c.spans {
		if sp.start == start && sp.ent.typ == ontology.Concept {
			return sp.ent
		}
	}
	np := strings.TrimSpace(c.text[start:end])
	if np == "" || len(strings.Fields(np)) > 10 || len(strings.Fields(np)) < 2 {
		return nil
	}
	e := c.reg.get(np, ontology.Concept, "")
	c.extra = append(c.extra, &span{start: start, end: start + len(np), surface: np, kind: spanName,
		typ: ontology.Concept, name: np, known: -1, ent: e})
	return e
}

// cooperation reads cooperates_with: "A (and B) is working with C (and D)",
// "signed agreements with", "paired with", gapped "E with F", and joint
// statements "A, B and C have worked together".
func (x *Extractor) cooperation(c *sentCtx) {
	coop := c.hasMask(&withMask) && c.hasMask(&coopMask) && coopSearch.anyWord(c.lower, &c.s.trig, coopWord)
	for off := 0; coop; {
		w := indexSpaced(c.lower[off:], " with ")
		if w < 0 {
			break
		}
		w += off
		off = w + 6
		obj := c.spanAt(w + 6)
		subj := c.lastBefore(w, func(sp *span) bool { return actor(sp.ent.typ) })
		if obj < 0 || subj < 0 || !actor(c.spans[obj].ent.typ) {
			continue
		}
		subj = c.nearerOwner(c.locativeHead(subj))
		between := c.lower[c.posEnd(subj):w]
		var subjects []int
		switch {
		case strings.TrimSpace(between) == "" && c.linkedWith(subj):
			continue // "a road linking A with B": a link, not a partnership
		case strings.TrimSpace(between) == "":
			subjects = []int{subj}
		case len(between) < 120 && anyWord(between, coopWord) && !strings.Contains(between, ";"):
			subjects = c.members(subj)
		default:
			continue
		}
		if strings.Contains(between, "together") && strings.Contains(between, ",") {
			continue // "X serves as the core of Y, together with A": not a partnership
		}
		if strings.HasSuffix(between, " together") {
			// "X is building Y together with Z": X, not Y, works with Z
			if k := c.subject(); k >= 0 && k < obj {
				subjects = c.members(k)
			}
		}
		for _, s := range subjects {
			for _, o := range c.objects(obj) {
				c.propose(c.spans[s].ent, c.possessee(o), ontology.CooperatesWith, "working-with")
			}
		}
	}
	joint := c.hasMask(&jointMask) || c.mayDeepen()
	for i := range c.spans {
		if !joint {
			break
		}
		if c.group[i] != i || c.spans[i].appos && !c.objectRelative(i) {
			continue
		}
		ms := c.locatedFirst(c.possessedMembers(c.members(i)))
		pos := c.skipRelative(c.skipLocative(c.skipApposition(c.posEnd(ms[len(ms)-1]))))
		ms, pos = c.togetherWith(ms, pos)
		if len(ms) < 2 || !c.jointAfter(ms[0], pos) && !jointDevelopment(c.lower[pos:]) {
			continue
		}
		for a := 0; a < len(ms); a++ {
			for b := a + 1; b < len(ms); b++ {
				c.propose(c.spans[ms[a]].ent, c.spans[ms[b]].ent, ontology.CooperatesWith, "worked-together")
			}
		}
	}
}

// togetherWith extends a list of actors by the list that follows
// "together with" or "along with" at pos ("A and B, together with C and D
// in Y, have set up ..."); it returns the list and where the text after it
// starts.
func (c *sentCtx) togetherWith(ms []int, pos int) ([]int, int) {
	for _, w := range []string{", together with ", " together with ", ", along with ", " along with "} {
		if !strings.HasPrefix(c.lower[pos:], w) {
			continue
		}
		k := c.spanAt(pos + len(w))
		if k < 0 || !actor(c.spans[k].ent.typ) {
			return ms, pos
		}
		more := c.members(k)
		out := append(append([]int(nil), ms...), more...)
		end := c.skipLocative(c.posEnd(more[len(more)-1]))
		return out, end + boolInt(strings.HasPrefix(c.text[end:], ", "))
	}
	return ms, pos
}

// skipLocative returns the end of a place that locates the name before pos
// ("Ordos in Inner Mongolia will ..."), or pos.
func (c *sentCtx) skipLocative(pos int) int {
	if !strings.HasPrefix(c.lower[pos:], " in ") && !strings.HasPrefix(c.lower[pos:], " of ") {
		return pos
	}
	if k := c.spanAt(pos + 4); k >= 0 && ontology.IsPlace(c.spans[k].ent.typ) && !c.spans[k].poss {
		return c.posEnd(k)
	}
	return pos
}

// objects returns the list that starts at span o, cut before a member that
// opens a gapped pair ("with Meizhou and Qingyuan, and Shenzhen with ...").
func (c *sentCtx) objects(o int) []int {
	var out []int
	for _, k := range c.members(o) {
		if k < o {
			continue
		}
		if k > o && (strings.HasPrefix(c.lower[c.posEnd(k):], " with ") || c.clauseSubject(k)) {
			break
		}
		out = append(out, k)
	}
	return out
}

// offices reads official_of and affiliated_with: "P, vice governor of Y",
// "P, a reporter with O", "P, Y's vice governor", "Y vice mayor P".
func (x *Extractor) offices(c *sentCtx) {
	for i, sp := range c.spans {
		if sp.ent.typ != ontology.Person {
			continue
		}
		if i+1 < len(c.spans) {
			gap := c.lowerGap(i, i+1)
			if title, ok := officeTitle(gap); ok && hasTitle(title) {
				c.propose(sp.ent, c.spans[i+1].ent, bodyOfficePredicate(title, c.spans[i+1].ent), "title-of-place")
			} else if (gap == ", " || gap == ", the ") && c.spans[i+1].poss && hasTitle(firstWords(c.lower[c.posEnd(i+1):], 3)) {
				c.propose(sp.ent, c.spans[i+1].ent, officePredicate(firstWords(c.lower[c.posEnd(i+1):], 3)), "title-of-place")
			}
		}
		if m := c.ministerOf(i); m != nil {
			c.propose(sp.ent, m, ontology.OfficialOf, "minister-of")
		}
		if i > 0 && !c.spans[i-1].poss {
			gap := c.lowerGap(i-1, i)
			if title, ok := titleBefore(gap); ok && allTitleWords(title) {
				c.propose(sp.ent, c.spans[i-1].ent, officePredicate(title), "title-of-place")
			}
		}
	}
}

func firstWords(s string, n int) string {
	if n > 0 { // walk only the first n fields
		f := make([]string, 0, 4)
		for rest := s; len(f) < n; {
			w, more := nextField(rest)
			if w == "" {
				break
			}
			f = append(f, w)
			rest = more
		}
		if len(f) == 1 {
			return f[0]
		}
		return strings.Join(f, " ")
	}
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

func hasTitle(words string) bool {
	for _, w := range strings.Fields(words) {
		if isTitleWord(strings.Trim(w, ",.")) {
			return true
		}
	}
	return false
}

// allTitleWords reports a title before a name: "vice mayor", "Party secretary".
func allTitleWords(words string) bool {
	f := strings.Fields(words)
	for _, w := range f {
		switch w {
		case "vice", "deputy", "executive", "acting", "party", "former":
			continue
		}
		if !isTitleWord(w) {
			return false
		}
	}
	return hasTitle(words)
}

func officePredicate(title string) ontology.Predicate {
	for _, w := range strings.Fields(title) {
		if researchTitles[strings.Trim(w, ",.")] {
			return ontology.AffiliatedWith
		}
	}
	return ontology.OfficialOf
}

// implementation reads implements: "X has acted on / is implementing /
// carries out S", with S a strategy, "it" or "the plan" referring to one,
// or "the tasks" of the strategy last named.
func (x *Extractor) implementation(c *sentCtx) {
	if !c.hasMask(&implMask) && !(c.hasMask(&takePartMask) && strings.Contains(c.lower, " part in ")) {
		return
	}
	for _, m := range implMatchesIn(c.lower, &c.s.trig) {
		subj := c.lastBefore(m[0], func(sp *span) bool { return actor(sp.ent.typ) })
		if subj < 0 {
			continue
		}
		var s *entity
		if strings.HasPrefix(c.lower[m[0]:], "advanc") || strings.HasPrefix(c.lower[m[0]:], "part in") {
			s = c.strategyRightAfter(m[1])
		} else {
			s = c.strategyAfter(m[1])
		}
		if s == nil {
			continue
		}
		for _, k := range c.members(subj) {
			c.propose(c.spans[k].ent, s, ontology.Implements, "implements-strategy")
		}
		c.implementsTogether(m[1], s)
	}
}

// strategyRightAfter finds a strategy named as the direct object of a
// verb ending at pos, with at most "the" between: "advance the Silk Road
// Economic Belt initiative", not "advance reform under the ... Plan".
func (c *sentCtx) strategyRightAfter(pos int) *entity {
	for _, sp := range c.spans {
		if sp.start < pos {
			continue
		}
		if between := strings.TrimSpace(c.lower[pos:sp.start]); (between == "" || between == "the") && sp.ent.typ == ontology.Strategy {
			return sp.ent
		}
		return nil
	}
	return nil
}

// strategyAfter finds the strategy a verb at pos takes as its object.
func (c *sentCtx) strategyAfter(pos int) *entity {
	for _, sp := range c.spans {
		if sp.start >= pos && sp.start-pos < 80 && sp.ent.typ == ontology.Strategy {
			return sp.ent
		}
	}
	rest := strings.TrimSpace(c.lower[pos:])
	recent := func() *entity {
		for _, sp := range c.spans {
			if sp.ent.typ == ontology.Strategy {
				return sp.ent
			}
		}
		return mostRecent(c.state.history, "", []ontology.EntityType{ontology.Strategy})
	}
	if strings.HasPrefix(rest, "it ") || strings.HasPrefix(rest, "it,") || strings.HasPrefix(rest, "it.") {
		return recent()
	}
	if strings.Contains(firstWords(rest, 4), "task") {
		return recent()
	}
	return nil
}
