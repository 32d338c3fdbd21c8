//! The crate against the reference scorer `score.py`, on every gold folder
//! of `../shared` (beside the checkout, as in CI): the extractor's output,
//! and the gold turned into predictions and damaged at random within the
//! documented format, are written to JSONL and scored by
//! `python3 score.py GOLD PRED --json --verbose` and by the crate. Every
//! figure both report must agree to the third decimal, and the lists of
//! misses and extras must be the same.
//!
//! Without python3 or `../shared` these tests fail: they are the evidence
//! that the crate scores as the referee does.

use newsevents::Extractor;
use newsevents_eval::{prediction_json, Gold, Kind, Report, Scores};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const FOLDERS: [&str; 3] = ["gold/seeds", "corpus/dev", "corpus/general"];

/// `../shared` beside the checkout.
fn shared() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    assert!(
        dir.join("tools/score.py").is_file(),
        "{} has no tools/score.py: these tests need the shared gold and the \
         reference scorer beside the checkout, as in CI",
        dir.display()
    );
    dir
}

fn load(folder: &str) -> (PathBuf, Gold) {
    let dir = shared().join(folder);
    let gold = Gold::load(&dir).unwrap_or_else(|e| panic!("{folder}: {e}"));
    (dir, gold)
}

/// A file in the temp dir, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn with(name: &str, contents: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!(
            "newsevents-eval-{}-{}.jsonl",
            std::process::id(),
            name.replace('/', "-")
        ));
        std::fs::write(&path, contents).expect("temp file written");
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `score.py GOLD PRED --json --verbose`, parsed.
fn score_py(gold_dir: &Path, predictions: &Path) -> Value {
    let script = shared().join("tools/score.py");
    let out = Command::new("python3")
        .arg(&script)
        .args([gold_dir, predictions])
        .args(["--json", "--verbose"])
        .output()
        .unwrap_or_else(|e| panic!("python3 does not run ({e}): these tests need it, as in CI"));
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("score.py prints JSON")
}

/// Scores `jsonl` with both scorers, asserts that every figure agrees, and
/// returns the crate's report.
fn assert_agrees(name: &str, gold_dir: &Path, gold: &Gold, jsonl: &str) -> Report {
    let file = TempFile::with(name, jsonl);
    let report = gold
        .score_file(&file.0)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let py = score_py(gold_dir, &file.0);
    let mut differences = Vec::new();
    let mut ratio = |what: String, ours: f64, theirs: &Value| {
        let theirs = theirs.as_f64().unwrap_or(f64::NAN);
        if format!("{ours:.3}") != format!("{theirs:.3}") {
            differences.push(format!("{what}: ours {ours:.3}, score.py {theirs}"));
        }
    };
    let counts = |ours: [usize; 3], theirs: &Value| {
        let theirs = ["tp", "fp", "fn"].map(|k| theirs[k].as_u64().map(|n| n as usize));
        (ours.map(Some), theirs)
    };
    let mut scores = |k: &str, ours: &Scores, theirs: &Value| {
        let tally = [
            ours.true_positives,
            ours.false_positives,
            ours.false_negatives,
        ];
        let (ours_counts, their_counts) = counts(tally, theirs);
        assert_eq!(ours_counts, their_counts, "{name}: {k} tp, fp, fn");
        ratio(
            format!("{k} precision"),
            ours.precision,
            &theirs["precision"],
        );
        ratio(format!("{k} recall"), ours.recall, &theirs["recall"]);
        ratio(format!("{k} f1"), ours.f1, &theirs["f1"]);
        ratio(format!("{k} role_f1"), ours.role_f1, &theirs["role_f1"]);
    };
    for k in Kind::ALL {
        let theirs = &py["kinds"][k.as_str()];
        scores(k.as_str(), &report.kind(k).scores, theirs);
    }
    let (m, pm) = (&report.micro, &py["micro"]);
    scores("micro", &m.scores, pm);
    ratio("modality_acc".into(), m.modality_acc, &pm["modality_acc"]);
    ratio("date_acc".into(), m.date_acc, &pm["date_acc"]);
    assert!(
        differences.is_empty(),
        "{name}:\n{}",
        differences.join("\n")
    );
    assert_eq!(
        Some(m.dates_scored as u64),
        pm["dates_scored"].as_u64(),
        "{name}: dates_scored"
    );
    assert_eq!(
        Some(report.predictions as u64),
        py["predictions"].as_u64(),
        "{name}: predictions"
    );
    assert_eq!(
        py["bad_lines"],
        json!(0),
        "{name}: score.py found unusable lines"
    );

    let misses: Vec<Value> = report
        .misses
        .iter()
        .map(|x| json!([x.doc, x.kind.as_str(), x.anchor]))
        .collect();
    assert_eq!(Value::Array(misses), py["misses"], "{name}: misses");
    let extras: Vec<Value> = report
        .extras
        .iter()
        .map(|x| json!([x.doc, x.kind.as_str(), x.reason, x.text]))
        .collect();
    assert_eq!(Value::Array(extras), py["extras"], "{name}: extras");
    report
}

