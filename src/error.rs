//! The crate's error type.

use thiserror::Error;

/// An error from building an extractor or loading data.
///
/// Extraction itself never fails: any `&str` gives a (possibly empty) list of
/// events. Errors come from user-supplied lexicons, gold files and dates.
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
    /// A gold or prediction file is malformed.
    #[error("{source_name}, line {line}: {message}")]
    Gold {
        /// The file.
        source_name: String,
        /// 1-based line number (0 when the whole file is concerned).
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
    /// An I/O error, with the path it concerns.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// Parses an ISO `YYYY-MM-DD` date, with a clear error on bad input.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, Error> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| Error::Date {
        input: s.to_string(),
    })
}
