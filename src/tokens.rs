//! Tokens: words, numbers, punctuation and quote marks with their byte spans.

use crate::document::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
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
    pub kind: Tk,
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenizes `text[span]`, appending to `out`. Spans are on char boundaries.
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
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
                Tk::Num
            } else {
                Tk::Word
            };
            out.push(Token {
                span: Span::new(span.start + off(start), span.start + off(j)),
                kind,
            });
            i = j;
            continue;
        }
        if is_apos(c)
            && matches!(at(i + 1), Some('s') | Some('S'))
            && !at(i + 2).map(char::is_alphanumeric).unwrap_or(false)
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            out.push(Token {
                span: Span::new(span.start + off(i), span.start + off(i + 2)),
                kind: Tk::Poss,
            });
            i += 2;
            continue;
        }
        if (c == '`' && at(i + 1) == Some('`')) || (c == '\'' && at(i + 1) == Some('\'')) {
            out.push(Token {
                span: Span::new(span.start + off(i), span.start + off(i + 2)),
                kind: Tk::Quote,
            });
            i += 2;
            continue;
        }
        let kind = if matches!(c, '"' | '“' | '”' | '«' | '»' | '„') {
            Tk::Quote
        } else {
            Tk::Punct
        };
        out.push(Token {
            span: Span::new(span.start + off(i), span.start + off(i + 1)),
            kind,
        });
        i += 1;
    }
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
}
