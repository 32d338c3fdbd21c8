//! The search: every rule over a sentence, the matches merged
//! leftmost-longest.
//!
//! The search finds exactly the matches of the plain patterns, with less
//! work: every match holds a cue word of its rule ("may", "weekend", "19")
//! and starts within a few words before it, so one scan for cues picks the
//! rules to run and the places to try, where the rule's regex runs anchored
//! (which also spares compiling the literal prefilters of unanchored
//! patterns). Sentences with characters the fast regexes read differently
//! (`ſ`, the Kelvin sign, non-ASCII digits) take the plain, unanchored ones.

use std::cell::Cell;
use std::cmp::Reverse;

use once_cell::sync::Lazy;

use super::rules::{exact_regex, fast_regex, Caps, CueAt, Group, RULES};
use super::{DateExpr, DateKind};
use crate::document::Span;
use crate::tokens::{tokenize, Token, TokenKind, BYTE_KIND};

/// All date expressions inside `text[start..end]` (a sentence), in order,
/// non-overlapping, leftmost-longest. Never panics: bounds are clamped to the
/// text and to char boundaries. Tokenizes the sentence: a caller that has
/// its tokens calls [`find_dates_in`].
#[allow(dead_code)]
pub(crate) fn find_dates(text: &str, start: usize, end: usize) -> Vec<DateExpr> {
    found_dates(text, start, end, None)
}

/// [`find_dates`] over a sentence whose tokens are `toks`: they tell where
/// words start, where the cues can be, without a look at every byte.
pub(crate) fn find_dates_in(text: &str, span: Span, toks: &[Token]) -> Vec<DateExpr> {
    found_dates(text, span.start, span.end, Some(toks))
}

thread_local! {
    /// The spare list of [`found_dates`]: a sentence's candidates, before
    /// overlaps are dropped.
    static FOUND: Cell<Vec<(usize, DateExpr)>> = const { Cell::new(Vec::new()) };
    /// The spare list of [`find_fast`]: the cues of a sentence.
    static CUES_AT: Cell<Vec<(usize, u16)>> = const { Cell::new(Vec::new()) };
}

/// The date expressions of `text[start..end]`, in a list of their own
/// (none allocated when there are none).
fn found_dates(text: &str, start: usize, end: usize, toks: Option<&[Token]>) -> Vec<DateExpr> {
    crate::spare::with(&FOUND, |found| {
        find_indexed(text, start, end, false, toks, found);
        found.drain(..).map(|(_, expr)| expr).collect()
    })
}

/// The date expressions with the index of the rule that found each, into
/// `found` (empty); the sentence is tokenized here when its tokens are not
/// given.
pub(super) fn find_indexed(
    text: &str,
    start: usize,
    end: usize,
    exact: bool,
    toks: Option<&[Token]>,
    found: &mut Vec<(usize, DateExpr)>,
) {
    if start > end {
        return;
    }
    let end = floor_boundary(text, end);
    let start = ceil_boundary(text, start);
    if start >= end {
        return;
    }
    // Slicing at `end` keeps matches inside the sentence; searching from
    // `start` in the longer slice lets `\b` see the character before it.
    let hay = &text[..end];
    if exact || needs_exact_search(&hay[start..]) {
        // Rare sentences, searched with every plain regex: the cue scan's
        // ASCII cues would miss letters that fold to ASCII ones.
        for index in 0..RULES.len() {
            find_exact(index, hay, start, found);
        }
    } else {
        let mut own = Vec::new();
        let toks = match toks {
            Some(toks) => toks,
            None => {
                tokenize(text, Span::new(start, end), &mut own);
                &own
            }
        };
        find_fast(hay, start, toks, found);
    }
    found.sort_by_key(|(index, expr)| (expr.span.start, Reverse(expr.span.len()), *index));
    // Leftmost, then longest: each kept expression starts after the last kept.
    let mut last_end = 0;
    found.retain(|(_, expr)| {
        let keep = expr.span.start >= last_end;
        if keep {
            last_end = expr.span.end;
        }
        keep
    });
}