fn to_jsonl(lines: &[Value]) -> String {
    lines.iter().map(|v| format!("{v}\n")).collect()
}

/// The extractor's events on a gold folder's documents: scored as typed
/// events and as their JSON lines, the crate gives one report, and
/// score.py the same figures.
fn extractor_agrees(folder: &str) -> Report {
    let (dir, gold) = load(folder);
    let events = gold.extract(&Extractor::new());
    let typed = gold
        .score_events(events.iter().map(|(d, e)| (*d, e)))
        .unwrap_or_else(|e| panic!("{folder}: {e}"));
    let lines: Vec<Value> = events.iter().map(|(d, e)| prediction_json(d, e)).collect();
    let report = assert_agrees(folder, &dir, &gold, &to_jsonl(&lines));
    assert_eq!(typed, report, "{folder}: typed events and their JSON lines");
    eprintln!("{folder}:\n{report}");
    // Nothing is lost: every required record of a scored kind is a tp or a miss.
    let required = gold
        .records()
        .iter()
        .filter(|r| r.required() && gold.doc(&r.doc).is_some_and(|d| d.scores(r.kind)))
        .count();
    assert_eq!(
        report.micro.scores.true_positives + report.micro.scores.false_negatives,
        required
    );
    report
}

#[test]
fn extractor_output_on_the_seeds_agrees() {
    extractor_agrees("gold/seeds");
}

#[test]
fn extractor_output_on_dev_agrees() {
    let report = extractor_agrees("corpus/dev");
    assert!(report.micro.dates_scored > 0, "dev has dated gold");
}

#[test]
fn extractor_output_on_general_news_agrees() {
    let report = extractor_agrees("corpus/general");
    let (_, gold) = load("corpus/general");
    assert!(gold.docs().iter().any(|d| !d.scores(Kind::Statement)));
    // Predictions of kinds a document's gold leaves out cost nothing there.
    assert!(report
        .extras
        .iter()
        .all(|x| gold.doc(&x.doc).is_some_and(|d| d.scores(x.kind))));
}

// Damaged predictions

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

const KINDS: [&str; 4] = ["attack", "call", "visit", "statement"];
const MODALITIES: [&str; 4] = ["asserted", "planned", "hypothetical", "negated"];

/// The sentence holding `start..end`, as byte offsets: from the last
/// '.', '!', '?' or newline before `start` to the next one after `end`.
fn sentence_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let marks = ['.', '!', '?', '\n'];
    let from = text[..start].rfind(marks).map_or(0, |i| i + 1);
    let to = text[end..].find(marks).map_or(text.len(), |i| end + i + 1);
    (from, to)
}

/// Damages a role string in ways that sit on both sides of the match rules.
fn alter_text(rng: &mut Rng, s: &str, others: &[String]) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    match rng.below(14) {
        0 => rng.pick(others).clone(),
        1 => s.chars().take(2).collect(),
        2 => s.chars().take(3).collect(),
        3 => s.to_uppercase(),
        4 => format!("The  {s}, "),
        5 => s.replace('\u{2019}', "'").replace('-', "\u{2013}"),
        6 => s.replace('\'', "\u{2018}").replace(' ', "\u{a0}"),
        7 => words[..words.len().div_ceil(2)].join(" "),
        8 => words[..words.len() / 3].join(" "),
        9 => format!("{s} and much more besides this"),
        10 => words.iter().rev().copied().collect::<Vec<_>>().join(" "),
        _ => s.to_string(),
    }
}

/// A role value in one of the documented shapes, possibly altered.
fn role_value(rng: &mut Rng, role: &str, v: &Value, others: &[String]) -> Value {
    match (role, v) {
        ("killed" | "injured", v) => {
            let n = v.as_u64().unwrap_or(0);
            match rng.below(4) {
                0 => json!({"count": n}),
                1 => json!(n + 1),
                _ => json!(n),
            }
        }
        ("participants", Value::Array(items)) => {
            let mut items: Vec<Value> = items
                .iter()
                .map(|x| {
                    let x = alter_text(rng, x.as_str().unwrap_or_default(), others);
                    match rng.below(3) {
                        0 => json!({"text": x, "span": [0, 1]}),
                        1 => json!({"name": x}),
                        _ => json!(x),
                    }
                })
                .collect();
            if rng.chance(30) {
                items.reverse();
            }
            if rng.chance(20) {
                items.pop();
            }
            Value::Array(items)
        }
        ("content", v) => {
            let words: Vec<&str> = v.as_str().unwrap_or_default().split(' ').collect();
            let keep = rng.below(words.len() + 1);
            match rng.below(3) {
                0 => json!(words[..keep].join(" ")),
                1 => json!({"text": format!("{} extra words here", words[keep..].join(" "))}),
                _ => json!(v),
            }
        }
        (_, v) => {
            let text = alter_text(rng, v.as_str().unwrap_or_default(), others);
            match rng.below(10) {
                0..=4 => json!({"text": text, "span": [1, 2]}),
                5..=7 => json!(text),
                8 => json!({"name": text}),
                _ => json!({"text": "", "name": text}),
            }
        }
    }
}

