//! The data of trigger senses: common nouns typed by what they can be in an
//! event (`data/nouns.tsv`), and the cue words that show a trigger carries
//! another sense (`data/senses.tsv`). Both are parsed strictly: a bad row is
//! an error naming the table and line, found by the tests.

use super::tables::{by_name, rows, words, TableError};
use super::WordHasher;
use crate::event::EventType;
use std::collections::{HashMap, HashSet};

const NOUNS: &str = include_str!("data/nouns.tsv");
const SENSES: &str = include_str!("data/senses.tsv");

/// What a common noun can be in an event: see `data/nouns.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum NounType {
    Person,
    Site,
    Structure,
    Abstract,
    Commerce,
    Product,
    Cyber,
    Sport,
    Award,
    Disaster,
    Critic,
    Police,
    SportCue,
}

impl NounType {
    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// The types of a noun, as a set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct NounTypes(u16);

impl NounTypes {
    /// True when the noun has type `t`.
    pub(crate) fn has(self, t: NounType) -> bool {
        self.0 & t.bit() != 0
    }

    /// True when the noun has any type.
    pub(crate) fn any(self) -> bool {
        self.0 != 0
    }
}

/// Where a cue word is looked for, relative to the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Where {
    /// The token before the trigger.
    Prev,
    /// One of the two tokens before the trigger.
    Before,
    /// The token after the trigger.
    Next,
    /// One of the three tokens after the trigger.
    After,
    /// Any token of the sentence.
    Sentence,
    /// None of the four tokens after the trigger: the words are needed.
    Lacks,
}

impl Where {
    /// Where, in words ("before", "in the sentence of").
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Where::Prev | Where::Before => "before",
            Where::Next | Where::After => "after",
            Where::Sentence => "in the sentence of",
            Where::Lacks => "needed but missing after",
        }
    }
}

/// A word of the tables as the key of its sets: its bytes, so that a token
/// is looked up without a UTF-8 check.
type Key = Box<[u8]>;

impl Cue {
    /// True when the token `w` (any ASCII case) is one of the cue's words.
    /// Lowercased on the stack, without an allocation: no cue word is
    /// longer than 32 bytes (the table is checked for it).
    pub(crate) fn has(&self, w: &[u8]) -> bool {
        let mut buf = [0u8; 32];
        let Some(lower) = buf.get_mut(..w.len()) else {
            return false;
        };
        lower.copy_from_slice(w);
        lower.make_ascii_lowercase();
        self.words.contains(&*lower)
    }
}

/// What a word found by the lexicon search tells the sense rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SenseWord {
    /// The sentence-wide cues that hold it (bit `i`: cue `i`).
    pub cues: u64,
    /// A word of sports reporting.
    pub sport: bool,
}

/// One row of `data/senses.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub id: String,
    pub kind: EventType,
    /// Trigger phrases it applies to; empty for all of the kind.
    pub triggers: Vec<String>,
    pub place: Where,
    /// Cue words, lowercase.
    words: HashSet<Key, WordHasher>,
}

/// The compiled sense data.
#[derive(Debug, Clone, Default)]
pub(crate) struct Senses {
    nouns: HashMap<Key, NounTypes, WordHasher>,
    pub cues: Vec<Cue>,
}

impl Senses {
    /// The built-in tables, parsed strictly.
    pub(crate) fn builtin() -> Result<Senses, TableError> {
        let mut s = Senses::default();
        s.read_nouns()?;
        s.read_cues()?;
        Ok(s)
    }

    fn read_nouns(&mut self) -> Result<(), TableError> {
        for row in rows("nouns.tsv", NOUNS) {
            let [noun_type, forms] = row.fields::<2>()?;
            let t: NounType = row.check(by_name(noun_type))?;
            for f in row.check(words(forms))? {
                let e = self.nouns.entry(f.as_bytes().into()).or_default();
                if e.has(t) {
                    return Err(row.error(format!("{f:?} twice")));
                }
                e.0 |= t.bit();
            }
        }
        Ok(())
    }

