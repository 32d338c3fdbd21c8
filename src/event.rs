//! The records: events, their kinds and roles, and their serde form.
//!
//! An [`Event`] serializes flat, with the kind's roles at the top level under
//! the names of the annotation guidelines:
//! `{"kind": "visit", "modality": "asserted", "visitor": {"text": ..., "span": [s, e]}, ...}`.
//!
//! The record types are `#[non_exhaustive]`: a later release may add a role
//! or a field without breaking a program that reads them.

use crate::document::Span;
use crate::rules::RuleId;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Words of the document that fill a role.
///
/// `span` is where the role is expressed in the document, so
/// `&text[span.range()]` is the evidence. `text` is those words, except where
/// they are a pronoun or a description ("he", "the top U.S. diplomat"): then
/// `text` is the name they refer to, as the document writes it; and a
/// two-letter country ("US", "UK") is written in full ("United States").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

/// The role's value: the name as the document writes it.
impl fmt::Display for Mention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
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

impl Sector {
    /// The snake_case name used in JSON and lexicon files ("armed_group").
    pub fn as_str(&self) -> &'static str {
        match self {
            Sector::Government => "government",
            Sector::Military => "military",
            Sector::Police => "police",
            Sector::ArmedGroup => "armed_group",
            Sector::Civilians => "civilians",
            Sector::InternationalOrganization => "international_organization",
            Sector::Opposition => "opposition",
            Sector::Media => "media",
            Sector::Business => "business",
        }
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an event is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date expression governing an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
pub struct Call {
    /// The parties to the call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Mention>,
}

/// A party travelling to a place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
#[non_exhaustive]
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
        self.event_type().as_str()
    }

    /// The kind without its roles.
    pub fn event_type(&self) -> EventType {
        match self {
            EventKind::Attack(_) => EventType::Attack,
            EventKind::Call(_) => EventType::Call,
            EventKind::Visit(_) => EventType::Visit,
            EventKind::Statement(_) => EventType::Statement,
        }
    }

    /// The roles that have a value, as (role name, mention), in the order
    /// and under the names of the JSON form: a call gives one
    /// `"participant"` per party. The casualty counts of an attack and
    /// whether a statement is a quote are fields, not mentions.
    pub fn roles(&self) -> impl Iterator<Item = (&'static str, &Mention)> + '_ {
        // No allocation: linking reads the roles of every record. A role's
        // name pairs with its value; padding past the names is ignored.
        let (names, single, participants): (&[&'static str], [_; 4], &[Mention]) = match self {
            EventKind::Attack(a) => {
                let names = &["attacker", "target", "location", "weapon"];
                (names, [&a.attacker, &a.target, &a.location, &a.weapon], &[])
            }
            EventKind::Call(c) => (&[], [&None; 4], &c.participants),
            EventKind::Visit(v) => {
                let names = &["visitor", "destination", "host"];
                (names, [&v.visitor, &v.destination, &v.host, &None], &[])
            }
            EventKind::Statement(s) => {
                let names = &["speaker", "content"];
                (names, [&s.speaker, &s.content, &None, &None], &[])
            }
        };
        let single = names.iter().zip(single);
        let single = single.filter_map(|(&role, m)| Some((role, m.as_ref()?)));
        single.chain(participants.iter().map(|m| ("participant", m)))
    }

    /// Writes the roles as `: role value, role value`, nothing when none.
    fn write_roles(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (role, m)) in self.roles().enumerate() {
            let sep = if i == 0 { ": " } else { ", " };
            write!(f, "{sep}{role} {m}")?;
        }
        if let EventKind::Attack(a) = self {
            for (what, n) in [("killed", a.killed), ("injured", a.injured)] {
                if let Some(n) = n {
                    write!(f, ", {what} {n}")?;
                }
            }
        }
        Ok(())
    }
}

/// The kind and its roles: `visit: visitor Ana Ruiz, destination Nairobi`.
impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())?;
        self.write_roles(f)
    }
}

