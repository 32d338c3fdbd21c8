//! Attack nouns: "attacks on X by Y", "Valdorian airstrikes", "the
//! militia's raid", "X launched a drone strike".

use super::super::{lower, Ctx, Draft, Filler, RuleId, TriggerMatch, VERB_GROUP};
use super::parties::{
    actorish, as_attacker, attacker_filler, location_after, weapon_at, weapon_near,
};
use super::phrases::{impact_object, np_at, np_before, passive_subject, prep_object, word_object};
use super::{casualties, draft, Parties};
use crate::mention::Class;
use crate::tokens::TokenKind;
use crate::words::lists::attack::{
    ATTACK_ADJECTIVES, AUXILIARIES_BEFORE_BY, BLAME_VERBS, CARRIED_OUT, CASUALTY_DETERMINERS,
    CASUALTY_VERBS, CLAIM_VERBS, COME_FORMS, COUNTERS, DEFINITE, FIGHTS, HARM_VERBS,
    KILLED_AUXILIARIES, LIGHT_VERBS, LIGHT_VERB_PARTICLES, MODIFIED_NOUNS, OF_TARGET_NOUNS,
    PARTITIVE_WORDS, PASSIVE_PAST_BE, PROTECT_VERBS, QUANTIFIERS, TARGETING, TARGET_AFTER_AGENT,
    TARGET_PREPOSITIONS, VERB_USE,
};

/// The nominal rule on the attack noun `tr`; `weak` for a noun that is an
/// attack only as a definite reference, with casualties or with a weapon
/// (a blast).
///
/// The attacker comes from a "by" phrase, else from the words before the
/// noun (a modifier or possessor), else from the phrase's context (a
/// light verb's subject, "behind", "blamed for"); the target from "on X"
/// and the other constructions of [`target`]. An attack with no party is
/// kept only when it is counted, definite or has casualties.
pub(super) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch, weak: bool) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let head = lower(c.word(e - 1));
    // "the bombing trial": the noun modifies another; the phrase is
    // about the trial.
    if verb_use(c, t, &head) || c.is_in(e, &MODIFIED_NOUNS) {
        return None;
    }
    let k = modifiers_start(c, t);
    let on = prep_object(c, e, 3, &TARGET_PREPOSITIONS);
    let by = by_phrase(c, e, on.as_ref());
    // "X launched over 140 raids", "the cell behind these raids".
    let quantified = c.back_while(k, |q| {
        c.is_in(q, &QUANTIFIERS) || c.kind(q) == Some(TokenKind::Num)
    });
    let d = partitive_start(c, quantified, k);
    let under = came_under(c, k);
    let (attacker, rule) = agent(c, e, &head, by.clone())
        .or_else(|| under.and_then(|_| attacker_from(c, e)))
        .or_else(|| attacker_before_noun(c, k))
        .or_else(|| attacker_before_phrase(c, d))
        .or_else(|| harm_verb_subject(c, k))
        .map_or((None, RuleId::AttackNominal), |(f, rule)| (Some(f), rule));
    let parties = Parties {
        attacker,
        target: on
            .map(|(_, f)| f)
            .or_else(|| under.and_then(|v| np_before(c, c.back_over(v, &VERB_GROUP))))
            .or_else(|| target(c, tr, &head, k, by.as_ref())),
        location: location_after(c, e).or_else(|| place_modifier(c, k)),
        weapon: weapon_near(c, t, e),
    };
    let plural = crate::words::plural(&head);
    let definite = c.follows(d, &DEFINITE) || c.follows(k, &DEFINITE) || c.possessed(k);
    // "came under fire" tells an attack on its subject, if force (the
    // sense rules judge: criticism is words).
    if weak
        && under.is_none()
        && !(c.seen_attack && definite)
        && casualties(c) == (None, None)
        && parties.weapon.is_none()
    {
        return None;
    }
    // "a spate of raids", "over 140 raids": a specific set.
    let counted =
        plural && (d..t).any(|q| c.is_in(q, &COUNTERS) || c.kind(q) == Some(TokenKind::Num));
    let (rule, backref) = if parties != Parties::default() {
        // "the raid in southern Narva", "Tuesday's raid": a definite
        // reference takes the parties it lacks from the event it refers to.
        let lacks = parties.attacker.is_none() || parties.target.is_none();
        (rule, definite && !counted && lacks)
    } else if counted && !weak {
        (RuleId::AttackCounted, false)
    } else if definite && (!plural || c.seen_attack) {
        (RuleId::AttackBackref, true)
    } else if casualties(c) != (None, None) {
        (RuleId::AttackWithCasualties, false)
    } else {
        return None;
    };
    Some(draft(c, tr, parties, rule, backref))
}