    fn read_cues(&mut self) -> Result<(), TableError> {
        for row in rows("senses.tsv", SENSES) {
            let [id, kind, trigs, place, ws] = row.fields::<5>()?;
            if !id.starts_with("sense.") || self.cues.iter().any(|c| c.id == id) {
                return Err(row.error(format!(
                    "id {id:?} must start with \"sense.\" and be unique"
                )));
            }
            let kind: EventType = row.check(by_name(kind))?;
            let place: Where = row.check(by_name(place))?;
            let triggers = match trigs {
                "*" => Vec::new(),
                t => row.check(words(t))?.map(str::to_string).collect(),
            };
            let words = row.check(self.cue_words(ws))?;
            if let Some(w) = words.iter().find(|w| w.len() > 32) {
                let w = String::from_utf8_lossy(w);
                return Err(row.error(format!("{w:?}: cue words have at most 32 bytes")));
            }
            // A sentence-wide cue is a bit of `SenseWord::cues`.
            if place == Where::Sentence && self.cues.len() >= 64 {
                return Err(row.error("more than 64 cues"));
            }
            self.cues.push(Cue {
                id: id.to_string(),
                kind,
                triggers,
                place,
                words,
            });
        }
        Ok(())
    }

    /// The words of a cue: a list, or `@type` for the nouns of a type.
    fn cue_words(&self, ws: &str) -> Result<HashSet<Key, WordHasher>, String> {
        if let Some(ty) = ws.strip_prefix('@') {
            let t: NounType = by_name(ty)?;
            return Ok((self.nouns.iter())
                .filter(|(w, ts)| ts.has(t) && !w.contains(&b' '))
                .map(|(w, _)| w.clone())
                .collect());
        }
        Ok(words(ws)?.map(|w| w.as_bytes().into()).collect())
    }

    /// The words the lexicon search finds for the sense rules, each with
    /// the sentence-wide cues that hold it (bit `i`: cue `i`) and whether
    /// it is a word of sports reporting.
    pub(crate) fn search_words(&self) -> Vec<(String, SenseWord)> {
        let mut all: HashMap<Key, SenseWord, WordHasher> = HashMap::default();
        let sentence_wide =
            (self.cues.iter().enumerate()).filter(|(_, c)| c.place == Where::Sentence);
        for (i, cue) in sentence_wide {
            for w in &cue.words {
                all.entry(w.clone()).or_default().cues |= 1 << i;
            }
        }
        for (w, t) in &self.nouns {
            if t.has(NounType::SportCue) {
                all.entry(w.clone()).or_default().sport = true;
            }
        }
        let mut v: Vec<(String, SenseWord)> = all
            .into_iter()
            .map(|(w, m)| (String::from_utf8_lossy(&w).into_owned(), m))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    /// The types of a noun (lowercase), none when it is not in the table.
    pub(crate) fn noun(&self, w: &str) -> NounTypes {
        self.nouns.get(w.as_bytes()).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_parse_strictly() {
        let s = Senses::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(s.noun("plans").has(NounType::Abstract));
        assert!(s.noun("car").has(NounType::Site));
        assert!(!s.noun("plans").has(NounType::Person));
        assert!(!s.noun("zzz").any());
        assert!(s.cues.iter().any(|c| c.id == "sense.strike_a_deal"));
    }

    /// A structure is a site only force attacks: every one is a site too,
    /// or a visit to a police station would be turned away.
    #[test]
    fn structures_are_sites() {
        let s = Senses::builtin().unwrap_or_else(|e| panic!("{e}"));
        let structures = s.nouns.iter().filter(|(_, t)| t.has(NounType::Structure));
        for (noun, types) in structures {
            let noun = String::from_utf8_lossy(noun);
            assert!(types.has(NounType::Site), "{noun}: a structure but no site");
        }
        assert!(s.noun("border post").has(NounType::Structure));
    }

    #[test]
    fn bad_rows_are_errors() {
        assert!(words("a|A").is_err());
        assert!(words("a||b").is_err());
        assert!(words("a|b|a").is_err());
        assert!(words("a|b c").is_ok());
        assert!(by_name::<NounType>("sportcue").is_ok());
        assert!(by_name::<NounType>("sports").is_err());
        assert!(by_name::<Where>("lacks").is_ok());
        assert!(by_name::<Where>("around").is_err());
    }
}
