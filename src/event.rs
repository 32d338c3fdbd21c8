//! The records: events, their kinds and roles, and their serde form.
//!
//! An [`Event`] serializes flat, with the kind's roles at the top level under
//! the names of the annotation guidelines:
//! `{"kind": "visit", "modality": "asserted", "visitor": {"text": ..., "span": [s, e]}, ...}`.

use crate::document::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Words of the document that fill a role.
///
/// `span` is where the role is expressed in the document, so
/// `&text[span.range()]` is the evidence. `text` is those words, except where
/// they are a pronoun or a description ("he", "the top U.S. diplomat"): then
/// `text` is the name they refer to, as the document writes it; and a
/// two-letter country ("US", "UK") is written in full ("United States").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The role's value as written (or the name a pronoun refers to).
    pub text: String,
    /// Byte span of the evidence in the document.
    pub span: Span,
    /// The fullest form of the name in the document ("Blinken" -> "Antony Blinken").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// ISO 3166-1 alpha-3 code of the actor's or place's country, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Kind of actor, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
}

impl Mention {
    /// A mention whose text is exactly `&doc[span]`.
    pub fn from_span(doc: &str, span: Span) -> Mention {
        Mention {
            text: doc.get(span.range()).unwrap_or_default().to_string(),
            span,
            canonical: None,
            country: None,
            sector: None,
        }
    }
}

/// The kind of an actor, in the manner of CAMEO/PLOVER actor codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sector {
    /// Heads of state and government, ministers, ministries, diplomats.
    Government,
    /// Armed forces of a state.
    Military,
    /// Police and internal security.
    Police,
    /// Non-state armed groups, militias, rebels, militants.
    ArmedGroup,
    /// Civilians and civil society.
    Civilians,
    /// International organizations (UN, AU, NATO, ...).
    InternationalOrganization,
    /// Opposition parties and politicians.
    Opposition,
    /// News media and agencies.
    Media,
    /// Companies and business.
    Business,
}

/// How an event is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened or happening.
    Asserted,
    /// Scheduled or announced for the future.
    Planned,
    /// Conditional, threatened or only possible.
    Hypothetical,
    /// Reported as not having happened.
    Negated,
}

impl Modality {
    /// The lowercase name used in JSON and gold files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// A date expression governing an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// The expression as written ("Sunday", "on October 23", "late last month").
    pub text: String,
    /// Byte span of the expression.
    pub span: Span,
    /// The day it resolves to, when the publication date is known and the
    /// expression names a single day.
    pub value: Option<NaiveDate>,
    /// For expressions that name a range ("last week"), its first and last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<(NaiveDate, NaiveDate)>,
}

/// A use of force by one party against people, places or things.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attack {
    /// Who attacked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attacker: Option<Mention>,
    /// Who or what was attacked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Mention>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Mention>,
    /// With what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weapon: Option<Mention>,
    /// Number killed, where the text states a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<u32>,
    /// Number injured, where the text states a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<u32>,
}

/// A remote conversation between parties.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    /// The parties to the call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Mention>,
}

/// A party travelling to a place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// Who travels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor: Option<Mention>,
    /// Where to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<Mention>,
    /// Who receives the visitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<Mention>,
}

/// A party communicating publicly: a quote or reported speech.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Who spoke.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Mention>,
    /// What was said: the quoted words, or the clause that carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Mention>,
    /// True when `content` is a direct quotation.
    #[serde(default)]
    pub quote: bool,
}

/// The kind of an event, with its roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum EventKind {
    /// An attack.
    Attack(Attack),
    /// A call.
    Call(Call),
    /// A visit.
    Visit(Visit),
    /// A statement.
    Statement(Statement),
}

impl EventKind {
    /// The lowercase kind name used in JSON and gold files.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Attack(_) => "attack",
            EventKind::Call(_) => "call",
            EventKind::Visit(_) => "visit",
            EventKind::Statement(_) => "statement",
        }
    }
}

/// One event mention found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The kind and its roles.
    #[serde(flatten)]
    pub kind: EventKind,
    /// How the event is reported.
    pub modality: Modality,
    /// The word or phrase that signals the event.
    pub trigger: Mention,
    /// The sentence the event was found in.
    #[serde(rename = "sentence_span")]
    pub sentence: Span,
    /// The date expression that governs the event, if any.
    #[serde(default)]
    pub date: Option<EventDate>,
    /// Id of the rule that produced the event, e.g. `"visit.visit_to"`.
    pub rule: String,
}
