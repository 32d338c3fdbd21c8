//! User lexicon entries: added in code or read from JSON Lines text.

use super::tables::{by_name, iso};
use super::{Entry, Force, Frame, Iso, LexiconData, Trigger};
#[cfg(feature = "json")]
use crate::error::Error;
use crate::event::{EventType, Sector};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// One entry a user adds to the lexicon: a name, a title, a weapon or a
/// trigger word. Add it with [`ExtractorBuilder::entry`], or write it as one
/// line of a JSON Lines text for [`ExtractorBuilder::lexicon_jsonl`].
///
/// Names and titles match as written, with an initial capital where the
/// entry has one, and an acronym of up to five capitals exactly: a title's
/// lower-case form ("field marshal", a role without a name) is an entry of
/// its own. Weapons and trigger words match in any case. A country is an
/// ISO 3166-1 alpha-3 code ("IRQ"); a sector is one of [`Sector`]'s names
/// (`"armed_group"`).
///
/// In a lexicon text, one JSON object per line, tagged by `"type"`; blank
/// lines and lines starting with `#` or `//` are skipped. Every type, with
/// each field it takes (only `name` or `kind` and `word` are required):
///
/// ```text
/// {"type": "actor", "name": "Brigades of the North", "aliases": ["BotN"], "country": "IRQ", "sector": "armed_group"}
/// {"type": "place", "name": "Qurnat Hill", "aliases": ["Qurnat"], "country": "IRQ"}
/// {"type": "person", "name": "Amara Okonkwo", "aliases": ["Amara Okonkwo-Bell"], "country": "NGA", "sector": "government", "title": "Foreign Minister"}
/// {"type": "title", "name": "Field Marshal", "sector": "military"}
/// {"type": "weapon", "name": "loitering munition"}
/// {"type": "trigger", "kind": "attack", "word": "sabotaged", "frame": "verb"}
/// ```
///
/// A trigger's `kind` is an [`EventType`] (`attack`, `call`, `visit`,
/// `statement`) and its `frame` a [`TriggerFrame`] that suits the kind;
/// without one, the kind's default (first below) is taken:
///
/// | kind        | frames |
/// |-------------|--------|
/// | `attack`    | `verb`, `noun` |
/// | `call`      | `call`, `call_verb`, `medium` |
/// | `visit`     | `verb`, `noun`, `host` |
/// | `statement` | `say`, `tell`, `urge`, `object`, `prep`, `noun` |
///
/// An unknown type, kind, frame or sector, a frame that does not suit the
/// kind, a country that is not a code and an empty name are errors that
/// name the text and the line.
///
/// ```
/// use newsevents::{Document, EventType, Extractor, LexiconEntry, Sector, TriggerFrame};
///
/// let extractor = Extractor::builder()
///     .entry(LexiconEntry::Person {
///         name: "Amara Okonkwo".into(),
///         aliases: vec![],
///         country: Some("NGA".into()),
///         sector: Some(Sector::Government),
///         title: None,
///     })
///     .entry(LexiconEntry::Trigger {
///         kind: EventType::Statement,
///         word: "opined".into(),
///         frame: Some(TriggerFrame::Say),
///     })
///     .build()?;
/// let doc = Document::new("d", "Amara Okonkwo opined that the talks went well.");
/// let events = extractor.extract(&doc);
/// let (role, speaker) = events[0].roles().next().unwrap();
/// assert_eq!((role, speaker.country.as_deref()), ("speaker", Some("NGA")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`ExtractorBuilder::entry`]: crate::ExtractorBuilder::entry
/// [`ExtractorBuilder::lexicon_jsonl`]: crate::ExtractorBuilder::lexicon_jsonl
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum LexiconEntry {
    /// A named actor: an organization, group or institution. Its mentions
    /// carry its country and sector.
    Actor {
        /// The name as written in text.
        name: String,
        /// Other spellings.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aliases: Vec<String>,
        /// ISO 3166-1 alpha-3 country code.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<String>,
        /// What kind of actor it is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sector: Option<Sector>,
    },
    /// A place: a city, region or site. Its mentions carry its country, and
    /// it is a place wherever it stands, not only after "in" or "near".
    Place {
        /// The name as written in text.
        name: String,
        /// Other spellings.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aliases: Vec<String>,
        /// ISO 3166-1 alpha-3 country code.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<String>,
    },
    /// A person. Mentions of the name, and of its last word later in the
    /// document ("Okonkwo"), are that person, with its country and sector.
    Person {
        /// The name as written in text ("Amara Okonkwo").
        name: String,
        /// Other spellings.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aliases: Vec<String>,
        /// ISO 3166-1 alpha-3 code of the country the person acts for.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<String>,
        /// What kind of actor the person is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sector: Option<Sector>,
        /// The person's title ("Foreign Minister"): a later description by
        /// it ("the foreign minister") refers to the person, as when the
        /// document writes the title before the name. The description must
        /// be a title the lexicon knows (built in, or a [`LexiconEntry::Title`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
    },
    /// A person's title: before a name, it makes the name a person's; alone
    /// ("the field marshal"), it describes a person.
    Title {
        /// The title as written ("Field Marshal").
        name: String,
        /// Sector of the people holding it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sector: Option<Sector>,
    },
    /// A weapon: the weapon role of attacks, and evidence that a word such
    /// as "hit" is force.
    Weapon {
        /// The weapon as written.
        name: String,
    },
    /// A word or phrase that signals an event of a kind; an attack word is
    /// taken as force by itself.
    Trigger {
        /// The kind of event.
        kind: EventType,
        /// The word or phrase: one form ("sabotaged", not "sabotage"),
        /// matched in any case.
        word: String,
        /// Where its arguments sit; `None` is the kind's default
        /// ([`TriggerFrame::default_for`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        frame: Option<TriggerFrame>,
    },
}

