//! A clause of force and, after a comma, its casualties: "fighters overran
//! an army post, killing 12 soldiers", "mortar rounds landed on a school,
//! injuring seven children". The gerund tells the harm; the clause before
//! it tells who did it, to what and where.

use super::super::{placeish, Ctx, Draft, Filler, RuleId, TriggerMatch};
use super::parties::{location_after, subject_attacker, weapon_near, wielder};
use super::phrases::{np_at, person_np, prep_object};
use super::{casualties, draft, Parties};
use crate::tokens::TokenKind;
use crate::words::lists::attack::{
    FORCE_CLAUSE_VERBS, WEAPON_DETERMINERS, WEAPON_LANDED_PREPOSITIONS,
};

/// The attack of the clause before the casualty gerund `tr` (", killing
/// 12 soldiers"): a verb of force whose subject is a party, or a weapon
/// that opens the clause. None when people are neither counted nor named
/// after the gerund.
pub(super) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let people = casualties(c) != (None, None) || np_at(c, e).is_some_and(|f| person_np(c, &f));
    // An attack word before the gerund tells the attack: the gerund is no
    // trigger then (`sentence_triggers`).
    if !people {
        return None;
    }
    let start = clause_start(c, t - 1);
    match (start..t - 1).rfind(|&k| c.is_in(k, &FORCE_CLAUSE_VERBS)) {
        Some(v) => by_party(c, tr, v),
        None => by_weapon(c, tr, start),
    }
}

/// The first token of the clause ending at the comma `p`: after the
/// sentence's start, a ";" or ":", at most 25 tokens back.
fn clause_start(c: &Ctx<'_, '_>, p: usize) -> usize {
    let stop = |k: usize| c.kind(k) == Some(TokenKind::Punct) && matches!(c.word(k), ";" | ":");
    c.back_while(p, |k| k + 25 >= p && !stop(k))
}

/// "Rebels seized the town, killing 30": the subject of the verb of force
/// at `v` attacks its object. A subject that is no party ("the storm"),
/// or the police (an arrest), makes no attack.
fn by_party(c: &Ctx<'_, '_>, tr: &TriggerMatch, v: usize) -> Option<Draft> {
    let mi = c.subject_before(v).filter(|&mi| {
        let m = &c.mentions()[mi];
        m.toks.end <= v && !c.is_police(m)
    })?;
    let parties = Parties {
        attacker: Some(subject_attacker(c, mi)?),
        target: np_at(c, v + 1),
        location: location_after(c, v + 1),
        weapon: weapon_near(c, v, v + 1),
    };
    Some(draft(c, tr, parties, RuleId::AttackClauseCasualties, false))
}

/// "Mortar rounds landed on a school, injuring seven": a weapon of force
/// opening the clause from `start` (after an opening phrase set off by a
/// comma) is the attack; its owner the attacker, what it fell on the
/// target, a named place the location.
fn by_weapon(c: &Ctx<'_, '_>, tr: &TriggerMatch, start: usize) -> Option<Draft> {
    let t = tr.toks.start;
    let open = c.back_while(t - 1, |k| k >= start && !c.is_word(k, ","));
    let first = c.forward_over(open, &WEAPON_DETERMINERS);
    let weapon = c.weapon(|w| w.force && w.toks.start == first && w.toks.end + 1 < t)?;
    let verb = weapon.toks.end;
    let (target, place) = match prep_object(c, verb + 1, 2, &WEAPON_LANDED_PREPOSITIONS) {
        Some((_, f)) if c.filler_mention(&f).is_some_and(placeish) => (None, Some(f)),
        Some((_, f)) => (Some(f), None),
        None => (np_at(c, verb + 1), None),
    };
    let parties = Parties {
        attacker: wielder(c, weapon.toks.start),
        target,
        location: location_after(c, verb + 1).or(place),
        weapon: Some(Filler::Span(weapon.span)),
    };
    Some(draft(c, tr, parties, RuleId::AttackClauseCasualties, false))
}
