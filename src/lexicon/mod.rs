//! The data: countries, places, actors, titles, actor nouns, weapons and
//! trigger words, loaded from the tables in `lexicon/data/` and extended by
//! users through [`crate::ExtractorBuilder`].
//!
//! Names and trigger words are found in the tokens of each sentence, one
//! hash per token (see "Phrase search" below); the case of a name is then
//! checked so that "US" the country is not "us".

mod senses;
mod user;

pub(crate) use senses::{NounType, NounTypes, SenseWord, Senses, TableError, Where};
pub use user::LexiconEntry;

use crate::document::Span;
use crate::event::Sector;
use crate::tokens::{Token, TokenKind, BYTE_KIND};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

const COUNTRIES: &str = include_str!("data/countries.tsv");
const PLACES: &str = include_str!("data/places.tsv");
const ACTORS: &str = include_str!("data/actors.tsv");
const TITLES: &str = include_str!("data/titles.tsv");
const ACTOR_NOUNS: &str = include_str!("data/actor_nouns.tsv");
const WEAPONS: &str = include_str!("data/weapons.tsv");
const TRIGGERS: &str = include_str!("data/triggers.tsv");
const TRIGGERS_WORDNET: &str = include_str!("data/triggers_wordnet.tsv");
const COMMON_WORDS: &str = include_str!("data/common_words.txt");

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
    /// A person's title ("Prime Minister", "Gen.").
    Title { sector: Option<Sector> },
    /// A common noun that denotes an actor ("gunmen", "security forces").
    ActorNoun { sector: Option<Sector> },
    /// A weapon ("rockets", "car bomb"); `force` is false for vehicles,
    /// which are weapons only in a fight ("car", "truck").
    Weapon { force: bool },
}

/// Which kind of event a trigger signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TriggerKind {
    Attack,
    Call,
    Visit,
    Statement,
}

impl TriggerKind {
    /// Every kind with its name, as written in the tables and the output.
    const NAMES: [(TriggerKind, &'static str); 4] = [
        (TriggerKind::Attack, "attack"),
        (TriggerKind::Call, "call"),
        (TriggerKind::Visit, "visit"),
        (TriggerKind::Statement, "statement"),
    ];

    /// The kind of a name ("attack"), if it is one.
    pub(crate) fn parse(s: &str) -> Option<TriggerKind> {
        Self::NAMES.iter().find(|(_, n)| *n == s).map(|(k, _)| *k)
    }

    /// The kind's name.
    pub(crate) fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("", |(_, n)| n)
    }
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
    /// A verb whose object is the other party of a call ("X phoned Y").
    CallVerb,
    /// The channel of a conversation ("spoke by phone").
    Medium,
    /// A host receiving a visitor ("hosted Zelensky in Istanbul").
    Host,
}

/// What an attack trigger shows of force by itself: see `data/triggers.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Force {
    /// Another sense is common ("strike a deal"): evidence is needed.
    Ambiguous,
    /// Force when its target is a person ("shot a man").
    Harm,
    /// Force by itself ("airstrike", "stabbed").
    Itself,
    /// Aiming ("targeted"): force only with a weapon, a casualty or an
    /// armed party beside it.
    Aim,
    /// Ambiguous, and a search when police or agents do it ("raided").
    Search,
}

/// Parses the force column of `triggers.tsv`.
pub(crate) fn parse_force(s: Option<&str>) -> Option<Force> {
    match s {
        None => Some(Force::Ambiguous),
        Some("force") => Some(Force::Itself),
        Some("harm") => Some(Force::Harm),
        Some("aim") => Some(Force::Aim),
        Some("search") => Some(Force::Search),
        Some(_) => None,
    }
}

/// One trigger phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub kind: TriggerKind,
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

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// Spellings per pattern id (patterns are case-folded), and what each denotes.
    phrases: Vec<Vec<(String, Case)>>,
    meanings: Vec<Vec<Entry>>,
    names: PhraseSet,
    trigger_phrases: Vec<String>,
    trigger_meanings: Vec<Vec<Trigger>>,
    /// Per trigger phrase, the sense cues that apply to it (indices into
    /// `Senses::cues`), so that a candidate reads only its own.
    trigger_cues: Vec<Vec<usize>>,
    /// The sense words (sentence-wide cue words, sports words), found by
    /// the same search as names and triggers, and what each tells.
    sense_words: PhraseSet,
    sense_meanings: Vec<SenseWord>,
    triggers: PhraseSet,
    /// Every trigger phrase as a plain substring: a text without any holds
    /// no trigger, which one pass over its bytes tells.
    trigger_filter: Option<aho_corasick::AhoCorasick>,
    common: HashSet<String, WordHash>,
    /// ISO code -> capital, for "the Iranian capital".
    capitals: HashMap<Iso, String>,
    /// ISO code -> the country's name written in full ("US" -> "United
    /// States"), for abbreviations too short to read as a value.
    country_names: HashMap<Iso, Arc<str>>,
    /// Noun types and sense cues.
    senses: Arc<Senses>,
}

