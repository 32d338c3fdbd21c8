//! The data: countries, places, actors, titles, actor nouns, weapons and
//! trigger words, loaded from the tables in `lexicon/data/` and extended by
//! users through [`crate::ExtractorBuilder`].
//!
//! Multi-word names are found with one aho-corasick pass over the document;
//! case is then checked in code so that "US" the country is not "us".

mod user;

pub use user::LexiconEntry;

use crate::document::Span;
use crate::event::Sector;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};

const COUNTRIES: &str = include_str!("data/countries.tsv");
const PLACES: &str = include_str!("data/places.tsv");
const ACTORS: &str = include_str!("data/actors.tsv");
const TITLES: &str = include_str!("data/titles.tsv");
const ACTOR_NOUNS: &str = include_str!("data/actor_nouns.tsv");
const WEAPONS: &str = include_str!("data/weapons.tsv");
const TRIGGERS: &str = include_str!("data/triggers.tsv");
const COMMON_WORDS: &str = include_str!("data/common_words.txt");

/// What a lexicon phrase denotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A country name ("Iraq", "U.S.").
    Country { iso: Option<String> },
    /// A demonym or adjective of a country ("Iraqi", "American").
    Demonym {
        iso: Option<String>,
        country: String,
    },
    /// A city, region, site or body of water.
    Place { iso: Option<String> },
    /// A named organization, group or institution.
    Actor {
        iso: Option<String>,
        sector: Option<Sector>,
    },
    /// A person's title ("Prime Minister", "Gen.").
    Title { sector: Option<Sector> },
    /// A common noun that denotes an actor ("gunmen", "security forces").
    ActorNoun { sector: Option<Sector> },
    /// A weapon ("rockets", "car bomb").
    Weapon,
}

/// Which kind of event a trigger signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TriggerKind {
    Attack,
    Call,
    Visit,
    Statement,
}

/// Where a trigger's arguments sit: see `data/triggers.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Frame {
    Say,
    Tell,
    Urge,
    Object,
    Prep,
    According,
    Noun,
    Verb,
    VerbWeak,
    NounWeak,
    Call,
}

/// One trigger phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub kind: TriggerKind,
    pub frame: Frame,
}

/// A lexicon or trigger phrase found in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub span: Span,
    pub phrase: usize,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// Spellings per pattern id (patterns are case-folded), and what each denotes.
    phrases: Vec<Vec<String>>,
    meanings: Vec<Vec<Entry>>,
    names: AhoCorasick,
    trigger_phrases: Vec<String>,
    trigger_meanings: Vec<Vec<Trigger>>,
    triggers: AhoCorasick,
    common: HashSet<String>,
    /// ISO code -> capital, for "the Iranian capital".
    capitals: HashMap<String, String>,
}

/// Parses a sector name as used in the tables and user files.
pub(crate) fn parse_sector(s: &str) -> Result<Option<Sector>, String> {
    Ok(Some(match s.trim() {
        "" | "-" => return Ok(None),
        "government" => Sector::Government,
        "military" => Sector::Military,
        "police" => Sector::Police,
        "armed_group" => Sector::ArmedGroup,
        "civilians" => Sector::Civilians,
        "international_organization" => Sector::InternationalOrganization,
        "opposition" => Sector::Opposition,
        "media" => Sector::Media,
        "business" => Sector::Business,
        other => return Err(format!("unknown sector {other:?}")),
    }))
}

fn iso(s: &str) -> Option<String> {
    let s = s.trim();
    (s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())).then(|| s.to_string())
}

