//! Gold folders: documents, records, anchors.

use crate::{json_lines, Error, Kind};
use chrono::NaiveDate;
use newsevents::{Document, Modality};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A role's value, in a gold record or a prediction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleValue {
    /// A text role (`attacker`, `speaker`, `content`, `date`, ...).
    Text(String),
    /// `participants`.
    List(Vec<String>),
    /// `killed`, `injured`.
    Count(u64),
}

/// The shape of a role's value, in gold and in predictions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Text,
    List,
    Count,
}

/// The shape of `role`'s value.
pub(crate) fn shape(role: &str) -> Shape {
    match role {
        "participants" => Shape::List,
        "killed" | "injured" => Shape::Count,
        _ => Shape::Text,
    }
}

/// One document of a gold folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    /// The document id (`doc`).
    pub id: String,
    /// The text's path as written in `docs.jsonl`, relative to the gold folder.
    pub path: String,
    /// The publication date, when known.
    pub published: Option<NaiveDate>,
    /// The kinds the document's gold covers (`"kinds"` in `docs.jsonl`), in
    /// the order given, or `None` when it covers all four.
    pub kinds: Option<Vec<Kind>>,
    /// The document text.
    pub text: String,
}

impl GoldDoc {
    /// The kinds scored in this document: its `kinds` in the order listed,
    /// or all of [`Kind::ALL`]. Gold records and predictions of other kinds
    /// are not scored in this document.
    pub fn scored_kinds(&self) -> &[Kind] {
        self.kinds.as_deref().unwrap_or(&Kind::ALL)
    }

    /// True when records and predictions of `kind` are scored in this document.
    pub fn scores(&self, kind: Kind) -> bool {
        self.scored_kinds().contains(&kind)
    }

    /// The document as the extractor reads it: id, text and publication date.
    pub fn document(&self) -> Document<'_> {
        Document::new(self.id.as_str(), &self.text).with_published(self.published)
    }
}

/// One gold record (a line of `events.jsonl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRecord {
    /// The document id.
    pub doc: String,
    /// The kind.
    pub kind: Kind,
    /// The anchor: an exact substring of the document containing the trigger.
    pub anchor: String,
    /// Byte offset of the anchor occurrence meant (`anchor_nth`).
    pub start: usize,
    /// The modality (`asserted` when the record gives none).
    pub modality: Modality,
    /// True for a borderline record that is neither rewarded nor punished.
    pub optional: bool,
    /// The ISO date the `date` role resolves to, when given.
    pub date_value: Option<NaiveDate>,
    /// The scored roles present in the record (the kind's roles and `date`).
    pub roles: BTreeMap<&'static str, RoleValue>,
    /// 1-based line in `events.jsonl`.
    pub line: usize,
}

impl GoldRecord {
    /// True when the record counts for precision and recall: asserted or
    /// planned, and not optional.
    pub fn required(&self) -> bool {
        counted(self.modality) && !self.optional
    }
}

/// Asserted or planned: the modalities precision and recall count.
pub(crate) fn counted(modality: Modality) -> bool {
    matches!(modality, Modality::Asserted | Modality::Planned)
}

/// A gold folder: documents with their texts, and gold records with their
/// anchors located.
#[derive(Debug, Clone)]
pub struct Gold {
    pub(crate) docs: Vec<GoldDoc>,
    pub(crate) records: Vec<GoldRecord>,
    by_id: HashMap<String, usize>,
}

impl Gold {
    /// Builds gold from the contents of `docs.jsonl` and `events.jsonl` and
    /// the document texts keyed by document id.
    ///
    /// Errors name `docs.jsonl` or `events.jsonl` and the line.
    pub fn from_strs(
        docs_jsonl: &str,
        events_jsonl: &str,
        mut texts: HashMap<String, String>,
    ) -> Result<Gold, Error> {
        let docs = parse_docs(docs_jsonl, "docs.jsonl", |line, id, _path| {
            texts.remove(id).ok_or_else(|| Error::Gold {
                source_name: "docs.jsonl".to_string(),
                line,
                message: format!("no text given for doc {id:?}"),
            })
        })?;
        Gold::with_records(docs, events_jsonl, "events.jsonl")
    }