/// The hasher of word sets: a multiply-rotate hash over eight bytes at a
/// time. Words are looked up for most capitalized tokens, and the
/// standard SipHash, built against hostile keys, costs several times more
/// on short ones; the keys here are the crate's own word list.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            h = (h.rotate_left(5) ^ x).wrapping_mul(MIX);
        }
        let mut tail = [0u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        h = (h.rotate_left(5) ^ u64::from_le_bytes(tail) ^ bytes.len() as u64).wrapping_mul(MIX);
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// [`WordHasher`] for `HashSet`.
pub(crate) type WordHash = std::hash::BuildHasherDefault<WordHasher>;

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

fn iso(s: &str) -> Option<Iso> {
    Iso::new(s.trim())
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

/// The built-in trigger tables, in load order: the hand-written one, then
/// the one `tools/wordnet_triggers.py` generates from WordNet 3.0.
const TRIGGER_TABLES: [(&str, &str); 2] = [
    ("triggers.tsv", TRIGGERS),
    ("triggers_wordnet.tsv", TRIGGERS_WORDNET),
];

/// Reads trigger tables strictly: three fields, a fourth (the force) only
/// on attack rows, a known kind, frame and force, lowercase forms. A form
/// may have several rows in one table (several meanings: "called"), never
/// rows in two: a later table only adds words, so that the generated table
/// cannot change what a hand-written row says.
pub(crate) fn read_triggers<'a>(
    tables: &[(&'static str, &'a str)],
) -> Result<Vec<(String, Trigger)>, TableError> {
    let mut out = Vec::new();
    let mut table_of: HashMap<&'a str, &'static str> = HashMap::new();
    for &(name, table) in tables {
        for (n, line) in senses::table_lines(table) {
            let err = |m: String| (name, n, m);
            let f: Vec<&'a str> = line.split('\t').collect();
            if !(3..=4).contains(&f.len()) {
                return Err(err(format!("{} fields, expected 3 or 4", f.len())));
            }
            if let Some(x) = f.iter().find(|x| x.is_empty() || x.trim() != **x) {
                return Err(err(format!("empty or padded field {x:?}")));
            }
            let kind = TriggerKind::parse(f[0]).ok_or_else(|| err(format!("kind {:?}", f[0])))?;
            let frame = parse_frame(f[1]).ok_or_else(|| err(format!("frame {:?}", f[1])))?;
            let force = parse_force(f.get(3).copied())
                .ok_or_else(|| err(format!("force {:?}", f.get(3))))?;
            if f.len() == 4 && kind != TriggerKind::Attack {
                return Err(err(format!("force on a {} row", f[0])));
            }
            for w in senses::words(f[2]).map_err(err)? {
                let first = *table_of.entry(w).or_insert(name);
                if first != name {
                    return Err(err(format!("{w:?} is in {first} already")));
                }
                out.push((w.to_string(), Trigger { kind, frame, force }));
            }
        }
    }
    Ok(out)
}

/// Accumulates phrases before compiling the automata.
#[derive(Debug, Default, Clone)]
pub(crate) struct LexiconData {
    names: Vec<(String, Entry)>,
    triggers: Vec<(String, Trigger)>,
    capitals: Vec<(Iso, String)>,
    country_names: Vec<(Iso, Arc<str>)>,
}

impl LexiconData {
    /// The built-in tables.
    pub(crate) fn builtin() -> LexiconData {
        let mut d = LexiconData::default();
        for r in rows(COUNTRIES) {
            let code = iso(r[0]);
            let names: Vec<&str> = r.get(1).map(|f| aliases(f).collect()).unwrap_or_default();
            let short: Arc<str> = Arc::from(names.first().copied().unwrap_or(""));
            if let Some(c) = code {
                d.country_names.push((c, short.clone()));
            }
            for n in &names {
                d.add_name(n, Entry::Country { iso: code });
            }
            if let Some(f) = r.get(2) {
                for n in aliases(f) {
                    d.add_name(
                        n,
                        Entry::Demonym {
                            iso: code,
                            country: short.clone(),
                        },
                    );
                }
            }
            if let Some(f) = r.get(3) {
                for n in aliases(f) {
                    d.add_name(n, Entry::Place { iso: code });
                    if let Some(c) = &code {
                        d.capitals.push((*c, n.to_string()));
                    }
                }
            }
        }
        for r in rows(PLACES) {
            let code = r.get(1).and_then(|s| iso(s));
            for n in aliases(r[0]) {
                d.add_name(n, Entry::Place { iso: code });
            }
        }
        for r in rows(ACTORS) {
            let code = r.get(1).and_then(|s| iso(s));
            let sector = r.get(2).and_then(|s| parse_sector(s).ok()).flatten();
            for n in aliases(r[0]) {
                d.add_name(n, Entry::Actor { iso: code, sector });
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
            let force = r.get(1).is_some_and(|c| c.trim() != "vehicle");
            for n in aliases(r[0]) {
                d.add_name(n, Entry::Weapon { force });
            }
        }
        // Checked by a test; should the generated table be wrong, the
        // hand-written one still loads.
        d.triggers = read_triggers(&TRIGGER_TABLES)
            .or_else(|_| read_triggers(&TRIGGER_TABLES[..1]))
            .unwrap_or_default();
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
        let mut phrases: Vec<Vec<(String, Case)>> = Vec::new();
        let mut meanings: Vec<Vec<Entry>> = Vec::new();
        for (p, e) in &self.names {
            let id = *index.entry(p.to_ascii_lowercase()).or_insert_with(|| {
                phrases.push(Vec::new());
                meanings.push(Vec::new());
                phrases.len() - 1
            });
            if !phrases[id].iter().any(|(q, _)| q == p) {
                phrases[id].push((p.clone(), Case::of(p)));
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
        let names = PhraseSet::new(phrases.iter().map(|v| v[0].0.as_str()));
        let triggers = PhraseSet::new(tphrases.iter().map(String::as_str));
        // Without a build (a lexicon too large for the automaton), every
        // document is analysed: slower, never wrong.
        let trigger_filter = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&tphrases)
            .ok();
        let common = COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split_whitespace())
            .map(str::to_string)
            .collect();
        let mut capitals = HashMap::new();
        for (c, n) in &self.capitals {
            capitals.entry(*c).or_insert_with(|| n.clone());
        }
        let mut country_names = HashMap::new();
        for (c, n) in &self.country_names {
            country_names.entry(*c).or_insert_with(|| n.clone());
        }
        static SENSES: once_cell::sync::Lazy<Arc<Senses>> = once_cell::sync::Lazy::new(|| {
            // The tables are checked by a test: a bad row fails it.
            Arc::new(Senses::builtin().unwrap_or_default())
        });
        let trigger_cues = cues_of_phrases(&SENSES, &tphrases, &tmeanings);
        let (sense_phrases, sense_meanings): (Vec<String>, Vec<SenseWord>) =
            SENSES.search_words().into_iter().unzip();
        let sense_words = PhraseSet::new(sense_phrases.iter().map(String::as_str));
        Lexicon {
            senses: SENSES.clone(),
            capitals,
            country_names,
            phrases,
            meanings,
            names,
            trigger_phrases: tphrases,
            trigger_cues,
            sense_words,
            sense_meanings,
            trigger_meanings: tmeanings,
            triggers,
            trigger_filter,
            common,
        }
    }
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
        "call_verb" => Frame::CallVerb,
        "medium" => Frame::Medium,
        "host" => Frame::Host,
        _ => return None,
    })
}

