//! Reading prediction lines as `score.py` does, and scoring one pair's roles.

use super::gold::{GoldRecord, GoldValue};
use super::matching::{str_match, token_f1};
use super::python::{prefix_chars, py_int, py_str, truthy};
use super::Kind;
use crate::event::Event;
use serde_json::{Map, Value};

/// `score.py`'s `span_of()`: `Ok(None)` for no span, `Err` where Python's
/// `int()` would raise.
pub(super) fn span_of(v: Option<&Value>) -> Result<Option<(i64, i64)>, ()> {
    match v {
        Some(Value::Object(o)) => {
            if let (Some(s), Some(e)) = (o.get("start"), o.get("end")) {
                Ok(Some((py_int(s).ok_or(())?, py_int(e).ok_or(())?)))
            } else if let Some(inner) = o.get("span") {
                span_of(Some(inner))
            } else {
                Ok(None)
            }
        }
        Some(Value::Array(a)) if a.len() == 2 => {
            Ok(Some((py_int(&a[0]).ok_or(())?, py_int(&a[1]).ok_or(())?)))
        }
        _ => Ok(None),
    }
}

/// `score.py`'s `pred_span()`: the first usable span among the accepted keys.
pub(super) fn pred_span(p: &Map<String, Value>) -> Result<Option<(i64, i64)>, ()> {
    for key in ["sentence_span", "sentence", "span", "evidence"] {
        if let Some(s) = span_of(p.get(key))? {
            return Ok(Some(s));
        }
    }
    Ok(None)
}

/// `score.py`'s `text_of()`: the string Python would go on to fold, and
/// whether the Python object was truthy (participants drop falsy ones).
pub(super) fn text_of(v: Option<&Value>) -> Option<(String, bool)> {
    match v? {
        Value::Null => None,
        Value::Object(o) => {
            for key in ["text", "name", "canonical", "value"] {
                match o.get(key) {
                    None | Some(Value::Null) => continue,
                    Some(Value::String(s)) if s.is_empty() => continue,
                    // "value" goes through str(), so it is a non-empty string.
                    Some(x) if key == "value" => return Some((py_str(x), true)),
                    Some(x) => return Some((py_str(x), truthy(x))),
                }
            }
            None
        }
        v @ (Value::Number(_) | Value::Bool(_)) => Some((py_str(v), truthy(v))),
        v => {
            let s = py_str(v);
            let t = !s.is_empty();
            Some((s, t))
        }
    }
}

/// `score.py`'s `count_of()`: an integer (Python counts booleans as ints).
pub(super) fn count_of(v: Option<&Value>) -> Option<i128> {
    fn int(v: Option<&Value>) -> Option<i128> {
        match v? {
            Value::Bool(b) => Some(i128::from(*b)),
            Value::Number(n) => n
                .as_i64()
                .map(i128::from)
                .or_else(|| n.as_u64().map(i128::from)),
            _ => None,
        }
    }
    match v? {
        Value::Object(o) => ["count", "value", "n"]
            .into_iter()
            .find_map(|k| int(o.get(k))),
        other => int(Some(other)),
    }
}

/// `score.py`'s `role_val()`: a role under "roles" or at the top level;
/// `parties` stands in for `participants`.
pub(super) fn role_val<'p>(p: &'p Map<String, Value>, role: &str) -> Option<&'p Value> {
    let roles = match p.get("roles") {
        Some(Value::Object(o)) => Some(o),
        _ => None,
    };
    let lookup = |name: &str| match roles {
        // dict.get(role, default): a key present with null yields None.
        Some(r) if r.contains_key(name) => r.get(name),
        _ => p.get(name),
    };
    let v = lookup(role).filter(|v| !v.is_null());
    if role == "participants" && v.is_none() {
        return lookup("parties").filter(|v| !v.is_null());
    }
    v
}

