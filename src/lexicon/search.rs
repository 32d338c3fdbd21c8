//! The phrase search: the lexicon's phrases found in the tokens of a
//! sentence.
//!
//! A phrase starts where a token starts and ends where a token of the same
//! sentence ends, with no letter or digit right before or after it, in any
//! ASCII case. From the left, the longest phrase at a token is taken and
//! the search resumes at the token after it.
//!
//! Phrases are filed under their first run of alphanumeric chars (their
//! first word) in a hash table keyed on the lowercase bytes, longest phrase
//! first; each token is hashed once and looked up in the name, trigger and
//! sense-word tables. See [`PhraseSet`] for what this costs against a
//! `HashMap` or an aho-corasick automaton.

use crate::tokens::{alnum_at, alnum_before, char_at, is_alnum, Token, TokenKind, ASCII_ALNUM};

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

/// Eight bytes from `i` (zeros past the end), little-endian. Also read by
/// the date cue scan (`crate::dates`).
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

/// The mask of the low `n` bytes of a word (all of them from 8 on).
#[inline]
fn low_bytes(n: usize) -> u64 {
    match n {
        0..=7 => (1u64 << (8 * n)) - 1,
        _ => u64::MAX,
    }
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
    short_key_hash(h, load8(b, i) & low_bytes(e - i) & NO_CASE)
}

/// The end of `key_hash`: for a key of up to eight bytes, `h` is its length
/// and `x` its bytes.
#[inline]
fn short_key_hash(h: u64, x: u64) -> u64 {
    let h = (h ^ x).wrapping_mul(MIX);
    h ^ (h >> 32)
}

/// One phrase: its lowercase bytes in `PhraseSet::bytes`, and the byte
/// length of its first word.
#[derive(Debug, Clone, Copy)]
struct Phrase {
    start: u32,
    len: u32,
    first_word_len: u32,
}

/// A phrase longer than its first word, as a candidate at a word.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    id: u32,
    /// Bytes after the first word.
    rest_len: u32,
    /// The first (up to eight) of them, and which bytes of `rest_head`
    /// count: most candidates fail on these.
    rest_head: u64,
    rest_mask: u64,
}

/// The phrases whose first word is one key.
#[derive(Debug, Clone, Copy)]
struct FirstWord {
    /// Where the key is in `PhraseSet::bytes`, its first eight bytes, and
    /// those with `NO_CASE`.
    key_start: u32,
    key_len: u32,
    key_head: u64,
    key_head_caseless: u64,
    /// Longer phrases, longest first: `candidates[longer.0..longer.1]`.
    longer: (u32, u32),
    /// The phrase that is the key alone, if any.
    alone: Option<u32>,
}

/// A set of phrases, searched as the module docs say: a hand-built hash
/// table of first words with its own hasher, a bitmap filter in front, and
/// an eight-byte check of each candidate's next bytes.
///
/// Kept because it pays (cg.sh, instructions per seed document): with it
/// 5,162,990; with a plain version, a foldhash `HashMap` keyed by the
/// lowercased first word and one look-up per token for all three tables,
/// 5,989,807 (16% more); with that map and this set's eight-byte
/// candidate check, 5,580,474 (8.1% more); with one aho-corasick
/// contiguous NFA over all three tables, ASCII case-insensitive, searched
/// anchored and overlapping at each token start, 6,098,904 (18% more, and
/// 116 million more instructions to build).
#[derive(Debug, Clone, Default)]
pub(super) struct PhraseSet {
    bytes: Vec<u8>,
    phrases: Vec<Phrase>,
    /// Open addressing: (hash tag, index in `first_words` + 1); 0 = empty.
    slots: Vec<(u32, u32)>,
    shift: u32,
    /// One bit per value of a hash's bits from 16 up (masked), set for
    /// each key's hash. Most words start no phrase: this table, small
    /// enough to stay in the L1 cache, rules them out without a probe of
    /// `slots`, which is too large to stay there.
    filter: Vec<u64>,
    filter_mask: usize,
    first_words: Vec<FirstWord>,
    candidates: Vec<Candidate>,
    /// Phrases that start with a char that is not alphanumeric, longest first.
    punct_led: Vec<u32>,
    /// The longest first word.
    longest_first_word: usize,
}