/// True when byte `i` of `text` is not inside a word.
fn boundary_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .map(|c| !crate::tokens::is_alnum(c))
        .unwrap_or(true)
}

fn boundary_after(text: &str, i: usize) -> bool {
    i >= text.len() || !char_at(text, i).0
}

/// Whether the char at byte `i` (a char boundary) is alphanumeric, and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (crate::tokens::is_alnum(c), c.len_utf8())
    }
}

/// Byte length of the leading alphanumeric chars of `s`.
fn first_run(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i)
}

// Phrase search.
//
// Phrases are matched on the tokens of a sentence: a phrase starts where a
// token starts and ends where a token ends, with no letter or digit right
// before or after it, in any ASCII case. From the left, the longest phrase
// at a token is taken and the search resumes at the token after it.
//
// Phrases are filed under their first run of alphanumeric chars (their
// first word) in a hash table keyed on the lowercase bytes, longest phrase
// first; each token is hashed once and looked up in the name and the
// trigger tables. An automaton is slower here: for the names (thousands of
// phrases) an aho-corasick DFA takes about 190 ms and 50 MB to build, and
// a search over the bytes has to undo matches that start inside words.

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;
const ONES: u64 = 0x0101_0101_0101_0101;

/// ASCII lowercase of eight bytes at once.
#[inline]
fn lower8(x: u64) -> u64 {
    let h = x & (0x7f * ONES);
    let ge_a = h.wrapping_add(0x3f * ONES);
    let gt_z = h.wrapping_add(0x25 * ONES);
    let upper = ge_a & !gt_z & !x & (0x80 * ONES);
    x | (upper >> 2)
}

/// Eight bytes from `i` (zeros past the end), little-endian.
#[inline]
pub(crate) fn load8(b: &[u8], i: usize) -> u64 {
    match b.get(i..i + 8) {
        Some(s) => <[u8; 8]>::try_from(s).map_or(0, u64::from_le_bytes),
        None => b
            .get(i..)
            .unwrap_or_default()
            .iter()
            .rev()
            .fold(0u64, |x, &c| (x << 8) | u64::from(c)),
    }
}

/// The low `n` bytes of a word set (`n` at most 8).
#[inline]
fn low_bytes(n: usize) -> u64 {
    const LOW: [u64; 9] = {
        let mut t = [u64::MAX; 9];
        let mut n = 0;
        while n < 8 {
            t[n] = (1u64 << (8 * n)) - 1;
            n += 1;
        }
        t
    };
    LOW[n.min(8)]
}

/// Bytes with bit 5 cleared: the same for the two cases of an ASCII letter
/// (for hashes and filters; bytes that differ only there compare equal).
const NO_CASE: u64 = !(0x20 * ONES);
/// The high bit of every byte: non-ASCII bytes.
const HIGH: u64 = 0x80 * ONES;

/// Hash of the lowercase bytes `b[s..e]` (`s < e`).
#[inline]
fn key_hash(b: &[u8], s: usize, e: usize) -> u64 {
    let mut h = (e - s) as u64;
    let mut i = s;
    while e - i > 8 {
        h = (h ^ (load8(b, i) & NO_CASE)).wrapping_mul(MIX);
        h ^= h >> 29;
        i += 8;
    }
    last_hash(h, load8(b, i) & low_bytes(e - i) & NO_CASE)
}

