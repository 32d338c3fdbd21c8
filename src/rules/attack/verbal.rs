//! Attack verbs, active and passive: "X attacked Y", "Y was attacked by
//! X", "a man stabbed two tourists".

use super::super::{lower, placeish, Ctx, Draft, Filler, RuleId, TriggerMatch, PREPOSITIONS};
use super::parties::{
    actorish, attacker_filler, by_agent, location_after, subject_attacker, weapon_near, wielder,
};
use super::phrases::{np_at, np_before, passive_subject, person_np};
use super::{draft, noun_target, Parties};
use crate::event::EventType;
use crate::lexicon::Frame;
use crate::mention::Class;
use crate::words::lists::attack::{
    ACTIVE_TARGET_PREPOSITIONS, ADVERBS_IN_VERB, AIMED_AT, BEEN_FORMS, BEFORE_VERB, DEMONSTRATIVES,
    FOCUS_ADVERBS, IRREGULAR_PARTICIPLES, PASSIVE_AUXILIARIES, PERFECT_AND_MODALS,
    SUBJECT_PLACE_PREPOSITIONS, TELL_LINKS, TELL_VERBS, TRIGGER_PREPOSITIONS,
};
use crate::words::lists::rules::{BE_FORMS, CLAUSE_STARTERS, COORDINATORS};

/// The verb rule on the attack verb `tr`: in the passive (or a reduced
/// passive, "shelled by"), the subject is the target and "by" names the
/// attacker; in the active, the subject (or the one told to attack) is the
/// attacker and the object the target. A weapon's owner stands in for a
/// missing attacker.
pub(super) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let w = lower(c.word(t));
    if noun_use(c, tr, &w) || told_elsewhere(c, tr, &w) {
        return None;
    }
    // "was shot and stabbed": the verb group and subject of the first
    // participle (at `v`) are this one's.
    let b = c.back_over(t, &ADVERBS_IN_VERB);
    let joined = b >= c.range.start + 2 && c.is_word(b - 1, "and") && participle(c.word(b - 2));
    let v = if joined { b - 2 } else { t };
    // "was ambushed and shelled": one attack, told by the first verb.
    let first_verb = |x: &TriggerMatch| x.toks.end == v + 1 && x.frame == Frame::Verb;
    if joined && c.has_trigger(EventType::Attack, first_verb) {
        return None;
    }
    let b = c.back_over(v, &ADVERBS_IN_VERB);
    // "have been shelled": the skipped "been" makes it passive.
    let been = (b..t).any(|k| c.is_in(k, &BEEN_FORMS));
    let passive =
        b > c.range.start && (been || c.is_in(b - 1, &PASSIVE_AUXILIARIES)) && participle(&w);
    let reduced = !passive && w.ends_with("ed") && c.is_word(e, "by");
    // "she had been fired on Monday": dismissed, unless a weapon is in the
    // sentence.
    if passive && w.starts_with("fire") && c.weapon(|x| x.force).is_none() {
        return None;
    }
    let (attacker, target, rule) = if passive || reduced {
        let (attacker, target) = passive_parties(c, tr, v, passive);
        (attacker, target, RuleId::AttackPassive)
    } else {
        active_parties(c, tr, b)
    };
    let weapon = weapon_near(c, t, e);
    let attacker = attacker.or_else(|| weapon_owner(c, e, b, passive));
    if attacker.is_none() && target.is_none() && weapon.is_none() {
        return None;
    }
    let location =
        location_after(c, e).or_else(|| passive.then(|| place_in_subject(c, t)).flatten());
    let parties = Parties {
        attacker,
        target,
        location,
        weapon,
    };
    Some(draft(c, tr, parties, rule, false))
}

/// True for a past participle of an attack verb ("shelled", "struck").
fn participle(w: &str) -> bool {
    w.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(w)
}

