//! Properties of extraction over arbitrary and news-like text: it never
//! panics, and every span it returns lies on char boundaries inside the
//! text, with each trigger inside its sentence. Plus large and odd inputs
//! that must complete.

use chrono::NaiveDate;
use newsevents::{Decision, Document, Event, EventKind, EventType, Extractor, Mention, Span};
use proptest::prelude::*;

#[path = "support/inputs.rs"]
mod inputs;
use inputs::long_line;

/// Checks one span against the text; `what` names it in the message.
fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what}: span {:?} out of bounds (text is {} bytes)",
            span,
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what}: span {span:?} not on char boundaries"));
    }
    Ok(())
}

fn check_mention(text: &str, m: &Mention, what: &str) -> Result<(), String> {
    check_span(text, m.span, what)
}

/// Every span of every event is valid, and the trigger lies in the sentence.
fn check_events(text: &str, events: &[Event]) -> Result<(), String> {
    for (i, e) in events.iter().enumerate() {
        let at = |role: &str| format!("event {i} ({}) {role}", e.rule);
        check_span(text, e.sentence, &at("sentence"))?;
        check_mention(text, &e.trigger, &at("trigger"))?;
        if !e.sentence.contains(e.trigger.span) {
            return Err(format!(
                "{}: trigger {:?} outside sentence {:?}",
                at("trigger"),
                e.trigger.span,
                e.sentence
            ));
        }
        if let Some(d) = &e.date {
            check_span(text, d.span, &at("date"))?;
        }
        let mut roles: Vec<(&str, &Mention)> = Vec::new();
        match &e.kind {
            EventKind::Attack(a) => {
                for (name, m) in [
                    ("attacker", &a.attacker),
                    ("target", &a.target),
                    ("location", &a.location),
                    ("weapon", &a.weapon),
                ] {
                    roles.extend(m.as_ref().map(|m| (name, m)));
                }
            }
            EventKind::Call(c) => roles.extend(c.participants.iter().map(|m| ("participant", m))),
            EventKind::Visit(v) => {
                for (name, m) in [
                    ("visitor", &v.visitor),
                    ("destination", &v.destination),
                    ("host", &v.host),
                ] {
                    roles.extend(m.as_ref().map(|m| (name, m)));
                }
            }
            EventKind::Statement(s) => {
                for (name, m) in [("speaker", &s.speaker), ("content", &s.content)] {
                    roles.extend(m.as_ref().map(|m| (name, m)));
                }
            }
            _ => {}
        }
        for (name, m) in roles {
            check_mention(text, m, &at(name))?;
        }
    }
    Ok(())
}

/// Extracts with a publication date, checking the events; returns their number.
fn extract_dated(text: &str) -> Result<usize, String> {
    let published = NaiveDate::from_ymd_opt(2023, 11, 1).expect("valid date");
    let events = Extractor::new().extract(&Document::new("p", text).published(published));
    check_events(text, &events)?;
    Ok(events.len())
}

/// Extracts with and without a publication date, checking both. Then again
/// with a trigger word appended: a document without one skips the analysis,
/// and arbitrary text rarely holds one, so the appended line makes every
/// stage run over the arbitrary text.
fn extract_checked(text: &str) -> Result<usize, String> {
    let plain = Extractor::new().extract(&Document::new("p", text));
    check_events(text, &plain)?;
    check_explained(text, &plain)?;
    extract_dated(text)?;
    let triggered = format!("{text}\nHe said it.");
    extract_dated(&triggered)?;
    Ok(plain.len())
}

/// `explain` on the same text: valid spans, each trigger in its sentence,
/// and its events exactly the events `extract` returns.
fn check_explained(text: &str, events: &[Event]) -> Result<(), String> {
    let candidates = Extractor::new().explain(&Document::new("p", text));
    let mut explained = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        check_span(text, c.sentence, &format!("candidate {i} sentence"))?;
        check_mention(text, &c.trigger, &format!("candidate {i} trigger"))?;
        if !c.sentence.contains(c.trigger.span) {
            return Err(format!("candidate {i}: trigger outside its sentence"));
        }
        if matches!(c.decision, Decision::Event { .. }) {
            explained.push((c.kind, c.trigger.span));
        }
    }
    let mut extracted: Vec<(EventType, Span)> = events
        .iter()
        .map(|e| (e.kind.event_type(), e.trigger.span))
        .collect();
    explained.sort_by_key(|(k, s)| (s.start, s.end, *k));
    extracted.sort_by_key(|(k, s)| (s.start, s.end, *k));
    if explained != extracted {
        return Err(format!(
            "explain's events {explained:?} != extract's {extracted:?}"
        ));
    }
    Ok(())
}

