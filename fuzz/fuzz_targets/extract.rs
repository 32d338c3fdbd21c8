//! Extraction never panics on any UTF-8 input, and every span it returns
//! lies on char boundaries inside the text, with each trigger inside its
//! sentence.
//!
//! ```text
//! cargo +nightly fuzz run extract -- -max_total_time=600
//! ```
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use newsevents::{Document, EventKind, Extractor, Mention, Span};

fn check(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of bounds (text is {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
}

fn run(text: &str, published: Option<NaiveDate>) {
    let ex = Extractor::new();
    let events = ex.extract(&Document::new("fuzz", text).with_published(published));
    for e in &events {
        check(text, e.sentence, "sentence");
        check(text, e.trigger.span, "trigger");
        assert!(
            e.sentence.contains(e.trigger.span),
            "trigger {:?} outside sentence {:?}",
            e.trigger.span,
            e.sentence
        );
        if let Some(d) = &e.date {
            check(text, d.span, "date");
        }
        let roles: Vec<&Mention> = match &e.kind {
            EventKind::Attack(a) => [&a.attacker, &a.target, &a.location, &a.weapon]
                .into_iter()
                .flatten()
                .collect(),
            EventKind::Call(c) => c.participants.iter().collect(),
            EventKind::Visit(v) => [&v.visitor, &v.destination, &v.host]
                .into_iter()
                .flatten()
                .collect(),
            EventKind::Statement(s) => [&s.speaker, &s.content].into_iter().flatten().collect(),
            _ => Vec::new(),
        };
        for m in roles {
            check(text, m.span, "role");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    run(text, None);
    run(text, NaiveDate::from_ymd_opt(2023, 11, 1));
    // A document without a trigger word skips the analysis: with one
    // appended, every stage runs over the fuzzed text.
    run(&format!("{text}\nHe said it."), NaiveDate::from_ymd_opt(2023, 11, 1));
});
