//! The extractor: runs the stages over a document.

use crate::document::Document;
use crate::event::Event;

/// Builds an [`Extractor`] with extra lexicon entries.
#[derive(Debug, Default, Clone)]
pub struct ExtractorBuilder {}

impl ExtractorBuilder {
    /// A builder with the default rules and lexicons.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {}
    }

    /// Builds the extractor.
    pub fn build(self) -> Result<Extractor, crate::Error> {
        Ok(Extractor {})
    }
}

/// Extracts events from documents. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Extractor {}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the default rules and lexicons.
    pub fn new() -> Extractor {
        Extractor {}
    }

    /// A builder, to add lexicon entries before building.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts the events of a document, in text order. Never panics.
    pub fn extract(&self, doc: &Document<'_>) -> Vec<Event> {
        let _ = doc;
        Vec::new()
    }
}
