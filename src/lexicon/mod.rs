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
use crate::tokens::BYTE_KIND;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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
    phrases: Vec<Vec<(String, Case)>>,
    meanings: Vec<Vec<Entry>>,
    names: PhraseSet,
    trigger_phrases: Vec<String>,
    trigger_meanings: Vec<Vec<Trigger>>,
    triggers: PhraseSet,
    common: HashSet<String, WordHash>,
    /// ISO code -> capital, for "the Iranian capital".
    capitals: HashMap<Iso, String>,
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

/// Accumulates phrases before compiling the automata.
#[derive(Debug, Default, Clone)]
pub(crate) struct LexiconData {
    names: Vec<(String, Entry)>,
    triggers: Vec<(String, Trigger)>,
    capitals: Vec<(Iso, String)>,
}

impl LexiconData {
    /// The built-in tables.
    pub(crate) fn builtin() -> LexiconData {
        let mut d = LexiconData::default();
        for r in rows(COUNTRIES) {
            let code = iso(r[0]);
            let names: Vec<&str> = r.get(1).map(|f| aliases(f).collect()).unwrap_or_default();
            let short: Arc<str> = Arc::from(names.first().copied().unwrap_or(""));
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
// The output is exactly that of an ASCII-case-insensitive, leftmost-longest
// aho-corasick search over the bytes of the text that keeps the matches that
// are whole words: at each position from the left, the longest phrase that
// matches there is taken, whole word or not, and the search resumes after it.
//
// The automaton itself is slower. For the names (thousands of phrases) a
// DFA takes about 190 ms and 50 MB to build. For the triggers (a few
// hundred) a DFA runs fewer instructions than what follows, but takes
// longer (312 against 540 MiB/s in `stage/triggers`): its table does not
// stay in the first-level cache. The default automaton kind is slower still.
//
// Instead of an automaton, phrases are filed under their first run of
// alphanumeric chars (their first word) in a hash table keyed on the
// lowercase bytes, longest phrase first. A phrase that starts with a word can
// match at the start of a word of the text only if that word is its first word
// or, for a phrase of one word, starts with it. So one lookup per word of the
// text gives the match at its start, if any.
//
// A match starting inside a word is never a whole word, but it hides the
// positions it covers: when it runs past the end of the word (a phrase whose
// first word is a suffix of the text's word: "us forces" in "thus forces"),
// it can hide a match at the next word. For almost every word, filters on the
// last bytes of the word, the bytes after it and the length of the first word
// of the phrase rule this out; where they do not, an exact check follows, and
// where that finds such a phrase, a search position by position.

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;
const ONES: u64 = 0x0101_0101_0101_0101;
/// Bits of the crossing bloom filter (2^17 bits = 16 KB).
const BLOOM_BITS: u32 = 17;

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
fn load8(b: &[u8], i: usize) -> u64 {
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

/// Bytes `we - 4 .. we + 4` of `b` with `NO_CASE`, zeros outside `b`: the
/// end of a word, the char after it and more, for the crossing filters.
#[inline(always)]
fn window(b: &[u8], we: usize) -> u64 {
    if we >= 4 && we + 4 <= b.len() {
        return load8(b, we - 4) & NO_CASE;
    }
    let mut x = 0u64;
    for j in 0..8 {
        if we + j >= 4 {
            if let Some(&c) = b.get(we + j - 4) {
                x |= u64::from(c) << (8 * j);
            }
        }
    }
    x & NO_CASE
}

/// Index in the coarse crossing table for the last two bytes of a first word
/// and the byte after the one that follows it (five bits of each).
#[inline]
fn coarse_index(last2: u8, last: u8, next: u8) -> usize {
    ((usize::from(last2) & 31) << 10) | ((usize::from(last) & 31) << 5) | (usize::from(next) & 31)
}

/// Bit `f` (0..8) of the coarse table: a first word of `f % 4 + 1` bytes
/// (4: 4 or more) followed by three bytes (`f < 4`) or by two that end the
/// phrase. Its key in the bloom filter keeps those bytes of the `window`.
#[inline]
fn bloom_key(window: u64, f: u32) -> u64 {
    const MASKS: [u64; 8] = {
        let mut m = [0u64; 8];
        let mut f = 0;
        while f < 8 {
            let keep = if f < 4 { 7 } else { 6 };
            let skip = 3 - f % 4;
            m[f] = ((1u64 << (8 * keep)) - 1) & !((1u64 << (8 * skip)) - 1);
            f += 1;
        }
        m
    };
    (window & MASKS[f as usize & 7]) | (u64::from(f + 1) << 56)
}

#[inline]
fn bloom_bits(key: u64) -> (usize, usize) {
    let x = (key ^ (key >> 29)).wrapping_mul(MIX);
    let m = (1usize << BLOOM_BITS) - 1;
    ((x >> (64 - BLOOM_BITS)) as usize, (x >> 20) as usize & m)
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
    runs: Vec<Run>,
    cands: Vec<Cand>,
    /// Phrases that start with a char that is not alphanumeric, longest first.
    lead: Vec<u32>,
    lead_first: [bool; 256],
    /// First bytes of the `lead` phrases longer than one char.
    lead_cross: [bool; 256],
    /// Crossing filters for phrases that can run from one word into the
    /// next: per `coarse_index`, which `bloom_key` kinds there are; and the
    /// bloom filter of their keys.
    coarse: Vec<u8>,
    bloom: Vec<u64>,
    max_run: usize,
    max_single: usize,
}

impl PhraseSet {
    fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        let mut set = PhraseSet {
            bytes: Vec::new(),
            pats: Vec::new(),
            slots: Vec::new(),
            shift: 0,
            runs: Vec::new(),
            cands: Vec::new(),
            lead: Vec::new(),
            lead_first: [false; 256],
            lead_cross: [false; 256],
            coarse: vec![0; 1 << 15],
            bloom: vec![0; 1 << (BLOOM_BITS - 6)],
            max_run: 0,
            max_single: 0,
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
                if p.chars().nth(1).is_some() {
                    set.lead_cross[usize::from(b[0])] = true;
                }
                continue;
            }
            set.max_run = set.max_run.max(run);
            if run == p.len() {
                set.max_single = set.max_single.max(run);
            } else if run + p[run..].chars().next().map_or(1, char::len_utf8) < p.len() {
                // Can run past the end of a word into the next.
                let rest = p.len() - run;
                let f = (run.min(4) - 1) as u32 + if rest >= 3 { 0 } else { 4 };
                if run >= 2 {
                    set.coarse[coarse_index(b[run - 2], b[run - 1], b[run + 1])] |= 1 << f;
                } else {
                    for c in 0..32 {
                        set.coarse[coarse_index(c, b[0], b[2])] |= 1 << f;
                    }
                }
                let (x, y) = bloom_bits(bloom_key(window(&b[..p.len()], run), f));
                set.bloom[x / 64] |= 1 << (x % 64);
                set.bloom[y / 64] |= 1 << (y % 64);
            }
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
    fn lookup_short(&self, k8: u64, len: usize) -> Option<u32> {
        let fold = k8 & NO_CASE;
        let (mut i, tag) = self.slot_of(last_hash(len as u64, fold));
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

    /// The longest phrase matching at `s`, where the text has the word
    /// `s..we`, that ends at or after `we`.
    #[inline(always)]
    fn at_word(&self, b: &[u8], s: usize, we: usize) -> Option<(u32, usize)> {
        let len = we - s;
        if len > self.max_run {
            return None;
        }
        let r = if len <= 8 {
            self.lookup_short(load8(b, s) & low_bytes(len), len)?
        } else {
            self.lookup(key_hash(b, s, we), b, s, we)?
        };
        let run = &self.runs[r as usize];
        let (from, to) = (run.multi.0 as usize, run.multi.1 as usize);
        if from < to {
            let next8 = lower8(load8(b, we));
            for c in &self.cands[from..to] {
                if (next8 ^ c.sig) & c.mask == 0 && self.rest_matches(b, we, c) {
                    return Some((c.id, we + c.rest as usize));
                }
            }
        }
        run.single.map(|id| (id, we))
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

    /// The longest phrase matching at `s`, where the char is not alphanumeric.
    fn at_lead(&self, b: &[u8], s: usize) -> Option<(u32, usize)> {
        self.lead.iter().find_map(|&id| {
            let p = self.pat_bytes(id);
            (s + p.len() <= b.len() && b[s..s + p.len()].eq_ignore_ascii_case(p))
                .then_some((id, s + p.len()))
        })
    }

    /// Calls `emit(start, end, phrase)` for every whole-word match.
    #[inline]
    fn scan(&self, text: &str, mut emit: impl FnMut(usize, usize, u32)) {
        let b = text.as_bytes();
        let n = b.len();
        let mut cur = 0;
        // False when `cur` follows an alphanumeric char.
        let mut at_boundary = true;
        while cur < n {
            if !at_boundary {
                // In a word or at its end, after a match that ended there.
                let we = word_end(text, cur);
                (cur, at_boundary) = self.tail(text, cur, cur, we);
                continue;
            }
            let c = b[cur];
            let (alnum, clen) = match BYTE_KIND[usize::from(c)] {
                1 => (true, 1),
                0 => (false, 1),
                _ => char_at(text, cur),
            };
            if !alnum {
                // Phrases that start with a non-alphanumeric char ("#", "'").
                if self.lead_first[usize::from(c)] {
                    if let Some((id, e)) = self.at_lead(b, cur) {
                        if boundary_after(text, e) {
                            emit(cur, e, id);
                        }
                        (cur, at_boundary) = (e, boundary_before(text, e));
                        continue;
                    }
                }
                cur += clen;
                continue;
            }
            // The start of a word.
            let we = word_end(text, cur + clen);
            if let Some((id, e)) = self.at_word(b, cur, we) {
                if e == we || boundary_after(text, e) {
                    emit(cur, e, id);
                }
                cur = e;
                at_boundary = e != we && boundary_before(text, e);
                continue;
            }
            (cur, at_boundary) = self.tail(text, cur, cur + clen, we);
        }
    }

    /// Goes on with the search from `from`, in a word ending at `we`, where
    /// no match starting before `lo` runs past the word: returns where the
    /// search resumes, and whether that position follows a non-alphanumeric
    /// char.
    #[inline(always)]
    fn tail(&self, text: &str, from: usize, lo: usize, we: usize) -> (usize, bool) {
        let b = text.as_bytes();
        if we >= b.len() {
            return (b.len(), true);
        }
        let next = we + if b[we] < 0x80 { 1 } else { char_at(text, we).1 };
        let ks = self.may_cross(b, lo, we);
        if ks == 0 || !self.crosses(b, lo, we, next, ks) {
            return (next, true);
        }
        self.search(text, from, we, next)
    }

    /// Which phrases matching at `lo..=we` may run past the char at `we`
    /// (which is not alphanumeric): bit 0, 1, 2 for a first word of 1, 2, 3
    /// bytes, bit 3 for 4 or more, bit 4 for phrases that start at `we`.
    #[inline(always)]
    fn may_cross(&self, b: &[u8], lo: usize, we: usize) -> u8 {
        let lead = if self.lead_cross[usize::from(b[we])] {
            16
        } else {
            0
        };
        if we + 1 >= b.len() || we == lo {
            return lead;
        }
        // The kinds of first words no longer than `we - lo`.
        let fit = [0, 0x11, 0x33, 0x77, 0xff][(we - lo).min(4)];
        let last2 = if we >= 2 { b[we - 2] } else { 0 };
        let mut fs = self.coarse[coarse_index(last2, b[we - 1], b[we + 1])] & fit;
        if fs == 0 {
            return lead;
        }
        let window = window(b, we);
        let mut pass = 0;
        while fs != 0 {
            let f = fs.trailing_zeros();
            fs &= fs - 1;
            let (x, y) = bloom_bits(bloom_key(window, f));
            if self.bloom[x / 64] & (1 << (x % 64)) != 0
                && self.bloom[y / 64] & (1 << (y % 64)) != 0
            {
                pass |= 1 << (f % 4);
            }
        }
        pass | lead
    }

    /// Whether a phrase matching at `lo..=we` ends after `next`.
    #[cold]
    #[inline(never)]
    fn crosses(&self, b: &[u8], lo: usize, we: usize, next: usize, ks: u8) -> bool {
        if ks & 16 != 0 && self.at_lead(b, we).is_some_and(|(_, e)| e > next) {
            return true;
        }
        let next8 = lower8(load8(b, we));
        for i in (lo..we).rev().take(self.max_run) {
            // The first word's length, as in `may_cross`.
            if ks & (1 << (we - i).min(4) >> 1) == 0 {
                continue;
            }
            if let Some(r) = self.lookup(key_hash(b, i, we), b, i, we) {
                let run = self.runs[r as usize];
                for c in &self.cands[run.multi.0 as usize..run.multi.1 as usize] {
                    if we + c.rest as usize > next
                        && (next8 ^ c.sig) & c.mask == 0
                        && self.rest_matches(b, we, c)
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The search position by position from `from` through the word ending
    /// at `we`, where no match can be a whole word.
    #[cold]
    #[inline(never)]
    fn search(&self, text: &str, from: usize, we: usize, next: usize) -> (usize, bool) {
        let mut p = from;
        loop {
            if let Some(e) = self.longest_at(text, p, we) {
                if e > we {
                    return (e, boundary_before(text, e));
                }
                p = e;
                continue;
            }
            if p >= we {
                return (next, true);
            }
            p += char_at(text, p).1;
        }
    }

    /// The end of the longest phrase matching at `p`, in a word ending at
    /// `we` or at its end.
    fn longest_at(&self, text: &str, p: usize, we: usize) -> Option<usize> {
        let b = text.as_bytes();
        if p >= we {
            return self.at_lead(b, p).map(|(_, e)| e);
        }
        if let Some((_, e)) = self.at_word(b, p, we) {
            return Some(e);
        }
        for l in (1..(we - p).min(self.max_single + 1)).rev() {
            if text.is_char_boundary(p + l) {
                if let Some(r) = self.lookup(key_hash(b, p, p + l), b, p, p + l) {
                    if self.runs[r as usize].single.is_some() {
                        return Some(p + l);
                    }
                }
            }
        }
        None
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

impl Lexicon {
    /// Lexicon names found in `text`, at word boundaries and with fitting case.
    pub(crate) fn find_names(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(crate::tokens::capacity_for(text.len(), 32));
        self.names.scan(text, |s, e, id| {
            let id = id as usize;
            let found = &text[s..e];
            if self.phrases[id].iter().any(|(p, case)| case.fits(p, found)) {
                hits.push(Hit {
                    span: Span::new(s, e),
                    phrase: id,
                });
            }
        });
        hits
    }

    /// Trigger phrases found in `text`, at word boundaries, any case.
    pub(crate) fn find_triggers(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(crate::tokens::capacity_for(text.len(), 64));
        self.triggers.scan(text, |s, e, id| {
            hits.push(Hit {
                span: Span::new(s, e),
                phrase: id as usize,
            })
        });
        hits
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
        crate::tokens::with_lowercase(word, |w| self.common.contains(w))
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
            Case::Capital => match found.as_bytes().first() {
                Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
                _ => found.chars().next().is_some_and(char::is_uppercase),
            },
            Case::Any => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};

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

    /// Checks the search against the search as it was specified:
    /// aho-corasick, ASCII case-insensitive, leftmost-longest, then whole
    /// words only.
    fn check(phrases: &[&str], texts: &[String]) {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)
            .unwrap();
        let set = PhraseSet::new(phrases.iter().copied());
        for text in texts {
            let expected: Vec<(usize, usize, u32)> = ac
                .find_iter(text)
                .filter(|m| boundary_before(text, m.start()) && boundary_after(text, m.end()))
                .map(|m| (m.start(), m.end(), m.pattern().as_u32()))
                .collect();
            let mut found = Vec::new();
            set.scan(text, |s, e, id| found.push((s, e, id)));
            assert_eq!(found, expected, "{text:?}");
        }
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
    fn same_as_aho_corasick_on_tricky_phrases() {
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
    fn same_as_aho_corasick_on_the_builtin_lexicon() {
        let lex = LexiconData::builtin().compile();
        let names: Vec<&str> = lex.phrases.iter().map(|v| v[0].0.as_str()).collect();
        let triggers: Vec<&str> = lex.trigger_phrases.iter().map(String::as_str).collect();
        let mut pieces: Vec<&str> = names.iter().chain(&triggers).copied().step_by(7).collect();
        pieces.extend([
            " ", " ", " ", " ", ", ", ". ", "-", "'s", "’s", "s", "thus", "ian", "al", "in", "as",
            "x", "é", "\n",
        ]);
        let texts = texts(&pieces, 2000, 60);
        check(&names, &texts);
        check(&triggers, &texts);
    }

    #[test]
    fn triggers_are_whole_words_longest_first() {
        let lex = LexiconData::builtin().compile();
        let text = "The ceasefire held. She called for calm; they recalled it.";
        let found: Vec<&str> = lex
            .find_triggers(text)
            .iter()
            .map(|h| &text[h.span.range()])
            .collect();
        assert_eq!(found, ["called for"]);
    }
}
