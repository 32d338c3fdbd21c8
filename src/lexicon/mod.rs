//! The data: countries, places, actors, titles, actor nouns, weapons and
//! trigger words, loaded from the tables in `lexicon/data/` and extended by
//! users through [`crate::ExtractorBuilder`].
//!
//! [`tables`] reads the built-in tables strictly; [`search`] finds their
//! phrases in the tokens of each sentence, one hash per token; the case of
//! a name is then checked so that "US" the country is not "us".

mod search;
mod senses;
mod tables;
mod user;

pub(crate) use senses::{NounType, NounTypes, SenseWord, Senses, Where};
pub(crate) use tables::{by_name, one_of};
pub use user::{LexiconEntry, TriggerFrame};

use crate::document::Span;
use crate::event::{EventType, Sector};
use crate::tokens::{capacity_for, Token};
use search::{Case, PhraseSet, TokenWord};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// The hasher of the lexicon's word sets: the keys are the crate's own
/// words and its users', not an attacker's, and the standard SipHash
/// costs several times more on short words.
pub(crate) type WordHasher = foldhash::fast::FixedState;

/// What a lexicon phrase denotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A country name ("Iraq", "U.S.").
    Country { iso: Option<Iso> },
    /// A demonym or adjective of a country ("Iraqi", "American").
    Demonym {
        iso: Option<Iso>,
        /// The country's name, shared by every mention of the demonym.
        country: Arc<str>,
    },
    /// A city, region, site or body of water.
    Place { iso: Option<Iso> },
    /// A named organization, group or institution.
    Actor {
        iso: Option<Iso>,
        sector: Option<Sector>,
    },
    /// A person a user named, with the title they hold, in lower case.
    Person {
        iso: Option<Iso>,
        sector: Option<Sector>,
        title: Option<Arc<str>>,
    },
    /// A person's title ("Prime Minister", "Gen.").
    Title { sector: Option<Sector> },
    /// A common noun that denotes an actor ("gunmen", "security forces").
    ActorNoun { sector: Option<Sector> },
    /// A weapon ("rockets", "car bomb"); `force` is false for vehicles,
    /// which are weapons only in a fight ("car", "truck").
    Weapon { force: bool },
}

/// Where a trigger's arguments sit: see `data/triggers.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// A conversation noun ("a phone call").
    Call,
    /// A verb whose object is the other party of a call ("X phoned Y").
    CallVerb,
    /// The channel of a conversation ("spoke by phone").
    Medium,
    /// A host receiving a visitor ("X hosted Y in the capital").
    Host,
}

/// What an attack trigger shows of force by itself: see `data/triggers.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Force {
    /// Another sense is common ("strike a deal"): evidence is needed. Not
    /// written in the tables: a row without a force.
    #[serde(skip)]
    Ambiguous,
    /// Force when its target is a person ("shot a man").
    Harm,
    /// Force by itself ("airstrike", "stabbed").
    #[serde(rename = "force")]
    Itself,
    /// Aiming ("targeted"): force only with a weapon, a casualty or an
    /// armed party beside it.
    Aim,
    /// Ambiguous, and a search when police or agents do it ("raided").
    Search,
}

/// One trigger phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub kind: EventType,
    pub frame: Frame,
    pub force: Force,
}

/// The phrases found in a document's tokens, by table.
#[derive(Debug, Default)]
pub(crate) struct Hits {
    pub names: Vec<Hit>,
    pub triggers: Vec<Hit>,
    pub senses: Vec<Hit>,
}

/// A lexicon or trigger phrase found in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub span: Span,
    /// Its first token and the token after its last (document indices).
    pub first_tok: usize,
    pub end_tok: usize,
    pub phrase: usize,
}

impl Hit {
    /// The tokens of the hit (document indices).
    pub(crate) fn toks(&self) -> Range<usize> {
        self.first_tok..self.end_tok
    }
}

/// An ISO 3166-1 alpha-3 country code: three capital ASCII letters, held
/// inline so that mentions copy it instead of allocating a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Iso([u8; 3]);