/// True when the sentence holds a character that the fast regexes and the
/// cue scan would read differently from the plain regexes: a letter that
/// case-folds to an ASCII one (`ſ` to `s`, the Kelvin sign to `k`), or a
/// non-ASCII digit (`\d` is Unicode in the plain regexes).
fn needs_exact_search(s: &str) -> bool {
    !s.is_ascii()
        && s.chars()
            .any(|c| !c.is_ascii() && (c == 'ſ' || c == '\u{212A}' || c.is_numeric()))
}

/// Checks a match of rule `index` and records it when the rule accepts it;
/// returns where the rule's search resumes.
fn take_match(
    index: usize,
    caps: &Caps<'_>,
    whole: Group<'_>,
    hay: &str,
    found: &mut Vec<(usize, DateExpr)>,
) -> usize {
    let e = caps.name("e").unwrap_or(whole);
    match (RULES[index].build)(caps, hay) {
        Some(kind) if !e.is_empty() => {
            let kind = match caps.name("since") {
                Some(_) => DateKind::Since(Box::new(kind)),
                None => kind,
            };
            let span = Span::new(e.start(), e.end());
            found.push((index, DateExpr { span, kind }));
            whole.end().max(next_char(hay, whole.start()))
        }
        // A rejected match may hide a good one starting inside it.
        _ => next_char(hay, whole.start()),
    }
}

/// Rule `index` over `hay[start..]` with its plain regex, match after match.
fn find_exact(index: usize, hay: &str, start: usize, found: &mut Vec<(usize, DateExpr)>) {
    let re = exact_regex(index);
    let mut pos = start;
    while pos < hay.len() {
        let Some(caps) = re.re.captures_at(hay, pos) else {
            break;
        };
        let Some(whole) = caps.get(0) else {
            break;
        };
        let whole = Group {
            start: whole.start(),
            end: whole.end(),
            text: whole.as_str(),
        };
        let caps = Caps {
            caps,
            offset: 0,
            names: &re.names,
        };
        pos = take_match(index, &caps, whole, hay, found);
    }
}

/// The cue words of all rules by their first byte. Cues stand at word
/// starts ([`CueAt`]), so the search looks only there, and a word may
/// start with several ("week" and "weekend").
struct Cues {
    /// Per first byte, in either case: the cues that start with it.
    by_first: Vec<Vec<Cue>>,
    /// A bit per pair of bytes (the first byte times 256 plus the second)
    /// that some cue starts with, in any case: most words fail this test.
    pairs: Vec<u64>,
}

impl Cues {
    fn may_start(&self, b0: u8, b1: u8) -> bool {
        let i = usize::from(b0) << 8 | usize::from(b1);
        self.pairs[i / 64] & (1 << (i % 64)) != 0
    }
}

/// A cue word, laid out to be compared eight bytes at once.
#[derive(Clone, Copy)]
struct Cue {
    /// Its first eight bytes (lowercase; zero past its end).
    head: u64,
    /// 0x20 in each byte of `head` that is a letter: `|` with it folds
    /// an ASCII letter of the text to lowercase and leaves digits be.
    fold: u64,
    /// 0xff in each byte of `head` that the cue has.
    mask: u64,
    /// The bytes after the first eight.
    rest: &'static [u8],
    len: usize,
    masks: CueMasks,
}

impl Cue {
    fn new(word: &'static str) -> Cue {
        let b = word.as_bytes();
        let (mut head, mut fold, mut mask) = (0u64, 0u64, 0u64);
        for (i, &c) in b.iter().take(8).enumerate() {
            head |= u64::from(c) << (8 * i);
            mask |= 0xff << (8 * i);
            if c.is_ascii_alphabetic() {
                fold |= 0x20 << (8 * i);
            }
        }
        Cue {
            head,
            fold,
            mask,
            rest: b.get(8..).unwrap_or_default(),
            len: b.len(),
            masks: CueMasks::default(),
        }
    }

    /// Whether the text holds this cue at `s`, whose eight bytes are `w8`.
    #[inline]
    fn is_at(&self, bytes: &[u8], s: usize, w8: u64) -> bool {
        // Past the text's end `w8` holds zeros, which match no cue byte.
        (w8 | self.fold) & self.mask == self.head
            && (self.rest.is_empty()
                || bytes
                    .get(s + 8..s + self.len)
                    .is_some_and(|r| r.eq_ignore_ascii_case(self.rest)))
    }
}