/// Pieces of news text, and of things that are not: names, verbs,
/// punctuation, quotes, abbreviations, dates, numbers, other scripts,
/// combining marks, emoji and control characters.
const FRAGMENTS: &[&str] = &[
    "U.S. Secretary of State Antony Blinken",
    "Iraqi Prime Minister Mohammed Shia al-Sudani",
    "Blinken",
    "Hamas",
    "Israeli",
    "pro-Iranian militias",
    "security forces",
    "gunmen",
    "the prime minister",
    " said ",
    " told reporters ",
    " according to ",
    " said in a statement",
    " urged ",
    "“",
    "”",
    "\"",
    "``",
    "''",
    "'s",
    "’s",
    " attacked ",
    " attack ",
    " airstrikes on ",
    " was attacked by ",
    " the base",
    " on Monday",
    " last week",
    " on Oct. 23, 2023",
    " three days ago",
    " in 2004",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "...",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "\r\n",
    "Gen.",
    "Mr.",
    "U.N.",
    " he ",
    " she ",
    " they ",
    " It ",
    "🚀",
    "👍🏽",
    "👩\u{200d}🔬",
    "e\u{301}",
    "\u{301}",
    "مرحبا",
    "שלום\u{200f}",
    "日本語のテキスト。",
    "\u{0}",
    "\u{feff}",
    "\u{2028}",
    " killed 22 civilians",
    " wounded 2,500",
    " visited Baghdad",
    " arrived in Tehran",
    " made a surprise visit Sunday to ",
    " phone call with ",
    " spoke by phone with ",
    " will visit ",
    " did not attack ",
    " READ ALSO: ",
    "(",
    ")",
    "—",
    "-",
    "'",
    "’",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_string_extracts_with_valid_spans(text in any::<String>()) {
        extract_checked(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn printable_string_extracts_with_valid_spans(text in "\\PC*") {
        extract_checked(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn news_like_text_extracts_with_valid_spans(text in news_like()) {
        extract_checked(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn news_like_text_with_noise_extracts_with_valid_spans(
        text in news_like(),
        noise in any::<String>(),
        at in any::<prop::sample::Index>(),
    ) {
        // Arbitrary text spliced in at a char boundary of news-like text.
        let cut = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .nth(at.index(text.chars().count() + 1))
            .unwrap_or(text.len());
        let spliced = format!("{}{noise}{}", &text[..cut], &text[cut..]);
        extract_checked(&spliced).map_err(TestCaseError::fail)?;
    }
}

/// Size of the long line: 10 MB in release builds; 1 MB in debug builds,
/// where 10 MB would take minutes.
const LONG_LINE_BYTES: usize = if cfg!(debug_assertions) {
    1_000_000
} else {
    10_000_000
};

#[test]
fn long_line_without_punctuation_completes() {
    let text = long_line(LONG_LINE_BYTES);
    let n = extract_dated(&text).unwrap();
    assert!(n > 0, "a line full of trigger words gives events");
}

#[test]
fn repeated_attack_word_completes() {
    let text = "attack ".repeat(100_000);
    extract_dated(&text).unwrap();
}

/// A rule that looks at the token after its trigger must not read past
/// the last token of the document: "in a statement" at the very end, with
/// no other speech verb in the sentence, once did.
#[test]
fn source_phrase_at_the_end_of_the_document_completes() {
    for text in [
        "Ships in a statement",
        "The army, in a statement",
        "Gen. s\u{ae}aid in a statement",
        "in a statement",
    ] {
        let n = extract_checked(text).unwrap();
        assert_eq!(n, 0, "{text:?}: no speaker follows, so no record");
    }
}

#[test]
fn unbalanced_quotes_complete() {
    for text in [
        "“".repeat(10_000),
        "\"".repeat(10_000),
        "“\"".repeat(5_000),
        "”".repeat(10_000),
        "``".repeat(5_000),
        format!("He said “{}", "we will stay, ".repeat(2_000)),
    ] {
        extract_checked(&text).unwrap();
    }
}

#[test]
fn nul_bytes_and_controls() {
    for text in [
        "\0".repeat(10_000),
        "Blinken\0said\0the\0attack\0failed.\0".to_string(),
        "Blinken said\0 the attack on\0 the base failed.".to_string(),
        "\0U.S.\0 forces attacked\u{0} the base on Monday.\0\r\n\0".to_string(),
        "\u{1}\u{7f}\u{85}\u{2028}\u{2029}".repeat(1_000),
    ] {
        extract_checked(&text).unwrap();
    }
}

#[test]
fn scripts_and_marks_around_events() {
    let text = "مرحبا 🚀 U.S. Secretary of State Antony Blinken e\u{301} visited Baghdad \
                on Sunday 👍🏽. “We will stay,” he said\u{301}. Gunmen attacked the base, \
                killing 22 civilians 日本語。";
    let n = extract_checked(text).unwrap();
    assert!(n >= 2, "{n} events");
}
