//! Scoring: reading the predictions, pairing them with gold records, and
//! counting.

use crate::gold::{GoldDoc, GoldRecord};
use crate::prediction::{prediction_json, role_counts, Prediction, RoleCounts};
use crate::report::{Extra, Miss, Report};
use crate::{json_lines, Error, Gold, Kind};
use newsevents::{Event, Extractor};
use serde_json::Value;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::path::Path;

/// Counts of one kind.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct KindCounts {
    pub(crate) true_positives: usize,
    pub(crate) false_positives: usize,
    pub(crate) false_negatives: usize,
    pub(crate) roles: RoleCounts,
}

/// Counts accumulated over the (document, kind) groups.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) kinds: [KindCounts; 4],
    pub(crate) modality_matched: usize,
    pub(crate) modality_scored: usize,
    pub(crate) dates_matched: usize,
    pub(crate) dates_scored: usize,
    pub(crate) misses: Vec<Miss>,
    pub(crate) extras: Vec<Extra>,
}

impl Gold {
    /// The events `extractor` finds in every document, each with its
    /// document's id, in document order: what [`Gold::score_events`] takes.
    pub fn extract(&self, extractor: &Extractor) -> Vec<(&str, Event)> {
        self.docs()
            .iter()
            .flat_map(|d| {
                let events = extractor.extract(&d.document());
                events.into_iter().map(move |e| (d.id.as_str(), e))
            })
            .collect()
    }

    /// Scores typed events, each with the id of its document, through the
    /// JSON line [`prediction_json`] writes for it: the report is the one
    /// the extractor's JSON output gives.
    ///
    /// An error (which the extractor's events do not raise) names `events`
    /// and the event's position, from 1.
    pub fn score_events<'e, I>(&self, events: I) -> Result<Report, Error>
    where
        I: IntoIterator<Item = (&'e str, &'e Event)>,
    {
        let values = events
            .into_iter()
            .enumerate()
            .map(|(i, (doc, event))| (i + 1, Ok(prediction_json(doc, event))));
        self.score_values("events", values)
    }

    /// Scores prediction lines in JSONL; errors name `predictions` and the line.
    pub fn score_jsonl(&self, jsonl: &str) -> Result<Report, Error> {
        self.score_source("predictions", jsonl)
    }

    /// Scores a file of prediction lines; errors name the file and the line.
    pub fn score_file(&self, path: &Path) -> Result<Report, Error> {
        let jsonl = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        self.score_source(&path.display().to_string(), &jsonl)
    }

    fn score_source(&self, source_name: &str, jsonl: &str) -> Result<Report, Error> {
        let values = json_lines(jsonl).map(|(line, raw)| {
            let value = serde_json::from_str(raw).map_err(|e| format!("invalid JSON: {e}"));
            (line, value)
        });
        self.score_values(source_name, values)
    }

    fn score_values(
        &self,
        source_name: &str,
        values: impl Iterator<Item = (usize, Result<Value, String>)>,
    ) -> Result<Report, Error> {
        let mut predictions = Vec::new();
        let mut skipped = 0;
        for (line, value) in values {
            match value.and_then(|v| Prediction::read(v, self)) {
                Ok(Some(p)) => predictions.push(p),
                Ok(None) => skipped += 1,
                Err(message) => {
                    return Err(Error::Prediction {
                        source_name: source_name.to_string(),
                        line,
                        message,
                    })
                }
            }
        }
        let mut tally = Tally::default();
        let mut predicted: HashMap<(&str, Kind), Vec<&Prediction>> = HashMap::new();
        for p in &predictions {
            predicted.entry((&p.doc, p.kind)).or_default().push(p);
        }
        let mut gold: HashMap<(&str, Kind), Vec<&GoldRecord>> = HashMap::new();
        for g in &self.records {
            gold.entry((&g.doc, g.kind)).or_default().push(g);
        }
        for doc in &self.docs {
            for &kind in doc.scored_kinds() {
                let key = (doc.id.as_str(), kind);
                let records = gold.get(&key).map_or(&[][..], Vec::as_slice);
                let preds = predicted.get(&key).map_or(&[][..], Vec::as_slice);
                tally.add_group(doc, kind, records, preds);
            }
        }
        Ok(tally.into_report(predictions.len(), skipped))
    }
}

/// Pairs the gold records and predictions of one document and kind, one
/// to one and greedily; returns each record's prediction, if any.
fn pair(kind: Kind, records: &[&GoldRecord], preds: &[&Prediction]) -> Vec<Option<usize>> {
    let mut candidates = Vec::new();
    for (gi, g) in records.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            if p.start <= g.start && g.start < p.end {
                let matched = role_counts(kind, g, p).matched;
                let same_modality = p.modality == g.modality;
                let distance = Reverse(g.start - p.start);
                candidates.push((g.required(), same_modality, matched, distance, gi, pi));
            }
        }
    }
    // Best first; on a full tie, the later record and prediction first.
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    let mut paired = vec![None; records.len()];
    let mut used = vec![false; preds.len()];
    for (.., gi, pi) in candidates {
        if paired[gi].is_none() && !used[pi] {
            paired[gi] = Some(pi);
            used[pi] = true;
        }
    }
    paired
}

impl Tally {
    /// Counts one document's records and predictions of one kind.
    fn add_group(
        &mut self,
        doc: &GoldDoc,
        kind: Kind,
        records: &[&GoldRecord],
        preds: &[&Prediction],
    ) {
        let paired = pair(kind, records, preds);
        let counts = &mut self.kinds[kind.index()];
        for (g, pi) in records.iter().zip(&paired) {
            match pi.map(|pi| preds[pi]) {
                Some(p) if g.required() => {
                    counts.true_positives += 1;
                    counts.roles += role_counts(kind, g, p);
                    self.modality_scored += 1;
                    self.modality_matched += usize::from(p.modality == g.modality);
                    if let Some(day) = g.date_value {
                        self.dates_scored += 1;
                        self.dates_matched += usize::from(p.date_value == Some(day));
                    }
                }
                Some(p) if !g.optional && p.counted() => {
                    counts.false_positives += 1;
                    self.extras.push(Extra {
                        doc: doc.id.clone(),
                        kind,
                        reason: format!("matches a {} gold", g.modality.as_str()),
                        text: g.anchor.clone(),
                        sentence: sentence_text(doc, p),
                    });
                }
                Some(_) => {}
                None if g.required() => {
                    counts.false_negatives += 1;
                    let covered = preds.iter().any(|p| p.start <= g.start && g.start < p.end);
                    self.misses.push(Miss {
                        doc: doc.id.clone(),
                        kind,
                        anchor: g.anchor.clone(),
                        reason: if covered {
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
        for (pi, p) in preds.iter().enumerate() {
            if p.counted() && !paired.contains(&Some(pi)) {
                counts.false_positives += 1;
                let sentence = sentence_text(doc, p);
                self.extras.push(Extra {
                    doc: doc.id.clone(),
                    kind,
                    reason: "no gold".to_string(),
                    text: sentence.chars().take(120).collect(),
                    sentence,
                });
            }
        }
    }
}

/// The text of a prediction's sentence span (which may cut a character).
fn sentence_text(doc: &GoldDoc, p: &Prediction) -> String {
    String::from_utf8_lossy(&doc.text.as_bytes()[p.start..p.end]).into_owned()
}

/// The sentence around `start..end`: from the last sentence end before
/// `start` to the first one at or after `end`, trimmed. A sentence ends at a
/// newline, or at '.', '!' or '?' before white space, except a '.' after a
/// lone capital (an initial). Good enough to show a reader where a gold
/// anchor sits.
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
