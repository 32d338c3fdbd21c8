//! Mentions: the actors, places, weapons and numbers of a sentence.
//!
//! Names come from two sources: lexicon phrases (countries, places, known
//! actors, titles) and runs of capitalized words. A run is split into a
//! leading country or demonym, a title and a name ("U.S. | Secretary of
//! State | Antony Blinken"). Common-noun actors ("Iraqi security forces",
//! "pro-Iranian militias") are an actor noun with the modifiers before it.

use crate::document::Span;
use crate::event::Sector;
use crate::lexicon::{Entry, Hit, Iso, Lexicon};
use crate::segment::Sentence;
use crate::tokens::{
    capacity_for, ends_with_ci, is_upper_start, starts_with_ci, tokenize, Token, TokenKind,
};
use std::ops::Range;
use std::sync::Arc;

/// What a mention denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A named person ("Antony Blinken", "Gen. Smith").
    Person,
    /// A named organization, institution or group.
    Org,
    /// A country name.
    Country,
    /// A city, region, site.
    Place,
    /// A common-noun actor ("security forces", "gunmen").
    Group,
    /// A country adjective standing alone ("Iraqi", "Israeli").
    Demonym,
    /// A title without a name ("the prime minister", "the spokesman").
    Description,
    /// "he", "she", "they", "it".
    Pronoun,
    /// A capitalized name of unknown type.
    Unknown,
}

/// One mention in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntityMention {
    /// The whole phrase, title included.
    pub span: Span,
    /// The name proper (the phrase without title or leading country).
    pub name: Span,
    /// Tokens of the phrase (document token indices).
    pub toks: Range<usize>,
    pub class: Class,
    pub iso: Option<Iso>,
    pub sector: Option<Sector>,
    /// Title words, if any ("Prime Minister").
    pub title: Option<Span>,
    pub plural: bool,
    /// For demonyms: the country's name ("Israeli" -> "Israel").
    pub country: Option<Arc<str>>,
}

impl EntityMention {
    pub(crate) fn is_actor(&self) -> bool {
        matches!(
            self.class,
            Class::Person
                | Class::Org
                | Class::Country
                | Class::Group
                | Class::Description
                | Class::Pronoun
                | Class::Unknown
        )
    }
}

/// A weapon phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Weapon {
    pub span: Span,
    pub toks: Range<usize>,
    /// Not a vehicle: evidence of force by itself.
    pub force: bool,
}

/// Working lists of mention recognition in one sentence.
#[derive(Default)]
struct Scratch {
    /// Per token of the sentence: the hit that covers it.
    hit_at: Vec<Option<usize>>,
    /// Per token of the sentence: whether it can be part of a name.
    is_name: Vec<bool>,
    /// Runs of name tokens.
    runs: Vec<Range<usize>>,
    /// Mentions a description takes in as its modifiers, to be removed.
    absorbed: Vec<usize>,
}

/// Per-document analysis: sentences, tokens, quotes and mentions.
#[derive(Debug)]
pub(crate) struct Analysis<'t> {
    pub text: &'t str,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Token range of each sentence.
    pub sent_toks: Vec<Range<usize>>,
    /// Quoted regions (between the marks), in order.
    pub quotes: Vec<Span>,
    /// Mentions of all sentences, each sentence's in text order: see
    /// [`Analysis::mentions`]. One list for the document, not one per
    /// sentence, saves two allocations per sentence.
    all_ments: Vec<EntityMention>,
    sent_ments: Vec<Range<usize>>,
    /// Weapons of all sentences: see [`Analysis::weapons`].
    all_weapons: Vec<Weapon>,
    sent_weapons: Vec<Range<usize>>,
    /// Lexicon hits of the document, found in its tokens.
    pub hits: Vec<Hit>,
    /// Trigger hits of the document, found in its tokens.
    pub triggers: Vec<Hit>,
    /// Sense words of the document (see `Lexicon::sense_word`).
    pub sense_hits: Vec<Hit>,
}

