//! Visit rules: "X visited Y", "X's visit to Y", "the visit of X to Y",
//! "X arrived in Y", "X was headed to Y", and back-references ("the visit").

use super::{
    maybe_place, named_party, party, placeish, Ctx, Draft, Filler, Roles, RuleId, TriggerMatch,
};
use crate::document::Span;
use crate::lexicon::Frame;
use crate::mention::{Class, EntityMention};
use crate::tokens::TokenKind;
use crate::words::lists::rules::{ARTICLES, BACKREF_DETERMINERS, BE_FORMS, INDEFINITE_ARTICLES};
use crate::words::lists::visit::*;

/// The destination after token `from`: "to X", "in X", "X" (for a verb
/// taking it `direct`ly), or a description ("the Velnish capital", "the
/// capitals of the three provinces"), at the first preposition within six tokens.
fn destination(c: &Ctx<'_, '_>, from: usize, direct: bool, stative: bool) -> Option<Filler> {
    for k in c.ahead(from, 6) {
        let prep = c.is_in(k, &DESTINATION_PREPOSITIONS)
            && (stative || !c.is_in(k, &STATIVE_PREPOSITIONS));
        if prep || (direct && k == from) {
            let found = destination_at(c, k, if prep { k + 1 } else { k }, prep);
            if found.is_some() || prep {
                return found;
            }
        }
        if c.doc.tokens[k].kind == TokenKind::Punct {
            return None;
        }
    }
    None
}

/// The destination phrase at token `start` (after the preposition at `k`
/// when `prep`): the place a description names, a place mention, a site, a
/// described place, or after a preposition of motion a plain noun phrase.
fn destination_at(c: &Ctx<'_, '_>, k: usize, start: usize, prep: bool) -> Option<Filler> {
    let j = c.forward_over(start, &PLACE_ARTICLES);
    // "the northern village of Kessa", "the Velnish capital Tarnis": the
    // name the description introduces.
    named_place(c, j)
        .map(|mi| c.filler(mi))
        .or_else(|| place_mention(c, j))
        .or_else(|| site(c, start, j))
        .or_else(|| described_place(c, j))
        // "travelled to the hospital": after a motion verb, a plain noun
        // phrase (at most three words, up to a preposition or punctuation).
        .or_else(|| {
            let plain = prep && c.is_in(k, &MOTION_PREPOSITIONS) && j > k + 1;
            let phrase = plain.then(|| c.span(j, c.words_end(j, 3, |_| false)))?;
            phrase.map(Filler::Span)
        })
}

/// A place mention at token `j`, extended over a second one joined by
/// "and" ("Velgrad and the coastal provinces").
fn place_mention(c: &Ctx<'_, '_>, j: usize) -> Option<Filler> {
    let mi = c.mention_starting(j).filter(c.mention_is(maybe_place))?;
    let m = &c.mentions()[mi];
    let Some(m2) = c.mention_after_word(m.toks.end, "and", 3, maybe_place) else {
        return Some(c.filler(mi));
    };
    let end = c.words_end(c.mentions()[m2].toks.end, 2, |_| false);
    let span = Span::new(m.span.start, c.doc.tokens[end - 1].span.end);
    Some(Filler::Span(span))
}

/// "visited the Kessa refugee camp": a site noun ending a phrase opened by
/// an article at `start` and going on at `j` (not "visiting museums",
/// "landed in jail", "the orbiting planets").
fn site(c: &Ctx<'_, '_>, start: usize, j: usize) -> Option<Filler> {
    let word = |x| c.kind(x) == Some(TokenKind::Word);
    let is_site = |q| c.noun_types(q).has(crate::lexicon::NounType::Site);
    let site_end = (j..=j + 2)
        .find(|&q| j > start && (j..=q).all(word) && is_site(q) && !c.plain_word(q + 1))?;
    c.span(j, site_end + 1).map(Filler::Span)
}

/// A place described by a noun from token `j`, up to the end of its
/// description ("the capitals of the three provinces", "the Velnish capital").
fn described_place(c: &Ctx<'_, '_>, j: usize) -> Option<Filler> {
    if !(c.is_in(j, &PLACE_DESCRIPTIONS) || (1..=2).any(|a| c.is_in(j + a, &PLACE_NOUNS))) {
        return None;
    }
    let ends = |q| matches!(c.word(q), "," | "." | ";") || c.is_in(q, &DESCRIPTION_END);
    let end = c.ahead(j, 10).find(|&q| ends(q)).unwrap_or(c.range.end);
    c.span(j, end).map(Filler::Span)
}