static CUES: Lazy<Cues> = Lazy::new(|| {
    let mut by_first: Vec<Vec<Cue>> = vec![Vec::new(); 256];
    let mut pairs = vec![0u64; 65536 / 64];
    for (index, rule) in RULES.iter().enumerate() {
        for &cue in rule.cues {
            // The search compares a word's first two bytes before all.
            assert!(cue.len() >= 2, "date cue {cue:?} is shorter than two bytes");
            let (c0, c1) = (cue.as_bytes()[0], cue.as_bytes()[1]);
            for b0 in [c0, c0.to_ascii_uppercase()] {
                for b1 in [c1, c1.to_ascii_uppercase()] {
                    let i = usize::from(b0) << 8 | usize::from(b1);
                    pairs[i / 64] |= 1 << (i % 64);
                }
            }
            // Cues are lowercase ASCII letters and digits.
            let first = cue.as_bytes()[0];
            for b in [first, first.to_ascii_uppercase()] {
                let list = &mut by_first[usize::from(b)];
                let new = Cue::new(cue);
                let i = match list
                    .iter()
                    .position(|c| (c.head, c.len, c.rest) == (new.head, new.len, new.rest))
                {
                    Some(i) => i,
                    None => {
                        list.push(new);
                        list.len() - 1
                    }
                };
                let m = &mut list[i].masks;
                let bit = 1 << index;
                match rule.cue_at {
                    CueAt::WordStart => m.word_start |= bit,
                    CueAt::Whole => m.whole |= bit,
                    CueAt::Word(_) => m.word |= bit,
                }
                if first == first.to_ascii_uppercase() {
                    // A digit: one list.
                    break;
                }
            }
        }
    }
    Cues { by_first, pairs }
});

/// The rules a cue word cues, a bit per rule, by [`CueAt`].
#[derive(Clone, Copy, Default)]
struct CueMasks {
    word_start: u16,
    whole: u16,
    word: u16,
}

/// An ASCII word character, as `(?-u:\b)` reads them.
#[inline]
fn is_word_byte(b: u8) -> bool {
    BYTE_KIND[usize::from(b)] == 1 || b == b'_'
}

impl CueMasks {
    /// The rules that the cue at `hay[s..e]`, at a word start, can belong
    /// to a match of.
    fn at(&self, hay: &[u8], s: usize, e: usize) -> u16 {
        let mut rules = self.word_start;
        if !hay.get(e).is_some_and(|&b| is_word_byte(b)) {
            rules |= self.whole;
        }
        if self.word != 0 {
            let we = hay[e..]
                .iter()
                .position(|&b| !is_word_byte(b))
                .map_or(hay.len(), |n| e + n);
            // Every listed word is short: a longer one passes no check.
            let mut buf = [0u8; 12];
            if let Some(lower) = buf.get_mut(..we - s) {
                lower.copy_from_slice(&hay[s..we]);
                lower.make_ascii_lowercase();
                let mut word = self.word;
                while word != 0 {
                    let index = word.trailing_zeros() as usize;
                    if let CueAt::Word(check) = RULES[index].cue_at {
                        if check(lower) {
                            rules |= 1 << index;
                        }
                    }
                    word &= word - 1;
                }
            }
        }
        rules
    }
}

