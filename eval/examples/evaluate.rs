//! Scores the extractor, or a file of predictions, against a gold folder.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD_DIR [PREDICTIONS.jsonl] [--verbose] [--json]
//! ```
//!
//! Without a predictions file, runs the extractor over the gold's documents
//! (with their publication dates). Prints the score table; `--verbose` adds
//! each miss and extra with its sentence; `--json` prints the report as
//! JSON instead. Exit codes: 0 scored, 1 a file could not be read or is
//! malformed (the message names it), 2 bad usage.

use newsevents::Extractor;
use newsevents_eval::{Error, Gold, Report};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: evaluate GOLD_DIR [PREDICTIONS.jsonl] [--verbose] [--json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (flags, paths): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| a.starts_with("--"));
    if let Some(bad) = flags
        .iter()
        .find(|f| !matches!(f.as_str(), "--verbose" | "--json"))
    {
        eprintln!("unknown option {bad}\n{USAGE}");
        return ExitCode::from(2);
    }
    let (gold_dir, predictions) = match paths.as_slice() {
        [gold] => (gold, None),
        [gold, predictions] => (gold, Some(predictions)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let has = |flag: &str| flags.iter().any(|f| f.as_str() == flag);

    let report = match score(Path::new(gold_dir.as_str()), predictions.map(Path::new)) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    if has("--json") {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
    } else if has("--verbose") {
        print!("{}", report.render_verbose());
    } else {
        print!("{report}");
    }
    ExitCode::SUCCESS
}

/// Scores the predictions file, or the extractor's events on the gold's texts.
fn score(gold_dir: &Path, predictions: Option<&Path>) -> Result<Report, Error> {
    let gold = Gold::load(gold_dir)?;
    if let Some(path) = predictions {
        return gold.score_file(path);
    }
    let events = gold.extract(&Extractor::new());
    gold.score_events(events.iter().map(|(id, e)| (*id, e)))
}