/// True for a word that is also an attack noun used as a noun ("the
/// shellings"), which is the nominal rule's: it is a verb only after a
/// subject, modal or relative pronoun ("who attacked").
fn noun_use(c: &Ctx<'_, '_>, tr: &TriggerMatch, w: &str) -> bool {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let same_noun = |x: &TriggerMatch| x.frame == Frame::Noun && x.toks == tr.toks;
    if !c.has_trigger(EventType::Attack, same_noun) {
        return false;
    }
    // "linked to raids": an infinitive has no "-s"; "in that raid": a
    // demonstrative after a preposition.
    let infinitive_s = t > c.range.start && c.is_word(t - 1, "to") && w.ends_with('s')
        || (c.follows(t, &DEMONSTRATIVES) && c.follows(t - 1, &PREPOSITIONS));
    // "A Narva raid killed three guards": a verb after it.
    let subject_noun = c.word(e).ends_with("ed") && !w.ends_with("ed");
    let verbish = t > c.range.start
        && !infinitive_s
        && !subject_noun
        && (c.is_in(t - 1, &BEFORE_VERB)
            || c.mention_ending(t)
                .is_some_and(|mi| subject_of_bare_verb(c, mi))
                && !w.ends_with('s'));
    !verbish
}

/// True when mention `mi`, right before a bare attack word, can be its
/// subject ("Rebels attack a convoy", "X and Y strike targets"): an actor
/// that opens a clause. A place, or a name after an article, adjective or
/// preposition, modifies the noun instead ("killed in a Beirut strike",
/// "after the deadly Kabul attack").
fn subject_of_bare_verb(c: &Ctx<'_, '_>, mi: usize) -> bool {
    let m = &c.mentions()[mi];
    let s = m.toks.start;
    !matches!(m.class, Class::Demonym | Class::Place)
        && (s == c.range.start
            || c.is_in(s - 1, &CLAUSE_STARTERS)
            || c.is_in(s - 1, &COORDINATORS)
            || !c.word(s - 1).starts_with(|ch: char| ch.is_alphanumeric()))
}

/// True for uses of the verb whose attack, if any, another trigger tells:
/// a weapon ("glide bombs"), "struck by" a car, a participle before an
/// attack noun ("targeted raid"), "target(s)" as a noun, and "targeting"
/// near an attack noun ("a raid ..., mostly targeting X").
fn told_elsewhere(c: &Ctx<'_, '_>, tr: &TriggerMatch, w: &str) -> bool {
    let (t, e) = (tr.toks.start, tr.toks.end);
    if c.weapon(|x| x.toks.contains(&t)).is_some() {
        return true;
    }
    // "struck by" without "was": "a man struck by a car"; labour strikes
    // and "strike a bargain" are sense cues (senses.tsv).
    if w.starts_with("str") && c.is_word(e, "by") && !c.follows(t, &BE_FORMS) {
        return true;
    }
    let noun_after = |x: &TriggerMatch| x.frame == Frame::Noun && x.toks.start == e;
    if c.has_trigger(EventType::Attack, noun_after) || noun_target(c, tr) {
        return true;
    }
    // ", mostly targeting": after a comma, focus adverbs aside.
    let p = c.back_over(t, &FOCUS_ADVERBS);
    let after_comma = p > c.range.start && c.is_word(p - 1, ",");
    w.starts_with("target")
        && c.has_trigger(EventType::Attack, |x| {
            x.frame == Frame::Noun
                && x.toks != tr.toks
                && (x.toks.start.abs_diff(t) <= 8 || (after_comma && x.toks.start < t))
        })
}

/// The attacker and target of a passive verb (`passive`) or a reduced one
/// ("shelled by"), whose first joined participle is at `v` ("was shot and
/// stabbed"): the subject is the target, unless the verb aims at
/// another ("rockets were fired at the port": the subject is the weapon).
fn passive_parties(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    v: usize,
    passive: bool,
) -> (Option<Filler>, Option<Filler>) {
    let e = tr.toks.end;
    let b = c.back_over(v, &ADVERBS_IN_VERB);
    let subject =
        passive_subject(c, v, true).or_else(|| np_before(c, if passive { b - 1 } else { v }));
    let attacker = by_agent(c, e, 6);
    let target = if c.is_in(e, &AIMED_AT) {
        np_at(c, e + 1).or(subject)
    } else if c.is_in(e - 1, &TRIGGER_PREPOSITIONS) {
        np_at(c, e).or(subject)
    } else {
        subject
    };
    (attacker, target)
}