/// The place a description from token `j` introduces: "the northern
/// village of Kessa" (a place noun, "of", a place), "the Velnish capital
/// Tarnis" (a place noun, then the name).
fn named_place(c: &Ctx<'_, '_>, j: usize) -> Option<usize> {
    let noun = c.ahead(j, 4).find(|&q| c.is_in(q, &PLACE_NOUNS))?;
    // Only modifiers before the noun: no verb or preposition in between.
    if !(j..noun).all(|q| c.plain_word(q)) {
        return None;
    }
    c.mention_starting(c.past_word(noun + 1, "of"))
        .filter(c.mention_is(|m| matches!(m.class, Class::Place | Class::Unknown)))
}

/// The host: "met with X", "talks with X", "hosted by X", "where he met X".
fn host(c: &Ctx<'_, '_>, from: usize) -> Option<Filler> {
    use Class::*;
    let hostish = |m: &EntityMention| matches!(m.class, Person | Description | Group | Org);
    let mi = (from..c.range.end)
        .filter(|&k| c.is_in(k, &HOST_CUES))
        .find_map(|k| {
            let j = c.forward_over(k + 1, &HOST_LEADERS);
            c.mention_starting(j).filter(c.mention_is(hostish))
        })?;
    let m = &c.mentions()[mi];
    // "officials in Velgrad": the officials of the place.
    let group_in = m.class == Class::Group && c.is_word(m.toks.end, "in");
    let place = c.mention_starting(m.toks.end + 1).filter(|_| group_in);
    Some(place.map_or(c.filler(mi), |p| {
        Filler::Span(Span::new(m.span.start, c.mentions()[p].span.end))
    }))
}

/// "Holt hosted Ilves in Tarnis", "Ilves was received by Holt in
/// Velgrad", "Ilves was welcomed at Velgrad airport by Holt", "the mayor
/// welcomed Ilves to Kessa", "Holt hosted his counterpart, Ilves, at the
/// palace": a named guest and a place it came to; without the place
/// ("welcomed the ruling", "received a call") it is no visit. Any trigger
/// may be asked: a speech verb that hosts a visitor is no statement.
pub(crate) fn hosted(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let passive = c.follows(t, &BE_FORMS);
    // A passive may name the place before its host.
    let early = passive.then(|| guest_place(c, e)).flatten();
    let (visitor, host, after) = if passive {
        let v = c.subject_before(t).filter(c.mention_is(traveller))?;
        let by = (early.as_ref()).map_or(e, |(_, end)| c.forward_while(*end, |k| c.plain_word(k)));
        let h = c.mention_after_word(by, "by", 3, party)?;
        (v, Some(h), c.mentions()[h].toks.end)
    } else {
        let v = c.mention_after(e, 2, traveller)?;
        let h = c.subject_before(t).filter(c.mention_is(party));
        // "his counterpart, Yuri Sato, at ...": the name set off by commas.
        let end = c.mentions()[v].toks.end;
        let named = c.mention_after_word(end, ",", 1, traveller);
        let named = named.filter(|&n| c.is_word(c.mentions()[n].toks.end, ","));
        named.map_or((v, h, end), |n| (n, h, c.mentions()[n].toks.end + 1))
    };
    let (place, _) = early.or_else(|| guest_place(c, after))?;
    let roles = Roles::Visit {
        visitor: Some(c.filler(visitor)),
        destination: Some(place),
        host: host.map(|h| c.filler(h)),
    };
    Some(c.draft(tr, roles, RuleId::VisitHosted, false))
}

/// The place a guest came to, after a preposition at `k` ("to Tarnis", "at
/// the palace"): a place mention or a site; with the token after it.
fn guest_place(c: &Ctx<'_, '_>, k: usize) -> Option<(Filler, usize)> {
    if !c.is_in(k, &GUEST_PLACE_PREPOSITIONS) {
        return None;
    }
    if let Some(mi) = c.mention_after(k + 1, 3, placeish) {
        return Some((c.filler(mi), c.mentions()[mi].toks.end));
    }
    let j = c.forward_over(k + 1, &PLACE_ARTICLES);
    if (j..j + 3).any(|q| c.is_in(q, &GATHERINGS)) {
        return None;
    }
    let place = site(c, k + 1, j)?;
    let end = (j..c.range.end).find(|&q| c.doc.tokens[q].span.start >= c.filler_span(&place).end);
    Some((place, end.unwrap_or(c.range.end)))
}

