//! `newsevents::eval` against the reference scorer `score.py`.
//!
//! Prediction sets for the seeds gold (the extractor's output, gold turned
//! into predictions, and randomly damaged versions of those) are written to
//! JSONL, scored by `python3 score.py GOLD PRED --json --verbose` and by the
//! crate, and every figure must agree. When python3 or score.py is missing,
//! the comparisons are skipped with a note; the hand-written checks still run.

use newsevents::eval::{self, fold, str_match, token_f1, tokens, Gold, Kind, Report};
use newsevents::{
    Attack, Call, Document, Event, EventDate, EventKind, Extractor, Mention, Span, Statement, Visit,
};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seeds_gold_dir() -> PathBuf {
    manifest().join("tests/data/gold/seeds")
}

/// The reference scorer, or `None` (with a note) when it cannot be run.
fn score_py() -> Option<PathBuf> {
    let path = manifest().join("../shared/tools/score.py");
    if !path.is_file() {
        eprintln!(
            "note: {} not found; skipping the score.py comparison",
            path.display()
        );
        return None;
    }
    let python = Command::new("python3").arg("--version").output();
    if !python.is_ok_and(|o| o.status.success()) {
        eprintln!("note: python3 not available; skipping the score.py comparison");
        return None;
    }
    Some(path)
}

/// A file in the temp dir, removed when dropped.
struct TempPath(PathBuf);