/// Non-comment lines of a table, split on tabs.
fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn aliases(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Accumulates phrases before compiling the automata.
#[derive(Debug, Default, Clone)]
pub(crate) struct LexiconData {
    names: Vec<(String, Entry)>,
    triggers: Vec<(String, Trigger)>,
    capitals: Vec<(String, String)>,
}

impl LexiconData {
    /// The built-in tables.
    pub(crate) fn builtin() -> LexiconData {
        let mut d = LexiconData::default();
        for r in rows(COUNTRIES) {
            let code = iso(r[0]);
            let names: Vec<&str> = r.get(1).map(|f| aliases(f).collect()).unwrap_or_default();
            let short = names.first().copied().unwrap_or("").to_string();
            for n in &names {
                d.add_name(n, Entry::Country { iso: code.clone() });
            }
            if let Some(f) = r.get(2) {
                for n in aliases(f) {
                    d.add_name(
                        n,
                        Entry::Demonym {
                            iso: code.clone(),
                            country: short.clone(),
                        },
                    );
                }
            }
            if let Some(f) = r.get(3) {
                for n in aliases(f) {
                    d.add_name(n, Entry::Place { iso: code.clone() });
                    if let Some(c) = &code {
                        d.capitals.push((c.clone(), n.to_string()));
                    }
                }
            }
        }
        for r in rows(PLACES) {
            let code = r.get(1).and_then(|s| iso(s));
            for n in aliases(r[0]) {
                d.add_name(n, Entry::Place { iso: code.clone() });
            }
        }
        for r in rows(ACTORS) {
            let code = r.get(1).and_then(|s| iso(s));
            let sector = r.get(2).and_then(|s| parse_sector(s).ok()).flatten();
            for n in aliases(r[0]) {
                d.add_name(
                    n,
                    Entry::Actor {
                        iso: code.clone(),
                        sector,
                    },
                );
            }
        }
        for r in rows(TITLES) {
            let sector = r.get(1).and_then(|s| parse_sector(s).ok()).flatten();
            for n in aliases(r[0]) {
                d.add_name(n, Entry::Title { sector });
            }
        }
        for r in rows(ACTOR_NOUNS) {
            let sector = r.get(1).and_then(|s| parse_sector(s).ok()).flatten();
            for n in aliases(r[0]) {
                d.add_name(n, Entry::ActorNoun { sector });
            }
        }
        for r in rows(WEAPONS) {
            for n in aliases(r[0]) {
                d.add_name(n, Entry::Weapon);
            }
        }
        for r in rows(TRIGGERS) {
            if r.len() < 3 {
                continue;
            }
            let kind = match r[0] {
                "attack" => TriggerKind::Attack,
                "call" => TriggerKind::Call,
                "visit" => TriggerKind::Visit,
                _ => TriggerKind::Statement,
            };
            let frame = parse_frame(r[1]).unwrap_or(Frame::Say);
            for f in aliases(r[2]) {
                d.triggers.push((f.to_string(), Trigger { kind, frame }));
            }
        }
        d
    }

    pub(crate) fn add_name(&mut self, phrase: &str, entry: Entry) {
        self.names.push((phrase.to_string(), entry));
    }

    pub(crate) fn add_trigger(&mut self, phrase: &str, trigger: Trigger) {
        self.triggers.push((phrase.to_lowercase(), trigger));
    }

    /// Compiles the automata.
    pub(crate) fn compile(&self) -> Lexicon {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut phrases: Vec<Vec<String>> = Vec::new();
        let mut meanings: Vec<Vec<Entry>> = Vec::new();
        for (p, e) in &self.names {
            let id = *index.entry(p.to_ascii_lowercase()).or_insert_with(|| {
                phrases.push(Vec::new());
                meanings.push(Vec::new());
                phrases.len() - 1
            });
            if !phrases[id].contains(p) {
                phrases[id].push(p.clone());
            }
            if !meanings[id].contains(e) {
                meanings[id].push(e.clone());
            }
        }
        let mut tindex: HashMap<&str, usize> = HashMap::new();
        let mut tphrases: Vec<String> = Vec::new();
        let mut tmeanings: Vec<Vec<Trigger>> = Vec::new();
        for (p, t) in &self.triggers {
            let id = *tindex.entry(p.as_str()).or_insert_with(|| {
                tphrases.push(p.clone());
                tmeanings.push(Vec::new());
                tphrases.len() - 1
            });
            if !tmeanings[id].contains(t) {
                tmeanings[id].push(t.clone());
            }
        }
        let names = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases.iter().map(|v| &v[0]))
            .expect("lexicon automaton");
        let triggers = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&tphrases)
            .expect("trigger automaton");
        let common = COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split_whitespace())
            .map(str::to_string)
            .collect();
        let mut capitals = HashMap::new();
        for (c, n) in &self.capitals {
            capitals.entry(c.clone()).or_insert_with(|| n.clone());
        }
        Lexicon {
            capitals,
            phrases,
            meanings,
            names,
            trigger_phrases: tphrases,
            trigger_meanings: tmeanings,
            triggers,
            common,
        }
    }
}

