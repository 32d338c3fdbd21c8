//! A document analysed up to the rules: its sentences, tokens, lexicon
//! hits, quoted regions and mentions, made by the stages in that order.

use crate::document::Span;
use crate::lexicon::{Hit, Hits, Lexicon};
use crate::mention::{EntityMention, Finder, Weapon};
use crate::segment::Sentence;
use crate::tokens::{capacity_for, tokenize, Token};
use std::ops::Range;

/// What the rules read of a document.
#[derive(Debug)]
pub(crate) struct Analysis<'t> {
    pub text: &'t str,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Token range of each sentence.
    pub sent_toks: Vec<Range<usize>>,
    /// Quoted regions (between the marks), in order.
    pub quotes: Vec<Span>,
    /// Lexicon hits of the document, found in its tokens.
    pub hits: Vec<Hit>,
    /// Trigger hits of the document, found in its tokens.
    pub triggers: Vec<Hit>,
    /// Sense words of the document (see `Lexicon::sense_word`).
    pub sense_hits: Vec<Hit>,
    /// Per sentence, its mentions in text order.
    mentions: Vec<Vec<EntityMention>>,
    /// Per sentence, its weapons in text order.
    weapons: Vec<Vec<Weapon>>,
}

impl<'t> Analysis<'t> {
    /// Runs every stage up to the rules: segmentation, tokens, the lexicon
    /// and trigger search, quotes and mentions.
    pub(crate) fn new(text: &'t str, lex: &Lexicon) -> Analysis<'t> {
        Analysis::lexed(text, lex).with_mentions(lex)
    }

    /// [`Analysis::new`], or `None` when the text has no trigger: every
    /// event starts at one, so the mentions are not needed.
    pub(crate) fn triggered(text: &'t str, lex: &Lexicon) -> Option<Analysis<'t>> {
        if !lex.may_hold_trigger(text) {
            return None;
        }
        let a = Analysis::lexed(text, lex);
        (!a.triggers.is_empty()).then(|| a.with_mentions(lex))
    }

    /// The stages before mentions: sentences, tokens, the lexicon and
    /// trigger hits, quotes.
    pub(crate) fn lexed(text: &'t str, lex: &Lexicon) -> Analysis<'t> {
        let sentences = crate::segment::sentences(text);
        let mut tokens = Vec::with_capacity(capacity_for(text.len(), 5));
        let mut sent_toks = Vec::with_capacity(sentences.len());
        for s in &sentences {
            let first = tokens.len();
            tokenize(text, s.span, &mut tokens);
            sent_toks.push(first..tokens.len());
        }
        let mut hits = Hits::default();
        lex.hits_in(text, &tokens, &sent_toks, &mut hits);
        let quotes = crate::segment::quotes(text, &tokens, &sentences, &sent_toks);
        Analysis {
            text,
            sentences,
            tokens,
            sent_toks,
            quotes,
            hits: hits.names,
            triggers: hits.triggers,
            sense_hits: hits.senses,
            // Filled by `with_mentions`.
            mentions: Vec::new(),
            weapons: Vec::new(),
        }
    }

    /// Mention recognition, sentence by sentence.
    fn with_mentions(mut self, lex: &Lexicon) -> Self {
        (self.mentions, self.weapons) = (0..self.sentences.len())
            .map(|si| Finder::new(&self, si, lex).find())
            .unzip();
        self
    }

    /// The mentions of sentence `si`, in text order.
    pub(crate) fn mentions(&self, si: usize) -> &[EntityMention] {
        &self.mentions[si]
    }

    /// The mentions of all sentences, in text order.
    pub(crate) fn all_mentions(&self) -> Vec<&EntityMention> {
        self.mentions.iter().flatten().collect()
    }

    /// The weapons of sentence `si`, in text order.
    pub(crate) fn weapons(&self, si: usize) -> &[Weapon] {
        &self.weapons[si]
    }

    /// The text span of tokens `toks` (a non-empty range).
    pub(crate) fn toks_span(&self, toks: Range<usize>) -> Span {
        Span::new(
            self.tokens[toks.start].span.start,
            self.tokens[toks.end - 1].span.end,
        )
    }

    /// The hits of `hits` (in text order) that lie in sentence `si`: the
    /// name hits or the trigger hits, which start and end at token edges of
    /// one sentence.
    pub(crate) fn hits_of<'h>(&self, si: usize, hits: &'h [Hit]) -> &'h [Hit] {
        let range = &self.sent_toks[si];
        let first = hits.partition_point(|h| h.first_tok < range.start);
        let end = first + hits[first..].partition_point(|h| h.first_tok < range.end);
        &hits[first..end]
    }

    /// Quoted region that contains byte `b`, if any.
    pub(crate) fn quote_at(&self, b: usize) -> Option<Span> {
        let k = self.quotes.partition_point(|q| q.end < b);
        let q = *self.quotes.get(k)?;
        (q.start <= b && b <= q.end).then_some(q)
    }

    /// Quoted region that starts at byte `b` (quotes are in text order and
    /// do not overlap, so starts and ends are both sorted).
    pub(crate) fn quote_starting(&self, b: usize) -> Option<Span> {
        let k = self.quotes.partition_point(|q| q.start < b);
        self.quotes.get(k).copied().filter(|q| q.start == b)
    }

    pub(crate) fn quote_ending(&self, b: usize) -> Option<Span> {
        self.quote_at(b).filter(|q| q.end == b)
    }
}
