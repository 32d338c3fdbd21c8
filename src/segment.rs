//! Text segmentation: sentences (with headline and boilerplate flags) and
//! quoted regions.
//!
//! Sentences end at `.`, `!` or `?` (with any closing quotes or brackets)
//! followed by space and a capital, digit or opening quote, except after
//! abbreviations ("U.S.", "Gen.", "Aug."); at paragraph breaks; and at line
//! ends, unless the document is hard-wrapped (as old wire copy is), where a
//! single newline inside a paragraph is just a space.

use crate::document::Span;
use crate::tokens::{Token, TokenKind};
use crate::words::lists::segment::{ABBREVIATIONS, SENTENCE_OPENERS};
use std::ops::Range;

/// A sentence of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Byte span, trimmed of surrounding white space.
    pub span: Span,
    /// A title or section heading: a line without final punctuation.
    pub headline: bool,
    /// Navigation or promotion ("READ ALSO: ..."): not reported as fact.
    pub boilerplate: bool,
    /// Index of the paragraph (line block) the sentence is in.
    pub paragraph: usize,
}

/// True when the document is hard-wrapped: most lines are of similar medium
/// length and many end mid-sentence, so single newlines are not breaks.
fn hard_wrapped(text: &str) -> bool {
    let (mut lines, mut medium, mut open_end) = (0usize, 0usize, 0usize);
    for line in text.split_inclusive('\n') {
        // As `str::lines`: trimming takes the line end off.
        let t = line.trim_end();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        // A char takes one to four bytes: only lines of 45 to 360 bytes
        // need their chars counted (most news lines are paragraphs).
        if (45..=360).contains(&t.len()) && (45..=90).contains(&t.chars().count()) {
            medium += 1;
        }
        open_end += usize::from(t.ends_with(|c: char| c.is_alphanumeric() || c == ','));
    }
    lines >= 4 && medium * 10 >= lines * 6 && open_end * 10 >= lines * 4
}

/// Splits a document into paragraphs, byte spans of line blocks.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let wrapped = hard_wrapped(text);
    let mut start: Option<usize> = None;
    let mut pos = 0usize;
    let mut prev_blank = true;
    for line in text.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        let indented = content.starts_with([' ', '\t']);
        if !wrapped || blank || indented || prev_blank {
            out.extend(start.take().map(|s| Span::new(s, line_start)));
        }
        if !blank && start.is_none() {
            start = Some(line_start);
        }
        prev_blank = blank;
    }
    out.extend(start.map(|s| Span::new(s, text.len())));
    out
}

/// Trims white space off both ends of a span.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let start = span.end - s.trim_start().len();
    Span::new(start, start + s.trim().len())
}

/// The word (letters, digits, dots) that ends just before byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map(|(j, c)| j + c.len_utf8())
        .unwrap_or(0);
    &text[start..i]
}

/// Is the word `w` before a period an abbreviation?
fn is_abbreviation(w: &str) -> bool {
    let bare = w.trim_start_matches('.');
    // Initials and dotted acronyms: "U.S", "U.N", "J".
    let initial = |p: &str| p.chars().count() == 1 && p.chars().all(char::is_alphabetic);
    // Asked at most full stops: compared in place, not lowercased into a String.
    bare.split('.').all(initial) || ABBREVIATIONS.contains(bare)
}

/// What may close a sentence after its terminator: more terminators,
/// closing quotes and brackets.
const CLOSING: &[char] = &['.', '!', '?', '"', '\'', '”', '’', ')', ']', '»'];

