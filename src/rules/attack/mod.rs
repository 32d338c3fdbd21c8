//! Attack rules: nominal ("attacks on X by Y", "Valdorian airstrikes"),
//! active and passive verbs ("X attacked Y", "Y was attacked by X"), and
//! casualty clauses ("nine guards were killed").
//!
//! One module per kind of trigger ([`nominal`], [`verbal`], [`weak`]),
//! over the noun phrases ([`phrases`]), the parties ([`parties`]) and the
//! casualty counts ([`counts`]) they share.

mod clause;
mod counts;
mod nominal;
mod parties;
mod phrases;
mod verbal;
mod weak;

pub(crate) use counts::{casualties, number};

use super::{Ctx, Draft, Filler, Roles, RuleId, TriggerMatch, PREPOSITIONS};
use crate::event::EventType;
use crate::lexicon::Frame;
use crate::tokens::TokenKind;
use crate::words::lists::attack::{BLASTS, HURT_WORDS, KILL_WORDS, MODALS, TARGET_FORMS};
use parties::opening_place;

/// Tries the attack rules on one trigger.
pub(crate) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    match tr.frame {
        Frame::Noun => nominal::rule(c, tr, false),
        // Of the weak nouns, only a blast may be an attack of its own, and
        // fire that something "came under".
        Frame::NounWeak if c.is_in(tr.toks.end - 1, &BLASTS) || nominal::under_fire(c, tr) => {
            nominal::rule(c, tr, true)
        }
        Frame::Verb => verbal::rule(c, tr),
        Frame::VerbWeak => weak::rule(c, tr),
        _ => None,
    }
}

/// The parties of an attack that a rule found.
#[derive(Default, PartialEq)]
struct Parties {
    attacker: Option<Filler>,
    target: Option<Filler>,
    location: Option<Filler>,
    weapon: Option<Filler>,
}

/// The draft of the attack `tr` with its parties: a sentence that opens
/// with a place gives the location it lacks, and the sentence's casualty
/// counts go to its first attack.
fn draft(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    parties: Parties,
    rule: RuleId,
    backref: bool,
) -> Draft {
    // "fired rockets at Narva": the place aimed at is the target, not also
    // the location.
    let target = parties.target.as_ref().map(|f| c.filler_span(f));
    let location = (parties.location.or_else(|| opening_place(c)))
        .filter(|l| target != Some(c.filler_span(l)));
    let counted = counted_attack(c) == Some(tr.toks.start);
    let (killed, injured) = if counted { casualties(c) } else { (None, None) };
    let roles = Roles::Attack {
        attacker: parties.attacker,
        target: parties.target,
        location,
        weapon: parties.weapon,
        killed,
        injured,
    };
    c.draft(tr, roles, rule, backref)
}

/// The first token of the attack the sentence's casualty counts belong
/// to: the one told just before the count (", killing at least nine" after
/// the attack it follows), else the first strong trigger, since a weak
/// verb ("killed") beside one is no event of its own ("nine guards were
/// killed in a weekend raid"), else the first weak one.
fn counted_attack(c: &Ctx<'_, '_>) -> Option<usize> {
    let attacks = || (c.trigs.iter()).filter(|x| x.kind == EventType::Attack && !noun_target(c, x));
    let count_at =
        (c.range.start..c.range.end).find(|&k| c.is_in(k, &KILL_WORDS) || c.is_in(k, &HURT_WORDS));
    let before_count = count_at.and_then(|p| {
        attacks()
            .filter(|x| x.toks.end <= p)
            .filter(|x| {
                !(x.toks.end..p).any(|k| c.is_word(k, ",")) || c.is_word(p.saturating_sub(1), ",")
            })
            .last()
    });
    // Not a weak verb first: `min_by_key` keeps the first of equals.
    let first = || attacks().min_by_key(|x| x.frame == Frame::VerbWeak);
    before_count.or_else(first).map(|x| x.toks.start)
}

/// "fired rockets at targets", "military targets in the region", "depots
/// and targets": "target(s)" as a noun, no attack of its own. The one test
/// of it, for the verb rule, the weak verbs and the casualty counts.
fn noun_target(c: &Ctx<'_, '_>, x: &TriggerMatch) -> bool {
    let (t, e) = (x.toks.start, x.toks.end);
    if !c.is_in(t, &TARGET_FORMS) {
        return false;
    }
    // A verb has a subject or a modal before it and an object after it
    // ("Valdoria targets Narva", "may target the base").
    let subject = t > c.range.start && (c.mention_ending(t).is_some() || c.is_in(t - 1, &MODALS));
    let object = !c.is_in(e, &PREPOSITIONS) && c.kind(e).is_some_and(|k| k != TokenKind::Punct);
    !(subject && object)
}