const ORG_WORDS: &[&str] = &[
    "Ministry",
    "Department",
    "Council",
    "Forces",
    "Force",
    "Army",
    "Movement",
    "Front",
    "Party",
    "Union",
    "Authority",
    "Agency",
    "Brigade",
    "Brigades",
    "Group",
    "Resistance",
    "Committee",
    "Organization",
    "Organisation",
    "Office",
    "Court",
    "Courts",
    "Guard",
    "Guards",
    "Command",
    "Coalition",
    "Government",
    "Commission",
    "Police",
    "Service",
    "News",
    "Corps",
    "Militia",
    "Liberation",
    "Navy",
    "Administration",
    "Assembly",
    "Parliament",
    "Congress",
    "Senate",
    "Cabinet",
    "Bank",
    "Fund",
    "Association",
    "Institute",
    "Embassy",
    "Mission",
    "Alliance",
    "Federation",
    "League",
    "Network",
    "Times",
    "Post",
    "Press",
    "Television",
    "Radio",
    "Company",
    "Corporation",
    "Ltd",
    "Inc",
    "Agency",
    "University",
    "Regime",
    "Courts",
    "Tigers",
    "Taliban",
    "Jihad",
    "Hezbollah",
    "Hizbollah",
    "Brotherhood",
    "Battalion",
    "Battalions",
    "Division",
    "Unit",
    "Squad",
    "Team",
];

const PLACE_WORDS: &[&str] = &[
    "Strip",
    "Province",
    "province",
    "Street",
    "Square",
    "Airport",
    "Base",
    "airbase",
    "Heights",
    "Valley",
    "River",
    "Sea",
    "Gulf",
    "Island",
    "Islands",
    "District",
    "County",
    "Camp",
    "Bridge",
    "Mountains",
    "Region",
    "State",
    "City",
    "Port",
    "Peninsula",
    "Desert",
    "Lake",
    "Hospital",
];

/// Weekdays and months: capitalized, but dates, not names.
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "van", "von", "der", "la",
    "le", "dos", "del", "ben",
];

/// What a pronoun can stand for: the kind of mention its antecedent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refers {
    /// "they", "we": a plural group, or an organization.
    Plural,
    /// "it": an organization, a country, a singular group.
    Thing,
    /// "he", "she": a person, or a name the register knows.
    Person,
}

/// The pronouns taken as mentions, with what each can stand for.
const PRONOUNS: &[(&str, Refers)] = &[
    ("he", Refers::Person),
    ("she", Refers::Person),
    ("they", Refers::Plural),
    ("it", Refers::Thing),
    ("we", Refers::Plural),
    ("them", Refers::Plural),
];

/// What the pronoun `w` (any case) can stand for, if it is one of [`PRONOUNS`].
pub(crate) fn pronoun(w: &str) -> Option<Refers> {
    PRONOUNS
        .iter()
        .find(|(p, _)| lower_eq(p, w))
        .map(|&(_, r)| r)
}

/// Actor nouns that are plural without an "s" ("the police", "the army").
const PLURAL_HEADS: &[&str] = &[
    "police",
    "gunmen",
    "militia",
    "military",
    "government",
    "army",
];

/// Words that may modify an actor noun ("armed", "suspected").
const ACTOR_MODIFIERS: &[&str] = &[
    "armed",
    "militant",
    "rebel",
    "security",
    "military",
    "senior",
    "local",
    "foreign",
    "unidentified",
    "suspected",
    "unknown",
    "masked",
    "government",
    "opposition",
    "islamist",
    "islamic",
    "radical",
    "key",
    "several",
    "some",
    "many",
    "other",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "top",
    "defense",
    "defence",
    "interior",
    "foreign",
    "police",
    "army",
    "navy",
    "air",
    "special",
    "state",
    "federal",
    "national",
    "regional",
    "provincial",
    "tribal",
    "separatist",
    "jihadist",
    "shiite",
    "shia",
    "sunni",
    "kurdish",
    "palestinian",
    "israeli",
    "coalition",
    "allied",
    "western",
    "international",
    "u.n.",
    "un",
    "militia",
    "paramilitary",
    "pro-government",
    "anti-government",
    "elite",
    "private",
    "hardline",
    "extremist",
    "terrorist",
    "insurgent",
    "guerrilla",
    "nato",
    "au",
    "eu",
    "american",
    "iraqi",
    "iranian",
    "coast",
    "border",
    "riot",
    "intelligence",
    "civilian",
    "ruling",
    "retired",
    "former",
    "veteran",
    "young",
    "unarmed",
    "innocent",
    "houthi",
];
/// Hyphenated modifiers of an actor noun ("Iranian-backed militias").
const HYPHEN_SUFFIXES: &[&str] = &[
    "-backed",
    "-aligned",
    "-linked",
    "-allied",
    "-led",
    "-affiliated",
    "-based",
    "-supported",
    "-sponsored",
];

