//! Adding your own armed group, place and trigger word, in code or from a file.
//!
//! `cargo run --example user_lexicon [LEXICON.jsonl]`
use newsevents::{Document, Extractor, LexiconEntry};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut builder = Extractor::builder()
        .entry(LexiconEntry::Actor {
            name: "Brigades of the North".into(),
            aliases: vec!["BotN".into()],
            country: Some("IRQ".into()),
            sector: Some("armed_group".into()),
        })
        .entry(LexiconEntry::Place {
            name: "Qurnat Hill".into(),
            aliases: vec![],
            country: Some("IRQ".into()),
        });
    if let Some(path) = std::env::args().nth(1) {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        builder = builder.lexicon_jsonl(&path, &text)?;
    }
    let extractor = builder.build()?;
    let text = "Fighters from the Brigades of the North attacked an army post near Qurnat Hill on Sunday, officials said.";
    let doc = Document::new("example", text)
        .published(chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap());
    for event in extractor.extract(&doc) {
        println!("{}", serde_json::to_string_pretty(&event)?);
    }
    Ok(())
}
