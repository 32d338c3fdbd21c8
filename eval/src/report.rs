//! The report: counts, ratios, misses and extras, and their rendering.

use crate::score::{KindCounts, Tally};
use crate::Kind;
use serde::{Serialize, Serializer};
use std::fmt;

/// The counts and ratios of one kind or of all kinds together. Ratios are
/// exact; [`Report`]'s `Display` rounds them to three decimals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Required gold records paired with a prediction.
    #[serde(rename = "tp")]
    pub true_positives: usize,
    /// Counted predictions with no gold record, or paired with a
    /// hypothetical or negated one.
    #[serde(rename = "fp")]
    pub false_positives: usize,
    /// Required gold records left unpaired.
    #[serde(rename = "fn")]
    pub false_negatives: usize,
    /// tp / (tp + fp), 0 when undefined.
    pub precision: f64,
    /// tp / (tp + fn), 0 when undefined.
    pub recall: f64,
    /// Harmonic mean of precision and recall, 0 when undefined.
    pub f1: f64,
    /// F1 of role values over the pairs with a required record.
    pub role_f1: f64,
}

/// Scores for one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindScores {
    /// The kind.
    #[serde(skip)]
    pub kind: Kind,
    /// Its counts and ratios.
    #[serde(flatten)]
    pub scores: Scores,
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
    /// The counts of all kinds summed, and their ratios (role F1 over the
    /// summed role counts).
    #[serde(flatten)]
    pub scores: Scores,
    /// Share of pairs with a required record whose predicted modality is the gold one.
    pub modality_acc: f64,
    /// Pairs with a required record (the denominator of `modality_acc`).
    pub modality_scored: usize,
    /// Share of pairs with a required record and a gold `date_value` whose
    /// predicted date value is that day.
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
    /// The matched gold anchor, or for "no gold" the first 120 characters
    /// of the predicted sentence.
    pub text: String,
    /// The predicted sentence span's text.
    pub sentence: String,
}

/// The result of scoring: per-kind and micro figures, the number of
/// predictions read, and the misses and extras.
///
/// `Display` prints the score table; [`Report::render_verbose`] adds each
/// miss and extra with its sentence. Serializes to JSON with `score.py`'s
/// keys (ratios exact).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Per kind, in [`Kind::ALL`] order (a map keyed by kind name in JSON).
    #[serde(serialize_with = "kinds_as_map")]
    pub kinds: Vec<KindScores>,
    /// Over all kinds.
    pub micro: MicroScores,
    /// Predictions read for the gold's documents.
    pub predictions: usize,
    /// Predictions for documents the gold does not hold, skipped.
    pub skipped: usize,
    /// Required gold records that were missed, in scoring order.
    pub misses: Vec<Miss>,
    /// Predictions counted as false positives, in scoring order.
    pub extras: Vec<Extra>,
}

fn kinds_as_map<S: Serializer>(kinds: &[KindScores], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(kinds.iter().map(|k| (k.kind.as_str(), k)))
}

impl Scores {
    /// The ratios of counts `c`.
    fn new(c: &KindCounts) -> Scores {
        let (tp, fp, missed, roles) = (
            c.true_positives,
            c.false_positives,
            c.false_negatives,
            c.roles,
        );
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + missed);
        Scores {
            true_positives: tp,
            false_positives: fp,
            false_negatives: missed,
            precision,
            recall,
            f1: f1(precision, recall),
            role_f1: f1(
                ratio(roles.matched, roles.predicted),
                ratio(roles.matched, roles.gold),
            ),
        }
    }
}

/// Harmonic mean of precision and recall, 0 when undefined.
fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole > 0 {
        part as f64 / whole as f64
    } else {
        0.0
    }
}

impl Tally {
    pub(crate) fn into_report(self, predictions: usize, skipped: usize) -> Report {
        let kinds: Vec<KindScores> = Kind::ALL
            .into_iter()
            .map(|kind| {
                let c = self.kinds[kind.index()];
                KindScores {
                    kind,
                    scores: Scores::new(&c),
                    role_matched: c.roles.matched,
                    role_gold: c.roles.gold,
                    role_predicted: c.roles.predicted,
                }
            })
            .collect();
        let mut total = KindCounts::default();
        for c in &self.kinds {
            total.true_positives += c.true_positives;
            total.false_positives += c.false_positives;
            total.false_negatives += c.false_negatives;
            total.roles += c.roles;
        }
        Report {
            kinds,
            micro: MicroScores {
                scores: Scores::new(&total),
                modality_acc: ratio(self.modality_matched, self.modality_scored),
                modality_scored: self.modality_scored,
                date_acc: ratio(self.dates_matched, self.dates_scored),
                dates_matched: self.dates_matched,
                dates_scored: self.dates_scored,
            },
            predictions,
            skipped,
            misses: self.misses,
            extras: self.extras,
        }
    }
}

impl Report {
    /// The scores of one kind.
    pub fn kind(&self, kind: Kind) -> &KindScores {
        &self.kinds[kind.index()]
    }

    /// The table, then one block per miss and per extra: a `MISS` or
    /// `EXTRA` line as `score.py --verbose` prints it, then the sentence.
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
    /// The table `score.py` prints, ratios rounded to three decimals, and a
    /// summary line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} {:>7}",
            "kind", "tp", "fp", "fn", "P", "R", "F1", "roleF1"
        )?;
        let micro = &self.micro;
        let rows = self.kinds.iter().map(|k| (k.kind.as_str(), &k.scores));
        for (name, s) in rows.chain([("micro", &micro.scores)]) {
            writeln!(
                f,
                "{name:<10} {:>4} {:>4} {:>4} {:6.3} {:6.3} {:6.3} {:7.3}",
                s.true_positives,
                s.false_positives,
                s.false_negatives,
                s.precision,
                s.recall,
                s.f1,
                s.role_f1
            )?;
        }
        writeln!(
            f,
            "modality accuracy on matched: {:.3}; date value accuracy on matched gold with date_value: {:.3} of {}; predictions read: {}; skipped (other documents): {}",
            micro.modality_acc, micro.date_acc, micro.dates_scored, self.predictions, self.skipped
        )
    }
}