/// Words after which an unknown name is a place ("in Ramadi").
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "from", "outside", "into", "across"];

/// "al-Sudani", "bin-Salman": a lowercase name particle before a hyphen.
fn particle_prefixed(w: &str) -> bool {
    let b = w.as_bytes();
    PARTICLES.iter().any(|p| {
        b.len() >= p.len()
            && b[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            && (b.len() == p.len() || b[p.len()] == b'-')
    })
}

/// A weekday or month name, with or without an abbreviation dot.
pub(crate) fn is_calendar(w: &str) -> bool {
    CALENDAR.contains(&w.trim_end_matches('.'))
}

/// A month name or abbreviation, capitalized, with or without its dot.
fn is_month(w: &str) -> bool {
    is_calendar(w) && !w.ends_with("day")
}

fn lower_eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

impl<'t> Analysis<'t> {
    /// Runs segmentation, tokenization, the lexicon and trigger search, and
    /// mention recognition.
    pub(crate) fn new(text: &'t str, lex: &Lexicon) -> Analysis<'t> {
        let mut a = Analysis::lexed(text, lex);
        a.find_mentions(lex);
        a
    }

    /// [`Analysis::new`], or `None` when the text has no trigger: every
    /// event starts at one, so the mentions are not needed.
    pub(crate) fn triggered(text: &'t str, lex: &Lexicon) -> Option<Analysis<'t>> {
        if !lex.may_hold_trigger(text) {
            return None;
        }
        let mut a = Analysis::lexed(text, lex);
        if a.triggers.is_empty() {
            return None;
        }
        a.find_mentions(lex);
        Some(a)
    }

    /// Sentences, tokens, quotes and the lexicon and trigger hits.
    pub(crate) fn lexed(text: &'t str, lex: &Lexicon) -> Analysis<'t> {
        let sentences = crate::segment::sentences(text);
        let mut tokens = Vec::with_capacity(capacity_for(text.len(), 5));
        let mut sent_toks = Vec::with_capacity(sentences.len());
        for s in &sentences {
            let a = tokens.len();
            tokenize(text, s.span, &mut tokens);
            sent_toks.push(a..tokens.len());
        }
        let mut found = crate::lexicon::Hits::default();
        lex.hits_in(text, &tokens, &sent_toks, &mut found);
        let mut quotes = Vec::new();
        find_quotes(text, &tokens, &sentences, &sent_toks, &mut quotes);
        Analysis {
            text,
            sentences,
            tokens,
            sent_toks,
            quotes,
            all_ments: Vec::new(),
            sent_ments: Vec::new(),
            all_weapons: Vec::new(),
            sent_weapons: Vec::new(),
            hits: found.names,
            triggers: found.triggers,
            sense_hits: found.senses,
        }
    }

    /// Mention recognition, sentence by sentence.
    fn find_mentions(&mut self, lex: &Lexicon) {
        let text = self.text;
        let a = &*self;
        let n = a.sentences.len();
        let mut all_ments = Vec::with_capacity(capacity_for(text.len(), 64));
        let mut sent_ments = Vec::with_capacity(n);
        let mut all_weapons = Vec::new();
        let mut sent_weapons = Vec::with_capacity(n);
        for si in 0..n {
            let mut scratch = Scratch::default();
            let (mut mentions, mut weapons) = (Vec::new(), Vec::new());
            a.sentence_mentions(si, lex, &mut scratch, &mut mentions, &mut weapons);
            let from = all_ments.len();
            all_ments.append(&mut mentions);
            sent_ments.push(from..all_ments.len());
            let from = all_weapons.len();
            all_weapons.append(&mut weapons);
            sent_weapons.push(from..all_weapons.len());
        }
        self.all_ments = all_ments;
        self.sent_ments = sent_ments;
        self.all_weapons = all_weapons;
        self.sent_weapons = sent_weapons;
    }

    /// The mentions of sentence `si`, in text order.
    pub(crate) fn mentions(&self, si: usize) -> &[EntityMention] {
        &self.all_ments[self.sent_ments[si].clone()]
    }

    /// The mentions of all sentences, in text order.
    pub(crate) fn all_ments(&self) -> &[EntityMention] {
        &self.all_ments
    }

    /// The weapons of sentence `si`, in text order.
    pub(crate) fn weapons(&self, si: usize) -> &[Weapon] {
        &self.all_weapons[self.sent_weapons[si].clone()]
    }

    /// The text span of tokens `toks` (a non-empty range).
    pub(crate) fn toks_span(&self, toks: Range<usize>) -> Span {
        Span::new(
            self.tokens[toks.start].span.start,
            self.tokens[toks.end - 1].span.end,
        )
    }

    pub(crate) fn tok(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].span.range()]
    }

    /// The hits of `hits` (in text order) that lie in sentence `si`: the
    /// name hits or the trigger hits, which start and end at token edges of
    /// one sentence.
    pub(crate) fn hits_of<'h>(&self, si: usize, hits: &'h [Hit]) -> &'h [Hit] {
        let range = &self.sent_toks[si];
        let first = hits.partition_point(|h| h.first_tok < range.start);
        let end = first + hits[first..].partition_point(|h| h.first_tok < range.end);
        &hits[first..end]
    }

    fn sentence_mentions(
        &self,
        si: usize,
        lex: &Lexicon,
        scratch: &mut Scratch,
        out: &mut Vec<EntityMention>,
        weapons: &mut Vec<Weapon>,
    ) {
        let range = self.sent_toks[si].clone();
        let headline = self.sentences[si].headline;
        let Scratch {
            hit_at,
            is_name,
            runs,
            absorbed,
        } = scratch;
        let hits = self.hits_of(si, &self.hits);
        // Per token: the lexicon hit that covers it (start token -> hit index).
        hit_at.clear();
        hit_at.resize(range.len(), None);
        for (hi, h) in hits.iter().enumerate() {
            for t in h.toks() {
                hit_at[t - range.start] = Some(hi);
            }
        }
        let meanings = |hi: usize| lex.meanings(hits[hi].phrase);
        let has = |hi: usize, f: &dyn Fn(&Entry) -> bool| meanings(hi).iter().any(f);
        let all_caps_line = {
            let words = range
                .clone()
                .filter(|&i| self.tokens[i].kind == TokenKind::Word)
                .map(|i| self.tok(i));
            words.clone().nth(2).is_some()
                && words
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .all(|w| !w.chars().any(char::is_lowercase))
        };
        let first_word = range.clone().find(|&i| {
            self.tokens[i].kind == TokenKind::Word || self.tokens[i].kind == TokenKind::Num
        });
        // Is token i part of a name run?
        let name_tok = |i: usize| -> bool {
            let t = &self.tokens[i];
            if t.kind != TokenKind::Word {
                return false;
            }
            let w = self.tok(i);
            let hit = hit_at[i - range.start];
            if let Some(hi) = hit {
                if has(hi, &|e| {
                    !matches!(e, Entry::ActorNoun { .. } | Entry::Weapon { .. })
                }) {
                    // Every word of a capitalized name belongs to it ("Ain al-Asad airbase").
                    let first = self.tok(hits[hi].first_tok);
                    return is_upper_start(first)
                        || meanings(hi)
                            .iter()
                            .any(|e| matches!(e, Entry::Title { .. }));
                }
            }
            // "Fighters from ...", "Gunmen attacked ...": a capitalized common noun.
            if hit.is_some() && (Some(i) == first_word || headline) {
                return false;
            }
            if !is_upper_start(w) {
                // A byte loop: `str::contains` sets up a search per word.
                return !t.is_ascii_word() && w.bytes().any(|b| b == b'-') && particle_prefixed(w);
            }
            if all_caps_line || is_calendar(w) {
                return false;
            }
            if (headline || Some(i) == first_word) && lex.is_common(w) {
                return false;
            }
            if Some(i) == first_word && lex.is_common(w.trim_end_matches('.')) {
                return false;
            }
            // A sentence-initial participle or adverb ("Commenting on the
            // deal, ...", "Separately, ..."): a capital, not a name.
            if Some(i) == first_word && w.len() > 5 && i + 1 < range.end {
                let next = self.tok(i + 1);
                let lower_next = next.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
                if (w.ends_with("ing") && (lower_next || next == ","))
                    || (w.ends_with("ly") && (next == "," || (lower_next && next.ends_with("ing"))))
                {
                    return false;
                }
            }
            true
        };
        // Decided once per token: the run loop below looks at tokens twice.
        is_name.clear();
        is_name.extend(range.clone().map(name_tok));
        let is_name = &*is_name;
        let name_tok = |i: usize| is_name[i - range.start];
        // 1. Runs of name tokens, joined by "of"/"of the" and particles.
        runs.clear();
        let mut i = range.start;
        while i < range.end {
            if !name_tok(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < range.end && name_tok(end) {
                    end += 1;
                    continue;
                }
                // "Secretary of State", "Council of Islamic Courts"
                if end + 1 < range.end && lower_eq(self.tok(end), "of") && name_tok(end + 1) {
                    end += 2;
                    continue;
                }
                if end + 2 < range.end
                    && lower_eq(self.tok(end), "of")
                    && self.tok(end + 1) == "the"
                    && name_tok(end + 2)
                {
                    end += 3;
                    continue;
                }
                break;
            }
            // A lexicon hit must not be cut by the run's end.
            runs.push(start..end);
            i = end;
        }
        out.clear();
        for run in runs.drain(..) {
            self.classify_run(run, hits, hit_at, &range, lex, out);
        }
        // 2. Common-noun actors and pronouns.
        let mut k = range.start;
        while k < range.end {
            let t = self.tokens[k];
            if t.kind != TokenKind::Word {
                k += 1;
                continue;
            }
            let w = self.tok(k);
            if let Some(refers) = pronoun(w) {
                out.push(EntityMention {
                    span: t.span,
                    name: t.span,
                    toks: k..k + 1,
                    class: Class::Pronoun,
                    iso: None,
                    sector: None,
                    title: None,
                    plural: refers == Refers::Plural,
                    country: None,
                });
                k += 1;
                continue;
            }
            let Some(hi) = hit_at[k - range.start] else {
                k += 1;
                continue;
            };
            let hr = hits[hi].toks();
            if hr.start != k {
                k += 1;
                continue;
            }
            let sector = meanings(hi).iter().find_map(|e| match e {
                Entry::ActorNoun { sector } => Some(*sector),
                _ => None,
            });
            let Some(sector) = sector else {
                k = hr.end;
                continue;
            };
            if out.iter().any(|m| m.toks.contains(&k)) {
                k = hr.end;
                continue;
            }
            // Extend left over modifiers.
            let mut s = k;
            let mut iso = None;
            absorbed.clear();
            while s > range.start {
                let p = s - 1;
                let pt = self.tokens[p];
                // "22 soldiers", but not the day of "March 5 gunmen".
                if pt.kind == TokenKind::Num && !(p > range.start && is_month(self.tok(p - 1))) {
                    s = p;
                    continue;
                }
                if pt.kind != TokenKind::Word {
                    break;
                }
                let pw = self.tok(p);
                if let Some(mi) = out.iter().position(|m| m.toks.end == p + 1) {
                    let m = &out[mi];
                    if matches!(
                        m.class,
                        Class::Demonym
                            | Class::Country
                            | Class::Org
                            | Class::Unknown
                            | Class::Place
                    ) && !(m.class == Class::Country
                        && self.tokens[m.toks.end].kind == TokenKind::Poss)
                    {
                        iso = iso.or(m.iso);
                        s = m.toks.start;
                        absorbed.push(mi);
                        continue;
                    }
                    break;
                }
                if ACTOR_MODIFIERS.iter().any(|m| lower_eq(m, pw))
                    || (pw.contains('-')
                        && (HYPHEN_SUFFIXES
                            .iter()
                            .any(|x| ends_with_ci(pw.as_bytes(), x.as_bytes()))
                            || starts_with_ci(pw.as_bytes(), b"pro-")
                            || starts_with_ci(pw.as_bytes(), b"anti-")))
                {
                    if iso.is_none() {
                        if let Some(hi2) = hit_at[p - range.start] {
                            iso = meanings(hi2).iter().find_map(|e| match e {
                                Entry::Demonym { iso, .. } => *iso,
                                _ => None,
                            });
                        }
                    }
                    s = p;
                    continue;
                }
                break;
            }
            absorbed.sort_unstable();
            for &mi in absorbed.iter().rev() {
                out.remove(mi);
            }
            let head = self.tok(hr.end - 1);
            let plural = ends_with_ci(head.as_bytes(), b"s")
                || PLURAL_HEADS.iter().any(|p| lower_eq(p, head));
            // "fighters from the Brigades of the North": the group takes its organization.
            let mut end = hr.end;
            let mut j = hr.end;
            if j < range.end && (lower_eq(self.tok(j), "from") || lower_eq(self.tok(j), "of")) {
                j += 1;
                if j < range.end && lower_eq(self.tok(j), "the") {
                    j += 1;
                }
                if let Some(oi) = out
                    .iter()
                    .position(|m| m.toks.start == j && matches!(m.class, Class::Org))
                {
                    let org = out.remove(oi);
                    iso = iso.or(org.iso);
                    end = org.toks.end;
                }
            }
            if end > hr.end {
                let span = self.toks_span(s..end);
                out.push(EntityMention {
                    span,
                    name: span,
                    toks: s..end,
                    class: Class::Group,
                    iso,
                    sector,
                    title: None,
                    plural: true,
                    country: None,
                });
                k = end;
                continue;
            }
            // "police spokesman", "Hezbollah commander": the noun modifies a title.
            if let Some(d) = out.iter_mut().find(|m| {
                m.toks.start == hr.end && matches!(m.class, Class::Description | Class::Person)
            }) {
                d.toks.start = s;
                d.span.start = self.tokens[s].span.start;
                if d.class == Class::Description {
                    d.name.start = d.span.start;
                }
                d.iso = d.iso.take().or(iso);
                k = hr.end;
                continue;
            }
            let span = self.toks_span(s..hr.end);
            out.push(EntityMention {
                span,
                name: span,
                toks: s..hr.end,
                class: Class::Group,
                iso,
                sector,
                title: None,
                plural,
                country: None,
            });
            k = hr.end;
        }
        out.sort_by_key(|m| m.span.start);
        // 3. Weapons.
        weapons.clear();
        for h in hits {
            let force = lex.meanings(h.phrase).iter().find_map(|e| match e {
                Entry::Weapon { force } => Some(*force),
                _ => None,
            });
            if let Some(force) = force {
                weapons.push(Weapon {
                    span: h.span,
                    toks: h.toks(),
                    force,
                });
            }
        }
    }

    /// Splits a name run into country/demonym, title and name, and classifies it.
    #[allow(clippy::too_many_arguments)]
    fn classify_run(
        &self,
        run: Range<usize>,
        hits: &[Hit],
        hit_at: &[Option<usize>],
        range: &Range<usize>,
        lex: &Lexicon,
        out: &mut Vec<EntityMention>,
    ) {
        // Leading segments: country/demonym hits, then title hits.
        let mut i = run.start;
        let mut iso: Option<Iso> = None;
        let mut country_name: Option<Arc<str>> = None;
        let mut lead_class: Option<Class> = None;
        let mut title: Option<Range<usize>> = None;
        let mut sector = None;
        while i < run.end {
            let Some(hi) = hit_at[i - range.start] else {
                break;
            };
            let (hr, phrase) = (hits[hi].toks(), hits[hi].phrase);
            if hr.start != i || hr.end > run.end {
                break;
            }
            let ms = lex.meanings(phrase);
            let title_e = ms.iter().find_map(|e| match e {
                Entry::Title { sector } => Some(*sector),
                _ => None,
            });
            if let Some(ts) = title_e {
                title = Some(title.map(|t| t.start..hr.end).unwrap_or(hr.clone()));
                sector = sector.or(ts);
                i = hr.end;
                continue;
            }
            if title.is_some() {
                break;
            }
            let demonym = ms.iter().find_map(|e| match e {
                Entry::Demonym { iso, country } => Some((*iso, country)),
                _ => None,
            });
            let country = ms.iter().find_map(|e| match e {
                Entry::Country { iso } => Some(*iso),
                _ => None,
            });
            if hr.end < run.end && (demonym.is_some() || country.is_some()) {
                if let Some((c, n)) = demonym {
                    iso = c;
                    country_name = Some(n.clone());
                } else if let Some(c) = country {
                    iso = c;
                }
                lead_class = Some(Class::Demonym);
                i = hr.end;
                continue;
            }
            break;
        }
        let push = |out: &mut Vec<EntityMention>,
                    toks: Range<usize>,
                    name: Range<usize>,
                    class: Class,
                    iso: Option<Iso>,
                    sector: Option<Sector>,
                    title: Option<Span>,
                    country: Option<Arc<str>>| {
            out.push(EntityMention {
                span: self.toks_span(toks.clone()),
                name: self.toks_span(name),
                toks,
                class,
                iso,
                sector,
                title,
                plural: false,
                country,
            });
        };
        if i >= run.end {
            // Only country/demonym/title words.
            if let Some(t) = title.clone() {
                push(
                    out,
                    run.clone(),
                    t.clone(),
                    Class::Description,
                    iso,
                    sector,
                    Some(self.toks_span(t)),
                    None,
                );
                return;
            }
            // A single hit covering the run.
            let hi = hit_at[run.start - range.start];
            if let Some(hi) = hi {
                let ms = lex.meanings(hits[hi].phrase);
                let (class, iso2, sec2, cn) = classify_entries(ms);
                push(out, run.clone(), run.clone(), class, iso2, sec2, None, cn);
            }
            return;
        }
        // The rest of the run is the name.
        let name = i..run.end;
        let name_hit = hit_at[i - range.start].filter(|&hi| hits[hi].toks() == name);
        if let Some(hi) = name_hit {
            let (class, iso2, sec2, cn) = classify_entries(lex.meanings(hits[hi].phrase));
            if title.is_none() {
                if lead_class.is_some() && class != Class::Demonym {
                    // "Iraqi Kurdistan", "U.S. State Department": keep the whole run.
                    push(
                        out,
                        run.clone(),
                        run.clone(),
                        class,
                        iso2.or(iso),
                        sec2,
                        None,
                        cn,
                    );
                } else {
                    push(out, run.clone(), name.clone(), class, iso2, sec2, None, cn);
                }
                return;
            }
        }
        // Mixed runs: a known place/country/actor at the end after other names
        // ("Beirut Lebanon") are rare; treat the name as a whole.
        let mut words = name.clone().map(|t| self.tok(t));
        let class = if title.is_some() {
            Class::Person
        } else if words.clone().any(|w| ORG_WORDS.contains(&w)) {
            Class::Org
        } else if words.any(|w| PLACE_WORDS.contains(&w)) {
            Class::Place
        } else {
            let prev = (run.start > range.start).then(|| self.tok(run.start - 1));
            match prev {
                Some(p) if PLACE_PREPOSITIONS.iter().any(|x| lower_eq(x, p)) => Class::Place,
                _ => {
                    if let Some(hi) = hit_at[i - range.start] {
                        let (c, _, _, _) = classify_entries(lex.meanings(hits[hi].phrase));
                        if name.len() == 1 {
                            c
                        } else {
                            Class::Unknown
                        }
                    } else {
                        Class::Unknown
                    }
                }
            }
        };
        let toks = run.clone();
        push(
            out,
            toks,
            name.clone(),
            class,
            iso,
            sector,
            title.map(|t| self.toks_span(t)),
            country_name,
        );
    }

    /// Quoted region that contains byte `b`, if any.
    pub(crate) fn quote_at(&self, b: usize) -> Option<Span> {
        let k = self.quotes.partition_point(|q| q.end < b);
        self.quotes
            .get(k)
            .copied()
            .filter(|q| q.start <= b && b <= q.end)
    }

    /// Quoted region that starts at byte `b` (quotes are in text order and
    /// do not overlap, so starts and ends are both sorted).
    pub(crate) fn quote_starting(&self, b: usize) -> Option<Span> {
        let k = self.quotes.partition_point(|q| q.start < b);
        self.quotes.get(k).copied().filter(|q| q.start == b)
    }

    /// Quoted region that ends at byte `b`.
    pub(crate) fn quote_ending(&self, b: usize) -> Option<Span> {
        let k = self.quotes.partition_point(|q| q.end < b);
        self.quotes.get(k).copied().filter(|q| q.end == b)
    }
}