/// The attacker, target and rule of an active verb whose verb group
/// starts at `b`: the one told to attack, else the subject; the object is
/// the target.
fn active_parties(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    b: usize,
) -> (Option<Filler>, Option<Filler>, RuleId) {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let (attacker, rule) = match controller(c, t) {
        Some(addressee) => (addressee, RuleId::AttackControlled),
        None => {
            let subject = (adjacent_subject(c, b).or_else(|| c.subject_before(t)))
                .and_then(|mi| subject_attacker(c, mi));
            (subject, RuleId::AttackActive)
        }
    };
    // The object, past a preposition the verb takes ("fired at X").
    let target = np_at(c, e + usize::from(c.is_in(e, &ACTIVE_TARGET_PREPOSITIONS)));
    (attacker, target, rule)
}

/// "the seventh time Valdoria has shelled Narva": the name right before
/// the verb group starting at `b` (auxiliaries aside) is its subject.
fn adjacent_subject(c: &Ctx<'_, '_>, b: usize) -> Option<usize> {
    let a = c.back_over(b, &PERFECT_AND_MODALS);
    c.mention_ending(a).filter(|&mi| {
        let m = &c.mentions()[mi];
        actorish(m)
            && m.class != Class::Demonym
            && !c.is_in(m.toks.start.saturating_sub(1), &PREPOSITIONS)
    })
}

/// The one told or urged to attack or not to ("urged Valdoria to refrain
/// from shelling Narva", "warned the rebels against raiding the port",
/// "asked the army not to strike"): the addressee of the verb before, not
/// its subject, is the attacker.
fn controller(c: &Ctx<'_, '_>, t: usize) -> Option<Option<Filler>> {
    let v = c.before(t, 10).rfind(|&k| {
        c.has_trigger(EventType::Statement, |x| {
            x.toks.start == k && matches!(x.frame, Frame::Tell | Frame::Urge)
        }) || c.is_in(k, &TELL_VERBS)
    })?;
    // A verb of telling whose infinitive or gerund holds the attack.
    if !(v + 1..t).any(|k| c.is_in(k, &TELL_LINKS)) {
        return None;
    }
    let addressee = c
        .mention_after(v + 1, 3, actorish)
        .filter(|&mi| c.mentions()[mi].toks.end < t)
        .map(|mi| attacker_filler(c, mi));
    Some(addressee)
}

/// "Valdorian drones attacked a depot" (the weapon before the verb group
/// starting at `b`), "was hit by a Valdorian missile" (the weapon after
/// the verb ending before `e`): the weapon's owner is the attacker.
fn weapon_owner(c: &Ctx<'_, '_>, e: usize, b: usize, passive: bool) -> Option<Filler> {
    let weapon = c.weapon(|wp| {
        (wp.toks.end == b && !passive) || (passive && wp.toks.start > e && wp.toks.start <= e + 3)
    })?;
    // "a Valdorian missile": the demonym before the weapon stands for its country.
    wielder(c, weapon.toks.start)
}

/// "A fuel depot in Narva was shelled": the place in the subject of the
/// passive verb at `t`.
fn place_in_subject(c: &Ctx<'_, '_>, t: usize) -> Option<Filler> {
    let mi = (c.mentions().iter()).position(|m| {
        placeish(m) && m.toks.end <= t && c.follows(m.toks.start, &SUBJECT_PLACE_PREPOSITIONS)
    })?;
    Some(c.filler(mi))
}

/// "A man stabbed two tourists", "A man hit his landlord with a spade":
/// a person harming a person, right before and after the verb.
pub(super) fn crime(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    // "Tom Reid, 41, who stabbed a guard": the antecedent of "who".
    let attacker = if t > c.range.start && c.is_word(t - 1, "who") {
        c.relative_antecedent(t - 1).map(|mi| c.filler(mi))
    } else {
        np_before(c, t)
    }?;
    let target = np_at(c, e)?;
    // A name the lexicon does not know that stabs or kills a person is a
    // person's ("Tom Reid stabbed a guard").
    let unknown_name = matches!(c.filler_mention(&attacker), Some(m) if m.class == Class::Unknown);
    if !((person_np(c, &attacker) || unknown_name) && person_np(c, &target)) {
        return None;
    }
    let parties = Parties {
        attacker: Some(attacker),
        target: Some(target),
        location: location_after(c, e),
        weapon: weapon_near(c, t, e),
    };
    Some(draft(c, tr, parties, RuleId::AttackCrime, false))
}
