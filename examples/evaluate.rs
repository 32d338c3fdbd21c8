//! Runs the extractor over a gold folder and scores it as `score.py` would.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD_DIR [--verbose] [--json]
//! ```
//!
//! Prints the score table; `--verbose` adds each miss and extra with its
//! sentence; `--json` prints the report as JSON instead.

use newsevents::eval::Gold;
use newsevents::{Document, Extractor};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: evaluate GOLD_DIR [--verbose] [--json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (flags, dirs): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| a.starts_with("--"));
    if let Some(bad) = flags
        .iter()
        .find(|f| !matches!(f.as_str(), "--verbose" | "--json"))
    {
        eprintln!("unknown option {bad}\n{USAGE}");
        return ExitCode::from(2);
    }
    let [dir] = dirs.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let has = |flag: &str| flags.iter().any(|f| f.as_str() == flag);

    let gold = match Gold::load(Path::new(dir.as_str())) {
        Ok(gold) => gold,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let extractor = Extractor::new();
    let mut predictions = Vec::new();
    for gd in gold.docs() {
        let doc = Document::new(gd.id.as_str(), &gd.text).with_published(gd.published);
        for event in extractor.extract(&doc) {
            predictions.push((gd.id.as_str(), event));
        }
    }
    let report = gold.score_events(predictions.iter().map(|(id, e)| (*id, e)));

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