    /// Loads a gold folder: `docs.jsonl`, `events.jsonl` and the UTF-8 texts
    /// they point to (paths relative to the folder).
    ///
    /// Errors name the file and, for a malformed record, the line.
    pub fn load(dir: &Path) -> Result<Gold, Error> {
        let docs_path = dir.join("docs.jsonl");
        let events_path = dir.join("events.jsonl");
        let docs_name = docs_path.display().to_string();
        let docs = parse_docs(&read(&docs_path)?, &docs_name, |line, _id, path| {
            let full = dir.join(path);
            let bytes = std::fs::read(&full).map_err(|source| Error::Io {
                path: full.display().to_string(),
                source,
            })?;
            String::from_utf8(bytes).map_err(|e| Error::Gold {
                source_name: docs_name.clone(),
                line,
                message: format!(
                    "{} is not UTF-8 (byte {})",
                    full.display(),
                    e.utf8_error().valid_up_to()
                ),
            })
        })?;
        let events = read(&events_path)?;
        Gold::with_records(docs, &events, &events_path.display().to_string())
    }

    fn with_records(docs: Vec<GoldDoc>, events: &str, events_name: &str) -> Result<Gold, Error> {
        let by_id = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let mut gold = Gold {
            docs,
            records: Vec::new(),
            by_id,
        };
        for (line, raw) in json_lines(events) {
            let record = gold
                .parse_record(raw, line)
                .map_err(|message| Error::Gold {
                    source_name: events_name.to_string(),
                    line,
                    message,
                })?;
            gold.records.push(record);
        }
        Ok(gold)
    }

    fn parse_record(&self, raw: &str, line: usize) -> Result<GoldRecord, String> {
        let obj = parse_object(raw)?;
        let doc = required_str(&obj, "doc")?;
        let text = match self.doc(&doc) {
            Some(d) => &d.text,
            None => return Err(format!("unknown doc {doc:?} (not in docs.jsonl)")),
        };
        let kind_name = required_str(&obj, "kind")?;
        let kind = Kind::from_name(&kind_name).ok_or(format!("unknown kind {kind_name:?}"))?;
        let anchor = required_str(&obj, "anchor")?;
        let nth = match obj.get("anchor_nth") {
            None => 0,
            Some(v) => v
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or(format!(
                    "anchor_nth must be a non-negative integer, not {v}"
                ))?,
        };
        let start = nth_occurrence(text, &anchor, nth).ok_or_else(|| match nth {
            0 => format!("anchor not found: {anchor:?}"),
            _ => format!("anchor occurrence {nth} not found: {anchor:?}"),
        })?;
        let modality = match obj.get("modality") {
            None => Modality::Asserted,
            Some(v) => modality(v)?,
        };
        let optional = match obj.get("optional") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => return Err(format!("optional must be true or false, not {v}")),
        };
        let date_value = match obj.get("date_value") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_str()
                    .filter(|s| s.len() == 10)
                    .and_then(iso_date)
                    .ok_or(format!("date_value must be a YYYY-MM-DD date, not {v}"))?,
            ),
        };
        let roles = gold_roles(kind, &obj)?;
        Ok(GoldRecord {
            doc,
            kind,
            anchor,
            start,
            modality,
            optional,
            date_value,
            roles,
            line,
        })
    }

    /// The documents, in `docs.jsonl` order.
    pub fn docs(&self) -> &[GoldDoc] {
        &self.docs
    }

    /// The document with this id.
    pub fn doc(&self, id: &str) -> Option<&GoldDoc> {
        self.by_id.get(id).map(|&i| &self.docs[i])
    }

    /// The gold records, in `events.jsonl` order.
    pub fn records(&self) -> &[GoldRecord] {
        &self.records
    }
}