impl TempPath {
    fn new(name: &str) -> TempPath {
        TempPath(
            std::env::temp_dir().join(format!("newsevents-eval-{}-{name}", std::process::id())),
        )
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run_python(script: &Path, args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Scores `jsonl` with both scorers and asserts every figure agrees.
fn assert_agrees(name: &str, gold_dir: &Path, gold: &Gold, jsonl: &str) -> Report {
    let report = gold.score_jsonl(jsonl);
    let Some(script) = score_py() else {
        return report;
    };
    let pred = TempPath::new(&format!("{name}.jsonl"));
    std::fs::write(&pred.0, jsonl).unwrap();
    let (g, p) = (gold_dir.to_str().unwrap(), pred.0.to_str().unwrap());
    let py: Value =
        serde_json::from_str(&run_python(&script, &[g, p, "--json", "--verbose"])).unwrap();

    let close = |what: &str, ours: f64, theirs: &Value| {
        let theirs = theirs
            .as_f64()
            .unwrap_or_else(|| panic!("{name}: {what} missing"));
        assert!(
            (eval::round3(ours) - theirs).abs() < 1e-9,
            "{name}: {what}: ours {ours} (rounded {}), score.py {theirs}",
            eval::round3(ours)
        );
    };
    let int = |what: &str, ours: usize, theirs: &Value| {
        assert_eq!(Some(ours as u64), theirs.as_u64(), "{name}: {what}");
    };
    for k in Kind::ALL {
        let (ours, theirs) = (report.kind(k), &py["kinds"][k.as_str()]);
        int(&format!("{k} tp"), ours.tp, &theirs["tp"]);
        int(&format!("{k} fp"), ours.fp, &theirs["fp"]);
        int(&format!("{k} fn"), ours.fn_, &theirs["fn"]);
        close(
            &format!("{k} precision"),
            ours.precision,
            &theirs["precision"],
        );
        close(&format!("{k} recall"), ours.recall, &theirs["recall"]);
        close(&format!("{k} f1"), ours.f1, &theirs["f1"]);
        close(&format!("{k} role_f1"), ours.role_f1, &theirs["role_f1"]);
    }
    let (m, pm) = (&report.micro, &py["micro"]);
    int("micro tp", m.tp, &pm["tp"]);
    int("micro fp", m.fp, &pm["fp"]);
    int("micro fn", m.fn_, &pm["fn"]);
    close("micro precision", m.precision, &pm["precision"]);
    close("micro recall", m.recall, &pm["recall"]);
    close("micro f1", m.f1, &pm["f1"]);
    close("micro role_f1", m.role_f1, &pm["role_f1"]);
    close("modality_acc", m.modality_acc, &pm["modality_acc"]);
    close("date_acc", m.date_acc, &pm["date_acc"]);
    int("dates_scored", m.dates_scored, &pm["dates_scored"]);
    int("predictions", report.predictions, &py["predictions"]);
    int("bad_lines", report.bad_lines, &py["bad_lines"]);

    let misses: Vec<Value> = report
        .misses
        .iter()
        .map(|x| json!([x.doc, x.kind.as_str(), x.anchor]))
        .collect();
    same_list(name, "misses", &misses, &py["misses"]);
    let extras: Vec<Value> = report
        .extras
        .iter()
        .map(|x| json!([x.doc, x.kind.as_str(), x.reason, x.text]))
        .collect();
    same_list(name, "extras", &extras, &py["extras"]);

    // The table itself, character for character.
    assert_eq!(
        report.to_string(),
        run_python(&script, &[g, p]),
        "{name}: table"
    );
    report
}

/// Asserts two lists are equal, showing only the first difference.
fn same_list(name: &str, what: &str, ours: &[Value], theirs: &Value) {
    let theirs = theirs.as_array().map(Vec::as_slice).unwrap_or_default();
    if let Some(i) = (0..ours.len().max(theirs.len())).find(|&i| ours.get(i) != theirs.get(i)) {
        panic!(
            "{name}: {what} differ at {i} (ours {} items, score.py {}):\n ours: {:?}\n score.py: {:?}",
            ours.len(),
            theirs.len(),
            ours.get(i),
            theirs.get(i)
        );
    }
}

// Building prediction sets

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The sentence holding `start..end`, as byte offsets: from the last
/// '.', '!', '?' or newline before `start` to the next one after `end`.
fn sentence_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let marks = ['.', '!', '?', '\n'];
    let from = text[..start].rfind(marks).map_or(0, |i| i + 1);
    let to = text[end..].find(marks).map_or(text.len(), |i| end + i + 1);
    (from, to)
}

/// Gold records as raw JSON (with their anchor offsets), for building predictions.
struct GoldLine {
    raw: Map<String, Value>,
    start: usize,
    end: usize,
}

fn gold_lines(gold: &Gold, events_jsonl: &str) -> Vec<GoldLine> {
    let raws: Vec<Map<String, Value>> = events_jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(raws.len(), gold.records().len());
    raws.into_iter()
        .zip(gold.records())
        .map(|(raw, r)| GoldLine {
            raw,
            start: r.start,
            end: r.start + r.anchor.len(),
        })
        .collect()
}

fn to_jsonl(lines: &[Value]) -> String {
    lines.iter().map(|v| format!("{v}\n")).collect()
}

/// Every gold record as a prediction with its own modality and all roles.
fn perfect(gold: &Gold, lines: &[GoldLine]) -> String {
    let mut out = Vec::new();
    for g in lines {
        let doc = g.raw["doc"].as_str().unwrap();
        let text = &gold.doc(doc).unwrap().text;
        let (s, e) = sentence_span(text, g.start, g.end);
        let mut p = g.raw.clone();
        p.remove("anchor");
        p.remove("optional");
        p.insert("sentence_span".into(), json!([s, e]));
        if let Some(dv) = g.raw.get("date_value") {
            let date_text = g.raw.get("date").cloned().unwrap_or(json!("then"));
            p.insert("date".into(), json!({"text": date_text, "value": dv}));
        }
        out.push(Value::Object(p));
    }
    to_jsonl(&out)
}

const KINDS: [&str; 4] = ["attack", "call", "visit", "statement"];
const MODALITIES: [&str; 4] = ["asserted", "planned", "hypothetical", "negated"];

/// A role value written in one of the shapes score.py accepts, possibly altered.
fn role_value(rng: &mut Rng, role: &str, v: &Value, others: &[String]) -> Value {
    if role == "killed" || role == "injured" {
        let n = v.as_i64().unwrap_or(0);
        return match rng.below(7) {
            0 => json!(n),
            1 => json!({"count": n}),
            2 => json!(n + 1),
            3 => json!(n.to_string()),
            4 => json!(n as f64),
            5 => json!({"value": n, "count": "x"}),
            _ => json!(true),
        };
    }
    if role == "participants" {
        let items: Vec<Value> = v
            .as_array()
            .map(|a| a.to_vec())
            .unwrap_or_default()
            .into_iter()
            .map(|x| {
                let x = x.as_str().unwrap_or_default().to_string();
                let x = alter_text(rng, &x, others);
                match rng.below(4) {
                    0 => json!({"text": x, "span": [0, 1]}),
                    1 => json!({"name": x}),
                    2 if rng.chance(20) => json!(0),
                    _ => json!(x),
                }
            })
            .collect();
        let mut items = items;
        if rng.chance(30) {
            items.reverse();
        }
        if rng.chance(20) {
            items.pop();
        }
        if rng.chance(10) {
            return json!("not a list");
        }
        return Value::Array(items);
    }
    let text = alter_text(rng, v.as_str().unwrap_or_default(), others);
    match rng.below(12) {
        0..=3 => json!({"text": text, "span": [1, 2]}),
        4..=6 => json!(text),
        7 => json!({"name": text}),
        8 => json!({"text": "", "canonical": text}),
        9 => json!({"value": text}),
        10 => json!(rng.below(3)),
        _ => json!([text]),
    }
}

/// Damages a role string in ways that sit on both sides of the match rules.
fn alter_text(rng: &mut Rng, s: &str, others: &[String]) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    match rng.below(16) {
        0 => rng.pick(others).clone(),
        1 => s.chars().take(2).collect(),
        2 => s.chars().take(3).collect(),
        3 => s.to_uppercase(),
        4 => format!("The  {s}"),
        5 => format!("{s}, "),
        6 => s.replace('\u{2019}', "'").replace('-', "\u{2013}"),
        7 => s.replace('\'', "\u{2018}").replace(' ', "\u{a0}"),
        8 => words[..words.len().div_ceil(2)].join(" "),
        9 => words[..words.len() / 3].join(" "),
        10 => format!("{s} and much more besides this"),
        11 => words.iter().rev().copied().collect::<Vec<_>>().join(" "),
        12 => format!("an {s}"),
        _ => s.to_string(),
    }
}

/// The gold turned into predictions and damaged at random: records dropped,
/// duplicated or moved, kinds and modalities changed, roles altered, spans
/// and documents written in every accepted shape, extra and unusable lines.
fn damaged(gold: &Gold, lines: &[GoldLine], seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let others: Vec<String> = lines
        .iter()
        .flat_map(|g| g.raw.values())
        .filter_map(|v| v.as_str())
        .filter(|s| s.len() > 3)
        .map(str::to_string)
        .collect();
    let doc_ids: Vec<String> = gold.docs().iter().map(|d| d.id.clone()).collect();
    let mut out: Vec<Value> = Vec::new();
    for g in lines {
        if rng.chance(15) {
            continue;
        }
        let doc = g.raw["doc"].as_str().unwrap();
        let text = &gold.doc(doc).unwrap().text;
        let (mut s, mut e) = sentence_span(text, g.start, g.end);
        match rng.below(10) {
            0 => (s, e) = (g.start, g.start + 1),
            1 => (s, e) = (g.start + 1, e.max(g.start + 2)),
            2 => (s, e) = (0, text.len()),
            3 => s = s.saturating_sub(rng.below(40)),
            _ => {}
        }
        let kind = if rng.chance(10) {
            rng.pick(&KINDS).to_string()
        } else {
            g.raw["kind"].as_str().unwrap().to_string()
        };
        let mut p = Map::new();
        match rng.below(10) {
            0 => p.insert("doc_id".into(), json!(format!("corpus/dir/{doc}.txt"))),
            1 => p.insert("document".into(), json!(doc)),
            2 => p.insert("source".into(), json!({"doc": doc})),
            3 => {
                p.insert("doc".into(), json!(""));
                p.insert("source".into(), json!({"doc": format!("{doc}.txt")}))
            }
            _ => p.insert("doc".into(), json!(doc)),
        };
        p.insert("kind".into(), json!(kind));
        let span_key = *rng.pick(&["sentence_span", "sentence", "span", "evidence"]);
        let span = match rng.below(8) {
            0 => json!({"start": s, "end": e}),
            1 => json!({"span": [s, e]}),
            2 => json!([s.to_string(), format!(" {e}")]),
            3 => json!([s as f64 + 0.7, e as f64]),
            _ => json!([s, e]),
        };
        p.insert(span_key.into(), span);
        let gold_mod = g.raw.get("modality").cloned().unwrap_or(json!("asserted"));
        match rng.below(12) {
            0 => {}
            1 => {
                p.insert("modality".into(), Value::Null);
            }
            2 => {
                p.insert("modality".into(), json!(""));
            }
            3 | 4 => {
                p.insert("modality".into(), json!(rng.pick(&MODALITIES)));
            }
            5 => {
                p.insert("modality".into(), json!("maybe"));
            }
            _ => {
                p.insert("modality".into(), gold_mod);
            }
        }
        let under_roles = rng.chance(25);
        let mut roles = Map::new();
        for (key, v) in &g.raw {
            if matches!(
                key.as_str(),
                "doc" | "kind" | "anchor" | "modality" | "optional" | "date_value" | "anchor_nth"
            ) || rng.chance(15)
            {
                continue;
            }
            let value = if key == "quote" {
                v.clone()
            } else if key == "content" {
                let words: Vec<&str> = v.as_str().unwrap_or_default().split(' ').collect();
                let keep = rng.below(words.len() + 1);
                match rng.below(3) {
                    0 => json!(words[..keep].join(" ")),
                    1 => {
                        json!({"text": format!("{} {}", words[keep..].join(" "), "extra words here")})
                    }
                    _ => role_value(&mut rng, key, v, &others),
                }
            } else if key == "date" {
                let value = match rng.below(4) {
                    0 => json!(null),
                    1 => g
                        .raw
                        .get("date_value")
                        .cloned()
                        .unwrap_or(json!("2023-11-05")),
                    2 => json!("2023-11-05T08:00:00"),
                    _ => json!("2023-11-04"),
                };
                json!({"text": alter_text(&mut rng, v.as_str().unwrap_or_default(), &others), "span": [0, 1], "value": value})
            } else {
                role_value(&mut rng, key, v, &others)
            };
            let key = if key == "participants" && rng.chance(20) {
                "parties".to_string()
            } else {
                key.clone()
            };
            roles.insert(key, value);
        }
        if g.raw.contains_key("date_value") && !g.raw.contains_key("date") && rng.chance(50) {
            roles.insert(
                "date".into(),
                json!({"text": "x", "value": g.raw["date_value"]}),
            );
        }
        if under_roles {
            p.insert("roles".into(), Value::Object(roles));
        } else {
            p.extend(roles);
        }
        let p = Value::Object(p);
        if rng.chance(10) {
            let mut twin = p.clone();
            twin["modality"] = json!(rng.pick(&MODALITIES));
            out.push(twin);
        }
        out.push(p);
    }
    // Predictions with no gold, some at odd byte offsets (mid-character).
    for _ in 0..rng.below(25) {
        let doc = rng.pick(&doc_ids);
        let len = gold.doc(doc).unwrap().text.len();
        let s = rng.below(len);
        let e = s + rng.below(300);
        out.push(
            json!({"doc": doc, "kind": rng.pick(&KINDS), "modality": rng.pick(&MODALITIES),
                        "sentence_span": [s, e], "speaker": "someone"}),
        );
    }
    // Negative spans slice from the end in Python.
    out.push(json!({"doc": doc_ids[0], "kind": "attack", "span": [-60, -1]}));
    // Shuffle, so pairing does not depend on file order matching gold order.
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    let mut jsonl = to_jsonl(&out);
    // Unusable lines, and lines score.py reads but ignores.
    jsonl.push_str("not json\n\n   \n{\"kind\": \"attack\", \"span\": [0, 5]}\n");
    jsonl.push_str(&format!(
        "{{\"doc\": \"{}\", \"kind\": \"meeting\", \"span\": [0, 5]}}\n",
        doc_ids[1]
    ));
    jsonl.push_str(&format!(
        "{{\"doc\": \"{}\", \"kind\": \"call\"}}\n",
        doc_ids[2]
    ));
    jsonl.push_str(&format!(
        "{{\"doc\": \"{}\", \"kind\": 5, \"span\": [0, 5]}}\n",
        doc_ids[2]
    ));
    jsonl.push_str("{\"doc\": \"no_such_doc\", \"kind\": \"call\", \"span\": [0, 5]}\r\n");
    jsonl.push_str("{\"doc\": 0, \"document\": null, \"kind\": \"call\", \"span\": [0, 5]}\n");
    jsonl
}

/// Typed events built from the gold, as the extractor would return them.
fn typed_events(gold: &Gold) -> Vec<(String, Event)> {
    let mut out = Vec::new();
    for r in gold.records() {
        let text = &gold.doc(&r.doc).unwrap().text;
        let (s, e) = sentence_span(text, r.start, r.start + r.anchor.len());
        let anchor = Span::new(r.start, r.start + r.anchor.len());
        let mention = |role: &str| match r.roles.get(role) {
            Some(eval::GoldValue::Text(t)) => Some(Mention {
                text: t.clone(),
                ..Mention::from_span(text, anchor)
            }),
            _ => None,
        };
        let count = |role: &str| match r.roles.get(role) {
            Some(eval::GoldValue::Count(n)) => Some(*n as u32),
            _ => None,
        };
        let kind = match r.kind {
            Kind::Attack => EventKind::Attack(Attack {
                attacker: mention("attacker"),
                target: mention("target"),
                location: mention("location"),
                weapon: mention("weapon"),
                killed: count("killed"),
                injured: count("injured"),
            }),
            Kind::Call => EventKind::Call(Call {
                participants: match r.roles.get("participants") {
                    Some(eval::GoldValue::List(l)) => l
                        .iter()
                        .map(|t| Mention {
                            text: t.clone(),
                            ..Mention::from_span(text, anchor)
                        })
                        .collect(),
                    _ => Vec::new(),
                },
            }),
            Kind::Visit => EventKind::Visit(Visit {
                visitor: mention("visitor"),
                destination: mention("destination"),
                host: mention("host"),
            }),
            Kind::Statement => EventKind::Statement(Statement {
                speaker: mention("speaker"),
                content: mention("content"),
                quote: false,
            }),
        };
        // Gold with a date_value but no date text still gets a dated prediction.
        let date_text = mention("date")
            .map(|m| m.text)
            .or(r.date_value.as_ref().map(|_| "then".to_string()));
        let date = date_text.map(|text| EventDate {
            text,
            span: anchor,
            value: r
                .date_value
                .as_deref()
                .and_then(|v| newsevents::parse_date(v).ok()),
            range: None,
        });
        out.push((
            r.doc.clone(),
            Event {
                kind,
                modality: r.modality,
                trigger: Mention::from_span(text, anchor),
                sentence: Span::new(s, e),
                date,
                rule: "test.from_gold".to_string(),
            },
        ));
    }
    out
}

/// The seeds gold with publication dates, `date_value`s and more counts, in
/// a temp folder (the seeds have no dates and one count).
fn dated_gold(dir: &TempPath) -> (Gold, String) {
    std::fs::create_dir_all(&dir.0).unwrap();
    let seeds = seeds_gold_dir();
    let mut docs = String::new();
    for line in std::fs::read_to_string(seeds.join("docs.jsonl"))
        .unwrap()
        .lines()
    {
        let mut d: Map<String, Value> = serde_json::from_str(line).unwrap();
        let path = seeds.join(d["path"].as_str().unwrap());
        d.insert("path".into(), json!(path.to_str().unwrap()));
        d.insert("published".into(), json!("2023-11-06"));
        docs.push_str(&format!("{}\n", Value::Object(d)));
    }
    let mut events = String::new();
    for (i, line) in std::fs::read_to_string(seeds.join("events.jsonl"))
        .unwrap()
        .lines()
        .enumerate()
    {
        let mut g: Map<String, Value> = serde_json::from_str(line).unwrap();
        // Counts too: the seeds state only one.
        if g["kind"] == "attack" && i % 3 == 0 {
            g.insert("killed".into(), json!(i % 4));
            if i % 2 == 0 {
                g.insert("injured".into(), json!(1));
            }
        }
        if g.contains_key("date") || i % 7 == 0 {
            g.insert(
                "date_value".into(),
                json!(format!("2023-11-0{}", 1 + i % 5)),
            );
        }
        events.push_str(&format!("{}\n", Value::Object(g)));
    }
    std::fs::write(dir.0.join("docs.jsonl"), docs).unwrap();
    std::fs::write(dir.0.join("events.jsonl"), &events).unwrap();
    (Gold::load(&dir.0).unwrap(), events)
}

/// The extractor's events on the gold's texts, scored by score.py (as JSON
/// lines) and by the crate (as typed events): the two reports must agree.
fn extractor_agrees(name: &str, dir: &Path, gold: &Gold) -> Report {
    let extractor = Extractor::new();
    let mut events = Vec::new();
    for d in gold.docs() {
        let doc = Document::new(d.id.as_str(), &d.text).with_published(d.published);
        events.extend(
            extractor
                .extract(&doc)
                .into_iter()
                .map(|e| (d.id.clone(), e)),
        );
    }
    let typed = gold.score_events(events.iter().map(|(d, e)| (d.as_str(), e)));
    let lines: Vec<Value> = events
        .iter()
        .map(|(d, e)| eval::prediction_json(d, e))
        .collect();
    let report = assert_agrees(name, dir, gold, &to_jsonl(&lines));
    assert_eq!(typed, report);
    report
}

// The comparisons

#[test]
fn extractor_output_agrees() {
    let dir = seeds_gold_dir();
    let gold = Gold::load(&dir).unwrap();
    let report = extractor_agrees("extractor", &dir, &gold);
    // Nothing is lost: every required record is a tp or a miss.
    let required = gold.records().iter().filter(|r| r.counted()).count();
    assert_eq!(report.micro.tp + report.micro.fn_, required);
}

#[test]
fn typed_events_from_gold_agree() {
    let dir = seeds_gold_dir();
    let gold = Gold::load(&dir).unwrap();
    let events = typed_events(&gold);
    let typed = gold.score_events(events.iter().map(|(d, e)| (d.as_str(), e)));
    let lines: Vec<Value> = events
        .iter()
        .map(|(d, e)| eval::prediction_json(d, e))
        .collect();
    let report = assert_agrees("typed", &dir, &gold, &to_jsonl(&lines));
    assert_eq!(typed, report);
    assert_eq!(report.micro.fn_, 0, "every required record is found");
    assert_eq!(report.micro.tp, 95);
    // Predictions paired with hypothetical/negated gold keep their modality: no fp.
    assert_eq!(report.micro.fp, 0);
    assert_eq!(report.micro.role_f1, 1.0);
    assert_eq!(report.micro.modality_acc, 1.0);
}

#[test]
fn perfect_predictions_agree() {
    let dir = seeds_gold_dir();
    let gold = Gold::load(&dir).unwrap();
    let events = std::fs::read_to_string(dir.join("events.jsonl")).unwrap();
    let lines = gold_lines(&gold, &events);
    let report = assert_agrees("perfect", &dir, &gold, &perfect(&gold, &lines));
    assert_eq!(
        (report.micro.tp, report.micro.fp, report.micro.fn_),
        (95, 0, 0)
    );
    assert_eq!(report.micro.f1, 1.0);
    assert_eq!(report.micro.role_f1, 1.0);
    assert_eq!(report.predictions, 132);
    assert_eq!(report.bad_lines, 0);
    // The JSON report keeps score.py's keys.
    let v = serde_json::to_value(&report).unwrap();
    assert_eq!(v["kinds"]["statement"]["tp"], json!(47));
    assert_eq!(v["kinds"]["attack"]["fn"], json!(0));
    assert_eq!(v["micro"]["dates_scored"], json!(0));
    assert!(v["misses"].as_array().unwrap().is_empty());
}

#[test]
fn damaged_predictions_agree() {
    let dir = seeds_gold_dir();
    let gold = Gold::load(&dir).unwrap();
    let events = std::fs::read_to_string(dir.join("events.jsonl")).unwrap();
    let lines = gold_lines(&gold, &events);
    let mut seen_fp_on_hypothetical = false;
    for seed in 1..=12 {
        let jsonl = damaged(&gold, &lines, seed);
        let report = assert_agrees(&format!("damaged-{seed}"), &dir, &gold, &jsonl);
        assert!(report.bad_lines >= 4, "seed {seed}: unusable lines counted");
        assert!(report.micro.tp > 0 && report.micro.fn_ > 0 && report.micro.fp > 0);
        seen_fp_on_hypothetical |= report.extras.iter().any(|x| x.reason != "no gold");
    }
    assert!(
        seen_fp_on_hypothetical,
        "the sets exercise hypothetical/negated gold"
    );
}

#[test]
fn dated_gold_agrees() {
    let tmp = TempPath::new("dated-gold");
    let (gold, events) = dated_gold(&tmp);
    assert!(gold.docs().iter().all(|d| d.published.is_some()));
    let lines = gold_lines(&gold, &events);
    let report = assert_agrees("dated-perfect", &tmp.0, &gold, &perfect(&gold, &lines));
    assert!(report.micro.dates_scored > 10);
    assert_eq!(report.micro.date_acc, 1.0);
    for seed in 100..=105 {
        let report = assert_agrees(
            &format!("dated-{seed}"),
            &tmp.0,
            &gold,
            &damaged(&gold, &lines, seed),
        );
        assert!(report.micro.date_acc < 1.0 && report.micro.dates_scored > 0);
    }
    let events = typed_events(&gold);
    let lines: Vec<Value> = events
        .iter()
        .map(|(d, e)| eval::prediction_json(d, e))
        .collect();
    let report = assert_agrees("dated-typed", &tmp.0, &gold, &to_jsonl(&lines));
    assert_eq!(report.micro.date_acc, 1.0);
}

/// Pairing order: required gold first, then agreeing modality, then more
/// matching roles, then the nearer sentence start.
#[test]
fn greedy_pairing_order() {
    let text = "Rebels attacked the base. Rebels attacked the town. Nobody said a word.";
    let docs = r#"{"doc": "d", "path": "d.txt"}"#;
    let events = [
        r#"{"doc": "d", "kind": "attack", "anchor": "attacked the base", "modality": "hypothetical", "target": "the base"}"#,
        r#"{"doc": "d", "kind": "attack", "anchor": "attacked the town", "modality": "asserted", "target": "the town"}"#,
    ]
    .join("\n");
    let gold = Gold::from_strs(docs, &events, HashMap::from([("d".into(), text.into())])).unwrap();
    // One prediction covering both anchors goes to the required record;
    // the hypothetical record stays unpaired and costs nothing.
    let report = gold
        .score_jsonl(r#"{"doc": "d", "kind": "attack", "span": [0, 51], "target": "the base"}"#);
    assert_eq!(
        (report.micro.tp, report.micro.fp, report.micro.fn_),
        (1, 0, 0)
    );
    assert_eq!(
        report.micro.role_f1, 0.0,
        "paired with the town, so target mismatches"
    );
    // An asserted prediction paired with the hypothetical record is a false positive.
    let report = gold.score_jsonl(
        "{\"doc\": \"d\", \"kind\": \"attack\", \"span\": [0, 25]}\n{\"doc\": \"d\", \"kind\": \"attack\", \"span\": [26, 51]}",
    );
    assert_eq!(
        (report.micro.tp, report.micro.fp, report.micro.fn_),
        (1, 1, 0)
    );
    assert_eq!(report.extras[0].reason, "matches a hypothetical gold");
    // ... and a hypothetical one counts for nothing.
    let report = gold.score_jsonl(
        "{\"doc\": \"d\", \"kind\": \"attack\", \"span\": [0, 25], \"modality\": \"hypothetical\"}",
    );
    assert_eq!(
        (report.micro.tp, report.micro.fp, report.micro.fn_),
        (0, 0, 1)
    );
    assert_eq!(report.misses[0].anchor, "attacked the town");
    assert_eq!(report.misses[0].sentence, "Rebels attacked the town.");
}

/// A document whose docs.jsonl line lists "kinds" is scored for those kinds
/// only, in the order listed; a document without "kinds" for all four.
#[test]
fn doc_kinds_limit_what_is_scored() {
    let tmp = TempPath::new("doc-kinds");
    std::fs::create_dir_all(&tmp.0).unwrap();
    let text = "Rebels attacked the base on Monday. The mayor said the town was calm.";
    for doc in ["limited", "full"] {
        std::fs::write(tmp.0.join(format!("{doc}.txt")), text).unwrap();
    }
    std::fs::write(
        tmp.0.join("docs.jsonl"),
        concat!(
            "{\"doc\": \"limited\", \"path\": \"limited.txt\", \"kinds\": [\"visit\", \"attack\"]}\n",
            "{\"doc\": \"full\", \"path\": \"full.txt\", \"kinds\": null}\n",
        ),
    )
    .unwrap();
    // The statement record of "limited" is of a kind its gold does not cover:
    // not scored, so not a miss.
    let events = ["limited", "full"]
        .iter()
        .map(|doc| {
            format!(
                "{{\"doc\": \"{doc}\", \"kind\": \"attack\", \"anchor\": \"attacked the base\", \"attacker\": \"Rebels\"}}\n\
                 {{\"doc\": \"{doc}\", \"kind\": \"statement\", \"anchor\": \"said the town was calm\", \"speaker\": \"The mayor\"}}\n"
            )
        })
        .collect::<String>()
        .replace(
            "{\"doc\": \"full\", \"kind\": \"statement\", \"anchor\": \"said the town was calm\", \"speaker\": \"The mayor\"}\n",
            "",
        );
    std::fs::write(tmp.0.join("events.jsonl"), &events).unwrap();
    let gold = Gold::load(&tmp.0).unwrap();
    let limited = gold.doc("limited").unwrap();
    assert_eq!(limited.kinds, Some(vec![Kind::Visit, Kind::Attack]));
    assert_eq!(limited.scored_kinds(), &[Kind::Visit, Kind::Attack]);
    assert!(limited.scores(Kind::Attack) && !limited.scores(Kind::Statement));
    let full = gold.doc("full").unwrap();
    assert_eq!(full.kinds, None);
    assert_eq!(full.scored_kinds(), &Kind::ALL);
    assert_eq!(
        gold.records().len(),
        3,
        "records of unscored kinds are kept"
    );

    let (sentence, said) = ("[0, 35]", "[36, 69]");
    let mut jsonl = String::new();
    for doc in ["limited", "full"] {
        jsonl.push_str(&format!(
            "{{\"doc\": \"{doc}\", \"kind\": \"attack\", \"sentence_span\": {sentence}, \"attacker\": \"Rebels\"}}\n\
             {{\"doc\": \"{doc}\", \"kind\": \"statement\", \"sentence_span\": {said}, \"speaker\": \"The mayor\"}}\n\
             {{\"doc\": \"{doc}\", \"kind\": \"call\", \"sentence_span\": {said}, \"participants\": [\"The mayor\"]}}\n"
        ));
    }
    // Extras of "limited" in its own order of kinds: the visit before the attack.
    jsonl.push_str(&format!(
        "{{\"doc\": \"limited\", \"kind\": \"attack\", \"sentence_span\": {said}}}\n\
         {{\"doc\": \"limited\", \"kind\": \"visit\", \"sentence_span\": {said}}}\n"
    ));
    let report = assert_agrees("doc-kinds", &tmp.0, &gold, &jsonl);
    let counts = |k: Kind| {
        let s = report.kind(k);
        (s.tp, s.fp, s.fn_)
    };
    assert_eq!(counts(Kind::Attack), (2, 1, 0));
    assert_eq!(counts(Kind::Visit), (0, 1, 0));
    // The statement and the call in "limited" are not false positives;
    // in "full" they are (no gold there).
    assert_eq!(counts(Kind::Statement), (0, 1, 0));
    assert_eq!(counts(Kind::Call), (0, 1, 0));
    assert!(report.misses.is_empty(), "{:?}", report.misses);
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
            ("full", Kind::Call),
            ("full", Kind::Statement),
        ]
    );
    // Every usable line is read, scored or not.
    assert_eq!(report.predictions, 8);
    assert_eq!(report.bad_lines, 0);