impl Iso {
    /// The code of `s`, if it is three capital ASCII letters.
    pub(crate) fn new(s: &str) -> Option<Iso> {
        match *s.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Some(Iso([a, b, c])),
            _ => None,
        }
    }

    /// The code as text.
    pub(crate) fn as_str(&self) -> &str {
        // Always ASCII, by construction.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// The lexicon's phrases and what they mean, before the search is built:
/// the built-in tables, then the user's entries.
#[derive(Debug, Default, Clone)]
pub(crate) struct LexiconData {
    names: Vec<(String, Entry)>,
    triggers: Vec<(String, Trigger)>,
    capitals: Vec<(Iso, String)>,
    country_names: Vec<(Iso, Arc<str>)>,
    common: Vec<String>,
}

impl LexiconData {
    /// The built-in tables. They are compiled in and a test parses them
    /// strictly (see [`tables`]), so the empty fallback is never taken.
    pub(crate) fn builtin() -> LexiconData {
        LexiconData::read_builtin().unwrap_or_default()
    }

    /// The names and demonyms of countries as the tables spell them
    /// ("U.S.", "American"), each with its country's code.
    pub(crate) fn country_words(&self) -> impl Iterator<Item = (&str, Iso)> {
        self.names.iter().filter_map(|(name, entry)| match entry {
            Entry::Country { iso: Some(iso) } | Entry::Demonym { iso: Some(iso), .. } => {
                Some((name.as_str(), *iso))
            }
            _ => None,
        })
    }

    pub(crate) fn add_name(&mut self, phrase: &str, entry: Entry) {
        self.names.push((phrase.to_string(), entry));
    }

    /// Adds a user's trigger phrase. The search folds the case of ASCII
    /// letters only, so a phrase with other cased letters ("Éclaté") goes
    /// in as each form it takes in text: as written, in lower case,
    /// capitalized and in capitals. Each form is lowercased in ASCII, as
    /// the search stores it, so that a form is one phrase.
    pub(crate) fn add_trigger(&mut self, phrase: &str, trigger: Trigger) {
        let lower = phrase.to_lowercase();
        let mut chars = lower.chars();
        let capitalized: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        let forms =
            [phrase, &lower, &capitalized, &phrase.to_uppercase()].map(|f| f.to_ascii_lowercase());
        for (i, form) in forms.iter().enumerate() {
            if !forms[..i].contains(form) {
                self.triggers.push((form.clone(), trigger.clone()));
            }
        }
    }

    /// Builds the lexicon and its phrase search.
    pub(crate) fn compile(&self) -> Lexicon {
        static SENSES: once_cell::sync::Lazy<Arc<Senses>> = once_cell::sync::Lazy::new(|| {
            // The tables are checked by a test: a bad row fails it.
            Arc::new(Senses::builtin().unwrap_or_default())
        });
        let (names, meanings) = group(&self.names);
        let spellings: Vec<Vec<(String, Case)>> = (names.iter())
            .map(|ps| ps.iter().map(|p| (p.to_string(), Case::of(p))).collect())
            .collect();
        // Trigger phrases are in lower case already: one spelling each.
        let (triggers, trigger_meanings) = group(&self.triggers);
        let trigger_phrases: Vec<String> = triggers.iter().map(|ps| ps[0].to_string()).collect();
        let (sense_phrases, sense_meanings): (Vec<String>, Vec<SenseWord>) =
            SENSES.search_words().into_iter().unzip();
        // Without a build (a lexicon too large for the automaton), every
        // document is analysed: slower, never wrong.
        let trigger_filter = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&trigger_phrases)
            .ok();
        Lexicon {
            names: PhraseSet::new(spellings.iter().map(|v| v[0].0.as_str())),
            triggers: PhraseSet::new(trigger_phrases.iter().map(String::as_str)),
            sense_words: PhraseSet::new(sense_phrases.iter().map(String::as_str)),
            trigger_cues: cues_of_phrases(&SENSES, &trigger_phrases, &trigger_meanings),
            spellings,
            meanings,
            trigger_phrases,
            trigger_meanings,
            sense_meanings,
            trigger_filter,
            common: self.common.iter().cloned().collect(),
            // Reversed, so that the first value given for a code is kept.
            capitals: self.capitals.iter().rev().cloned().collect(),
            country_names: self.country_names.iter().rev().cloned().collect(),
            senses: SENSES.clone(),
        }
    }
}

