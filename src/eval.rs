//! Scoring predicted events against gold annotations.
//!
//! This module reproduces the reference scorer `tools/score.py` figure for
//! figure: the same role matching ([`fold`], [`str_match`], [`token_f1`]),
//! the same greedy one-to-one pairing with the same tie-breaking, the same
//! treatment of optional, hypothetical and negated gold records, and the same
//! leniency towards hand-written prediction lines. The gold format and the
//! scoring rules in words are in the annotation guidelines (`GUIDELINES.md`).
//! A document whose `docs.jsonl` line lists `"kinds"` is scored for those
//! kinds only: gold records and predictions of other kinds in it are ignored
//! ([`GoldDoc::scored_kinds`]).
//!
//! ```
//! use std::collections::HashMap;
//! use newsevents::eval::{Gold, Kind};
//!
//! let text = "Blinken made a surprise visit Sunday to Baghdad. He left.";
//! let docs = r#"{"doc": "d1", "path": "d1.txt", "published": "2023-11-06"}"#;
//! let events = r#"{"doc": "d1", "kind": "visit", "anchor": "surprise visit Sunday to Baghdad", "modality": "asserted", "visitor": "Blinken", "destination": "Baghdad"}"#;
//! let texts = HashMap::from([("d1".to_string(), text.to_string())]);
//! let gold = Gold::from_strs(docs, events, texts)?;
//!
//! let predictions = r#"{"doc": "d1", "kind": "visit", "sentence_span": [0, 48], "destination": {"text": "Baghdad"}}"#;
//! let report = gold.score_jsonl(predictions);
//! assert_eq!(report.kind(Kind::Visit).tp, 1);
//! assert_eq!(report.micro.f1, 1.0);
//! println!("{report}");
//! # Ok::<(), newsevents::Error>(())
//! ```
//!
//! # Input
//!
//! Gold comes from strings ([`Gold::from_strs`]) or from a gold folder
//! ([`Gold::load`], the only I/O in the crate). Predictions are typed events
//! ([`Gold::score_events`]) or JSON lines as `score.py` reads them
//! ([`Gold::score_jsonl`], [`Gold::score_values`]); typed events are scored
//! through their JSON form ([`prediction_json`]), so they score exactly as
//! the JSONL file written from them would under `score.py`.
//!
//! # Where this differs from `score.py`
//!
//! Only on input `score.py` cannot handle or that the gold format forbids:
//! a malformed gold file is an [`Error`](crate::Error) naming file and line (where
//! `score.py` would crash or silently ignore the record); a prediction line
//! that would crash `score.py` (a JSON value that is not an object, a
//! non-numeric span) is counted as unusable; a `"kinds"` list that is empty,
//! names an unknown kind or repeats one is a gold error (`score.py` would
//! take an empty list for all kinds and count a repeated kind twice).
//! Unicode normalization covers only the characters listed in [`fold`].

mod gold;
mod matching;
mod nfkc;
mod predictions;
mod python;
mod report;

pub use gold::{Gold, GoldDoc, GoldRecord, GoldValue};
pub use matching::{fold, str_match, token_f1, tokens};
pub use predictions::prediction_json;
pub use python::round3;
pub use report::{Extra, KindScores, MicroScores, Miss, Report};

use crate::event::Event;
use predictions::{date_value_match, pred_span, role_score, Accepted, Pred};
use python::{doc_stem, prefix_chars, py_lines, py_slice_text, py_space, py_str, truthy};
use report::Tally;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// The kinds of event the scorer knows, in the scorer's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `attack`
    Attack,
    /// `call`
    Call,
    /// `visit`
    Visit,
    /// `statement`
    Statement,
}

impl Kind {
    /// All kinds, in the order of the score table.
    pub const ALL: [Kind; 4] = [Kind::Attack, Kind::Call, Kind::Visit, Kind::Statement];

