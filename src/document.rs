//! The input: a document's id, text and optional publication date, and byte spans into it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range of UTF-8 byte offsets into a document's text.
///
/// Every span the crate returns lies on `char` boundaries inside the text, so
/// `&text[span.range()]` is always valid. Serialized as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, for slicing: `&text[span.range()]`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes; 0 for an inverted span (`end < start`).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Span {
        Span::new(a[0], a[1])
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

/// One news article: an id, its text and, when known, its publication date.
///
/// The publication date anchors relative date expressions ("Monday",
/// "last week"); without it dates keep their text and get no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    id: String,
    text: &'a str,
    published: Option<NaiveDate>,
}

impl<'a> Document<'a> {
    /// A document with an id and its text, and no publication date.
    pub fn new(id: impl Into<String>, text: &'a str) -> Document<'a> {
        Document {
            id: id.into(),
            text,
            published: None,
        }
    }

    /// Sets the publication date (builder style).
    pub fn published(mut self, date: NaiveDate) -> Document<'a> {
        self.published = Some(date);
        self
    }

    /// Sets or clears the publication date.
    pub fn with_published(mut self, date: Option<NaiveDate>) -> Document<'a> {
        self.published = date;
        self
    }

    /// The document's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The document's text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The publication date, if known.
    pub fn publication_date(&self) -> Option<NaiveDate> {
        self.published
    }
}
