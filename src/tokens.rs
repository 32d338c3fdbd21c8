//! Tokens: words, numbers, punctuation and quote marks with their byte spans.

use crate::document::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (with inner hyphens, apostrophes and dots: "al-Sudani", "U.S.").
    Word,
    /// Digits, with inner commas or dots ("2,500", "10.30").
    Num,
    /// The possessive "'s" / "’s" split off a word.
    Poss,
    /// A quotation mark (double, or TimeBank's `` and '').
    Quote,
    /// Any other non-space character.
    Punct,
}

/// One token of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// For a word or number, the byte length of its first run of ASCII
    /// letters and digits ("al" of "al-Sudani"), where the lexicon's word
    /// ends if no other letter follows; a token as long is all ASCII
    /// letters and digits. 0 when not known: the token starts with another
    /// letter, or the run reaches the end of the sentence (where the text
    /// may go on) or is longer than `u32`.
    /// Fits in the padding after `kind`.
    pub first: u32,
}

impl Token {
    /// Whether the token is all ASCII letters and digits, as its
    /// [`Token::first`] run tells: such a token holds one word start and
    /// no hyphen or other inner char.
    #[inline]
    pub(crate) fn is_ascii_word(&self) -> bool {
        self.first != 0 && self.first as usize == self.span.len()
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The char starting at byte `p` of `s` (`None` at the end). Positions
/// are always char boundaries: each step adds the length of a char.
#[inline]
pub(crate) fn char_at(s: &str, p: usize) -> Option<char> {
    match s.as_bytes().get(p) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(p..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// True when the char at byte `p` of `s` is a letter or digit.
pub(crate) fn alnum_at(s: &str, p: usize) -> bool {
    char_at(s, p).is_some_and(is_alnum)
}

/// True when the char that ends at byte `p` of `s` is a letter or digit.
pub(crate) fn alnum_before(s: &str, p: usize) -> bool {
    s[..p].chars().next_back().is_some_and(is_alnum)
}

/// `char::is_alphanumeric`, answered at once for the General Punctuation
/// block (curly quotes, dashes, ellipsis), which news text is full of and
/// which holds no letter or digit: the Unicode tables cost hundreds of
/// instructions per look-up.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// A capacity for a list of things found in a text of `len` bytes, about
/// one per `per` bytes in news: the list then rarely grows. Capped, so that
/// a huge document costs no more than the list would grow to anyway.
pub(crate) fn capacity_for(len: usize, per: usize) -> usize {
    (len / per + 4).min(1 << 16)
}

/// The ASCII letters and digits, as a table: the tokenizer and the phrase
/// search test every byte of every word, and `u8::is_ascii_alphanumeric`
/// there costs 1.1% more instructions per seed document (callgrind).
pub(crate) const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// True when `w` starts with an uppercase letter.
#[inline]
pub(crate) fn is_upper_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when `w` ends with `suffix`, ignoring ASCII case.
#[inline]
pub(crate) fn ends_with_ci(w: &[u8], suffix: &[u8]) -> bool {
    w.len() >= suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// True when `w` starts with `prefix`, ignoring ASCII case.
#[inline]
pub(crate) fn starts_with_ci(w: &[u8], prefix: &[u8]) -> bool {
    w.len() >= prefix.len() && w[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Tokenizes `text[span]`, appending to `out`. Spans are on char boundaries.
///
/// Works on byte positions and decodes a char only where one starts, so
/// that nothing is allocated per sentence or per token.
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.range()];
    let tok = |a: usize, b: usize, kind: TokenKind| Token {
        span: Span::new(span.start + a, span.start + b),
        kind,
        first: 0,
    };
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let ci = i + c.len_utf8();
        if c.is_whitespace() {
            i = ci;
            continue;
        }
        let start = i;
        if is_alnum(c) {
            let numeric = c.is_ascii_digit();
            let (j, first) = word_end(s, start, ci, numeric);
            let digits = |b: u8| b.is_ascii_digit() || b == b',' || b == b'.';
            let kind = if numeric && s[start..j].bytes().all(digits) {
                TokenKind::Num
            } else {
                TokenKind::Word
            };
            out.push(Token {
                first: first
                    .filter(|_| c.is_ascii())
                    .map_or(0, |f| u32::try_from(f - start).unwrap_or(0)),
                ..tok(start, j, kind)
            });
            i = j;
            continue;
        }
        let (end, kind) = other_token(s, i, c);
        out.push(tok(i, end, kind));
        i = end;
    }
    debug_assert!(i >= s.len());
}

/// The end of the word or number that starts at `start` (its first char
/// ending at `ci`), and the end of its first run of ASCII letters and
/// digits (if the word goes on after it).
#[inline(always)]
fn word_end(s: &str, start: usize, ci: usize, numeric: bool) -> (usize, Option<usize>) {
    let (bytes, n) = (s.as_bytes(), s.len());
    let mut j = ci;
    let mut first = None;
    loop {
        // Fast path: the ASCII letters and digits of the word.
        while j < n && ASCII_ALNUM[usize::from(bytes[j])] {
            j += 1;
        }
        if first.is_none() && j < n {
            first = Some(j);
        }
        // An ASCII char that can never join a word ends it (most
        // often a space): none of the checks of `joins_word` can pass.
        if j < n && bytes[j] < 0x80 && !matches!(bytes[j], b',' | b'.' | b'-' | b'\'') {
            break;
        }
        match char_at(s, j).and_then(|cj| joins_word(s, j, cj, numeric)) {
            Some(next) => j = next,
            None => break,
        }
    }
    (acronym_end(s, start, j, numeric), first)
}

/// Where the word goes on when char `cj` at `j` continues it: a letter or
/// digit; a decimal or thousands separator in a number ("2,500"); an inner
/// hyphen ("al-Tarnisi"); the inner dots of an acronym ("U.N."); an inner
/// apostrophe ("Kata'ib"), but not a possessive "'s" (its own token).
#[inline(always)]
fn joins_word(s: &str, j: usize, cj: char, numeric: bool) -> Option<usize> {
    let j1 = j + cj.len_utf8();
    if is_alnum(cj) {
        return Some(j1);
    }
    let c1 = char_at(s, j1);
    let next_alnum = c1.is_some_and(is_alnum);
    let joins = if numeric {
        matches!(cj, ',' | '.') && c1.is_some_and(|c| c.is_ascii_digit())
    } else if cj == '-' || cj == '‑' {
        next_alnum
    } else if cj == '.' {
        next_alnum && c1.is_some_and(|c1| char_at(s, j1 + c1.len_utf8()) == Some('.'))
    } else if is_apos(cj) {
        let possessive = matches!(c1, Some('s') | Some('S')) && !alnum_at(s, j1 + 1);
        next_alnum && !possessive
    } else {
        false
    };
    joins.then_some(j1)
}

/// The end of a word ending at `j` with the trailing dot of an acronym
/// ("U.S.") and a hyphenated part after it ("U.S.-led").
fn acronym_end(s: &str, start: usize, mut j: usize, numeric: bool) -> usize {
    if numeric || char_at(s, j) != Some('.') || !s[start..j].contains('.') {
        return j;
    }
    j += 1;
    while char_at(s, j) == Some('-') && alnum_at(s, j + 1) {
        j += 1;
        while let Some(c) = char_at(s, j).filter(|&c| is_alnum(c)) {
            j += c.len_utf8();
        }
    }
    j
}

/// The end and kind of a token that is not a word, starting with `c` at
/// `i`: a possessive "'s", a TimeBank quote (`` or ''), a quotation mark or
/// other punctuation.
#[inline]
fn other_token(s: &str, i: usize, c: char) -> (usize, TokenKind) {
    let ci = i + c.len_utf8();
    if is_apos(c)
        && matches!(char_at(s, ci), Some('s') | Some('S'))
        && !alnum_at(s, ci + 1)
        && alnum_before(s, i)
    {
        return (ci + 1, TokenKind::Poss);
    }
    if is_apos(c) && plural_possessive(s, i, ci) {
        return (ci, TokenKind::Poss);
    }
    if (c == '`' || c == '\'') && char_at(s, ci) == Some(c) {
        return (ci + 1, TokenKind::Quote);
    }
    if matches!(c, '"' | '“' | '”' | '«' | '»' | '„') {
        (ci, TokenKind::Quote)
    } else {
        (ci, TokenKind::Punct)
    }
}

/// True when the apostrophe from `i` to `ci` of sentence `s` is a plural
/// possessive ("the rebels' attack"): after an "s" ending a word and
/// before a space and a word, with no single quotation opened before it in
/// the sentence, which it would close instead ("the 'rebels' were").
fn plural_possessive(s: &str, i: usize, ci: usize) -> bool {
    let opens = |(k, _): (usize, &str)| {
        let spaced = s[..k].ends_with(|c: char| c.is_whitespace() || c == '(') || k == 0;
        spaced && alnum_at(s, k + 1)
    };
    matches!(s.as_bytes()[..i].last(), Some(b's' | b'S'))
        && alnum_before(s, i)
        && s[ci..].starts_with(' ')
        && alnum_at(s, ci + 1)
        && !s[..i].contains('‘')
        && !s[..i].match_indices('\'').any(opens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(t, Span::new(0, t.len()), &mut v);
        v.iter().map(|k| &t[k.span.range()]).collect()
    }

    #[test]
    fn names_acronyms_possessives() {
        assert_eq!(
            words("U.S. envoy al-Sudani’s Kata'ib visit, 2,500 troops."),
            vec![
                "U.S.",
                "envoy",
                "al-Sudani",
                "’s",
                "Kata'ib",
                "visit",
                ",",
                "2,500",
                "troops",
                "."
            ]
        );
        assert_eq!(
            words("“Our team was freed,”"),
            vec!["“", "Our", "team", "was", "freed", ",", "”"]
        );
        assert_eq!(words("``Yes,'' he"), vec!["``", "Yes", ",", "''", "he"]);
        assert_eq!(words("U.S.-led"), vec!["U.S.-led"]);
    }

    fn kinds(t: &str) -> Vec<TokenKind> {
        let mut v = Vec::new();
        tokenize(t, Span::new(0, t.len()), &mut v);
        v.iter().map(|k| k.kind).collect()
    }

    #[test]
    fn plural_possessive_or_closing_quote() {
        use TokenKind::{Poss, Punct, Word};
        assert_eq!(kinds("the rebels' attack"), vec![Word, Word, Poss, Word]);
        assert_eq!(
            kinds("the 'rebels' attack"),
            [Word, Punct, Word, Punct, Word]
        );
        assert_eq!(kinds("the rebels', then"), [Word, Word, Punct, Punct, Word]);
    }

    #[test]
    fn is_alnum_agrees_with_std_on_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The first, char-vector tokenizer: the oracle for the byte-position one.
    fn reference(text: &str, span: Span, out: &mut Vec<Token>) {
        let s = &text[span.range()];
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let n = chars.len();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let off = |k: usize| if k < n { chars[k].0 } else { s.len() };
        let mut i = 0;
        while i < n {
            let c = chars[i].1;
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            if c.is_alphanumeric() {
                let numeric = c.is_ascii_digit();
                let mut j = i + 1;
                // The first char from `i` that is not an ASCII letter or digit.
                let first = (i + 1..n)
                    .find(|&k| !chars[k].1.is_ascii_alphanumeric())
                    .filter(|_| c.is_ascii());
                while j < n {
                    let cj = chars[j].1;
                    if cj.is_alphanumeric() {
                        j += 1;
                        continue;
                    }
                    let next_alnum = at(j + 1).map(char::is_alphanumeric).unwrap_or(false);
                    if numeric
                        && matches!(cj, ',' | '.')
                        && at(j + 1).is_some_and(|c| c.is_ascii_digit())
                    {
                        j += 1;
                        continue;
                    }
                    if !numeric && (cj == '-' || cj == '‑') && next_alnum {
                        j += 1;
                        continue;
                    }
                    if !numeric && cj == '.' && next_alnum && j + 2 <= n && at(j + 2) == Some('.') {
                        // Dotted acronyms: U.S., U.N.
                        j += 1;
                        continue;
                    }
                    if !numeric && is_apos(cj) && next_alnum {
                        // Possessive 's is its own token; inner apostrophes stay ("Kata'ib").
                        let poss = matches!(at(j + 1), Some('s') | Some('S'))
                            && !at(j + 2).map(char::is_alphanumeric).unwrap_or(false);
                        if poss {
                            break;
                        }
                        j += 1;
                        continue;
                    }
                    break;
                }
                // Trailing dot of an acronym ("U.S.") belongs to the word.
                let word = &s[off(start)..off(j)];
                if at(j) == Some('.') && word.contains('.') && !numeric {
                    j += 1;
                    // "U.S.-led", "U.S.-Iraq"
                    while at(j) == Some('-') && at(j + 1).is_some_and(char::is_alphanumeric) {
                        j += 1;
                        while at(j).is_some_and(char::is_alphanumeric) {
                            j += 1;
                        }
                    }
                }
                let kind = if numeric
                    && s[off(start)..off(j)]
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                {
                    TokenKind::Num
                } else {
                    TokenKind::Word
                };
                out.push(Token {
                    span: Span::new(span.start + off(start), span.start + off(j)),
                    kind,
                    first: first.map_or(0, |f| (off(f) - off(start)) as u32),
                });
                i = j;
                continue;
            }
            let singular = matches!(at(i + 1), Some('s') | Some('S'))
                && !at(i + 2).map(char::is_alphanumeric).unwrap_or(false)
                && i > 0
                && chars[i - 1].1.is_alphanumeric();
            let opens = |k: usize| {
                let spaced = k == 0 || chars[k - 1].1.is_whitespace() || chars[k - 1].1 == '(';
                chars[k].1 == '\'' && spaced && at(k + 1).is_some_and(char::is_alphanumeric)
            };
            let plural = i > 0
                && matches!(chars[i - 1].1, 's' | 'S')
                && at(i + 1) == Some(' ')
                && at(i + 2).is_some_and(char::is_alphanumeric)
                && !chars[..i].iter().any(|&(_, c)| c == '‘')
                && !(0..i).any(opens);
            if is_apos(c) && (singular || plural) {
                // "'s" is two chars, the plural's lone apostrophe one.
                let len = if singular { 2 } else { 1 };
                out.push(Token {
                    span: Span::new(span.start + off(i), span.start + off(i + len)),
                    kind: TokenKind::Poss,
                    first: 0,
                });
                i += len;
                continue;
            }
            if (c == '`' && at(i + 1) == Some('`')) || (c == '\'' && at(i + 1) == Some('\'')) {
                out.push(Token {
                    span: Span::new(span.start + off(i), span.start + off(i + 2)),
                    kind: TokenKind::Quote,
                    first: 0,
                });
                i += 2;
                continue;
            }
            let kind = if matches!(c, '"' | '“' | '”' | '«' | '»' | '„') {
                TokenKind::Quote
            } else {
                TokenKind::Punct
            };
            out.push(Token {
                span: Span::new(span.start + off(i), span.start + off(i + 1)),
                kind,
                first: 0,
            });
            i += 1;
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_the_reference(t in "([a-zA-Z0-9sS .,'’`\"“”‑-]|\\PC){0,60}") {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            tokenize(&t, Span::new(0, t.len()), &mut a);
            reference(&t, Span::new(0, t.len()), &mut b);
            proptest::prop_assert_eq!(a, b);
        }
    }
}
