//! User lexicon entries: added in code or read from JSON Lines text.

use super::tables::{by_name, iso, sector_or_none};
use super::{Entry, Force, Frame, Iso, LexiconData, Trigger, TriggerKind};
#[cfg(feature = "json")]
use crate::error::Error;
use crate::event::Sector;
use serde::{Deserialize, Serialize};

/// One entry a user adds to the lexicon.
///
/// In a lexicon file, one JSON object per line, tagged by `"type"`:
///
/// ```text
/// {"type": "actor", "name": "Brigades of the North", "aliases": ["BotN"], "country": "IRQ", "sector": "armed_group"}
/// {"type": "place", "name": "Qaim", "country": "IRQ"}
/// {"type": "title", "name": "Field Marshal", "sector": "military"}
/// {"type": "weapon", "name": "loitering munition"}
/// {"type": "trigger", "kind": "attack", "word": "sabotaged", "frame": "verb"}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum LexiconEntry {
    /// A named actor: organization, group, institution.
    Actor {
        /// The name as written in text.
        name: String,
        /// Other spellings.
        #[serde(default)]
        aliases: Vec<String>,
        /// ISO 3166-1 alpha-3 country code.
        #[serde(default)]
        country: Option<String>,
        /// Sector: government, military, police, armed_group, civilians,
        /// international_organization, opposition, media, business.
        #[serde(default)]
        sector: Option<String>,
    },
    /// A place: city, region, site.
    Place {
        /// The name as written in text.
        name: String,
        /// Other spellings.
        #[serde(default)]
        aliases: Vec<String>,
        /// ISO 3166-1 alpha-3 country code.
        #[serde(default)]
        country: Option<String>,
    },
    /// A person's title.
    Title {
        /// The title as written ("Field Marshal").
        name: String,
        /// Sector of people holding it.
        #[serde(default)]
        sector: Option<String>,
    },
    /// A weapon.
    Weapon {
        /// The weapon as written.
        name: String,
    },
    /// A trigger word for an event kind.
    Trigger {
        /// attack, call, visit or statement.
        kind: String,
        /// The word or phrase, matched case-insensitively.
        word: String,
        /// Argument frame (see `triggers.tsv`); defaults to "verb" for
        /// attacks, "visit"/"call" for those, "say" for statements.
        #[serde(default)]
        frame: Option<String>,
    },
}

/// A user's country: an ISO code, checked as the tables' are, or none.
fn check_iso(country: &Option<String>) -> Result<Option<Iso>, String> {
    (country.as_deref().map(iso).transpose()).map_err(|e| format!("country {e}"))
}

/// A user's sector: a name, or none when absent, empty or `-`.
fn check_sector(s: &Option<String>) -> Result<Option<Sector>, String> {
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => sector_or_none(s).map_err(|e| format!("sector: {e}")),
    }
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
        let (name, aliases, entry) = match self {
            LexiconEntry::Actor {
                name,
                aliases,
                country,
                sector,
            } => {
                let name = check_name(name)?;
                let (iso, sector) = (check_iso(country)?, check_sector(sector)?);
                (name, &aliases[..], Entry::Actor { iso, sector })
            }
            LexiconEntry::Place {
                name,
                aliases,
                country,
            } => {
                let (name, iso) = (check_name(name)?, check_iso(country)?);
                (name, &aliases[..], Entry::Place { iso })
            }
            LexiconEntry::Title { name, sector } => {
                let (name, sector) = (check_name(name)?, check_sector(sector)?);
                (name, &[][..], Entry::Title { sector })
            }
            LexiconEntry::Weapon { name } => {
                (check_name(name)?, &[][..], Entry::Weapon { force: true })
            }
            LexiconEntry::Trigger { kind, word, frame } => {
                let word = check_name(word)?;
                let kind = TriggerKind::parse(kind).ok_or_else(|| {
                    format!("unknown kind {kind:?} (attack, call, visit, statement)")
                })?;
                let default = match kind {
                    TriggerKind::Attack => "verb",
                    TriggerKind::Statement => "say",
                    _ => "call",
                };
                let f = frame.as_deref().unwrap_or(default);
                let frame: Frame = by_name(f).map_err(|e| format!("frame: {e}"))?;
                // A user's own attack word is taken as force: they chose its sense.
                let force = Force::Itself;
                data.add_trigger(word, Trigger { kind, frame, force });
                return Ok(());
            }
        };
        data.add_name(name, entry.clone());
        for alias in aliases {
            data.add_name(check_name(alias)?, entry.clone());
        }
        Ok(())
    }

    /// Parses JSON Lines lexicon text; errors name the source and line.
    #[cfg(feature = "json")]
    pub fn parse_jsonl(source_name: &str, text: &str) -> Result<Vec<LexiconEntry>, Error> {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') || t.starts_with("//") {
                continue;
            }
            let entry: LexiconEntry = serde_json::from_str(t).map_err(|e| Error::Lexicon {
                source_name: source_name.to_string(),
                line: i + 1,
                message: e.to_string(),
            })?;
            entry
                .apply(&mut LexiconData::default())
                .map_err(|message| Error::Lexicon {
                    source_name: source_name.to_string(),
                    line: i + 1,
                    message,
                })?;
            out.push(entry);
        }
        Ok(out)
    }
}
