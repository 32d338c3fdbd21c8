//! The report: counts, ratios, misses and extras, and their rendering.

use super::python::{py_float_repr, round3};
use super::Kind;
use serde::{Serialize, Serializer};
use std::fmt;

/// Counts accumulated over the (document, kind) groups.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) tp: [usize; 4],
    pub(super) fp: [usize; 4],
    pub(super) fn_: [usize; 4],
    pub(super) roles: [[usize; 3]; 4],
    pub(super) mod_ok: usize,
    pub(super) mod_n: usize,
    pub(super) date_ok: usize,
    pub(super) date_n: usize,
    pub(super) misses: Vec<Miss>,
    pub(super) extras: Vec<Extra>,
}

/// `score.py`'s `prf()`.
fn prf(t: usize, p: usize, n: usize) -> (f64, f64, f64) {
    let (t, p, n) = (t as f64, p as f64, n as f64);
    let pr = if t + p > 0.0 { t / (t + p) } else { 0.0 };
    let rc = if t + n > 0.0 { t / (t + n) } else { 0.0 };
    let f = if pr + rc > 0.0 {
        2.0 * pr * rc / (pr + rc)
    } else {
        0.0
    };
    (pr, rc, f)
}

/// Role F1 from (matched, gold present, predicted present).
fn role_f1([a, b, c]: [usize; 3]) -> f64 {
    let rp = if c > 0 { a as f64 / c as f64 } else { 0.0 };
    let rr = if b > 0 { a as f64 / b as f64 } else { 0.0 };
    if rp + rr > 0.0 {
        2.0 * rp * rr / (rp + rr)
    } else {
        0.0
    }
}

fn ratio(ok: usize, n: usize) -> f64 {
    if n > 0 {
        ok as f64 / n as f64
    } else {
        0.0
    }
}

impl Tally {
    pub(super) fn into_report(self, predictions: usize) -> Report {
        let kinds = Kind::ALL
            .into_iter()
            .map(|kind| {
                let k = kind.index();
                let (precision, recall, f1) = prf(self.tp[k], self.fp[k], self.fn_[k]);
                KindScores {
                    kind,
                    tp: self.tp[k],
                    fp: self.fp[k],
                    fn_: self.fn_[k],
                    precision,
                    recall,
                    f1,
                    role_f1: role_f1(self.roles[k]),
                    role_matched: self.roles[k][0],
                    role_gold: self.roles[k][1],
                    role_predicted: self.roles[k][2],
                }
            })
            .collect::<Vec<_>>();
        let sum = |f: fn(&KindScores) -> usize| kinds.iter().map(f).sum::<usize>();
        let (tp, fp, fn_) = (sum(|k| k.tp), sum(|k| k.fp), sum(|k| k.fn_));
        let roles = [
            sum(|k| k.role_matched),
            sum(|k| k.role_gold),
            sum(|k| k.role_predicted),
        ];
        let (precision, recall, f1) = prf(tp, fp, fn_);
        Report {
            kinds,
            micro: MicroScores {
                tp,
                fp,
                fn_,
                precision,
                recall,
                f1,
                role_f1: role_f1(roles),
                modality_acc: ratio(self.mod_ok, self.mod_n),
                modality_scored: self.mod_n,
                date_acc: ratio(self.date_ok, self.date_n),
                dates_matched: self.date_ok,
                dates_scored: self.date_n,
            },
            predictions,
            bad_lines: 0,
            misses: self.misses,
            extras: self.extras,
        }
    }
}

/// Scores for one kind. Ratios are unrounded; [`Report`]'s `Display` rounds
/// them to 3 decimals as `score.py` does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindScores {
    /// The kind.
    #[serde(skip)]
    pub kind: Kind,
    /// Required gold records paired with a prediction.
    pub tp: usize,
    /// Counted predictions with no gold record, or paired with a
    /// hypothetical or negated one.
    pub fp: usize,
    /// Required gold records left unpaired.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp), 0 when undefined.
    pub precision: f64,
    /// tp / (tp + fn), 0 when undefined.
    pub recall: f64,
    /// Harmonic mean of precision and recall, 0 when undefined.
    pub f1: f64,
    /// F1 of role values over the paired required records.
    pub role_f1: f64,
    /// Role values that matched.
    pub role_matched: usize,
    /// Role values present in gold.
    pub role_gold: usize,
    /// Role values present in the predictions.
    pub role_predicted: usize,
}

