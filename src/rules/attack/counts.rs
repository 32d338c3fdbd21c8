//! Numbers and the casualty counts of a sentence ("nine guards were
//! killed", "killing at least 22").

use once_cell::sync::Lazy;

use super::super::{Ctx, Shapes};
use crate::tokens::TokenKind;
use crate::words::lists::attack::{APPROXIMATORS, COUNT_BREAKS, HURT_WORDS, KILL_WORDS, UNITS};

/// The shapes of the number words (for [`number`]).
/// "a"/"an" are left out: they never count in [`number`].
static NUMBER_WORD_SHAPES: Lazy<Shapes> = Lazy::new(|| {
    let words = crate::dates::number_words().iter().map(|n| n.0);
    words
        .filter(|w| w.len() > 2)
        .fold(Shapes::EMPTY, Shapes::with)
});

/// A number written in digits ("4,150") or words ("Thirty-one"). Most
/// words are rejected in line, by the shapes of the number words, before
/// any comparison.
#[inline(always)]
pub(crate) fn number(w: impl AsRef<[u8]>) -> Option<u32> {
    let b = w.as_ref();
    let first = *b.first()?;
    if first.is_ascii_digit() {
        return digits(b);
    }
    if !NUMBER_WORD_SHAPES.may_start_with(first) {
        return None;
    }
    let head = b.iter().position(|&c| c == b'-').unwrap_or(b.len());
    if !NUMBER_WORD_SHAPES.may_contain(&b[..head]) {
        return None;
    }
    number_words(b)
}

/// A number in digits, ignoring separators ("4,150"); None for a decimal
/// or on overflow.
fn digits(b: &[u8]) -> Option<u32> {
    if b.contains(&b'.') {
        return None;
    }
    (b.iter().filter(|d| d.is_ascii_digit())).try_fold(0u32, |n, d| {
        n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
    })
}

/// A number in words, hyphenated or not ("thirty-one").
fn number_words(b: &[u8]) -> Option<u32> {
    let mut total = 0;
    for part in b.split(|&c| c == b'-') {
        // "a"/"an" count one in "a day ago", never in a casualty count.
        if part.len() <= 2 {
            return None;
        }
        total += crate::dates::number_words()
            .iter()
            .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(part))?
            .1;
    }
    Some(total)
}

/// Killed and injured counts stated in the sentence.
pub(crate) fn casualties(c: &Ctx<'_, '_>) -> (Option<u32>, Option<u32>) {
    *c.casualties.get_or_init(|| scan_casualties(c))
}

/// What a count counts, as an index into the sentence's counts.
#[derive(Clone, Copy)]
enum Casualty {
    Killed,
    Injured,
}

/// [`casualties`], uncached: one pass over the sentence; the first count
/// of each kind is the sentence's.
fn scan_casualties(c: &Ctx<'_, '_>) -> (Option<u32>, Option<u32>) {
    let mut counts = [None, None];
    for (k, n) in c.range.clone().filter_map(|k| Some((k, count_at(c, k)?))) {
        // A kind already counted: the words after the count may tell the
        // other.
        let found = (casualty_before(c, k).filter(|&x| counts[x as usize].is_none()))
            .or_else(|| casualty_after(c, k));
        if let Some(x) = found {
            counts[x as usize] = counts[x as usize].or(Some(n));
        }
    }
    (counts[0], counts[1])
}

/// The number at token `k` when it may count people: not a number word
/// right after "one", a year, a measure or a day of a month.
fn count_at(c: &Ctx<'_, '_>, k: usize) -> Option<u32> {
    let n = number(c.bytes(k))?;
    let before = (c.before(k, 1).next()).map_or("", |j| c.word(j));
    let after_one = c.kind(k) == Some(TokenKind::Word) && before.eq_ignore_ascii_case("one");
    let year_or_measure = (1900..2100).contains(&n) || c.is_in(k + 1, &UNITS);
    let day = crate::mention::is_calendar(before);
    (!after_one && !year_or_measure && !day).then_some(n)
}

/// The casualty the word before the count at `k` tells, approximations
/// aside ("killed 22", "injuring about 40").
fn casualty_before(c: &Ctx<'_, '_>, k: usize) -> Option<Casualty> {
    let b = c.back_over(k, &APPROXIMATORS);
    (b > c.range.start).then(|| casualty(c.word(b - 1)))?
}

/// The casualty a word a few words after the count at `k` tells, within
/// its clause ("nine guards were killed", "10 hurt", "12 dead", "two aid
/// workers were shot and killed").
fn casualty_after(c: &Ctx<'_, '_>, k: usize) -> Option<Casualty> {
    for j in c.ahead(k + 1, 6) {
        if let Some(found) = casualty(c.word(j)) {
            return Some(found);
        }
        // "shot and killed": "and" joins the verbs of one clause.
        let joined =
            c.is_word(j, "and") && j + 1 < c.range.end && casualty(c.word(j + 1)).is_some();
        if c.kind(j) != Some(TokenKind::Word) || (c.is_in(j, &COUNT_BREAKS) && !joined) {
            return None;
        }
    }
    None
}

/// The casualty a word next to a count tells.
fn casualty(word: &str) -> Option<Casualty> {
    let killed = KILL_WORDS.contains(word).then_some(Casualty::Killed);
    killed.or_else(|| HURT_WORDS.contains(word).then_some(Casualty::Injured))
}