/// True for a verb use ("they raid", "to shell"), which is the verb
/// rule's; not "linked to raids" (an infinitive has no "-s").
fn verb_use(c: &Ctx<'_, '_>, t: usize, head: &str) -> bool {
    let plural_after_to = c.is_word(t.wrapping_sub(1), "to") && head.ends_with('s');
    c.follows(t, &VERB_USE) && !plural_after_to
}

/// The noun at `t` moved back over its modifiers (adjectives, numbers,
/// quotes, a weapon) to the word before the noun phrase; a name stops it.
fn modifiers_start(c: &Ctx<'_, '_>, t: usize) -> usize {
    c.back_while(t, |q| {
        c.mention_ending(q + 1).is_none()
            && (c.is_in(q, &ATTACK_ADJECTIVES)
                || matches!(c.kind(q), Some(TokenKind::Num | TokenKind::Quote))
                || c.weapon(|w| w.toks.end == q + 1).is_some())
    })
}

/// The verb of "came under" (any form of "come") before the attack noun
/// phrase starting at `k` ("the convoy came under heavy fire"): its
/// subject is the target.
fn came_under(c: &Ctx<'_, '_>, k: usize) -> Option<usize> {
    let v = k.checked_sub(2).filter(|&v| v >= c.range.start)?;
    (c.is_word(v + 1, "under") && c.is_in(v, &COME_FORMS)).then_some(v)
}