/// The end of `key_hash`: for a key of up to eight bytes, `h` is its length
/// and `x` its bytes.
#[inline]
fn last_hash(h: u64, x: u64) -> u64 {
    let h = (h ^ x).wrapping_mul(MIX);
    h ^ (h >> 32)
}

/// One phrase: its lowercase bytes in `PhraseSet::bytes`, and the byte
/// length of its first word.
#[derive(Debug, Clone, Copy)]
struct Pat {
    start: u32,
    len: u32,
    run: u32,
}

/// A phrase longer than its first word, as a candidate at a word.
#[derive(Debug, Clone, Copy)]
struct Cand {
    id: u32,
    /// Bytes after the first word.
    rest: u32,
    /// The first (up to eight) of them, and which bytes of `sig` count.
    sig: u64,
    mask: u64,
}

/// The phrases whose first word is one key.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Where the key is in `PhraseSet::bytes`, its first eight bytes, and
    /// those with `NO_CASE`.
    key_start: u32,
    key_len: u32,
    key8: u64,
    key_fold: u64,
    /// Longer phrases, longest first: `cands[multi.0..multi.1]`.
    multi: (u32, u32),
    /// The phrase that is the key alone, if any.
    single: Option<u32>,
}

/// A set of phrases, searched as described above.
#[derive(Debug, Clone)]
struct PhraseSet {
    bytes: Vec<u8>,
    pats: Vec<Pat>,
    /// Open addressing: (hash tag, index in `runs` + 1); 0 = empty.
    slots: Vec<(u32, u32)>,
    shift: u32,
    /// One bit per value of a hash's bits from 16 up (masked), set for
    /// each key's hash. Most words start no phrase: this table, small
    /// enough to stay in the L1 cache, rules them out without a probe of
    /// `slots`, which is too large to stay there.
    filter: Vec<u64>,
    filter_mask: usize,
    runs: Vec<Run>,
    cands: Vec<Cand>,
    /// Phrases that start with a char that is not alphanumeric, longest first.
    lead: Vec<u32>,
    lead_first: [bool; 256],
    /// The longest first word.
    max_run: usize,
}

