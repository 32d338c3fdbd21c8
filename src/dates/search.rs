//! The search: every rule over a sentence, the matches merged
//! leftmost-longest.
//!
//! Every match holds a cue word of its rule ("may", "weekend", "19") and
//! starts within a few words before it ([`Rule::reach`]), so one
//! aho-corasick scan for the cue words picks the rules to run and the places
//! to try; there the rule's regex, anchored, is tried at each word start in
//! order, which finds the matches an unanchored search would find. A
//! sentence with a character that folds to an ASCII letter (`ſ`, the Kelvin
//! sign) or a non-ASCII digit can hide a cue from that scan: there every rule
//! is tried at every word boundary.
//!
//! [`Rule::reach`]: super::rules::Rule::reach

use std::cmp::Reverse;

use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;

use super::rules::{Caps, RULES};
use super::{DateExpr, DateKind};
use crate::document::Span;

/// All date expressions inside `text[start..end]` (a sentence), in order,
/// non-overlapping, leftmost-longest. Never panics: bounds are clamped to the
/// text and to char boundaries.
pub(crate) fn find_dates(text: &str, start: usize, end: usize) -> Vec<DateExpr> {
    find_indexed(text, start, end, false)
        .into_iter()
        .map(|(_, expr)| expr)
        .collect()
}

/// The date expressions of `text[start..end]` with the index of the rule
/// that found each. `every_start` tries every rule at every word boundary,
/// whatever the cues say (the reference the cued search is tested against).
pub(super) fn find_indexed(
    text: &str,
    start: usize,
    end: usize,
    every_start: bool,
) -> Vec<(usize, DateExpr)> {
    let mut found = Vec::new();
    let boundary = |&i: &usize| text.is_char_boundary(i);
    let end = (0..=end.min(text.len())).rev().find(boundary).unwrap_or(0);
    let start = (start.min(end)..=end).find(boundary).unwrap_or(end);
    if start >= end {
        return found;
    }
    // Slicing at `end` keeps matches inside the sentence; searching from
    // `start` in the longer slice lets the boundary test see the character
    // before it.
    let hay = &text[..end];
    if every_start || needs_every_start(&hay[start..]) {
        let bytes = hay.as_bytes();
        let starts: Vec<usize> = (start..end).filter(|&p| can_start(bytes, p)).collect();
        for index in 0..RULES.len() {
            find_rule(index, hay, start, 0, starts.iter().copied(), &mut found);
        }
    } else {
        let cues = cues_in(hay, start);
        for (index, rule) in RULES.iter().enumerate() {
            let cued = cues.iter().filter(|c| c.1 == index).map(|c| c.0);
            find_rule(index, hay, start, rule.reach, cued, &mut found);
        }
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
    found
}

/// True when the sentence holds a character that the cue scan cannot see
/// as the regexes do: a letter that case-folds to an ASCII one (`ſ` to `s`,
/// the Kelvin sign to `k`), or a non-ASCII digit (`\d` is Unicode).
fn needs_every_start(s: &str) -> bool {
    !s.is_ascii()
        && s.chars()
            .any(|c| !c.is_ascii() && (c == 'ſ' || c == '\u{212A}' || c.is_numeric()))
}

/// The cue words of all rules in one automaton, and the rule of each
/// (by pattern index): a word several rules list is in it once for each.
static CUES: Lazy<(AhoCorasick, Vec<usize>)> = Lazy::new(|| {
    let cues = RULES.iter().enumerate();
    let (rules, words): (Vec<usize>, Vec<&str>) = cues
        .flat_map(|(index, rule)| rule.cues.iter().map(move |&cue| (index, cue)))
        .unzip();
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&words)
        .expect("date cue words build an automaton");
    (automaton, rules)
});

