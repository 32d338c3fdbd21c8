//! Prediction lines: reading them, and scoring one pair's roles.

use crate::gold::{iso_date, modality, shape, GoldRecord, RoleValue, Shape};
use crate::matching::{str_match, token_f1};
use crate::{Gold, Kind};
use chrono::NaiveDate;
use newsevents::{Event, Modality};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The JSON line of a typed event, as the extractor's JSON output writes
/// it ([`Event::json_line`]), read back as a value.
pub fn prediction_json(doc_id: &str, event: &Event) -> Value {
    serde_json::to_value(event.json_line(doc_id)).unwrap_or(Value::Null)
}

/// A prediction line read for scoring.
pub(crate) struct Prediction {
    pub(crate) doc: String,
    pub(crate) kind: Kind,
    /// The sentence span, in bytes.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) modality: Modality,
    /// The scored roles with a value.
    pub(crate) roles: BTreeMap<&'static str, RoleValue>,
    /// The day `date.value` names.
    pub(crate) date_value: Option<NaiveDate>,
}

impl Prediction {
    /// Reads one prediction line (see the crate docs for the format);
    /// `Ok(None)` for a document the gold does not hold.
    pub(crate) fn read(value: Value, gold: &Gold) -> Result<Option<Prediction>, String> {
        let Value::Object(obj) = value else {
            return Err(format!("expected a JSON object, not {value}"));
        };
        let doc = match obj.get("doc") {
            Some(Value::String(s)) => s,
            Some(v) => return Err(format!("doc must be a string, not {v}")),
            None => return Err("missing \"doc\"".to_string()),
        };
        let Some(text) = gold.doc(doc).map(|d| &d.text) else {
            return Ok(None);
        };
        let kind = match obj.get("kind") {
            None => return Err("missing \"kind\"".to_string()),
            Some(v) => v.as_str().and_then(Kind::from_name).ok_or(format!(
                "kind must be attack, call, visit or statement, not {v}"
            ))?,
        };
        let (start, end) = sentence_span(&obj)?;
        if start > end || end > text.len() {
            return Err(format!(
                "sentence span [{start}, {end}] does not fit document {doc:?} ({} bytes)",
                text.len()
            ));
        }
        let modality = match obj.get("modality") {
            None | Some(Value::Null) => Modality::Asserted,
            Some(v) => modality(v)?,
        };
        let nested = match obj.get("roles") {
            None => None,
            Some(Value::Object(o)) => Some(o),
            Some(v) => return Err(format!("roles must be an object, not {v}")),
        };
        let mut roles = BTreeMap::new();
        let mut date_value = None;
        for role in kind.scored_roles() {
            let value = match nested.filter(|n| n.contains_key(role)) {
                Some(n) => n.get(role),
                None => obj.get(role),
            };
            let Some(value) = value else { continue };
            if role == "date" {
                date_value = date_value_of(value)?;
            }
            if let Some(v) = role_value(role, value)? {
                roles.insert(role, v);
            }
        }
        Ok(Some(Prediction {
            doc: doc.clone(),
            kind,
            start,
            end,
            modality,
            roles,
            date_value,
        }))
    }

    /// Asserted or planned: unpaired, a false positive.
    pub(crate) fn counted(&self) -> bool {
        crate::gold::counted(self.modality)
    }
}

/// The sentence span under the first of the span keys present.
fn sentence_span(obj: &Map<String, Value>) -> Result<(usize, usize), String> {
    let Some((key, value)) = ["sentence_span", "sentence", "span"]
        .into_iter()
        .find_map(|k| obj.get(k).filter(|v| !v.is_null()).map(|v| (k, v)))
    else {
        return Err("missing the sentence span (sentence_span, sentence or span)".to_string());
    };
    let offset = |v: Option<&Value>| {
        v.and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    let span = match value {
        Value::Array(a) if a.len() == 2 => offset(a.first()).zip(offset(a.get(1))),
        Value::Object(o) => offset(o.get("start")).zip(offset(o.get("end"))),
        _ => None,
    };
    span.ok_or(format!(
        "{key} must be [start, end] or {{\"start\", \"end\"}} in bytes, not {value}"
    ))
}

/// The text of a text role's value: a string, or an object's `text` (else
/// `name`); `None` for no value.
fn text_of(role: &str, value: &Value) -> Result<Option<String>, String> {
    let text = match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        Value::Object(o) => match ["text", "name"]
            .into_iter()
            .find_map(|k| o.get(k).filter(|v| !v.is_null() && v.as_str() != Some("")))
        {
            None => None,
            Some(Value::String(s)) => Some(s),
            Some(v) => return Err(format!("{role}: text must be a string, not {v}")),
        },
        v => return Err(format!("{role} must be a string or an object, not {v}")),
    };
    Ok(text.filter(|s| !s.is_empty()).cloned())
}