impl PhraseSet {
    fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        let mut set = PhraseSet {
            bytes: Vec::new(),
            pats: Vec::new(),
            slots: Vec::new(),
            shift: 0,
            filter: Vec::new(),
            filter_mask: 0,
            runs: Vec::new(),
            cands: Vec::new(),
            lead: Vec::new(),
            lead_first: [false; 256],
            max_run: 0,
        };
        let mut keyed: Vec<(u64, u32)> = Vec::new();
        for p in phrases {
            let id = set.pats.len() as u32;
            let run = first_run(p);
            let pat = Pat {
                start: set.bytes.len() as u32,
                len: p.len() as u32,
                run: run as u32,
            };
            set.bytes.extend(p.bytes().map(|b| b.to_ascii_lowercase()));
            set.pats.push(pat);
            if p.is_empty() {
                continue;
            }
            let b = &set.bytes[pat.start as usize..];
            if run == 0 {
                set.lead.push(id);
                set.lead_first[usize::from(b[0])] = true;
                continue;
            }
            set.max_run = set.max_run.max(run);
            keyed.push((key_hash(b, 0, run), id));
        }
        let mut size = 16;
        while size < keyed.len() * 2 {
            size *= 2;
        }
        set.slots = vec![(0, 0); size];
        set.shift = 64 - size.trailing_zeros();
        // (run, longest first, id) of the phrases longer than their first word.
        let mut members: Vec<(u32, u32, u32)> = Vec::with_capacity(keyed.len());
        for &(h, id) in &keyed {
            let pat = set.pats[id as usize];
            let (start, run) = (pat.start as usize, pat.run as usize);
            let r = match set.lookup(h, &set.bytes, start, start + run) {
                Some(r) => r,
                None => {
                    let r = set.runs.len() as u32;
                    set.runs.push(Run {
                        key_start: pat.start,
                        key_len: pat.run,
                        key8: load8(&set.bytes[start..start + run], 0),
                        key_fold: load8(&set.bytes[start..start + run], 0) & NO_CASE,
                        multi: (0, 0),
                        single: None,
                    });
                    set.insert(h, r);
                    r
                }
            };
            if pat.len == pat.run {
                set.runs[r as usize].single.get_or_insert(id);
            } else {
                members.push((r, u32::MAX - pat.len, id));
            }
        }
        // About sixteen bits a key: one in sixteen words not a key passes.
        let bits = (keyed.len() * 16).next_power_of_two().max(64);
        set.filter = vec![0; bits / 64];
        set.filter_mask = bits - 1;
        for &(h, _) in &keyed {
            let bit = set.filter_bit(h);
            set.filter[bit / 64] |= 1 << (bit % 64);
        }
        members.sort_unstable();
        let mut i = 0;
        while i < members.len() {
            let r = members[i].0;
            let from = set.cands.len() as u32;
            while i < members.len() && members[i].0 == r {
                let id = members[i].2;
                let p = set.pats[id as usize];
                let rest = &set.bytes[(p.start + p.run) as usize..(p.start + p.len) as usize];
                set.cands.push(Cand {
                    id,
                    rest: rest.len() as u32,
                    sig: load8(rest, 0),
                    mask: low_bytes(rest.len()),
                });
                i += 1;
            }
            set.runs[r as usize].multi = (from, set.cands.len() as u32);
        }
        let pats = &set.pats;
        set.lead
            .sort_by_key(|&id| (u32::MAX - pats[id as usize].len, id));
        set
    }

    #[inline]
    fn filter_bit(&self, h: u64) -> usize {
        (h >> 16) as usize & self.filter_mask
    }

    /// False when no key has hash `h`.
    #[inline]
    fn may_hold(&self, h: u64) -> bool {
        let bit = self.filter_bit(h);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    #[inline]
    fn slot_of(&self, h: u64) -> (usize, u32) {
        ((h >> self.shift) as usize, (h as u32) | 1)
    }

    fn insert(&mut self, h: u64, r: u32) {
        let (mut i, tag) = self.slot_of(h);
        let mask = self.slots.len() - 1;
        while self.slots[i].1 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (tag, r + 1);
    }

    /// The run whose key is `b[s..e]` (any ASCII case), given its hash.
    #[inline]
    fn lookup(&self, h: u64, b: &[u8], s: usize, e: usize) -> Option<u32> {
        let (mut i, tag) = self.slot_of(h);
        let mask = self.slots.len() - 1;
        loop {
            let (t, r) = self.slots[i];
            if r == 0 {
                return None;
            }
            if t == tag && self.key_is(r - 1, b, s, e) {
                return Some(r - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// The run whose key is the `len` (at most 8) bytes `k8`, any ASCII case.
    #[inline(always)]
    fn lookup_short(&self, h: u64, k8: u64, len: usize) -> Option<u32> {
        let fold = k8 & NO_CASE;
        let (mut i, tag) = self.slot_of(h);
        let mask = self.slots.len() - 1;
        loop {
            let (t, r) = self.slots[i];
            if r == 0 {
                return None;
            }
            if t == tag {
                let run = &self.runs[r as usize - 1];
                if run.key_fold == fold
                    && run.key_len as usize == len
                    && (k8 & HIGH == 0 || lower8(k8) == run.key8)
                {
                    return Some(r - 1);
                }
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn key_is(&self, r: u32, b: &[u8], s: usize, e: usize) -> bool {
        let run = &self.runs[r as usize];
        let len = e - s;
        if run.key_len as usize != len {
            return false;
        }
        if len <= 8 {
            return lower8(load8(b, s)) & low_bytes(len) == run.key8;
        }
        let start = run.key_start as usize;
        b[s..e].eq_ignore_ascii_case(&self.bytes[start..start + len])
    }

    fn pat_bytes(&self, id: u32) -> &[u8] {
        let p = self.pats[id as usize];
        &self.bytes[p.start as usize..(p.start + p.len) as usize]
    }

    /// Whether the bytes after the first word of a candidate, whose first
    /// eight match, match at `we`.
    #[inline]
    fn rest_matches(&self, b: &[u8], we: usize, c: &Cand) -> bool {
        let rest = c.rest as usize;
        if we + rest > b.len() {
            return false;
        }
        if rest <= 8 {
            return true;
        }
        let p = self.pats[c.id as usize];
        let end = (p.start + p.len) as usize;
        b[we + 8..we + rest].eq_ignore_ascii_case(&self.bytes[end - rest + 8..end])
    }

    /// The longest phrase that starts where token `k` of `toks` starts, at
    /// the word `key` of the text, and ends where one of `toks[k..]` ends,
    /// at a word boundary: its id and the index of its last token.
    #[inline(always)]
    fn at_token(&self, text: &str, toks: &[Token], k: usize, key: &Key) -> Option<(u32, usize)> {
        let b = text.as_bytes();
        let Key { s, we, h, k8 } = *key;
        let len = we - s;
        if len > self.max_run || !self.may_hold(h) {
            return None;
        }
        let r = if len <= 8 {
            self.lookup_short(h, k8, len)?
        } else {
            self.lookup(h, b, s, we)?
        };
        let run = &self.runs[r as usize];
        let (from, to) = (run.multi.0 as usize, run.multi.1 as usize);
        if from < to {
            let next8 = lower8(load8(b, we));
            for c in &self.cands[from..to] {
                if (next8 ^ c.sig) & c.mask == 0 && self.rest_matches(b, we, c) {
                    if let Some(j) = last_tok(text, toks, k, we + c.rest as usize) {
                        return Some((c.id, j));
                    }
                }
            }
        }
        let id = run.single?;
        last_tok(text, toks, k, we).map(|j| (id, j))
    }

    /// The longest phrase at token `k` of `toks`, whose key is `key`: its
    /// id and the index of its last token.
    #[inline(always)]
    fn at(&self, text: &str, toks: &[Token], k: usize, key: &Option<Key>) -> Option<(u32, usize)> {
        match key {
            Some(key) => self.at_token(text, toks, k, key),
            None => self.at_lead_token(text, toks, k),
        }
    }

    /// [`PhraseSet::at_token`] for a token that starts with a char that is
    /// not alphanumeric.
    fn at_lead_token(&self, text: &str, toks: &[Token], k: usize) -> Option<(u32, usize)> {
        let b = text.as_bytes();
        let s = toks[k].span.start;
        if !self.lead_first[usize::from(b[s])] {
            return None;
        }
        self.lead.iter().find_map(|&id| {
            let p = self.pat_bytes(id);
            let e = s + p.len();
            (e <= b.len() && b[s..e].eq_ignore_ascii_case(p))
                .then(|| last_tok(text, toks, k, e).map(|j| (id, j)))
                .flatten()
        })
    }
}

/// The end of the word (alphanumeric chars) from `i`.
#[inline]
fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        while i < b.len() && BYTE_KIND[usize::from(b[i])] == 1 {
            i += 1;
        }
        if i < b.len() && b[i] >= 0x80 {
            let (alnum, len) = char_at(text, i);
            if alnum {
                i += len;
                continue;
            }
        }
        return i;
    }
}

/// The first word of a token, as the phrase sets look it up: its span,
/// its hash and (for a word of up to eight bytes) its bytes.
#[derive(Clone, Copy)]
struct Key {
    s: usize,
    we: usize,
    h: u64,
    k8: u64,
}

impl Key {
    /// Whether a phrase can start at token `k` of a sentence's `toks`: if so,
    /// the key of its first word, or `None` for a token that starts with a
    /// char that is not alphanumeric.
    #[inline]
    fn of_token(text: &str, toks: &[Token], k: usize) -> Option<Option<Key>> {
        let t = toks[k];
        let word = matches!(t.kind, TokenKind::Word | TokenKind::Num);
        // A word token takes in every letter and digit next to it, so inside
        // a sentence it starts after a char that is not alphanumeric.
        if (k == 0 || !word) && !boundary_before(text, t.span.start) {
            return None;
        }
        Some(word.then(|| {
            let s = t.span.start;
            // The run the tokenizer saw ends the word unless a letter
            // outside ASCII goes on with it.
            let e = s + t.first as usize;
            let we = match text.as_bytes().get(e) {
                Some(&b) if t.first != 0 && b < 0x80 => e,
                _ => word_end(text, s),
            };
            Key::at(text, s, we)
        }))
    }

    /// The key of the word `text[s..we]`.
    #[inline]
    fn at(text: &str, s: usize, we: usize) -> Key {
        let b = text.as_bytes();
        let len = we - s;
        if len <= 8 {
            let k8 = load8(b, s) & low_bytes(len);
            Key {
                s,
                we,
                h: last_hash(len as u64, k8 & NO_CASE),
                k8,
            }
        } else {
            Key {
                s,
                we,
                h: key_hash(b, s, we),
                k8: 0,
            }
        }
    }
}

/// The index of the token of `toks[k..]` that ends at byte `e`, if one does
/// and a word boundary follows.
#[inline]
fn last_tok(text: &str, toks: &[Token], k: usize, e: usize) -> Option<usize> {
    let mut j = k;
    while j < toks.len() && toks[j].span.end < e {
        j += 1;
    }
    (j < toks.len() && toks[j].span.end == e && boundary_after(text, e)).then_some(j)
}

impl Lexicon {
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
        let Hits {
            names,
            triggers,
            senses,
        } = out;
        names.reserve(crate::tokens::capacity_for(text.len(), 32));
        triggers.reserve(crate::tokens::capacity_for(text.len(), 64));
        for range in sent_toks {
            let toks = &tokens[range.clone()];
            // The first token each search may look at next.
            let (mut next_name, mut next_trigger, mut next_sense) = (0, 0, 0);
            for k in 0..toks.len() {
                let Some(key) = Key::of_token(text, toks, k) else {
                    continue;
                };
                let hit = |j: usize, id: u32| Hit {
                    span: Span::new(toks[k].span.start, toks[j].span.end),
                    first_tok: range.start + k,
                    end_tok: range.start + j + 1,
                    phrase: id as usize,
                };
                if k >= next_name {
                    if let Some((id, j)) = self.names.at(text, toks, k, &key) {
                        let h = hit(j, id);
                        let spelled = &text[h.span.range()];
                        if self.phrases[h.phrase]
                            .iter()
                            .any(|(p, case)| case.fits(p, spelled))
                        {
                            names.push(h);
                        }
                        next_name = j + 1;
                    }
                }
                if k >= next_trigger {
                    if let Some((id, j)) = self.triggers.at(text, toks, k, &key) {
                        triggers.push(hit(j, id));
                        next_trigger = j + 1;
                    }
                }
                if k >= next_sense {
                    if let Some((id, j)) = self.sense_words.at(text, toks, k, &key) {
                        senses.push(hit(j, id));
                        next_sense = j + 1;
                    }
                }
            }
        }
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

    /// A frequent English word (lowercase lookup).
    pub(crate) fn is_common(&self, word: &str) -> bool {
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.common.contains(word);
        }
        crate::tokens::with_lowercase(word, |w| self.common.contains(w))
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

/// How the case of a name found must fit one of its spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Acronyms ("US", "AU"): exactly.
    Exact,
    /// Capitalized names: with a capital.
    Capital,
    /// Lowercase entries, and spellings without letters: any case.
    Any,
}

impl Case {
    fn of(phrase: &str) -> Case {
        let mut letters = 0usize;
        let mut all_upper = true;
        for c in phrase.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            all_upper &= c.is_uppercase();
        }
        if letters == 0 {
            Case::Any
        } else if all_upper && letters <= 5 {
            Case::Exact
        } else if phrase.chars().next().is_some_and(char::is_uppercase) {
            Case::Capital
        } else {
            Case::Any
        }
    }

    #[inline]
    fn fits(self, phrase: &str, found: &str) -> bool {
        match self {
            Case::Exact => phrase == found,
            Case::Capital => crate::tokens::is_upper_start(found),
            Case::Any => true,
        }
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
                assert!(
                    ok,
                    "{}: {t:?} is not a {} trigger phrase",
                    cue.id,
                    cue.kind.name()
                );
            }
        }
    }

    #[test]
    fn the_trigger_tables_parse_strictly() {
        let all = read_triggers(&TRIGGER_TABLES).unwrap_or_else(|e| panic!("{e:?}"));
        let hand = read_triggers(&TRIGGER_TABLES[..1]).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(all.len() > hand.len(), "the WordNet table adds no form");
        let meaning = |w: &str| all.iter().find(|(f, _)| f == w).map(|(_, t)| t.clone());
        let t = meaning("lambasted").expect("a WordNet statement verb");
        assert_eq!((t.kind, t.frame), (TriggerKind::Statement, Frame::Object));
        let t = meaning("knifed").expect("a WordNet attack verb");
        assert_eq!((t.kind, t.force), (TriggerKind::Attack, Force::Itself));
    }

    #[test]
    fn bad_trigger_rows_are_errors() {
        let one = |t: &'static str| read_triggers(&[("t.tsv", t)]);
        assert!(one("attack\tverb\tshelled\tforce\nattack\tnoun\tshelled").is_ok());
        assert!(one("attack\tverb").is_err());
        assert!(one("attack\tverb\tshelled\tforce\textra").is_err());
        assert!(one("statement\tsay\tsaid\tforce").is_err());
        assert!(one("attack\tverb\tshelled\tstrong").is_err());
        assert!(one("attack\tfly\tshelled").is_err());
        assert!(one("battle\tverb\tshelled").is_err());
        assert!(one("attack\tverb\tShelled").is_err());
        assert!(one("attack\tverb\tshelled|shelled").is_err());
    }

    #[test]
    fn a_form_in_two_trigger_tables_is_an_error() {
        let hand = ("triggers.tsv", "attack\tverb\tshelled|bombed\tforce");
        let more = ("more.tsv", "attack\tverb\tstrafed\tforce");
        assert!(read_triggers(&[hand, more]).is_ok());
        let twice = ("more.tsv", "attack\tnoun\tstrafe|bombed");
        let e = read_triggers(&[hand, twice]).unwrap_err();
        assert_eq!((e.0, e.1), ("more.tsv", 1), "{e:?}");
        assert!(e.2.contains("bombed"), "{e:?}");
    }

    /// The case check as it was first written, per match: the oracle for
    /// [`Case`], which decides it once per spelling. Acronyms ("US", "AU")
    /// must match exactly; capitalized names need a capital; lowercase
    /// entries match any case.
    fn case_fits(phrase: &str, found: &str) -> bool {
        let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.is_empty() {
            return true;
        }
        let all_upper = letters.iter().all(|c| c.is_uppercase());
        if all_upper && letters.len() <= 5 {
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

    /// The search as specified, phrase by phrase: at each token from the
    /// left, the longest phrase (the first listed among equals) that is, in
    /// any ASCII case, the text from where the token starts to where one of
    /// the tokens ends, with no letter or digit before or after it; the
    /// search resumes after it. (first token, last token, phrase) each.
    fn expected(phrases: &[&str], text: &str, toks: &[Token]) -> Vec<(usize, usize, u32)> {
        let ends: Vec<usize> = toks.iter().map(|t| t.span.end).collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < toks.len() {
            let s = toks[k].span.start;
            let mut best: Option<(usize, u32)> = None;
            for (id, p) in phrases.iter().enumerate() {
                let e = s + p.len();
                let Ok(j) = ends.binary_search(&e) else {
                    continue;
                };
                if j >= k
                    && text.as_bytes()[s..e].eq_ignore_ascii_case(p.as_bytes())
                    && boundary_before(text, s)
                    && boundary_after(text, e)
                    && best.map_or(true, |(bj, _)| j > bj)
                {
                    best = Some((j, id as u32));
                }
            }
            match best {
                Some((j, id)) => {
                    out.push((k, j, id));
                    k = j + 1;
                }
                None => k += 1,
            }
        }
        out
    }

    /// The search of a phrase set over `text` taken as one sentence.
    fn found(set: &PhraseSet, text: &str, toks: &[Token]) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        let mut next = 0;
        for k in 0..toks.len() {
            let Some(key) = Key::of_token(text, toks, k) else {
                continue;
            };
            if k >= next {
                if let Some((id, j)) = set.at(text, toks, k, &key) {
                    out.push((k, j, id));
                    next = j + 1;
                }
            }
        }
        out
    }

    /// Checks the search against the search as specified.
    fn check(phrases: &[&str], texts: &[String]) {
        let set = PhraseSet::new(phrases.iter().copied());
        let mut hits = 0;
        for text in texts {
            let mut toks = Vec::new();
            crate::tokens::tokenize(text, Span::new(0, text.len()), &mut toks);
            let want = expected(phrases, text, &toks);
            assert_eq!(found(&set, text, &toks), want, "{text:?}");
            hits += want.len();
        }
        // The texts must exercise the search, not only its misses.
        assert!(
            hits >= texts.len() / 2,
            "{hits} hits in {} texts",
            texts.len()
        );
    }

    /// Texts made of `pieces`, from a fixed pseudo-random sequence.
    fn texts(pieces: &[&str], count: usize, len: usize) -> Vec<String> {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        (0..count)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..len {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    t.push_str(pieces[(x % pieces.len() as u64) as usize]);
                }
                t
            })
            .collect()
    }

    const TRICKY: &[&str] = &[
        "us forces",
        "forces",
        "US",
        "us army",
        "army",
        "'Ndrangheta",
        "’Ndrangheta",
        "Ndrangheta",
        "-",
        "Gen.",
        "gen",
        "Al Qaeda",
        "al",
        "Qaeda",
        "U.S.",
        "U.S. Army",
        "Oman",
        "Rome",
        "Côte d’Ivoire",
        "Côte",
        "F-16",
        "a b c",
        "b c d",
        "b c",
        "é x",
        "thus",
        "hamas",
        "as saying",
        "saying",
        "in a statement",
        "statement",
        "abcdefghijk lmnop",
        "ghijk lm",
        "k",
        "9/11",
        "ab",
        "bc d",
        "d",
    ];

    #[test]
    fn search_as_specified_on_tricky_phrases() {
        let pieces = [
            " ",
            " ",
            " ",
            "us",
            "thus",
            "forces",
            "Forces",
            "army",
            "ARMY",
            "-",
            "'",
            "’",
            "Ndrangheta",
            "gen",
            ".",
            "Gen",
            "oxy",
            "al",
            "Al",
            "Qaeda",
            "qaedas",
            "U",
            "S",
            "u",
            "Oman",
            "Roman",
            "e",
            "Côte",
            "d’Ivoire",
            "é",
            "x",
            "F",
            "16",
            "a",
            "b",
            "c",
            "d",
            "Hamas",
            "as",
            "saying",
            "in",
            "statement",
            "abcdefghijk",
            "lmnop",
            "lm",
            "9",
            "/",
            "11",
            ",",
            "\n",
            "k",
        ];
        // Spaces, so that phrases often stand as words.
        let mut pieces = pieces.to_vec();
        pieces.extend([" "; 30]);
        check(TRICKY, &texts(&pieces, 3000, 24));
        let fixed = [
            "thus forces",
            "Thus forces were",
            "campus army",
            "the group's'Ndrangheta",
            "oxygen.’Ndrangheta",
            "Gen.-x",
            "general Qaeda",
            "Al Qaedas army",
            "EU.S. Army",
            "U.S. Armyx army",
            "pro-US",
            " - ",
            "--",
            "Hamas saying",
            "abcdefghijk lmnop",
            "xabcdefghijk lmnop",
            "xxabcdefghijk lm",
            "ééé x",
            "",
            "k",
            "xabc d",
        ];
        check(TRICKY, &fixed.map(String::from));
    }

    #[test]
    fn case_rules_agree_with_case_fits() {
        let spellings = [
            "US",
            "AU",
            "Iraq",
            "iraq",
            "U.S.",
            "NATO",
            "UNESCO",
            "al-Qaeda",
            "-",
            "’Ndrangheta",
            "Élysée",
            "ÉU",
        ];
        let found = [
            "US",
            "us",
            "Us",
            "IRAQ",
            "iraq",
            "Iraq",
            "u.s.",
            "U.S.",
            "nato",
            "NATO",
            "unesco",
            "Al-qaeda",
            "al-qaeda",
            "-",
            "’ndrangheta",
            "élysée",
            "Élysée",
            "ÉU",
            "éu",
        ];
        for p in spellings {
            for f in found {
                assert_eq!(Case::of(p).fits(p, f), case_fits(p, f), "{p} {f}");
            }
        }
    }

    #[test]
    fn search_as_specified_on_the_builtin_lexicon() {
        let lex = LexiconData::builtin().compile();
        let names: Vec<&str> = lex.phrases.iter().map(|v| v[0].0.as_str()).collect();
        let triggers: Vec<&str> = lex.trigger_phrases.iter().map(String::as_str).collect();
        let mut pieces: Vec<&str> = names.iter().chain(&triggers).copied().step_by(7).collect();
        pieces.extend([
            " ", " ", " ", " ", ", ", ". ", "-", "'s", "’s", "s", "thus", "ian", "al", "in", "as",
            "x", "é", "\n",
        ]);
        // As many spaces as phrases, so that most phrases stand as words.
        let n = pieces.len();
        pieces.extend(std::iter::repeat(" ").take(n));
        let texts = texts(&pieces, 400, 60);
        check(&names, &texts);
        check(&triggers, &texts);
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
