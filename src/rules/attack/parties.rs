//! The parties of an attack besides its target: the attacker a mention
//! names, the weapon and who wields it, the place where it happened.

use super::super::{maybe_place, placeish, Ctx, Filler};
use super::phrases::word_object;
use crate::document::Span;
use crate::mention::{Class, EntityMention};
use crate::tokens::{is_upper_start, TokenKind};
use crate::words::lists::attack::{
    APPOSITION_LINKS, BEARINGS, INSTRUMENT_PREPOSITIONS, LOCATION_PREPOSITIONS, PLACE_LEAD_WORDS,
    PLACE_OPENERS, ROADS, ROAD_PREPOSITIONS, WEAPON_DETERMINERS,
};
use crate::words::lists::rules::ARTICLES;

/// True for a mention that may attack: an actor other than a pronoun, or a
/// demonym standing for its country.
pub(super) fn actorish(m: &EntityMention) -> bool {
    m.is_actor() && m.class != Class::Pronoun || m.class == Class::Demonym
}

/// The attacker mention `mi` names: a demonym stands for its country.
pub(super) fn attacker_filler(c: &Ctx<'_, '_>, mi: usize) -> Filler {
    let m = &c.mentions()[mi];
    match (&m.class, &m.country) {
        (Class::Demonym, Some(n)) => Filler::Country(m.span, n.clone()),
        _ => c.filler(mi),
    }
}

/// The subject attacker of mention `mi` when it may attack ([`as_attacker`]),
/// with the parties joined before it ("Insurgents and allied fighters
/// raided": one phrase), or the group an apposition names after a common
/// noun ("the gunmen, believed to be members of the Crescent Front, stormed").
pub(super) fn subject_attacker(c: &Ctx<'_, '_>, mi: usize) -> Option<Filler> {
    if !actorish(&c.mentions()[mi]) {
        return None;
    }
    if let Some(named) = named_in_apposition(c, mi) {
        return Some(c.filler(named));
    }
    let all = c.conjuncts(mi, false, actorish);
    if all.len() == 1 {
        return Some(attacker_filler(c, mi));
    }
    let ms = c.mentions();
    Some(Filler::Span(
        c.doc.toks_span(ms[all[0]].toks.start..ms[mi].toks.end),
    ))
}

/// The name set off by commas after the common noun of mention `mi`, past
/// words that tie them ("believed to be members of"): the attacker it
/// identifies.
fn named_in_apposition(c: &Ctx<'_, '_>, mi: usize) -> Option<usize> {
    let m = &c.mentions()[mi];
    if !matches!(m.class, Class::Group | Class::Description) || !c.is_word(m.toks.end, ",") {
        return None;
    }
    let j = c.forward_over(m.toks.end + 1, &APPOSITION_LINKS);
    let named = c.mention_starting(j).filter(|&n| {
        let n = &c.mentions()[n];
        let name = matches!(n.class, Class::Org | Class::Unknown | Class::Group);
        name && is_upper_start(c.word(n.toks.start)) && c.is_word(n.toks.end, ",")
    })?;
    // A tie word must come first: "the gunmen, Reuters said," names no one.
    (j > m.toks.end + 1 && actorish(&c.mentions()[named])).then_some(named)
}

/// [`attacker_filler`] of mention `mi` when it may attack ([`actorish`]).
pub(super) fn as_attacker(c: &Ctx<'_, '_>, mi: usize) -> Option<Filler> {
    actorish(&c.mentions()[mi]).then(|| attacker_filler(c, mi))
}

/// True when a weapon starts at token `i`, determiners and numbers aside
/// ("by a roadside bomb", "by drones"): such a "by" names the weapon, not
/// the attacker.
pub(super) fn weapon_at(c: &Ctx<'_, '_>, i: usize) -> bool {
    let k = c.forward_while(i, |k| {
        c.is_in(k, &WEAPON_DETERMINERS) || c.kind(k) == Some(TokenKind::Num)
    });
    // "by Kestrel-7/9 drones": a name of a model (and its variants) before
    // the weapon.
    let after_name = c.mention_starting(k).map(|mi| {
        c.forward_while(c.mentions()[mi].toks.end, |j| {
            matches!(c.word(j), "/" | "\"" | "”" | "’") || c.kind(j) == Some(TokenKind::Num)
        })
    });
    c.weapon(|w| w.toks.start == k || Some(w.toks.start) == after_name)
        .is_some()
}

/// The attacker named by "by" after token `from` (within `max` tokens),
/// unless what follows "by" is a weapon.
pub(super) fn by_agent(c: &Ctx<'_, '_>, from: usize, max: usize) -> Option<Filler> {
    let (k, f) = word_object(c, from, max, "by")?;
    (!weapon_at(c, k + 1)).then_some(f)
}

/// The party whose weapon starts at token `w`: "Valdorian missiles",
/// "militia rockets", "Ostland's drones".
pub(super) fn wielder(c: &Ctx<'_, '_>, w: usize) -> Option<Filler> {
    let end = if c.possessed(w) { w - 1 } else { w };
    c.mention_ending(end).and_then(|mi| as_attacker(c, mi))
}