/// All rules over `hay[start..]` with the fast regexes. A rule whose cue is
/// not in the sentence, where [`CueAt`] puts it, cannot match and is
/// skipped. Otherwise the rule's
/// next match starts at the earliest `reach` words before its next cue and
/// at the latest at the cue: the fast regex, anchored, is tried at each word
/// start in between, in order, so the first that matches is the leftmost
/// match, as a search from the resume position would find it.
fn find_fast(hay: &str, start: usize, toks: &[Token], found: &mut Vec<(usize, DateExpr)>) {
    let table = &*CUES;
    // (start, rules) of each cue at a word start, in text order.
    let mut cues = crate::spare::take(&CUES_AT);
    let bytes = hay.as_bytes();
    word_starts(bytes, start, toks, |s| {
        // Cues have two bytes or more.
        let Some(&b1) = bytes.get(s + 1) else { return };
        if !table.may_start(bytes[s], b1) {
            return;
        }
        let list = &table.by_first[usize::from(bytes[s])];
        let w8 = crate::lexicon::load8(bytes, s);
        let rules = list
            .iter()
            .filter(|c| c.is_at(bytes, s, w8))
            .fold(0, |rules, c| rules | c.masks.at(bytes, s, s + c.len));
        if rules != 0 {
            cues.push((s, rules));
        }
    });
    let cued = cues.iter().fold(0, |acc, &(_, rules)| acc | rules);
    for (index, rule) in RULES.iter().enumerate() {
        let bit = 1u16 << index;
        if cued & bit == 0 {
            continue;
        }
        // No match starts before `pos` (the resume position, or past a cue
        // that every start up to it failed).
        let mut pos = start;
        // `pos` only grows, so the next cue at or after it is never behind
        // the cursor.
        let mut next = 0;
        'cues: while pos < hay.len() {
            while next < cues.len() && (cues[next].0 < pos || cues[next].1 & bit == 0) {
                next += 1;
            }
            let Some(&(cue, _)) = cues.get(next) else {
                break;
            };
            let mut from = words_back(hay, pos, cue, rule.reach);
            while let Some(at) = match_start_from(hay, from).filter(|&at| at <= cue) {
                let re = fast_regex(index);
                // `is_match` first: most tries fail, and it fails cheaper
                // than `captures` (34M more instructions over 5 MB without it).
                if re.re.is_match(&hay[at..]) {
                    let Some(caps) = re.re.captures(&hay[at..]) else {
                        break 'cues;
                    };
                    let caps = Caps {
                        caps,
                        offset: at,
                        names: &re.names,
                    };
                    let Some(whole) = caps.name("whole") else {
                        break 'cues;
                    };
                    pos = take_match(index, &caps, whole, hay, found);
                    continue 'cues;
                }
                from = at + 1;
            }
            // Cues are ASCII: one byte on is a char boundary.
            pos = cue + 1;
        }
    }
    crate::spare::give(&CUES_AT, cues);
}

/// Calls `f` with each word start in `bytes[start..]` (as `(?-u:\b)` reads
/// them) at an ASCII letter or digit, in order, from the tokens of that
/// text: of a token of ASCII letters and digits only its start is looked
/// at.
fn word_starts(bytes: &[u8], start: usize, toks: &[Token], mut f: impl FnMut(usize)) {
    for t in toks {
        // Other tokens hold no ASCII letter or digit, but for the "s" of
        // a possessive, which starts no cue.
        if !matches!(t.kind, TokenKind::Word | TokenKind::Num) {
            continue;
        }
        let (a, b) = (t.span.start.max(start), t.span.end.min(bytes.len()));
        // All letters and digits: one word start, whatever part is in range.
        if t.is_ascii_word() && a == t.span.start {
            if is_match_start(bytes, a) {
                f(a);
            }
        } else {
            (a..b)
                .filter(|&p| is_match_start(bytes, p))
                .for_each(&mut f);
        }
    }
}

/// Whether a rule match can start at `p`: an ASCII letter or digit (every
/// pattern starts with one, and the characters that fold to ASCII letters
/// go to the exact search) after a word boundary.
#[inline]
fn is_match_start(b: &[u8], p: usize) -> bool {
    b[p].is_ascii_alphanumeric() && (p == 0 || !is_word_byte(b[p - 1]))
}

/// The start of the `n`-th run of non-whitespace before `i` (whitespace as
/// `\s` reads it), or `floor` if that is later: a match with at most `n`
/// such runs before its cue at `i` starts there or later.
fn words_back(text: &str, floor: usize, mut i: usize, n: usize) -> usize {
    for _ in 0..n {
        let before = &text[floor..i];
        let no_space = before.trim_end_matches(char::is_whitespace);
        i = floor
            + no_space
                .trim_end_matches(|c: char| !c.is_whitespace())
                .len();
        if i == floor {
            break;
        }
    }
    i
}

/// The first position at or after `i` where a rule match can start. The
/// regex, run on the text from there, sees the same boundary at its start.
fn match_start_from(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    (i..b.len()).find(|&j| is_match_start(b, j))
}

/// The largest char boundary at or below `i`, within the text.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`, within the text.
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The boundary after the char at `i` (or one past the end).
fn next_char(text: &str, i: usize) -> usize {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or(i + 1, |c| i + c.len_utf8())
}