/// Splits a paragraph into sentence spans.
fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let mut start = para.start;
    let bytes = text.as_bytes();
    let mut i = para.start;
    // Terminators are ASCII, so bytes can be scanned: no byte of a
    // multi-byte char is '.', '!' or '?'.
    while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..para.end]) {
        i += k;
        let rest = &text[i + 1..para.end];
        let mut end = i + 1 + rest.find(|c| !CLOSING.contains(&c)).unwrap_or(rest.len());
        let dot = i;
        i = end;
        // TimeBank-style closing quotes: ''
        while end + 1 < para.end && bytes[end] == b'\'' && bytes[end + 1] == b'\'' {
            end += 2;
        }
        let rest = &text[end..para.end];
        let after = rest.trim_start();
        if after.len() == rest.len() {
            continue; // no space after: "U.S.-led", "3.5"
        }
        let Some(next) = after.chars().next() else {
            continue;
        };
        let opening = matches!(next, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '`');
        if !(next.is_uppercase() || next.is_ascii_digit() || opening) {
            continue;
        }
        if bytes[dot] == b'.' && end == dot + 1 && is_abbreviation(word_before(text, dot)) {
            let w = word_before(text, dot);
            let initials = w.split('.').all(|p| p.chars().count() <= 1);
            // "U.S. The ..." ends a sentence; "U.S. Secretary" does not.
            let word_end = after
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(after.len());
            let next_word = &after[..word_end];
            if !(initials && w.len() > 2 && SENTENCE_OPENERS.contains_capitalized(next_word)) {
                continue;
            }
        }
        push_capped(text, trim(text, Span::new(start, end)), out);
        start = end;
    }
    push_capped(text, trim(text, Span::new(start, para.end)), out);
}

/// Longest sentence, in bytes. The rules scan a sentence once per trigger,
/// so an unbounded "sentence" (a megabyte without a full stop, text in a
/// script whose stops are not `.!?`) would make extraction quadratic.
/// Real sentences are far shorter; longer runs are cut at white space.
pub(crate) const MAX_SENTENCE_BYTES: usize = 4096;

/// Pushes a (trimmed) sentence span, cut into pieces of at most
/// [`MAX_SENTENCE_BYTES`]: at the last white space before the limit, or at
/// a char boundary when there is none.
fn push_capped(text: &str, mut s: Span, out: &mut Vec<Span>) {
    while s.len() > MAX_SENTENCE_BYTES {
        let mut cut = s.start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &text[s.start..cut];
        let cut = match head.rfind(char::is_whitespace) {
            Some(k) if k > 0 => s.start + k,
            _ => cut,
        };
        // Never empty: the sentence starts with no white space.
        out.push(trim(text, Span::new(s.start, cut)));
        s = trim(text, Span::new(cut, s.end));
    }
    if !s.is_empty() {
        out.push(s);
    }
}

/// Splits a document into sentences, flagging headlines and boilerplate.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(crate::tokens::capacity_for(text.len(), 128));
    let mut spans = Vec::new();
    for (pi, para) in paragraphs(text).into_iter().enumerate() {
        spans.clear();
        split_paragraph(text, para, &mut spans);
        for &span in &spans {
            let s = &text[span.range()];
            // Spans are trimmed and never empty.
            let last = s.chars().last().unwrap_or('.');
            let headline = spans.len() == 1
                && !matches!(last, '.' | '!' | '?' | '"' | '”' | ':' | '\'' | ',' | ';')
                && s.split_whitespace().count() <= 25;
            out.push(Sentence {
                span,
                headline,
                boilerplate: is_boilerplate(s),
                paragraph: pi,
            });
        }
    }
    out
}

/// Quoted regions: pairs of “ ”, `` '', and straight double quotes toggled
/// within a paragraph. An unclosed quote runs to the paragraph's end, since
/// news quotes continue across sentences.
pub(crate) fn quotes(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    sent_toks: &[Range<usize>],
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut para = usize::MAX;
    let mut para_end = 0usize;
    for (si, s) in sentences.iter().enumerate() {
        if s.paragraph != para {
            out.extend(open.take().map(|o| Span::new(o, para_end)));
            para = s.paragraph;
        }
        para_end = s.span.end;
        for t in &tokens[sent_toks[si].clone()] {
            if t.kind != TokenKind::Quote {
                continue;
            }
            let q = &text[t.span.range()];
            let opening = match q {
                "“" | "``" | "«" | "„" => true,
                "”" | "''" | "»" => false,
                _ => straight_opens(text, t.span, open.is_some()),
            };
            // A close ends the open quote; so does a new opening before
            // a close: the old one ran to here.
            out.extend(open.take().map(|o| Span::new(o, t.span.start)));
            if opening {
                open = Some(t.span.end);
            }
        }
    }
    out.extend(open.map(|o| Span::new(o, para_end)));
    out
}