/// A weapon: a compound before the trigger ("mortar raid") or "with/using X" after.
pub(super) fn weapon_near(c: &Ctx<'_, '_>, t: usize, e: usize) -> Option<Filler> {
    let ws = c.doc.weapons(c.si);
    if let Some(w) = ws.iter().find(|w| w.toks.end == t || w.toks.end + 1 == t) {
        return Some(Filler::Span(w.span));
    }
    // "with rockets", or "by drones" (which names no attacker).
    let by_weapon = |k: usize| c.is_word(k, "by") && weapon_at(c, k + 1);
    let k = (c.ahead(e, 6)).find(|&k| c.is_in(k, &INSTRUMENT_PREPOSITIONS) || by_weapon(k))?;
    // A model's name may come first: "by Kestrel-7/9 drones".
    let reach = if by_weapon(k) { 6 } else { 3 };
    let first = (ws.iter()).position(|w| w.toks.start > k && w.toks.start <= k + reach)?;
    // "rockets, shells and drones": the list of weapons.
    let last = (first..ws.len() - 1)
        .find(|&l| ws[l + 1].toks.start > ws[l].toks.end + 2)
        .unwrap_or(ws.len() - 1);
    let span = Span::new(ws[first].span.start, ws[last].span.end);
    Some(Filler::Span(span))
}

/// Location: a place after the trigger within the clause ([`place_at`]).
pub(super) fn location_after(c: &Ctx<'_, '_>, from: usize) -> Option<Filler> {
    let stop = |k| c.kind(k) == Some(TokenKind::Punct) && matches!(c.word(k), ";" | "." | "—");
    (c.ahead(from, 10).take_while(|&k| !stop(k))).find_map(|k| place_at(c, k))
}

/// The place a phrase opening at token `k` names: after a preposition of
/// place ("in X", "in the town of X"), a bearing ("east of X", "20 km
/// south of X") or a road ("on the road to X").
fn place_at(c: &Ctx<'_, '_>, k: usize) -> Option<Filler> {
    if c.is_in(k, &LOCATION_PREPOSITIONS) {
        return place_after(c, k);
    }
    let bearing = c.is_in(k, &BEARINGS) && c.is_word(k + 1, "of");
    let road = c.is_in(k, &ROADS) && c.is_in(k + 1, &ROAD_PREPOSITIONS);
    (bearing || road).then(|| place_after(c, k + 1))?
}

/// The place mention after the preposition at token `k`, with the token it
/// starts at: past articles, a few lower-case words ("in southern Narva")
/// and the words that lead to a name ("in the northern city of Narva").
fn place_mention_after(c: &Ctx<'_, '_>, k: usize) -> Option<(usize, usize)> {
    // A place's name may open with a lower-case word ("the occupied West
    // Bank"): the first place that starts on the way is the one.
    let place = |j: usize| c.mention_starting(j).filter(c.mention_is(maybe_place));
    let skip = |j: usize| {
        place(j).is_none()
            && (c.is_in(j, &ARTICLES)
                || c.is_in(j, &PLACE_LEAD_WORDS)
                || (c.is_word(j, "of") && j > k + 1 && c.is_in(j - 1, &PLACE_LEAD_WORDS))
                || (c.plain_word(j) && c.word(j).starts_with(char::is_lowercase) && j < k + 3))
    };
    let j = c.forward_while(k + 1, skip);
    place(j).map(|mi| (j, mi))
}

/// The place after the preposition at token `k` ([`place_mention_after`]),
/// or a capital told by its country ("in the Valdorian capital").
fn place_after(c: &Ctx<'_, '_>, k: usize) -> Option<Filler> {
    if let Some((j, mi)) = place_mention_after(c, k) {
        return Some(place_phrase(c, k, j, mi));
    }
    // A capital is resolved to its name later.
    let capital = c.is_word(k + 1, "the")
        && c.mention_starting(k + 2)
            .is_some_and(|mi| c.mentions()[mi].class == Class::Demonym)
        && c.is_word(k + 3, "capital");
    capital.then(|| Filler::Span(c.doc.toks_span(k + 2..k + 4)))
}

/// The phrase of place mention `mi` (at token `j`, after the preposition at
/// `k`): with the words before it that are not an article ("southern
/// Narva"), and what it possesses ("western Ostland's Tarn province").
fn place_phrase(c: &Ctx<'_, '_>, k: usize, j: usize, mi: usize) -> Filler {
    let m = &c.mentions()[mi];
    let mut end = m.toks.end;
    if end + 1 < c.range.end && c.doc.tokens[end].kind == TokenKind::Poss {
        if let Some(m2) = c.mention_starting(end + 1) {
            end = c.mentions()[m2].toks.end;
        } else if end + 2 < c.range.end {
            end += 2;
        }
    }
    let start = if j > k + 1 && !c.is_in(k + 1, &ARTICLES) {
        k + 1
    } else {
        m.toks.start
    };
    Filler::Span(c.doc.toks_span(start..end))
}

/// "In Narva, a guard was killed ...", "In the northern city of Narva,
/// ...": a place that opens the sentence is where its events happened.
pub(super) fn opening_place(c: &Ctx<'_, '_>) -> Option<Filler> {
    let s = c.range.start;
    if !c.is_in(s, &PLACE_OPENERS) {
        return None;
    }
    let (j, mi) = place_mention_after(c, s)?;
    let m = &c.mentions()[mi];
    // "the city of Narva": a name the lexicon does not know is a place there.
    let led = c.is_word(j - 1, "of");
    ((placeish(m) || led) && c.is_word(m.toks.end, ",")).then(|| c.filler(mi))
}
