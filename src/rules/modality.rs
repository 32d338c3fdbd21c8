//! Modality: asserted, planned, hypothetical or negated, from the cue words
//! around a trigger (will, plans to, threatened, vowed, could, if, not ...).

use super::{Ctx, Shapes};
use crate::event::EventType;
use crate::event::Modality;
use crate::tokens::{ends_with_ci, TokenKind};
use crate::words::lists::modality::*;
use crate::words::lists::rules::{BE_FORMS, CLAUSE_STARTERS, DETERMINERS};

/// The shapes of all the cue words above.
const CUE_SHAPES: Shapes = CUE_BARRIERS
    .shapes()
    .union(NEGATION.shapes())
    .union(HYPOTHETICAL.shapes())
    .union(PLANNED.shapes());

/// The cues found around a trigger.
#[derive(Default)]
struct Cues {
    hypothetical: bool,
    planned: bool,
    negated: bool,
}

/// The modality of a trigger at tokens `t..e` in the context's sentence.
pub(crate) fn modality(c: &Ctx<'_, '_>, t: usize, e: usize, kind: EventType) -> Modality {
    // Called off or denied outright: whatever the clause planned or supposed.
    if called_off_subject(c, t, e, kind) || denied_clause(c, t) {
        return Modality::Negated;
    }
    let mut cues = cues_before(c, t, kind);
    cues.hypothetical |= condition_after(c, e, kind) || supposed_subject(c, t, e, kind);
    // "is due in Tarnis on Friday": a trigger that schedules by itself.
    cues.planned |= scheduled_subject(c, t, e, kind) || c.is_in(t, &SCHEDULED);
    decide(c, t, e, kind, &cues)
}

/// The cues in the clause before the trigger at `t` (at most 8 words
/// back, up to a barrier or a comma).
fn cues_before(c: &Ctx<'_, '_>, t: usize, kind: EventType) -> Cues {
    let mut cues = Cues::default();
    for k in c.before(t, 8).rev() {
        let w = c.bytes(k);
        if matches!(w, b"," | b";" | b":" | b"(" | b")") {
            break;
        }
        // Most words are none of the cues: one test for all the lists.
        let cue = CUE_SHAPES.may_contain(w);
        if cue && CUE_BARRIERS.contains_bytes(w) {
            break;
        }
        let negation = cue && NEGATION.contains_bytes(w) || ends_with_ci(w, b"n't");
        // "cancelled his trip", "called off the offensive".
        cues.negated |= called_off(c, k) || (negation && negates(c, k, t));
        // "to deal with attacks": "against" and "any" need an attack noun right after.
        let far = k + 3 < t && WEAK_HYPOTHETICAL.contains_bytes(w);
        cues.hypothetical |= cue && HYPOTHETICAL.contains_bytes(w) && !far;
        cues.planned |= cue && PLANNED.contains_bytes(w) && plans(c, k, t, kind);
    }
    cues
}

/// Whether the negation word at `k` negates the trigger at `t`: not "not
/// only", "no longer", nor a denial of a part in it ("denied any
/// involvement in the attack": the attack happened).
fn negates(c: &Ctx<'_, '_>, k: usize, t: usize) -> bool {
    let disowned = (c.is_word(k, "denied") || c.is_word(k, "refused"))
        && (k + 1..t).any(|j| c.is_in(j, &DISOWNED_PARTS));
    !(c.is_word(k, "not") && c.is_word(k + 1, "only")
        || c.is_word(k, "no") && c.is_word(k + 1, "longer")
        || disowned)
}

/// Whether the planning word at `k` plans the trigger at `t`: "plans to
/// visit" and "is to visit" do, "criticized the plan" does not; "would"
/// plans all but attacks.
fn plans(c: &Ctx<'_, '_>, k: usize, t: usize, kind: EventType) -> bool {
    let is = |word: &str| c.is_word(k, word);
    let noun_plan = (is("plan") || is("plans")) && !c.is_word(k + 1, "to");
    let strong = !(is("to") || is("would") || is("next") || noun_plan);
    let is_to = is("to") && k + 1 == t && c.follows(k, &FINITE_BE);
    strong || is_to || (is("would") && kind != EventType::Attack)
}

/// A condition after an attack ("resume raids should the talks fail"),
/// or "were to" after any trigger, within four words.
fn condition_after(c: &Ctx<'_, '_>, e: usize, kind: EventType) -> bool {
    c.ahead(e, 4).any(|j| {
        kind == EventType::Attack && c.is_in(j, &CONDITIONS)
            || c.is_word(j, "were") && c.is_word(j + 1, "to")
    })
}

/// "An attack on the airport would mean war": an attack noun after "a",
/// "an" or "any" that is the subject of "would", "could" or "might" is a
/// supposition. The scan from the noun to the modal stops at a clause
/// starter or a past verb ("an attack that killed three", "an attack
/// killed three and could ...").
fn supposed_subject(c: &Ctx<'_, '_>, t: usize, e: usize, kind: EventType) -> bool {
    let noun = kind == EventType::Attack && !c.word(t).ends_with("ed");
    let indefinite = || c.before(t, 3).any(|k| c.is_in(k, &INDEFINITE_DETERMINERS));
    let mut ahead = c.ahead(e, 14).take_while(|&j| {
        !(c.is_in(j, &CLAUSE_STARTERS) || c.word(j).ends_with("ed") || c.is_word(j, "."))
    });
    noun && indefinite() && ahead.any(|j| c.is_in(j, &CONDITIONAL_MODALS))
}