/// Each cue in `hay[start..]` that stands where its rule puts it, with
/// that rule's index, in text order.
fn cues_in(hay: &str, start: usize) -> Vec<(usize, usize)> {
    let bytes = hay.as_bytes();
    let mut cues = Vec::new();
    for m in CUES.0.find_overlapping_iter(&hay[start..]) {
        let (cue_start, cue_end) = (start + m.start(), start + m.end());
        // Every cue starts with an ASCII letter or digit.
        if !can_start(bytes, cue_start) {
            continue;
        }
        let word = &hay[cue_start..word_end(bytes, cue_end)];
        let index = CUES.1[m.pattern().as_usize()];
        if RULES[index].cue_at.holds(word, m.len()) {
            cues.push((cue_start, index));
        }
    }
    // Overlapping matches come by their end: "week" before "weekend".
    cues.sort_by_key(|c| c.0);
    cues
}

/// Rule `index` over `hay[start..]`, tried from `reach` words before each
/// of its cues up to the cue, cues in text order. No match starts before
/// `pos`: the resume position, or past a cue with no match up to it.
fn find_rule(
    index: usize,
    hay: &str,
    start: usize,
    reach: usize,
    cues: impl Iterator<Item = usize>,
    found: &mut Vec<(usize, DateExpr)>,
) {
    let mut pos = start;
    for cue in cues {
        while cue >= pos {
            let from = words_back(hay, pos, cue, reach);
            pos = match first_match(index, hay, from, cue) {
                Some(caps) => take_match(index, &caps, hay, found),
                None => next_char(hay, cue),
            };
        }
    }
}

/// The match of rule `index` with the first start in `from..=last` where
/// one starts.
fn first_match(index: usize, hay: &str, from: usize, last: usize) -> Option<Caps<'_>> {
    let re = RULES[index].regex();
    let bytes = hay.as_bytes();
    (from..=last)
        .filter(|&at| can_start(bytes, at))
        .find_map(|at| {
            re.captures(&hay[at..])
                .map(|caps| Caps { caps, offset: at })
        })
}

/// Checks a match of rule `index` and records it when the rule accepts it;
/// returns where the rule's search resumes.
fn take_match(
    index: usize,
    caps: &Caps<'_>,
    hay: &str,
    found: &mut Vec<(usize, DateExpr)>,
) -> usize {
    let whole = caps.whole();
    let e = caps.name("e").unwrap_or(whole);
    match (RULES[index].build)(caps, hay) {
        Some(kind) if e.start < e.end => {
            let kind = match caps.name("since") {
                Some(_) => DateKind::Since(Box::new(kind)),
                None => kind,
            };
            let span = Span::new(e.start, e.end);
            found.push((index, DateExpr { span, kind }));
            whole.end.max(next_char(hay, whole.start))
        }
        // A rejected match may hide a good one starting inside it.
        _ => next_char(hay, whole.start),
    }
}

/// An ASCII word character, as `(?-u:\b)` reads them.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a rule match can start at `p`: where `(?-u:\b)` holds, before
/// an ASCII letter or digit, or before a non-ASCII char after a word (`ſ`,
/// the Kelvin sign and non-ASCII digits match pattern letters and digits).
fn can_start(bytes: &[u8], p: usize) -> bool {
    let after_word = p > 0 && is_word_byte(bytes[p - 1]);
    match bytes.get(p) {
        Some(b) if b.is_ascii_alphanumeric() => !after_word,
        // The first byte of a non-ASCII char.
        Some(&b) if b >= 0xC0 => after_word,
        _ => false,
    }
}

/// The end of the run of word bytes from `i` on.
fn word_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| !is_word_byte(b))
        .map_or(bytes.len(), |n| i + n)
}

/// The start of the `n`-th run of non-whitespace before `i` (whitespace as
/// `\s` reads it), or `floor` if that is later: a match with at most `n`
/// such runs before its cue at `i` starts there or later.
fn words_back(text: &str, floor: usize, mut i: usize, n: usize) -> usize {
    for _ in 0..n {
        let no_space = text[floor..i].trim_end_matches(char::is_whitespace);
        let to_word = no_space.trim_end_matches(|c: char| !c.is_whitespace());
        i = floor + to_word.len();
    }
    i
}

/// The boundary after the char at `i` (or one past the end).
fn next_char(text: &str, i: usize) -> usize {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or(i + 1, |c| i + c.len_utf8())
}
