//! The public entry points: [`Extractor`] and its builder. The stages
//! they run are in `pipeline`.

use crate::document::Document;
use crate::error::Error;
use crate::event::Event;
use crate::explain::{Candidate, Log};
use crate::lexicon::{Lexicon, LexiconData, LexiconEntry};
use std::sync::Arc;

/// Builds an [`Extractor`] with extra lexicon entries: names, titles,
/// weapons and trigger words (see [`LexiconEntry`]).
///
/// ```
/// use newsevents::{Document, EventKind, EventType, Extractor, LexiconEntry};
///
/// let extractor = Extractor::builder()
///     .entry(LexiconEntry::Place { name: "Qaim".into(), aliases: vec![], country: Some("IRQ".into()) })
///     // A visit word, with the default frame of visits ("verb").
///     .entry(LexiconEntry::Trigger { kind: EventType::Visit, word: "shuttled".into(), frame: None })
///     .build()?;
/// let text = "The minister shuttled to Qaim on Monday.";
/// let events = extractor.extract(&Document::new("d", text));
/// let EventKind::Visit(visit) = &events[0].kind else { panic!("a visit") };
/// let destination = visit.destination.as_ref().unwrap();
/// assert_eq!((destination.text.as_str(), destination.country.as_deref()), ("Qaim", Some("IRQ")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default, Clone)]
pub struct ExtractorBuilder {
    entries: Vec<(String, LexiconEntry)>,
}

impl ExtractorBuilder {
    /// A builder with the default rules and lexicons.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Adds one lexicon entry. It is checked by [`ExtractorBuilder::build`],
    /// whose error names the source `"builder"`.
    pub fn entry(mut self, entry: LexiconEntry) -> ExtractorBuilder {
        self.entries.push(("builder".to_string(), entry));
        self
    }

    /// Adds the entries of a JSON Lines lexicon text (see [`LexiconEntry`]),
    /// checked at once: `source_name` names the text in errors, with the
    /// line number.
    #[cfg(feature = "json")]
    pub fn lexicon_jsonl(
        mut self,
        source_name: &str,
        text: &str,
    ) -> Result<ExtractorBuilder, Error> {
        let entries = LexiconEntry::parse_jsonl(source_name, text)?;
        (self.entries).extend(entries.into_iter().map(|e| (source_name.to_string(), e)));
        Ok(self)
    }

    /// Builds the extractor, checking every entry.
    pub fn build(self) -> Result<Extractor, Error> {
        let mut data = LexiconData::builtin();
        for (src, e) in &self.entries {
            e.apply(&mut data).map_err(|message| Error::Lexicon {
                source_name: src.clone(),
                // Entries from a text were checked line by line when parsed.
                line: 0,
                message,
            })?;
        }
        Ok(Extractor {
            lex: Arc::new(data.compile()),
        })
    }
}

/// Extracts events from documents. Build once, share across threads.
#[derive(Clone)]
pub struct Extractor {
    lex: Arc<Lexicon>,
}

/// The lexicon's size, not its megabytes of names.
impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (names, triggers) = self.lex.size();
        f.debug_struct("Extractor")
            .field("names", &names)
            .field("trigger_phrases", &triggers)
            .finish_non_exhaustive()
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the default rules and lexicons.
    pub fn new() -> Extractor {
        Extractor {
            lex: builtin_lexicon().clone(),
        }
    }

    /// A builder, to add lexicon entries before building.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts the events of a document, in text order. Never panics.
    pub fn extract(&self, doc: &Document<'_>) -> Vec<Event> {
        crate::pipeline::extract(doc, &self.lex, None)
    }

    /// Every trigger candidate of a document, in text order, with what was
    /// decided on it and the rule or sense cue that decided: the answer to
    /// "why did it (not) find this?".
    ///
    /// ```
    /// use newsevents::{Decision, Document, Extractor};
    ///
    /// let text = "Ukraine has agreed to strike a gas deal with Turkmenistan.";
    /// let candidates = Extractor::new().explain(&Document::new("d", text));
    /// let strike = candidates.iter().find(|c| c.trigger.text == "strike").unwrap();
    /// assert_eq!(strike.decision.rule(), Some("sense.strike_a_deal"));
    /// assert!(matches!(strike.decision, Decision::OtherSense { .. }));
    /// ```
    pub fn explain(&self, doc: &Document<'_>) -> Vec<Candidate> {
        let mut log = Log::default();
        let events = crate::pipeline::extract(doc, &self.lex, Some(&mut log));
        log.candidates(doc.text(), &self.lex, &events)
    }
}

/// The built-in lexicon, compiled once and shared by every default extractor
/// (and the benchmarks).
pub(crate) fn builtin_lexicon() -> &'static Arc<Lexicon> {
    static BUILTIN: once_cell::sync::Lazy<Arc<Lexicon>> =
        once_cell::sync::Lazy::new(|| Arc::new(LexiconData::builtin().compile()));
    &BUILTIN
}