    // A lone statement prediction: no false positive where statements are
    // not scored, one where they are.
    let one_statement = |doc: &str| {
        let p = gold.score_jsonl(&format!(
            "{{\"doc\": \"{doc}\", \"kind\": \"statement\", \"sentence_span\": {said}}}\n"
        ));
        (p.kind(Kind::Statement).fp, p.micro.fp, p.micro.fn_)
    };
    assert_eq!(one_statement("limited"), (0, 0, 2));
    assert_eq!(one_statement("full"), (1, 1, 2));
}

/// The seeds gold with "kinds" lists of every shape: subsets in various
/// orders, some leaving out kinds the document has gold for; score.py agrees.
#[test]
fn limited_kinds_gold_agrees() {
    let tmp = TempPath::new("kinds-gold");
    std::fs::create_dir_all(&tmp.0).unwrap();
    let seeds = seeds_gold_dir();
    let lists = [
        json!(["attack", "call", "visit"]),
        json!(["statement"]),
        Value::Null,
        json!(["visit", "statement", "attack"]),
        json!(["call", "attack"]),
    ];
    let mut docs = String::new();
    for (i, line) in std::fs::read_to_string(seeds.join("docs.jsonl"))
        .unwrap()
        .lines()
        .enumerate()
    {
        let mut d: Map<String, Value> = serde_json::from_str(line).unwrap();
        let path = seeds.join(d["path"].as_str().unwrap());
        d.insert("path".into(), json!(path.to_str().unwrap()));
        let list = &lists[i % lists.len()];
        if !list.is_null() {
            d.insert("kinds".into(), list.clone());
        }
        docs.push_str(&format!("{}\n", Value::Object(d)));
    }
    let events = std::fs::read_to_string(seeds.join("events.jsonl")).unwrap();
    std::fs::write(tmp.0.join("docs.jsonl"), docs).unwrap();
    std::fs::write(tmp.0.join("events.jsonl"), &events).unwrap();
    let gold = Gold::load(&tmp.0).unwrap();
    let lines = gold_lines(&gold, &events);

    let scored = |r: &&newsevents::eval::GoldRecord| gold.doc(&r.doc).unwrap().scores(r.kind);
    let required = gold
        .records()
        .iter()
        .filter(scored)
        .filter(|r| r.counted())
        .count();
    assert!(required < gold.records().iter().filter(|r| r.counted()).count());
    let report = assert_agrees("kinds-perfect", &tmp.0, &gold, &perfect(&gold, &lines));
    assert_eq!(
        (report.micro.tp, report.micro.fp, report.micro.fn_),
        (required, 0, 0)
    );
    for seed in 200..=205 {
        assert_agrees(
            &format!("kinds-{seed}"),
            &tmp.0,
            &gold,
            &damaged(&gold, &lines, seed),
        );
    }
    let events = typed_events(&gold);
    let typed = gold.score_events(events.iter().map(|(d, e)| (d.as_str(), e)));
    let lines: Vec<Value> = events
        .iter()
        .map(|(d, e)| eval::prediction_json(d, e))
        .collect();
    let report = assert_agrees("kinds-typed", &tmp.0, &gold, &to_jsonl(&lines));
    assert_eq!(typed, report);
    assert_eq!(report.micro.fn_, 0);
}

