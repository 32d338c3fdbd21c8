//! Role matching: folding, containment, token overlap.

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Folds a role value for comparison.
///
/// Steps: Unicode NFKC, lowercase, curly single quotes, backtick and acute
/// accent to `'`, curly double quotes to `"`, the dashes U+2010..U+2015 and
/// minus U+2212 to `-`, trim white space, drop one leading "the", "a" or "an"
/// followed by white space, squeeze white space runs to one space, and trim
/// the characters `` .,;:"'`` at both ends.
///
/// ```
/// use newsevents_eval::fold;
///
/// assert_eq!(fold("  The   Lebanon\u{2019}s\u{a0}Army. "), "lebanon's army");
/// assert_eq!(fold("\u{fb01}ghters"), "fighters");
/// ```
pub fn fold(s: &str) -> String {
    let mapped: String = s
        .nfkc()
        .collect::<String>()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '`' | '\u{b4}' => '\'',
            '\u{201c}'..='\u{201f}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let trimmed = strip_article(mapped.trim());
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_matches(|c| " .,;:\"'".contains(c)).to_string()
}

/// `s` without one leading article followed by white space.
fn strip_article(s: &str) -> &str {
    for article in ["the", "a", "an"] {
        if let Some(rest) = s.strip_prefix(article) {
            if rest.starts_with(char::is_whitespace) {
                return rest.trim_start();
            }
        }
    }
    s
}

/// True when two role values match: after [`fold`], both are non-empty,
/// the shorter (in characters; the gold value on a tie) has at least 3
/// characters and is a substring of the longer.
///
/// ```
/// use newsevents_eval::str_match;
///
/// assert!(str_match("Antony Blinken", "Blinken"));
/// assert!(!str_match("Iraq", "Ir"));
/// ```
pub fn str_match(gold: &str, pred: &str) -> bool {
    let (g, p) = (fold(gold), fold(pred));
    let (g_len, p_len) = (g.chars().count(), p.chars().count());
    let (short, short_len, long) = if g_len <= p_len {
        (&g, g_len, &p)
    } else {
        (&p, p_len, &g)
    };
    short_len >= 3 && long.contains(short.as_str())
}

/// The tokens of [`fold`]`(s)`: runs of alphanumeric characters and `_`.
pub fn tokens(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Token F1 between two strings (multiset overlap of their [`tokens`]);
/// `content` matches when it is at least 0.5.
pub fn token_f1(gold: &str, pred: &str) -> f64 {
    let (gold_tokens, pred_tokens) = (tokens(gold), tokens(pred));
    let mut unmatched: HashMap<&str, usize> = HashMap::new();
    for t in &gold_tokens {
        *unmatched.entry(t).or_default() += 1;
    }
    let mut common = 0usize;
    for t in &pred_tokens {
        if let Some(n) = unmatched.get_mut(t.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / pred_tokens.len() as f64;
    let recall = common as f64 / gold_tokens.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_by_hand() {
        assert_eq!(fold("  The   Iraqi\u{a0}Government. "), "iraqi government");
        assert_eq!(fold("\u{201c}We will respond\u{201d}"), "we will respond");
        assert_eq!(
            fold("Iran\u{2013}backed \u{2014} groups"),
            "iran-backed - groups"
        );
        assert_eq!(fold("An attack"), "attack");
        assert_eq!(
            fold("Anthony"),
            "anthony",
            "the article needs a space after it"
        );
        assert_eq!(fold("the"), "the");
        assert_eq!(fold("\u{fb01}ghters\u{2026}"), "fighters");
        assert_eq!(fold("\u{ff21}\u{ff22}\u{ff23}"), "abc");
        assert_eq!(fold("x\u{b2}"), "x2");
        assert_eq!(fold("e\u{301}te\u{301}"), "\u{e9}t\u{e9}", "composed");
        assert_eq!(
            fold("x`a\u{b4}"),
            "x'a \u{301}",
            "the acute accent decomposes before quotes fold"
        );
        assert_eq!(fold("'\"a: b;,"), "a: b");
    }

    #[test]
    fn str_match_by_hand() {
        assert!(str_match(
            "Blinken",
            "U.S. Secretary of State Antony Blinken"
        ));
        assert!(str_match("Lebanon\u{2019}s army", "lebanon's army"));
        assert!(str_match(
            "Iran-backed militias",
            "Iran\u{2011}backed militias"
        ));
        assert!(
            str_match("the U.S.", "U.S"),
            "'u.s' once the dot is trimmed"
        );
        assert!(!str_match("U.S.", "US"));
        assert!(!str_match("Iraq", "Iran"));
        assert!(!str_match("", "Iraq"));
        assert!(!str_match("the", " . "));
    }

    #[test]
    fn token_f1_by_hand() {
        assert_eq!(token_f1("w x y z", "w x y z"), 1.0);
        assert_eq!(token_f1("w x y z", "w x"), 2.0 * 1.0 * 0.5 / 1.5);
        // A leading article is folded away before tokenizing.
        assert_eq!(token_f1("a b c d", "a b"), 0.5);
        assert_eq!(token_f1("Israel\u{2019}s war", "Israel's war"), 1.0);
        // Repeated tokens count as a multiset.
        assert_eq!(token_f1("no no no", "no"), 0.5);
        assert!(token_f1("stop the attacks on bases", "attacks") < 0.5);
        assert_eq!(token_f1("", "x"), 0.0);
        assert_eq!(
            tokens("The U.S.\u{2013}led coalition_x 3rd"),
            vec!["u", "s", "led", "coalition_x", "3rd"]
        );
    }
}
