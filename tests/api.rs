//! The public API as a user meets it: every public type is `Send + Sync`,
//! so extractors, documents and results can be shared across and moved
//! between threads; events print, list their roles and write their JSON line.

use newsevents::{
    Attack, Call, Document, Error, Event, EventDate, EventKind, EventType, Extractor,
    ExtractorBuilder, LexiconEntry, Mention, Modality, Rule, Sector, Span, Statement, Visit,
};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<Extractor>();
    assert_send_sync::<ExtractorBuilder>();
    assert_send_sync::<Document<'static>>();
    assert_send_sync::<Span>();
    assert_send_sync::<Error>();
    assert_send_sync::<Event>();
    assert_send_sync::<EventKind>();
    assert_send_sync::<EventDate>();
    assert_send_sync::<Mention>();
    assert_send_sync::<Modality>();
    assert_send_sync::<Sector>();
    assert_send_sync::<Attack>();
    assert_send_sync::<Call>();
    assert_send_sync::<Visit>();
    assert_send_sync::<Statement>();
    assert_send_sync::<LexiconEntry>();
}

/// Errors can be boxed as `dyn Error + Send + Sync` (what `?` into
/// `anyhow`-style errors needs).
#[test]
fn error_boxes_as_send_sync() {
    let e: Box<dyn std::error::Error + Send + Sync> =
        Box::new(newsevents::parse_date("not a date").unwrap_err());
    assert!(e.to_string().contains("not a date"));
}

/// One extractor shared by several threads gives the same events as one thread.
#[test]
fn extractor_shared_across_threads() {
    let ex = Extractor::new();
    let text = "U.S. Secretary of State Antony Blinken made a surprise visit Sunday to Baghdad.";
    let want = ex.extract(&Document::new("t", text));
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| ex.extract(&Document::new("t", text))))
            .collect();
        for h in handles {
            assert_eq!(h.join().expect("thread"), want);
        }
    });
}

/// A visit and an attack of our own, extracted once per test.
fn events(text: &str) -> Vec<Event> {
    Extractor::new().extract(&Document::new("own", text).published(date(2024, 3, 6)))
}

fn date(y: i32, m: u32, d: u32) -> newsevents::NaiveDate {
    newsevents::NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// `roles()` lists the roles that have a value under their JSON names, so
/// that printing an event needs no match on its kind.
#[test]
fn roles_iterate_under_their_json_names() {
    let evs = events("Foreign Minister Ana Ruiz visited Nairobi on Monday.");
    let visit = evs
        .iter()
        .find(|e| e.kind.name() == "visit")
        .expect("a visit");
    let roles: Vec<(&str, &str)> = visit.roles().map(|(r, m)| (r, m.text.as_str())).collect();
    assert_eq!(roles, [("visitor", "Ana Ruiz"), ("destination", "Nairobi")]);

    let evs = events("Rebels attacked the village of Kaya on Tuesday, killing 12 people.");
    let attack = evs
        .iter()
        .find(|e| e.kind.name() == "attack")
        .expect("an attack");
    let names: Vec<&str> = attack.roles().map(|(r, _)| r).collect();
    assert!(names.starts_with(&["attacker", "target"]), "{names:?}");
    assert!(names
        .iter()
        .all(|r| ["attacker", "target", "location", "weapon"].contains(r)));
}

/// `Display` of an event: kind, modality, roles, date and trigger on one line.
#[test]
fn an_event_displays_on_one_line() {
    let evs = events("Foreign Minister Ana Ruiz will visit Nairobi on Monday.");
    let visit = evs
        .iter()
        .find(|e| e.kind.name() == "visit")
        .expect("a visit");
    let shown = visit.to_string();
    assert!(
        shown.starts_with("visit (planned): visitor Ana Ruiz, destination Nairobi; date on Monday = 2024-03-11; trigger \"visit\" at "),
        "{shown}"
    );
    assert_eq!(
        visit.kind.to_string(),
        "visit: visitor Ana Ruiz, destination Nairobi"
    );
    assert_eq!(visit.modality.to_string(), "planned");
    assert_eq!(Sector::ArmedGroup.to_string(), "armed_group");
    assert_eq!(visit.kind.event_type(), EventType::Visit);
}

/// `json_line` writes the command line's JSON: the document id first, then
/// the event's fields, and it reads back as the same event.
#[cfg(feature = "json")]
#[test]
fn json_line_round_trips() {
    let evs = events("Foreign Minister Ana Ruiz visited Nairobi on Monday.");
    let line = evs[0].json_line("own").to_string();
    assert!(
        line.starts_with(r#"{"doc":"own","kind":"visit","#),
        "{line}"
    );
    assert!(line.contains(r#""rule":"visit."#), "{line}");
    let back: Event = serde_json::from_str(&line).expect("the line reads back");
    assert_eq!(back, evs[0]);
    let bad = line.replace(r#""rule":"visit."#, r#""rule":"nonsense."#);
    let err = serde_json::from_str::<Event>(&bad).expect_err("an unknown rule id");
    assert!(err.to_string().contains("unknown rule"), "{err}");
}

/// Every rule id names a rule with a line of doc.
#[test]
fn rule_ids_are_documented() {
    let evs = events("Foreign Minister Ana Ruiz visited Nairobi on Monday.");
    let rule = evs[0].rule;
    assert_eq!(Rule::from_id(rule.id()), Some(rule));
    assert!(!rule.doc().is_empty());
    assert_eq!(Rule::from_id("visit.nonsense"), None);
}

/// An inverted span has length 0 rather than panicking; an extractor's
/// `Debug` is short, not the whole lexicon.
#[test]
fn small_things_do_not_surprise() {
    assert_eq!(Span::new(9, 4).len(), 0);
    assert!(Span::new(9, 4).is_empty());
    let shown = format!("{:?}", Extractor::new());
    assert!(
        shown.len() < 200 && shown.starts_with("Extractor"),
        "{shown}"
    );
}