/// The general-news corpus of the shared folder (gold for attack, call and
/// visit only, by "kinds"): the extractor's output and damaged gold score
/// as under score.py. Skipped with a note when the corpus is not there.
#[test]
fn general_corpus_agrees() {
    let dir = manifest().join("../shared/corpus/general");
    if !dir.join("docs.jsonl").is_file() {
        eprintln!(
            "note: {} not found; skipping the general corpus comparison",
            dir.display()
        );
        return;
    }
    let gold = Gold::load(&dir).unwrap();
    assert!(gold.docs().iter().any(|d| !d.scores(Kind::Statement)));
    let report = extractor_agrees("general-extractor", &dir, &gold);
    let required = gold
        .records()
        .iter()
        .filter(|r| r.counted() && gold.doc(&r.doc).unwrap().scores(r.kind))
        .count();
    assert_eq!(report.micro.tp + report.micro.fn_, required);
    // Predictions of kinds a document's gold leaves out (statements here)
    // cost nothing there.
    assert!(report
        .extras
        .iter()
        .all(|x| gold.doc(&x.doc).unwrap().scores(x.kind)));

    let events_jsonl = std::fs::read_to_string(dir.join("events.jsonl")).unwrap();
    let lines = gold_lines(&gold, &events_jsonl);
    for seed in 300..=303 {
        assert_agrees(
            &format!("general-{seed}"),
            &dir,
            &gold,
            &damaged(&gold, &lines, seed),
        );
    }
}