/// The traveller of a visit told in an opening clause: "After visiting
/// Tarnis, Ilves ...", "During her trip, Holt ...", "If the visit goes
/// ahead, Ilves ...": the first person after the clause's comma.
fn opening_clause_subject(c: &Ctx<'_, '_>, t: usize, e: usize) -> Option<usize> {
    let opening = (t == c.range.start && c.word(t).ends_with("ing"))
        || (t < c.range.start + 4 && c.is_in(c.range.start, &CLAUSE_OPENERS));
    if !opening {
        return None;
    }
    let comma = (e..c.range.end).find(|&k| c.is_word(k, ","))?;
    c.mention_after(comma + 1, 3, traveller)
}

/// A mention that can be a guest or a traveller: a person, a pronoun, a
/// description or a name of unknown type.
fn traveller(m: &EntityMention) -> bool {
    use Class::*;
    matches!(m.class, Person | Pronoun | Description | Unknown)
}

/// Tries the visit rules on one trigger.
pub(crate) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    match tr.frame {
        Frame::Host => hosted(c, tr),
        Frame::Noun => noun_visit(c, tr),
        Frame::Verb | Frame::VerbWeak => verb_visit(c, tr),
        _ => None,
    }
}

/// A visit noun: "X's visit to Y", "the visit of X to Y", "X paid a visit",
/// "a visit to Y by X", a visit in an opening clause, or a back-reference
/// to a visit already told ("the visit"). The host is looked for only once
/// a visit is found.
fn noun_visit(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    // The noun phrase, with its adjectives ("an unannounced visit").
    let k = c.back_over(t, &VISIT_ADJECTIVES);
    let (mut visitor, mut rule) = noun_visitor(c, k, e);
    let destination = noun_destination(c, e);
    if visitor.is_none() && c.follows(k, &ARTICLES) {
        visitor = visitor_by(c, e, &destination);
        if visitor.is_some() {
            rule = RuleId::VisitByVisitor;
        }
    }
    if visitor.is_none() && no_trip(c, k, destination.is_some()) {
        return None;
    }
    // "If the visit to Tarnis goes ahead, Dana Holt would ...", "During her
    // trip, Holt met ...": a visit in an opening clause is the main clause
    // subject's.
    if matches!(visitor, None | Some(Filler::Possessor(..))) {
        if let Some(mi) = opening_clause_subject(c, t, e) {
            visitor = Some(c.filler(mi));
            rule = RuleId::VisitOpeningClause;
        }
    }
    // "Visits to the museum rose", "tourist visits": a plural with no
    // visitor and no determiner or count is travel in general.
    let counted = c.follows(k, &ARTICLES)
        || c.follows(k, &BACKREF_DETERMINERS)
        || c.follows(k, &VISIT_DETERMINERS)
        || (k > c.range.start && c.kind(k - 1) == Some(TokenKind::Num));
    if visitor.is_none() && crate::words::plural(c.word(e - 1)) && !counted {
        return None;
    }
    if visitor.is_none() && destination.is_none() {
        if !c.follows(k, &BACKREF_DETERMINERS) && !c.is_word(k.saturating_sub(1), "during") {
            return None;
        }
        rule = RuleId::VisitBackref;
    }
    let backref = visitor.is_none();
    let host = host(c, e);
    let roles = Roles::Visit {
        visitor,
        destination,
        host,
    };
    Some(c.draft(tr, roles, rule, backref))
}

/// The visitor of a visit noun whose phrase starts at token `k` and which
/// ends before `e`, and the rule that found it: the possessor ("X's
/// visit", "his trip"), "the visit of X", or the subject of a light verb
/// ("X paid a visit"). The rule is the last construction seen, even when
/// it named no visitor.
fn noun_visitor(c: &Ctx<'_, '_>, k: usize, e: usize) -> (Option<Filler>, RuleId) {
    let mut visitor = None;
    let mut rule = RuleId::VisitNoun;
    if c.possessed(k) {
        let possessor = c.mention_ending(k - 1).filter(c.mention_is(party));
        visitor = possessor.map(|mi| c.filler(mi));
        rule = RuleId::VisitPossessive;
    } else if c.follows(k, &POSSESSIVE_PRONOUNS) {
        // The possessive pronoun: resolved like "he".
        visitor = Some(Filler::Possessor(c.si, c.doc.tokens[k - 1].span));
        rule = RuleId::VisitPossessive;
    }
    if visitor.is_none() && c.is_word(e, "of") {
        visitor = c.mention_after(e + 1, 3, party).map(|mi| c.filler(mi));
        rule = RuleId::VisitOfVisitor;
    }
    if visitor.is_none() {
        let d = c.back_while(k, |q| {
            c.is_in(q, &VISIT_DETERMINERS) || c.kind(q) == Some(TokenKind::Num)
        });
        if c.follows(d, &VISIT_LIGHT_VERBS) {
            let subject = c.subject_before(d - 1).filter(c.mention_is(party));
            visitor = subject.map(|mi| c.filler(mi));
            rule = RuleId::VisitLightVerb;
        }
    }
    (visitor, rule)
}

