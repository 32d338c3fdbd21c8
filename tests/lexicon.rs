//! Actor and place codes on seed sentences, and user lexicons: each entry
//! type end to end (the word added, the event out, and the same sentence
//! without the entry), and the errors of bad entries.

use newsevents::{
    Document, Error, Event, EventKind, EventType, Extractor, LexiconEntry, Mention, Sector,
    TriggerFrame,
};

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

/// The events of `text` found by the built-in lexicon and `entries`.
fn events_with(entries: &[LexiconEntry], text: &str) -> Vec<Event> {
    let builder = (entries.iter()).fold(Extractor::builder(), |b, e| b.entry(e.clone()));
    let extractor = builder.build().unwrap_or_else(|e| panic!("{e}"));
    extractor.extract(&Document::new("t", text))
}

/// The one event of `kind` in `events`, if there is exactly one.
fn only(events: &[Event], kind: EventType) -> Option<&Event> {
    let mut of_kind = events.iter().filter(|e| e.kind.event_type() == kind);
    match (of_kind.next(), of_kind.next()) {
        (Some(e), None) => Some(e),
        _ => None,
    }
}

/// `event`'s roles as (role, text, country, sector).
fn roles(event: &Event) -> Vec<(&str, &str, Option<&str>, Option<Sector>)> {
    (event.roles())
        .map(|(role, m)| (role, m.text.as_str(), m.country.as_deref(), m.sector))
        .collect()
}

fn trigger(kind: EventType, word: &str, frame: Option<TriggerFrame>) -> LexiconEntry {
    LexiconEntry::Trigger {
        kind,
        word: word.into(),
        frame,
    }
}

/// Roles as (role, text).
type Roles = &'static [(&'static str, &'static str)];

/// A user's trigger word of each kind, with its kind's default frame
/// (none given): the sentence has no event of the kind without it, and
/// the event with every party after.
#[test]
fn a_trigger_of_each_kind_works_with_its_default_frame() {
    use EventType::*;
    let gov = Some(Sector::Government);
    let cases: [(EventType, &str, &str, Roles); 5] = [
        (
            Attack,
            "sabotaged",
            "Rebels sabotaged the pipeline near Mosul on Monday.",
            &[
                ("attacker", "Rebels"),
                ("target", "pipeline"),
                ("location", "Mosul"),
            ],
        ),
        (
            Visit,
            "shuttled",
            "Foreign Minister Ana Ruiz shuttled to Lima on Monday.",
            &[("visitor", "Ana Ruiz"), ("destination", "Lima")],
        ),
        (
            Call,
            "video huddle",
            "President Ana Ruiz held a video huddle with Prime Minister Tomas Berg on Monday.",
            &[("participant", "Ana Ruiz"), ("participant", "Tomas Berg")],
        ),
        (
            Call,
            "video huddle",
            "A video huddle between President Ana Ruiz and Prime Minister Tomas Berg took place.",
            &[("participant", "Ana Ruiz"), ("participant", "Tomas Berg")],
        ),
        (
            Statement,
            "opined",
            "Foreign Minister Ana Ruiz opined that the talks went well.",
            &[("speaker", "Ana Ruiz"), ("content", "the talks went well")],
        ),
    ];
    for (kind, word, text, want) in cases {
        assert!(only(&events_with(&[], text), kind).is_none(), "{text}");
        let events = events_with(&[trigger(kind, word, None)], text);
        let event = only(&events, kind).unwrap_or_else(|| panic!("{text}: {events:?}"));
        assert_eq!(event.trigger.text, word);
        let got: Vec<(&str, &str)> = roles(event).iter().map(|r| (r.0, r.1)).collect();
        assert_eq!(got, want, "{text}");
        if kind != Attack {
            assert_eq!(roles(event)[0].3, gov, "{text}");
        }
    }
}

