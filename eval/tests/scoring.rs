//! The scoring rules and the input checks, by hand: pairing, `"kinds"`,
//! dates and counts, and the errors for malformed gold and predictions.

use newsevents_eval::{Error, Gold, Kind, Report};
use std::collections::HashMap;
use std::path::PathBuf;

const TEXT: &str = "Rebels attacked the base. Rebels attacked the town. Nobody said a word.";

/// One document `d` holding [`TEXT`], with these gold records.
fn gold(events: &[&str]) -> Gold {
    let docs = r#"{"doc": "d", "path": "d.txt", "published": "2023-11-06"}"#;
    let texts = HashMap::from([("d".to_string(), TEXT.to_string())]);
    Gold::from_strs(docs, &events.join("\n"), texts).expect("valid gold")
}

fn score(gold: &Gold, predictions: &[&str]) -> Report {
    gold.score_jsonl(&predictions.join("\n"))
        .expect("valid predictions")
}

fn counts(report: &Report) -> (usize, usize, usize) {
    let m = &report.micro.scores;
    (m.true_positives, m.false_positives, m.false_negatives)
}

/// Pairing order: required gold first, then agreeing modality, then more
/// matching roles, then the nearer sentence start.
#[test]
fn greedy_pairing_order() {
    let gold = gold(&[
        r#"{"doc": "d", "kind": "attack", "anchor": "attacked the base", "modality": "hypothetical", "target": "the base"}"#,
        r#"{"doc": "d", "kind": "attack", "anchor": "attacked the town", "modality": "asserted", "target": "the town"}"#,
    ]);
    // One prediction covering both anchors goes to the required record;
    // the hypothetical record stays unpaired and costs nothing.
    let report = score(
        &gold,
        &[r#"{"doc": "d", "kind": "attack", "span": [0, 51], "target": "the base"}"#],
    );
    assert_eq!(counts(&report), (1, 0, 0));
    assert_eq!(
        report.micro.scores.role_f1, 0.0,
        "paired with the town: target mismatches"
    );
    // An asserted prediction paired with the hypothetical record is a false positive ...
    let report = score(
        &gold,
        &[
            r#"{"doc": "d", "kind": "attack", "span": [0, 25]}"#,
            r#"{"doc": "d", "kind": "attack", "span": {"start": 26, "end": 51}}"#,
        ],
    );
    assert_eq!(counts(&report), (1, 1, 0));
    assert_eq!(report.extras[0].reason, "matches a hypothetical gold");
    // ... and a hypothetical one counts for nothing.
    let report = score(
        &gold,
        &[r#"{"doc": "d", "kind": "attack", "span": [0, 25], "modality": "hypothetical"}"#],
    );
    assert_eq!(counts(&report), (0, 0, 1));
    assert_eq!(report.misses[0].anchor, "attacked the town");
    assert_eq!(report.misses[0].sentence, "Rebels attacked the town.");
    assert_eq!(
        report.misses[0].reason,
        "no prediction of this kind covers it"
    );
}

/// Two predictions cover one required record: the one with more matching
/// roles wins it, the other is an extra.
#[test]
fn more_matching_roles_win_the_pair() {
    let gold = gold(&[
        r#"{"doc": "d", "kind": "attack", "anchor": "attacked the town", "attacker": "Rebels", "target": "the town"}"#,
    ]);
    let report = score(
        &gold,
        &[
            r#"{"doc": "d", "kind": "attack", "span": [26, 51], "roles": {"attacker": {"text": "rebels"}}}"#,
            r#"{"doc": "d", "kind": "attack", "span": [0, 51], "attacker": "Rebels", "target": {"name": "town"}}"#,
        ],
    );
    assert_eq!(counts(&report), (1, 1, 0));
    let attack = report.kind(Kind::Attack);
    assert_eq!(
        (attack.role_matched, attack.role_gold, attack.role_predicted),
        (2, 2, 2)
    );
    assert_eq!(report.extras[0].text, "Rebels attacked the town.");
}

/// Dates match by value where the gold has one; counts as integers;
/// participants one by one; content by token overlap.
#[test]
fn dates_counts_participants_and_content() {
    let gold = gold(&[
        r#"{"doc": "d", "kind": "attack", "anchor": "attacked the base", "killed": 2, "date": "Sunday", "date_value": "2023-11-05"}"#,
        r#"{"doc": "d", "kind": "call", "anchor": "attacked the town", "participants": ["Rebels", "the town council"]}"#,
        r#"{"doc": "d", "kind": "statement", "anchor": "said a word", "speaker": "Nobody", "content": "a kind word"}"#,
    ]);
    let report = score(
        &gold,
        &[
            r#"{"doc": "d", "kind": "attack", "span": [0, 25], "killed": {"count": 2}, "date": {"text": "Monday", "value": "2023-11-05"}}"#,
            r#"{"doc": "d", "kind": "call", "span": [26, 51], "participants": ["town council", {"text": "rebels"}, "Nobody"]}"#,
            r#"{"doc": "d", "kind": "statement", "span": [52, 71], "speaker": "Nobody", "content": "word"}"#,
        ],
    );
    assert_eq!(counts(&report), (3, 0, 0));
    let roles = |k: Kind| {
        let s = report.kind(k);
        (s.role_matched, s.role_gold, s.role_predicted)
    };
    assert_eq!(
        roles(Kind::Attack),
        (2, 2, 2),
        "killed and the date's value"
    );
    assert_eq!(roles(Kind::Call), (2, 2, 3));
    assert_eq!(roles(Kind::Statement), (2, 2, 2), "content at token F1 2/3");
    assert_eq!(
        (report.micro.dates_matched, report.micro.dates_scored),
        (1, 1)
    );

    let report = score(
        &gold,
        &[r#"{"doc": "d", "kind": "attack", "span": [0, 25], "killed": 3, "date": "2023-11-05"}"#],
    );
    assert_eq!(
        roles_of(&report, Kind::Attack),
        (0, 2, 1),
        "a date without value"
    );
    assert_eq!(
        (report.micro.dates_matched, report.micro.dates_scored),
        (0, 1)
    );
}

fn roles_of(report: &Report, kind: Kind) -> (usize, usize, usize) {
    let s = report.kind(kind);
    (s.role_matched, s.role_gold, s.role_predicted)
}

/// A document whose docs.jsonl line lists "kinds" is scored for those kinds
/// only, in the order listed; a document without "kinds" for all four.
#[test]
fn doc_kinds_limit_what_is_scored() {
    let text = "Rebels attacked the base on Monday. The mayor said the town was calm.";
    let docs = concat!(
        "{\"doc\": \"limited\", \"path\": \"limited.txt\", \"kinds\": [\"visit\", \"attack\"]}\n",
        "{\"doc\": \"full\", \"path\": \"full.txt\", \"kinds\": null}\n",
    );
    let events = concat!(
        "{\"doc\": \"limited\", \"kind\": \"attack\", \"anchor\": \"attacked the base\", \"attacker\": \"Rebels\"}\n",
        "{\"doc\": \"limited\", \"kind\": \"statement\", \"anchor\": \"said the town was calm\"}\n",
        "{\"doc\": \"full\", \"kind\": \"attack\", \"anchor\": \"attacked the base\", \"attacker\": \"Rebels\"}\n",
    );
    let texts = HashMap::from([
        ("limited".to_string(), text.to_string()),
        ("full".to_string(), text.to_string()),
    ]);
    let gold = Gold::from_strs(docs, events, texts).expect("valid gold");
    let limited = gold.doc("limited").expect("doc");
    assert_eq!(limited.scored_kinds(), &[Kind::Visit, Kind::Attack]);
    assert!(limited.scores(Kind::Attack) && !limited.scores(Kind::Statement));
    assert_eq!(gold.doc("full").expect("doc").scored_kinds(), &Kind::ALL);

    let mut lines = Vec::new();
    for doc in ["limited", "full"] {
        lines.push(format!(
            "{{\"doc\": \"{doc}\", \"kind\": \"attack\", \"span\": [0, 35]}}"
        ));
        lines.push(format!(
            "{{\"doc\": \"{doc}\", \"kind\": \"statement\", \"span\": [36, 69]}}"
        ));
    }
    lines.push(r#"{"doc": "limited", "kind": "attack", "span": [36, 69]}"#.to_string());
    lines.push(r#"{"doc": "limited", "kind": "visit", "span": [36, 69]}"#.to_string());
    lines.push(r#"{"doc": "elsewhere", "kind": "visit", "span": [0, 1]}"#.to_string());
    let report = gold
        .score_jsonl(&lines.join("\n"))
        .expect("valid predictions");
    let kind_counts = |k: Kind| {
        let s = &report.kind(k).scores;
        (s.true_positives, s.false_positives, s.false_negatives)
    };
    assert_eq!(kind_counts(Kind::Attack), (2, 1, 0));
    assert_eq!(kind_counts(Kind::Visit), (0, 1, 0));
    // The statement of "limited" is not scored: neither a miss nor an extra.
    assert_eq!(kind_counts(Kind::Statement), (0, 1, 0));
    let extras: Vec<(&str, Kind)> = report
        .extras
        .iter()
        .map(|x| (x.doc.as_str(), x.kind))
        .collect();
    assert_eq!(
        extras,
        [
            ("limited", Kind::Visit),
            ("limited", Kind::Attack),
            ("full", Kind::Statement)
        ],
        "in each document's order of kinds"
    );
    assert_eq!((report.predictions, report.skipped), (6, 1));
}

fn gold_error(docs: &str, events: &str) -> (String, usize, String) {
    let texts = HashMap::from([("d".to_string(), TEXT.to_string())]);
    match Gold::from_strs(docs, events, texts) {
        Err(Error::Gold {
            source_name,
            line,
            message,
        }) => (source_name, line, message),
        other => panic!("expected a gold error, got {other:?}"),
    }
}

#[test]
fn gold_errors_name_file_and_line() {
    let docs = r#"{"doc": "d", "path": "d.txt"}"#;
    let event_error = |events: &str| gold_error(docs, events);
    let ok = r#"{"doc": "d", "kind": "attack", "anchor": "attacked"}"#;
    let (file, line, msg) = event_error(&format!(
        "{ok}\n\n{}",
        r#"{"doc": "d", "kind": "attack", "anchor": "bombed"}"#
    ));
    assert_eq!((file.as_str(), line), ("events.jsonl", 3));
    assert!(
        msg.contains("anchor not found") && msg.contains("bombed"),
        "{msg}"
    );
    let nth = r#"{"doc": "d", "kind": "attack", "anchor": "attacked", "anchor_nth": 2}"#;
    assert!(event_error(nth).2.contains("occurrence 2"));
    for (line, expected) in [
        ("{not json", "invalid JSON"),
        ("[1]", "JSON object"),
        (
            r#"{"doc": "e", "kind": "attack", "anchor": "x"}"#,
            "unknown doc",
        ),
        (
            r#"{"doc": "d", "kind": "meeting", "anchor": "the"}"#,
            "unknown kind",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "anchor": ""}"#,
            "anchor not found",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "anchor": "the", "killed": "two"}"#,
            "killed",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "anchor": "the", "modality": "likely"}"#,
            "modality",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "anchor": "the", "date_value": "5 Nov"}"#,
            "date_value",
        ),
        (
            r#"{"doc": "d", "kind": "call", "anchor": "the", "participants": "Rebels"}"#,
            "participants",
        ),
    ] {
        let msg = event_error(line).2;
        assert!(msg.contains(expected), "{line}: {msg}");
    }

    let doc_error = |docs: &str| gold_error(docs, "");
    assert_eq!(doc_error(r#"{"doc": "x", "path": "x.txt"}"#).1, 1);
    assert!(
        doc_error(r#"{"doc": "d", "path": "d.txt", "published": "06/11/2023"}"#)
            .2
            .contains("published")
    );
    let (file, line, msg) = doc_error(&format!("{docs}\n{docs}"));
    assert_eq!((file.as_str(), line), ("docs.jsonl", 2));
    assert!(msg.contains("duplicate"), "{msg}");
    for (kinds, expected) in [
        (r#"["attack", "meeting"]"#, "unknown kind \"meeting\""),
        (r#"["Attack"]"#, "unknown kind"),
        ("[]", "non-empty"),
        (r#""attack""#, "kinds must be"),
        (r#"["attack", 3]"#, "kinds must list"),
        (r#"["call", "call"]"#, "twice"),
    ] {
        let msg = doc_error(&format!(
            r#"{{"doc": "d", "path": "d.txt", "kinds": {kinds}}}"#
        ))
        .2;
        assert!(msg.contains(expected), "{kinds}: {msg}");
    }
}

/// A folder in the temp dir, removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn files_are_named_in_errors() {
    let tmp = TempDir(std::env::temp_dir().join(format!("newsevents-eval-{}", std::process::id())));
    std::fs::create_dir_all(tmp.0.join("sub")).expect("temp dir");
    std::fs::write(
        tmp.0.join("docs.jsonl"),
        "{\"doc\": \"d\", \"path\": \"sub/../d.txt\"}\n",
    )
    .expect("written");
    std::fs::write(tmp.0.join("events.jsonl"), "").expect("written");
    match Gold::load(&tmp.0) {
        Err(Error::Io { path, .. }) => assert!(path.ends_with("d.txt"), "{path}"),
        other => panic!("{other:?}"),
    }
    std::fs::write(tmp.0.join("d.txt"), TEXT).expect("written");
    std::fs::write(
        tmp.0.join("events.jsonl"),
        "{\"doc\": \"d\", \"kind\": \"attack\", \"anchor\": \"attacked the town\"}\n",
    )
    .expect("written");
    let gold = Gold::load(&tmp.0).expect("valid gold");
    assert_eq!(gold.records()[0].start, 33);

    let predictions = tmp.0.join("pred.jsonl");
    std::fs::write(
        &predictions,
        "{\"doc\": \"d\", \"kind\": \"attack\", \"span\": [26, 51]}\n\n[]\n",
    )
    .expect("written");
    match gold.score_file(&predictions) {
        Err(Error::Prediction {
            source_name, line, ..
        }) => assert_eq!((source_name, line), (predictions.display().to_string(), 3)),
        other => panic!("{other:?}"),
    }
    match gold.score_file(&tmp.0.join("missing.jsonl")) {
        Err(e @ Error::Io { .. }) => assert!(e.to_string().contains("missing.jsonl"), "{e}"),
        other => panic!("{other:?}"),
    }
}

/// A prediction line outside the documented format is an error naming the
/// line and what is wrong, never a silently dropped line.
#[test]
fn malformed_predictions_are_errors() {
    let gold = gold(&[r#"{"doc": "d", "kind": "attack", "anchor": "attacked the town"}"#]);
    let error = |line: &str| match gold.score_jsonl(&format!("\n{line}")) {
        Err(Error::Prediction {
            source_name,
            line,
            message,
        }) => {
            assert_eq!((source_name.as_str(), line), ("predictions", 2));
            message
        }
        other => panic!("{line}: expected an error, got {other:?}"),
    };
    for (line, expected) in [
        ("not json", "invalid JSON"),
        ("[1, 2]", "JSON object"),
        (r#"{"kind": "attack", "span": [0, 5]}"#, "missing \"doc\""),
        (
            r#"{"doc": 7, "kind": "attack", "span": [0, 5]}"#,
            "doc must be a string",
        ),
        (r#"{"doc": "d", "span": [0, 5]}"#, "missing \"kind\""),
        (
            r#"{"doc": "d", "kind": "meeting", "span": [0, 5]}"#,
            "\"meeting\"",
        ),
        (r#"{"doc": "d", "kind": "attack"}"#, "sentence span"),
        (
            r#"{"doc": "d", "kind": "attack", "span": ["0", "5"]}"#,
            "span must be",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [-1, 5]}"#,
            "span must be",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0.5, 5]}"#,
            "span must be",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [9, 5]}"#,
            "does not fit",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0, 500]}"#,
            "does not fit",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0, 5], "modality": "maybe"}"#,
            "modality",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0, 5], "modality": ""}"#,
            "modality",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0, 5], "target": 3}"#,
            "target",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0, 5], "target": {"text": 3}}"#,
            "target",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0, 5], "killed": "two"}"#,
            "killed",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0, 5], "killed": 2.0}"#,
            "killed",
        ),
        (
            r#"{"doc": "d", "kind": "attack", "span": [0, 5], "roles": []}"#,
            "roles",
        ),
        (
            r#"{"doc": "d", "kind": "call", "span": [0, 5], "participants": "Rebels"}"#,
            "list",
        ),
        (
            r#"{"doc": "d", "kind": "call", "span": [0, 5], "date": {"value": "Sunday"}}"#,
            "date",
        ),
    ] {
        let message = error(line);
        assert!(message.contains(expected), "{line}: {message}");
    }
    // Absent values in any documented shape are no values, not errors.
    let report = score(
        &gold,
        &[
            r#"{"doc": "d", "kind": "attack", "span": [26, 51], "modality": null, "target": null, "weapon": "", "location": {"text": ""}, "killed": {"count": null}, "date": {"text": "then", "value": null}, "quote": 5, "rule": "x"}"#,
        ],
    );
    assert_eq!(counts(&report), (1, 0, 0));
    assert_eq!(
        roles_of(&report, Kind::Attack),
        (0, 0, 1),
        "only the date's text"
    );
}