/// Where a trigger word's participants sit around it, which tells the
/// rules of its kind how to read them. [`TriggerFrame::for_kind`] lists
/// the frames of each kind; the example sentences show the trigger in
/// capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TriggerFrame {
    /// Attack or visit: a verb with the attacker or visitor before it and
    /// the target or destination after it ("Rebels SABOTAGED the depot",
    /// "The envoy SHUTTLED to Lima").
    Verb,
    /// Attack, visit or statement: a noun, with its parties after "of",
    /// "by", "to" or in a possessive ("the SABOTAGE of the depot",
    /// "the envoy's SOJOURN in Lima", "the minister's REBUTTAL").
    Noun,
    /// Call: a conversation noun, its parties around it ("a VIDEO HUDDLE
    /// between the two leaders", "Ruiz held a VIDEO HUDDLE with Berg").
    Call,
    /// Call: a verb whose object is the other party ("Ruiz ZOOMED Berg").
    CallVerb,
    /// Call: the channel of a conversation ("the leaders spoke VIA SATELLITE
    /// PHONE").
    Medium,
    /// Visit: the subject receives the visitor ("The mayor FETED the envoy
    /// in Lima").
    Host,
    /// Statement: what was said follows the verb ("The minister OPINED that
    /// talks had stalled").
    Say,
    /// Statement: an addressee, then what was said ("She APPRISED reporters
    /// that talks had stalled").
    Tell,
    /// Statement: an addressee, then what they are asked to do ("He
    /// EXHORTED both sides to hold fire").
    Urge,
    /// Statement: a noun phrase or clause as the object ("The minister
    /// RUBBISHED the plan").
    Object,
    /// Statement: what was said after a preposition ("The minister
    /// AGITATED FOR a ceasefire").
    Prep,
}

impl TriggerFrame {
    /// The frames a trigger of `kind` may have, its default first.
    pub fn for_kind(kind: EventType) -> &'static [TriggerFrame] {
        use TriggerFrame::*;
        match kind {
            EventType::Attack => &[Verb, Noun],
            EventType::Call => &[Call, CallVerb, Medium],
            EventType::Visit => &[Verb, Noun, Host],
            EventType::Statement => &[Say, Tell, Urge, Object, Prep, Noun],
        }
    }

    /// The frame of a trigger of `kind` given none: the frame most of the
    /// built-in words of the kind have (`verb` for attacks and visits,
    /// `call` for calls, `say` for statements).
    pub fn default_for(kind: EventType) -> TriggerFrame {
        TriggerFrame::for_kind(kind)[0]
    }

    /// The snake_case name used in lexicon files ("call_verb").
    pub fn as_str(self) -> &'static str {
        match self {
            TriggerFrame::Verb => "verb",
            TriggerFrame::Noun => "noun",
            TriggerFrame::Call => "call",
            TriggerFrame::CallVerb => "call_verb",
            TriggerFrame::Medium => "medium",
            TriggerFrame::Host => "host",
            TriggerFrame::Say => "say",
            TriggerFrame::Tell => "tell",
            TriggerFrame::Urge => "urge",
            TriggerFrame::Object => "object",
            TriggerFrame::Prep => "prep",
        }
    }
}