/// True when the attack noun `tr` is what something "came under".
pub(super) fn under_fire(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> bool {
    came_under(c, modifiers_start(c, tr.toks.start)).is_some()
}

/// "came under fire from rebels": the party after "from" (the noun ends
/// before `e`).
fn attacker_from(c: &Ctx<'_, '_>, e: usize) -> Option<(Filler, RuleId)> {
    let (_, f) = word_object(c, e, 3, "from").filter(|(k, _)| !weapon_at(c, k + 1))?;
    Some((agent_filler(c, f)?, RuleId::AttackCameUnder))
}

/// The attacker before the noun phrase ending at `k`: a modifier
/// ("Valdorian airstrikes", "militia raids") or a possessor ("Ostland's
/// war against the rebels", "the group's raid").
fn attacker_before_noun(c: &Ctx<'_, '_>, k: usize) -> Option<(Filler, RuleId)> {
    if let Some(f) = c.mention_ending(k).and_then(|mi| as_attacker(c, mi)) {
        return Some((f, RuleId::AttackModifierAttacker));
    }
    if !c.possessed(k) {
        return None;
    }
    let f = c.mention_ending(k - 1).and_then(|mi| as_attacker(c, mi))?;
    Some((f, RuleId::AttackPossessive))
}

/// The "by" phrase after the noun ending before `e` (after its "on X"
/// when there is one): "raids by X", "a raid on Y by X", "a raid by X on
/// Y"; not "the raid was condemned by X", where a verb between makes the
/// "by" its own.
fn by_phrase(c: &Ctx<'_, '_>, e: usize, on: Option<&(usize, Filler)>) -> Option<(usize, Filler)> {
    let from = on.map_or(e, |(k, _)| k + 2);
    word_object(c, from, 6, "by")
        .or_else(|| word_object(c, e, 2, "by"))
        .filter(|(k, _)| !(e..*k).any(|j| c.is_in(j, &AUXILIARIES_BEFORE_BY)))
}

/// The agent of the attack noun ending before `e`: its "by" phrase unless
/// that names a weapon ("a raid by drones"), the other side of a fight, or
/// the agent of a relative clause after it.
fn agent(
    c: &Ctx<'_, '_>,
    e: usize,
    head: &str,
    by: Option<(usize, Filler)>,
) -> Option<(Filler, RuleId)> {
    let (_, f) = by
        .filter(|(k, _)| !weapon_at(c, k + 1))
        .or_else(|| fight_opponent(c, e, head))
        .or_else(|| relative_agent(c, e))?;
    Some((agent_filler(c, f)?, RuleId::AttackByAgent))
}

/// The attacker an agent phrase names: a mention only as an actor, plain
/// words as they are.
fn agent_filler(c: &Ctx<'_, '_>, f: Filler) -> Option<Filler> {
    match f {
        Filler::EntityMention(_, mi) => as_attacker(c, mi),
        f => Some(f),
    }
}

/// "killed in a firefight with smugglers": the other side of a fight.
fn fight_opponent(c: &Ctx<'_, '_>, e: usize, head: &str) -> Option<(usize, Filler)> {
    if !FIGHTS.contains(head) {
        return None;
    }
    word_object(c, e, 2, "with").filter(|(_, f)| c.filler_mention(f).is_some_and(actorish))
}

/// "the raids on the port that were carried out by four gunmen", "the
/// raid, which was claimed by X": the agent of a passive relative clause.
fn relative_agent(c: &Ctx<'_, '_>, e: usize) -> Option<(usize, Filler)> {
    let stop = c.clause_end(e).min(e + 12);
    let v = (e..stop)
        .find(|&j| c.is_in(j, &CARRIED_OUT) && c.is_in(j.saturating_sub(1), &PASSIVE_PAST_BE))?;
    word_object(c, c.past_word(v + 1, "out"), 1, "by").filter(|(k, _)| !weapon_at(c, k + 1))
}

/// Token `d` moved back over "one of the heaviest", "one of the decade's
/// worst": a superlative partitive between a light verb and its attack
/// noun.
fn partitive_start(c: &Ctx<'_, '_>, d: usize, k: usize) -> usize {
    let mut b = d;
    let lo = d.saturating_sub(7).max(c.range.start);
    while b > lo {
        let w = c.word(b - 1);
        let superlative =
            w.len() > 4 && w.ends_with("est") && w.starts_with(|ch: char| ch.is_lowercase());
        // "one of the decade's worst": a possessor word and its "'s".
        if c.kind(b - 1) == Some(TokenKind::Poss) && b - 1 > lo {
            b -= 2;
        } else if superlative || c.is_in(b - 1, &PARTITIVE_WORDS) {
            b -= 1;
        } else {
            break;
        }
    }
    // Only a partitive: "one of" must be in what was skipped.
    if (b..k).any(|j| c.is_word(j, "one")) && (b..k).any(|j| c.is_word(j, "of")) {
        b
    } else {
        d
    }
}

/// The attacker told before the attack phrase starting at `d`: the
/// subject of a light verb ("X carried out raids"), the party "behind" it,
/// the one blamed for it or claiming it.
fn attacker_before_phrase(c: &Ctx<'_, '_>, d: usize) -> Option<(Filler, RuleId)> {
    if d <= c.range.start {
        return None;
    }
    // "carried out raids": one particle between.
    let v = d - usize::from(c.is_in(d - 1, &LIGHT_VERB_PARTICLES));
    if c.follows(v, &LIGHT_VERBS) {
        let f = c.subject_before(v - 1).and_then(|mi| as_attacker(c, mi))?;
        Some((f, RuleId::AttackLightVerbSubject))
    } else if c.is_word(d - 1, "behind") {
        party_behind(c, d - 1)
    } else if c.is_word(d - 1, "for") {
        blamed_or_claiming(c, d)
    } else {
        None
    }
}

/// "the cell behind these raids": the party right before "behind" (at
/// `behind`), quotes aside.
fn party_behind(c: &Ctx<'_, '_>, behind: usize) -> Option<(Filler, RuleId)> {
    let b = c.back_while(behind, |q| c.kind(q) == Some(TokenKind::Quote));
    let f = c.mention_ending(b).and_then(|mi| as_attacker(c, mi))?;
    Some((f, RuleId::AttackBehind))
}

/// "blamed X for the raids", "claimed responsibility for the raid": the
/// one blamed, or the subject of the claim, a few words before the "for"
/// ending before `d`.
fn blamed_or_claiming(c: &Ctx<'_, '_>, d: usize) -> Option<(Filler, RuleId)> {
    for b in c.before(d - 1, 7).rev() {
        if c.is_in(b, &BLAME_VERBS) {
            let mi = c.mention_after(b + 1, 4, actorish)?;
            return Some((attacker_filler(c, mi), RuleId::AttackBlamedFor));
        }
        if c.is_in(b, &CLAIM_VERBS) {
            let f = c.subject_before(b).and_then(|mi| as_attacker(c, mi))?;
            return Some((f, RuleId::AttackClaimed));
        }
    }
    None
}

/// "a Narva raid": a place before the noun (ending at `k`) is where it
/// happened.
fn place_modifier(c: &Ctx<'_, '_>, k: usize) -> Option<Filler> {
    let mi = c.mention_ending(k)?;
    (c.mentions()[mi].class == Class::Place).then(|| c.filler(mi))
}

/// The target of an attack noun without "on X", from the first
/// construction that names one.
fn target(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    head: &str,
    k: usize,
    by: Option<&(usize, Filler)>,
) -> Option<Filler> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    target_after_agent(c, by)
        .or_else(|| victim_of(c, e, head))
        .or_else(|| impact_object(c, e))
        .or_else(|| harmed_in(c, k))
        .or_else(|| harm_verb_at(c, k).and_then(|v| np_at(c, v + 1)))
        .or_else(|| protected_from(c, t))
        .or_else(|| targeting_after(c, e))
}