/// A role's value in the shape the role takes; `None` for no value.
fn role_value(role: &str, value: &Value) -> Result<Option<RoleValue>, String> {
    Ok(match (shape(role), value) {
        (_, Value::Null) => None,
        (Shape::Text, v) => text_of(role, v)?.map(RoleValue::Text),
        (Shape::List, Value::Array(items)) => {
            let mut texts = Vec::new();
            for item in items {
                texts.extend(text_of(role, item)?);
            }
            Some(RoleValue::List(texts))
        }
        (Shape::Count, Value::Object(o)) if o.contains_key("count") => {
            role_value(role, &o["count"])?
        }
        (Shape::Count, v) if v.is_u64() => v.as_u64().map(RoleValue::Count),
        (Shape::List, v) => return Err(format!("{role} must be a list, not {v}")),
        (Shape::Count, v) => {
            return Err(format!(
                "{role} must be a non-negative integer or {{\"count\": n}}, not {v}"
            ))
        }
    })
}

/// The day a `date` role's `value` names, if it has one.
fn date_value_of(date: &Value) -> Result<Option<NaiveDate>, String> {
    match date.get("value") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_str().and_then(iso_date).map(Some).ok_or(format!(
            "date value must start with a YYYY-MM-DD date, not {v}"
        )),
    }
}

/// Role values matched, present in gold, present in the prediction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RoleCounts {
    pub(crate) matched: usize,
    pub(crate) gold: usize,
    pub(crate) predicted: usize,
}

impl std::ops::AddAssign for RoleCounts {
    fn add_assign(&mut self, other: RoleCounts) {
        self.matched += other.matched;
        self.gold += other.gold;
        self.predicted += other.predicted;
    }
}

/// The role counts of one pair, over the kind's roles and `date`.
pub(crate) fn role_counts(kind: Kind, gold: &GoldRecord, pred: &Prediction) -> RoleCounts {
    let mut counts = RoleCounts::default();
    for role in kind.scored_roles() {
        if let (Some(day), "date") = (gold.date_value, role) {
            counts.gold += 1;
            counts.predicted += usize::from(pred.date_value.is_some());
            counts.matched += usize::from(pred.date_value == Some(day));
            continue;
        }
        match (shape(role), gold.roles.get(role), pred.roles.get(role)) {
            (Shape::List, g, p) => {
                let (gl, pl) = (list(g), list(p));
                counts.gold += gl.len();
                counts.predicted += pl.len();
                // Each gold name takes the first unused predicted name it matches.
                let mut used = vec![false; pl.len()];
                for name in gl {
                    if let Some(i) = (0..pl.len()).find(|&i| !used[i] && str_match(name, &pl[i])) {
                        used[i] = true;
                        counts.matched += 1;
                    }
                }
            }
            (_, g, p) => {
                counts.gold += usize::from(g.is_some());
                counts.predicted += usize::from(p.is_some());
                let matched = match (g, p) {
                    (Some(RoleValue::Text(g)), Some(RoleValue::Text(p))) if role == "content" => {
                        token_f1(g, p) >= 0.5
                    }
                    (Some(RoleValue::Text(g)), Some(RoleValue::Text(p))) => str_match(g, p),
                    (Some(RoleValue::Count(g)), Some(RoleValue::Count(p))) => g == p,
                    _ => false,
                };
                counts.matched += usize::from(matched);
            }
        }
    }
    counts
}

/// The names of a `participants` value.
fn list(value: Option<&RoleValue>) -> &[String] {
    match value {
        Some(RoleValue::List(names)) => names,
        _ => &[],
    }
}
