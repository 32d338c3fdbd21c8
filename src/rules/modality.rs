//! Modality: asserted, planned, hypothetical or negated, from the cue words
//! around a trigger (will, plans to, threatened, vowed, could, if, not ...).

use super::{Ctx, Shapes};
use crate::event::Modality;
use crate::lexicon::TriggerKind;
use crate::tokens::{ends_with_ci, TokenKind};
use crate::words::lists::modality::{
    BARRIERS, CONDITIONS, HYPOTHETICAL, NEGATION, PLANNED, WEAK_HYPOTHETICAL,
};

/// The shapes of all the cue words above.
const CUE_SHAPES: Shapes = BARRIERS
    .shapes()
    .union(NEGATION.shapes())
    .union(HYPOTHETICAL.shapes())
    .union(PLANNED.shapes());

/// The modality of a trigger at tokens `t..e` in the context's sentence.
pub(crate) fn modality(c: &Ctx<'_, '_>, t: usize, e: usize, kind: TriggerKind) -> Modality {
    let mut k = t;
    let mut steps = 0;
    let mut hyp = false;
    let mut planned = false;
    let mut neg = false;
    while k > c.range.start && steps < 8 {
        k -= 1;
        steps += 1;
        let kind_k = c.doc.tokens[k].kind;
        let w = c.bytes(k);
        if kind_k == TokenKind::Punct && matches!(w, b"," | b";" | b":" | b"(" | b")") {
            break;
        }
        // Most words are none of the cues: one test for all the lists.
        let cue = CUE_SHAPES.may_contain(w);
        if cue && BARRIERS.contains_bytes(w) {
            break;
        }
        let is = |word: &str| w.eq_ignore_ascii_case(word.as_bytes());
        if cue && NEGATION.contains_bytes(w) || ends_with_ci(w, b"n't") {
            // "not only": not a negation.
            // "denied any involvement in the attack": the attack happened.
            let disowned = (is("denied") || is("refused"))
                && (k + 1..t).any(|j| {
                    c.is_any(
                        j,
                        &[
                            "involvement",
                            "responsibility",
                            "role",
                            "part",
                            "link",
                            "links",
                            "knowledge",
                        ],
                    )
                });
            if !(is("not") && c.is_word(k + 1, "only")
                || is("no") && c.is_word(k + 1, "longer")
                || disowned)
            {
                neg = true;
            }
        }
        if cue && HYPOTHETICAL.contains_bytes(w) {
            // "to deal with attacks": "against" and "any" need an attack noun right after.
            if !WEAK_HYPOTHETICAL.contains_bytes(w) || k + 3 >= t {
                hyp = true;
            }
        }
        if cue && PLANNED.contains_bytes(w) {
            // "plans to visit" plans; "criticized the plan" does not.
            let noun_plan = (is("plan") || is("plans")) && !c.is_word(k + 1, "to");
            let strong = !(is("to") || is("would") || is("next") || noun_plan);
            // "is to visit", "plans to visit"
            if strong
                || (is("to")
                    && k + 1 == t
                    && k > c.range.start
                    && c.is_any(k - 1, &["is", "are", "was", "were"]))
            {
                planned = true;
            }
            if is("would") && kind != TriggerKind::Attack {
                planned = true;
            }
        }
    }
    // Conditions after the trigger: "resume attacks should the truce end".
    let mut j = e;
    let mut steps = 0;
    while j < c.range.end && steps < 4 {
        if kind == TriggerKind::Attack && c.is_in(j, &CONDITIONS) {
            hyp = true;
        }
        if c.is_word(j, "were") && c.is_word(j + 1, "to") {
            hyp = true;
        }

        j += 1;
        steps += 1;
    }
    // "A call between X and Y is planned for Friday": the subject's verb.
    // Only a noun can be that subject: a verb trigger skips the scan.
    let noun = kind != TriggerKind::Statement && !c.word(t).ends_with("ed");
    let subject = noun
        && !(t.saturating_sub(2).max(c.range.start)..t).any(|k| c.is_in(k, &super::PREPOSITIONS));
    if subject {
        let stop = (e + 10).min(c.range.end);
        let scheduled = (e..stop)
            .take_while(|&j| c.kind(j) != Some(TokenKind::Punct))
            .any(|j| {
                c.is_any(j, &["is", "are"])
                    && c.is_any(j + 1, &["planned", "scheduled", "expected", "due"])
            });
        planned |= scheduled;
    }
    if neg && !hyp {
        return Modality::Negated;
    }
    match kind {
        // A future attack is a threat unless it is scheduled: "is set to
        // launch an assault", "will strike the bases on Friday".
        TriggerKind::Attack => {
            if planned && !hyp && scheduled(c, t, e) {
                Modality::Planned
            } else if hyp || planned {
                Modality::Hypothetical
            } else {
                Modality::Asserted
            }
        }
        TriggerKind::Statement => {
            if neg {
                Modality::Negated
            } else if c.is_any(t.saturating_sub(1), &["will", "would"])
                || (planned && !c.word(t).ends_with("ed"))
            {
                Modality::Planned
            } else if hyp && c.is_any(t.saturating_sub(1), &["may", "might", "could"]) {
                Modality::Hypothetical
            } else {
                Modality::Asserted
            }
        }
        _ => {
            if planned {
                Modality::Planned
            } else if hyp && !c.word(t).ends_with("ed") {
                Modality::Hypothetical
            } else {
                Modality::Asserted
            }
        }
    }
}

/// A future attack given a schedule: "is set/due/scheduled to", "plans
/// to", or a date after the trigger ("will strike ... on Friday").
fn scheduled(c: &Ctx<'_, '_>, t: usize, e: usize) -> bool {
    let lo = t.saturating_sub(6).max(c.range.start);
    let cue = (lo..t).any(|k| {
        c.is_any(
            k,
            &["set", "due", "scheduled", "plans", "planned", "planning"],
        ) && c.is_word(k + 1, "to")
    });
    // A date after the trigger (the trigger may end the sentence).
    let after = c.doc.tokens[e.min(c.range.end - 1)].span.start;
    cue || c.dates().iter().any(|d| d.span.start >= after)
}

#[cfg(test)]
mod tests {
    use crate::{Document, EventKind, Extractor, Modality};

    /// The modality of the first attack of `text`.
    fn attack_modality(text: &str) -> Option<Modality> {
        let events = Extractor::new().extract(&Document::new("t", text));
        let e = events
            .iter()
            .find(|e| matches!(e.kind, EventKind::Attack(_)))?;
        Some(e.modality)
    }

    #[test]
    fn attacks_prepared_for_are_hypothetical() {
        let h = Some(Modality::Hypothetical);
        let a = Some(Modality::Asserted);
        for (text, want) in [
            (
                "The militias are preparing for rocket attacks on the base.",
                h,
            ),
            (
                "The talks gave both armies time to prepare for counter attacks with artillery.",
                h,
            ),
            ("Militias launched rocket attacks on the base on Monday.", a),
            (
                "The army prepared the ground, then shelled the town with artillery.",
                a,
            ),
        ] {
            assert_eq!(attack_modality(text), want, "{text}");
        }
    }
}
