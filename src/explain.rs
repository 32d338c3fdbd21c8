//! Why (not): every trigger candidate of a document with the decision taken
//! on it and the rule or cue that took it. See [`crate::Extractor::explain`].

use crate::document::Span;
use crate::event::Mention;
use std::fmt;

/// One trigger word of a document and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Candidate {
    /// The kind the trigger word stands for: `attack`, `call`, `visit` or `statement`.
    pub kind: &'static str,
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
        /// The rule id, as in [`crate::Event::rule`].
        rule: &'static str,
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
            Decision::Event { rule } => Some(rule),
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
        write!(
            f,
            "{} {:?} at {}..{}: {}",
            self.kind,
            self.trigger.text,
            self.trigger.span.start,
            self.trigger.span.end,
            self.decision
        )
    }
}
