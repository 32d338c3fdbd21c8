//! Actor and place codes on seed sentences, and user lexicons from files.

use newsevents::{Document, Error, EventKind, Extractor, Mention, Sector};

fn events(text: &str) -> Vec<newsevents::Event> {
    Extractor::new().extract(&Document::new("t", text))
}

fn code(m: &Option<Mention>) -> (Option<&str>, Option<Sector>) {
    m.as_ref()
        .map(|m| (m.country.as_deref(), m.sector))
        .unwrap_or((None, None))
}

#[test]
fn actor_codes_on_seed_sentences() {
    let text = include_str!("../seeds/002_8d3be9fa8faa1af8.txt");
    let evs = events(text);
    let visit = evs
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::Visit(v) => Some(v),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        code(&visit.visitor),
        (Some("USA"), Some(Sector::Government))
    );
    let v = visit.visitor.as_ref().unwrap();
    assert_eq!(v.canonical.as_deref(), Some("Antony Blinken"));
    assert_eq!(code(&visit.destination).0, Some("IRQ"));

    let s = "Kata’ib Hezbollah said it attacked the base. Iraqi security forces said they arrested five people.";
    let evs = events(s);
    let speakers: Vec<(Option<&str>, Option<Sector>)> = evs
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Statement(st) => Some(code(&st.speaker)),
            _ => None,
        })
        .collect();
    assert!(
        speakers.contains(&(Some("IRQ"), Some(Sector::ArmedGroup))),
        "{speakers:?}"
    );
    assert!(
        speakers.contains(&(Some("IRQ"), Some(Sector::Military))),
        "{speakers:?}"
    );
}

#[test]
fn place_codes_on_seed_sentences() {
    let text = include_str!("../seeds/001_d0d4a466183dab0d.txt");
    let a = events(text)
        .into_iter()
        .find_map(|e| match e.kind {
            EventKind::Attack(a) if a.weapon.as_ref().is_some_and(|w| w.text == "rocket") => {
                Some(a)
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(code(&a.target).0, Some("IRQ"), "{:?}", a.target);
}

#[test]
fn user_lexicon_from_file_changes_output() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lexicon/user.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let sentence = "Brigades of the North sabotaged the pipeline near Qurnat Hill.";
    let before = events(sentence);
    assert!(
        !before.iter().any(|e| e.kind.name() == "attack"),
        "{before:?}"
    );
    let ex = Extractor::builder()
        .lexicon_jsonl(path, &text)
        .unwrap()
        .build()
        .unwrap();
    let after = ex.extract(&Document::new("t", sentence));
    let a = after
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::Attack(a) => Some(a),
            _ => None,
        })
        .expect("the user's trigger finds the attack");
    assert_eq!(code(&a.attacker), (Some("IRQ"), Some(Sector::ArmedGroup)));
    assert_eq!(
        a.location.as_ref().map(|m| m.text.as_str()),
        Some("Qurnat Hill")
    );
}

#[test]
fn malformed_lexicon_names_the_line() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lexicon/bad.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let err = Extractor::builder()
        .lexicon_jsonl("bad.jsonl", &text)
        .unwrap_err();
    match &err {
        Error::Lexicon { line, message, .. } => {
            assert_eq!(*line, 2);
            assert!(message.contains("Iraq"), "{message}");
        }
        other => panic!("unexpected error {other:?}"),
    }
    assert!(
        err.to_string().starts_with("lexicon bad.jsonl, line 2:"),
        "{err}"
    );
    let err = Extractor::builder()
        .lexicon_jsonl("x", "{\"type\": \"actor\"")
        .unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
}

#[test]
fn bad_user_entries_are_errors_that_say_what_is_wrong() {
    let cases = [
        (
            r#"{"type": "actor", "name": "X", "sector": "army"}"#,
            "unknown variant `army`",
        ),
        (
            r#"{"type": "place", "name": "X", "country": "Iraq"}"#,
            "ISO 3166-1",
        ),
        (
            r#"{"type": "trigger", "kind": "battle", "word": "x"}"#,
            "unknown kind",
        ),
        (
            r#"{"type": "trigger", "kind": "attack", "word": "x", "frame": "fly"}"#,
            "frame",
        ),
        (r#"{"type": "weapon", "name": " "}"#, "empty name"),
        (r#"{"type": "ship", "name": "x"}"#, "ship"),
        (r#"{"type": "title"}"#, "name"),
    ];
    for (line, message) in cases {
        let text = format!("{{\"type\": \"weapon\", \"name\": \"drone swarm\"}}\n{line}\n");
        let err = Extractor::builder()
            .lexicon_jsonl("user.jsonl", &text)
            .unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.starts_with("lexicon user.jsonl, line 2:") && shown.contains(message),
            "{line}: {shown}"
        );
    }
}