/// Each frame other than a kind's default, with a word and a sentence of
/// its own: the event and the rule of the frame.
#[test]
fn a_trigger_takes_the_frame_it_is_given() {
    use EventType::*;
    use TriggerFrame as F;
    let ruiz = "Foreign Minister Ana Ruiz";
    let cases = [
        (
            Attack,
            "sabotage",
            F::Noun,
            "The sabotage of the pipeline by rebels on Monday cut supplies.",
            "attack.by_agent",
        ),
        (
            Visit,
            "sojourn",
            F::Noun,
            "Ana Ruiz's sojourn in Lima ended on Monday.",
            "visit.possessive",
        ),
        (
            Visit,
            "feted",
            F::Host,
            "President Tomas Berg feted Ana Ruiz in Lima on Monday.",
            "visit.hosted",
        ),
        (
            Call,
            "zoomed",
            F::CallVerb,
            "President Ana Ruiz zoomed Prime Minister Tomas Berg on Monday.",
            "call.verb",
        ),
        (
            Call,
            "via satellite phone",
            F::Medium,
            "President Ana Ruiz and Prime Minister Tomas Berg spoke via satellite phone.",
            "call.medium",
        ),
        (
            Statement,
            "apprised",
            F::Tell,
            &format!("{ruiz} apprised reporters that the talks went well."),
            "statement.tell",
        ),
        (
            Statement,
            "exhorted",
            F::Urge,
            &format!("{ruiz} exhorted both sides to hold fire."),
            "statement.urge",
        ),
        (
            Statement,
            "rubbished",
            F::Object,
            &format!("{ruiz} rubbished the plan."),
            "statement.object",
        ),
        (
            Statement,
            "agitated for",
            F::Prep,
            &format!("{ruiz} agitated for a ceasefire."),
            "statement.prep",
        ),
        (
            Statement,
            "rebuttal",
            F::Noun,
            &format!("The rebuttal from {ruiz} came on Monday."),
            "statement.noun_from",
        ),
    ];
    for (kind, word, frame, text, rule) in cases {
        assert!(TriggerFrame::for_kind(kind).contains(&frame));
        assert!(only(&events_with(&[], text), kind).is_none(), "{text}");
        let events = events_with(&[trigger(kind, word, Some(frame))], text);
        let event = only(&events, kind).unwrap_or_else(|| panic!("{text}: {events:?}"));
        assert_eq!(
            (event.trigger.text.as_str(), event.rule.id()),
            (word, rule),
            "{text}"
        );
    }
    // The call verb's object is the second participant.
    let text = "President Ana Ruiz zoomed Prime Minister Tomas Berg on Monday.";
    let events = events_with(&[trigger(Call, "zoomed", Some(F::CallVerb))], text);
    let names: Vec<&str> = roles(&events[0]).iter().map(|r| r.1).collect();
    assert_eq!(names, ["Ana Ruiz", "Tomas Berg"]);
}

/// The search folds ASCII case only: a user's word with other capitals is
/// found as written, in lower case, capitalized and in capitals.
#[test]
fn words_with_capitals_outside_ascii_match() {
    let eclate = trigger(EventType::Attack, "Éclaté", None);
    for text in [
        "Rebels éclaté the pipeline near Mosul on Monday.",
        "REBELS ÉCLATÉ THE DEPOT NEAR MOSUL ON MONDAY, POLICE SAID.",
    ] {
        assert!(only(&events_with(&[], text), EventType::Attack).is_none());
        let events = events_with(std::slice::from_ref(&eclate), text);
        let attack = only(&events, EventType::Attack).unwrap_or_else(|| panic!("{events:?}"));
        assert!(attack.trigger.text.ends_with("CLATÉ") || attack.trigger.text == "éclaté");
        assert_eq!(roles(attack)[0].1.to_lowercase(), "rebels", "{text}");
    }
    let place = LexiconEntry::Place {
        name: "Élanville".into(),
        aliases: vec![],
        country: Some("FRA".into()),
    };
    let text = "Ana Ruiz arrived on Monday in Élanville.";
    let destination = |entries: &[LexiconEntry]| {
        let events = events_with(entries, text);
        let visit = only(&events, EventType::Visit)
            .map(roles)
            .unwrap_or_default();
        visit
            .into_iter()
            .find(|r| r.0 == "destination")
            .map(|r| (r.1.to_string(), r.2.map(str::to_string)))
    };
    assert_eq!(destination(&[]), Some(("Élanville".into(), None)));
    assert_eq!(
        destination(&[place]),
        Some(("Élanville".into(), Some("FRA".into())))
    );
}

#[test]
fn an_actor_is_a_party_with_its_codes() {
    let text = "The VLF attacked a police post near Lima on Monday.";
    assert!(only(&events_with(&[], text), EventType::Attack).is_none());
    let actor = LexiconEntry::Actor {
        name: "Velmoran Liberation Front".into(),
        aliases: vec!["VLF".into()],
        country: Some("PER".into()),
        sector: Some(Sector::ArmedGroup),
    };
    let events = events_with(&[actor], text);
    let attack = only(&events, EventType::Attack).unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(
        roles(attack)[0],
        ("attacker", "VLF", Some("PER"), Some(Sector::ArmedGroup))
    );
}