pub(crate) fn parse_frame(s: &str) -> Option<Frame> {
    Some(match s {
        "say" => Frame::Say,
        "tell" => Frame::Tell,
        "urge" => Frame::Urge,
        "object" => Frame::Object,
        "prep" => Frame::Prep,
        "according" => Frame::According,
        "noun" => Frame::Noun,
        "verb" => Frame::Verb,
        "verb_weak" => Frame::VerbWeak,
        "noun_weak" => Frame::NounWeak,
        "call" | "visit" => Frame::Call,
        _ => return None,
    })
}

/// True when byte `i` of `text` is not inside a word.
fn boundary_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .map(|c| !c.is_alphanumeric())
        .unwrap_or(true)
}

fn boundary_after(text: &str, i: usize) -> bool {
    text[i..]
        .chars()
        .next()
        .map(|c| !c.is_alphanumeric())
        .unwrap_or(true)
}

/// Leftmost-longest matches of an automaton that are whole words.
fn whole_words<'a>(ac: &'a AhoCorasick, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
    ac.find_iter(text).filter_map(move |m| {
        let (s, e) = (m.start(), m.end());
        let whole = text.is_char_boundary(s)
            && text.is_char_boundary(e)
            && boundary_before(text, s)
            && boundary_after(text, e);
        whole.then(|| Hit {
            span: Span::new(s, e),
            phrase: m.pattern().as_usize(),
        })
    })
}

impl Lexicon {
    /// Lexicon names found in `text`, at word boundaries and with fitting case.
    pub(crate) fn find_names(&self, text: &str) -> Vec<Hit> {
        whole_words(&self.names, text)
            .filter(|h| {
                self.phrases[h.phrase]
                    .iter()
                    .any(|p| case_fits(p, &text[h.span.range()]))
            })
            .collect()
    }

    /// Trigger phrases found in `text`, at word boundaries, any case.
    pub(crate) fn find_triggers(&self, text: &str) -> Vec<Hit> {
        whole_words(&self.triggers, text).collect()
    }

    pub(crate) fn meanings(&self, phrase: usize) -> &[Entry] {
        &self.meanings[phrase]
    }

    pub(crate) fn trigger_meanings(&self, phrase: usize) -> &[Trigger] {
        &self.trigger_meanings[phrase]
    }

    pub(crate) fn trigger_phrase(&self, phrase: usize) -> &str {
        &self.trigger_phrases[phrase]
    }

    /// A frequent English word (lowercase lookup).
    pub(crate) fn is_common(&self, word: &str) -> bool {
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.common.contains(word);
        }
        self.common.contains(&word.to_lowercase())
    }

    /// The capital of a country by ISO code.
    pub(crate) fn capital(&self, iso: &str) -> Option<&str> {
        self.capitals.get(iso).map(String::as_str)
    }
}

/// Case check for a name match: acronyms ("US", "AU") must match exactly;
/// capitalized names need a capital; lowercase entries match any case.
fn case_fits(phrase: &str, found: &str) -> bool {
    let mut letters = 0usize;
    let mut all_upper = true;
    for c in phrase.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        all_upper &= c.is_uppercase();
    }
    if letters == 0 {
        return true;
    }
    if all_upper && letters <= 5 {
        return phrase == found;
    }
    let first_upper = phrase
        .chars()
        .next()
        .map(char::is_uppercase)
        .unwrap_or(false);
    if first_upper {
        return found
            .chars()
            .next()
            .map(char::is_uppercase)
            .unwrap_or(false);
    }
    true
}
