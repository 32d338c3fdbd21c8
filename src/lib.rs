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
//! let text = "U.S. Secretary of State Antony Blinken made a surprise visit Sunday to Baghdad.";
//! let extractor = Extractor::new();
//! let doc = Document::new("example", text);
//! let events = extractor.extract(&doc);
//! for event in &events {
//!     if let EventKind::Visit(v) = &event.kind {
//!         assert_eq!(v.destination.as_ref().map(|m| m.text.as_str()), Some("Baghdad"));
//!     }
//!     // The sentence is the evidence.
//!     let _evidence = &text[event.sentence.range()];
//! }
//! # assert!(!events.is_empty());
//! ```
#![deny(missing_docs)]

mod dates;
mod document;
mod error;
pub mod eval;
mod event;
mod extractor;
mod lexicon;
mod mention;
mod resolve;
mod rules;
mod segment;
mod tokens;

pub use document::{Document, Span};
pub use error::{parse_date, Error};
pub use event::{
    Attack, Call, Event, EventDate, EventKind, Mention, Modality, Sector, Statement, Visit,
};
pub use extractor::{Extractor, ExtractorBuilder};
pub use lexicon::LexiconEntry;