/// The four kinds of event, without their roles: what a trigger word of a
/// user's lexicon stands for, and [`EventKind::event_type`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    /// A use of force.
    Attack,
    /// A remote conversation.
    Call,
    /// Travel to a place.
    Visit,
    /// Public communication.
    Statement,
}

impl EventType {
    /// The kind named `name` ("attack", "call", "visit", "statement"), if
    /// it is one.
    pub fn from_name(name: &str) -> Option<EventType> {
        crate::lexicon::by_name(name).ok()
    }

    /// The lowercase name used in JSON and gold files.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Attack => "attack",
            EventType::Call => "call",
            EventType::Visit => "visit",
            EventType::Statement => "statement",
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One event mention found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// The rule that produced the event; written as its id, `"visit.visit_to"`.
    pub rule: Rule,
    /// The real-world event this record reports: records with equal ids
    /// report the same event. The extractor links the records of one
    /// document, `"<doc id>#<n>"` with n the index of the event's first
    /// record among the document's events; [`EventLinker`](crate::EventLinker)
    /// links them across documents.
    #[serde(default)]
    pub event: String,
}

impl Event {
    /// The roles that have a value: see [`EventKind::roles`].
    pub fn roles(&self) -> impl Iterator<Item = (&'static str, &Mention)> + '_ {
        self.kind.roles()
    }

    /// The event as one line of JSON Lines, the command line's output
    /// format: `{"doc": doc_id, "kind": ..., ...}`, the event's serde form
    /// after the document's id. Print it with `{}` (no newline), or give it
    /// to any serde serializer.
    ///
    /// ```
    /// # use newsevents::{Document, Extractor};
    /// let doc = Document::new("d1", "Foreign Minister Ana Ruiz visited Nairobi on Monday.");
    /// let event = &Extractor::new().extract(&doc)[0];
    /// let line = event.json_line(doc.id()).to_string();
    /// assert!(line.starts_with(r#"{"doc":"d1","kind":"visit""#));
    /// ```
    #[cfg(feature = "json")]
    pub fn json_line<'a>(&'a self, doc_id: &'a str) -> JsonLine<'a> {
        JsonLine {
            doc: doc_id,
            event: self,
        }
    }
}

/// `visit (asserted): visitor Ana Ruiz, destination Nairobi; date Monday;
/// trigger "visited" at 34..41`.
impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.kind.name(), self.modality)?;
        self.kind.write_roles(f)?;
        if let Some(d) = &self.date {
            write!(f, "; date {}", d.text)?;
            match (d.value, d.range) {
                (Some(day), _) => write!(f, " = {day}")?,
                (None, Some((first, last))) => write!(f, " = {first}..{last}")?,
                (None, None) => {}
            }
        }
        let (text, at) = (&self.trigger.text, self.trigger.span);
        write!(f, "; trigger {text:?} at {}..{}", at.start, at.end)
    }
}

/// An event with its document's id, serialized as one JSON line: see
/// [`Event::json_line`].
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Serialize)]
pub struct JsonLine<'a> {
    doc: &'a str,
    #[serde(flatten)]
    event: &'a Event,
}

#[cfg(feature = "json")]
impl fmt::Display for JsonLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Cannot fail: every map key of an event is a string.
        f.write_str(&serde_json::to_string(self).map_err(|_| fmt::Error)?)
    }
}

/// The rule of the extractor that found an event.
///
/// Its id names the kind and the construction (`"attack.passive"`,
/// `"visit.visit_to"`); [`Rule::doc`] says in words what it recognises.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule(pub(crate) RuleId);

impl Rule {
    /// The rule's id, as the JSON output writes it.
    pub fn id(&self) -> &'static str {
        self.0.name()
    }

    /// What the rule recognises, in one line.
    pub fn doc(&self) -> &'static str {
        self.0.doc()
    }

    /// The rule with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Rule> {
        let rule = RuleId::ALL.iter().find(|r| r.name() == id)?;
        Some(Rule(*rule))
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rule({:?})", self.id())
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl PartialEq<str> for Rule {
    fn eq(&self, other: &str) -> bool {
        self.id() == other
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        let id = String::deserialize(d)?;
        Rule::from_id(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown rule {id:?}")))
    }
}