/// Class, country and sector of a lexicon phrase.
fn classify_entries(ms: &[Entry]) -> (Class, Option<Iso>, Option<Sector>, Option<Arc<str>>) {
    for e in ms {
        if let Entry::Actor { iso, sector } = e {
            return (Class::Org, *iso, *sector, None);
        }
    }
    for e in ms {
        if let Entry::Country { iso } = e {
            return (Class::Country, *iso, Some(Sector::Government), None);
        }
    }
    for e in ms {
        if let Entry::Place { iso } = e {
            return (Class::Place, *iso, None, None);
        }
    }
    for e in ms {
        if let Entry::Demonym { iso, country } = e {
            return (Class::Demonym, *iso, None, Some(country.clone()));
        }
    }
    for e in ms {
        if let Entry::Title { sector } = e {
            return (Class::Description, None, *sector, None);
        }
    }
    (Class::Unknown, None, None, None)
}

/// Quoted regions: pairs of “ ”, `` '', and straight double quotes toggled
/// within a paragraph. An unclosed quote runs to the paragraph's end, since
/// news quotes continue across sentences.
fn find_quotes(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    sent_toks: &[Range<usize>],
    out: &mut Vec<Span>,
) {
    let mut open: Option<usize> = None;
    let mut para = usize::MAX;
    let mut para_end = 0usize;
    for (si, s) in sentences.iter().enumerate() {
        if s.paragraph != para {
            if let Some(o) = open.take() {
                out.push(Span::new(o, para_end));
            }
            para = s.paragraph;
        }
        para_end = s.span.end;
        for t in &tokens[sent_toks[si].clone()] {
            if t.kind != TokenKind::Quote {
                continue;
            }
            let q = &text[t.span.range()];
            let opening = match q {
                "“" | "``" | "«" | "„" => true,
                "”" | "''" | "»" => false,
                _ => open.is_none(),
            };
            if opening {
                if let Some(o) = open.take() {
                    // A new opening before a close: the old one ran to here.
                    out.push(Span::new(o, t.span.start));
                }
                open = Some(t.span.end);
            } else if let Some(o) = open.take() {
                out.push(Span::new(o, t.span.start));
            }
        }
    }
    if let Some(o) = open {
        out.push(Span::new(o, para_end.max(o)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mention texts of `text`, in order.
    fn mention_texts(text: &str) -> Vec<&str> {
        let lex = crate::lexicon::LexiconData::builtin().compile();
        let a = Analysis::new(text, &lex);
        let spans: Vec<Span> = a.all_ments().iter().map(|m| m.span).collect();
        spans.into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn mentions_stop_before_dates() {
        for (text, want) in [
            // The day of a date is no count of the actors after it.
            (
                "On March 5 gunmen attacked the convoy near Mosul.",
                &["gunmen", "Mosul"][..],
            ),
            ("The October 7 attackers crossed the fence.", &["attackers"]),
            // A count is.
            ("On Monday 5 gunmen attacked the convoy.", &["5 gunmen"]),
            (
                "Gunmen killed 12 soldiers near Mosul.",
                &["Gunmen", "12 soldiers", "Mosul"],
            ),
            // Weekdays and days relative to publication are no part of a name.
            (
                "Hezbollah fighters Tuesday fired rockets at Israel.",
                &["Hezbollah fighters", "Israel"],
            ),
            (
                "US President Joe Biden Tuesday said the talks would go on.",
                &["US President Joe Biden"],
            ),
            (
                "Sudani travelled to Tehran Sunday and Riyadh yesterday.",
                &["Sudani", "Tehran", "Riyadh"],
            ),
        ] {
            assert_eq!(mention_texts(text), want, "{text}");
        }
    }

    #[test]
    fn calendar_words_exactly_as_listed() {
        let plain = |w: &str| CALENDAR.contains(&w.trim_end_matches('.'));
        let mut words: Vec<String> = Vec::new();
        for w in CALENDAR {
            words.push(w.to_string());
            words.push(format!("{w}."));
            words.push(w.to_uppercase());
            words.push(w.to_lowercase());
            words.push(format!("{w}s"));
            words.push(w[..w.len() - 1].to_string());
        }
        words.extend(
            [
                "Minister", "Mosul", "Tehran", "Sunni", "Marines", "Decided", "", ".", "Ju", "É",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(is_calendar(w), plain(w), "{w:?}");
        }
    }
}