/// The gold turned into predictions and damaged at random: records dropped,
/// duplicated or moved, kinds and modalities changed, roles and dates
/// altered, in every documented shape, plus predictions with no gold.
fn damaged(gold: &Gold, events_jsonl: &str, seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let raws: Vec<Map<String, Value>> = events_jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect();
    let others: Vec<String> = raws
        .iter()
        .flat_map(|g| g.values())
        .filter_map(|v| v.as_str())
        .filter(|s| s.len() > 3)
        .map(str::to_string)
        .collect();
    let mut out: Vec<Value> = Vec::new();
    for (raw, record) in raws.iter().zip(gold.records()) {
        if rng.chance(15) {
            continue;
        }
        let text = &gold.doc(&record.doc).expect("gold doc").text;
        let anchor = record.start..record.start + record.anchor.len();
        let (mut s, mut e) = sentence_span(text, anchor.start, anchor.end);
        match rng.below(10) {
            0 => (s, e) = (anchor.start, anchor.start + 1),
            1 => (s, e) = (anchor.start + 1, e.max(anchor.start + 2)),
            2 => (s, e) = (0, text.len()),
            3 => s = s.saturating_sub(rng.below(40)),
            _ => {}
        }
        let mut p = Map::new();
        p.insert("doc".into(), json!(record.doc));
        let kind = if rng.chance(10) {
            *rng.pick(&KINDS)
        } else {
            record.kind.as_str()
        };
        p.insert("kind".into(), json!(kind));
        let span = match rng.below(4) {
            0 => json!({"start": s, "end": e}),
            _ => json!([s, e]),
        };
        p.insert(
            rng.pick(&["sentence_span", "sentence", "span"]).to_string(),
            span,
        );
        match rng.below(10) {
            0 => {}
            1 => {
                p.insert("modality".into(), Value::Null);
            }
            2 | 3 => {
                p.insert("modality".into(), json!(rng.pick(&MODALITIES)));
            }
            _ => {
                p.insert("modality".into(), json!(record.modality.as_str()));
            }
        }
        let mut roles = Map::new();
        for (key, v) in raw {
            if matches!(
                key.as_str(),
                "doc"
                    | "kind"
                    | "anchor"
                    | "anchor_nth"
                    | "modality"
                    | "optional"
                    | "date_value"
                    | "quote"
            ) || rng.chance(15)
            {
                continue;
            }
            let value = if key == "date" {
                let value = match rng.below(4) {
                    0 => json!(null),
                    1 => json!("2023-11-05T08:00:00"),
                    _ => raw
                        .get("date_value")
                        .cloned()
                        .unwrap_or(json!("2023-11-04")),
                };
                // Not empty: score.py would take the value for the text.
                let written = v.as_str().unwrap_or_default();
                let text = Some(alter_text(&mut rng, written, &others))
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or(written.to_string());
                json!({"text": text, "span": [0, 1], "value": value})
            } else {
                role_value(&mut rng, key, v, &others)
            };
            roles.insert(key.clone(), value);
        }
        if rng.chance(25) {
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
        let doc = &gold.docs()[rng.below(gold.docs().len())];
        let s = rng.below(doc.text.len());
        let e = (s + rng.below(300)).min(doc.text.len());
        out.push(json!({"doc": doc.id, "kind": rng.pick(&KINDS),
            "modality": rng.pick(&MODALITIES), "sentence_span": [s, e], "speaker": "someone"}));
    }
    // Shuffled, so pairing does not depend on file order matching gold order.
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    to_jsonl(&out)
}

#[test]
fn damaged_predictions_agree() {
    let mut seen_fp_on_hypothetical = false;
    for (n, folder) in FOLDERS.into_iter().enumerate() {
        let (dir, gold) = load(folder);
        let events = std::fs::read_to_string(dir.join("events.jsonl")).expect("events.jsonl");
        for seed in 1..=4 {
            let seed = 100 * n as u64 + seed;
            let name = format!("{folder}-damaged-{seed}");
            let report = assert_agrees(&name, &dir, &gold, &damaged(&gold, &events, seed));
            let m = &report.micro.scores;
            assert!(m.true_positives > 0 && m.false_negatives > 0 && m.false_positives > 0);
            seen_fp_on_hypothetical |= report.extras.iter().any(|x| x.reason != "no gold");
        }
    }
    assert!(
        seen_fp_on_hypothetical,
        "the sets exercise hypothetical/negated gold"
    );
}