/// The destination of a visit noun ending before `e`: after it (past "of
/// X"), or one word later ("an unannounced visit Friday to Tarnis"), or "of" a
/// place ("a tour of Europe": where the tour goes).
fn noun_destination(c: &Ctx<'_, '_>, e: usize) -> Option<Filler> {
    let after = (c.mention_after_word(e, "of", 3, party)).map_or(e, |mi| c.mentions()[mi].toks.end);
    let of_place = || Some(c.filler(c.mention_after_word(e, "of", 3, placeish)?));
    (destination(c, after, false, true))
        .or_else(|| destination(c, after + 1, false, true))
        .or_else(of_place)
}

/// "a visit to Tarnis by Dana Holt", "a visit by Dana Holt to Tarnis": the
/// visitor after "by" right after the noun (ending before `e`) or after its
/// destination `dest`.
fn visitor_by(c: &Ctx<'_, '_>, e: usize, dest: &Option<Filler>) -> Option<Filler> {
    let dest_end = (dest.as_ref().and_then(|f| c.filler_mention(f))).map(|m| m.toks.end);
    let mut by = [Some(e), dest_end].into_iter().flatten();
    let by = by.find(|&j| c.is_word(j, "by"))?;
    let visitor = c.mention_after(by + 1, 3, named_party);
    visitor.map(|mi| c.filler(mi))
}

/// True when a visit noun whose phrase starts at `k`, told without a
/// traveller, is no trip: the sports circuit ("returned to the tour after
/// injury", "back on the tour") when no destination is told either, or an
/// indefinite trip that opens the sentence ("A trip to the moon is too
/// expensive"), travel in general.
fn no_trip(c: &Ctx<'_, '_>, k: usize, has_destination: bool) -> bool {
    let circuit =
        k >= c.range.start + 3 && c.is_in(k - 2, &CIRCUIT_PREPOSITIONS) && c.is_in(k - 3, &RETURNS);
    let generic = k == c.range.start + 1 && c.is_in(c.range.start, &INDEFINITE_ARTICLES);
    (circuit && !has_destination) || generic
}

/// A visit or motion verb: "X visited Y", "X arrived in Y", "X left for Y",
/// with the subject (or an opening clause's) for visitor.
fn verb_visit(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    // Adjective uses: "visiting scholars", "the travelling party"
    let adjective = c.follows(t, &ADJECTIVE_DETERMINERS) || c.follows(t, &VISIT_ADJECTIVES);
    if adjective || (t > c.range.start && c.kind(t - 1) == Some(TokenKind::Poss)) {
        return None;
    }
    let visit_verb = c.is_in(t, &VISIT_VERBS);
    // "visits to the museum": the verb takes its place without "to", so
    // this is the noun (the noun rule's).
    if visit_verb && c.is_word(e, "to") {
        return None;
    }
    let direct = visit_verb || {
        // "left for Tarnis", "is due in Tarnis": the phrase ends with its
        // preposition.
        let p = c.lex.trigger_phrase(tr.phrase);
        p.ends_with(" for") || p.ends_with(" to") || p.ends_with(" in")
    };
    // "travelling in the capital" is no trip to it; "arrived in" is.
    let stative = visit_verb || c.is_in(t, &ARRIVAL_VERBS);
    let place = destination(c, e, direct, stative)?;
    let subject = c.subject_before(t).filter(c.mention_is(party));
    let visitor = (subject.or_else(|| opening_clause_subject(c, t, t))).map(|mi| c.filler(mi));
    if visitor.is_none() && (tr.frame == Frame::VerbWeak || !direct) {
        return None;
    }
    let rule = if visit_verb {
        RuleId::VisitVerb
    } else {
        RuleId::VisitMotionTo
    };
    let roles = Roles::Visit {
        visitor,
        destination: Some(place),
        host: host(c, e),
    };
    Some(c.draft(tr, roles, rule, false))
}
