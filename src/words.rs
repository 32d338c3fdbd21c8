//! Sets of words matched against tokens: the closed word classes the rules
//! test ("is this token a preposition?"), kept as data in `src/words/*.txt`,
//! and the shapes that reject most tokens before any comparison.

/// True for a word in the plural: "bases", "attacks"; not "press", "gas".
pub(crate) fn plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with(['s', 'S']) && !(word.ends_with("ss") || word.ends_with("SS"))
}

/// The shapes of a set of words, as bitmaps of their (first letter, length),
/// (second letter, length) and (last letter, length) pairs: a word with a
/// pair absent is not in the set, which rejects most tokens without
/// comparing strings.
/// Case-insensitive (ASCII).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shapes {
    /// For each first-letter slot, bit `n`: some word of length `n` (31 for longer).
    first: [u32; 27],
    /// The same for the second letter (slot "other" for one-letter words).
    second: [u32; 27],
    /// The same for the last letter.
    last: [u32; 27],
}

impl Shapes {
    pub(crate) const EMPTY: Shapes = Shapes {
        first: [0; 27],
        second: [0; 27],
        last: [0; 27],
    };

    /// The shapes with the one of `w` added.
    pub(crate) const fn with(mut self, w: &str) -> Shapes {
        let b = w.as_bytes();
        assert!(!b.is_empty(), "empty word in a word list");
        self.first[letter_slot(b[0])] |= len_bit(b.len());
        self.second[letter_slot(second_byte(b))] |= len_bit(b.len());
        self.last[letter_slot(b[b.len() - 1])] |= len_bit(b.len());
        self
    }

    /// The shapes of both sets.
    pub(crate) const fn union(mut self, other: Shapes) -> Shapes {
        let mut i = 0;
        while i < 27 {
            self.first[i] |= other.first[i];
            self.second[i] |= other.second[i];
            self.last[i] |= other.last[i];
            i += 1;
        }
        self
    }

    /// False when no word of the set starts with the letter (or other byte) `b`.
    #[inline]
    pub(crate) fn may_start_with(&self, b: u8) -> bool {
        self.first[letter_slot(b)] != 0
    }

    /// False when no word of the set has the shape of `w`.
    #[inline]
    pub(crate) fn may_contain(&self, w: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return false;
        };
        let n = len_bit(w.len());
        self.first[letter_slot(first)] & n != 0
            && self.second[letter_slot(second_byte(w))] & n != 0
            && self.last[letter_slot(last)] & n != 0
    }
}

/// The second byte of a word, or 0 for a one-letter word.
const fn second_byte(w: &[u8]) -> u8 {
    match w {
        [_, second, ..] => *second,
        _ => 0,
    }
}

/// A word list, matched case-insensitively (ASCII) against tokens.
///
/// Built at compile time with the [`Shapes`] of its words, so most tokens
/// are rejected without comparing strings; the rest are compared with the
/// words of the list. Kept for its figure: a plain case-insensitive scan of
/// the list instead costs 6.2% more instructions per seed document
/// (5.48M against 5.16M, callgrind, December 2026).
pub(crate) struct Words {
    list: &'static [&'static str],
    shapes: Shapes,
    /// For each first-letter slot, bit `i`: word `i` starts with that letter.
    by_first: [u128; 27],
    /// For each length (31 for longer), bit `i`: word `i` has that length.
    by_len: [u128; 32],
}

/// The bitmap slot of a byte of a word: a letter, or "other".
#[inline(always)]
const fn letter_slot(b: u8) -> usize {
    LETTER_SLOTS[b as usize] as usize
}

/// [`letter_slot`] of every byte, as a table.
const LETTER_SLOTS: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut l = 0;
    while l < 26 {
        t[(b'a' + l) as usize] = l;
        t[(b'A' + l) as usize] = l;
        l += 1;
    }
    t
};

/// The bitmap bit of a word's length.
const fn len_bit(n: usize) -> u32 {
    1 << len_slot(n)
}