/// The scored roles of a gold record, each in the shape its role takes.
fn gold_roles(
    kind: Kind,
    obj: &Map<String, Value>,
) -> Result<BTreeMap<&'static str, RoleValue>, String> {
    let mut roles = BTreeMap::new();
    for role in kind.scored_roles() {
        let value = match (shape(role), obj.get(role)) {
            (_, None | Some(Value::Null)) => continue,
            (Shape::Text, Some(Value::String(s))) => RoleValue::Text(s.clone()),
            (Shape::List, Some(Value::Array(items))) => RoleValue::List(
                items
                    .iter()
                    .map(|x| x.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or("participants must be a list of strings")?,
            ),
            (Shape::Count, Some(v)) => RoleValue::Count(
                v.as_u64()
                    .ok_or(format!("{role} must be a non-negative integer, not {v}"))?,
            ),
            (_, Some(v)) => return Err(format!("bad value for {role}: {v}")),
        };
        roles.insert(role, value);
    }
    Ok(roles)
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// The documents of `docs.jsonl`, each with the text `text_for(line, id,
/// path)` gives.
fn parse_docs(
    src: &str,
    name: &str,
    mut text_for: impl FnMut(usize, &str, &str) -> Result<String, Error>,
) -> Result<Vec<GoldDoc>, Error> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    for (line, raw) in json_lines(src) {
        let err = |message: String| Error::Gold {
            source_name: name.to_string(),
            line,
            message,
        };
        let obj = parse_object(raw).map_err(err)?;
        let id = required_str(&obj, "doc").map_err(err)?;
        let path = required_str(&obj, "path").map_err(err)?;
        let published = match obj.get("published") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(
                newsevents::parse_date(s).map_err(|_| err(format!("bad published date {s:?}")))?,
            ),
            Some(other) => return Err(err(format!("published must be a date, not {other}"))),
        };
        let kinds = parse_kinds(obj.get("kinds")).map_err(err)?;
        if docs.iter().any(|d| d.id == id) {
            return Err(err(format!("duplicate doc {id:?}")));
        }
        let text = text_for(line, &id, &path)?;
        docs.push(GoldDoc {
            id,
            path,
            published,
            kinds,
            text,
        });
    }
    Ok(docs)
}

/// The byte offset of the `nth` (0-based) occurrence of `needle`, counting
/// occurrences that overlap.
fn nth_occurrence(text: &str, needle: &str, nth: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    let mut found = None;
    for _ in 0..=nth {
        let at = from + text.get(from..)?.find(needle)?;
        found = Some(at);
        // The next occurrence may start inside this one, at its next char.
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// The date a string starts with, written `YYYY-MM-DD`.
pub(crate) fn iso_date(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    let digits_and_dashes = head.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    digits_and_dashes
        .then(|| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
        .flatten()
}

/// The `"kinds"` of a `docs.jsonl` line: absent or null for all kinds,
/// otherwise a non-empty list of distinct kind names.
fn parse_kinds(value: Option<&Value>) -> Result<Option<Vec<Kind>>, String> {
    let items = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(v) => {
            return Err(format!(
                "kinds must be a non-empty list of kind names, not {v}"
            ))
        }
    };
    let mut kinds = Vec::with_capacity(items.len());
    for item in items {
        let Value::String(name) = item else {
            return Err(format!("kinds must list kind names, not {item}"));
        };
        let kind = Kind::from_name(name).ok_or(format!("unknown kind {name:?} in kinds"))?;
        if kinds.contains(&kind) {
            return Err(format!("kind {name:?} listed twice in kinds"));
        }
        kinds.push(kind);
    }
    Ok(Some(kinds))
}

/// A modality name.
pub(crate) fn modality(v: &Value) -> Result<Modality, String> {
    match v.as_str() {
        Some("asserted") => Ok(Modality::Asserted),
        Some("planned") => Ok(Modality::Planned),
        Some("hypothetical") => Ok(Modality::Hypothetical),
        Some("negated") => Ok(Modality::Negated),
        _ => Err(format!(
            "modality must be asserted, planned, hypothetical or negated, not {v}"
        )),
    }
}

pub(crate) fn parse_object(raw: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(o)) => Ok(o),
        Ok(_) => Err("expected a JSON object".to_string()),
        Err(e) => Err(format!("invalid JSON: {e}")),
    }
}

fn required_str(obj: &Map<String, Value>, key: &str) -> Result<String, String> {
    match obj.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(v) => Err(format!("{key} must be a string, not {v}")),
        None => Err(format!("missing {key:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_may_overlap() {
        assert_eq!(nth_occurrence("aaaa", "aa", 0), Some(0));
        assert_eq!(nth_occurrence("aaaa", "aa", 1), Some(1));
        assert_eq!(nth_occurrence("aaaa", "aa", 2), Some(2));
        assert_eq!(nth_occurrence("aaaa", "aa", 3), None);
        assert_eq!(nth_occurrence("é é", "é", 1), Some(3));
        assert_eq!(nth_occurrence("abc", "", 0), None);
    }

    #[test]
    fn iso_dates_are_written_in_full() {
        let day = NaiveDate::from_ymd_opt(2023, 11, 5);
        assert_eq!(iso_date("2023-11-05"), day);
        assert_eq!(iso_date("2023-11-05T08:00:00"), day);
        assert_eq!(iso_date("2023-1-05"), None);
        assert_eq!(iso_date("2023-02-30"), None);
        assert_eq!(iso_date("2023-11-0"), None);
        assert_eq!(iso_date("2023-11-0\u{e9}"), None);
    }
}