impl fmt::Display for TriggerFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The frame of a trigger of `kind`: `frame`, if it suits the kind, or the
/// kind's default. The rules read the internal frame of the same name.
fn check_frame(kind: EventType, frame: Option<TriggerFrame>) -> Result<Frame, String> {
    let valid = TriggerFrame::for_kind(kind);
    match frame.unwrap_or(valid[0]) {
        f if valid.contains(&f) => by_name(f.as_str()),
        f => {
            let names: Vec<&str> = valid.iter().map(|v| v.as_str()).collect();
            Err(format!(
                "frame `{f}` does not suit a {kind} trigger; its frames are {}",
                names.join(", ")
            ))
        }
    }
}

/// A user's country: an ISO code, checked as the tables' are, or none.
fn check_iso(country: &Option<String>) -> Result<Option<Iso>, String> {
    (country.as_deref().map(iso).transpose()).map_err(|e| format!("country {e}"))
}

/// A user's name or word, trimmed; an error when nothing is left.
fn check_name(n: &str) -> Result<&str, String> {
    match n.trim() {
        "" => Err("empty name".to_string()),
        name => Ok(name),
    }
}

impl LexiconEntry {
    /// Checks the entry and adds it to the lexicon data. The name is
    /// checked first, then the other fields in order, then the aliases.
    pub(crate) fn apply(&self, data: &mut LexiconData) -> Result<(), String> {
        let (name, aliases) = match self {
            Self::Actor { name, aliases, .. }
            | Self::Place { name, aliases, .. }
            | Self::Person { name, aliases, .. } => (name, &aliases[..]),
            Self::Title { name, .. } | Self::Weapon { name } => (name, &[][..]),
            Self::Trigger { word, .. } => (word, &[][..]),
        };
        let name = check_name(name)?;
        let entry = match self {
            Self::Actor {
                country, sector, ..
            } => Entry::Actor {
                iso: check_iso(country)?,
                sector: *sector,
            },
            Self::Place { country, .. } => Entry::Place {
                iso: check_iso(country)?,
            },
            Self::Person {
                country,
                sector,
                title,
                ..
            } => Entry::Person {
                iso: check_iso(country)?,
                sector: *sector,
                title: (title.as_deref())
                    .map(|t| check_name(t).map(|t| Arc::from(t.to_lowercase())))
                    .transpose()
                    .map_err(|_| "empty title".to_string())?,
            },
            Self::Title { sector, .. } => Entry::Title { sector: *sector },
            Self::Weapon { .. } => Entry::Weapon { force: true },
            &Self::Trigger { kind, frame, .. } => {
                let frame = check_frame(kind, frame)?;
                // A user's own attack word is taken as force: they chose its sense.
                let force = Force::Itself;
                data.add_trigger(name, Trigger { kind, frame, force });
                return Ok(());
            }
        };
        data.add_name(name, entry.clone());
        for alias in aliases {
            data.add_name(check_name(alias)?, entry.clone());
        }
        Ok(())
    }

    /// Parses JSON Lines lexicon text (see [`LexiconEntry`]) and checks
    /// each entry; errors name `source_name` and the line.
    #[cfg(feature = "json")]
    pub fn parse_jsonl(source_name: &str, text: &str) -> Result<Vec<LexiconEntry>, Error> {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') || t.starts_with("//") {
                continue;
            }
            let error = |message: String| Error::Lexicon {
                source_name: source_name.to_string(),
                line: i + 1,
                message,
            };
            let entry: LexiconEntry = serde_json::from_str(t).map_err(|e| error(e.to_string()))?;
            entry.apply(&mut LexiconData::default()).map_err(error)?;
            out.push(entry);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_frame_a_user_may_give_is_one_the_rules_read() {
        let kinds = [
            EventType::Attack,
            EventType::Call,
            EventType::Visit,
            EventType::Statement,
        ];
        for kind in kinds {
            for &frame in TriggerFrame::for_kind(kind) {
                assert!(check_frame(kind, Some(frame)).is_ok(), "{frame}");
            }
        }
    }
}