#[test]
fn a_place_gives_its_country() {
    let text = "Ana Ruiz arrived on Monday in Velmora.";
    let place = LexiconEntry::Place {
        name: "Velmora".into(),
        aliases: vec!["Velmora City".into()],
        country: Some("PER".into()),
    };
    for (entries, country) in [(vec![], None), (vec![place], Some("PER"))] {
        let events = events_with(&entries, text);
        let visit = only(&events, EventType::Visit).unwrap_or_else(|| panic!("{events:?}"));
        assert_eq!(roles(visit)[1], ("destination", "Velmora", country, None));
    }
}

/// A person is found by name with its codes, and later by surname, and by
/// its title ("the foreign minister") in a description.
#[test]
fn a_person_is_known_by_name_surname_and_title() {
    let text = "Amara Okonkwo arrived in Lima on Monday. Okonkwo said the talks went well. \
        The foreign minister visited Cusco on Tuesday.";
    let person = LexiconEntry::Person {
        name: "Amara Okonkwo".into(),
        aliases: vec![],
        country: Some("NGA".into()),
        sector: Some(Sector::Government),
        title: Some("Foreign Minister".into()),
    };
    let first_role = |entries: &[LexiconEntry]| -> Vec<(String, Option<String>, Option<String>)> {
        (events_with(entries, text).iter())
            .map(|e| {
                let m: &Mention = e.roles().next().unwrap().1;
                (m.text.clone(), m.canonical.clone(), m.country.clone())
            })
            .collect()
    };
    let (okonkwo, nga) = (Some("Amara Okonkwo".to_string()), Some("NGA".to_string()));
    let want_without = vec![
        ("Amara Okonkwo".to_string(), okonkwo.clone(), None),
        ("Okonkwo".to_string(), okonkwo.clone(), None),
        ("foreign minister".to_string(), None, None),
    ];
    assert_eq!(first_role(&[]), want_without);
    let want_with = vec![
        ("Amara Okonkwo".to_string(), okonkwo.clone(), nga.clone()),
        ("Okonkwo".to_string(), okonkwo.clone(), nga.clone()),
        ("Amara Okonkwo".to_string(), okonkwo.clone(), nga.clone()),
    ];
    assert_eq!(first_role(std::slice::from_ref(&person)), want_with);
    // After a title the document writes, the person keeps its own country.
    let text = "Foreign Minister Amara Okonkwo arrived in Lima on Monday.";
    let events = events_with(&[person], text);
    let visit = only(&events, EventType::Visit).unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(
        roles(visit)[0],
        (
            "visitor",
            "Amara Okonkwo",
            Some("NGA"),
            Some(Sector::Government)
        )
    );
}

#[test]
fn a_title_makes_a_person_of_the_name_after_it() {
    let text = "Chief Whip Dan Osei said the vote would fail.";
    let title = LexiconEntry::Title {
        name: "Chief Whip".into(),
        sector: Some(Sector::Opposition),
    };
    let speaker = |entries: &[LexiconEntry]| {
        let events = events_with(entries, text);
        let statement = only(&events, EventType::Statement).unwrap_or_else(|| panic!("{events:?}"));
        let (_, m) = statement.roles().next().unwrap();
        (m.text.clone(), m.sector)
    };
    assert_eq!(speaker(&[]), ("Whip Dan Osei".to_string(), None));
    assert_eq!(
        speaker(&[title]),
        ("Dan Osei".to_string(), Some(Sector::Opposition))
    );
}

#[test]
fn a_weapon_is_evidence_of_force() {
    let text = "Protesters struck the police with a catapult near Lima on Monday.";
    assert!(only(&events_with(&[], text), EventType::Attack).is_none());
    let weapon = LexiconEntry::Weapon {
        name: "catapult".into(),
    };
    let events = events_with(&[weapon], text);
    let attack = only(&events, EventType::Attack).unwrap_or_else(|| panic!("{events:?}"));
    assert!(
        roles(attack).contains(&("weapon", "catapult", None, None)),
        "{attack}"
    );
}

#[cfg(feature = "json")]
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