/// "a raid by gunmen on the port": the target after the agent; "strikes
/// by the air force hit three depots": the object of the verb after it.
fn target_after_agent(c: &Ctx<'_, '_>, by: Option<&(usize, Filler)>) -> Option<Filler> {
    let (k, agent) = by?;
    if let Some(j) = (c.ahead(k + 1, 4)).find(|&j| c.is_in(j, &TARGET_AFTER_AGENT)) {
        return np_at(c, j + 1);
    }
    let end = c.filler_span(agent).end;
    let after = (c.range.clone()).find(|&j| c.doc.tokens[j].span.start >= end)?;
    impact_object(c, after)
}

/// "the killing of X", "the siege of X": the "of" phrase is the target.
fn victim_of(c: &Ctx<'_, '_>, e: usize, head: &str) -> Option<Filler> {
    if !OF_TARGET_NOUNS.contains(head) {
        return None;
    }
    word_object(c, e, 1, "of").map(|(_, f)| f)
}

/// "A farmer was wounded in a mortar raid", "Two guards were wounded in
/// rebel shelling": the casualties are the target (the noun phrase ends
/// at `k`).
fn harmed_in(c: &Ctx<'_, '_>, k: usize) -> Option<Filler> {
    let i = in_before(c, k).filter(|&i| i > c.range.start)?;
    let casualty_verb = c.is_in(i - 1, &CASUALTY_VERBS);
    casualty_verb.then(|| passive_subject(c, i - 1, false))?
}

/// The "in" that the attack noun phrase ending at `k` is the object of
/// ("wounded in a mortar raid", "shot two guards in a raid").
fn in_before(c: &Ctx<'_, '_>, k: usize) -> Option<usize> {
    let np_start = (c.mention_ending(k)).map_or(k, |mi| c.mentions()[mi].toks.start);
    let p = c.back_over(np_start, &CASUALTY_DETERMINERS);
    (p > c.range.start && c.is_word(p - 1, "in")).then(|| p - 1)
}

/// The active harm verb whose "in" phrase is the attack noun phrase
/// ending at `k` ("Gunmen shot two guards in a raid", "troops killed a
/// commander in an air strike"): the verb tells who acted on whom, the
/// noun what it was. Nothing but its object stands between verb and "in".
fn harm_verb_at(c: &Ctx<'_, '_>, k: usize) -> Option<usize> {
    let i = in_before(c, k).filter(|&i| i >= c.range.start + 2)?;
    let v = c
        .before(i - 1, 6)
        .rev()
        .take_while(|&v| c.kind(v) != Some(TokenKind::Punct))
        .find(|&v| c.is_in(v, &HARM_VERBS))?;
    (!c.follows(v, &KILLED_AUXILIARIES)).then_some(v)
}

/// The subject of the harm verb of [`harm_verb_at`], as the attacker.
fn harm_verb_subject(c: &Ctx<'_, '_>, k: usize) -> Option<(Filler, RuleId)> {
    let v = harm_verb_at(c, k)?;
    let f = c.subject_before(v).and_then(|mi| as_attacker(c, mi))?;
    Some((f, RuleId::AttackHarmVerbSubject))
}

/// "shield towns from rebel rockets": the protected are the target.
fn protected_from(c: &Ctx<'_, '_>, t: usize) -> Option<Filler> {
    let from = c.before(t, 4).rfind(|&j| c.is_word(j, "from"))?;
    let v = c.before(from, 8).rfind(|&v| c.is_in(v, &PROTECT_VERBS))?;
    np_at(c, v + 1)
}

/// "a raid in Narva, targeting a militia commander": the verb names the
/// target.
fn targeting_after(c: &Ctx<'_, '_>, e: usize) -> Option<Filler> {
    let j = c.ahead(e, 8).find(|&j| c.is_in(j, &TARGETING))?;
    np_at(c, j + 1)
}
