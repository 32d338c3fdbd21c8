//! Weak attack verbs, attacks only where no stronger trigger tells one:
//! harm to people ("nine guards were killed"), a weapon going off ("a parcel
//! bomb exploded") or fired ("fired rockets at the port").

use super::super::{armed, lower, placeish, Ctx, Draft, Filler, RuleId, TriggerMatch};
use super::parties::{as_attacker, by_agent, location_after, weapon_near, wielder};
use super::phrases::{np_at, passive_subject, prep_object, word_object};
use super::verbal::crime;
use super::{casualties, draft, noun_target, Parties};
use crate::event::EventType;
use crate::lexicon::Frame;
use crate::mention::{Class, EntityMention};
use crate::words::lists::attack::{
    BLAST_PREPOSITIONS, CASUALTY_GERUNDS, HARM_VERBS, HIT_FORMS, KILLED_AUXILIARIES,
    LAUNCH_TARGET_PREPOSITIONS, LAUNCH_VERBS, PASSIVE_PAST_BE, WENT_OFF_PREPOSITIONS,
    WENT_OFF_VERBS,
};

/// The weak verb rule on `tr`, by its verb: harm, a bomber who blew
/// himself up, a weapon that hit, went off or was fired, the casualties
/// of a clause of force (", killing 12").
pub(super) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    if told_elsewhere(c, tr) {
        return None;
    }
    let (t, e) = (tr.toks.start, tr.toks.end);
    let w = lower(c.word(t));
    if HARM_VERBS.contains(&w) {
        harmed(c, tr)
    } else if w == "blew" && e - t == 3 {
        blew_up(c, tr)
    } else if w == "hit" && c.follows(t, &PASSIVE_PAST_BE) && c.is_word(e, "by") {
        hit_by_weapon(c, tr)
    } else if WENT_OFF_VERBS.contains(&w) {
        went_off(c, tr)
    } else if w == "fired" && c.is_word(e, "by") {
        fired_by(c, tr)
    } else if LAUNCH_VERBS.contains(&w) {
        launched(c, tr)
    } else if CASUALTY_GERUNDS.contains(&w) && t > c.range.start && c.is_word(t - 1, ",") {
        super::clause::rule(c, tr)
    } else {
        None
    }
}