/// "A call between X and Y is planned for Friday": a trigger noun that is
/// the subject of "is planned/scheduled/expected/due" later in the clause.
fn scheduled_subject(c: &Ctx<'_, '_>, t: usize, e: usize, kind: EventType) -> bool {
    let after_preposition = c.before(t, 2).any(|k| c.is_in(k, &super::PREPOSITIONS));
    let scheduled = |j: usize| c.is_in(j, &SCHEDULE_BE) && c.is_in(j + 1, &SCHEDULED);
    !after_preposition && noun_subject_of(c, t, e, kind, scheduled)
}

/// "The visit was cancelled", "a call between them was postponed": a
/// trigger noun that is the subject of a verb calling it off, later in its
/// clause, did not happen.
fn called_off_subject(c: &Ctx<'_, '_>, t: usize, e: usize, kind: EventType) -> bool {
    let called_off = |j: usize| c.is_in(j, &BE_FORMS) && called_off(c, j + 1);
    noun_subject_of(c, t, e, kind, called_off)
}

/// True when the trigger at `t..e` is a noun and `verb` accepts a token
/// later in its clause: the noun is that verb's subject. Only a noun can
/// be one: a verb trigger skips the scan. The scan crosses a phrase
/// between commas ("the visit, planned for May, was cancelled") and an
/// "and" joining parties, not into another clause.
fn noun_subject_of(
    c: &Ctx<'_, '_>,
    t: usize,
    e: usize,
    kind: EventType,
    verb: impl Fn(usize) -> bool,
) -> bool {
    let noun = kind != EventType::Statement && !c.word(t).ends_with("ed");
    // "and" between two parties ("a call between X and Y") joins them.
    let joins = |j: usize| c.mention_ending(j).is_some() && c.mention_starting(j + 1).is_some();
    let clause = |j: &usize| {
        let punct = c.kind(*j) == Some(TokenKind::Punct) && !c.is_word(*j, ",");
        !(punct || c.is_in(*j, &CUE_BARRIERS) && !(c.is_word(*j, "and") && joins(*j)))
    };
    noun && c.ahead(e, 12).take_while(clause).any(verb)
}

/// True when a verb calling an event off starts at token `k`: "cancelled",
/// "postponed", "called off".
fn called_off(c: &Ctx<'_, '_>, k: usize) -> bool {
    c.is_in(k, &CALLED_OFF) || (c.is_word(k, "called") && c.is_word(k + 1, "off"))
}

/// "The army denied that its jets had struck the camp": the verb of a
/// clause a denial governs did not happen. Only a verb: "denied that it
/// was behind the attack" denies a part, not the attack.
fn denied_clause(c: &Ctx<'_, '_>, t: usize) -> bool {
    let that = c.before(t, 6).rev().find(|&k| c.is_word(k, "that"));
    let Some(that) = that else { return false };
    let plain = (that + 1..t).all(|k| c.kind(k) == Some(TokenKind::Word));
    // "had spoken by phone", "struck": a verb; "was behind the rocket
    // attack": a noun, with a determiner or preposition after the verb.
    let verb_cue = |k: &usize| c.is_in(*k, &AUXILIARIES) || c.word(*k).ends_with("ed");
    let verb = (that + 1..=t).rev().find(verb_cue).is_some_and(|v| {
        let noun_word = |k: usize| c.is_in(k, &DETERMINERS) || c.is_in(k, &super::PREPOSITIONS);
        !(v + 1..t).any(noun_word)
    });
    // "denied reports that ...": the denial may govern the claim it answers.
    let claim = usize::from(c.is_in(that.saturating_sub(1), &CLAIMS));
    let denial = that > claim && c.is_in(that - 1 - claim, &DENIALS);
    verb && plain && denial
}

/// The modality the cues give, by kind.
fn decide(c: &Ctx<'_, '_>, t: usize, e: usize, kind: EventType, cues: &Cues) -> Modality {
    let (hyp, planned, negated) = (cues.hypothetical, cues.planned, cues.negated);
    if negated && !hyp {
        return Modality::Negated;
    }
    let past = c.word(t).ends_with("ed");
    match kind {
        // A future attack is a threat unless it is scheduled: "is set to
        // launch an assault", "will strike the bases on Friday".
        EventType::Attack if planned && !hyp && scheduled(c, t, e) => Modality::Planned,
        EventType::Attack if hyp || planned => Modality::Hypothetical,
        EventType::Statement if negated => Modality::Negated,
        EventType::Statement if c.follows(t, &FUTURE_AUXILIARIES) || (planned && !past) => {
            Modality::Planned
        }
        EventType::Statement if hyp && c.follows(t, &POSSIBILITY_MODALS) => Modality::Hypothetical,
        EventType::Attack | EventType::Statement => Modality::Asserted,
        _ if planned => Modality::Planned,
        _ if hyp && !past => Modality::Hypothetical,
        _ => Modality::Asserted,
    }
}

/// A future attack given a schedule: "is set/due/scheduled to", "plans
/// to", or a date after the trigger ("will strike ... on Friday").
fn scheduled(c: &Ctx<'_, '_>, t: usize, e: usize) -> bool {
    let cue = (c.before(t, 6)).any(|k| c.is_in(k, &SCHEDULE_CUES) && c.is_word(k + 1, "to"));
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

    #[test]
    fn an_indefinite_attack_as_the_subject_of_would_is_supposed() {
        let h = Some(Modality::Hypothetical);
        let a = Some(Modality::Asserted);
        for (text, want) in [
            ("A Russian attack on the plant might cause a disaster.", h),
            (
                "Any missile strike on the dam could kill hundreds of villagers.",
                h,
            ),
            (
                "An attack on the airport killed three people and could be investigated.",
                a,
            ),
            (
                "The rocket attack on the airport would later be described as a turning point.",
                a,
            ),
            (
                "A drone attack on the port on Monday was the first that could be confirmed.",
                a,
            ),
        ] {
            assert_eq!(attack_modality(text), want, "{text}");
        }
    }
}