/// Spellings and meanings of phrases: one id per phrase in ASCII lower
/// case, with each spelling and each meaning once.
fn group<T: Clone + PartialEq>(pairs: &[(String, T)]) -> (Vec<Vec<&str>>, Vec<Vec<T>>) {
    let mut index: HashMap<String, usize, WordHasher> = HashMap::default();
    let (mut spellings, mut meanings): (Vec<Vec<&str>>, Vec<Vec<T>>) = (Vec::new(), Vec::new());
    for (p, e) in pairs {
        let id = *index.entry(p.to_ascii_lowercase()).or_insert_with(|| {
            spellings.push(Vec::new());
            meanings.push(Vec::new());
            spellings.len() - 1
        });
        if !spellings[id].contains(&p.as_str()) {
            spellings[id].push(p);
        }
        if !meanings[id].contains(e) {
            meanings[id].push(e.clone());
        }
    }
    (spellings, meanings)
}

/// For each trigger phrase, the cues that name it or that apply to every
/// trigger of one of its kinds.
fn cues_of_phrases(
    senses: &Senses,
    phrases: &[String],
    meanings: &[Vec<Trigger>],
) -> Vec<Vec<usize>> {
    (phrases.iter().zip(meanings))
        .map(|(p, ms)| {
            (senses.cues.iter().enumerate())
                .filter(|(_, c)| match c.triggers.is_empty() {
                    true => ms.iter().any(|m| m.kind == c.kind),
                    false => c.triggers.contains(p),
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect()
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// Spellings per name id (names are case-folded), and what each denotes.
    spellings: Vec<Vec<(String, Case)>>,
    meanings: Vec<Vec<Entry>>,
    names: PhraseSet,
    trigger_phrases: Vec<String>,
    trigger_meanings: Vec<Vec<Trigger>>,
    /// Per trigger phrase, the sense cues that apply to it (indices into
    /// `Senses::cues`), so that a candidate reads only its own.
    trigger_cues: Vec<Vec<usize>>,
    triggers: PhraseSet,
    /// The sense words (sentence-wide cue words, sports words), found by
    /// the same search as names and triggers, and what each tells.
    sense_words: PhraseSet,
    sense_meanings: Vec<SenseWord>,
    /// Every trigger phrase as a plain substring: a text without any holds
    /// no trigger, which one pass over its bytes tells.
    trigger_filter: Option<aho_corasick::AhoCorasick>,
    common: HashSet<String, WordHasher>,
    /// ISO code -> capital, for "the Iranian capital".
    capitals: HashMap<Iso, String>,
    /// ISO code -> the country's name written in full ("US" -> "United
    /// States"), for abbreviations too short to read as a value.
    country_names: HashMap<Iso, Arc<str>>,
    /// Noun types and sense cues.
    senses: Arc<Senses>,
}

impl Lexicon {
    /// How many names and trigger phrases it holds (for `Debug`).
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.spellings.len(), self.trigger_phrases.len())
    }

    /// The lexicon names (with fitting case) and the trigger phrases (any
    /// case) in the sentences' tokens, appended to `names` and `triggers`.
    /// Each starts where a token starts and ends where a token of its
    /// sentence ends, at word boundaries; from the left, the longest phrase
    /// at a token is taken and the search resumes after it. Names,
    /// triggers and sense words are searched apart: a name can hold a
    /// trigger word ("Strike Force").
    pub(crate) fn hits_in(
        &self,
        text: &str,
        tokens: &[Token],
        sent_toks: &[Range<usize>],
        out: &mut Hits,
    ) {
        out.names.reserve(capacity_for(text.len(), 32));
        out.triggers.reserve(capacity_for(text.len(), 64));
        for range in sent_toks {
            self.hits_in_sentence(text, &tokens[range.clone()], range.start, out);
        }
    }

    /// [`Lexicon::hits_in`] for one sentence, whose tokens `toks` start at
    /// document token `first`.
    fn hits_in_sentence(&self, text: &str, toks: &[Token], first: usize, out: &mut Hits) {
        // The first token each search may look at next.
        let (mut next_name, mut next_trigger, mut next_sense) = (0, 0, 0);
        for k in 0..toks.len() {
            let Some(word) = TokenWord::of_token(text, toks, k) else {
                continue;
            };
            let hit = |(id, j): (u32, usize)| Hit {
                span: Span::new(toks[k].span.start, toks[j].span.end),
                first_tok: first + k,
                end_tok: first + j + 1,
                phrase: id as usize,
            };
            if k >= next_name {
                if let Some(found) = self.names.longest_at(text, toks, k, &word) {
                    let h = hit(found);
                    if self.spelled_as_written(h.phrase, &text[h.span.range()]) {
                        out.names.push(h);
                    }
                    next_name = found.1 + 1;
                }
            }
            if k >= next_trigger {
                if let Some(found) = self.triggers.longest_at(text, toks, k, &word) {
                    out.triggers.push(hit(found));
                    next_trigger = found.1 + 1;
                }
            }
            if k >= next_sense {
                if let Some(found) = self.sense_words.longest_at(text, toks, k, &word) {
                    out.senses.push(hit(found));
                    next_sense = found.1 + 1;
                }
            }
        }
    }

    /// Whether `found` fits the case of one of the spellings of name `id`.
    #[inline]
    fn spelled_as_written(&self, id: usize, found: &str) -> bool {
        (self.spellings[id].iter()).any(|(spelling, case)| case.fits(spelling, found))
    }

    /// False when `text` cannot hold a trigger: no trigger phrase occurs in
    /// it even as part of a word. Stops at the first occurrence, early in
    /// most news; a document without one is not tokenized at all.
    pub(crate) fn may_hold_trigger(&self, text: &str) -> bool {
        self.trigger_filter
            .as_ref()
            .map_or(true, |ac| ac.is_match(text))
    }

    pub(crate) fn meanings(&self, phrase: usize) -> &[Entry] {
        &self.meanings[phrase]
    }

    pub(crate) fn trigger_meanings(&self, phrase: usize) -> &[Trigger] {
        &self.trigger_meanings[phrase]
    }

    /// What a sense word found by the search tells.
    pub(crate) fn sense_word(&self, phrase: usize) -> SenseWord {
        self.sense_meanings[phrase]
    }

    pub(crate) fn senses(&self) -> &Senses {
        &self.senses
    }

    /// The sense cues that apply to a trigger phrase.
    pub(crate) fn trigger_cues(&self, phrase: usize) -> &[usize] {
        &self.trigger_cues[phrase]
    }

    pub(crate) fn trigger_phrase(&self, phrase: usize) -> &str {
        &self.trigger_phrases[phrase]
    }

    /// The first spelling of each name and each trigger phrase, by id.
    #[cfg(test)]
    pub(crate) fn phrase_lists(&self) -> (Vec<&str>, Vec<&str>) {
        let names = self.spellings.iter().map(|v| v[0].0.as_str()).collect();
        let triggers = self.trigger_phrases.iter().map(String::as_str).collect();
        (names, triggers)
    }

    /// A frequent English word (lowercase lookup).
    pub(crate) fn is_common(&self, word: &str) -> bool {
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.common.contains(word);
        }
        self.common.contains(&word.to_lowercase())
    }

    /// The name of a country by ISO code, written in full.
    pub(crate) fn country_name(&self, iso: Iso) -> Option<&str> {
        self.country_names.get(&iso).map(|n| &**n)
    }

    /// The capital of a country by ISO code.
    pub(crate) fn capital(&self, iso: Iso) -> Option<&str> {
        self.capitals.get(&iso).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sense_words_are_found_with_the_names() {
        let lex = LexiconData::builtin().compile();
        let text = "After the Earthquake, the striker played in the World Cup final.";
        let mut toks = Vec::new();
        crate::tokens::tokenize(text, Span::new(0, text.len()), &mut toks);
        let mut hits = Hits::default();
        let sentence = [Range {
            start: 0,
            end: toks.len(),
        }];
        lex.hits_in(text, &toks, &sentence, &mut hits);
        let found: Vec<(&str, SenseWord)> = (hits.senses.iter())
            .map(|h| (&text[h.span.range()], lex.sense_word(h.phrase)))
            .collect();
        let words: Vec<&str> = found.iter().map(|(w, _)| *w).collect();
        assert_eq!(words, ["Earthquake", "striker", "World Cup"]);
        assert!(found[0].1.cues != 0 && !found[0].1.sport);
        assert!(found[1].1.sport && found[2].1.sport);
    }

    #[test]
    fn sense_cues_name_trigger_phrases_of_their_kind() {
        let lex = LexiconData::builtin().compile();
        for cue in &lex.senses().cues {
            for t in &cue.triggers {
                let id = lex.trigger_phrases.iter().position(|p| p == t);
                let ok = id
                    .is_some_and(|id| lex.trigger_meanings[id].iter().any(|m| m.kind == cue.kind));
                assert!(ok, "{}: {t:?} is not a {} trigger phrase", cue.id, cue.kind);
            }
        }
    }

    /// The hits of `text` as one sentence: (names, triggers), as text.
    fn hits(lex: &Lexicon, text: &str) -> (Vec<String>, Vec<String>) {
        let mut toks = Vec::new();
        crate::tokens::tokenize(text, Span::new(0, text.len()), &mut toks);
        let sentence: [Range<usize>; 1] = [Range {
            start: 0,
            end: toks.len(),
        }];
        let mut hits = Hits::default();
        lex.hits_in(text, &toks, &sentence, &mut hits);
        let Hits {
            names, triggers, ..
        } = hits;
        let spelled = |hs: Vec<Hit>| {
            hs.iter()
                .map(|h| text[h.span.range()].to_string())
                .collect()
        };
        (spelled(names), spelled(triggers))
    }

    #[test]
    fn user_words_with_capitals_outside_ascii_match_as_text_writes_them() {
        let mut data = LexiconData::builtin();
        let trigger = Trigger {
            kind: EventType::Attack,
            frame: Frame::Verb,
            force: Force::Itself,
        };
        data.add_trigger("Éclaté", trigger);
        let iso = Iso::new("CHN");
        data.add_name("Ürümqi", Entry::Place { iso });
        let lex = data.compile();
        let text = "Éclaté, éclaté, ÉCLATÉ, eclate: Ürümqi, ürümqi.";
        let (names, triggers) = hits(&lex, text);
        assert_eq!(triggers, ["Éclaté", "éclaté", "ÉCLATÉ"]);
        assert_eq!(names, ["Ürümqi"]);
    }

    #[test]
    fn triggers_are_whole_words_longest_first() {
        let lex = LexiconData::builtin().compile();
        let (_, triggers) = hits(
            &lex,
            "The ceasefire held. She called for calm; they recalled it.",
        );
        assert_eq!(triggers, ["called for"]);
    }

    #[test]
    fn names_fit_their_case_and_hold_trigger_words() {
        let lex = LexiconData::builtin().compile();
        let (names, triggers) = hits(&lex, "US troops met us in Iraq, then the U.S.-led strike.");
        assert!(names.contains(&"US".to_string()), "{names:?}");
        assert!(!names.contains(&"us".to_string()), "{names:?}");
        assert!(names.contains(&"Iraq".to_string()), "{names:?}");
        // "U.S.-led" is one token: "U.S." inside it is not a whole token.
        assert!(!names.contains(&"U.S.".to_string()), "{names:?}");
        assert!(triggers.contains(&"strike".to_string()), "{triggers:?}");
    }
}
