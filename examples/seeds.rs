//! Prints the events found in the crate's seed articles as readable tables.
//!
//! ```text
//! cargo run --release --example seeds
//! ```
//!
//! For each `seeds/*.txt` file, in name order: the article id, then one row
//! per event with its kind, modality, roles, date, rule and evidence (the
//! sentence it was found in, shortened).

use newsevents::{Document, Event, EventKind, Extractor, Mention};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Longest evidence shown, in chars.
const EVIDENCE_CHARS: usize = 100;
/// Longest role value shown, in chars: quoted content can run to a paragraph.
const ROLE_CHARS: usize = 40;

fn main() -> ExitCode {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let files = match seed_files(&dir) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("seeds: {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let extractor = Extractor::new();
    let mut failed = false;
    for (i, path) in files.iter().enumerate() {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("seeds: {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let events = extractor.extract(&Document::new(id.as_str(), &text));
        if i > 0 {
            println!();
        }
        println!("{id}");
        print!("{}", table(&text, &events));
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The `.txt` files in `dir`, sorted by name.
fn seed_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The events as an aligned table, one row per event, indented under the id.
fn table(text: &str, events: &[Event]) -> String {
    if events.is_empty() {
        return "  (no events)\n".to_string();
    }
    let header = ["kind", "modality", "roles", "date", "rule", "evidence"].map(String::from);
    let mut rows = vec![header];
    rows.extend(events.iter().map(|e| row(text, e)));

    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        out.push_str("  ");
        for (c, cell) in row.iter().enumerate() {
            out.push_str(cell);
            // The last column is not padded, so lines carry no trailing blanks.
            if c + 1 < columns {
                let pad = widths[c] - cell.chars().count() + 2;
                out.extend(std::iter::repeat(' ').take(pad));
            }
        }
        out.push('\n');
    }
    out
}

fn row(text: &str, event: &Event) -> [String; 6] {
    let date = match &event.date {
        None => "-".to_string(),
        Some(d) => match (d.value, d.range) {
            (Some(v), _) => format!("{} ({v})", d.text),
            (None, Some((from, to))) => format!("{} ({from}..{to})", d.text),
            (None, None) => d.text.clone(),
        },
    };
    let evidence = text.get(event.sentence.range()).unwrap_or("");
    [
        event.kind.name().to_string(),
        event.modality.as_str().to_string(),
        roles(&event.kind),
        date,
        event.rule.to_string(),
        shorten(&squeeze(evidence), EVIDENCE_CHARS),
    ]
}

/// `role=value` pairs in the order of the guidelines, joined with "; ".
fn roles(kind: &EventKind) -> String {
    let mut pairs: Vec<String> = Vec::new();
    let mut add = |name: &str, m: &Option<Mention>| {
        if let Some(m) = m {
            pairs.push(format!("{name}={}", shorten(&squeeze(&m.text), ROLE_CHARS)));
        }
    };
    match kind {
        EventKind::Attack(a) => {
            add("attacker", &a.attacker);
            add("target", &a.target);
            add("location", &a.location);
            add("weapon", &a.weapon);
            if let Some(n) = a.killed {
                pairs.push(format!("killed={n}"));
            }
            if let Some(n) = a.injured {
                pairs.push(format!("injured={n}"));
            }
        }
        EventKind::Call(c) => {
            if !c.participants.is_empty() {
                let names: Vec<&str> = c.participants.iter().map(|m| m.text.as_str()).collect();
                pairs.push(format!("participants={}", names.join(", ")));
            }
        }
        EventKind::Visit(v) => {
            add("visitor", &v.visitor);
            add("destination", &v.destination);
            add("host", &v.host);
        }
        EventKind::Statement(s) => {
            add("speaker", &s.speaker);
            add("content", &s.content);
            if s.quote {
                pairs.push("quote".to_string());
            }
        }
        // The enum is non_exhaustive: show a kind added later through its serde form.
        other => {
            if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(other) {
                for (key, value) in map.iter().filter(|(k, _)| *k != "kind") {
                    let value = match value.get("text").and_then(|t| t.as_str()) {
                        Some(text) => text.to_string(),
                        None => value.to_string(),
                    };
                    pairs.push(format!("{key}={}", shorten(&squeeze(&value), ROLE_CHARS)));
                }
            }
        }
    }
    if pairs.is_empty() {
        "-".to_string()
    } else {
        pairs.join("; ")
    }
}

/// Runs of white space (line breaks included) as one space, trimmed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` chars, ending in an ellipsis when cut; cuts on a char boundary.
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max.saturating_sub(1)) {
        Some((cut, _)) if s[cut..].chars().nth(1).is_some() => {
            format!("{}…", s[..cut].trim_end())
        }
        _ => s.to_string(),
    }
}