// Gold loading errors

#[test]
fn gold_errors_name_file_and_line() {
    let texts = || HashMap::from([("d".to_string(), "Rebels attacked the base.".to_string())]);
    let docs = r#"{"doc": "d", "path": "d.txt", "published": null}"#;
    let err = |events: &str| match Gold::from_strs(docs, events, texts()) {
        Err(newsevents::Error::Gold {
            source_name,
            line,
            message,
        }) => (source_name, line, message),
        other => panic!("expected a gold error, got {other:?}"),
    };
    let ok = r#"{"doc": "d", "kind": "attack", "anchor": "attacked"}"#;
    let (file, line, msg) = err(&format!(
        "{ok}\n\n{}",
        r#"{"doc": "d", "kind": "attack", "anchor": "bombed"}"#
    ));
    assert_eq!((file.as_str(), line), ("events.jsonl", 3));
    assert!(
        msg.contains("anchor not found") && msg.contains("bombed"),
        "{msg}"
    );
    let (_, line, msg) = err(&format!(
        "{ok}\n{}",
        r#"{"doc": "d", "kind": "attack", "anchor": "attacked", "anchor_nth": 1}"#
    ));
    assert_eq!(line, 2);
    assert!(msg.contains("occurrence 1"), "{msg}");
    assert!(err("{not json").2.contains("invalid JSON"));
    assert!(err(r#"{"doc": "e", "kind": "attack", "anchor": "x"}"#)
        .2
        .contains("unknown doc"));
    assert!(err(r#"{"doc": "d", "kind": "meeting", "anchor": "the"}"#)
        .2
        .contains("unknown kind"));
    assert!(
        err(r#"{"doc": "d", "kind": "attack", "anchor": "the", "killed": "two"}"#)
            .2
            .contains("killed")
    );
    assert!(
        err(r#"{"doc": "d", "kind": "attack", "anchor": "the", "modality": "likely"}"#)
            .2
            .contains("modality")
    );

    match Gold::from_strs(r#"{"doc": "x", "path": "x.txt"}"#, "", texts()) {
        Err(newsevents::Error::Gold {
            source_name, line, ..
        }) => {
            assert_eq!((source_name.as_str(), line), ("docs.jsonl", 1))
        }
        other => panic!("{other:?}"),
    }
    match Gold::from_strs(
        r#"{"doc": "d", "path": "d.txt", "published": "06/11/2023"}"#,
        "",
        texts(),
    ) {
        Err(newsevents::Error::Gold { message, .. }) => assert!(message.contains("published")),
        other => panic!("{other:?}"),
    }

    let tmp = TempPath::new("missing-text");
    std::fs::create_dir_all(&tmp.0).unwrap();
    std::fs::write(
        tmp.0.join("docs.jsonl"),
        "{\"doc\": \"d\", \"path\": \"sub/../d.txt\"}\n",
    )
    .unwrap();
    std::fs::write(tmp.0.join("events.jsonl"), "").unwrap();
    match Gold::load(&tmp.0) {
        Err(newsevents::Error::Io { path, .. }) => {
            assert_eq!(path, tmp.0.join("d.txt").display().to_string())
        }
        other => panic!("{other:?}"),
    }
    std::fs::write(tmp.0.join("d.txt"), "Rebels attacked the base.").unwrap();
    std::fs::write(tmp.0.join("events.jsonl"), format!("{ok}\n")).unwrap();
    let gold = Gold::load(&tmp.0).unwrap();
    assert_eq!(gold.records()[0].start, 7);
}

/// A bad "kinds" list is a gold error naming docs.jsonl and the line.
#[test]
fn gold_kinds_errors_name_file_and_line() {
    let texts = || {
        HashMap::from([
            ("a".to_string(), "Rebels attacked the base.".to_string()),
            ("d".to_string(), "Rebels attacked the base.".to_string()),
        ])
    };
    let err = |kinds: &str| {
        let docs = format!(
            "{{\"doc\": \"a\", \"path\": \"a.txt\", \"kinds\": [\"attack\"]}}\n\n{{\"doc\": \"d\", \"path\": \"d.txt\", \"kinds\": {kinds}}}\n"
        );
        match Gold::from_strs(&docs, "", texts()) {
            Err(newsevents::Error::Gold {
                source_name,
                line,
                message,
            }) => {
                assert_eq!((source_name.as_str(), line), ("docs.jsonl", 3), "{message}");
                message
            }
            other => panic!("expected a gold error for kinds {kinds}, got {other:?}"),
        }
    };
    let msg = err(r#"["attack", "meeting"]"#);
    assert!(
        msg.contains("unknown kind") && msg.contains("meeting"),
        "{msg}"
    );
    assert!(err(r#"["Attack"]"#).contains("unknown kind"));
    assert!(err("[]").contains("non-empty"));
    assert!(err(r#""attack""#).contains("kinds must be"));
    assert!(err(r#"["attack", 3]"#).contains("kinds must list"));
    assert!(err(r#"["call", "call"]"#).contains("twice"));

    // Through Gold::load, the error names the docs.jsonl path.
    let tmp = TempPath::new("kinds-error");
    std::fs::create_dir_all(&tmp.0).unwrap();
    std::fs::write(tmp.0.join("d.txt"), "Rebels attacked the base.").unwrap();
    std::fs::write(
        tmp.0.join("docs.jsonl"),
        "{\"doc\": \"d\", \"path\": \"d.txt\", \"kinds\": [\"attack\", \"speech\"]}\n",
    )
    .unwrap();
    std::fs::write(tmp.0.join("events.jsonl"), "").unwrap();
    match Gold::load(&tmp.0) {
        Err(newsevents::Error::Gold {
            source_name,
            line,
            message,
        }) => {
            assert_eq!(
                (source_name, line),
                (tmp.0.join("docs.jsonl").display().to_string(), 1)
            );
            assert!(message.contains("\"speech\""), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

// Role matching

#[test]
fn fold_by_hand() {
    assert_eq!(fold("  The   Iraqi\u{a0}Government. "), "iraqi government");
    assert_eq!(fold("Kata\u{2019}ib Hezbollah"), "kata'ib hezbollah");
    assert_eq!(fold("\u{201c}We will respond\u{201d}"), "we will respond");
    assert_eq!(
        fold("Iran\u{2013}backed \u{2014} groups"),
        "iran-backed - groups"
    );
    assert_eq!(fold("An attack"), "attack");
    assert_eq!(
        fold("Anthony"),
        "anthony",
        "the article needs white space after it"
    );
    assert_eq!(fold("the"), "the");
    assert_eq!(fold("\u{fb01}ghters\u{2026}"), "fighters");
    assert_eq!(fold("\u{ff21}\u{ff22}\u{ff23}"), "abc");
    assert_eq!(fold("x\u{b2}"), "x2");
    assert_eq!(
        fold("x`a\u{b4}"),
        "x'a \u{301}",
        "the acute accent decomposes before quotes fold"
    );
    assert_eq!(fold("'\"a: b;,"), "a: b");
}

#[test]
fn str_match_by_hand() {
    assert!(str_match("Antony Blinken", "Blinken"));
    assert!(str_match(
        "Blinken",
        "U.S. Secretary of State Antony Blinken"
    ));
    assert!(str_match(
        "Lebanon\u{2019}s Hezbollah",
        "lebanon's hezbollah"
    ));
    assert!(str_match(
        "Iran-backed militias",
        "Iran\u{2011}backed militias"
    ));
    assert!(
        str_match("the U.S.", "U.S"),
        "'u.s' is 3 characters once the dot is trimmed"
    );
    assert!(!str_match("U.S.", "US"));
    assert!(
        !str_match("Iraq", "Ir"),
        "the shorter needs three characters"
    );
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
    // Curly and straight apostrophes tokenize alike.
    assert_eq!(token_f1("Israel\u{2019}s war", "Israel's war"), 1.0);
    // Repeated tokens count as a multiset.
    assert_eq!(token_f1("no no no", "no"), 0.5);
    assert!(token_f1("to protect the advisors", "protect advisors") >= 0.5);
    assert!(token_f1("stop the attacks on bases", "attacks") < 0.5);
    assert_eq!(token_f1("", "x"), 0.0);
    assert_eq!(
        tokens("The U.S.\u{2013}led coalition_x 3rd"),
        vec!["u", "s", "led", "coalition_x", "3rd"]
    );
}

/// fold, tokens, str_match and token_f1 against score.py's own functions,
/// on hand-written strings and on every character of the blocks the NFKC
/// table covers.
#[test]
fn matching_agrees_with_python() {
    let Some(script) = score_py() else { return };
    let mut strings: Vec<String> = [
        "  The   Iraqi\u{a0}Government. ",
        "\u{201c}Kata\u{2019}ib Hezbollah,\u{201d}",
        "an \u{2018}attack\u{2019} \u{2014} or not",
        "\u{fb01}\u{fb02} \u{2026} \u{2122} \u{2116}5 \u{bd}",
        "\u{391}\u{3a3}\u{3a3}\u{3a3} \u{39f}\u{394}\u{39f}\u{3a3}",
        "\u{130}stanbul",
        "a\u{1c}b\u{1f}c\u{85}d\u{2028}e",
        "the\u{3000}thing",
        "\u{2460} \u{2474} \u{24b6}",
        "\u{ff34}he \u{ff41}",
        "Israel\u{2019}s war \u{2212}5",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let blocks = [
        (0x20, 0x7e),
        (0xa0, 0x24f),
        (0x2b0, 0x3ff),
        (0x400, 0x4ff),
        (0x600, 0x6ff),
        (0x2000, 0x218f),
        (0x2460, 0x24ff),
        (0x3000, 0x3000),
        (0xfb00, 0xfb06),
        (0xff01, 0xff60),
        (0xffe0, 0xffee),
    ];
    for (a, b) in blocks {
        for c in (a..=b).filter_map(char::from_u32) {
            strings.push(format!("A{c}b{c}"));
            strings.push(c.to_string());
        }
    }
    let pairs: Vec<(String, String)> = strings
        .windows(2)
        .map(|w| (w[0].clone(), w[1].clone()))
        .chain([
            ("Antony Blinken".into(), "blinken".into()),
            ("the U.S.".into(), "U.S".into()),
            ("to protect the advisors".into(), "protect advisors".into()),
            ("no no no".into(), "no".into()),
        ])
        .collect();
    let input = json!({"strings": strings, "pairs": pairs});
    let program = format!(
        "import sys, json\nsys.path.insert(0, {:?})\nimport score\n\
         d = json.load(sys.stdin)\n\
         json.dump({{'fold': [score.fold(s) for s in d['strings']],\n\
         'tokens': [score.tokens(s) for s in d['strings']],\n\
         'str_match': [score.str_match(g, p) for g, p in d['pairs']],\n\
         'token_f1': [score.token_f1(g, p) for g, p in d['pairs']]}}, sys.stdout)\n",
        script.parent().unwrap().to_str().unwrap()
    );
    let mut child = Command::new("python3")
        .args(["-c", &program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let py: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut failures = Vec::new();
    for (i, s) in strings.iter().enumerate() {
        if py["fold"][i] != json!(fold(s)) {
            failures.push(format!(
                "fold({s:?}): ours {:?}, python {}",
                fold(s),
                py["fold"][i]
            ));
        }
        if py["tokens"][i] != json!(tokens(s)) {
            failures.push(format!(
                "tokens({s:?}): ours {:?}, python {}",
                tokens(s),
                py["tokens"][i]
            ));
        }
    }
    for (i, (g, p)) in pairs.iter().enumerate() {
        if py["str_match"][i] != json!(str_match(g, p)) {
            failures.push(format!("str_match({g:?}, {p:?})"));
        }
        let theirs = py["token_f1"][i].as_f64().unwrap();
        if (token_f1(g, p) - theirs).abs() > 1e-12 {
            failures.push(format!(
                "token_f1({g:?}, {p:?}): ours {}, python {theirs}",
                token_f1(g, p)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