impl PhraseSet {
    /// The set of `phrases`; a phrase's id is its position.
    pub(super) fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        let mut set = PhraseSet::default();
        let keyed = set.add_phrases(phrases);
        let size = (keyed.len() * 2).next_power_of_two().max(16);
        set.slots = vec![(0, 0); size];
        set.shift = 64 - size.trailing_zeros();
        let longer = set.file_by_first_word(&keyed);
        set.fill_filter(&keyed);
        set.add_candidates(longer);
        let phrases = &set.phrases;
        set.punct_led
            .sort_by_key(|&id| (u32::MAX - phrases[id as usize].len, id));
        set
    }

    /// Stores the phrases; returns (hash of the first word, id) of those
    /// that start with one.
    fn add_phrases<'a>(&mut self, phrases: impl IntoIterator<Item = &'a str>) -> Vec<(u64, u32)> {
        let mut keyed = Vec::new();
        for p in phrases {
            let id = self.phrases.len() as u32;
            let first_word_len = word_end(p, 0);
            let phrase = Phrase {
                start: self.bytes.len() as u32,
                len: p.len() as u32,
                first_word_len: first_word_len as u32,
            };
            self.bytes.extend(p.bytes().map(|b| b.to_ascii_lowercase()));
            self.phrases.push(phrase);
            if p.is_empty() {
                continue;
            }
            let b = &self.bytes[phrase.start as usize..];
            if first_word_len == 0 {
                self.punct_led.push(id);
                continue;
            }
            self.longest_first_word = self.longest_first_word.max(first_word_len);
            keyed.push((key_hash(b, 0, first_word_len), id));
        }
        keyed
    }

    /// Files each phrase under its first word; returns (first word,
    /// longest first, id) of the phrases longer than their first word.
    fn file_by_first_word(&mut self, keyed: &[(u64, u32)]) -> Vec<(u32, u32, u32)> {
        let mut longer = Vec::with_capacity(keyed.len());
        for &(h, id) in keyed {
            let phrase = self.phrases[id as usize];
            let start = phrase.start as usize;
            let end = start + phrase.first_word_len as usize;
            let word = match self.lookup(h, &self.bytes, start, end) {
                Some(word) => word,
                None => {
                    let word = self.first_words.len() as u32;
                    let head = load8(&self.bytes[start..end], 0);
                    self.first_words.push(FirstWord {
                        key_start: phrase.start,
                        key_len: phrase.first_word_len,
                        key_head: head,
                        key_head_caseless: head & NO_CASE,
                        longer: (0, 0),
                        alone: None,
                    });
                    self.insert(h, word);
                    word
                }
            };
            if phrase.len == phrase.first_word_len {
                self.first_words[word as usize].alone.get_or_insert(id);
            } else {
                longer.push((word, u32::MAX - phrase.len, id));
            }
        }
        longer
    }

    /// Sets the filter bit of each first word's hash: about sixteen bits a
    /// key, so that one in sixteen words that are no key passes.
    fn fill_filter(&mut self, keyed: &[(u64, u32)]) {
        let bits = (keyed.len() * 16).next_power_of_two().max(64);
        self.filter = vec![0; bits / 64];
        self.filter_mask = bits - 1;
        for &(h, _) in keyed {
            let bit = self.filter_bit(h);
            self.filter[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Stores the phrases longer than their first word as candidates,
    /// longest first under each first word.
    fn add_candidates(&mut self, mut longer: Vec<(u32, u32, u32)>) {
        longer.sort_unstable();
        for (word, _, id) in longer {
            let p = self.phrases[id as usize];
            let rest_start = (p.start + p.first_word_len) as usize;
            let rest = &self.bytes[rest_start..(p.start + p.len) as usize];
            self.candidates.push(Candidate {
                id,
                rest_len: rest.len() as u32,
                rest_head: load8(rest, 0),
                rest_mask: low_bytes(rest.len()),
            });
            // Sorted by word, a word's candidates are consecutive: its
            // range is empty until the first.
            let end = self.candidates.len() as u32;
            let range = &mut self.first_words[word as usize].longer;
            if range.0 == range.1 {
                range.0 = end - 1;
            }
            range.1 = end;
        }
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

    fn insert(&mut self, h: u64, word: u32) {
        let (mut i, tag) = self.slot_of(h);
        let mask = self.slots.len() - 1;
        while self.slots[i].1 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (tag, word + 1);
    }

    /// The first word with hash `h` that `is_key` accepts.
    #[inline(always)]
    fn probe(&self, h: u64, is_key: impl Fn(u32) -> bool) -> Option<u32> {
        let (mut i, tag) = self.slot_of(h);
        let mask = self.slots.len() - 1;
        loop {
            let (t, word) = self.slots[i];
            if word == 0 {
                return None;
            }
            if t == tag && is_key(word - 1) {
                return Some(word - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// The first word that is `b[s..e]` (any ASCII case), given its hash.
    /// The search looks up words longer than eight bytes only: shorter ones
    /// take [`PhraseSet::lookup_short`].
    #[inline]
    fn lookup(&self, h: u64, b: &[u8], s: usize, e: usize) -> Option<u32> {
        self.probe(h, |word| {
            let entry = &self.first_words[word as usize];
            let key = entry.key_start as usize..(entry.key_start + entry.key_len) as usize;
            b[s..e].eq_ignore_ascii_case(&self.bytes[key])
        })
    }

    /// The first word that is the `len` (at most 8) bytes `head`, any
    /// ASCII case.
    #[inline(always)]
    fn lookup_short(&self, h: u64, head: u64, len: usize) -> Option<u32> {
        let caseless = head & NO_CASE;
        self.probe(h, |word| {
            let entry = &self.first_words[word as usize];
            entry.key_head_caseless == caseless
                && entry.key_len as usize == len
                && (head & HIGH == 0 || lower8(head) == entry.key_head)
        })
    }

    /// Whether the bytes after the first word of a candidate, whose first
    /// eight match, match at `word_end`.
    #[inline]
    fn rest_matches(&self, b: &[u8], word_end: usize, c: &Candidate) -> bool {
        let rest = c.rest_len as usize;
        if word_end + rest > b.len() {
            return false;
        }
        if rest <= 8 {
            return true;
        }
        let p = self.phrases[c.id as usize];
        let end = (p.start + p.len) as usize;
        b[word_end + 8..word_end + rest].eq_ignore_ascii_case(&self.bytes[end - rest + 8..end])
    }

    /// The longest phrase that starts where token `k` of `toks` starts, at
    /// the word `word` of the text (`None`: at a char that is not
    /// alphanumeric), and ends where one of `toks[k..]` ends, at a word
    /// boundary: its id and the index of its last token.
    #[inline(always)]
    pub(super) fn longest_at(
        &self,
        text: &str,
        toks: &[Token],
        k: usize,
        word: &Option<TokenWord>,
    ) -> Option<(u32, usize)> {
        let Some(TokenWord {
            start,
            end,
            hash,
            head,
        }) = *word
        else {
            return self.at_punct(text, toks, k);
        };
        let b = text.as_bytes();
        let len = end - start;
        if len > self.longest_first_word || !self.may_hold(hash) {
            return None;
        }
        let found = if len <= 8 {
            self.lookup_short(hash, head, len)?
        } else {
            self.lookup(hash, b, start, end)?
        };
        let entry = &self.first_words[found as usize];
        let (from, to) = (entry.longer.0 as usize, entry.longer.1 as usize);
        if from < to {
            let next8 = lower8(load8(b, end));
            for c in &self.candidates[from..to] {
                if (next8 ^ c.rest_head) & c.rest_mask == 0 && self.rest_matches(b, end, c) {
                    if let Some(j) = last_token(text, toks, k, end + c.rest_len as usize) {
                        return Some((c.id, j));
                    }
                }
            }
        }
        let id = entry.alone?;
        last_token(text, toks, k, end).map(|j| (id, j))
    }

    /// [`PhraseSet::longest_at`] for a token that starts with a char that
    /// is not alphanumeric.
    fn at_punct(&self, text: &str, toks: &[Token], k: usize) -> Option<(u32, usize)> {
        let b = text.as_bytes();
        let s = toks[k].span.start;
        self.punct_led.iter().find_map(|&id| {
            let p = self.phrases[id as usize];
            let p = &self.bytes[p.start as usize..(p.start + p.len) as usize];
            let e = s + p.len();
            (e <= b.len() && b[s..e].eq_ignore_ascii_case(p))
                .then(|| last_token(text, toks, k, e).map(|j| (id, j)))
                .flatten()
        })
    }
}

/// The end of the word (alphanumeric chars) from `i`.
#[inline]
fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        while i < b.len() && ASCII_ALNUM[usize::from(b[i])] {
            i += 1;
        }
        if i < b.len() && b[i] >= 0x80 {
            if let Some(c) = char_at(text, i).filter(|&c| is_alnum(c)) {
                i += c.len_utf8();
                continue;
            }
        }
        return i;
    }
}

/// The first word of a token, as the phrase sets look it up: its span,
/// its hash and (for a word of up to eight bytes) its bytes.
#[derive(Clone, Copy)]
pub(super) struct TokenWord {
    start: usize,
    end: usize,
    hash: u64,
    head: u64,
}

impl TokenWord {
    /// Whether a phrase can start at token `k` of a sentence's `toks`: if
    /// so, the token's first word, or `None` for a token that starts with
    /// a char that is not alphanumeric.
    #[inline]
    pub(super) fn of_token(text: &str, toks: &[Token], k: usize) -> Option<Option<TokenWord>> {
        let t = toks[k];
        let word = matches!(t.kind, TokenKind::Word | TokenKind::Num);
        // A word token takes in every letter and digit next to it, so inside
        // a sentence it starts after a char that is not alphanumeric.
        if (k == 0 || !word) && alnum_before(text, t.span.start) {
            return None;
        }
        Some(word.then(|| {
            let (b, start) = (text.as_bytes(), t.span.start);
            // The run the tokenizer saw ends the word unless a letter
            // outside ASCII goes on with it.
            let e = start + t.first as usize;
            let end = match b.get(e) {
                Some(&c) if t.first != 0 && c < 0x80 => e,
                _ => word_end(text, start),
            };
            let len = end - start;
            let (hash, head) = if len <= 8 {
                let head = load8(b, start) & low_bytes(len);
                (short_key_hash(len as u64, head & NO_CASE), head)
            } else {
                (key_hash(b, start, end), 0)
            };
            TokenWord {
                start,
                end,
                hash,
                head,
            }
        }))
    }
}

/// The index of the token of `toks[k..]` that ends at byte `e`, if one does
/// and a word boundary follows.
#[inline]
fn last_token(text: &str, toks: &[Token], k: usize, e: usize) -> Option<usize> {
    let mut j = k;
    while j < toks.len() && toks[j].span.end < e {
        j += 1;
    }
    (j < toks.len() && toks[j].span.end == e && !alnum_at(text, e)).then_some(j)
}

/// How the case of a name found must fit one of its spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// Acronyms ("US", "AU"): exactly.
    Exact,
    /// Capitalized names: with a capital.
    Capital,
    /// Lowercase entries, and spellings without letters: any case.
    Any,
}

impl Case {
    pub(super) fn of(phrase: &str) -> Case {
        let letters = || phrase.chars().filter(|c| c.is_alphabetic());
        if letters().next().is_none() {
            Case::Any
        } else if letters().count() <= 5 && letters().all(char::is_uppercase) {
            Case::Exact
        } else if phrase.starts_with(char::is_uppercase) {
            Case::Capital
        } else {
            Case::Any
        }
    }

    #[inline]
    pub(super) fn fits(self, phrase: &str, found: &str) -> bool {
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
    use crate::document::Span;

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
                    && !alnum_before(text, s)
                    && !alnum_at(text, e)
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
            let Some(word) = TokenWord::of_token(text, toks, k) else {
                continue;
            };
            if k >= next {
                if let Some((id, j)) = set.longest_at(text, toks, k, &word) {
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
        let lex = super::super::LexiconData::builtin().compile();
        let (names, triggers) = lex.phrase_lists();
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
}
