//! A program that depends on newsevents: it prints an article's events,
//! then adds a trigger word of each kind, a place and a person to the
//! lexicon, one at a time, and prints what each addition changes.
//!
//! `cargo run --example user_lexicon`
//!
//! Each event is printed with `Display`, then as the command line's JSON
//! line (`event.json_line(doc_id)`). Each addition is shown as its line in
//! a JSON Lines lexicon file, the other way to give it
//! (`ExtractorBuilder::lexicon_jsonl`).

use newsevents::{Document, EventType, Extractor, LexiconEntry, NaiveDate, Sector, TriggerFrame};
use std::error::Error;
use std::io::Write;

/// An invented article: none of its trigger words (the verbs and the
/// conversation noun) is in the built-in lexicon, nor is its town.
const ARTICLE: &str = "Foreign Minister Amara Okonkwo shuttled to Velmora on Tuesday. \
Okonkwo held a video huddle with Prime Minister Tomas Berg on Monday, her office said. \
Berg opined that the talks were overdue. \
Rebels sabotaged a pumping station near Velmora on Sunday, police said.";

/// The additions, in order, each with what it changes.
fn additions() -> Vec<(&'static str, LexiconEntry)> {
    let trigger = |kind, word: &str, frame| LexiconEntry::Trigger {
        kind,
        word: word.to_string(),
        frame,
    };
    vec![
        (
            "an attack verb: a new attack",
            trigger(EventType::Attack, "sabotaged", None),
        ),
        (
            "a conversation noun: a new call between the two",
            trigger(EventType::Call, "video huddle", Some(TriggerFrame::Call)),
        ),
        (
            "a travel verb: a new visit",
            trigger(EventType::Visit, "shuttled", None),
        ),
        (
            "a speech verb: a new statement",
            trigger(EventType::Statement, "opined", Some(TriggerFrame::Say)),
        ),
        (
            "a place: the destination gets its country",
            LexiconEntry::Place {
                name: "Velmora".to_string(),
                aliases: vec![],
                country: Some("KEN".to_string()),
            },
        ),
        (
            "a person: her country, also where only her surname is written",
            LexiconEntry::Person {
                name: "Amara Okonkwo".to_string(),
                aliases: vec![],
                country: Some("NGA".to_string()),
                sector: Some(Sector::Government),
                title: Some("Foreign Minister".to_string()),
            },
        ),
    ]
}

/// The events of the article found with `entries` added: each printed with
/// `Display`, and as its JSON line.
fn events(entries: &[LexiconEntry]) -> Result<Vec<(String, String)>, Box<dyn Error>> {
    let mut builder = Extractor::builder();
    for entry in entries {
        builder = builder.entry(entry.clone());
    }
    let extractor = builder.build()?;
    let published = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    let doc = Document::new("article-1", ARTICLE).published(published);
    let events = extractor.extract(&doc);
    Ok((events.iter())
        .map(|event| (event.to_string(), event.json_line(doc.id()).to_string()))
        .collect())
}

/// Prints the article's events, then each addition with the events it
/// adds (`+`) and those it changes (`-` before, `+` after).
pub fn run(out: &mut impl Write) -> Result<(), Box<dyn Error>> {
    let mut entries = Vec::new();
    let mut before = events(&entries)?;
    writeln!(out, "With the built-in lexicon:")?;
    for (shown, json) in &before {
        writeln!(out, "  {shown}\n    {json}")?;
    }
    for (what, entry) in additions() {
        writeln!(
            out,
            "\nAdding {what}:\n  {}",
            serde_json::to_string(&entry)?
        )?;
        entries.push(entry);
        let after = events(&entries)?;
        for (shown, json) in &before {
            if !after.iter().any(|(_, j)| j == json) {
                writeln!(out, "  - {shown}\n      {json}")?;
            }
        }
        for (shown, json) in &after {
            if !before.iter().any(|(_, j)| j == json) {
                writeln!(out, "  + {shown}\n      {json}")?;
            }
        }
        before = after;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    run(&mut std::io::stdout().lock())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The part of the output about the addition whose description starts
    /// with `what`: up to the next addition.
    fn section<'a>(output: &'a str, what: &str) -> &'a str {
        let start = output
            .find(&format!("Adding {what}"))
            .unwrap_or_else(|| panic!("no addition {what:?} in\n{output}"));
        let rest = &output[start + 1..];
        &output[start..start + 1 + rest.find("\nAdding").unwrap_or(rest.len())]
    }

    #[test]
    fn each_addition_changes_the_output_as_documented() {
        let mut out = Vec::new();
        run(&mut out).unwrap();
        let output = String::from_utf8(out).unwrap();
        let built_in = &output[..output.find("\nAdding").unwrap()];
        assert!(built_in.contains("  statement (asserted): speaker police"));
        assert!(!built_in.contains("attack") && !built_in.contains("visit ("));

        let attack = section(&output, "an attack verb");
        assert!(attack.contains(r#"{"type":"trigger","kind":"attack","word":"sabotaged"}"#));
        assert!(attack.contains("+ attack (asserted): attacker Rebels, target pumping station"));
        assert!(attack.contains(r#"{"doc":"article-1","kind":"attack""#));

        let call = section(&output, "a conversation noun");
        assert!(call.contains("+ call (asserted): participant Okonkwo, participant Tomas Berg"));
        assert!(call.contains(r#""date":{"text":"on Monday","span":"#));

        let visit = section(&output, "a travel verb");
        assert!(visit.contains("+ visit (asserted): visitor Amara Okonkwo, destination Velmora"));
        assert!(visit.contains(r#""destination":{"text":"Velmora","span":[43,50]}"#));

        let statement = section(&output, "a speech verb");
        assert!(statement.contains("+ statement (asserted): speaker Berg"));
        assert!(statement.contains(r#""canonical":"Tomas Berg""#));

        // The place changes the visit's destination, and only that.
        let place = section(&output, "a place");
        assert_eq!(place.matches("\n  - ").count(), 1, "{place}");
        assert!(
            place.contains(r#""destination":{"text":"Velmora","span":[43,50],"country":"KEN"}"#)
        );

        // The person changes the visit and the call, where the document
        // writes her surname only.
        let person = section(&output, "a person");
        assert_eq!(person.matches("\n  - ").count(), 2, "{person}");
        let nga = r#"{"text":"Amara Okonkwo","span":[0,30],"canonical":"Amara Okonkwo","country":"NGA","sector":"government"}"#;
        assert!(person.contains(nga), "{person}");
        let surname =
            r#"{"text":"Okonkwo","span":[63,70],"canonical":"Amara Okonkwo","country":"NGA""#;
        assert!(person.contains(surname), "{person}");
    }
}
