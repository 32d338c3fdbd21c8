//! Role matching: `score.py`'s `fold()`, `str_match()`, `tokens()` and `token_f1()`.

use super::nfkc;
use super::python::py_space;
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashMap;

/// Folds a role value for comparison, as `score.py`'s `fold()`.
///
/// Steps: Unicode NFKC, lowercase, curly single quotes, backtick and acute
/// accent to `'`, curly double quotes to `"`, the dashes U+2010..U+2015 and
/// minus U+2212 to `-`, trim white space, drop one leading "the", "a" or "an"
/// followed by white space, squeeze white space runs to one space, and trim
/// the characters `` .,;:"'`` at both ends. White space is Python's
/// (`str.isspace`).
///
/// Limitation: NFKC is approximated without a normalization crate. Each
/// character is mapped through a table covering Latin-1 and Latin Extended,
/// spacing modifiers, combining diacritics, Greek, Arabic, general
/// punctuation (non-breaking and typographic spaces, `…`, `‼`), super- and
/// subscripts, letterlike symbols and number forms, enclosed alphanumerics,
/// the ideographic space, the Latin ligatures (`ﬁ`, `ﬂ`) and fullwidth
/// ASCII; then a Latin, Greek or Cyrillic letter followed by a combining
/// diacritic (U+0300..U+036F) is composed ("e\u{301}" -> "é"). Characters
/// outside those blocks are kept as they are, and marks are neither
/// reordered nor composed across an uncomposable mark; news text, which is
/// precomposed, folds exactly as in `score.py`.
pub fn fold(s: &str) -> String {
    let mut nf = String::with_capacity(s.len());
    let push = |c: char, nf: &mut String| {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            if let Some(base) = nf.chars().next_back() {
                if let Ok(i) = nfkc::COMPOSE.binary_search_by_key(&(base, c), |&(k, _)| k) {
                    nf.pop();
                    nf.push(nfkc::COMPOSE[i].1);
                    return;
                }
            }
        }
        nf.push(c);
    };
    for c in s.chars() {
        match nfkc::NFKC.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => nfkc::NFKC[i].1.chars().for_each(|m| push(m, &mut nf)),
            Err(_) => push(c, &mut nf),
        }
    }
    let mapped: String = nf
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '`' | '\u{b4}' => '\'',
            '\u{201c}'..='\u{201f}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let trimmed = strip_article(mapped.trim_matches(py_space));
    let mut out = String::with_capacity(trimmed.len());
    let mut in_space = false;
    for c in trimmed.chars() {
        if py_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out.trim_matches(|c| " .,;:\"'".contains(c)).to_string()
}

/// `re.sub(r"^(the|a|an)\s+", "", s)`.
fn strip_article(s: &str) -> &str {
    for article in ["the", "a", "an"] {
        if let Some(rest) = s.strip_prefix(article) {
            if rest.starts_with(py_space) {
                return rest.trim_start_matches(py_space);
            }
        }
    }
    s
}

/// True when two role values match, as `score.py`'s `str_match()`: after
/// [`fold`], both are non-empty, the shorter has at least 3 characters and
/// is a substring of the longer.
pub fn str_match(gold: &str, pred: &str) -> bool {
    let (g, p) = (fold(gold), fold(pred));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    // Python's len() counts code points; the gold string wins ties.
    let (short, long) = if g.chars().count() <= p.chars().count() {
        (&g, &p)
    } else {
        (&p, &g)
    };
    short.chars().count() >= 3 && long.contains(short.as_str())
}

/// Python's `re.findall(r"\w+", ...)`: `\w` is a letter, a number or `_`.
static WORD: Lazy<Regex> = Lazy::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid regex"));

/// The tokens of a folded string, as `score.py` compares `content`:
/// runs of Unicode letters, numbers and underscores in [`fold`]`(s)`.
pub fn tokens(s: &str) -> Vec<String> {
    WORD.find_iter(&fold(s))
        .map(|m| m.as_str().to_string())
        .collect()
}

/// Token F1 between two strings (multiset overlap of [`tokens`]), as
/// `score.py`'s `token_f1()`; `content` matches when it is at least 0.5.
pub fn token_f1(gold: &str, pred: &str) -> f64 {
    let (gt, pt) = (tokens(gold), tokens(pred));
    if gt.is_empty() || pt.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for t in &gt {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0usize;
    for t in &pt {
        if let Some(n) = counts.get_mut(t.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    if common == 0 {
        return 0.0;
    }
    let pr = common as f64 / pt.len() as f64;
    let rc = common as f64 / gt.len() as f64;
    2.0 * pr * rc / (pr + rc)
}
