//! Prints the events found in the crate's seed articles as readable tables.
//!
//! ```text
//! cargo run --release --example seeds
//! ```
//!
//! For each `seeds/*.txt` file, in name order: the article id, then one row
//! per event with its kind, modality, the trigger word in its context, the
//! roles and the date (the day it resolves to, when the article's date is
//! known), in a table at most 120 columns wide. `extract --explain` shows
//! the rule behind each event.

use newsevents::{Document, Event, EventKind, Extractor};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

/// The table's columns: header and widest cell, in chars. Two spaces of
/// indent and two between columns: 2 + 9 + 12 + 30 + 44 + 15 + 8 = 120.
const COLUMNS: [(&str, usize); 5] = [
    ("kind", 9),
    ("modality", 12),
    ("trigger in context", 30),
    ("roles", 44),
    ("date", 15),
];

/// The events as an aligned table, one row per event, indented under the id.
fn table(text: &str, events: &[Event]) -> String {
    if events.is_empty() {
        return "  (no events)\n".to_string();
    }
    let mut rows = vec![COLUMNS.map(|(name, _)| name.to_string())];
    rows.extend(events.iter().map(|e| row(text, e)));
    let widths: Vec<usize> = (0..COLUMNS.len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        out.push_str("  ");
        for (c, cell) in row.iter().enumerate() {
            out.push_str(cell);
            // The last column is not padded, so lines carry no trailing blanks.
            if c + 1 < COLUMNS.len() {
                let pad = widths[c] - cell.chars().count() + 2;
                out.extend(std::iter::repeat(' ').take(pad));
            }
        }
        out.push('\n');
    }
    out
}

/// One event's cells, each cut to its column's width.
fn row(text: &str, event: &Event) -> [String; 5] {
    let date = match &event.date {
        None => "-".to_string(),
        Some(d) => match (d.value, d.range) {
            (Some(v), _) => v.to_string(),
            (None, Some((from, to))) => format!("{from}..{to}"),
            (None, None) => d.text.clone(),
        },
    };
    let cells = [
        event.kind.name().to_string(),
        event.modality.to_string(),
        in_context(text, event.trigger.span.range(), COLUMNS[2].1),
        roles(event),
        date,
    ];
    let mut c = 0;
    cells.map(|cell| {
        c += 1;
        shorten(&squeeze(&cell), COLUMNS[c - 1].1)
    })
}

/// The trigger in brackets with as much of the text around it as fits in
/// `width` chars: "…made a surprise [visit] Sunday…".
fn in_context(text: &str, trigger: std::ops::Range<usize>, width: usize) -> String {
    // Two chars for the brackets and two for the ellipses.
    let room = width.saturating_sub(text[trigger.clone()].chars().count() + 4) / 2;
    let start = text[..trigger.start]
        .char_indices()
        .rev()
        .nth(room.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let end = text[trigger.end..]
        .char_indices()
        .nth(room)
        .map_or(text.len(), |(i, _)| trigger.end + i);
    let marked = format!(
        "{}{}[{}]{}{}",
        if start > 0 { "…" } else { "" },
        &text[start..trigger.start],
        &text[trigger.clone()],
        &text[trigger.end..end],
        if end < text.len() { "…" } else { "" },
    );
    squeeze(&marked)
}

/// `role=value` pairs under the roles' JSON names, joined with "; ".
fn roles(event: &Event) -> String {
    // A call's participants share one name: "participant=A, B".
    let mut pairs: Vec<String> = Vec::new();
    let mut last = "";
    for (role, m) in event.roles() {
        match pairs.last_mut() {
            Some(pair) if role == last => pair.push_str(&format!(", {m}")),
            _ => pairs.push(format!("{role}={m}")),
        }
        last = role;
    }
    match &event.kind {
        EventKind::Attack(a) => {
            let counts = [("killed", a.killed), ("injured", a.injured)];
            pairs.extend(
                counts
                    .iter()
                    .filter_map(|(what, n)| Some(format!("{what}={}", (*n)?))),
            );
        }
        EventKind::Statement(s) if s.quote => pairs.push("quote".to_string()),
        _ => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's main job: every line of every seed's table fits 120
    /// columns, and every event row shows its trigger word in brackets.
    #[test]
    fn tables_fit_120_columns_and_show_the_trigger() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let files = seed_files(&dir).expect("the seeds folder");
        assert_eq!(files.len(), 5);
        let extractor = Extractor::new();
        for path in files {
            let text = fs::read_to_string(&path).expect("a seed article");
            let events = extractor.extract(&Document::new("seed", &text));
            let table = table(&text, &events);
            for line in table.lines() {
                assert!(
                    line.chars().count() <= 120,
                    "{} chars: {line}",
                    line.chars().count()
                );
            }
            for (event, line) in events.iter().zip(table.lines().skip(1)) {
                let word = squeeze(&event.trigger.text);
                assert!(
                    line.contains(&format!("[{word}]")),
                    "{word:?} not in {line}"
                );
            }
        }
    }

    #[test]
    fn context_is_cut_on_char_boundaries() {
        let text = "Él dijo: «la visita» — ocurrió ayer en Ürümqi, según fuentes.";
        let at = text.find("visita").expect("the word");
        let shown = in_context(text, at..at + "visita".len(), 20);
        assert!(
            shown.contains("[visita]") && shown.chars().count() <= 20,
            "{shown}"
        );
    }
}
