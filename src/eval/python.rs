//! Python semantics that `score.py` relies on: truthiness, `str()` and
//! `repr()` of JSON values, `int()`, `round()`, white space, universal
//! newlines, path and slice handling.

use once_cell::sync::Lazy;
use regex::Regex;
use serde_json::Value;
use std::path::{Component, Path, PathBuf};

/// Python's `str.isspace()`, which is also what `\s` matches in `re`: Rust's
/// White_Space plus the ASCII separators U+001C..U+001F.
pub(super) fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python truthiness of a JSON value.
pub(super) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `str()` of the value `json.loads` would have produced.
pub(super) fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of the value `json.loads` would have produced.
///
/// Objects list their keys sorted (serde_json's map), where Python keeps
/// file order; only odd predictions (an object as a role's text) see this.
pub(super) fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                py_float_repr(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => py_repr_str(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(py_repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", py_repr_str(k), py_repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

pub(super) static NON_PRINTABLE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[\p{C}\p{Z}]$").expect("valid regex"));

/// Python's `repr()` of a string.
pub(super) fn py_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    let mut buf = [0u8; 4];
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c == ' ' || !NON_PRINTABLE.is_match(c.encode_utf8(&mut buf)) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a float (shortest round-trip digits).
pub(super) fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // Rust's `{:e}` gives the same shortest digits; only the layout differs.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let decpt = exp + 1;
    let body = if decpt <= -4 || decpt > 16 {
        let m = if digits.len() == 1 {
            digits.clone()
        } else {
            format!("{}.{}", &digits[..1], &digits[1..])
        };
        format!("{}e{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
    } else if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt as usize >= digits.len() {
        format!("{}{}.0", digits, "0".repeat(decpt as usize - digits.len()))
    } else {
        format!(
            "{}.{}",
            &digits[..decpt as usize],
            &digits[decpt as usize..]
        )
    };
    if x < 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

/// Python's `round(x, 3)` (correctly rounded, ties to even), which is how
/// `score.py` reports every ratio.
pub fn round3(x: f64) -> f64 {
    // Rust's fixed-precision formatting rounds the exact binary value, ties
    // to even, like Python's dtoa.
    format!("{x:.3}").parse().unwrap_or(x)
}

/// Python's `int()` of a JSON value; `None` where Python would raise.
/// Out-of-range values saturate (Python's ints are unbounded).
pub(super) fn py_int(v: &Value) -> Option<i64> {
    match v {
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(i)
            } else if n.as_u64().is_some() {
                Some(i64::MAX)
            } else {
                let f = n.as_f64()?;
                // `as` truncates toward zero and saturates, like int() then clamp.
                f.is_finite().then_some(f as i64)
            }
        }
        Value::String(s) => py_int_str(s),
        _ => None,
    }
}

/// Python's `int(str)` in base 10: surrounding white space, a sign, ASCII
/// digits with single underscores between them.
pub(super) fn py_int_str(s: &str) -> Option<i64> {
    let t = s.trim_matches(py_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let b = body.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return None;
    }
    let mut value: i128 = 0;
    let mut prev_underscore = false;
    for &c in b {
        if c == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        if !c.is_ascii_digit() {
            return None;
        }
        prev_underscore = false;
        value = (value * 10 + i128::from(c - b'0')).min(i128::from(u64::MAX));
    }
    let value = if neg { -value } else { value };
    Some(value.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
}

/// The first `n` code points of a string, as Python's `s[:n]`.
pub(super) fn prefix_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `os.path.splitext(os.path.basename(doc))[0]`.
pub(super) fn doc_stem(doc: &str) -> String {
    let base = &doc[doc.rfind('/').map_or(0, |i| i + 1)..];
    // splitext ignores leading dots: ".txt" has no extension.
    match base.rfind('.') {
        Some(dot) if base[..dot].chars().any(|c| c != '.') => base[..dot].to_string(),
        _ => base.to_string(),
    }
}

/// Lines split as Python's universal-newline text mode does, numbered from 1.
pub(super) fn py_lines(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = s;
    let mut n = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        n += 1;
        let (line, next) = match rest.find(['\r', '\n']) {
            Some(i) if rest[i..].starts_with("\r\n") => (&rest[..i], &rest[i + 2..]),
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        rest = next;
        Some((n, line))
    })
}

/// `bytes.find(needle, from)`.
pub(super) fn find_bytes(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(from);
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Lexical path normalization, as `os.path.normpath`.
pub(super) fn normpath(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            c => out.push(c),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

/// `bytes[s:e].decode(errors="replace")` with Python's slice clamping.
pub(super) fn py_slice_text(text: &str, (s, e): (i64, i64)) -> String {
    let len = text.len() as i64;
    let clamp = |i: i64| {
        if i < 0 {
            (i + len).max(0)
        } else {
            i.min(len)
        }
    };
    let (a, b) = (clamp(s) as usize, clamp(e) as usize);
    if b <= a {
        return String::new();
    }
    String::from_utf8_lossy(&text.as_bytes()[a..b]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        for (x, want) in [
            (1.0, "1.0"),
            (0.5, "0.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (-123.456, "-123.456"),
            (0.857, "0.857"),
            (1.2345678901234567e20, "1.2345678901234567e+20"),
        ] {
            assert_eq!(py_float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn round3_ties_to_even_like_python() {
        assert_eq!(round3(0.0625), 0.062);
        assert_eq!(round3(0.1875), 0.188);
        assert_eq!(round3(0.0005), 0.001);
        assert_eq!(round3(2.0 / 3.0), 0.667);
    }

    #[test]
    fn python_int_of_strings() {
        assert_eq!(py_int_str(" 42 "), Some(42));
        assert_eq!(py_int_str("-1_000"), Some(-1000));
        assert_eq!(py_int_str("+007"), Some(7));
        assert_eq!(py_int_str("1__0"), None);
        assert_eq!(py_int_str("_1"), None);
        assert_eq!(py_int_str("4.0"), None);
        assert_eq!(py_int_str(""), None);
        assert_eq!(py_int(&serde_json::json!(7.9)), Some(7));
        assert_eq!(py_int(&serde_json::json!(-7.9)), Some(-7));
        assert_eq!(py_int(&serde_json::json!(true)), Some(1));
        assert_eq!(py_int(&serde_json::json!(null)), None);
    }

    #[test]
    fn doc_stem_like_splitext_basename() {
        assert_eq!(doc_stem("a/b/doc.txt"), "doc");
        assert_eq!(doc_stem("doc.tar.gz"), "doc.tar");
        assert_eq!(doc_stem(".txt"), ".txt");
        assert_eq!(doc_stem("..x.y"), "..x");
        assert_eq!(doc_stem("dir.d/doc"), "doc");
        assert_eq!(doc_stem("doc."), "doc");
    }

    #[test]
    fn universal_newlines() {
        let lines: Vec<_> = py_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, vec![(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
    }

    #[test]
    fn repr_of_values() {
        let v = serde_json::json!(["it's", "a\"b", 1, 2.5, true, null, {"k": "\u{85}é"}]);
        assert_eq!(
            py_str(&v),
            r#"["it's", 'a"b', 1, 2.5, True, None, {'k': '\x85é'}]"#
        );
    }

    #[test]
    fn overlapping_anchor_occurrences() {
        assert_eq!(find_bytes(b"aaaa", b"aa", 0), Some(0));
        assert_eq!(find_bytes(b"aaaa", b"aa", 1), Some(1));
        assert_eq!(find_bytes(b"aaaa", b"aa", 3), None);
        assert_eq!(find_bytes(b"ab", b"", 2), Some(2));
        assert_eq!(find_bytes(b"ab", b"", 3), None);
    }

    #[test]
    fn normpath_is_lexical() {
        assert_eq!(
            normpath(Path::new("tests/data/gold/seeds/../../../../seeds/x.txt")),
            PathBuf::from("seeds/x.txt")
        );
        assert_eq!(normpath(Path::new("/a/../../b")), PathBuf::from("/b"));
        assert_eq!(normpath(Path::new("../a/./b")), PathBuf::from("../a/b"));
    }

    #[test]
    fn python_slice_clamps() {
        assert_eq!(py_slice_text("hello", (-3, 100)), "llo");
        assert_eq!(py_slice_text("hello", (4, 2)), "");
        assert_eq!(py_slice_text("h\u{2019}s", (0, 2)), "h\u{fffd}");
    }
}