/// The bitmap slot of a word's length: the length, or 31 for longer.
const fn len_slot(n: usize) -> usize {
    if n < 31 {
        n
    } else {
        31
    }
}

impl Words {
    pub(crate) const fn new(list: &'static [&'static str]) -> Words {
        assert!(list.len() <= 128, "a word list has at most 128 words");
        let mut shapes = Shapes::EMPTY;
        let mut by_first = [0u128; 27];
        let mut by_len = [0u128; 32];
        let mut i = 0;
        while i < list.len() {
            // Lower case, as `build.rs` checks; matched ignoring case anyway.
            let b = list[i].as_bytes();
            shapes = shapes.with(list[i]);
            by_first[letter_slot(b[0])] |= 1 << i;
            by_len[len_slot(b.len())] |= 1 << i;
            i += 1;
        }
        Words {
            list,
            shapes,
            by_first,
            by_len,
        }
    }

    pub(crate) const fn shapes(&self) -> Shapes {
        self.shapes
    }

    /// True when `w` is one of the words, ignoring ASCII case.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.contains_bytes(w.as_bytes())
    }

    /// True when `w` is one of the words written as a name's word is:
    /// capitalized ("Monday"; not "monday" or "MONDAY"). For the lists whose
    /// words count only where they start with a capital.
    pub(crate) fn contains_capitalized(&self, w: &str) -> bool {
        let b = w.as_bytes();
        b.first().is_some_and(u8::is_ascii_uppercase)
            && !b[1..].iter().any(u8::is_ascii_uppercase)
            && self.contains_bytes(b)
    }

    /// The words, for tests that are not whole-word ("starts with").
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.list.iter().copied()
    }

    #[inline(always)]
    pub(crate) fn contains_bytes(&self, w: &[u8]) -> bool {
        self.shapes.may_contain(w) && self.in_list(w)
    }

    /// The comparisons, with the words of the same first letter and length
    /// only (`w` is not empty: its shape matched).
    fn in_list(&self, w: &[u8]) -> bool {
        let mut candidates = self.by_first[letter_slot(w[0])] & self.by_len[len_slot(w.len())];
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            if self.list[i].as_bytes().eq_ignore_ascii_case(w) {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    }
}

/// The word lists of `src/words/*.txt`, one module per file, compiled into
/// [`Words`] constants by `build.rs` (which checks them strictly).
pub(crate) mod lists {
    include!(concat!(env!("OUT_DIR"), "/word_lists.rs"));
}

/// `w` in ASCII lower case, borrowed when it already is (most tokens).
pub(crate) fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(w.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_like_a_linear_case_insensitive_search() {
        const LIST: &[&str] = &["a", "an", "the", "n't", "p.m.", "killed,", "twenty"];
        const SET: Words = Words::new(LIST);
        for w in [
            "a",
            "A",
            "an",
            "An",
            "the",
            "THE",
            "tHe",
            "thy",
            "tha",
            "n't",
            "N'T",
            "p.m.",
            "P.M.",
            "killed,",
            "killed",
            "twenty",
            "Twenty",
            "twentyone",
            "",
            "é",
            "théa",
            "b",
            "-",
        ] {
            let linear = LIST.iter().any(|x| w.eq_ignore_ascii_case(x));
            assert_eq!(SET.contains(w), linear, "{w:?}");
        }
    }

    #[test]
    fn words_find_every_word_of_a_long_list() {
        let owned: Vec<&'static str> = (0..120)
            .map(|i| &*Box::leak(format!("w{i}").into_boxed_str()))
            .collect();
        let list: &'static [&'static str] = Box::leak(owned.into_boxed_slice());
        let set = Words::new(list);
        for w in list {
            assert!(set.contains(w), "{w}");
            assert!(set.contains(&w.to_ascii_uppercase()), "{w}");
        }
        assert!(!set.contains("w120"));
        assert!(!set.contains("x1"));
    }
}