/// Whether a straight double quote at `q` opens a quotation. Its sides
/// decide, as typesetters' smart quotes do: after a space and before a word
/// it opens, after a word and before a space it closes. Only a quote
/// with a space or a word on both sides toggles. Without this, a quotation
/// continued in a new one without a closing mark ('we won. "Next year') would
/// turn every later quotation in the paragraph inside out.
fn straight_opens(text: &str, q: Span, is_open: bool) -> bool {
    let before = text[..q.start].chars().next_back();
    let after = text[q.end..].chars().next();
    let spaced = |c: Option<char>| c.map_or(true, |c| c.is_whitespace() || "([{—–-".contains(c));
    match (spaced(before), spaced(after)) {
        (true, false) => true,
        (false, true) => false,
        _ => !is_open,
    }
}

/// Promotion lines and bylines: "READ ALSO: ...", "Related: ...".
fn is_boilerplate(s: &str) -> bool {
    [
        "READ ALSO",
        "READ MORE",
        "RELATED:",
        "ALSO READ",
        "WATCH:",
        "SEE ALSO",
        "ADVERTISEMENT",
    ]
    .iter()
    .any(|p| crate::tokens::starts_with_ci(s.as_bytes(), p.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| &t[s.span.range()]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "U.S. Secretary of State Antony Blinken met Gen. Smith on Aug. 5. He left.";
        assert_eq!(
            texts(t),
            vec![
                "U.S. Secretary of State Antony Blinken met Gen. Smith on Aug. 5.",
                "He left."
            ]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        let t = "“We will stay,” he said. “The talks failed.” Officials left.";
        assert_eq!(
            texts(t),
            vec![
                "“We will stay,” he said.",
                "“The talks failed.”",
                "Officials left."
            ]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        let t = "The troops came from the U.S. The base was hit.";
        assert_eq!(
            texts(t),
            vec!["The troops came from the U.S.", "The base was hit."]
        );
    }

    #[test]
    fn headlines_are_flagged() {
        let t = "Rebels Attack Army Base in North\nGunmen attacked a base on Monday. Two died.";
        let s = sentences(t);
        assert_eq!(s.len(), 3);
        assert!(s[0].headline);
        assert!(!s[1].headline);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let t = "BOMB HITS BASE\n    TOWN, March 4 - A bomb exploded at the main gate of the\nbase last night, injuring about ten people hours after the\nminister left the capital, officials said on the radio today.\n    Police said the device was small and hidden in a car.\n";
        let s = texts(t);
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[1].ends_with("radio today."));
    }

    #[test]
    fn long_runs_are_cut_at_white_space() {
        let t = "word ".repeat(3000) + "end.";
        let s = texts(&t);
        assert!(s.len() >= 3, "{}", s.len());
        assert!(s.iter().all(|x| x.len() <= MAX_SENTENCE_BYTES));
        assert!(s.iter().all(|x| !x.starts_with(' ') && !x.ends_with(' ')));
        assert_eq!(s.concat().len() + s.len() - 1, t.len());
        let e = "🚀".repeat(3000);
        let s = texts(&e);
        assert!(s
            .iter()
            .all(|x| x.len() <= MAX_SENTENCE_BYTES && !x.is_empty()));
        assert_eq!(s.concat(), e);
    }

    #[test]
    fn boilerplate_is_flagged() {
        let t = "READ ALSO: Militants Claim Attack On Ship\nThe talks went on.";
        let s = sentences(t);
        assert!(s[0].boilerplate);
        assert!(!s[1].boilerplate);
    }
}