    /// The lowercase name used in JSON and gold files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Attack => "attack",
            Kind::Call => "call",
            Kind::Visit => "visit",
            Kind::Statement => "statement",
        }
    }

    /// The kind with this lowercase name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The roles scored for this kind, besides `date` (scored for every kind).
    pub fn roles(self) -> &'static [&'static str] {
        match self {
            Kind::Attack => &[
                "attacker", "target", "location", "weapon", "killed", "injured",
            ],
            Kind::Call => &["participants"],
            Kind::Visit => &["visitor", "destination", "host"],
            Kind::Statement => &["speaker", "content"],
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The scored roles including `date`, as `score.py` iterates them.
    pub(crate) fn scored_roles(self) -> impl Iterator<Item = &'static str> {
        self.roles().iter().copied().chain(std::iter::once("date"))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Gold {
    /// Scores typed events, each with the id of its document.
    ///
    /// Each event is scored through its JSON form ([`prediction_json`]), so
    /// the report equals what `score.py` gives for the JSONL written from
    /// the same events.
    pub fn score_events<'e, I>(&self, predictions: I) -> Report
    where
        I: IntoIterator<Item = (&'e str, &'e Event)>,
    {
        self.score_values(
            predictions
                .into_iter()
                .map(|(doc, event)| prediction_json(doc, event)),
        )
    }

    /// Scores prediction lines in JSONL, as `score.py` reads a predictions
    /// file: blank lines are skipped, lines that are not JSON are unusable.
    pub fn score_jsonl(&self, jsonl: &str) -> Report {
        let mut bad = 0;
        let mut values = Vec::new();
        for (_, raw) in py_lines(jsonl) {
            let line = raw.trim_matches(py_space);
            if line.is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(line) {
                Ok(v) => values.push(v),
                Err(_) => bad += 1,
            }
        }
        let mut report = self.score_values(values);
        report.bad_lines += bad;
        report
    }

    /// Scores predictions given as parsed JSON lines, with `score.py`'s
    /// leniency: the document under `doc`, `doc_id`, `document` or
    /// `source.doc` (a path is reduced to its base name without extension);
    /// the span under `sentence_span`, `sentence`, `span` or `evidence`, as
    /// `[start, end]` or `{"start", "end"}`; roles at the top level or under
    /// `roles`; a role's text under `text`, `name`, `canonical` or `value`.
    /// Lines for documents not in the gold are ignored; lines with no
    /// document, or for a gold document with no usable kind or span, count
    /// as unusable (`bad_lines`).
    pub fn score_values<I>(&self, predictions: I) -> Report
    where
        I: IntoIterator<Item = Value>,
    {
        let mut preds = Vec::new();
        let mut bad = 0;
        for value in predictions {
            match self.accept(value) {
                Accepted::Yes(p) => preds.push(p),
                Accepted::Bad => bad += 1,
                Accepted::Ignored => {}
            }
        }
        let mut report = self.score_preds(&preds);
        report.bad_lines = bad;
        report
    }

    /// The acceptance test of `score.py`'s reading loop.
    fn accept(&self, value: Value) -> Accepted {
        let obj = match value {
            Value::Object(o) => o,
            // score.py would crash on p.get(); count the line as unusable.
            _ => return Accepted::Bad,
        };
        // doc = p.get("doc") or p.get("doc_id") or p.get("document")
        let mut doc = ["doc", "doc_id"]
            .into_iter()
            .find_map(|k| obj.get(k).filter(|v| truthy(v)))
            .or_else(|| obj.get("document"))
            .filter(|v| !v.is_null());
        if doc.is_none() {
            if let Some(Value::Object(source)) = obj.get("source") {
                doc = source.get("doc");
            }
        }
        let doc = doc.filter(|v| truthy(v)).map(|v| doc_stem(&py_str(v)));
        let known = doc.as_deref().is_some_and(|d| self.by_id.contains_key(d));
        if !known {
            return if doc.is_none() {
                Accepted::Bad
            } else {
                Accepted::Ignored
            };
        }
        let kind = match obj.get("kind") {
            Some(Value::String(s)) => Kind::from_name(s),
            _ => None,
        };
        let (Some(kind), Ok(Some(span))) = (kind, pred_span(&obj)) else {
            return Accepted::Bad;
        };
        // p.get("modality") or "asserted"; a non-string modality never matches.
        let modality = match obj.get("modality").filter(|v| truthy(v)) {
            None => Some("asserted".to_string()),
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => None,
        };
        Accepted::Yes(Pred {
            doc: doc.unwrap_or_default(),
            kind,
            span,
            modality,
            obj,
        })
    }

    fn score_preds(&self, preds: &[Pred]) -> Report {
        let mut tally = Tally::default();
        let mut groups: HashMap<(&str, Kind), Vec<&Pred>> = HashMap::new();
        for p in preds {
            groups.entry((p.doc.as_str(), p.kind)).or_default().push(p);
        }
        let mut gold_groups: HashMap<(&str, Kind), Vec<&GoldRecord>> = HashMap::new();
        for g in &self.records {
            gold_groups
                .entry((g.doc.as_str(), g.kind))
                .or_default()
                .push(g);
        }
        for doc in &self.docs {
            // Only the kinds the document's gold covers; gold records and
            // predictions of other kinds are not scored there.
            for &kind in doc.scored_kinds() {
                let key = (doc.id.as_str(), kind);
                let gs = gold_groups.get(&key).map_or(&[][..], |v| &v[..]);
                let ps = groups.get(&key).map_or(&[][..], |v| &v[..]);
                self.score_group(doc, kind, gs, ps, &mut tally);
            }
        }
        tally.into_report(preds.len())
    }

    /// Pairs and counts the gold records and predictions of one document
    /// and kind, exactly as the body of `score.py`'s main loop.
    fn score_group(
        &self,
        doc: &GoldDoc,
        kind: Kind,
        gs: &[&GoldRecord],
        ps: &[&Pred],
        tally: &mut Tally,
    ) {
        let k = kind.index();
        let mut cands = Vec::new();
        let mut covered = vec![false; gs.len()];
        for (gi, g) in gs.iter().enumerate() {
            let gstart = g.start as i64;
            for (pi, p) in ps.iter().enumerate() {
                let (s, e) = p.span;
                if s <= gstart && gstart < e {
                    covered[gi] = true;
                    let (m, _, _) = role_score(kind, g, &p.obj);
                    let same_mod = p.modality.as_deref() == Some(g.modality.as_str());
                    let near = -(s.saturating_sub(gstart).saturating_abs());
                    cands.push((g.counted(), same_mod, m, near, gi, pi));
                }
            }
        }
        // Python's sort(reverse=True) of the tuples: the index pair breaks ties.
        cands.sort_unstable_by(|a, b| b.cmp(a));
        let mut gold_pair: Vec<Option<usize>> = vec![None; gs.len()];
        let mut pred_used = vec![false; ps.len()];
        for &(_, _, _, _, gi, pi) in &cands {
            if gold_pair[gi].is_none() && !pred_used[pi] {
                gold_pair[gi] = Some(pi);
                pred_used[pi] = true;
            }
        }
        for (gi, g) in gs.iter().enumerate() {
            match gold_pair[gi] {
                Some(pi) => {
                    let p = ps[pi];
                    let pred_counted = p.counted();
                    if g.counted() {
                        tally.tp[k] += 1;
                        let (a, b, c) = role_score(kind, g, &p.obj);
                        tally.roles[k][0] += a;
                        tally.roles[k][1] += b;
                        tally.roles[k][2] += c;
                        tally.mod_n += 1;
                        if p.modality.as_deref() == Some(g.modality.as_str()) {
                            tally.mod_ok += 1;
                        }
                        if let Some(dv) = &g.date_value {
                            tally.date_n += 1;
                            if date_value_match(&p.obj, dv) == Some(true) {
                                tally.date_ok += 1;
                            }
                        }
                    } else if !g.optional && pred_counted {
                        tally.fp[k] += 1;
                        tally.extras.push(Extra {
                            doc: doc.id.clone(),
                            kind,
                            reason: format!("matches a {} gold", g.modality.as_str()),
                            text: g.anchor.clone(),
                            sentence: py_slice_text(&doc.text, p.span),
                        });
                    }
                }
                None if g.counted() => {
                    tally.fn_[k] += 1;
                    tally.misses.push(Miss {
                        doc: doc.id.clone(),
                        kind,
                        anchor: g.anchor.clone(),
                        reason: if covered[gi] {
                            "the predictions covering it went to other records"
                        } else {
                            "no prediction of this kind covers it"
                        }
                        .to_string(),
                        sentence: sentence_around(&doc.text, g.start, g.start + g.anchor.len())
                            .to_string(),
                        line: g.line,
                    });
                }
                None => {}
            }
        }
        for (pi, p) in ps.iter().enumerate() {
            if !pred_used[pi] && p.counted() {
                tally.fp[k] += 1;
                let sentence = py_slice_text(&doc.text, p.span);
                tally.extras.push(Extra {
                    doc: doc.id.clone(),
                    kind,
                    reason: "no gold".to_string(),
                    text: prefix_chars(&sentence, 120).to_string(),
                    sentence,
                });
            }
        }
    }
}

/// The sentence around `start..end`: from the last sentence end before
/// `start` to the first one at or after `end`, trimmed. A sentence ends at a
/// newline, or at '.', '!' or '?' before white space, except a '.' after a
/// lone capital ("U.S.", "J. Smith"). Good enough to show a reader where a
/// gold anchor sits.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let b = text.as_bytes();
    let ends_at = |i: usize| -> bool {
        match b[i] {
            b'\n' => true,
            b'.' | b'!' | b'?' => {
                let before_space = !matches!(b.get(i + 1), Some(c) if !c.is_ascii_whitespace());
                let initial = b[i] == b'.'
                    && i >= 1
                    && b[i - 1].is_ascii_uppercase()
                    && (i < 2 || !b[i - 2].is_ascii_alphabetic());
                before_space && !initial
            }
            _ => false,
        }
    };
    let from = (0..start).rev().find(|&i| ends_at(i)).map_or(0, |i| i + 1);
    let to = (end..b.len())
        .find(|&i| ends_at(i))
        .map_or(b.len(), |i| i + 1);
    text[from..to].trim()
}
