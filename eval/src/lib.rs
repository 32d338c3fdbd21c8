//! Scoring events found by [`newsevents`] against gold annotations.
//!
//! A gold folder holds `docs.jsonl`, `events.jsonl` and the document texts,
//! in the format of the annotation guidelines (`GUIDELINES.md` of the shared
//! gold). This crate scores predictions against it by the rules the
//! guidelines state, the rules of the reference scorer `score.py`; a test
//! checks that both give the same figures, to the third decimal, on every
//! gold folder of the project.
//!
//! ```
//! use std::collections::HashMap;
//! use newsevents_eval::{Gold, Kind};
//!
//! let text = "Blinken made a surprise visit Sunday to Baghdad. He left.";
//! let docs = r#"{"doc": "d1", "path": "d1.txt", "published": "2023-11-06"}"#;
//! let events = r#"{"doc": "d1", "kind": "visit", "anchor": "surprise visit Sunday to Baghdad", "modality": "asserted", "visitor": "Blinken", "destination": "Baghdad"}"#;
//! let texts = HashMap::from([("d1".to_string(), text.to_string())]);
//! let gold = Gold::from_strs(docs, events, texts)?;
//!
//! let predictions = r#"{"doc": "d1", "kind": "visit", "sentence_span": [0, 48], "destination": {"text": "Baghdad"}}"#;
//! let report = gold.score_jsonl(predictions)?;
//! assert_eq!(report.kind(Kind::Visit).scores.true_positives, 1);
//! assert_eq!(report.micro.scores.f1, 1.0);
//! println!("{report}");
//! # Ok::<(), newsevents_eval::Error>(())
//! ```
//!
//! # Gold
//!
//! [`Gold::load`] reads a gold folder; [`Gold::from_strs`] takes the two
//! files' contents and the texts. Every line is checked: role values are
//! strings, `participants` a list of strings, `killed` and `injured`
//! non-negative integers, `date_value` a `YYYY-MM-DD` date, and a malformed
//! line is an [`Error`] naming the file and the line. A record's `anchor` must occur
//! in its document; `anchor_nth` picks the n-th occurrence (0-based, counting
//! occurrences that overlap). A `docs.jsonl` line may list the `"kinds"` its
//! gold covers: records and predictions of other kinds are not scored in that
//! document ([`GoldDoc::scored_kinds`]).
//!
//! # Predictions
//!
//! [`Gold::score_events`] takes the extractor's events; [`Gold::score_jsonl`]
//! and [`Gold::score_file`] read JSON lines, one prediction a line, blank
//! lines skipped. Events are scored through the line [`prediction_json`]
//! writes for them (the extractor's JSON output), so both score alike. A line
//! is an object with:
//!
//! - `doc`: the document id, as in `docs.jsonl`. Lines for documents the
//!   gold does not hold are skipped and counted ([`Report::skipped`]).
//! - `kind`: `attack`, `call`, `visit` or `statement`.
//! - the sentence span under `sentence_span`, `sentence` or `span` (the first
//!   present): `[start, end]` or `{"start": s, "end": e}`, UTF-8 byte offsets
//!   with `start <= end <= ` the document's length.
//! - `modality`: `asserted`, `planned`, `hypothetical` or `negated`;
//!   absent or null means asserted.
//! - roles, under `roles` (an object) or at the top level (a role under
//!   `roles` wins). A text role is a string or an object whose `text` (else
//!   `name`) is a string; `participants` is a list of those; `killed` and
//!   `injured` are non-negative integers or objects with an integer `count`;
//!   `date` is a text role whose object may carry a `value` (a string
//!   starting with `YYYY-MM-DD`, or null). Null, an empty string or an object
//!   with neither `text` nor `name` counts as no value. Other keys are
//!   ignored.
//!
//! Anything else (a line that is not a JSON object, a missing or unknown
//! kind, a span out of range, a role of the wrong shape) is an [`Error`]
//! naming the input and the line: a figure computed over silently dropped
//! lines would mislead.
//!
//! # Scoring
//!
//! As the guidelines state it:
//!
//! - A prediction can pair with a gold record of its document and kind when
//!   its sentence span contains the anchor's first byte. Pairs are made one
//!   to one, greedily: required gold records (asserted or planned, not
//!   optional) first, then agreeing modality, then more matching roles, then
//!   the nearer sentence start; remaining ties go to the later record and
//!   the later prediction (the reference scorer's order).
//! - Role values match by [`str_match`] (after [`fold`], one contains the
//!   other and the shorter has at least three characters); `participants`
//!   element by element; `content` at [`token_f1`] >= 0.5; `killed` and
//!   `injured` as equal integers; `date` by the day its value names against
//!   the gold `date_value` where the gold has one, else by text.
//! - Precision, recall and F1 count required gold records. A prediction
//!   paired with an optional record counts for nothing; one paired with a
//!   hypothetical or negated record is a false positive when its own
//!   modality is asserted or planned, else nothing. Unpaired asserted or
//!   planned predictions are false positives.
//! - Role F1, modality accuracy and date-value accuracy are measured over
//!   the pairs with a required record. The [`Report`] keeps ratios exact;
//!   its `Display` rounds them to three decimals, as `score.py` prints them.
//!
//! # Where this differs from `score.py`
//!
//! Only on input outside the documented formats, which `score.py` reads
//! leniently or crashes on: it also takes `doc_id`, `document` or
//! `source.doc` for the document (a path reduced to its file stem),
//! `evidence` or a nested `{"span": ...}` for the span, `canonical` or
//! `value` for a role's text (also where `text` is empty), `parties` for
//! `participants`, and strings, floats or booleans where numbers belong; it
//! counts a line it cannot use as "unusable", and a prediction with an
//! unknown modality as neither asserted nor hypothetical. Here such lines
//! are errors. White space is Unicode's `White_Space`, tokens are runs of
//! alphanumeric characters and `_`, and NFKC follows the Unicode version of
//! the `unicode-normalization` crate; on news text these agree with
//! Python's, as the agreement test shows.
#![deny(missing_docs)]

