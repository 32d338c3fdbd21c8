//! Rule-based extraction of events from English news text.
//!
//! `newsevents` reads the text of a news article and returns typed records
//! for four kinds of event: **attacks, calls, visits and statements**, with
//! their roles (who, to whom, where, when) and every role tied to the exact
//! bytes of text it came from.
//!
//! ```
//! use newsevents::{Document, EventKind, Extractor};
//!
//! let text = "Foreign Minister Ana Ruiz made a surprise visit Sunday to Nairobi.";
//! let extractor = Extractor::new();
//! let doc = Document::new("example", text);
//! let events = extractor.extract(&doc);
//! for event in &events {
//!     if let EventKind::Visit(v) = &event.kind {
//!         assert_eq!(v.destination.as_ref().map(|m| m.text.as_str()), Some("Nairobi"));
//!         assert_eq!(v.visitor.as_ref().map(|m| m.text.as_str()), Some("Ana Ruiz"));
//!     }
//!     // The sentence is the evidence.
//!     let _evidence = &text[event.sentence.range()];
//! }
//! # assert!(!events.is_empty());
//! ```
//!
//! # Design
//!
//! Text flows one way: **document → sentences → tokens → mentions → trigger
//! rules → sense → modality and tense, date and resolution → events**.
//!
//! - *Segmentation* splits sentences at `.`, `!`, `?` unless after an
//!   abbreviation ("U.S.", "Gen."), keeps hard-wrapped wire copy together and
//!   flags headlines and "READ ALSO" boilerplate (skipped).
//! - *Mentions* come from the lexicon (countries, places, actors, titles,
//!   actor nouns, weapons: data tables under `src/lexicon/data/`, looked up
//!   once per token with the trigger words) and from runs of capitalized
//!   words, split into country, title and name.
//! - *Rules*, one module per kind, look at each trigger word and fill the
//!   roles from the mentions around it (subject, "by X", "on X", "X's visit
//!   to Y"); every rule has an id in one catalogue, shown as
//!   [`Event::rule`], and example sentences both ways run by one test.
//!   The word classes they test are data (`src/words/*.txt`).
//! - *Sense* decides whether a trigger word means the event at all: cue
//!   words around it ("strike a deal", "heart attack", "went on sale"), the
//!   types of the parties the rule found (plans, a deal, a product are not
//!   attacked; an award does not travel), and for ambiguous attack words
//!   evidence of force. [`Extractor::explain`] shows each decision.
//! - *Modality* comes from cue words before and after the trigger (will,
//!   threatened, vowed, could, if, prevent, not).
//! - *Dates* ("Sunday", "on March 8", "late last month") are found by named
//!   rules and resolved against the publication date. The tense of the
//!   trigger's clause ("has arrived", "will visit", "is set to travel",
//!   "said it would") prefers the occurrence before or after publication,
//!   within the distance news uses such a date for (a bare weekday: the week
//!   around publication; a bare month-day: about eleven months); a
//!   headline, the present tense or anything farther takes the nearer one.
//!   No role runs into a date ("the convoy yesterday" is "the convoy").
//! - *Resolution* maps "he", "the minister" and surnames to the fullest name
//!   in the document; a role keeps the span of the words it was read from.
//!
//! Rules are written for constructions, not for sentences: precision matters
//! as much as recall, so a trigger without an identifiable party is dropped
//! rather than guessed.
//!
//! # Untrusted input
//!
//! Any `&str` is accepted: extraction never panics, and every span lies on
//! `char` boundaries inside the text. Time is linear in the input.
//!
//! # Evaluation
//!
//! The workspace crate `newsevents-eval` (folder `eval/`) scores events
//! against gold annotations in the format of the project's annotation
//! guidelines, as the reference scorer does;
//! `cargo run --release --example evaluate -- GOLD_DIR`.
#![deny(missing_docs)]

mod coreference;
mod dates;
mod dating;
mod document;
mod error;
mod event;
mod explain;
mod extractor;
mod lexicon;
mod link;
mod linker;
mod mention;
mod pipeline;
mod records;
mod resolve;
mod rules;
mod segment;
mod tokens;
mod words;

/// The calendar date type of [`Document::published`] and [`EventDate`].
pub use chrono::NaiveDate;
pub use document::{Document, Span};
pub use error::{parse_date, Error};
#[cfg(feature = "json")]
pub use event::JsonLine;
pub use event::{
    Attack, Call, Event, EventDate, EventKind, EventType, Mention, Modality, Rule, Sector,
    Statement, Visit,
};
pub use explain::{Candidate, Decision};
pub use extractor::{Extractor, ExtractorBuilder};
pub use lexicon::{LexiconEntry, TriggerFrame};
pub use linker::EventLinker;

/// The README's Rust examples, run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// Thin entry points into the extraction stages, for the benchmarks.
///
/// **Not a stable API**: hidden from the documentation, and free to change or
/// disappear in any release. Each function runs one stage (and what it needs)
/// over a whole text and returns a count, so that the work cannot be optimized
/// away.
#[doc(hidden)]
pub mod bench_api {
    /// Sentence segmentation: the number of sentences.
    pub fn segment(text: &str) -> usize {
        crate::segment::sentences(text).len()
    }

    /// Segmentation, tokenization and mention recognition (default lexicon):
    /// the number of mentions.
    pub fn analyse(text: &str) -> usize {
        let a = crate::pipeline::Analysis::new(text, crate::extractor::builtin_lexicon());
        a.all_mentions().len()
    }

    /// Segmentation, tokenization and the search for lexicon names and
    /// trigger words in the tokens (default lexicon): the number of hits.
    pub fn lexicon(text: &str) -> usize {
        let a = crate::pipeline::Analysis::lexed(text, crate::extractor::builtin_lexicon());
        a.hits.len() + a.triggers.len()
    }

    /// Date expressions, sentence by sentence as the extractor looks for them
    /// (segmentation and tokens included): the number found.
    pub fn dates(text: &str) -> usize {
        crate::segment::sentences(text)
            .iter()
            .map(|s| crate::dates::find_dates(text, s.span.start, s.span.end).len())
            .sum()
    }

    /// A document analysed up to the rules (segmentation, tokens, the
    /// lexicon search and mentions), so that each kind's rules can be timed
    /// alone.
    pub struct Analysed<'t>(crate::pipeline::Analysis<'t>);

    /// Analyses `text` with the default lexicon.
    pub fn analysed(text: &str) -> Analysed<'_> {
        let lexicon = crate::extractor::builtin_lexicon();
        Analysed(crate::pipeline::Analysis::new(text, lexicon))
    }

    impl Analysed<'_> {
        /// The rules of one kind ("attack", "call", "visit" or "statement";
        /// anything else runs all) and their modality: the number of drafts.
        pub fn rules(&self, kind: &str) -> usize {
            let only = crate::EventType::from_name(kind);
            crate::pipeline::run_rules(&self.0, crate::extractor::builtin_lexicon(), only, None)
                .0
                .len()
        }
    }
}