/// True when the sentence's attack is told by another trigger: a strong
/// one in the same clause (one in an opening phrase set off by a comma
/// does not count: "During another wave of raids, X fired drones"), or an
/// earlier weak one.
fn told_elsewhere(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> bool {
    let t = tr.toks.start;
    let same_clause = |x: &TriggerMatch| {
        let (a, b) = if x.toks.start < t {
            (x.toks.end, t)
        } else {
            (tr.toks.end, x.toks.start)
        };
        !(a..b).any(|k| c.is_word(k, ","))
    };
    let strong = c.has_trigger(EventType::Attack, |x| {
        matches!(x.frame, Frame::Noun | Frame::Verb) && !noun_target(c, x) && same_clause(x)
    });
    let weak = |x: &&TriggerMatch| x.kind == EventType::Attack && x.frame == Frame::VerbWeak;
    strong || c.trigs.iter().find(weak).map(|x| x.toks.start) != Some(t)
}

/// "killed", "stabbed": in the passive, the subject is the target; after a
/// weapon ("A car bomb killed four guards"), the weapon's; after an armed
/// group, the group is the attacker; else a crime between two people.
fn harmed(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    if c.follows(t, &KILLED_AUXILIARIES) {
        return harmed_passive(c, tr);
    }
    if let Some(wi) = c.weapon(|wp| wp.toks.end == t && wp.force) {
        let parties = Parties {
            attacker: wielder(c, wi.toks.start),
            target: np_at(c, e),
            location: location_after(c, e),
            weapon: Some(Filler::Span(wi.span)),
        };
        return Some(draft(c, tr, parties, RuleId::AttackWeaponKilled, false));
    }
    let armed_group = |m: &EntityMention| m.class == Class::Group && armed(m);
    let Some(attacker) = c.subject_before(t).filter(c.mention_is(armed_group)) else {
        return crime(c, tr);
    };
    let parties = Parties {
        attacker: Some(c.filler(attacker)),
        target: np_at(c, e),
        location: location_after(c, e),
        weapon: weapon_near(c, t, e),
    };
    Some(draft(c, tr, parties, RuleId::AttackArmedActorKilled, false))
}

/// "nine guards were killed by gunmen": the subject is the target, "by"
/// names the attacker; an attack only with a target or a count.
fn harmed_passive(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let target = passive_subject(c, t, true);
    let (killed, injured) = casualties(c);
    if target.is_none() && killed.or(injured).is_none() {
        return None;
    }
    let parties = Parties {
        attacker: by_agent(c, e, 4),
        target,
        location: location_after(c, e),
        weapon: weapon_near(c, t, e),
    };
    Some(draft(c, tr, parties, RuleId::AttackKilledPassive, false))
}

/// "A bomber blew himself up at a checkpoint": the subject is the
/// attacker, the building the target (a named place is no target).
fn blew_up(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let attacker = c.subject_before(t).map(|mi| c.filler(mi))?;
    let target = prep_object(c, e, 2, &BLAST_PREPOSITIONS)
        .map(|(_, f)| f)
        .filter(|f| !c.filler_mention(f).is_some_and(placeish));
    let parties = Parties {
        attacker: Some(attacker),
        target,
        location: location_after(c, e),
        weapon: None,
    };
    Some(draft(c, tr, parties, RuleId::AttackBlewUp, false))
}

/// "The depot was hit by a Valdorian missile": the weapon's owner is the
/// attacker, the subject the target.
fn hit_by_weapon(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let weapon = c.weapon(|wp| wp.toks.start > e && wp.toks.start <= e + 3)?;
    let parties = Parties {
        attacker: wielder(c, weapon.toks.start),
        target: passive_subject(c, t, true),
        location: location_after(c, weapon.toks.end),
        weapon: Some(Filler::Span(weapon.span)),
    };
    Some(draft(c, tr, parties, RuleId::AttackPassive, false))
}

/// A weapon right before the verb went off or hit ("a car bomb went off
/// outside a barracks", "rockets hit Narva"): what was hit, or the
/// building it went off at, is the target; a named place, the location.
fn went_off(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let weapon = c.weapon(|wp| wp.toks.end <= t && wp.toks.end + 3 >= t)?;
    let (at_target, at_place) = match prep_object(c, e, 4, &WENT_OFF_PREPOSITIONS) {
        Some((_, f)) if c.filler_mention(&f).is_some_and(placeish) => (None, Some(f)),
        other => (other.map(|(_, f)| f), None),
    };
    let hit = c.is_in(t, &HIT_FORMS).then(|| np_at(c, e)).flatten();
    let parties = Parties {
        attacker: wielder(c, weapon.toks.start),
        target: hit.or(at_target),
        location: location_after(c, e).or(at_place),
        weapon: Some(Filler::Span(weapon.span)),
    };
    Some(draft(c, tr, parties, RuleId::AttackWeaponExploded, false))
}

/// "rockets fired by the rebels": the weapon before the verb, "by" the
/// attacker.
fn fired_by(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let weapon = c.weapon(|wp| wp.toks.end < t && wp.toks.end + 3 >= t)?;
    let parties = Parties {
        attacker: word_object(c, e, 2, "by").map(|(_, f)| f),
        target: None,
        location: location_after(c, e),
        weapon: Some(Filler::Span(weapon.span)),
    };
    Some(draft(c, tr, parties, RuleId::AttackFiredWeapon, false))
}

/// "fired rockets at the port", "launched a record number of drones": the
/// weapon a few plain words after the verb, its subject the attacker.
fn launched(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let weapon = c.weapon(|wp| {
        wp.toks.start >= e
            && wp.toks.start <= e + 6
            && (e..wp.toks.start).all(|q| c.is_word(q, "of") || c.plain_word(q))
    })?;
    let parties = Parties {
        attacker: c.subject_before(t).and_then(|mi| as_attacker(c, mi)),
        target: prep_object(c, weapon.toks.end, 4, &LAUNCH_TARGET_PREPOSITIONS).map(|(_, f)| f),
        location: location_after(c, e),
        weapon: Some(Filler::Span(weapon.span)),
    };
    Some(draft(c, tr, parties, RuleId::AttackFiredWeapon, false))
}
