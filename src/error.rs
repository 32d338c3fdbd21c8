//! The crate's error type.

use thiserror::Error;

/// An error from building an extractor or loading data.
///
/// Extraction itself never fails: any `&str` gives a (possibly empty) list of
/// events. Errors come from user-supplied lexicons and dates.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon entry or file is malformed.
    #[error("lexicon {source_name}, line {line}: {message}")]
    Lexicon {
        /// Where the entry came from (a file name, or "builder").
        source_name: String,
        /// 1-based line number (0 when not from a file).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A date string could not be parsed.
    #[error("bad date {input:?}: expected YYYY-MM-DD")]
    Date {
        /// The input that failed.
        input: String,
    },
}

/// Parses an ISO `YYYY-MM-DD` date, with a clear error on bad input.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, Error> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| Error::Date {
        input: s.to_string(),
    })
}