/// Scores over all kinds, plus modality and date accuracy on the pairs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MicroScores {
    /// Sum of the kinds' tp.
    pub tp: usize,
    /// Sum of the kinds' fp.
    pub fp: usize,
    /// Sum of the kinds' fn.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Micro precision.
    pub precision: f64,
    /// Micro recall.
    pub recall: f64,
    /// Micro F1.
    pub f1: f64,
    /// Role F1 over the summed role counts of all kinds.
    pub role_f1: f64,
    /// Share of paired required records whose predicted modality is the gold one.
    pub modality_acc: f64,
    /// Paired required records (the denominator of `modality_acc`).
    pub modality_scored: usize,
    /// Share of paired required records with a gold `date_value` whose
    /// predicted date value equals it.
    pub date_acc: f64,
    /// Numerator of `date_acc`.
    pub dates_matched: usize,
    /// Denominator of `date_acc`.
    pub dates_scored: usize,
}

/// A required gold record no prediction was paired with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Miss {
    /// Document id.
    pub doc: String,
    /// Kind.
    pub kind: Kind,
    /// The gold anchor.
    pub anchor: String,
    /// Why it was missed: no prediction of its kind covers the anchor, or
    /// those that do were paired with other gold records.
    pub reason: String,
    /// The sentence around the anchor.
    pub sentence: String,
    /// Line of the record in `events.jsonl`.
    pub line: usize,
}

/// A prediction counted as a false positive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extra {
    /// Document id.
    pub doc: String,
    /// Kind.
    pub kind: Kind,
    /// `"no gold"`, or `"matches a hypothetical gold"` / `"matches a negated gold"`.
    pub reason: String,
    /// As `score.py` shows it: the matched gold anchor, or for "no gold"
    /// the first 120 characters of the predicted sentence.
    pub text: String,
    /// The predicted sentence span's text.
    pub sentence: String,
}

/// The result of scoring: per-kind and micro figures, counts of lines read,
/// and the misses and extras.
///
/// `Display` prints `score.py`'s table; [`Report::render_verbose`] adds each
/// miss and extra with its sentence. Serializes to JSON with `score.py`'s
/// keys (ratios unrounded).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Per kind, in [`Kind::ALL`] order (a map keyed by kind name in JSON).
    #[serde(serialize_with = "kinds_as_map")]
    pub kinds: Vec<KindScores>,
    /// Over all kinds.
    pub micro: MicroScores,
    /// Prediction lines accepted for scoring.
    pub predictions: usize,
    /// Prediction lines that could not be used.
    pub bad_lines: usize,
    /// Required gold records that were missed, in scoring order.
    pub misses: Vec<Miss>,
    /// Predictions counted as false positives, in scoring order.
    pub extras: Vec<Extra>,
}

pub(super) fn kinds_as_map<S: Serializer>(kinds: &[KindScores], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(kinds.iter().map(|k| (k.kind.as_str(), k)))
}

impl Report {
    /// The scores of one kind.
    pub fn kind(&self, kind: Kind) -> &KindScores {
        &self.kinds[kind.index()]
    }

    /// The table, then one block per miss and per extra: `score.py`'s
    /// `MISS` / `EXTRA` line followed by the sentence it concerns.
    pub fn render_verbose(&self) -> String {
        let mut out = self.to_string();
        for m in &self.misses {
            out.push_str(&format!("MISS  {} {} {}\n", m.doc, m.kind, m.anchor));
            out.push_str(&format!("      {}; in: {}\n", m.reason, m.sentence));
        }
        for x in &self.extras {
            out.push_str(&format!(
                "EXTRA {} {} {} {}\n",
                x.doc, x.kind, x.reason, x.text
            ));
            out.push_str(&format!(
                "      predicted sentence: {}\n",
                x.sentence.trim()
            ));
        }
        out
    }
}

impl fmt::Display for Report {
    /// `score.py`'s table and summary line, character for character.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} {:>7}",
            "kind", "tp", "fp", "fn", "P", "R", "F1", "roleF1"
        )?;
        let micro = &self.micro;
        let rows = self
            .kinds
            .iter()
            .map(|k| {
                (
                    k.kind.as_str(),
                    k.tp,
                    k.fp,
                    k.fn_,
                    k.precision,
                    k.recall,
                    k.f1,
                    k.role_f1,
                )
            })
            .chain(std::iter::once((
                "micro",
                micro.tp,
                micro.fp,
                micro.fn_,
                micro.precision,
                micro.recall,
                micro.f1,
                micro.role_f1,
            )));
        for (name, tp, fp, fn_, p, r, f1, rf) in rows {
            writeln!(
                f,
                "{:<10} {:>4} {:>4} {:>4} {:6.3} {:6.3} {:6.3} {:7.3}",
                name,
                tp,
                fp,
                fn_,
                round3(p),
                round3(r),
                round3(f1),
                round3(rf)
            )?;
        }
        writeln!(
            f,
            "modality accuracy on matched: {}; date value accuracy on matched gold with date_value: {} of {}; predictions read: {}; unusable lines: {}",
            py_float_repr(round3(micro.modality_acc)),
            py_float_repr(round3(micro.date_acc)),
            micro.dates_scored,
            self.predictions,
            self.bad_lines
        )
    }
}
