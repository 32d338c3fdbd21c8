//! Gold folders: documents, records, anchors.

use super::python::{find_bytes, normpath, py_lines, py_space};
use super::Kind;
use crate::error::Error;
use crate::event::Modality;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A gold role value, as the guidelines allow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum GoldValue {
    /// A text role (`attacker`, `speaker`, `content`, `date`, ...).
    Text(String),
    /// `participants`.
    List(Vec<String>),
    /// `killed`, `injured`.
    Count(i64),
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
    /// the order given, or `None` when it covers all four. Gold records and
    /// predictions of other kinds are not scored in this document.
    pub kinds: Option<Vec<Kind>>,
    /// The document text.
    pub text: String,
}

impl GoldDoc {
    /// The kinds scored in this document, in the order `score.py` visits
    /// them: the document's `kinds` as listed, or all of [`Kind::ALL`].
    pub fn scored_kinds(&self) -> &[Kind] {
        self.kinds.as_deref().unwrap_or(&Kind::ALL)
    }

    /// True when records and predictions of `kind` are scored in this document.
    pub fn scores(&self, kind: Kind) -> bool {
        self.scored_kinds().contains(&kind)
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
    /// Which occurrence of the anchor is meant (0-based).
    pub anchor_nth: usize,
    /// Byte offset of that occurrence in the document.
    pub start: usize,
    /// The modality (`asserted` when the record gives none).
    pub modality: Modality,
    /// True for a borderline record that is neither rewarded nor punished.
    pub optional: bool,
    /// The ISO date the `date` role resolves to, when given.
    pub date_value: Option<String>,
    /// The scored roles present in the record (the kind's roles and `date`).
    pub roles: BTreeMap<String, GoldValue>,
    /// 1-based line in `events.jsonl`.
    pub line: usize,
}

impl GoldRecord {
    /// True when the record counts for precision and recall: asserted or
    /// planned, and not optional.
    pub fn counted(&self) -> bool {
        matches!(self.modality, Modality::Asserted | Modality::Planned) && !self.optional
    }
}

/// A gold folder: documents with their texts, and gold records with their
/// anchors located.
#[derive(Debug, Clone)]
pub struct Gold {
    pub(super) docs: Vec<GoldDoc>,
    pub(super) records: Vec<GoldRecord>,
    pub(super) by_id: HashMap<String, usize>,
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
        Gold::parse(
            docs_jsonl,
            "docs.jsonl",
            events_jsonl,
            "events.jsonl",
            |line, id, _path| {
                texts.remove(id).ok_or_else(|| Error::Gold {
                    source_name: "docs.jsonl".to_string(),
                    line,
                    message: format!("no text given for doc {id:?}"),
                })
            },
        )
    }