/// The predicted date value matches the gold `date_value`
/// (`str(pval)[:10] == date_value`); `None` when there is no value.
pub(super) fn date_value_match(p: &Map<String, Value>, gold_value: &str) -> Option<bool> {
    let pval = match role_val(p, "date") {
        Some(Value::Object(o)) => o.get("value").filter(|v| !v.is_null())?,
        _ => return None,
    };
    Some(prefix_chars(&py_str(pval), 10) == gold_value)
}

/// `(matched, gold present, predicted present)` over a kind's roles, as
/// `score.py`'s `role_score()`.
pub(super) fn role_score(
    kind: Kind,
    g: &GoldRecord,
    p: &Map<String, Value>,
) -> (usize, usize, usize) {
    let (mut m, mut gp, mut pp) = (0, 0, 0);
    for role in kind.scored_roles() {
        let gv = g.roles.get(role);
        let pv = role_val(p, role);
        match role {
            "participants" => {
                let gl: &[String] = match gv {
                    Some(GoldValue::List(l)) => l,
                    _ => &[],
                };
                let pl: Vec<String> = match pv {
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(|x| text_of(Some(x)))
                        .filter(|(_, t)| *t)
                        .map(|(s, _)| s)
                        .collect(),
                    _ => Vec::new(),
                };
                gp += gl.len();
                pp += pl.len();
                let mut used = vec![false; pl.len()];
                for x in gl {
                    if let Some(i) = (0..pl.len()).find(|&i| !used[i] && str_match(x, &pl[i])) {
                        used[i] = true;
                        m += 1;
                    }
                }
            }
            "killed" | "injured" => {
                let gc = match gv {
                    Some(GoldValue::Count(n)) => Some(i128::from(*n)),
                    _ => None,
                };
                let pc = count_of(pv);
                gp += usize::from(gc.is_some());
                pp += usize::from(pc.is_some());
                m += usize::from(gc.is_some() && gc == pc);
            }
            "date" if g.date_value.is_some() => {
                let dv = g.date_value.as_deref().unwrap_or_default();
                let matched = date_value_match(p, dv);
                gp += 1;
                pp += usize::from(matched.is_some());
                m += usize::from(matched == Some(true));
            }
            _ => {
                let gt = match gv {
                    Some(GoldValue::Text(s)) => Some(s.as_str()),
                    _ => None,
                };
                let pt = text_of(pv).map(|(s, _)| s).filter(|s| !s.is_empty());
                gp += usize::from(gt.is_some());
                pp += usize::from(pt.is_some());
                if let (Some(gt), Some(pt)) = (gt, pt) {
                    let ok = if role == "content" {
                        token_f1(gt, &pt) >= 0.5
                    } else {
                        str_match(gt, &pt)
                    };
                    m += usize::from(ok);
                }
            }
        }
    }
    (m, gp, pp)
}

/// A prediction line accepted for scoring.
pub(super) struct Pred {
    pub(super) doc: String,
    pub(super) kind: Kind,
    pub(super) span: (i64, i64),
    /// The effective modality; `None` for a non-string value.
    pub(super) modality: Option<String>,
    pub(super) obj: Map<String, Value>,
}

impl Pred {
    /// Asserted or planned: counts as a false positive when unpaired.
    pub(super) fn counted(&self) -> bool {
        matches!(self.modality.as_deref(), Some("asserted" | "planned"))
    }
}

/// What `score.py`'s reading loop does with a line.
pub(super) enum Accepted {
    /// Scored.
    Yes(Pred),
    /// Counted in `bad_lines`.
    Bad,
    /// Skipped silently (a document not in the gold).
    Ignored,
}

/// The JSON line `score.py` reads for a typed event: the event's serde form
/// plus `"doc": doc_id`.
pub fn prediction_json(doc_id: &str, event: &Event) -> Value {
    let mut v = serde_json::to_value(event).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut v {
        o.insert("doc".to_string(), Value::String(doc_id.to_string()));
    }
    v
}