/// The JSON Lines form of every entry type parses to its typed entry.
#[cfg(feature = "json")]
#[test]
fn every_entry_type_reads_from_json_lines() {
    let text = r#"
# one of each type
{"type": "actor", "name": "Brigades of the North", "aliases": ["BotN"], "country": "IRQ", "sector": "armed_group"}
{"type": "place", "name": "Qurnat Hill", "country": "IRQ"}
{"type": "person", "name": "Amara Okonkwo", "country": "NGA", "sector": "government", "title": "Foreign Minister"}
{"type": "title", "name": "Field Marshal", "sector": "military"}
{"type": "weapon", "name": "loitering munition"}
{"type": "trigger", "kind": "visit", "word": "shuttled"}
{"type": "trigger", "kind": "call", "word": "zoomed", "frame": "call_verb"}
"#;
    let entries = LexiconEntry::parse_jsonl("all.jsonl", text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(entries.len(), 7);
    assert_eq!(
        entries[2],
        LexiconEntry::Person {
            name: "Amara Okonkwo".into(),
            aliases: vec![],
            country: Some("NGA".into()),
            sector: Some(Sector::Government),
            title: Some("Foreign Minister".into()),
        }
    );
    assert_eq!(entries[5], trigger(EventType::Visit, "shuttled", None));
    let call = trigger(EventType::Call, "zoomed", Some(TriggerFrame::CallVerb));
    assert_eq!(entries[6], call);
    // And back: the serde form is the file's.
    let json = serde_json::to_string(&call).unwrap();
    assert_eq!(
        json,
        r#"{"type":"trigger","kind":"call","word":"zoomed","frame":"call_verb"}"#
    );
}

#[cfg(feature = "json")]
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

/// Each bad entry, on line 2 of a text: its error names the text and the
/// line, says what is wrong and lists what would be right.
#[cfg(feature = "json")]
#[test]
fn bad_user_entries_are_errors_that_say_what_is_wrong() {
    let cases = [
        (
            r#"{"type": "trigger", "kind": "battle", "word": "x"}"#,
            "unknown variant `battle`, expected one of `attack`, `call`, `visit`, `statement`",
        ),
        (
            r#"{"type": "trigger", "kind": "visit", "word": "x", "frame": "say"}"#,
            "frame `say` does not suit a visit trigger; its frames are verb, noun, host",
        ),
        (
            r#"{"type": "trigger", "kind": "attack", "word": "x", "frame": "fly"}"#,
            "unknown variant `fly`, expected one of `verb`, `noun`",
        ),
        (
            r#"{"type": "actor", "name": "X", "sector": "army"}"#,
            "unknown variant `army`, expected one of `government`, `military`",
        ),
        (
            r#"{"type": "place", "name": "X", "country": "Iraq"}"#,
            "country \"Iraq\" is not an ISO 3166-1 alpha-3 code",
        ),
        (
            r#"{"type": "person", "name": "X", "country": "iq"}"#,
            "is not an ISO 3166-1 alpha-3 code",
        ),
        (r#"{"type": "weapon", "name": " "}"#, "empty name"),
        (r#"{"type": "person", "name": ""}"#, "empty name"),
        (
            r#"{"type": "actor", "name": "X", "aliases": [""]}"#,
            "empty name",
        ),
        (
            r#"{"type": "person", "name": "X", "title": " "}"#,
            "empty title",
        ),
        (r#"{"type": "ship", "name": "x"}"#, "unknown variant `ship`"),
        (r#"{"type": "title"}"#, "missing field `name`"),
        (
            r#"{"type": "place", "name": "X", "sector": "media"}"#,
            "unknown field `sector`",
        ),
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

/// An entry given in code is checked when the extractor is built.
#[test]
fn bad_entries_in_code_fail_the_build() {
    let visit_said = trigger(EventType::Visit, "said", Some(TriggerFrame::Say));
    let err = Extractor::builder().entry(visit_said).build().unwrap_err();
    assert!(
        err.to_string().contains("its frames are verb, noun, host"),
        "{err}"
    );
    let nowhere = LexiconEntry::Place {
        name: "Velmora".into(),
        aliases: vec![],
        country: Some("PE".into()),
    };
    assert!(Extractor::builder().entry(nowhere).build().is_err());
}

#[test]
fn each_kind_has_frames_and_defaults_to_its_most_common() {
    use EventType::*;
    let defaults = [Attack, Call, Visit, Statement].map(TriggerFrame::default_for);
    use TriggerFrame as F;
    assert_eq!(defaults, [F::Verb, F::Call, F::Verb, F::Say]);
    for kind in [Attack, Call, Visit, Statement] {
        assert_eq!(
            TriggerFrame::for_kind(kind)[0],
            TriggerFrame::default_for(kind)
        );
    }
    assert_eq!(F::CallVerb.to_string(), "call_verb");
}

#[test]
fn entries_can_be_shared_across_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<LexiconEntry>();
    send_sync::<TriggerFrame>();
}