mod gold;
mod matching;
mod prediction;
mod report;
mod score;

pub use gold::{Gold, GoldDoc, GoldRecord, RoleValue};
pub use matching::{fold, str_match, token_f1, tokens};
pub use prediction::prediction_json;
pub use report::{Extra, KindScores, MicroScores, Miss, Report, Scores};

use serde::Serialize;
use std::fmt;

/// An error reading gold or predictions; it names the file (or input) and
/// the line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of `docs.jsonl` or `events.jsonl` is malformed.
    #[error("{source_name}, line {line}: {message}")]
    Gold {
        /// The file.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A prediction line is malformed.
    #[error("{source_name}, line {line}: {message}")]
    Prediction {
        /// The file, or `predictions` for a string, `events` for typed events.
        source_name: String,
        /// 1-based line number (the event's position for typed events).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// The kinds of event scored, in the order of the score table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `attack`
    Attack,
    /// `call`
    Call,
    /// `visit`
    Visit,
    /// `statement`
    Statement,
}

impl Kind {
    /// All kinds, in the order of the score table.
    pub const ALL: [Kind; 4] = [Kind::Attack, Kind::Call, Kind::Visit, Kind::Statement];

    /// The lowercase name used in JSON and gold files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Attack => "attack",
            Kind::Call => "call",
            Kind::Visit => "visit",
            Kind::Statement => "statement",
        }
    }

    /// The kind with this lowercase name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The roles scored for this kind, besides `date` (scored for every kind).
    pub fn roles(self) -> &'static [&'static str] {
        match self {
            Kind::Attack => &[
                "attacker", "target", "location", "weapon", "killed", "injured",
            ],
            Kind::Call => &["participants"],
            Kind::Visit => &["visitor", "destination", "host"],
            Kind::Statement => &["speaker", "content"],
        }
    }

    /// The scored roles, `date` last.
    pub(crate) fn scored_roles(self) -> impl Iterator<Item = &'static str> {
        self.roles().iter().copied().chain(std::iter::once("date"))
    }

    /// The position in [`Kind::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The non-blank lines of a JSON-lines file, numbered from 1.
pub(crate) fn json_lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
}