    /// Loads a gold folder: `docs.jsonl`, `events.jsonl` and the texts they
    /// point to (paths relative to the folder, normalized lexically like
    /// Python's `os.path.normpath`).
    ///
    /// Errors name the file and, for a malformed record, the line.
    pub fn load(dir: &Path) -> Result<Gold, Error> {
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.display().to_string(),
                source,
            })
        };
        let docs_path = dir.join("docs.jsonl");
        let events_path = dir.join("events.jsonl");
        let docs = read(&docs_path)?;
        let events = read(&events_path)?;
        let docs_name = docs_path.display().to_string();
        Gold::parse(
            &docs,
            &docs_name,
            &events,
            &events_path.display().to_string(),
            |line, _id, path| {
                let full = normpath(&dir.join(path));
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
            },
        )
    }

    fn parse(
        docs_src: &str,
        docs_name: &str,
        events_src: &str,
        events_name: &str,
        mut text_for: impl FnMut(usize, &str, &str) -> Result<String, Error>,
    ) -> Result<Gold, Error> {
        let mut gold = Gold {
            docs: Vec::new(),
            records: Vec::new(),
            by_id: HashMap::new(),
        };
        for (line, raw) in py_lines(docs_src) {
            if raw.trim_matches(py_space).is_empty() {
                continue;
            }
            let err = |message: String| Error::Gold {
                source_name: docs_name.to_string(),
                line,
                message,
            };
            let obj = parse_object(raw).map_err(err)?;
            let id = req_str(&obj, "doc").map_err(err)?;
            let path = req_str(&obj, "path").map_err(err)?;
            let published = match obj.get("published") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(
                    crate::error::parse_date(s)
                        .map_err(|_| err(format!("bad published date {s:?}")))?,
                ),
                Some(other) => return Err(err(format!("published must be a date, not {other}"))),
            };
            let kinds = parse_kinds(obj.get("kinds")).map_err(err)?;
            if gold.by_id.contains_key(&id) {
                return Err(err(format!("duplicate doc {id:?}")));
            }
            let text = text_for(line, &id, &path)?;
            gold.by_id.insert(id.clone(), gold.docs.len());
            gold.docs.push(GoldDoc {
                id,
                path,
                published,
                kinds,
                text,
            });
        }
        for (line, raw) in py_lines(events_src) {
            if raw.trim_matches(py_space).is_empty() {
                continue;
            }
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
        let doc = req_str(&obj, "doc")?;
        let text = match self.by_id.get(&doc) {
            Some(&i) => &self.docs[i].text,
            None => return Err(format!("unknown doc {doc:?} (not in docs.jsonl)")),
        };
        let kind_name = req_str(&obj, "kind")?;
        let kind = Kind::from_name(&kind_name).ok_or(format!("unknown kind {kind_name:?}"))?;
        let anchor = req_str(&obj, "anchor")?;
        if anchor.is_empty() {
            return Err("anchor is empty".to_string());
        }
        let anchor_nth = match obj.get("anchor_nth") {
            None => 0,
            Some(v) => v
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or(format!(
                    "anchor_nth must be a non-negative integer, not {v}"
                ))?,
        };
        let modality = match obj.get("modality") {
            None => Modality::Asserted,
            Some(Value::String(s)) => match s.as_str() {
                "asserted" => Modality::Asserted,
                "planned" => Modality::Planned,
                "hypothetical" => Modality::Hypothetical,
                "negated" => Modality::Negated,
                _ => return Err(format!("unknown modality {s:?}")),
            },
            Some(v) => return Err(format!("modality must be a string, not {v}")),
        };
        let optional = match obj.get("optional") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => return Err(format!("optional must be true or false, not {v}")),
        };
        let date_value = match obj.get("date_value") {
            None | Some(Value::Null) => None,
            // An empty date_value is falsy in score.py: the date is matched by text.
            Some(Value::String(s)) => Some(s.clone()).filter(|s| !s.is_empty()),
            Some(v) => return Err(format!("date_value must be a string, not {v}")),
        };
        let mut roles = BTreeMap::new();
        for role in kind.scored_roles() {
            let value = match obj.get(role) {
                None | Some(Value::Null) => continue,
                Some(v) => v,
            };
            let parsed = match (role, value) {
                ("participants", Value::Array(items)) => GoldValue::List(
                    items
                        .iter()
                        .map(|x| x.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()
                        .ok_or("participants must be a list of strings")?,
                ),
                ("killed" | "injured", Value::Number(n)) if n.is_i64() => {
                    GoldValue::Count(n.as_i64().unwrap_or_default())
                }
                ("participants" | "killed" | "injured", v) => {
                    return Err(format!("bad value for {role}: {v}"))
                }
                (_, Value::String(s)) => GoldValue::Text(s.clone()),
                (_, v) => return Err(format!("{role} must be a string, not {v}")),
            };
            roles.insert(role.to_string(), parsed);
        }
        // bytes.find(anchor, pos + 1), nth + 1 times, as score.py: occurrences may overlap.
        let mut pos: Option<usize> = None;
        for _ in 0..=anchor_nth {
            let from = pos.map_or(0, |p| p + 1);
            pos = find_bytes(text.as_bytes(), anchor.as_bytes(), from);
            if pos.is_none() {
                break;
            }
        }
        let start = match pos {
            Some(p) => p,
            None if anchor_nth == 0 => return Err(format!("anchor not found: {anchor:?}")),
            None => {
                return Err(format!(
                    "anchor occurrence {anchor_nth} not found: {anchor:?}"
                ))
            }
        };
        Ok(GoldRecord {
            doc,
            kind,
            anchor,
            anchor_nth,
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

/// The `"kinds"` of a `docs.jsonl` line: absent or null for all kinds,
/// otherwise a non-empty list of distinct kind names. (`score.py` would take
/// an empty list, which `check_gold.py` rejects, for all kinds, and would
/// score a repeated kind twice.)
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

pub(super) fn parse_object(raw: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(raw.trim_matches(py_space)) {
        Ok(Value::Object(o)) => Ok(o),
        Ok(_) => Err("expected a JSON object".to_string()),
        Err(e) => Err(format!("invalid JSON: {e}")),
    }
}

pub(super) fn req_str(obj: &Map<String, Value>, key: &str) -> Result<String, String> {
    match obj.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(v) => Err(format!("{key} must be a string, not {v}")),
        None => Err(format!("missing {key:?}")),
    }
}
