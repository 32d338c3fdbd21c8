//! Prints the deduplicated table of events: one line per real-world event,
//! however many times and in however many articles it is reported.
//!
//! ```text
//! cargo run --release --example events [FILE.txt | FOLDER]...
//! ```
//!
//! Without arguments it reads the crate's seed articles. The documents are
//! extracted and linked in name order by an [`EventLinker`]; each line,
//! tab-separated, gives the kind, the parties, the date (the day or range
//! it resolves to, else its words), the place, the number of mentions and
//! of articles, and the mentions as `doc:start..end` byte spans of their
//! trigger words.

use newsevents::{Document, Event, EventKind, EventLinker, Extractor, Mention};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if args.is_empty() {
        args.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    }
    let mut files = Vec::new();
    for arg in &args {
        if let Err(e) = text_files(arg, &mut files) {
            eprintln!("events: {}: {e}", arg.display());
            return ExitCode::FAILURE;
        }
    }
    let extractor = Extractor::new();
    let mut linker = EventLinker::new();
    let mut mentions: Vec<(String, Event)> = Vec::new();
    // An unreadable file is named and skipped; the others go on.
    let mut failed = false;
    for path in &files {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("events: {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let doc = Document::new(id.as_str(), &text);
        let mut events = extractor.extract(&doc);
        linker.link(doc.publication_date(), &mut events);
        mentions.extend(events.into_iter().map(|e| (id.clone(), e)));
    }
    for line in table(&mentions) {
        println!("{line}");
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `path` itself, or the `.txt` files of a folder in name order.
fn text_files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut found = Vec::new();
    for entry in fs::read_dir(path)? {
        let p = entry?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            found.push(p);
        }
    }
    found.sort();
    out.extend(found);
    Ok(())
}

/// One line per event id, in the order of first mention.
fn table(mentions: &[(String, Event)]) -> Vec<String> {
    let mut order: Vec<&str> = Vec::new();
    let mut by_event: HashMap<&str, Vec<&(String, Event)>> = HashMap::new();
    for m in mentions {
        let group = by_event.entry(m.1.event.as_str()).or_default();
        if group.is_empty() {
            order.push(m.1.event.as_str());
        }
        group.push(m);
    }
    order
        .iter()
        .filter_map(|id| by_event.get(id))
        .map(|group| line(group))
        .collect()
}

/// Kind, parties, date, place, mentions, articles and spans of one event.
fn line(group: &[&(String, Event)]) -> String {
    let events: Vec<&Event> = group.iter().map(|(_, e)| e).collect();
    let first = |role: &str| -> String {
        let found = events
            .iter()
            .flat_map(|e| e.roles())
            .find(|(r, _)| *r == role);
        found.map_or_else(|| "?".to_string(), |(_, m)| name(m))
    };
    let kind = events.first().map_or("?", |e| e.kind.name());
    let (parties, place) = match events.first().map(|e| &e.kind) {
        Some(EventKind::Attack(_)) => (
            format!("{} -> {}", first("attacker"), first("target")),
            first("location"),
        ),
        Some(EventKind::Call(_)) => {
            let mut names: Vec<String> = Vec::new();
            for (_, m) in events.iter().flat_map(|e| e.roles()) {
                let n = name(m);
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            (names.join(" & "), "-".to_string())
        }
        Some(EventKind::Visit(_)) => (first("visitor"), first("destination")),
        _ => (first("speaker"), "-".to_string()),
    };
    let mut docs: Vec<&str> = group.iter().map(|(d, _)| d.as_str()).collect();
    docs.dedup();
    let spans: Vec<String> = group
        .iter()
        .map(|(d, e)| format!("{d}:{}..{}", e.trigger.span.start, e.trigger.span.end))
        .collect();
    format!(
        "{kind}\t{parties}\t{}\t{place}\t{} mentions\t{} articles\t{}",
        date(&events),
        group.len(),
        docs.len(),
        spans.join(" ")
    )
}

/// The resolved day (or range) of the first mention that has one, else
/// the words of the first date, else "-".
fn date(events: &[&Event]) -> String {
    let dates = || events.iter().filter_map(|e| e.date.as_ref());
    if let Some(day) = dates().find_map(|d| d.value) {
        return day.to_string();
    }
    if let Some((a, b)) = dates().find_map(|d| d.range) {
        return format!("{a}..{b}");
    }
    dates()
        .next()
        .map_or_else(|| "-".to_string(), |d| d.text.clone())
}

fn name(m: &Mention) -> String {
    m.canonical.clone().unwrap_or_else(|| m.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_event_with_its_mentions_and_articles() {
        let extractor = Extractor::new();
        let mut linker = EventLinker::new();
        let mut all = Vec::new();
        for (id, text) in [
            (
                "a",
                "Foreign Minister Ana Ruiz visited Nairobi. The visit was brief.",
            ),
            ("b", "Ana Ruiz arrived in Nairobi, officials said."),
        ] {
            let mut events = extractor.extract(&Document::new(id, text));
            linker.link(None, &mut events);
            all.extend(events.into_iter().map(|e| (id.to_string(), e)));
        }
        let lines = table(&all);
        let visit = lines
            .iter()
            .find(|l| l.starts_with("visit"))
            .expect("a visit line");
        // Parties, no date, the place.
        assert!(visit.contains("\tAna Ruiz\t-\tNairobi\t"), "{visit}");
        assert!(visit.contains("3 mentions\t2 articles"), "{visit}");
        // The spans of the trigger words: "visited", "visit", "arrived".
        assert!(visit.ends_with("a:26..33 a:47..52 b:9..16"), "{visit}");
    }
}
