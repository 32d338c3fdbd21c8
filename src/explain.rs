//! Why (not): every trigger candidate of a document with the decision taken
//! on it and the rule or cue that took it. See [`crate::Extractor::explain`].

use crate::document::Span;
use crate::event::{Event, EventType, Mention, Rule};
use crate::lexicon::Lexicon;
use crate::rules::sense::Reject;
use crate::rules::RuleId;
use std::fmt;

/// One trigger word of a document and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Candidate {
    /// The kind the trigger word stands for.
    pub kind: EventType,
    /// The trigger word as written, with its span.
    pub trigger: Mention,
    /// The sentence it is in.
    pub sentence: Span,
    /// What was decided.
    pub decision: Decision,
}

/// What was decided on a trigger candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decision {
    /// An event, made by this rule (the event's `rule`).
    Event {
        /// The rule, as in [`crate::Event::rule`].
        rule: Rule,
    },
    /// Another sense of the word: not an event.
    OtherSense {
        /// The sense rule or cue id (`sense.strike_a_deal`).
        rule: String,
        /// What the rule says, in words.
        why: String,
    },
    /// No rule of the kind found the parties it needs around the word.
    NoParties,
}

impl Decision {
    /// The rule that decided, if one did.
    pub fn rule(&self) -> Option<&str> {
        match self {
            Decision::Event { rule } => Some(rule.id()),
            Decision::OtherSense { rule, .. } => Some(rule),
            Decision::NoParties => None,
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Event { rule } => write!(f, "event by {rule}"),
            Decision::OtherSense { rule, why } => write!(f, "not an event, {rule}: {why}"),
            Decision::NoParties => f.write_str("not an event: no rule found its parties"),
        }
    }
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, text, decision) = (self.kind, &self.trigger.text, &self.decision);
        let (start, end) = (self.trigger.span.start, self.trigger.span.end);
        write!(f, "{kind} {text:?} at {start}..{end}: {decision}")
    }
}

/// What the rules decided on each trigger candidate of a document.
#[derive(Debug, Default)]
pub(crate) struct Log(Vec<Decided>);

/// What the rules decided on one trigger candidate.
#[derive(Debug)]
pub(crate) struct Decided {
    pub kind: EventType,
    pub trigger: Span,
    pub sentence: Span,
    pub outcome: Outcome,
}

/// The outcome of one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// No rule of the kind found the parties it needs.
    NoParties,
    /// Another sense of the word.
    Sense(Reject),
    /// An event, by this rule.
    Event(RuleId),
}

impl Outcome {
    /// How much the outcome tells: an event over a sense, a sense over nothing.
    fn rank(self) -> u8 {
        match self {
            Outcome::NoParties => 0,
            Outcome::Sense(_) => 1,
            Outcome::Event(_) => 2,
        }
    }
}

impl Log {
    /// Notes an outcome: one per trigger and kind, the most telling of its
    /// meanings' (a noun reading without parties, then a verb reading's event).
    pub(crate) fn note(&mut self, d: Decided) {
        let same = |x: &&mut Decided| x.kind == d.kind && x.trigger.start == d.trigger.start;
        match self.0.iter_mut().rev().find(same) {
            Some(x) if x.outcome.rank() < d.outcome.rank() => x.outcome = d.outcome,
            Some(_) => {}
            None => self.0.push(d),
        }
    }

    /// The candidates in text order. `events` are the document's records:
    /// a call, visit or statement dropped there because its parties stayed
    /// unknown after resolution is said so.
    pub(crate) fn candidates(
        mut self,
        text: &str,
        lex: &Lexicon,
        events: &[Event],
    ) -> Vec<Candidate> {
        self.0.sort_by_key(|d| (d.trigger.start, d.kind as u8));
        let candidate = |d: &Decided| {
            let kept = (events.iter())
                .any(|e| e.kind.event_type() == d.kind && e.trigger.span == d.trigger);
            let decision = match d.outcome {
                Outcome::Event(rule) if kept => Decision::Event { rule: Rule(rule) },
                Outcome::Event(_) | Outcome::NoParties => Decision::NoParties,
                Outcome::Sense(Reject::Rule(rule)) => Decision::OtherSense {
                    rule: rule.name().to_string(),
                    why: rule.doc().to_string(),
                },
                Outcome::Sense(Reject::Cue(i)) => {
                    let cue = &lex.senses().cues[i];
                    let place = cue.place.describe();
                    let why = format!("a cue word {place} the trigger (senses.tsv)");
                    Decision::OtherSense {
                        rule: cue.id.clone(),
                        why,
                    }
                }
            };
            Candidate {
                kind: d.kind,
                trigger: Mention::from_span(text, d.trigger),
                sentence: d.sentence,
                decision,
            }
        };
        self.0.iter().map(candidate).collect()
    }
}
